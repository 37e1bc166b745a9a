package dev.rootlock.model.pod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a Kubernetes pod spec that the policy reads. Booleans and strings are null when
 * unset.
 *
 * @param securityContext never null: {@link PodSecurityContext#EMPTY} when absent
 * @param hasSecurityContext whether {@code spec.securityContext} was written at all
 * @param osName {@code spec.os.name}, or null
 */
public record PodSpec(
    List<Container> initContainers,
    List<Container> containers,
    List<Container> ephemeralContainers,
    PodSecurityContext securityContext,
    boolean hasSecurityContext,
    Boolean hostNetwork,
    Boolean hostPID,
    Boolean hostIPC,
    Boolean hostUsers,
    String osName,
    String runtimeClassName,
    List<Volume> volumes) {

  public PodSpec {
    Objects.requireNonNull(securityContext, "securityContext");
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
    ephemeralContainers = List.copyOf(ephemeralContainers);
    volumes = List.copyOf(volumes);
  }

  /** Init, regular, then ephemeral containers: PSA's visiting order. */
  public List<Container> allContainers() {
    List<Container> all =
        new ArrayList<>(initContainers.size() + containers.size() + ephemeralContainers.size());
    all.addAll(initContainers);
    all.addAll(containers);
    all.addAll(ephemeralContainers);
    return Collections.unmodifiableList(all);
  }

  /** Whether {@code spec.os.name} is {@code windows}. */
  public boolean isWindows() {
    return "windows".equals(osName);
  }
}
