package dev.rootlock.docker;

/** The outcome of a command run inside a container; exit code -1 means it timed out. */
public record ExecResult(long exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** stdout and stderr joined, trimmed: what a person would have seen. */
  public String output() {
    return (stdout + stderr).strip();
  }
}
