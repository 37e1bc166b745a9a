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

  public static TrialSpec spec(ProofRun run) {
    return TrialSpec.hardened(run.image())
        .withReadOnlyRoot(run.readOnlyRoot())
        .withUser(run.user())
        .withTmpfs(
            run.scratch().stream()
                .map(s -> owned(new TmpfsMount(s.path(), s.sizeBytes(), false, false, false, -1,
                    -1, -1), run.user()))
                .toList())
        .withVolumes(
            run.data().stream().map(d -> new VolumeMount("", d.path(), d.readOnly())).toList())
        .withCapabilities(run.dropAllCapabilities(), run.capAdd())
        .withNoNewPrivileges(run.noNewPrivileges())
        .withEntrypoint(run.entrypoint())
        .withCmd(run.cmd())
        .withEnv(run.env());
  }
}
