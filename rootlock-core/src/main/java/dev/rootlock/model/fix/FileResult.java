package dev.rootlock.model.fix;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@code rootlock fix} did (or would do) to one file: the file as the user named it, whether
 * it changed, the unified diff of the change (empty when nothing changes or on error), what the
 * user should know about the objects in it, why it was left untouched (or null), the fixed text
 * (null on error; the CLI prints it for standard input) and how many objects (workloads, Compose
 * services) the change hardens.
 *
 * <p>The diff is built when first asked for: {@code fix --write} prints none, and building it for
 * ten thousand small files was a tenth of the run.
 */
public final class FileResult {

  /** What happened to a file. */
  public enum Status {
    /** Nothing to change. */
    UNCHANGED,
    /** Changes were proposed ({@code Fixer#plan}) or written ({@code Fixer#apply}). */
    CHANGED,
    /** Left untouched because of {@link FileResult#error}. */
    ERROR,
    /**
     * Found in a directory but not a kind of file fix rewrites (a Dockerfile); its note says why.
     */
    SKIPPED
  }

  private final String file;
  private final Status status;
  private Supplier<String> diffSource;
  private String diff;
  private final List<String> notes;
  private final String error;
  private final String fixed;
  private final int hardened;

  public FileResult(
      String file,
      Status status,
      String diff,
      List<String> notes,
      String error,
      String fixed,
      int hardened) {
    this(file, status, () -> diff, notes, error, fixed, hardened);
  }

  /** A result that hardens no object. */
  public FileResult(
      String file, Status status, String diff, List<String> notes, String error, String fixed) {
    this(file, status, diff, notes, error, fixed, 0);
  }

  /** A result whose diff {@code diff} builds when it is first asked for. */
  public FileResult(
      String file,
      Status status,
      Supplier<String> diff,
      List<String> notes,
      String error,
      String fixed,
      int hardened) {
    this.file = file;
    this.status = status;
    this.diffSource = Objects.requireNonNull(diff);
    this.notes = List.copyOf(notes);
    this.error = error;
    this.fixed = fixed;
    this.hardened = hardened;
  }

  public static FileResult skipped(String file, String note) {
    return new FileResult(file, Status.SKIPPED, "", List.of(note), null, null);
  }

  public static FileResult error(String file, String error, List<String> notes) {
    return new FileResult(file, Status.ERROR, "", notes, error, null);
  }

  public String file() {
    return file;
  }

  public Status status() {
    return status;
  }

  /** The unified diff of the change; empty when nothing changes or on error. */
  public synchronized String diff() {
    if (diff == null) {
      diff = diffSource.get();
      diffSource = null; // let the original text go
    }
    return diff;
  }

  public List<String> notes() {
    return notes;
  }

  public String error() {
    return error;
  }

  public String fixed() {
    return fixed;
  }

  public int hardened() {
    return hardened;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileResult that
        && file.equals(that.file)
        && status == that.status
        && diff().equals(that.diff())
        && notes.equals(that.notes)
        && Objects.equals(error, that.error)
        && Objects.equals(fixed, that.fixed)
        && hardened == that.hardened;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, status, notes, error, fixed, hardened);
  }

  @Override
  public String toString() {
    return "FileResult[file=" + file + ", status=" + status + ", error=" + error + "]";
  }
}
