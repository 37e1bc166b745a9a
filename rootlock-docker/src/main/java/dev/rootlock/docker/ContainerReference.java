package dev.rootlock.docker;

import java.util.regex.Pattern;

/**
 * A container named as Docker accepts it: an id (or an id's hex prefix) or a name of letters,
 * digits, {@code _}, {@code .} and {@code -} that starts with a letter or digit (Docker's {@code
 * RestrictedNamePattern}), optionally after one {@code /}. Anything else (an empty string, {@code
 * ../../containers}) would be spliced into the Engine API's path, {@code /containers/{id}/json},
 * and reach another endpoint; it is refused before any request is made.
 */
public final class ContainerReference {

  private static final Pattern VALID = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private static final int MAX_LENGTH = 256;

  private ContainerReference() {}

  /**
   * Returns {@code reference} if Docker could name a container so.
   *
   * @throws IllegalArgumentException with a one-line reason otherwise
   */
  public static String check(String reference) {
    if (reference == null || reference.isEmpty()) {
      throw new IllegalArgumentException("a container name or id is required, got \"\"");
    }
    if (reference.length() > MAX_LENGTH || !VALID.matcher(reference).matches()) {
      String shown = reference.length() > 64 ? reference.substring(0, 64) + "…" : reference;
      throw new IllegalArgumentException(
          "invalid container name or id \""
              + shown.replaceAll("\\p{Cntrl}", "?")
              + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return reference;
  }
}
