package dev.rootlock.model.pod;

import java.util.Objects;

/**
 * What a pod check evaluates: a pod template's metadata and spec, exactly as PSA's checks take them.
 * Field paths in check results are relative to this template's root ({@code metadata...}, {@code
 * spec...}).
 */
public record Pod(ObjectMeta metadata, PodSpec spec) {

  public Pod {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }
}
