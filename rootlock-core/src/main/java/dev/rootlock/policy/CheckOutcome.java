package dev.rootlock.policy;

import dev.rootlock.model.Level;

/** One failing check in a {@link Decision}: which check, at which level, and what it found. */
public record CheckOutcome(String id, Level level, CheckResult result) {}
