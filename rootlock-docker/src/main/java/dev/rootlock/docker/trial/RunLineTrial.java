package dev.rootlock.docker.trial;

import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.source.dockerrun.DockerRunCommand;
import dev.rootlock.source.dockerrun.DockerRunException;
import dev.rootlock.source.dockerrun.DockerRunParser;
import dev.rootlock.source.dockerrun.RunOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed {@code docker run} line as a {@link TrialSpec}, for {@code docker lint --prove}. Flags
 * that do not change what the container may write or do ({@code -d}, {@code --name}, {@code -p},
 * {@code --restart}, ...) are left out of the trial and listed in {@code notRun}; flags a trial
 * cannot reproduce exactly are listed in {@code unsupported}, and then the line is not provable.
 */
public record RunLineTrial(TrialSpec spec, List<String> notRun, List<String> unsupported) {

  /** Flags with no effect on the process's files, privileges or argv. */
  private static final Set<String> NO_EFFECT =
      Set.of(
          "detach",
          "interactive",
          "tty",
          "rm",
          "name",
          "publish",
          "publish-all",
          "restart",
          "label",
          "log-driver",
          "log-opt",
          "hostname",
          "memory",
          "memory-reservation",
          "memory-swap",
          "cpus",
          "cpu-shares",
          "pids-limit",
          "health-cmd",
          "health-interval",
          "health-retries",
          "health-timeout",
          "health-start-period",
          "no-healthcheck",
          "stop-signal",
          "stop-timeout",
          "pull",
          "sig-proxy",
          "network-alias",
          "net-alias",
          "expose");

  public RunLineTrial {
    notRun = List.copyOf(notRun);
    unsupported = List.copyOf(unsupported);
  }

  public boolean provable() {
    return unsupported.isEmpty();
  }

  /**
   * The trial of a {@code docker run} line given as its words.
   *
   * @throws IllegalArgumentException with the Docker CLI's message, when it would refuse the line
   */
  public static RunLineTrial parse(List<String> args) {
    try {
      return of(DockerRunParser.parse(args));
    } catch (DockerRunException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static RunLineTrial of(DockerRunCommand command) {
    List<String> notRun = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    boolean readOnly = false;
    boolean dropAll = false;
    boolean noNewPrivileges = false;
    List<String> capAdd = new ArrayList<>();
    List<String> env = new ArrayList<>();
    String user = "";
    String workdir = "";
    String network = "";
    List<String> entrypoint = List.of();
    for (RunOption option : command.options()) {
      String value = option.value();
      String written = String.join(" ", option.standalone());
      switch (option.known() ? option.name() : "?") {
        case "read-only" -> readOnly = value == null || Boolean.parseBoolean(value);
        case "tmpfs", "mount", "volume" -> {} // read from the parsed config below
        case "cap-drop" -> {
          if (value.strip().equalsIgnoreCase("ALL")) {
            dropAll = true;
          }
          // a single capability dropped besides ALL changes nothing; without ALL it is checked
          // below, once every flag has been read
        }
        case "cap-add" -> capAdd.add(value);
        case "security-opt" -> {
          String opt = value.strip().toLowerCase(Locale.ROOT);
          if (opt.equals("no-new-privileges")
              || opt.equals("no-new-privileges=true")
              || opt.equals("no-new-privileges:true")) {
            noNewPrivileges = true;
          } else {
            unsupported.add(written);
          }
        }
        case "user" -> user = value;
        case "env" -> {
          if (value.indexOf('=') > 0) {
            env.add(value);
          } else {
            unsupported.add(written + " (its value comes from your environment, not the line)");
          }
        }
        case "workdir" -> workdir = value;
        case "network", "net" -> network = value;
        case "entrypoint" -> entrypoint = value.isEmpty() ? List.of() : List.of(value);
        default -> {
          if (option.known() && NO_EFFECT.contains(option.name())) {
            notRun.add(written);
          } else {
            unsupported.add(written);
          }
        }
      }
    }
    if (!dropAll && command.options().stream().anyMatch(o -> o.is("cap-drop"))) {
      unsupported.add("--cap-drop without ALL");
    }
    List<TrialTmpfs> tmpfs = new ArrayList<>();
    for (var mount : command.config().tmpfs()) {
      if (mount.readOnly()) {
        unsupported.add("a read-only tmpfs at " + mount.target());
        continue;
      }
      long uid = -1;
      long gid = -1;
      for (String o : mount.options()) {
        if (o.startsWith("uid=")) {
          uid = Long.parseLong(o.substring(4));
        } else if (o.startsWith("gid=")) {
          gid = Long.parseLong(o.substring(4));
        }
      }
      tmpfs.add(
          new TrialTmpfs(
              mount.target(),
              mount.sizeBytes() == null ? 0 : mount.sizeBytes(),
              !mount.exec(),
              !mount.suid(),
              mount.options().contains("nodev"),
              mount.mode() == null ? -1 : Integer.parseInt(mount.mode(), 8),
              uid,
              gid));
    }
    List<TrialVolume> volumes = new ArrayList<>();
    for (Mount mount : command.config().mounts()) {
      if (mount.type() == MountType.BIND || mount.type() == MountType.VOLUME) {
        volumes.add(
            new TrialVolume(
                mount.source() == null ? "" : mount.source(), mount.target(), mount.readOnly()));
      } else {
        unsupported.add("a " + mount.type() + " mount at " + mount.target());
      }
    }
    TrialSpec spec =
        new TrialSpec(
            command.image(),
            user,
            readOnly,
            tmpfs,
            volumes,
            dropAll,
            capAdd,
            noNewPrivileges,
            entrypoint,
            command.command(),
            env,
            workdir,
            network);
    return new RunLineTrial(spec, notRun, unsupported);
  }
}
