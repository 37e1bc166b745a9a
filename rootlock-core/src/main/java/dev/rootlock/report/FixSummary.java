package dev.rootlock.report;

import dev.rootlock.model.fix.FileResult;
import dev.rootlock.model.fix.FixReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The end of a {@code rootlock fix} run as a person reads it in CI: each note once, a note that
 * repeats across files grouped on one line with its count and first few files, and a one-line
 * summary (files changed, objects hardened, notes by kind).
 *
 * <pre>{@code
 * a.yaml: note: deployment/api: container "api": /data must persist: mount a PersistentVolumeClaim there
 * a.yaml, b.yaml, c.yaml and 2 more files: note (6 times): runAsNonRoot: true stops the kubelet ...
 * fix: 5 files fixed, 7 objects hardened; 1 unchanged; notes: 6 runAsNonRoot needs a numeric user, 1 must persist
 * }</pre>
 */
public final class FixSummary {

  /** How many files a grouped note names before "and N more files". */
  public static final int FILES_SHOWN = 3;

  /**
   * Who a note is about: the object ({@code deployment/web}), a Compose service, the pod or its
   * containers. Two notes that differ only in these say the same thing about different objects.
   */
  private static final Pattern SUBJECT =
      Pattern.compile(
          "^(?:(?:[a-z0-9.-]+/[^\\s:]*|service \"[^\"]*\"|containers? \"[^\"]*\"(?:, \"[^\"]*\")*"
              + "(?: and \"[^\"]*\")?|pod): )+");

  private FixSummary() {}

  /**
   * Every note of {@code files}, in file order: {@code FILE: note: TEXT}, except that a note said
   * in more than one file (its subject aside) is one line, where it first appears.
   */
  public static List<String> noteLines(List<FileResult> files) {
    Map<String, Set<String>> filesByMessage = new LinkedHashMap<>();
    Map<String, Integer> countByMessage = new LinkedHashMap<>();
    List<String> messages = new ArrayList<>(); // every note's, in order: one regex match each
    for (FileResult file : files) {
      for (String note : file.notes()) {
        String message = message(note);
        messages.add(message);
        filesByMessage.computeIfAbsent(message, m -> new LinkedHashSet<>()).add(file.file());
        countByMessage.merge(message, 1, Integer::sum);
      }
    }
    List<String> lines = new ArrayList<>();
    Set<String> grouped = new LinkedHashSet<>();
    int next = 0;
    for (FileResult file : files) {
      for (String note : file.notes()) {
        String message = messages.get(next++);
        Set<String> where = filesByMessage.get(message);
        if (where.size() < 2) {
          lines.add(file.file() + ": note: " + note);
        } else if (grouped.add(message)) {
          lines.add(
              files(where) + ": note (" + countByMessage.get(message) + " times): " + message);
        }
      }
    }
    return lines;
  }

  /**
   * The last line: {@code fix: 2 files fixed, 3 objects hardened; 5 unchanged, 1 skipped, 1 with
   * errors; notes: 3 image starts as root, 1 Dockerfile not fixed}. Written runs say "fixed" and
   * "hardened", the others "to fix" and "to harden".
   */
  public static String summary(FixReport report) {
    int changed = 0;
    int hardened = 0;
    int unchanged = 0;
    int skipped = 0;
    int errors = report.inputErrors().size();
    Map<NoteKind, Integer> kinds = new LinkedHashMap<>();
    for (FileResult file : report.files()) {
      switch (file.status()) {
        case CHANGED -> {
          changed++;
          hardened += file.hardened();
        }
        case UNCHANGED -> unchanged++;
        case SKIPPED -> skipped++;
        case ERROR -> errors++;
      }
      for (String note : file.notes()) {
        kinds.merge(NoteKind.of(note), 1, Integer::sum);
      }
    }
    StringBuilder line = new StringBuilder("fix: ");
    line.append(count(changed, "file"))
        .append(report.written() ? " fixed, " : " to fix, ")
        .append(count(hardened, "object"))
        .append(report.written() ? " hardened" : " to harden");
    List<String> rest = new ArrayList<>();
    if (unchanged > 0) {
      rest.add(unchanged + " unchanged");
    }
    if (skipped > 0) {
      rest.add(skipped + " skipped");
    }
    if (errors > 0) {
      rest.add(errors + (errors == 1 ? " error" : " errors"));
    }
    if (!rest.isEmpty()) {
      line.append("; ").append(String.join(", ", rest));
    }
    if (!kinds.isEmpty()) {
      List<String> byKind = new ArrayList<>();
      kinds.entrySet().stream()
          .sorted(Map.Entry.<NoteKind, Integer>comparingByValue().reversed())
          .forEach(e -> byKind.add(e.getValue() + " " + e.getKey().label()));
      line.append("; notes: ").append(String.join(", ", byKind));
    }
    return line.toString();
  }

  /** The note without the object, service or containers it names first. */
  static String message(String note) {
    return SUBJECT.matcher(note).replaceFirst("");
  }

  private static String files(Set<String> where) {
    List<String> names = new ArrayList<>(where);
    if (names.size() <= FILES_SHOWN) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, FILES_SHOWN))
        + " and "
        + count(names.size() - FILES_SHOWN, "more file");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
