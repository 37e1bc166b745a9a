package dev.rootlock.model.pod;

import java.util.List;
import java.util.Objects;

/**
 * What a pod check evaluates: a pod template's metadata and spec, exactly as PSA's checks take
 * them. Field paths in check results are relative to this template's root ({@code metadata...},
 * {@code spec...}).
 *
 * @param unknownFields fields of the spec, its containers, securityContexts and volumes that the
 *     API server's schema does not have (none for an object read from a cluster, which prunes them)
 */
public record Pod(ObjectMeta metadata, PodSpec spec, List<UnknownField> unknownFields) {

  public Pod {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
    unknownFields = List.copyOf(unknownFields);
  }

  /** A pod without unknown fields. */
  public Pod(ObjectMeta metadata, PodSpec spec) {
    this(metadata, spec, List.of());
  }
}
