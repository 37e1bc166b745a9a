package dev.rootlock.source.dockerrun;

/**
 * A {@code docker run} flag the parser knows.
 *
 * @param name the long name without dashes, e.g. {@code user}
 * @param shorthand the one-letter alias, or {@code 0} when there is none
 * @param takesValue whether it takes a value ({@code --user root}); switches ({@code --read-only})
 *     take one only as {@code --read-only=false}
 */
record RunFlag(String name, char shorthand, boolean takesValue) {

  /** {@code --name}. */
  String longForm() {
    return "--" + name;
  }
}
