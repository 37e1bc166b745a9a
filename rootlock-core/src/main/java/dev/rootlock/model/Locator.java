package dev.rootlock.model;

/**
 * Finds where a field is written in the input. A source implements it over its own parse tree, so
 * that checks and reports stay free of any parser.
 */
@FunctionalInterface
public interface Locator {

  /**
   * A locator for inputs that have no text positions (a live cluster, a running container). A
   * class, not a lambda: JDK 25's AOT cache holds no lambda of an interface with a default method,
   * and every scan initializes this interface.
   */
  Locator NONE =
      new Locator() {
        @Override
        public Position locate(FieldPath path) {
          return Position.START;
        }
      };

  /**
   * The position of the field at {@code path} (relative to the object's root), or, when that field
   * is not written, of the nearest enclosing field that is.
   */
  Position locate(FieldPath path);

  /**
   * The file that {@link #locate} places {@code path} in, when it is not the object's own file (a
   * Compose service that inherits a field from another file, or takes its value from {@code .env});
   * null for the object's own file, which is every source's case but Compose's.
   */
  default String fileOf(FieldPath path) {
    return null;
  }
}
