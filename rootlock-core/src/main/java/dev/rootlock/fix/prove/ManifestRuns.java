package dev.rootlock.fix.prove;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.fix.ProofRun;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.EmptyDir;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.SecurityContext;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.NodeLocator;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the containers of a Kubernetes manifest, as the manifest reader reads it (the API
 * server's view), into {@link ProofRun}s: readOnlyRootFilesystem, emptyDirs as tmpfs with their
 * sizeLimit, PVCs and cluster-supplied volumes as anonymous volumes (read-only where the kubelet
 * mounts them so), runAsUser/runAsGroup as the user, capabilities, allowPrivilegeEscalation,
 * command, args and literal env as they are. What has no exact engine equivalent makes the
 * container not provable, with the reason; it is never approximated.
 */
public final class ManifestRuns {

  private static final Set<String> JOB_KINDS = Set.of("Job", "CronJob");
  private static final Set<String> READ_ONLY_SOURCES =
      Set.of("configMap", "secret", "projected", "downwardAPI");
  private static final Pattern QUANTITY = Pattern.compile("([0-9]+)(Ki|Mi|Gi|Ti|k|M|G|T)?");

  private ManifestRuns() {}

  /** The runs of every container (init and regular; ephemeral ones are never part of a pod). */
  public static List<ProofRun> of(String displayName, String text) {
    List<ProofRun> runs = new ArrayList<>();
    for (Workload workload : new ManifestReader().read(displayName, text).workloads()) {
      if (workload.pod() == null) {
        continue;
      }
      PodSpec spec = workload.pod().spec();
      for (Container container : spec.allContainers()) {
        if (container.kind() != ContainerKind.EPHEMERAL) {
          runs.add(run(workload, spec, container));
        }
      }
    }
    return runs;
  }

  static ProofRun run(Workload workload, PodSpec spec, Container container) {
    List<String> unprovable = new ArrayList<>();
    SecurityContext context = container.securityContext();
    PodSecurityContext pod = spec.securityContext();
    if (Boolean.TRUE.equals(context.privileged())) {
      unprovable.add("privileged");
    }
    if (Boolean.TRUE.equals(spec.hostNetwork())
        || Boolean.TRUE.equals(spec.hostPID())
        || Boolean.TRUE.equals(spec.hostIPC())) {
      unprovable.add("host namespaces");
    }
    seccomp(context.seccompProfile(), pod.seccompProfile(), unprovable);
    String user = user(context, pod, unprovable);

    List<ProofRun.Scratch> scratch = new ArrayList<>();
    List<ProofRun.Data> data = new ArrayList<>();
    mounts(spec, container, user, scratch, data, unprovable);

    Capabilities capabilities = context.capabilities();
    boolean dropAll = false;
    List<String> add = List.of();
    if (capabilities != null) {
      dropAll = capabilities.drop().contains("ALL");
      add = capabilities.add();
      if (!dropAll && !capabilities.drop().isEmpty()) {
        unprovable.add(
            "capabilities.drop "
                + capabilities.drop()
                + " without ALL (the trial drops ALL or none)");
      }
    }

    FieldPath at = workload.templatePath().append(container.path());
    NodeLocator locator =
        workload.locator() instanceof NodeLocator nodes ? nodes : new NodeLocator(null);
    List<String> command = words(locator.find(at.key("command")), "command", unprovable);
    List<String> args = words(locator.find(at.key("args")), "args", unprovable);
    List<String> env = env(locator, at, unprovable);
    if (container.image() == null || container.image().isBlank()) {
      unprovable.add("no image");
    }
    boolean service =
        container.kind() == ContainerKind.REGULAR && !JOB_KINDS.contains(workload.kind());
    return new ProofRun(
        workload.displayName(),
        container.name(),
        container.image() == null ? "" : container.image(),
        user,
        context.runAsNonRoot() != null
            ? context.runAsNonRoot()
            : Boolean.TRUE.equals(pod.runAsNonRoot()),
        Boolean.TRUE.equals(context.readOnlyRootFilesystem()),
        scratch,
        data,
        dropAll,
        add,
        Boolean.FALSE.equals(context.allowPrivilegeEscalation()),
        command,
        args,
        env,
        service,
        unprovable);
  }

  /**
   * The trial always runs under the engine's default seccomp profile, which is what RuntimeDefault
   * means; anything else would not be the same run.
   */
  private static void seccomp(
      SeccompProfile container, SeccompProfile pod, List<String> unprovable) {
    SeccompProfile profile = container != null ? container : pod;
    String type = profile == null ? null : profile.type();
    if (!"RuntimeDefault".equals(type)) {
      unprovable.add(
          type == null
              ? "no seccompProfile (the kubelet's default is Unconfined, the trial's RuntimeDefault)"
              : "seccompProfile " + type);
    }
  }

  private static String user(
      SecurityContext context, PodSecurityContext pod, List<String> unprovable) {
    Long uid = context.runAsUser() != null ? context.runAsUser() : pod.runAsUser();
    Long gid = context.runAsGroup() != null ? context.runAsGroup() : pod.runAsGroup();
    if (uid == null) {
      if (gid != null) {
        unprovable.add("runAsGroup without runAsUser (docker run has no group-only --user)");
      }
      return "";
    }
    return gid == null ? Long.toString(uid) : uid + ":" + gid;
  }

  private static void mounts(
      PodSpec spec,
      Container container,
      String user,
      List<ProofRun.Scratch> scratch,
      List<ProofRun.Data> data,
      List<String> unprovable) {
    Map<String, Volume> volumes = new HashMap<>();
    for (Volume volume : spec.volumes()) {
      volumes.putIfAbsent(volume.name(), volume);
    }
    for (VolumeMount mount : container.volumeMounts()) {
      Volume volume = volumes.get(mount.name());
      String path = mount.mountPath();
      if (volume == null || path == null || !path.startsWith("/")) {
        unprovable.add("volumeMount \"" + mount.name() + "\" names no volume of the pod");
        continue;
      }
      if (mount.subPath() != null && !mount.subPath().isEmpty()) {
        unprovable.add("subPath mount at " + path);
        continue;
      }
      List<String> sources = volume.sources();
      String source = sources.isEmpty() ? "emptyDir" : sources.get(0);
      if (source.equals("emptyDir")) {
        EmptyDir dir = volume.emptyDir();
        String limit = dir == null ? null : dir.sizeLimit();
        long bytes = limit == null ? 0 : bytes(limit);
        if (bytes < 0) {
          unprovable.add("emptyDir \"" + volume.name() + "\" sizeLimit " + limit);
          continue;
        }
        scratch.add(ProofRun.Scratch.writableBy(path, bytes, dir != null && dir.inMemory(), user));
      } else if (source.equals("persistentVolumeClaim") || source.equals("ephemeral")) {
        data.add(new ProofRun.Data(path, !mount.writable(), source + " \"" + volume.name() + "\""));
      } else if (READ_ONLY_SOURCES.contains(source)) {
        data.add(new ProofRun.Data(path, true, source + " \"" + volume.name() + "\""));
      } else {
        unprovable.add(source + " volume \"" + volume.name() + "\"");
      }
    }
  }

  /** A Kubernetes quantity in bytes, or -1 for a form the trial does not take. */
  static long bytes(String quantity) {
    Matcher m = QUANTITY.matcher(quantity);
    if (!m.matches()) {
      return -1;
    }
    long value;
    try {
      value = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return -1;
    }
    String unit = m.group(2) == null ? "" : m.group(2);
    long factor =
        switch (unit) {
          case "Ki" -> 1L << 10;
          case "Mi" -> 1L << 20;
          case "Gi" -> 1L << 30;
          case "Ti" -> 1L << 40;
          case "k" -> 1_000L;
          case "M" -> 1_000_000L;
          case "G" -> 1_000_000_000L;
          case "T" -> 1_000_000_000_000L;
          default -> 1L;
        };
    return Math.multiplyExact(value, factor);
  }

  /**
   * {@code command} or {@code args}; {@code $(VAR)} is the kubelet's to expand, not the trial's.
   */
  private static List<String> words(Node node, String field, List<String> unprovable) {
    List<String> words = new ArrayList<>();
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.items()) {
        if (item instanceof ScalarNode scalar) {
          if (scalar.value().contains("$(")) {
            unprovable.add(field + " uses $(VAR) expansion");
          }
          words.add(scalar.value());
        }
      }
    }
    return words;
  }

  /**
   * Literal env; anything that comes from the cluster (secrets, configMaps, fields) is not here.
   */
  private static List<String> env(NodeLocator locator, FieldPath at, List<String> unprovable) {
    if (locator.find(at.key("envFrom")) instanceof SequenceNode from && !from.items().isEmpty()) {
      unprovable.add("envFrom");
    }
    List<String> env = new ArrayList<>();
    if (locator.find(at.key("env")) instanceof SequenceNode list) {
      for (Node item : list.items()) {
        if (!(item instanceof MappingNode entry)
            || !(entry.get("name") instanceof ScalarNode name)) {
          continue;
        }
        if (name.type() != ScalarType.STRING) {
          unprovable.add(
              "env name " + name.value() + " is not a string (the API server refuses it)");
          continue;
        }
        Node valueFrom = entry.get("valueFrom");
        if (valueFrom instanceof MappingNode from) {
          String kind = from.entries().isEmpty() ? "valueFrom" : from.entries().get(0).key();
          unprovable.add("env " + name.value() + " from " + describe(kind));
          continue;
        }
        String value = entry.get("value") instanceof ScalarNode scalar ? scalar.value() : "";
        env.add(name.value() + "=" + value);
      }
    }
    return env;
  }

  private static String describe(String kind) {
    return switch (kind) {
      case "secretKeyRef" -> "a secret";
      case "configMapKeyRef" -> "a configMap";
      case "fieldRef", "resourceFieldRef" -> "the downward API";
      default -> kind;
    };
  }
}
