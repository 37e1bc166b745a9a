package dev.rootlock.docker.prove;

import dev.rootlock.docker.trial.TrialSpec;
import dev.rootlock.docker.trial.TrialTmpfs;
import dev.rootlock.docker.trial.TrialVolume;
import dev.rootlock.model.fix.ProofRun;

/**
 * A {@link ProofRun} as a {@link TrialSpec}, field for field: the run already decided everything
 * (core's {@code ManifestRuns}); this only names it in the trial engine's terms.
 *
 * <ul>
 *   <li>readOnlyRootFilesystem: {@code --read-only};
 *   <li>an emptyDir: {@code --tmpfs PATH:rw[,size=...]}, without noexec or nosuid, as the kubelet
 *       mounts it; a disk-backed emptyDir too, because Docker's volumes start with the image's
 *       files copied in and an emptyDir starts empty; with a non-root runAsUser also {@code
 *       uid=[,gid=]} of that user, as core's {@code ProofRun.Scratch.writableBy} decided for the
 *       Kubernetes run;
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

  /** The scratch mount as the engine's tmpfs, owner and options as the run decided them. */
  static TrialTmpfs tmpfs(ProofRun.Scratch s) {
    return new TrialTmpfs(
        s.path(), s.sizeBytes(), s.noexec(), s.nosuid(), s.nodev(), s.mode(), s.uid(), s.gid());
  }

  public static TrialSpec spec(ProofRun run) {
    return TrialSpec.hardened(run.image())
        .withReadOnlyRoot(run.readOnlyRoot())
        .withUser(run.user())
        .withTmpfs(run.scratch().stream().map(TrialTranslation::tmpfs).toList())
        .withVolumes(
            run.data().stream()
                .map(d -> new TrialVolume(d.hostPath(), d.path(), d.readOnly()))
                .toList())
        .withCapabilities(run.dropAllCapabilities(), run.capAdd())
        .withNoNewPrivileges(run.noNewPrivileges())
        .withEntrypoint(run.entrypoint())
        .withCmd(run.cmd())
        .withEnv(run.env())
        .withWorkingDir(run.workingDir());
  }
}
