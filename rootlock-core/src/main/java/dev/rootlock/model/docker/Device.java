package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;

/**
 * One {@code devices} / {@code --device} entry as written: {@code HOST[:CONTAINER[:PERMISSIONS]]}
 * or a CDI name such as {@code vendor.com/gpu=all}.
 */
public record Device(String spec, FieldPath path) {

  /** The host side: the text before the first colon. */
  public String hostPath() {
    int colon = spec.indexOf(':');
    return colon < 0 ? spec : spec.substring(0, colon);
  }
}
