package dev.rootlock.model;

import java.util.List;
import java.util.Map;

/**
 * Everything one scan found, in input order.
 *
 * @param policy the level and version evaluated, printed as {@code hardened:latest}
 * @param skippedKinds kinds that carry no pod template, with how many objects of each were skipped
 * @param stale baseline entries no finding matched any more: fixed since the baseline was written
 */
public record ScanResult(
    String policy,
    List<ObjectResult> objects,
    List<InputError> errors,
    Map<String, Integer> skippedKinds,
    List<Fingerprint> stale) {

  /** CI exit codes. */
  public static final int PASSED = 0;

  public static final int VIOLATIONS = 1;
  public static final int ERROR = 2;

  public ScanResult {
    objects = List.copyOf(objects);
    errors = List.copyOf(errors);
    skippedKinds = Map.copyOf(skippedKinds);
    stale = List.copyOf(stale);
  }

  /** A result without a baseline. */
  public ScanResult(
      String policy,
      List<ObjectResult> objects,
      List<InputError> errors,
      Map<String, Integer> skippedKinds) {
    this(policy, objects, errors, skippedKinds, List.of());
  }

  /** The same result with {@code stale} baseline entries. */
  public ScanResult withStale(List<Fingerprint> staleEntries) {
    return new ScanResult(policy, objects, errors, skippedKinds, staleEntries);
  }

  /** 2 when any input could not be read, else 1 when any object violates, else 0. */
  public int exitCode() {
    if (!errors.isEmpty()) {
      return ERROR;
    }
    return objects.stream().allMatch(ObjectResult::allowed) ? PASSED : VIOLATIONS;
  }

  /** How many objects fail. */
  public long violatingObjects() {
    return objects.stream().filter(o -> !o.allowed()).count();
  }

  /** How many findings count (exempt ones left out). */
  public long findingCount() {
    return objects.stream().mapToLong(o -> o.failingFindings().size()).sum();
  }

  /** How many findings are exempt. */
  public long exemptCount() {
    return objects.stream().mapToLong(o -> o.exemptFindings().size()).sum();
  }
}
