package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;

/**
 * The hardening-relevant settings of a Docker container, with the name each dialect gives them.
 * Field paths in the Docker model are always Compose-shaped ({@code cap_add[1]}, {@code tmpfs}),
 * relative to the service; sources that are not Compose files map those paths to their own
 * positions (a {@code docker run} locator points at the flag that set the value).
 */
public enum DockerField {
  READ_ONLY("read_only", "--read-only", "HostConfig.ReadonlyRootfs"),
  USER("user", "--user", "Config.User"),
  PRIVILEGED("privileged", "--privileged", "HostConfig.Privileged"),
  CAP_ADD("cap_add", "--cap-add", "HostConfig.CapAdd"),
  CAP_DROP("cap_drop", "--cap-drop", "HostConfig.CapDrop"),
  SECURITY_OPT("security_opt", "--security-opt", "HostConfig.SecurityOpt"),
  TMPFS("tmpfs", "--tmpfs", "HostConfig.Tmpfs"),
  VOLUMES("volumes", "--volume", "HostConfig.Mounts"),
  NETWORK_MODE("network_mode", "--network", "HostConfig.NetworkMode"),
  PID("pid", "--pid", "HostConfig.PidMode"),
  IPC("ipc", "--ipc", "HostConfig.IpcMode"),
  UTS("uts", "--uts", "HostConfig.UTSMode"),
  USERNS_MODE("userns_mode", "--userns", "HostConfig.UsernsMode"),
  DEVICES("devices", "--device", "HostConfig.Devices"),
  ENVIRONMENT("environment", "--env", "Config.Env");

  private final String composeKey;
  private final String runFlag;
  private final String engineField;

  DockerField(String composeKey, String runFlag, String engineField) {
    this.composeKey = composeKey;
    this.runFlag = runFlag;
    this.engineField = engineField;
  }

  /** The key in a Compose service, e.g. {@code read_only}. */
  public String composeKey() {
    return composeKey;
  }

  /** The long {@code docker run} flag, e.g. {@code --read-only}. */
  public String runFlag() {
    return runFlag;
  }

  /** The field in {@code docker inspect} output, e.g. {@code HostConfig.ReadonlyRootfs}. */
  public String engineField() {
    return engineField;
  }

  /** The name this field has in {@code dialect}. */
  public String nameIn(DockerDialect dialect) {
    return switch (dialect) {
      case COMPOSE -> composeKey;
      case RUN -> runFlag;
      case ENGINE -> engineField;
    };
  }

  /** The field's path relative to the service, e.g. {@code read_only}. */
  public FieldPath path() {
    return FieldPath.of(composeKey);
  }
}
