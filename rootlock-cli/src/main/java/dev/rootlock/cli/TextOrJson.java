package dev.rootlock.cli;

/** The {@code --format} of commands whose output is a report of their own, not a scan. */
enum TextOrJson {
  text,
  json
}
