package dev.rootlock.fix.prove;

import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.model.fix.ProofRun;
import dev.rootlock.source.compose.ComposeEnvironment;
import dev.rootlock.source.compose.ComposeFile;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.compose.ResolvedService;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the services of a Compose file, as Compose reads it (merge keys, {@code extends},
 * interpolation with the shell's environment over the project's {@code .env}), into {@link
 * ProofRun}s: {@code read_only}, each {@code tmpfs} with its own options and size, bind mounts with
 * their host path and mode, named and anonymous volumes as a fresh anonymous volume (which is what
 * a new named volume is: empty, then filled with the image's files at that path), {@code user},
 * {@code cap_drop}/{@code cap_add}, {@code no-new-privileges}, {@code entrypoint}, {@code command},
 * {@code working_dir} and literal {@code environment} as they are. What the trial cannot run
 * exactly makes the service not provable, with the reason; it is never approximated.
 *
 * <p>Each service runs alone, on the engine's default network and without its published ports:
 * neither changes what its process may write. A service that needs another one up to start (a proxy
 * whose upstream must resolve) fails its trial for that reason, and the report shows it.
 */
public final class ComposeRuns {

  /** Keys whose effect the trial cannot reproduce, with why that matters. */
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("devices", "devices"),
          Map.entry("device_cgroup_rules", "device_cgroup_rules"),
          Map.entry("sysctls", "sysctls"),
          Map.entry("init", "init (an init process the trial does not run)"),
          Map.entry("group_add", "group_add (supplementary groups the trial does not give)"),
          Map.entry("ulimits", "ulimits"),
          Map.entry("shm_size", "shm_size"),
          Map.entry("volumes_from", "volumes_from (another container's volumes)"),
          Map.entry("secrets", "secrets (files Compose mounts that the trial does not)"),
          Map.entry("configs", "configs (files Compose mounts that the trial does not)"),
          Map.entry("runtime", "runtime"),
          Map.entry("cgroup_parent", "cgroup_parent"),
          Map.entry("userns_mode", "userns_mode"),
          Map.entry("pid", "pid namespace"),
          Map.entry("ipc", "ipc namespace"),
          Map.entry("uts", "uts namespace"));

  private static final Set<String> STAY_UP = Set.of("always", "unless-stopped");

  private ComposeRuns() {}

  /**
   * The runs of every service of {@code text}, the Compose file {@code displayName}, interpolated
   * as Compose would from {@code directory} (the project directory, for {@code .env} and relative
   * bind sources; null for none).
   */
  public static List<ProofRun> of(String displayName, String text, Path directory) {
    ComposeEnvironment environment = environment(directory);
    ComposeFile read = ComposeReader.read(displayName, text, environment);
    Map<String, ContainerConfig> configs = new HashMap<>();
    for (DockerObject service : read.services()) {
      configs.put(service.config().name(), service.config());
    }
    List<ProofRun> runs = new ArrayList<>();
    for (ResolvedService service : ComposeReader.resolveServices(displayName, text, environment)) {
      ContainerConfig config = configs.get(service.name());
      if (config != null) {
        runs.add(run(displayName, service, config, directory));
      }
    }
    return runs;
  }

  /** The variables Compose would use: the shell's environment over the project's {@code .env}. */
  private static ComposeEnvironment environment(Path directory) {
    try {
      return directory == null
          ? ComposeEnvironment.of(System.getenv())
          : ComposeEnvironment.load(System.getenv(), directory.resolve(".env"), ".env");
    } catch (java.io.IOException | RuntimeException e) {
      return ComposeEnvironment.of(System.getenv());
    }
  }

  static ProofRun run(
      String file, ResolvedService resolved, ContainerConfig config, Path directory) {
    MappingNode node = resolved.node();
    List<String> unprovable = new ArrayList<>();
    for (String use : resolved.unresolved()) {
      unprovable.add("interpolation: " + use);
    }
    String image = config.image() == null ? "" : config.image();
    if (image.isBlank()) {
      unprovable.add(
          node.get("build") != null
              ? "build-only service (no image: name the image it builds with image:)"
              : "no image");
    }
    if (Boolean.TRUE.equals(config.privileged())) {
      unprovable.add("privileged (rootlock never proves a privileged service)");
    }
    String network = config.networkMode();
    if (network != null
        && !network.isEmpty()
        && !network.equals("bridge")
        && !network.equals("default")) {
      unprovable.add("network_mode " + network);
    }
    for (Map.Entry<String, String> key : UNSUPPORTED.entrySet()) {
      Node value = node.get(key.getKey());
      if (value != null && !value.isNull() && !"false".equals(scalar(value))) {
        unprovable.add(key.getValue());
      }
    }
    security(config, unprovable);

    boolean dropAll = config.capDrop().stream().anyMatch(Capability::isAll);
    if (!dropAll && !config.capDrop().isEmpty()) {
      unprovable.add(
          "cap_drop "
              + config.capDrop().stream().map(Capability::name).toList()
              + " without ALL (the trial drops ALL or none)");
    }
    List<String> capAdd = config.capAdd().stream().map(Capability::canonical).toList();

    List<ProofRun.Scratch> scratch = new ArrayList<>();
    for (TmpfsMount tmpfs : config.tmpfs()) {
      scratch(tmpfs, scratch, unprovable);
    }
    List<ProofRun.Data> data = new ArrayList<>();
    for (Mount mount : config.mounts()) {
      data(mount, directory, data, unprovable);
    }

    List<String> entrypoint = words(node.get("entrypoint"), "entrypoint", unprovable);
    List<String> command = words(node.get("command"), "command", unprovable);
    List<String> env = environment(node, unprovable);
    String workingDir = scalar(node.get("working_dir"));
    String restart = scalar(node.get("restart"));
    String user = config.user() == null ? "" : config.user().strip();
    return new ProofRun(
        file,
        resolved.name(),
        image,
        user,
        false,
        Boolean.TRUE.equals(config.readOnly()),
        scratch,
        data,
        dropAll,
        capAdd,
        Boolean.TRUE.equals(config.securityOpts().noNewPrivileges()),
        entrypoint,
        command,
        env,
        restart != null && STAY_UP.contains(restart),
        unprovable,
        workingDir == null ? "" : workingDir,
        "service");
  }

  /**
   * no-new-privileges carries over; the trial runs the engine's default seccomp and AppArmor
   * profiles and no SELinux labels, so any other choice is a different run.
   */
  private static void security(ContainerConfig config, List<String> unprovable) {
    for (SecurityOpt option : config.securityOpts().entries()) {
      switch (option.key()) {
        case SecurityOpt.NO_NEW_PRIVILEGES -> {}
        case SecurityOpt.SECCOMP -> {
          if (!"builtin".equals(option.value())) {
            unprovable.add(
                "security_opt "
                    + option.written()
                    + " (the trial runs the default seccomp profile)");
          }
        }
        default -> unprovable.add("security_opt " + option.written());
      }
    }
  }

  private static void scratch(
      TmpfsMount tmpfs, List<ProofRun.Scratch> scratch, List<String> unprovable) {
    if (tmpfs.readOnly()) {
      unprovable.add("read-only tmpfs at " + tmpfs.target());
      return;
    }
    if (tmpfs.size() != null && tmpfs.sizeBytes() == null) {
      unprovable.add("tmpfs " + tmpfs.target() + " size " + tmpfs.size());
      return;
    }
    // The trial's tmpfs options can only add noexec, nosuid and nodev to the engine's defaults,
    // which already hold all three; a mount that lifts one would run stricter in the trial.
    if (tmpfs.exec() || tmpfs.suid() || tmpfs.options().contains("dev")) {
      unprovable.add(
          "tmpfs "
              + tmpfs.target()
              + " allows "
              + (tmpfs.exec() ? "exec" : tmpfs.suid() ? "suid" : "dev")
              + " (the trial engine mounts every tmpfs noexec,nosuid,nodev)");
      return;
    }
    int mode = -1;
    long uid = -1;
    long gid = -1;
    boolean nodev = false; // as written: the engine mounts nodev by default either way
    try {
      if (tmpfs.mode() != null) {
        mode = Integer.parseInt(tmpfs.mode(), 8);
      }
      for (String option : tmpfs.options()) {
        String o = option.strip();
        if (o.startsWith("mode=")) {
          mode = Integer.parseInt(o.substring(5), 8);
        } else if (o.startsWith("uid=")) {
          uid = Long.parseLong(o.substring(4));
        } else if (o.startsWith("gid=")) {
          gid = Long.parseLong(o.substring(4));
        } else if (o.equals("nodev")) {
          nodev = true;
        }
      }
    } catch (NumberFormatException e) {
      unprovable.add("tmpfs " + tmpfs.target() + " option " + e.getMessage());
      return;
    }
    long bytes = tmpfs.sizeBytes() == null ? 0 : tmpfs.sizeBytes();
    scratch.add(
        new ProofRun.Scratch(tmpfs.target(), bytes, true, true, true, nodev, mode, uid, gid));
  }

  private static void data(
      Mount mount, Path directory, List<ProofRun.Data> data, List<String> unprovable) {
    String target = mount.target();
    if (target == null || !target.startsWith("/")) {
      unprovable.add("volume target " + target + " is not absolute");
      return;
    }
    if (mount.type() == MountType.VOLUME) {
      String source =
          mount.source() == null ? "anonymous volume" : "volume \"" + mount.source() + "\"";
      data.add(new ProofRun.Data(target, mount.readOnly(), source));
      return;
    }
    if (mount.type() != MountType.BIND || mount.source() == null) {
      unprovable.add(
          mount.type().name().toLowerCase(java.util.Locale.ROOT) + " mount at " + target);
      return;
    }
    Path host = hostPath(mount.source(), directory);
    if (host == null) {
      unprovable.add("bind mount source " + mount.source() + " (not a path the trial can resolve)");
      return;
    }
    if (!Files.exists(host)) {
      unprovable.add(
          "bind mount source "
              + mount.source()
              + " does not exist (the engine would create it on the host)");
      return;
    }
    data.add(
        new ProofRun.Data(
            target, mount.readOnly(), "bind mount " + mount.source(), host.toString()));
  }

  /** A bind source as Compose resolves it: relative to the project directory, {@code ~} home. */
  private static Path hostPath(String source, Path directory) {
    if (source.startsWith("/")) {
      return Path.of(source).normalize();
    }
    if (source.equals("~") || source.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + source.substring(1)).normalize();
    }
    if (source.startsWith(".") && directory != null) {
      return directory.toAbsolutePath().resolve(source).normalize();
    }
    return null;
  }

  /**
   * {@code entrypoint} or {@code command}: a list as it is, a string split as Compose splits it.
   */
  private static List<String> words(Node node, String field, List<String> unprovable) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.items()) {
        if (item instanceof ScalarNode scalar && !scalar.isNull()) {
          words.add(scalar.value());
        } else {
          unprovable.add(field + " holds a value that is not a string");
        }
      }
    } else if (node instanceof ScalarNode scalar) {
      try {
        words.addAll(ComposeWords.split(scalar.value()));
      } catch (IllegalArgumentException e) {
        unprovable.add(field + ": " + e.getMessage());
      }
    }
    if (words.isEmpty()) {
      unprovable.add(field + " is empty (the trial cannot clear the image's)");
    }
    return words;
  }

  /** Literal {@code environment}; a variable passed through from the shell is not literal. */
  private static List<String> environment(MappingNode service, List<String> unprovable) {
    Node envFile = service.get("env_file");
    if (envFile != null && !envFile.isNull()) {
      List<String> files = new ArrayList<>();
      if (envFile instanceof SequenceNode list) {
        list.items().forEach(item -> files.add(describe(item)));
      } else {
        files.add(describe(envFile));
      }
      unprovable.add("env_file " + String.join(", ", files) + " (the trial reads no env files)");
    }
    List<String> env = new ArrayList<>();
    Node node = service.get("environment");
    if (node instanceof MappingNode mapping) {
      for (MappingNode.Entry entry : mapping.entries()) {
        if (entry.value() == null || entry.value().isNull()) {
          unprovable.add("environment " + entry.key() + " takes its value from the shell");
        } else {
          env.add(entry.key() + "=" + scalar(entry.value()));
        }
      }
    } else if (node instanceof SequenceNode list) {
      for (Node item : list.items()) {
        String value = scalar(item);
        if (value == null) {
          continue;
        }
        if (value.indexOf('=') < 0) {
          unprovable.add("environment " + value + " takes its value from the shell");
        } else {
          env.add(value);
        }
      }
    }
    return env;
  }

  private static String describe(Node node) {
    if (node instanceof MappingNode mapping) {
      return String.valueOf(scalar(mapping.get("path")));
    }
    return String.valueOf(scalar(node));
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode scalar && !scalar.isNull() ? scalar.value() : null;
  }
}
