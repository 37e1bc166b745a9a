package dev.rootlock.fix;

import java.util.List;

/**
 * What {@code rootlock fix} did (or would do) to one file.
 *
 * @param file the file as the user named it
 * @param status whether it changed
 * @param diff the unified diff of the change; empty when nothing changes or on error
 * @param notes what the user should know about the objects in it
 * @param error why the file was left untouched, or null
 * @param fixed the fixed text (null on error): the CLI prints it for standard input
 * @param hardened how many objects (workloads, Compose services) the change hardens
 */
public record FileResult(
    String file,
    Status status,
    String diff,
    List<String> notes,
    String error,
    String fixed,
    int hardened) {

  /** What happened to a file. */
  public enum Status {
    /** Nothing to change. */
    UNCHANGED,
    /** Changes were proposed ({@link Fixer#plan}) or written ({@link Fixer#apply}). */
    CHANGED,
    /** Left untouched because of {@link FileResult#error}. */
    ERROR,
    /**
     * Found in a directory but not a kind of file fix rewrites (a Dockerfile); its note says why.
     */
    SKIPPED
  }

  public FileResult {
    notes = List.copyOf(notes);
  }

  /** A result that hardens no object. */
  public FileResult(
      String file, Status status, String diff, List<String> notes, String error, String fixed) {
    this(file, status, diff, notes, error, fixed, 0);
  }

  static FileResult skipped(String file, String note) {
    return new FileResult(file, Status.SKIPPED, "", List.of(note), null, null);
  }

  static FileResult error(String file, String error, List<String> notes) {
    return new FileResult(file, Status.ERROR, "", notes, error, null);
  }
}
