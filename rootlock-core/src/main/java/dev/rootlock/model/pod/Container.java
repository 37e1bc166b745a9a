package dev.rootlock.model.pod;

import dev.rootlock.model.FieldPath;
import java.util.List;
import java.util.Objects;

/**
 * One init, regular or ephemeral container.
 *
 * @param index position in its list, so that {@link #path()} names it
 * @param name never null: {@code ""} when not written (as Go decodes it); see {@link
 *     #displayName()}
 * @param securityContext never null: {@link SecurityContext#EMPTY} when absent
 * @param hasSecurityContext whether a {@code securityContext} was written at all
 * @param memoryLimit {@code resources.limits.memory} as written, or null
 */
public record Container(
    ContainerKind kind,
    int index,
    String name,
    String image,
    SecurityContext securityContext,
    boolean hasSecurityContext,
    List<ContainerPort> ports,
    List<VolumeMount> volumeMounts,
    List<ProbeHost> probeHosts,
    String memoryLimit) {

  public Container {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(securityContext, "securityContext");
    ports = List.copyOf(ports);
    volumeMounts = List.copyOf(volumeMounts);
    probeHosts = List.copyOf(probeHosts);
  }

  /**
   * How messages name this container: its name, or for a nameless one (a Knative Service's, or a
   * manifest that omits the required name) its place, {@code containers[0]}, since PSA's {@code
   * container ""} would point nowhere.
   */
  public String displayName() {
    return name.isEmpty() ? kind.field() + "[" + index + "]" : name;
  }

  /** This container's path relative to the pod template root, e.g. {@code spec.containers[1]}. */
  public FieldPath path() {
    return FieldPath.of("spec", kind.field()).index(index);
  }

  /** The path of a field in this container's securityContext. */
  public FieldPath securityContextPath(String... field) {
    return path().key("securityContext").keys(field);
  }
}
