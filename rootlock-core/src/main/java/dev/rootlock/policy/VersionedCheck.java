package dev.rootlock.policy;

import dev.rootlock.model.PolicyVersion;
import java.util.List;

/**
 * One implementation of a check, in force from {@code minimumVersion} up to the next
 * implementation's minimum version.
 *
 * @param overrides IDs of baseline checks this (restricted or hardened) implementation replaces
 *     while it is in force
 */
public record VersionedCheck<T>(
    PolicyVersion minimumVersion, List<String> overrides, CheckFunction<T> function) {

  public VersionedCheck {
    overrides = List.copyOf(overrides);
  }

  /** An implementation from {@code v1.<minor>} on that overrides nothing. */
  public static <T> VersionedCheck<T> since(int minor, CheckFunction<T> function) {
    return new VersionedCheck<>(PolicyVersion.v1(minor), List.of(), function);
  }

  /** An implementation from {@code v1.<minor>} on that replaces the given baseline checks. */
  public static <T> VersionedCheck<T> since(
      int minor, CheckFunction<T> function, String... overriddenIds) {
    return new VersionedCheck<>(PolicyVersion.v1(minor), List.of(overriddenIds), function);
  }
}
