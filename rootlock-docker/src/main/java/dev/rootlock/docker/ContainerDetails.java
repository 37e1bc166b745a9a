package dev.rootlock.docker;

import java.util.List;
import java.util.Map;

/**
 * An inspected container in rootlock's terms. {@code pid} is the host pid of its first process (0
 * when not running); {@code exitCode} is meaningful once it stopped. {@code securityOpt} holds
 * entries such as {@code no-new-privileges} or {@code seccomp=unconfined}.
 */
public record ContainerDetails(
    String id,
    String name,
    String image,
    boolean running,
    long pid,
    long exitCode,
    String user,
    List<String> env,
    boolean readOnlyRoot,
    boolean privileged,
    List<String> capAdd,
    List<String> capDrop,
    List<String> securityOpt,
    Map<String, String> tmpfs,
    List<MountPoint> mounts) {

  public ContainerDetails {
    user = user == null ? "" : user;
    env = List.copyOf(env);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    securityOpt = List.copyOf(securityOpt);
    tmpfs = Map.copyOf(tmpfs);
    mounts = List.copyOf(mounts);
  }

  /** A volume or bind mount: {@code type} is {@code volume}, {@code bind} or {@code tmpfs}. */
  public record MountPoint(String type, String source, String destination, boolean writable) {}
}
