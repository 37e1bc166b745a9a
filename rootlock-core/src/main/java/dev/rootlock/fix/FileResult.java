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
 */
public record FileResult(
    String file, Status status, String diff, List<String> notes, String error, String fixed) {

  /** What happened to a file. */
  public enum Status {
    /** Nothing to change. */
    UNCHANGED,
    /** Changes were proposed ({@link Fixer#plan}) or written ({@link Fixer#apply}). */
    CHANGED,
    /** Left untouched because of {@link FileResult#error}. */
    ERROR
  }

  public FileResult {
    notes = List.copyOf(notes);
  }

  static FileResult error(String file, String error, List<String> notes) {
    return new FileResult(file, Status.ERROR, "", notes, error, null);
  }
}
