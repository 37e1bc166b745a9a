package dev.rootlock.model.fix;

import java.util.List;

/**
 * One container's fixed settings, translated to what a container engine runs, in JDK types only so
 * that core stays free of Docker. The engine side ({@code dev.rootlock.docker.prove}) turns it into
 * its own run spec without choosing anything: every decision about the translation is made here,
 * from the manifest as the API server reads it.
 *
 * @param object the object, as reports name it: {@code deployment/web}
 * @param container the container's name
 * @param image the image as written
 * @param user {@code uid} or {@code uid:gid} from runAsUser/runAsGroup; empty keeps the image's
 * @param runAsNonRoot {@code runAsNonRoot: true} (container or pod): the kubelet refuses to start
 *     the container when its user is root, or a name it cannot check
 * @param readOnlyRoot {@code readOnlyRootFilesystem: true}
 * @param scratch emptyDir mounts, each a tmpfs in the engine
 * @param data PVC, configMap, secret, projected and downwardAPI mounts, each an anonymous volume
 * @param dropAllCapabilities whether {@code capabilities.drop} holds {@code ALL}
 * @param capAdd {@code capabilities.add}, as written
 * @param noNewPrivileges {@code allowPrivilegeEscalation: false}
 * @param entrypoint {@code command}; empty keeps the image's
 * @param cmd {@code args}; empty keeps the image's (or none, when {@code command} is set)
 * @param env literal {@code NAME=value} entries
 * @param service whether it must stay up (a regular container of anything but a Job); an init
 *     container or a Job's container must exit 0 instead
 * @param unprovable why this container cannot be run as written here; empty when it can
 * @param workingDir the working directory; empty keeps the image's
 * @param noun what reports call it: {@code container} (Kubernetes) or {@code service} (Compose)
 */
public record ProofRun(
    String object,
    String container,
    String image,
    String user,
    boolean runAsNonRoot,
    boolean readOnlyRoot,
    List<Scratch> scratch,
    List<Data> data,
    boolean dropAllCapabilities,
    List<String> capAdd,
    boolean noNewPrivileges,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    boolean service,
    List<String> unprovable,
    String workingDir,
    String noun) {

  /** A Kubernetes container's run: the image's working directory, called a container. */
  public ProofRun(
      String object,
      String container,
      String image,
      String user,
      boolean runAsNonRoot,
      boolean readOnlyRoot,
      List<Scratch> scratch,
      List<Data> data,
      boolean dropAllCapabilities,
      List<String> capAdd,
      boolean noNewPrivileges,
      List<String> entrypoint,
      List<String> cmd,
      List<String> env,
      boolean service,
      List<String> unprovable) {
    this(
        object,
        container,
        image,
        user,
        runAsNonRoot,
        readOnlyRoot,
        scratch,
        data,
        dropAllCapabilities,
        capAdd,
        noNewPrivileges,
        entrypoint,
        cmd,
        env,
        service,
        unprovable,
        "",
        "container");
  }

  public ProofRun {
    workingDir = workingDir == null ? "" : workingDir;
    noun = noun == null || noun.isEmpty() ? "container" : noun;
    scratch = List.copyOf(scratch);
    data = List.copyOf(data);
    capAdd = List.copyOf(capAdd);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    unprovable = List.copyOf(unprovable);
  }

  /** Whether the run can be tried at all. */
  public boolean provable() {
    return unprovable.isEmpty();
  }

  /**
   * An emptyDir mounted at {@code path}: a tmpfs of {@code sizeBytes} (0 when the emptyDir sets no
   * sizeLimit). Kubernetes mounts emptyDirs without noexec or nosuid, and so does the trial. A
   * Compose tmpfs carries its own options: {@code noexec}, {@code nosuid}, {@code nodev}, an octal
   * {@code mode} and the {@code uid}/{@code gid} of its root (-1: the engine's default).
   *
   * @param memory {@code medium: Memory}; false for a disk-backed emptyDir, which the trial still
   *     runs as a tmpfs (empty at start and bounded, as the emptyDir is)
   */
  public record Scratch(
      String path,
      long sizeBytes,
      boolean memory,
      boolean noexec,
      boolean nosuid,
      boolean nodev,
      int mode,
      long uid,
      long gid) {

    /** An emptyDir's mount: no noexec, nosuid or nodev, the engine's mode, root's. */
    public Scratch(String path, long sizeBytes, boolean memory) {
      this(path, sizeBytes, memory, false, false, false, -1, -1, -1);
    }

    /**
     * A scratch mount that {@code user} ({@code uid[:gid]} as in {@link ProofRun#user}; empty for
     * the image's) can write, as a Kubernetes emptyDir is for any user: the kubelet makes it 0777,
     * while a tmpfs the engine mounts over an image directory keeps that directory's mode (a
     * root-owned 0755 /run) and ignores {@code mode=}, so a numeric non-root user owns it instead
     * (its group too when given). Root, a user name or the image's user keep the engine's owner. A
     * Compose tmpfs is not one of these: its file states its own {@code uid}/{@code gid}.
     */
    public static Scratch writableBy(String path, long sizeBytes, boolean memory, String user) {
      String[] ids = user.split(":", 2);
      if (!ids[0].matches("[0-9]{1,9}") || Long.parseLong(ids[0]) == 0) {
        return new Scratch(path, sizeBytes, memory);
      }
      long gid = ids.length == 2 && ids[1].matches("[0-9]{1,9}") ? Long.parseLong(ids[1]) : -1;
      return new Scratch(
          path, sizeBytes, memory, false, false, false, -1, Long.parseLong(ids[0]), gid);
    }
  }

  /**
   * A volume whose content the cluster supplies: mounted at {@code path}, {@code readOnly} as the
   * kubelet mounts it (always for configMap, secret, projected and downwardAPI).
   *
   * @param source what the cluster mounts there: {@code persistentVolumeClaim "data"}
   * @param hostPath for a Compose bind mount, the absolute host path bound there; empty for a fresh
   *     anonymous volume (a PVC, a cluster-supplied volume, a Compose named volume)
   */
  public record Data(String path, boolean readOnly, String source, String hostPath) {

    /** A volume the trial mounts as a fresh anonymous volume. */
    public Data(String path, boolean readOnly, String source) {
      this(path, readOnly, source, "");
    }

    public Data {
      hostPath = hostPath == null ? "" : hostPath;
    }
  }
}
