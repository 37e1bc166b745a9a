package dev.rootlock.docker.trial;

import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.text.ShellWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One exact run of an image: what a trial creates and, rendered, what rootlock prints. The same
 * record is handed to the engine ({@link #toContainerSpec}) and rendered ({@link #dockerRunLine},
 * {@link #composeService}), so a printed line is the configuration that ran.
 *
 * <p>{@code user} empty keeps the image's; {@code capAdd} is added back after {@code --cap-drop
 * ALL} when {@code dropAllCapabilities}; the seccomp profile is never overridden, so the engine's
 * default applies; {@code entrypoint} empty keeps the image's (a non-empty one drops the image's
 * command, as {@code docker run --entrypoint} does); {@code cmd} empty keeps the image's; {@code
 * env} holds literal {@code NAME=value} entries; {@code network} empty is the engine's default.
 */
public record TrialSpec(
    String image,
    String user,
    boolean readOnlyRoot,
    List<TrialTmpfs> tmpfs,
    List<TrialVolume> volumes,
    boolean dropAllCapabilities,
    List<String> capAdd,
    boolean noNewPrivileges,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String workingDir,
    String network) {

  public TrialSpec {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("a trial needs an image");
    }
    user = user == null ? "" : user;
    tmpfs = List.copyOf(tmpfs);
    volumes = List.copyOf(volumes);
    // Sorted and without duplicates, so equal sets print (and compare) the same.
    capAdd = List.copyOf(new TreeSet<>(capAdd.stream().map(TrialSpec::capability).toList()));
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    workingDir = workingDir == null ? "" : workingDir;
    network = network == null ? "" : network;
  }

  /**
   * The full hardening rootlock proposes, with nothing writable yet: read-only root, {@code
   * --cap-drop ALL}, no-new-privileges, the default seccomp profile, the image's user and command.
   */
  public static TrialSpec hardened(String image) {
    return new TrialSpec(
        image, "", true, List.of(), List.of(), true, List.of(), true, List.of(), List.of(),
        List.of(), "", "");
  }

  public TrialSpec withUser(String newUser) {
    return new TrialSpec(
        image,
        newUser,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        workingDir,
        network);
  }

  public TrialSpec withReadOnlyRoot(boolean readOnly) {
    return new TrialSpec(
        image,
        user,
        readOnly,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        workingDir,
        network);
  }

  public TrialSpec withTmpfs(List<TrialTmpfs> mounts) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        mounts,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        workingDir,
        network);
  }

  public TrialSpec withVolumes(List<TrialVolume> mounts) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        mounts,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        workingDir,
        network);
  }

  /** Capabilities, with {@code dropAll} saying whether {@code --cap-drop ALL} comes first. */
  public TrialSpec withCapabilities(boolean dropAll, List<String> added) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAll,
        added,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        workingDir,
        network);
  }

  public TrialSpec withNoNewPrivileges(boolean on) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        on,
        entrypoint,
        cmd,
        env,
        workingDir,
        network);
  }

  public TrialSpec withEntrypoint(List<String> newEntrypoint) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        newEntrypoint,
        cmd,
        env,
        workingDir,
        network);
  }

  public TrialSpec withCmd(List<String> newCmd) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        newCmd,
        env,
        workingDir,
        network);
  }

  public TrialSpec withEnv(List<String> newEnv) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        newEnv,
        workingDir,
        network);
  }

  public TrialSpec withWorkingDir(String dir) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        dir,
        network);
  }

  public TrialSpec withNetwork(String newNetwork) {
    return new TrialSpec(
        image,
        user,
        readOnlyRoot,
        tmpfs,
        volumes,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        workingDir,
        newNetwork);
  }

  /**
   * The words after {@code docker}: {@code run -d} and every flag in a fixed order, then the image
   * and the command. An entrypoint of several words puts the rest before the command, since {@code
   * --entrypoint} takes one word; the process gets the same argv.
   */
  public List<String> dockerRunArgs() {
    List<String> args = new ArrayList<>(List.of("run", "-d"));
    if (readOnlyRoot) {
      args.add("--read-only");
    }
    for (TrialTmpfs mount : tmpfs) {
      args.add("--tmpfs");
      args.add(mount.spec());
    }
    for (TrialVolume mount : volumes) {
      args.add("-v");
      args.add(mount.spec());
    }
    if (dropAllCapabilities) {
      args.add("--cap-drop");
      args.add("ALL");
    }
    for (String cap : capAdd) {
      args.add("--cap-add");
      args.add(cap);
    }
    if (noNewPrivileges) {
      args.add("--security-opt");
      args.add("no-new-privileges");
    }
    if (!user.isEmpty()) {
      args.add("--user");
      args.add(user);
    }
    for (String variable : env) {
      args.add("-e");
      args.add(variable);
    }
    if (!workingDir.isEmpty()) {
      args.add("-w");
      args.add(workingDir);
    }
    if (!network.isEmpty()) {
      args.add("--network");
      args.add(network);
    }
    if (!entrypoint.isEmpty()) {
      args.add("--entrypoint");
      args.add(entrypoint.get(0));
    }
    args.add(image);
    args.addAll(entrypoint.isEmpty() ? List.of() : entrypoint.subList(1, entrypoint.size()));
    args.addAll(cmd);
    return args;
  }

  /** The {@code docker run -d ...} line, shell-quoted so a POSIX shell runs exactly this spec. */
  public String dockerRunLine() {
    List<String> words = new ArrayList<>(List.of("docker"));
    words.addAll(dockerRunArgs());
    return ShellWords.join(words);
  }

  /**
   * A complete Compose file with one service named {@code service} that runs this spec, for {@code
   * docker compose up}. Values are JSON-quoted (valid YAML), and {@code $} is doubled so Compose's
   * interpolation leaves it literal.
   */
  public String composeService(String service) {
    StringBuilder yaml = new StringBuilder("services:\n  ").append(service).append(":\n");
    line(yaml, "image", quote(image));
    if (readOnlyRoot) {
      line(yaml, "read_only", "true");
    }
    if (!user.isEmpty()) {
      line(yaml, "user", quote(user));
    }
    list(yaml, "tmpfs", tmpfs.stream().map(TrialTmpfs::spec).toList());
    list(yaml, "volumes", volumes.stream().map(TrialVolume::spec).toList());
    if (dropAllCapabilities) {
      list(yaml, "cap_drop", List.of("ALL"));
    }
    list(yaml, "cap_add", capAdd);
    if (noNewPrivileges) {
      list(yaml, "security_opt", List.of("no-new-privileges:true"));
    }
    list(yaml, "environment", env);
    if (!workingDir.isEmpty()) {
      line(yaml, "working_dir", quote(workingDir));
    }
    if (!network.isEmpty()) {
      line(yaml, "network_mode", quote(network));
    }
    if (!entrypoint.isEmpty()) {
      line(yaml, "entrypoint", flow(entrypoint));
    }
    if (!cmd.isEmpty()) {
      line(yaml, "command", flow(cmd));
    }
    List<String> named =
        volumes.stream()
            .filter(TrialVolume::namedVolume)
            .map(TrialVolume::source)
            .distinct()
            .toList();
    if (!named.isEmpty()) {
      yaml.append("volumes:\n");
      named.forEach(v -> yaml.append("  ").append(quote(v)).append(": {}\n"));
    }
    return yaml.toString();
  }

  /** What the engine is asked to create: this spec, plus rootlock's bookkeeping labels. */
  public ContainerSpec toContainerSpec(Map<String, String> labels) {
    Map<String, String> tmpfsOptions = new LinkedHashMap<>();
    tmpfs.forEach(m -> tmpfsOptions.put(m.path(), m.options()));
    List<String> securityOpt = noNewPrivileges ? List.of("no-new-privileges") : List.of();
    return new ContainerSpec(
        "",
        image,
        cmd,
        env,
        user,
        readOnlyRoot,
        tmpfsOptions,
        network,
        dropAllCapabilities ? List.of("ALL") : List.of(),
        securityOpt,
        labels,
        capAdd,
        entrypoint,
        workingDir,
        volumes.stream().map(TrialVolume::spec).toList());
  }

  private static String capability(String name) {
    String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }

  private static void line(StringBuilder yaml, String key, String value) {
    yaml.append("    ").append(key).append(": ").append(value).append('\n');
  }

  private static void list(StringBuilder yaml, String key, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    yaml.append("    ").append(key).append(":\n");
    values.forEach(v -> yaml.append("      - ").append(quote(v)).append('\n'));
  }

  private static String flow(List<String> values) {
    return "[" + String.join(", ", values.stream().map(TrialSpec::quote).toList()) + "]";
  }

  /** A JSON string (a YAML double-quoted scalar) with {@code $} doubled for Compose. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.replace("$", "$$").toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
