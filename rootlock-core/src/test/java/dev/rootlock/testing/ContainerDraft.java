package dev.rootlock.testing;

import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.ContainerPort;
import dev.rootlock.model.pod.ProbeHost;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.SecurityContext;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.model.pod.WindowsOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable container for {@link PodDraft}; null means unset. */
public final class ContainerDraft {

  private final ContainerKind kind;
  private final int index;
  public String name;
  public String image = "registry.k8s.io/pause";

  /** The securityContext is written when this is set or any of its fields is. */
  public boolean hasSecurityContext;

  public Boolean privileged;
  public Boolean allowPrivilegeEscalation;
  public Boolean readOnlyRootFilesystem;
  public Boolean runAsNonRoot;
  public Long runAsUser;
  public Long runAsGroup;

  /**
   * Null for no capabilities object; set e.g. {@code new Capabilities(List.of(), List.of("ALL"))}.
   */
  public Capabilities capabilities;

  public SeccompProfile seccompProfile;
  public SeLinuxOptions seLinuxOptions;
  public AppArmorProfile appArmorProfile;
  public WindowsOptions windowsOptions;
  public String procMount;
  public final Map<String, String> unrecognized = new LinkedHashMap<>();

  public final List<ContainerPort> ports = new ArrayList<>();
  public final List<VolumeMount> volumeMounts = new ArrayList<>();
  public final List<ProbeHost> probeHosts = new ArrayList<>();
  public String memoryLimit;

  ContainerDraft(ContainerKind kind, int index, String name) {
    this.kind = kind;
    this.index = index;
    this.name = name;
  }

  public ContainerDraft drop(String... capabilities) {
    List<String> add = this.capabilities == null ? List.of() : this.capabilities.add();
    this.capabilities = new Capabilities(add, List.of(capabilities));
    return this;
  }

  public ContainerDraft add(String... capabilities) {
    List<String> drop = this.capabilities == null ? List.of() : this.capabilities.drop();
    this.capabilities = new Capabilities(List.of(capabilities), drop);
    return this;
  }

  public ContainerDraft hostPort(int containerPort, int hostPort) {
    ports.add(new ContainerPort(containerPort, hostPort));
    return this;
  }

  public ContainerDraft mount(String volume, String path, Boolean readOnly) {
    volumeMounts.add(new VolumeMount(volume, path, readOnly, null));
    return this;
  }

  /** Adds a probe or lifecycle host, e.g. {@code probeHost("livenessProbe.httpGet", "a.com")}. */
  public ContainerDraft probeHost(String handler, String host) {
    probeHosts.add(new ProbeHost(handler, host));
    return this;
  }

  Container build() {
    boolean written =
        hasSecurityContext
            || privileged != null
            || allowPrivilegeEscalation != null
            || readOnlyRootFilesystem != null
            || runAsNonRoot != null
            || runAsUser != null
            || runAsGroup != null
            || capabilities != null
            || seccompProfile != null
            || seLinuxOptions != null
            || appArmorProfile != null
            || windowsOptions != null
            || procMount != null
            || !unrecognized.isEmpty();
    SecurityContext context =
        written
            ? new SecurityContext(
                privileged,
                allowPrivilegeEscalation,
                readOnlyRootFilesystem,
                runAsNonRoot,
                runAsUser,
                runAsGroup,
                capabilities,
                seccompProfile,
                seLinuxOptions,
                appArmorProfile,
                windowsOptions,
                procMount,
                unrecognized)
            : SecurityContext.EMPTY;
    return new Container(
        kind, index, name, image, context, written, ports, volumeMounts, probeHosts, memoryLimit);
  }
}
