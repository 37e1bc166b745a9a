package dev.rootlock.docker;

import java.util.List;
import java.util.Map;

/**
 * What to create: never privileged (rootlock has no field for it). {@code name} empty lets the
 * engine choose one; {@code cmd} empty keeps the image's command; {@code user} empty keeps the
 * image's user; {@code tmpfs} maps a path to its mount options; {@code networkMode} e.g. {@code
 * none}; {@code capDrop} and {@code securityOpt} as for {@code --cap-drop} and {@code
 * --security-opt}.
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> cmd,
    List<String> env,
    String user,
    boolean readOnlyRoot,
    Map<String, String> tmpfs,
    String networkMode,
    List<String> capDrop,
    List<String> securityOpt,
    Map<String, String> labels) {

  public ContainerSpec {
    name = name == null ? "" : name;
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    user = user == null ? "" : user;
    tmpfs = Map.copyOf(tmpfs);
    capDrop = List.copyOf(capDrop);
    securityOpt = List.copyOf(securityOpt);
    labels = Map.copyOf(labels);
  }

  /** An unnamed container with the engine's default capabilities and security options. */
  public ContainerSpec(
      String image,
      List<String> cmd,
      List<String> env,
      String user,
      boolean readOnlyRoot,
      Map<String, String> tmpfs,
      String networkMode,
      Map<String, String> labels) {
    this("", image, cmd, env, user, readOnlyRoot, tmpfs, networkMode, List.of(), List.of(), labels);
  }
}
