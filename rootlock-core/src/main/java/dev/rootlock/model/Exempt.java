package dev.rootlock.model;

import java.util.Objects;

/**
 * Why a finding does not count: an exemption (from a config file, an annotation, a Compose
 * extension, a Dockerfile comment) or a baseline entry.
 *
 * @param reason the exemption's reason, as written
 * @param source where the exemption is written, e.g. {@code .rootlock.yaml:4:5} or {@code
 *     annotation rootlock.dev/exempt in metadata}
 */
public record Exempt(String reason, String source) {

  public Exempt {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
  }

  /**
   * Whether the exemption is written in the object it exempts (an annotation, a Compose {@code
   * x-rootlock}, a Dockerfile comment) rather than in a config file or a baseline.
   */
  public boolean writtenInObject() {
    return source.startsWith("annotation ")
        || source.startsWith("x-rootlock")
        || source.startsWith("comment ");
  }
}
