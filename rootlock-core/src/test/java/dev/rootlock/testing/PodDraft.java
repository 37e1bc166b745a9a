package dev.rootlock.testing;

import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.EmptyDir;
import dev.rootlock.model.pod.ObjectMeta;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.Sysctl;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.WindowsOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A mutable pod for tests: set public fields, then {@link #build()}. Fields mirror the Kubernetes
 * names; null means unset, exactly as in the model.
 *
 * <pre>{@code
 * Pod pod = PodDraft.pod(p -> p.container("app", c -> c.privileged = true));
 * }</pre>
 */
public final class PodDraft {

  public String name = "test";
  public String namespace;
  public Map<String, String> labels = new LinkedHashMap<>();
  public Map<String, String> annotations = new LinkedHashMap<>();

  public final List<ContainerDraft> initContainers = new ArrayList<>();
  public final List<ContainerDraft> containers = new ArrayList<>();
  public final List<ContainerDraft> ephemeralContainers = new ArrayList<>();

  /** Pod-level securityContext; only written when {@link #hasSecurityContext} or a field is set. */
  public boolean hasSecurityContext;

  public Boolean runAsNonRoot;
  public Long runAsUser;
  public Long runAsGroup;
  public Long fsGroup;
  public SeccompProfile seccompProfile;
  public SeLinuxOptions seLinuxOptions;
  public AppArmorProfile appArmorProfile;
  public WindowsOptions windowsOptions;
  public final List<Sysctl> sysctls = new ArrayList<>();
  public final Map<String, String> unrecognized = new LinkedHashMap<>();

  public Boolean hostNetwork;
  public Boolean hostPID;
  public Boolean hostIPC;
  public Boolean hostUsers;
  public String osName;
  public String runtimeClassName;
  public final List<Volume> volumes = new ArrayList<>();

  /** A pod with the given edits applied, and no containers unless the edits add them. */
  public static Pod pod(Consumer<PodDraft> edits) {
    PodDraft draft = new PodDraft();
    edits.accept(draft);
    return draft.build();
  }

  public PodDraft container(String name, Consumer<ContainerDraft> edits) {
    return add(containers, ContainerKind.REGULAR, name, edits);
  }

  public PodDraft container(String name) {
    return container(name, c -> {});
  }

  public PodDraft initContainer(String name, Consumer<ContainerDraft> edits) {
    return add(initContainers, ContainerKind.INIT, name, edits);
  }

  public PodDraft ephemeralContainer(String name, Consumer<ContainerDraft> edits) {
    return add(ephemeralContainers, ContainerKind.EPHEMERAL, name, edits);
  }

  /** Adds a volume with the given source keys (none for a source-less volume). */
  public PodDraft volume(String name, String... sources) {
    volumes.add(new Volume(volumes.size(), name, List.of(sources), null));
    return this;
  }

  /** Adds a hostPath volume of the given host path. */
  public PodDraft hostPath(String name, String path) {
    volumes.add(new Volume(volumes.size(), name, List.of("hostPath"), null, path));
    return this;
  }

  /** Adds an emptyDir volume. */
  public PodDraft emptyDir(String name, String medium, String sizeLimit) {
    volumes.add(
        new Volume(volumes.size(), name, List.of("emptyDir"), new EmptyDir(medium, sizeLimit)));
    return this;
  }

  public PodDraft sysctl(String name, String value) {
    sysctls.add(new Sysctl(name, value));
    return this;
  }

  private PodDraft add(
      List<ContainerDraft> list, ContainerKind kind, String name, Consumer<ContainerDraft> edits) {
    ContainerDraft draft = new ContainerDraft(kind, list.size(), name);
    edits.accept(draft);
    list.add(draft);
    return this;
  }

  public Pod build() {
    boolean podContextWritten =
        hasSecurityContext
            || runAsNonRoot != null
            || runAsUser != null
            || runAsGroup != null
            || fsGroup != null
            || seccompProfile != null
            || seLinuxOptions != null
            || appArmorProfile != null
            || windowsOptions != null
            || !sysctls.isEmpty()
            || !unrecognized.isEmpty();
    PodSecurityContext context =
        podContextWritten
            ? new PodSecurityContext(
                runAsNonRoot,
                runAsUser,
                runAsGroup,
                fsGroup,
                seccompProfile,
                seLinuxOptions,
                appArmorProfile,
                windowsOptions,
                sysctls,
                unrecognized)
            : PodSecurityContext.EMPTY;
    PodSpec spec =
        new PodSpec(
            build(initContainers),
            build(containers),
            build(ephemeralContainers),
            context,
            podContextWritten,
            hostNetwork,
            hostPID,
            hostIPC,
            hostUsers,
            osName,
            runtimeClassName,
            volumes);
    return new Pod(new ObjectMeta(name, namespace, labels, annotations), spec);
  }

  private static List<Container> build(List<ContainerDraft> drafts) {
    return drafts.stream().map(ContainerDraft::build).toList();
  }
}
