package dev.rootlock.docker;

import java.util.List;
import java.util.Map;

/**
 * What to create: never privileged (rootlock has no field for it). {@code cmd} empty keeps the
 * image's command; {@code user} empty keeps the image's user; {@code tmpfs} maps a path to its
 * mount options; {@code networkMode} e.g. {@code none}.
 */
public record ContainerSpec(
    String image,
    List<String> cmd,
    List<String> env,
    String user,
    boolean readOnlyRoot,
    Map<String, String> tmpfs,
    String networkMode,
    Map<String, String> labels) {

  public ContainerSpec {
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    user = user == null ? "" : user;
    tmpfs = Map.copyOf(tmpfs);
    labels = Map.copyOf(labels);
  }
}
