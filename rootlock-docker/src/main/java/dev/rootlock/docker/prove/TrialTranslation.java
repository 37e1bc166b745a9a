package dev.rootlock.docker.prove;

import dev.rootlock.docker.trial.TmpfsMount;
import dev.rootlock.docker.trial.TrialSpec;
import dev.rootlock.docker.trial.VolumeMount;
import dev.rootlock.fix.prove.ProofRun;

/**
 * A {@link ProofRun} as a {@link TrialSpec}, field for field: the run already decided everything
 * (core's {@code ManifestRuns}); this only names it in the trial engine's terms.
 *
 * <ul>
 *   <li>readOnlyRootFilesystem: {@code --read-only};
 *   <li>an emptyDir: {@code --tmpfs PATH:rw[,size=...]}, without noexec or nosuid, as the kubelet
 *       mounts it; a disk-backed emptyDir too, because Docker's volumes start with the image's
 *       files copied in and an emptyDir starts empty; with a non-root runAsUser also {@code
 *       uid=[,gid=]} of that user: the kubelet makes an emptyDir mode 0777, writable for any
 *       user, while Docker gives a tmpfs over an image directory that directory's mode (a
 *       root-owned 0755 /run) and ignores {@code mode=}, so ownership is how the trial gets the
 *       same write access;
 *   <li>PVC and cluster-supplied volumes: an anonymous volume ({@code -v PATH[:ro]}), removed with
 *       the trial container;
 *   <li>the user, capabilities, no-new-privileges, command, args and literal env as they are; the
 *       seccomp profile is the engine's default (RuntimeDefault).
 * </ul>
 *
 * <p>A Compose service's run (core's {@code ComposeRuns}) goes through the same translation: its
 * tmpfs entries carry their own options, a bind mount its host path, and its working directory.
 */
public final class TrialTranslation {

  private TrialTranslation() {}

  /** The emptyDir's tmpfs owned by a numeric non-root {@code uid[:gid]}; as it is otherwise. */
  static TmpfsMount owned(TmpfsMount mount, String user) {
    String[] ids = user.split(":", 2);
    if (!ids[0].matches("[0-9]{1,9}") || Long.parseLong(ids[0]) == 0) {
      return mount;
    }
    long gid = ids.length == 2 && ids[1].matches("[0-9]{1,9}") ? Long.parseLong(ids[1]) : -1;
    return mount.withOwner(Long.parseLong(ids[0]), gid);
  }

  /**
   * A Kubernetes emptyDir is 0777 under the kubelet, so a non-root user may write it; a tmpfs that
   * Docker mounts keeps the image directory's owner and mode, so the trial gives it to the user. A
   * Compose tmpfs runs as written: its file states its own {@code uid}/{@code gid}.
   */
  private static TmpfsMount kubeletOwnership(ProofRun run, TmpfsMount mount) {
    return run.noun().equals("container") ? owned(mount, run.user()) : mount;
  }

  public static TrialSpec spec(ProofRun run) {
    return TrialSpec.hardened(run.image())
        .withReadOnlyRoot(run.readOnlyRoot())
        .withUser(run.user())
        .withTmpfs(
            run.scratch().stream()
                .map(
                    s ->
                        kubeletOwnership(
                            run,
                            new TmpfsMount(
                                s.path(), s.sizeBytes(), s.noexec(), s.nosuid(), s.nodev(),
                                s.mode(), s.uid(), s.gid())))
                .toList())
        .withVolumes(
            run.data().stream()
                .map(d -> new VolumeMount(d.hostPath(), d.path(), d.readOnly()))
                .toList())
        .withCapabilities(run.dropAllCapabilities(), run.capAdd())
        .withNoNewPrivileges(run.noNewPrivileges())
        .withEntrypoint(run.entrypoint())
        .withCmd(run.cmd())
        .withEnv(run.env())
        .withWorkingDir(run.workingDir());
  }
}
