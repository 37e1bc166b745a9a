package dev.rootlock.report;

import dev.rootlock.model.InputError;
import dev.rootlock.model.ScanResult;
import java.util.List;

/**
 * The counts that every format's summary shows, computed one way for all of them.
 *
 * @param unreadableFiles distinct files with at least one input error
 * @param skipped skipped kinds, most frequent first, then by kind name, so output never depends on
 *     map order
 */
record ScanSummary(
    int objects,
    int violating,
    int findings,
    int exempt,
    int errors,
    int unreadableFiles,
    List<SkippedKind> skipped) {

  /** How many objects of one kind carried no pod template. */
  record SkippedKind(String kind, int count) {}

  static ScanSummary of(ScanResult result) {
    List<SkippedKind> skipped =
        result.skippedKinds().entrySet().stream()
            .map(entry -> new SkippedKind(entry.getKey(), entry.getValue()))
            .sorted(ScanSummary::mostSkippedFirst)
            .toList();
    return new ScanSummary(
        result.objects().size(),
        Math.toIntExact(result.violatingObjects()),
        Math.toIntExact(result.findingCount()),
        Math.toIntExact(result.exemptCount()),
        result.errors().size(),
        (int) result.errors().stream().map(InputError::file).distinct().count(),
        skipped);
  }

  /**
   * The most skipped kind first, then by name. Written out: {@code Comparator.comparingInt(...)}
   * builds serializable lambdas that the AOT cache cannot hold, so every scan would generate them.
   */
  private static int mostSkippedFirst(SkippedKind a, SkippedKind b) {
    int byCount = Integer.compare(b.count(), a.count());
    return byCount != 0 ? byCount : a.kind().compareTo(b.kind());
  }

  /** How many objects were skipped, all kinds together. */
  int skippedObjects() {
    return skipped.stream().mapToInt(SkippedKind::count).sum();
  }
}
