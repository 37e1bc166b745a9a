package dev.rootlock.cli;

/** The {@code --format} of docker discover and verify: a narrow text report, a wide one, JSON. */
enum TableFormat {
  text,
  wide,
  json
}
