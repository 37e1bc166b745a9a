package dev.rootlock.model.pod;

/** An {@code emptyDir} volume source; fields null when unset. */
public record EmptyDir(String medium, String sizeLimit) {

  /** Whether the volume lives in memory (a tmpfs). */
  public boolean inMemory() {
    return "Memory".equals(medium);
  }
}
