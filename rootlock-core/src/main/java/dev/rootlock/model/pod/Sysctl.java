package dev.rootlock.model.pod;

import java.util.Objects;

/**
 * One {@code spec.securityContext.sysctls[]} entry.
 *
 * @param name never null: {@code ""} when not written
 * @param value null when not written
 */
public record Sysctl(String name, String value) {

  public Sysctl {
    Objects.requireNonNull(name, "name");
  }
}
