package dev.rootlock.fix.dockerrun;

import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.source.dockerrun.DockerRunCommand;
import dev.rootlock.source.dockerrun.MountFlag;
import dev.rootlock.source.dockerrun.RunOption;
import dev.rootlock.text.ShellWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hardened equivalent of a {@code docker run} line: the same line with {@code --read-only
 * --tmpfs /tmp:rw,noexec,nosuid,size=64m --cap-drop ALL --security-opt no-new-privileges --user
 * 65534:65534} added before the IMAGE where the line lacks them. Flags that contradict those
 * settings ({@code --read-only=false}, a root {@code --user}, {@code no-new-privileges=false}) are
 * removed, and an unbounded, {@code exec} or {@code suid} tmpfs gets {@code noexec,nosuid} and a
 * size. {@code --privileged}, {@code --cap-add ALL} and host namespaces ({@code --network}, {@code
 * --pid}, {@code --ipc}, {@code --uts}, {@code --userns host}) are dropped, never kept silently:
 * {@link #notes()} says, for each flag dropped or changed, what and why. Every other flag is kept
 * exactly as given (a single {@code --cap-add} stays, and its finding names it).
 *
 * <pre>{@code
 * List<String> args = HardenedRunCommand.builder(command).user("10001:10001").build().args();
 * }</pre>
 */
public final class HardenedRunCommand {

  public static final String DEFAULT_USER = "65534:65534";
  public static final String DEFAULT_TMPFS_SIZE = "64m";

  /** The flags that can share a host namespace, and what each shares. */
  private static final Map<String, String> NAMESPACE_NAMES =
      Map.of(
          "network",
          "network stack",
          "net",
          "network stack",
          "pid",
          "process table",
          "ipc",
          "IPC namespace",
          "uts",
          "hostname (UTS namespace)",
          "userns",
          "user namespace (no remapping)");

  private static final java.util.Set<String> HOST_NAMESPACES = NAMESPACE_NAMES.keySet();

  private final List<String> args;
  private final List<String> notes;

  private HardenedRunCommand(List<String> args, List<String> notes) {
    this.args = List.copyOf(args);
    this.notes = List.copyOf(notes);
  }

  /** One line per flag the hardened line dropped or changed, saying why. */
  public List<String> notes() {
    return notes;
  }

  public static Builder builder(DockerRunCommand command) {
    return new Builder(command);
  }

  /** The hardened arguments, with the original prefix ({@code docker run}) if it had one. */
  public List<String> args() {
    return args;
  }

  /** The arguments as one line for a POSIX shell, quoting only what needs it. */
  public String shellText() {
    return ShellWords.join(args);
  }

  /** Chooses the user and tmpfs size the hardened line uses. */
  public static final class Builder {
    private final DockerRunCommand command;
    private String user = DEFAULT_USER;
    private String tmpfsSize = DEFAULT_TMPFS_SIZE;

    private Builder(DockerRunCommand command) {
      this.command = command;
    }

    /**
     * The user for {@code --user} when the line has no non-root one; default {@value DEFAULT_USER}.
     */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /** The size for new or unbounded tmpfs mounts; default {@value DEFAULT_TMPFS_SIZE}. */
    public Builder tmpfsSize(String tmpfsSize) {
      this.tmpfsSize = tmpfsSize;
      return this;
    }

    public HardenedRunCommand build() {
      Rewrite rewrite = new Rewrite(command, user, tmpfsSize);
      return new HardenedRunCommand(rewrite.args(), rewrite.notes);
    }
  }

  /** One rewrite: what to do with each flag, what to add, and the resulting arguments. */
  private static final class Rewrite {
    private final DockerRunCommand command;
    private final ContainerConfig config;
    private final String user;
    private final String tmpfsSize;

    /** Options to drop (null value) or to give a new value, by identity. */
    private final Map<RunOption, String> changes = new LinkedHashMap<>();

    private final List<String> additions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Rewrite(DockerRunCommand command, String user, String tmpfsSize) {
      this.command = command;
      this.config = command.config();
      this.user = user;
      this.tmpfsSize = tmpfsSize;
      plan();
    }

    private void plan() {
      if (!Boolean.TRUE.equals(config.readOnly())) {
        dropAll("read-only", "replaced by --read-only");
        additions.add("--read-only");
      }
      for (RunOption option : command.options()) {
        if (option.is("privileged") && !"false".equalsIgnoreCase(option.value())) {
          drop(
              option,
              "it gives every capability, all devices and no seccomp or AppArmor"
                  + " profile; add back only the capabilities or devices the container needs");
        } else if (option.is("cap-add")
            && option.value() != null
            && new Capability(option.value(), null).isAll()) {
          drop(
              option,
              "it adds every capability; add back only the ones the container needs"
                  + " (rootlock docker discover finds them)");
        } else if (HOST_NAMESPACES.contains(option.name())
            && option.known()
            && "host".equalsIgnoreCase(option.value())) {
          drop(
              option,
              "it shares the host's "
                  + NAMESPACE_NAMES.get(option.name())
                  + (option.name().equals("network") || option.name().equals("net")
                      ? "; publish ports with -p instead"
                      : ""));
        }
      }
      for (RunOption option : command.options()) {
        if (option.is("tmpfs")) {
          fixTmpfs(option);
        } else if (option.is("mount") && option.value().contains("tmpfs")) {
          fixTmpfsMount(option);
        }
      }
      if (!mountsTmp()) {
        additions.addAll(List.of("--tmpfs", "/tmp:rw,noexec,nosuid,size=" + tmpfsSize));
      }
      if (config.capDrop().stream().noneMatch(Capability::isAll)) {
        additions.addAll(List.of("--cap-drop", "ALL"));
      }
      if (!Boolean.TRUE.equals(config.securityOpts().noNewPrivileges())) {
        for (RunOption option : command.options()) {
          if (option.is("security-opt")
              && SecurityOpt.parse(option.value(), null)
                  .key()
                  .equals(SecurityOpt.NO_NEW_PRIVILEGES)) {
            drop(option, "replaced by --security-opt no-new-privileges");
          }
        }
        additions.addAll(List.of("--security-opt", SecurityOpt.NO_NEW_PRIVILEGES));
      }
      if (!config.hasNonRootUser()) {
        dropAll("user", "replaced by --user " + user + " (a non-root user)");
        additions.addAll(List.of("--user", user));
      }
    }

    private void dropAll(String name, String why) {
      command.options().stream().filter(o -> o.is(name)).forEach(o -> drop(o, why));
    }

    private void drop(RunOption option, String why) {
      if (!changes.containsKey(option)) {
        changes.put(option, null);
        notes.add("dropped " + String.join(" ", option.standalone()) + ": " + why);
      }
    }

    private void fixTmpfs(RunOption option) {
      TmpfsMount mount = TmpfsMount.parse(option.value(), null);
      boolean unbounded = !mount.readOnly() && !mount.bounded();
      if (!unbounded && !mount.exec() && !mount.suid()) {
        return;
      }
      List<String> options = new ArrayList<>();
      for (String existing : mount.options()) {
        boolean flag = List.of("exec", "noexec", "suid", "nosuid").contains(existing);
        boolean badSize = unbounded && existing.startsWith("size=");
        if (!flag && !badSize) {
          options.add(existing);
        }
      }
      options.addAll(List.of("noexec", "nosuid"));
      if (unbounded) {
        options.add("size=" + tmpfsSize);
      }
      String value = mount.target() + ":" + String.join(",", options);
      changes.put(option, value);
      notes.add(
          "changed "
              + String.join(" ", option.standalone())
              + " to "
              + value
              + ": a writable tmpfs needs noexec,nosuid and a size");
    }

    private void fixTmpfsMount(RunOption option) {
      MountFlag.Parsed parsed = MountFlag.parse(option.value(), null);
      if (parsed.tmpfs() == null || parsed.tmpfs().readOnly() || parsed.tmpfs().bounded()) {
        return;
      }
      List<String> fields = new ArrayList<>();
      for (String field : MountFlag.csvFields(option.value())) {
        if (!field.startsWith("tmpfs-size=")) {
          fields.add(field.contains(",") || field.contains("\"") ? csvQuote(field) : field);
        }
      }
      fields.add("tmpfs-size=" + tmpfsSize);
      changes.put(option, String.join(",", fields));
      notes.add(
          "changed "
              + String.join(" ", option.standalone())
              + ": a writable tmpfs needs a"
              + " size");
    }

    private boolean mountsTmp() {
      boolean tmpfs = config.tmpfs().stream().anyMatch(m -> isTmp(m.target()));
      return tmpfs || config.mounts().stream().map(Mount::target).anyMatch(Rewrite::isTmp);
    }

    private static boolean isTmp(String target) {
      return target != null && target.replaceAll("/+$", "").equals("/tmp");
    }

    List<String> args() {
      List<String> args = command.args();
      int insertAt = command.doubleDash() >= 0 ? command.doubleDash() : command.imageIndex();
      List<String> out = new ArrayList<>(args.subList(0, command.prefixLength()));
      int i = command.prefixLength();
      while (i < insertAt) {
        int index = i;
        List<RunOption> here =
            command.options().stream().filter(o -> o.argIndex() == index).toList();
        int next = i + 1;
        for (RunOption option : here) {
          next = Math.max(next, option.valueIndex() + 1);
        }
        if (here.stream().noneMatch(changes::containsKey)) {
          out.addAll(args.subList(i, next));
        } else {
          for (RunOption option : here) {
            if (!changes.containsKey(option)) {
              out.addAll(option.standalone());
            } else if (changes.get(option) != null) {
              out.addAll(withValue(option, changes.get(option)).standalone());
            }
          }
        }
        i = next;
      }
      out.addAll(additions);
      out.addAll(args.subList(insertAt, args.size()));
      return out;
    }

    private static RunOption withValue(RunOption option, String value) {
      return new RunOption(
          option.name(),
          option.written(),
          value,
          option.argIndex(),
          option.valueIndex(),
          option.known(),
          option.grouped());
    }

    private static String csvQuote(String field) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
  }
}
