package dev.rootlock.docker;

/** One line of {@code docker diff}: a path and whether it was added, changed or deleted. */
public record FileChange(String path, Kind kind) {

  /** Docker's change kinds, in the API's numbering (0, 1, 2). */
  public enum Kind {
    MODIFIED,
    ADDED,
    DELETED;

    /** The kind the API numbers {@code code}. */
    public static Kind ofCode(int code) {
      return switch (code) {
        case 0 -> MODIFIED;
        case 1 -> ADDED;
        case 2 -> DELETED;
        default -> throw new IllegalArgumentException("unknown docker diff kind " + code);
      };
    }

    /** The letter {@code docker diff} prints. */
    public char letter() {
      return switch (this) {
        case MODIFIED -> 'C';
        case ADDED -> 'A';
        case DELETED -> 'D';
      };
    }
  }
}
