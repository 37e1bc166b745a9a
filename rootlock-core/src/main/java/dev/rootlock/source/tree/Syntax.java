package dev.rootlock.source.tree;

/** The language a document was written in; it decides some conversions (see the readers). */
public enum Syntax {
  YAML,
  JSON
}
