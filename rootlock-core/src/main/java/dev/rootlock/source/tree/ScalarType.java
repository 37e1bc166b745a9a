package dev.rootlock.source.tree;

/** What a scalar resolves to, after the YAML dialect's rules (or JSON's own types). */
public enum ScalarType {
  NULL,
  BOOLEAN,
  INTEGER,
  FLOAT,
  STRING
}
