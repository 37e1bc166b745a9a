package dev.rootlock.docker.verify;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerReference;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.DockerEngineException.Reason;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.verify.VerifyReport.DrillAttempt;
import dev.rootlock.docker.verify.VerifyReport.WritableMount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code rootlock docker verify CONTAINER [--drill]}: confirms from outside that a running
 * container's root is read-only, lists what it can still write, and with {@code --drill} plays the
 * attacker from inside (exec, when the image has a shell).
 */
public final class Verifier {

  private static final Set<String> PSEUDO_FS =
      Set.of("proc", "sysfs", "cgroup", "cgroup2", "devpts", "mqueue");
  private static final Set<String> RUNTIME_PATHS =
      Set.of("/dev", "/dev/shm", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf");

  private final DockerEngine engine;
  private final HostProc proc;

  public Verifier(DockerEngine engine) {
    this(engine, HostProc.host());
  }

  public Verifier(DockerEngine engine, HostProc proc) {
    this.engine = engine;
    this.proc = proc;
  }

  /**
   * Verifies a running container.
   *
   * @throws DockerEngineException when the engine is unreachable, the container does not exist
   *     (CONTAINER_NOT_FOUND) or is not running (REFUSED)
   */
  public VerifyReport verify(String container, boolean drill) {
    return verify(container, drill, VerifyProgress.SILENT);
  }

  /** As {@link #verify(String, boolean)}, telling {@code progress} as each step starts. */
  public VerifyReport verify(String container, boolean drill, VerifyProgress progress) {
    progress.step("inspecting " + container);
    ContainerDetails details = engine.inspect(ContainerReference.check(container));
    if (!details.running()) {
      throw new DockerEngineException(
          Reason.REFUSED,
          "container "
              + container
              + " is not running"
              + " (exit code "
              + details.exitCode()
              + "): verify needs a running container");
    }
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Observed observed;
    if (proc.reachable(details.pid())) {
      progress.step("reading /proc/" + details.pid() + " (mounts, status)");
      observed = fromProc(details);
    } else {
      progress.step("reading the Engine API's view of " + container);
      observed = fromEngine(details);
    }
    if (!observed.rootReadOnly) {
      problems.add(
          "the root file system is writable ("
              + (observed.source.equals("proc")
                  ? "per-mount options of / say rw"
                  : "the container was not started with --read-only")
              + ")");
    }
    if (details.privileged() || observed.process.canRemount()) {
      problems.add(
          "the container "
              + (details.privileged() ? "is privileged" : "has CAP_SYS_ADMIN")
              + ", so it can remount / read-write whatever its mount options say");
    }
    for (WritableMount m : observed.mounts) {
      if (m.runtime()) {
        continue;
      }
      if (!m.options().contains("noexec")) {
        warnings.add(m.path() + " is writable and not noexec: a dropped binary can run from it");
      }
      if (Boolean.FALSE.equals(m.userCanWrite())) {
        warnings.add(
            m.path()
                + " is mounted writable but the container's user (uid "
                + observed.process.uid()
                + ") cannot write it: a tmpfs over an existing image"
                + " directory keeps that directory's mode; add uid="
                + observed.process.uid()
                + " to its options, or mount a path that does not exist in the image");
      }
    }
    String skipped = "";
    List<DrillAttempt> attempts = List.of();
    if (drill) {
      Drill d = new Drill(engine, details, progress);
      skipped = d.shellMissing();
      if (skipped.isEmpty()) {
        attempts = d.run(observed.mounts);
        attempts.stream()
            .filter(a -> !a.blocked())
            .forEach(
                a -> problems.add("drill: " + a.action() + " " + a.target() + " was NOT blocked"));
      }
    }
    return new VerifyReport(
        details.id(),
        details.name(),
        details.image(),
        observed.source,
        observed.rootReadOnly,
        observed.mounts,
        observed.process,
        drill,
        skipped,
        attempts,
        problems,
        warnings);
  }

  private record Observed(
      String source, boolean rootReadOnly, List<WritableMount> mounts, ProcessFacts process) {}

  private Observed fromProc(ContainerDetails details) {
    long pid = details.pid();
    List<MountEntry> entries;
    ProcessFacts facts;
    try {
      entries = MountEntry.parse(proc.mountinfo(pid));
      facts = ProcessFacts.fromStatus(proc.status(pid));
    } catch (IOException e) {
      return fromEngine(details); // the process went away between the check and the read
    }
    boolean rootReadOnly =
        entries.stream()
            .filter(e -> e.mountPoint().equals("/"))
            .reduce((first, second) -> second) // the last mount on / is the visible one
            .map(e -> !e.writable())
            .orElse(false);
    List<WritableMount> mounts = new ArrayList<>();
    for (MountEntry e : entries) {
      if (!e.writable()
          || e.mountPoint().equals("/")
          || PSEUDO_FS.contains(e.fsType())
          || e.mountPoint().startsWith("/proc")
          || e.mountPoint().startsWith("/sys")) {
        continue;
      }
      Boolean canWrite =
          proc.stat(pid, e.mountPoint())
              .filter(s -> s.directory())
              .map(s -> HostProc.canWrite(s, facts.uid(), facts.allGroups()))
              .orElse(null);
      mounts.add(
          new WritableMount(
              e.mountPoint(),
              e.fsType(),
              e.optionText(),
              canWrite,
              RUNTIME_PATHS.contains(e.mountPoint())));
    }
    return new Observed("proc", rootReadOnly, mounts, facts);
  }

  private static Observed fromEngine(ContainerDetails details) {
    List<WritableMount> mounts = new ArrayList<>();
    details
        .tmpfs()
        .forEach(
            (path, options) ->
                mounts.add(
                    new WritableMount(
                        path,
                        "tmpfs",
                        options.isEmpty() ? "rw,nosuid,nodev,noexec" : options,
                        null,
                        false)));
    for (var m : details.mounts()) {
      if (m.writable()) {
        mounts.add(new WritableMount(m.destination(), m.type(), "rw", null, false));
      }
    }
    mounts.add(new WritableMount("/dev/shm", "tmpfs", "rw,nosuid,nodev,noexec", true, true));
    Set<String> opts = new LinkedHashSet<>(details.securityOpt());
    Boolean noNewPrivs =
        opts.contains("no-new-privileges") || opts.contains("no-new-privileges:true");
    Integer seccomp =
        details.privileged()
                || opts.contains("seccomp=unconfined")
                || opts.contains("seccomp:unconfined")
            ? 0
            : 2;
    Long capEff =
        details.privileged()
                || details.capAdd().contains("SYS_ADMIN")
                || details.capAdd().contains("ALL")
            ? -1L
            : null;
    Long uid = details.user().isEmpty() ? Long.valueOf(0) : numericUid(details.user());
    ProcessFacts facts = new ProcessFacts(uid, null, List.of(), capEff, noNewPrivs, seccomp);
    return new Observed("engine", details.readOnlyRoot(), mounts, facts);
  }

  private static Long numericUid(String user) {
    String uid = user.split(":", 2)[0];
    return uid.chars().allMatch(Character::isDigit) ? Long.valueOf(uid) : null;
  }
}
