package dev.rootlock.docker;

import java.util.List;
import java.util.Map;

/**
 * An inspected container in rootlock's terms. {@code pid} is the host pid of its first process (0
 * when not running); {@code exitCode} is meaningful once it stopped. {@code user} is the merged
 * {@code Config.User} (the container's, else the image's; empty means root). {@code securityOpt}
 * holds entries as given, such as {@code no-new-privileges} or {@code seccomp=unconfined}. {@code
 * tmpfs} maps each tmpfs mount point to its kernel mount data as the daemon builds it, for {@code
 * --tmpfs} and {@code --mount type=tmpfs} alike ({@code size=64m,mode=1777}; empty for Docker's
 * defaults). {@code devices} are {@code HOST:CONTAINER:PERMISSIONS}.
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
    List<MountPoint> mounts,
    Namespaces namespaces,
    List<String> devices) {

  public ContainerDetails {
    user = user == null ? "" : user;
    env = List.copyOf(env);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    securityOpt = List.copyOf(securityOpt);
    tmpfs = Map.copyOf(tmpfs);
    mounts = List.copyOf(mounts);
    namespaces = namespaces == null ? Namespaces.PRIVATE : namespaces;
    devices = List.copyOf(devices);
  }

  /**
   * A volume or bind mount (tmpfs mounts are in {@link #tmpfs()}): {@code type} is {@code volume},
   * {@code bind} or another Docker mount type; {@code source} is the volume's name for a volume and
   * the host path for a bind.
   */
  public record MountPoint(String type, String source, String destination, boolean writable) {}

  /**
   * The {@code HostConfig} namespace modes as the engine reports them ({@code host}, {@code
   * private}, {@code container:ID}, a network name, ...); empty when unset.
   */
  public record Namespaces(String network, String pid, String ipc, String uts, String userns) {

    /** Nothing shared: every mode unset. */
    public static final Namespaces PRIVATE = new Namespaces("", "", "", "", "");

    public Namespaces {
      network = network == null ? "" : network;
      pid = pid == null ? "" : pid;
      ipc = ipc == null ? "" : ipc;
      uts = uts == null ? "" : uts;
      userns = userns == null ? "" : userns;
    }
  }
}
