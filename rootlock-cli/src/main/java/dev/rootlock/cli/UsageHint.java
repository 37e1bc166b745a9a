package dev.rootlock.cli;

/** A command with a one-line hint for usage errors that its synopsis alone does not explain. */
interface UsageHint {

  String usageHint();
}
