package dev.rootlock.model.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * The hardening-relevant configuration of one Docker container: a Compose service, a {@code docker
 * run} command line or a running container. Every component is null (or empty) when unset, or when
 * written with a value Docker would refuse, which the source reports as a problem.
 *
 * <p>Field paths are Compose-shaped and relative to the service (see {@link DockerField}): a scalar
 * lives at its field's {@link DockerField#path()}, each list entry carries its own path.
 *
 * @param dialect how the configuration was written, which decides how messages name it
 * @param name the service name, the {@code --name}, or (for an unnamed {@code docker run}) the
 *     image
 * @param networkMode as written: {@code host}, {@code bridge}, {@code container:x}, {@code
 *     service:x}
 * @param usernsMode {@code userns_mode} / {@code --userns}, e.g. {@code host}
 * @param pathEnv the {@code PATH} variable the configuration sets, or null when it sets none
 * @param exempt in-object exemptions as written, each {@code "<check>[,<check>]: reason"}: a
 *     Compose service's {@code x-rootlock: {exempt: ...}}; empty for other sources
 */
public record ContainerConfig(
    DockerDialect dialect,
    String name,
    String image,
    Boolean readOnly,
    String user,
    Boolean privileged,
    List<Capability> capAdd,
    List<Capability> capDrop,
    SecurityOpts securityOpts,
    List<TmpfsMount> tmpfs,
    List<Mount> mounts,
    String networkMode,
    String pid,
    String ipc,
    String uts,
    String usernsMode,
    List<Device> devices,
    String pathEnv,
    List<String> exempt) {

  public ContainerConfig {
    exempt = exempt == null ? List.of() : List.copyOf(exempt);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    securityOpts = securityOpts == null ? SecurityOpts.NONE : securityOpts;
    tmpfs = List.copyOf(tmpfs);
    mounts = List.copyOf(mounts);
    devices = List.copyOf(devices);
  }

  /**
   * Whether a {@code user} value ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid})
   * names root: its user part is {@code root} or a number equal to 0. Unset and empty are not root
   * here; they mean "whatever the image says".
   */
  public static boolean isRootUser(String user) {
    if (user == null) {
      return false;
    }
    int colon = user.indexOf(':');
    String name = (colon < 0 ? user : user.substring(0, colon)).trim();
    return name.equals("root") || name.matches("0+");
  }

  /** Whether {@link #user()} names a user other than root (anything else but unset or empty). */
  public boolean hasNonRootUser() {
    return user != null && !user.isBlank() && !isRootUser(user);
  }

  /** A builder for a configuration in {@code dialect} called {@code name}; nothing else set. */
  public static Builder builder(DockerDialect dialect, String name) {
    return new Builder(dialect, name);
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder builder = new Builder(dialect, name);
    builder.image = image;
    builder.readOnly = readOnly;
    builder.user = user;
    builder.privileged = privileged;
    builder.capAdd.addAll(capAdd);
    builder.capDrop.addAll(capDrop);
    builder.securityOpts.addAll(securityOpts.entries());
    builder.tmpfs.addAll(tmpfs);
    builder.mounts.addAll(mounts);
    builder.networkMode = networkMode;
    builder.pid = pid;
    builder.ipc = ipc;
    builder.uts = uts;
    builder.usernsMode = usernsMode;
    builder.devices.addAll(devices);
    builder.pathEnv = pathEnv;
    builder.exempt.addAll(exempt);
    return builder;
  }

  /** Mutable collector for sources and tests; fields are public because it is a plain bag. */
  public static final class Builder {
    public DockerDialect dialect;
    public String name;
    public String image;
    public Boolean readOnly;
    public String user;
    public Boolean privileged;
    public final List<Capability> capAdd = new ArrayList<>();
    public final List<Capability> capDrop = new ArrayList<>();
    public final List<SecurityOpt> securityOpts = new ArrayList<>();
    public final List<TmpfsMount> tmpfs = new ArrayList<>();
    public final List<Mount> mounts = new ArrayList<>();
    public String networkMode;
    public String pid;
    public String ipc;
    public String uts;
    public String usernsMode;
    public final List<Device> devices = new ArrayList<>();
    public String pathEnv;
    public final List<String> exempt = new ArrayList<>();

    private Builder(DockerDialect dialect, String name) {
      this.dialect = dialect;
      this.name = name;
    }

    public ContainerConfig build() {
      return new ContainerConfig(
          dialect,
          name,
          image,
          readOnly,
          user,
          privileged,
          capAdd,
          capDrop,
          new SecurityOpts(securityOpts),
          tmpfs,
          mounts,
          networkMode,
          pid,
          ipc,
          uts,
          usernsMode,
          devices,
          pathEnv,
          exempt);
    }
  }
}
