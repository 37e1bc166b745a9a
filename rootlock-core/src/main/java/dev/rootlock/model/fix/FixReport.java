package dev.rootlock.model.fix;

import dev.rootlock.model.InputError;
import java.util.List;

/**
 * The outcome of one {@code rootlock fix} run.
 *
 * @param files one result per file, in the order the files were named or found
 * @param inputErrors arguments that named no file (a missing path, an empty directory)
 * @param written whether changes were written ({@code Fixer#apply}) rather than proposed
 */
public record FixReport(List<FileResult> files, List<InputError> inputErrors, boolean written) {

  /** Nothing needed changing. */
  public static final int UNCHANGED = 0;

  /** Changes are needed: proposed, not written. */
  public static final int CHANGED = 1;

  /** A file or argument could not be handled; every other file was still fixed. */
  public static final int ERROR = 2;

  public FixReport {
    files = List.copyOf(files);
    inputErrors = List.copyOf(inputErrors);
  }

  /**
   * 2 on any error; else, when the changes were written, 0 (the run did what it planned); else 1
   * when anything needs changing ({@code --check}, {@code --diff}), else 0.
   */
  public int exitCode() {
    if (!inputErrors.isEmpty()
        || files.stream().anyMatch(f -> f.status() == FileResult.Status.ERROR)) {
      return ERROR;
    }
    if (written) {
      return UNCHANGED;
    }
    return files.stream().anyMatch(f -> f.status() == FileResult.Status.CHANGED)
        ? CHANGED
        : UNCHANGED;
  }

  /** All diffs, file after file. */
  public String diff() {
    StringBuilder out = new StringBuilder();
    files.forEach(f -> out.append(f.diff()));
    return out.toString();
  }
}
