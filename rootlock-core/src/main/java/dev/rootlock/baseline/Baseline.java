package dev.rootlock.baseline;

import dev.rootlock.model.Exempt;
import dev.rootlock.model.Finding;
import dev.rootlock.model.Fingerprint;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The findings a team has accepted for now, by fingerprint, so that a scan fails only on new ones.
 * Fingerprints hold no line numbers: an edit elsewhere in a file leaves them matching. Files are
 * recorded relative to the baseline's own directory, so the same baseline works whichever directory
 * the scan runs from.
 *
 * @param version the file format's version, {@link #VERSION}
 */
public record Baseline(int version, List<Fingerprint> entries) {

  /** The version this rootlock writes and reads. */
  public static final int VERSION = 1;

  public Baseline {
    entries = List.copyOf(entries);
  }

  /**
   * Today's findings (exempt ones left out: they are accepted already, with their reason) as a
   * baseline whose files are written by {@code fileKey}.
   */
  public static Baseline of(ScanResult result, UnaryOperator<String> fileKey) {
    List<Fingerprint> entries = new ArrayList<>();
    for (ObjectResult object : result.objects()) {
      for (Finding finding : object.failingFindings()) {
        entries.add(keyed(Fingerprint.of(finding), fileKey));
      }
    }
    return new Baseline(VERSION, entries);
  }

  /**
   * {@code result} with every finding this baseline records marked exempt ({@code source} names the
   * baseline), objects whose findings are all exempt allowed, and the entries no finding matched
   * reported as stale (fixed since).
   */
  public ScanResult apply(ScanResult result, UnaryOperator<String> fileKey, String source) {
    List<Fingerprint> unmatched = new ArrayList<>(entries);
    Exempt why = new Exempt("accepted in the baseline", source);
    List<ObjectResult> objects = new ArrayList<>();
    for (ObjectResult object : result.objects()) {
      List<Finding> findings = new ArrayList<>();
      for (Finding finding : object.findings()) {
        boolean known = unmatched.remove(keyed(Fingerprint.of(finding), fileKey));
        findings.add(known && !finding.isExempt() ? finding.exempted(why) : finding);
      }
      boolean allowed = object.allowed() || findings.stream().allMatch(Finding::isExempt);
      objects.add(
          new ObjectResult(object.object(), allowed, object.message(), findings, object.notes()));
    }
    return new ScanResult(
            result.policy(), objects, result.errors(), result.skippedKinds(), result.stale())
        .withStale(unmatched);
  }

  private static Fingerprint keyed(Fingerprint print, UnaryOperator<String> fileKey) {
    return new Fingerprint(
        fileKey.apply(print.file()),
        print.kind(),
        print.namespace(),
        print.name(),
        print.container(),
        print.check(),
        print.path());
  }

  /**
   * A file key relative to {@code dir} (the baseline's directory), with {@code /} separators;
   * standard input and pseudo-files ({@code -}, {@code cluster:...}) stay as they are.
   */
  public static UnaryOperator<String> relativeTo(Path dir) {
    Objects.requireNonNull(dir, "dir");
    Path base = dir.toAbsolutePath().normalize();
    return file -> {
      if (file.equals("-") || file.contains(":")) {
        return file;
      }
      Path absolute = Path.of(file).toAbsolutePath().normalize();
      return base.relativize(absolute).toString().replace('\\', '/');
    };
  }
}
