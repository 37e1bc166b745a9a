package dev.rootlock.source.dockerrun;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.docker.ByteSize;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Device;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.model.docker.GoBooleans;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed {@code docker run} flags into a {@link ContainerConfig}, giving each value the
 * Compose-shaped path a Compose file would ({@code cap_add[1]}, {@code volumes[0]}) and remembering
 * which argument wrote it.
 */
final class RunConfigReader {

  /** The config, values Docker would refuse, and the argument index behind each path. */
  record Result(
      ContainerConfig config, List<FieldProblem> problems, Map<FieldPath, Integer> positions) {}

  private final ContainerConfig.Builder b = ContainerConfig.builder(DockerDialect.RUN, null);
  private final List<FieldProblem> problems = new ArrayList<>();
  private final Map<FieldPath, Integer> positions = new HashMap<>();
  private final List<String> networks = new ArrayList<>();
  private int volumeCount;

  private RunConfigReader() {}

  static Result read(List<String> args, List<RunOption> options, int imageIndex)
      throws DockerRunException {
    RunConfigReader reader = new RunConfigReader();
    for (RunOption option : options) {
      if (option.known()) {
        reader.apply(option);
      }
    }
    reader.b.image = args.get(imageIndex);
    if (reader.b.name == null || reader.b.name.isEmpty()) {
      reader.b.name = reader.b.image;
    }
    reader.b.networkMode =
        reader.networks.contains("host")
            ? "host"
            : reader.networks.stream().findFirst().orElse(null);
    return new Result(reader.b.build(), reader.problems, reader.positions);
  }

  private void apply(RunOption option) throws DockerRunException {
    String value = option.value();
    switch (option.name()) {
      case "name" -> b.name = value;
      case "read-only" -> b.readOnly = flagBoolean(option, DockerField.READ_ONLY);
      case "privileged" -> b.privileged = flagBoolean(option, DockerField.PRIVILEGED);
      case "user" -> b.user = scalar(option, DockerField.USER);
      case "pid" -> b.pid = scalar(option, DockerField.PID);
      case "ipc" -> b.ipc = scalar(option, DockerField.IPC);
      case "uts" -> b.uts = scalar(option, DockerField.UTS);
      case "userns" -> b.usernsMode = scalar(option, DockerField.USERNS_MODE);
      case "network", "net" -> network(option);
      case "cap-add" ->
          b.capAdd.add(new Capability(value, item(option, DockerField.CAP_ADD, b.capAdd.size())));
      case "cap-drop" ->
          b.capDrop.add(
              new Capability(value, item(option, DockerField.CAP_DROP, b.capDrop.size())));
      case "security-opt" -> securityOpt(option);
      case "device" ->
          b.devices.add(new Device(value, item(option, DockerField.DEVICES, b.devices.size())));
      case "tmpfs" -> tmpfs(option);
      case "volume" -> volume(option);
      case "mount" -> mount(option);
      case "env" -> {
        if (value.startsWith("PATH=")) {
          b.pathEnv = value.substring("PATH=".length());
          positions.put(DockerField.ENVIRONMENT.path(), option.argIndex());
        }
      }
      default -> {
        // Every other flag leaves the hardening-relevant settings alone.
      }
    }
  }

  private Boolean flagBoolean(RunOption option, DockerField field) {
    positions.put(field.path(), option.argIndex());
    return option.value() == null ? Boolean.TRUE : GoBooleans.parse(option.value());
  }

  private String scalar(RunOption option, DockerField field) {
    positions.put(field.path(), option.argIndex());
    return option.value();
  }

  private void network(RunOption option) {
    String value = option.value();
    // The advanced syntax --network name=host,alias=web names the network in a CSV field.
    if (value.contains("=")) {
      for (String field : value.split(",", -1)) {
        if (field.startsWith("name=")) {
          value = field.substring("name=".length());
        }
      }
    }
    if (networks.isEmpty() || value.equals("host")) {
      positions.put(DockerField.NETWORK_MODE.path(), option.argIndex());
    }
    networks.add(value);
  }

  private void securityOpt(RunOption option) {
    FieldPath path = item(option, DockerField.SECURITY_OPT, b.securityOpts.size());
    SecurityOpt opt = SecurityOpt.parse(option.value(), path);
    // The CLI refuses an option with no value, except the bare no-new-privileges.
    if ((opt.value() == null || opt.value().isEmpty())
        && !opt.key().equals(SecurityOpt.NO_NEW_PRIVILEGES)) {
      problems.add(new FieldProblem(path, "Invalid --security-opt: \"" + option.value() + "\""));
    }
    b.securityOpts.add(opt);
  }

  /**
   * A {@code --tmpfs}. Docker takes any {@code size=} when the container is created, but the kernel
   * refuses one it cannot read ({@code size=abc}) and the container never starts: such a line is
   * refused here, as the {@code --mount} syntax's {@code tmpfs-size} is.
   */
  private void tmpfs(RunOption option) throws DockerRunException {
    TmpfsMount tmpfs =
        TmpfsMount.parse(option.value(), item(option, DockerField.TMPFS, b.tmpfs.size()));
    if (tmpfs.size() != null && !ByteSize.isMountOptionSize(tmpfs.size())) {
      throw invalid(
          option,
          new IllegalArgumentException(
              "invalid size \""
                  + tmpfs.size()
                  + "\": the kernel refuses it and the container would not start"
                  + " (use a size such as 64m, or a percentage such as 10%)"));
    }
    b.tmpfs.add(tmpfs);
  }

  private void volume(RunOption option) throws DockerRunException {
    FieldPath path = item(option, DockerField.VOLUMES, volumeCount++);
    try {
      b.mounts.add(Mount.parseShortSyntax(option.value(), path));
    } catch (IllegalArgumentException e) {
      throw invalid(option, e);
    }
  }

  private void mount(RunOption option) throws DockerRunException {
    FieldPath path = item(option, DockerField.VOLUMES, volumeCount++);
    try {
      MountFlag.Parsed parsed = MountFlag.parse(option.value(), path);
      if (parsed.tmpfs() != null) {
        b.tmpfs.add(parsed.tmpfs());
      } else {
        b.mounts.add(parsed.mount());
      }
    } catch (IllegalArgumentException e) {
      throw invalid(option, e);
    }
  }

  private FieldPath item(RunOption option, DockerField field, int index) {
    FieldPath path = field.path().index(index);
    positions.put(path, option.argIndex());
    positions.putIfAbsent(field.path(), option.argIndex());
    return path;
  }

  private DockerRunException invalid(RunOption option, IllegalArgumentException e) {
    return new DockerRunException(
        "invalid argument \""
            + option.value()
            + "\" for \""
            + option.written()
            + "\" flag: "
            + e.getMessage(),
        option.argIndex());
  }
}
