package dev.rootlock.docker;

import java.util.List;
import java.util.Map;

/**
 * What to create: never privileged (rootlock has no field for it). {@code name} empty lets the
 * engine choose one; {@code cmd} empty keeps the image's command; {@code user} empty keeps the
 * image's user; {@code tmpfs} maps a path to its mount options; {@code networkMode} e.g. {@code
 * none}; {@code capDrop}, {@code capAdd} and {@code securityOpt} as for {@code --cap-drop}, {@code
 * --cap-add} and {@code --security-opt}; {@code entrypoint} empty keeps the image's (a non-empty
 * one also drops the image's command, as {@code docker run --entrypoint} does); {@code workingDir}
 * empty keeps the image's; {@code binds} are {@code -v} values ({@code SOURCE:TARGET[:ro]}, SOURCE
 * a host path or a volume name).
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
    Map<String, String> labels,
    List<String> capAdd,
    List<String> entrypoint,
    String workingDir,
    List<String> binds) {

  public ContainerSpec {
    name = name == null ? "" : name;
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    user = user == null ? "" : user;
    tmpfs = Map.copyOf(tmpfs);
    capDrop = List.copyOf(capDrop);
    securityOpt = List.copyOf(securityOpt);
    labels = Map.copyOf(labels);
    capAdd = List.copyOf(capAdd);
    entrypoint = List.copyOf(entrypoint);
    workingDir = workingDir == null ? "" : workingDir;
    binds = List.copyOf(binds);
  }

  /** A container with the image's entrypoint and working directory, no added caps or binds. */
  public ContainerSpec(
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
    this(
        name,
        image,
        cmd,
        env,
        user,
        readOnlyRoot,
        tmpfs,
        networkMode,
        capDrop,
        securityOpt,
        labels,
        List.of(),
        List.of(),
        "",
        List.of());
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
