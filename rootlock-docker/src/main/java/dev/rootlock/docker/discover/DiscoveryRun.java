package dev.rootlock.docker.discover;

import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.PathEntry;
import dev.rootlock.docker.discover.DiscoveryReport.Hardening;
import dev.rootlock.docker.discover.DiscoveryReport.Observation;
import dev.rootlock.docker.discover.DiscoveryReport.RefusedPath;
import dev.rootlock.docker.discover.DiscoveryReport.StaticFindings;
import dev.rootlock.docker.discover.DiscoveryReport.Trial;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
import dev.rootlock.docker.trial.RefusedOperation;
import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.RefusedWriteParser;
import dev.rootlock.docker.trial.TrialJanitor;
import dev.rootlock.docker.trial.TrialOutcome;
import dev.rootlock.docker.trial.TrialRunner;
import dev.rootlock.docker.trial.TrialSpec;
import dev.rootlock.docker.trial.TrialTmpfs;
import dev.rootlock.docker.trial.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One discovery: the mutable state of the pipeline {@link Discovery} runs. */
final class DiscoveryRun {

  /** A path being proven writable: why, and any tmpfs ownership fix it needed. */
  private static final class Candidate {
    final List<String> evidence = new ArrayList<>();
    String ownership = "";
    String note = "";
    int sizeMib;
  }

  private final DockerEngine engine;
  private final HostProc proc;
  private final TrialJanitor janitor;
  private final DiscoverRequest request;
  private final ImageConfig image;
  private final String runId;
  private final DiscoveryProgress progress;
  private int runs;
  private final Map<String, Optional<PathEntry>> probeCache = new HashMap<>();
  private final Map<String, Candidate> candidates = new LinkedHashMap<>();
  private final Map<String, RefusedPath> refusals = new LinkedHashMap<>();
  private final Set<String> volumes;
  private final String user;
  private String probeId;
  private boolean service;
  private long[] workerIds;
  private Set<Integer> observedPorts = Set.of();
  private PathPolicy policy;
  private UserIds ids = UserIds.ROOT;

  DiscoveryRun(
      DockerEngine engine,
      HostProc proc,
      TrialJanitor janitor,
      DiscoverRequest request,
      ImageConfig image,
      String runId,
      DiscoveryProgress progress) {
    this.engine = engine;
    this.proc = proc;
    this.janitor = janitor;
    this.request = request;
    this.image = image;
    this.runId = runId;
    this.progress = progress;
    this.volumes =
        new TreeSet<>(image.volumes().stream().map(RefusedWriteParser::normalize).toList());
    this.user = request.user().isEmpty() ? image.user() : request.user();
  }

  DiscoveryReport run(long startedNanos) {
    // A never-started container gives access to the image's files (passwd, directory modes).
    probeId =
        engine.create(
            new ContainerSpec(
                request.image(),
                List.of("rootlock-probe"),
                List.of(),
                "",
                true,
                Map.of(),
                "none",
                Map.of(janitor.label(), runId)));
    janitor.track(probeId);
    StaticFindings statics = staticStage();
    TrialRunner runner = new TrialRunner(engine, proc, janitor);
    TrialSpec base =
        TrialSpec.hardened(request.image())
            .withUser(request.user())
            .withCmd(request.cmd())
            .withEnv(request.env())
            .withNetwork(request.network());
    Watch watch = Watch.upTo(request.duration()).withExercise(request.exercise());

    // The observation is evidence, not proof: writable root and the engine's default
    // capabilities, as the image runs today, so it shows what the image writes and does.
    // At most: the observation, --max-trials runs, and two for a root image's non-root way.
    runs = request.maxTrials() + (rootStarted() ? 2 : 0);
    progress.starting(0, runs, "writable run (evidence: what the image writes)");
    TrialOutcome observed =
        runner.run(
            base.withReadOnlyRoot(false)
                .withCapabilities(false, List.of())
                .withNoNewPrivileges(false),
            watch.collectingChanges());
    MountPoints.fromDiff(observed.changes(), volumes)
        .forEach(
            (path, evidence) -> consider(path, evidence.stream().map(e -> "diff: " + e).toList()));
    // Files held open for writing that the diff does not show yet (a log opened, not written).
    for (String file : observed.openForWrite()) {
      boolean onVolume = volumes.stream().anyMatch(v -> PathPolicy.under(file, v));
      String dir = MountPoints.parent(file);
      if (!onVolume && !MountPoints.runtimeFile(file) && !PathPolicy.isBroad(dir)) {
        consider(dir, List.of("open for writing: " + file));
      }
    }
    // A non-root user is refused (EACCES) in root-owned image dirs even on a writable root; a
    // tmpfs it owns fixes that, so those refusals are evidence too.
    List<String> learnedFromObservation =
        learn(
            observed.refusedWrites(),
            observed.refusedOperations(),
            observed.mountStats(),
            new ArrayList<>());
    if (!observed.stayedUp() && observed.exitCode() != 0 && learnedFromObservation.isEmpty()) {
      throw new DiscoveryException(
          request.image()
              + " exits with status "
              + observed.exitCode()
              + " even with a writable root file system, and its logs name no path it could not"
              + " write, so there is nothing to harden yet. Last log lines:\n"
              + observed.logTail(10));
    }
    service = observed.stayedUp();
    Observation observation =
        new Observation(
            observed.changes(),
            observed.stayedUp(),
            observed.exitCode(),
            observed.exerciseExitCode(),
            observed.logTail(20),
            new ArrayList<>(new TreeSet<>(observed.listeningPorts())),
            observed.processIds().stream().map(p -> p[1] + ":" + p[2]).distinct().toList());
    Set<String> caps = ids.uid() == 0 ? predictCapabilities(observed) : new TreeSet<>();
    observedPorts = observed.listeningPorts();

    List<Trial> trials = new ArrayList<>();
    int provenBy = 0;
    Trial last = null;
    TrialOutcome lastOutcome = null;
    String purpose =
        ids.uid() == 0
            ? "as " + (user.isEmpty() ? "root" : user) + ", the capabilities it needs"
            : "as " + user;
    for (int n = 1; n <= request.maxTrials(); n++) {
      TrialSpec spec =
          base.withTmpfs(tmpfsMounts(-1, -1)).withCapabilities(true, List.copyOf(caps));
      progress.starting(trials.size() + 1, runs, purpose);
      TrialOutcome outcome = runner.run(spec, watch);
      lastOutcome = outcome;
      List<String> notes = new ArrayList<>();
      List<String> added =
          learn(outcome.refusedWrites(), outcome.refusedOperations(), outcome.mountStats(), notes);
      added.addAll(learnCapabilities(outcome, caps, notes));
      List<String> lost = lostProcesses(service, observed, outcome);
      if (!lost.isEmpty()) {
        notes.add(
            "processes that ran as uid:gid "
                + String.join(", ", lost)
                + " in the writable"
                + " run are gone (workers that died; the main process stayed up)");
      }
      boolean passed = proves(outcome) && added.isEmpty() && lost.isEmpty();
      last = trial(trials, purpose, outcome, added, notes, passed);
      if (passed) {
        provenBy = last.number();
        sizeFrom(outcome);
        break;
      }
      if (added.isEmpty()) {
        break; // nothing new to try: another identical run would fail the same way
      }
    }
    List<Hardening> hardenings = new ArrayList<>();
    String label =
        ids.uid() == 0
            ? "as "
                + (user.isEmpty() ? "root (the image's user)" : user)
                + (caps.isEmpty()
                    ? ", no capabilities"
                    : " with --cap-add " + String.join(", ", caps))
            : "as user " + user;
    hardenings.add(
        new Hardening(
            label,
            last.spec(),
            provenBy,
            ids.uid(),
            ids.gid(),
            provenBy > 0 ? "" : "trial " + last.number() + " " + state(last, lastOutcome)));
    if (rootStarted()) {
      runs = trials.size() + 2; // the trials left unused are not waited for
      hardenings.add(nonRootAlternative(runner, base, watch, trials));
    }
    return new DiscoveryReport(
        runId,
        request.image(),
        image.id(),
        user,
        ids.uid(),
        ids.gid(),
        statics,
        observation,
        trials,
        proposals(),
        new ArrayList<>(refusals.values()),
        provenBy,
        unproven(provenBy, trials, caps),
        Duration.ofNanos(System.nanoTime() - startedNanos),
        hardenings);
  }

  private Trial trial(
      List<Trial> trials,
      String purpose,
      TrialOutcome outcome,
      List<String> added,
      List<String> notes,
      boolean passed) {
    Trial trial =
        new Trial(
            trials.size() + 1,
            purpose,
            outcome.spec(),
            outcome.stayedUp(),
            outcome.exitCode(),
            outcome.exerciseExitCode(),
            outcome.refusedWrites(),
            outcome.refusedOperations(),
            added,
            notes,
            passed,
            outcome.steady(),
            outcome.elapsed());
    trials.add(trial);
    return trial;
  }

  private static String state(Trial trial) {
    return (trial.stayedUp() ? "stayed up" : "exited with status " + trial.exitCode())
        + (trial.refusedWrites().isEmpty() && trial.refusedOperations().isEmpty()
            ? ""
            : ", refused: " + String.join("; ", refusedLines(trial)));
  }

  private static List<String> refusedLines(Trial trial) {
    List<String> lines = new ArrayList<>();
    trial.refusedWrites().forEach(w -> lines.add(w.line()));
    trial.refusedOperations().forEach(o -> lines.add(o.line()));
    return lines.stream().limit(3).toList();
  }

  private static String state(Trial trial, TrialOutcome outcome) {
    String state = state(trial);
    boolean refused = !trial.refusedWrites().isEmpty() || !trial.refusedOperations().isEmpty();
    return refused || trial.stayedUp() || outcome.logs().isBlank()
        ? state
        : state + "; last log lines: " + outcome.logTail(3).replace("\n", " | ");
  }

  /**
   * A service passes by staying up; an image that stopped on its own (a job) by exiting 0. Writes
   * it is still refused are allowed only where rootlock refuses the path (/etc, code dirs): the
   * trial then shows it keeps running without them, and {@code unproven} says so; the caller also
   * requires that the trial taught nothing new.
   */
  private boolean proves(TrialOutcome outcome) {
    boolean up = outcome.stayedUp() || (!service && outcome.exitCode() == 0);
    return up && !outcome.exerciseFailed();
  }

  /**
   * The uid:gid of each process the writable run had that this trial lacks: a master that stays up
   * while its workers fail (and log only to a file) is not a running service. Empty when either run
   * was not visible in the host's /proc, or for a job.
   */
  static List<String> lostProcesses(boolean service, TrialOutcome observed, TrialOutcome trial) {
    if (!service
        || !trial.stayedUp()
        || observed.processIds().isEmpty()
        || trial.processIds().isEmpty()) {
      return List.of();
    }
    Set<String> now = new TreeSet<>();
    trial.processIds().forEach(p -> now.add(p[1] + ":" + p[2]));
    Set<String> lost = new TreeSet<>();
    observed.processIds().forEach(p -> lost.add(p[1] + ":" + p[2]));
    lost.removeAll(now);
    return List.copyOf(lost);
  }

  /**
   * The capabilities a root-started image showed it uses in the writable run: processes that run as
   * another uid or gid (SETUID, SETGID) and files it created owned by someone else (CHOWN). The
   * trial then proves them; a refused operation adds what was missed.
   */
  private Set<String> predictCapabilities(TrialOutcome observed) {
    Set<String> caps = new TreeSet<>();
    for (long[] process : observed.processIds()) {
      if (process[1] != 0) {
        caps.add("SETUID");
        workerIds = new long[] {process[1], process[2]};
      }
      if (process[2] != 0) {
        caps.add("SETGID");
      }
    }
    for (var stat : observed.changedPathStats().entrySet()) {
      boolean onVolume = volumes.stream().anyMatch(v -> PathPolicy.under(stat.getKey(), v));
      if (!onVolume && (stat.getValue().uid() != 0 || stat.getValue().gid() != 0)) {
        caps.add("CHOWN");
        if (workerIds == null) {
          workerIds = new long[] {stat.getValue().uid(), stat.getValue().gid()};
        }
      }
    }
    return caps;
  }

  /** Adds the capability each refused operation needs (root only); returns what it added. */
  private List<String> learnCapabilities(
      TrialOutcome outcome, Set<String> caps, List<String> notes) {
    List<String> added = new ArrayList<>();
    for (RefusedOperation op : outcome.refusedOperations()) {
      Optional<String> cap = op.kind().capability();
      if (cap.isEmpty()) {
        continue; // MOUNT_ACCESS: learn() fixed the mount's owner
      }
      if (ids.uid() != 0) {
        notes.add(
            "the image changes user or owner itself ("
                + op.line()
                + "), which a non-root"
                + " user cannot: run it as root with --cap-add "
                + cap.get()
                + ", or change its"
                + " entrypoint");
      } else if (caps.add(cap.get())) {
        added.add("--cap-add " + cap.get());
      }
    }
    return added;
  }

  /**
   * The non-root way to run a root-started image: the uid:gid its workers ran as in the writable
   * run (else nobody, 65534), every tmpfs owned by it, no capabilities. Up to two trials; a refused
   * write adds a mount for this alternative only.
   */
  private Hardening nonRootAlternative(
      TrialRunner runner, TrialSpec base, Watch watch, List<Trial> trials) {
    long uid = workerIds == null ? 65534 : workerIds[0];
    long gid = workerIds == null ? 65534 : workerIds[1];
    String altUser = uid + ":" + gid;
    List<TrialTmpfs> mounts = new ArrayList<>(tmpfsMounts(uid, gid));
    Trial last = null;
    TrialOutcome lastOutcome = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      TrialSpec spec = base.withUser(altUser).withTmpfs(mounts);
      progress.starting(trials.size() + 1, runs, "as non-root " + altUser + ", no capabilities");
      TrialOutcome outcome = runner.run(spec, watch);
      lastOutcome = outcome;
      List<String> added = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (RefusedWrite write : outcome.refusedWrites()) {
        if (write.kind() == RefusedWrite.Kind.READ_ONLY
            || write.kind() == RefusedWrite.Kind.MISSING_PARENT) {
          String mount = MountPoints.forRefusedWrite(write, p -> probe(p, 0).isPresent());
          if (policy.refusal(mount).isEmpty()
              && mounts.stream().noneMatch(m -> PathPolicy.under(mount, m.path()))) {
            mounts.add(TrialTmpfs.of(mount, floorMib(mount)).withOwner(uid, gid));
            added.add(mount);
          }
        }
      }
      outcome.refusedOperations().forEach(op -> notes.add("refused: " + op.line()));
      boolean passed = proves(outcome) && added.isEmpty();
      last =
          trial(
              trials,
              "as non-root " + altUser + ", no capabilities",
              outcome,
              added,
              notes,
              passed);
      if (passed) {
        return new Hardening(
            "as non-root "
                + altUser
                + " ("
                + (workerIds == null ? "nobody" : "the user its workers ran as")
                + "), no capabilities",
            spec,
            last.number(),
            uid,
            gid,
            "");
      }
      if (added.isEmpty()) {
        break;
      }
    }
    return new Hardening(
        "as non-root " + altUser + ", no capabilities",
        last.spec(),
        0,
        uid,
        gid,
        "trial "
            + last.number()
            + " "
            + state(last, lastOutcome)
            + (last.refusedOperations().isEmpty()
                ? ""
                : ": the image changes user or owner" + " itself, which a non-root user may not"));
  }

  /** A root-started image with no -u: discovery also tries a non-root way to run it. */
  private boolean rootStarted() {
    return ids.uid() == 0 && request.user().isEmpty();
  }

  private StaticFindings staticStage() {
    String path = image.envValue("PATH").orElse(PathPolicy.DEFAULT_PATH);
    Set<String> codeDirs = codeDirs(path);
    policy = new PathPolicy(path, codeDirs);
    if (!user.isEmpty()) {
      byte[] passwd = probe("/etc/passwd", 1 << 20).map(PathEntry::content).orElse(new byte[0]);
      byte[] group = probe("/etc/group", 1 << 20).map(PathEntry::content).orElse(new byte[0]);
      try {
        ids = UserIds.resolve(user, passwd, group);
      } catch (IllegalArgumentException e) {
        throw new DiscoveryException(e.getMessage());
      }
    }
    for (String volume : volumes) {
      Candidate c = new Candidate();
      c.evidence.add("image VOLUME");
      candidates.put(volume, c);
    }
    return new StaticFindings(
        new ArrayList<>(volumes),
        image.workingDir(),
        image.user(),
        image.envValue("TMPDIR").orElse(""),
        image.envValue("HOME").orElse(""),
        path,
        new ArrayList<>(codeDirs));
  }

  /** Directories of the absolute script or program the container starts, outside PATH dirs. */
  private Set<String> codeDirs(String pathVariable) {
    List<String> argv = new ArrayList<>(image.entrypoint());
    argv.addAll(request.cmd().isEmpty() ? image.cmd() : request.cmd());
    Set<String> pathDirs = Set.of(pathVariable.split(":"));
    Set<String> dirs = new LinkedHashSet<>();
    for (String arg : argv) {
      if (!arg.startsWith("/") || arg.contains(" ")) {
        continue;
      }
      String dir = MountPoints.parent(RefusedWriteParser.normalize(arg));
      boolean system =
          pathDirs.contains(dir)
              || PathPolicy.under(dir, "/usr")
              || PathPolicy.under(dir, "/bin")
              || PathPolicy.under(dir, "/sbin")
              || dir.equals("/");
      if (!system && probe(arg, 0).filter(e -> !e.directory()).isPresent()) {
        dirs.add(dir);
      }
    }
    return dirs;
  }

  /** Adds {@code path} as a candidate, or records why it is refused. True when newly added. */
  private boolean consider(String path, List<String> evidence) {
    if (candidates.containsKey(path)) {
      candidates.get(path).evidence.addAll(evidence);
      return false;
    }
    if (coveringCandidate(path).isPresent()) {
      return false;
    }
    Optional<String> refusal = policy.refusal(path);
    if (refusal.isPresent()) {
      RefusedPath old = refusals.get(path);
      List<String> all = new ArrayList<>(old == null ? List.of() : old.evidence());
      evidence.stream().filter(e -> !all.contains(e)).forEach(all::add);
      refusals.put(path, new RefusedPath(path, all, refusal.get()));
      return false;
    }
    Candidate candidate = new Candidate();
    candidate.evidence.addAll(evidence);
    // Sized now, not when a trial first mounts it: a path the last trial allowed by --max-trials
    // found is proposed without ever being mounted, and must not be proposed as size=0m.
    candidate.sizeMib = floorMib(path);
    checkOwnership(path, candidate);
    // A new mount point that contains existing ones replaces them (collapse to the parent).
    candidates
        .keySet()
        .removeIf(p -> !volumes.contains(p) && PathPolicy.under(p, path) && !p.equals(path));
    candidates.put(path, candidate);
    return true;
  }

  private Optional<String> coveringCandidate(String path) {
    return candidates.keySet().stream().filter(c -> PathPolicy.under(path, c)).findFirst();
  }

  /**
   * The tmpfs-mode pitfall: Docker gives a tmpfs mounted over an existing image directory that
   * directory's mode (mode= is overridden), so a 0755 root-owned /tmp stays unwritable for a
   * non-root user. The owner is not copied, so uid=/gid= fixes it.
   */
  private void checkOwnership(String path, Candidate candidate) {
    if (ids.uid() == 0 || volumes.contains(path)) {
      return;
    }
    probe(path, 0)
        .filter(PathEntry::directory)
        .filter(e -> !HostProc.canWrite(e, ids.uid(), List.of(ids.gid())))
        .ifPresent(
            e ->
                fixOwnership(
                    candidate,
                    String.format(
                        "%s exists in the image as"
                            + " %04o owned by %d:%d, and a tmpfs mounted over it keeps that mode (mode= is"
                            + " overridden)",
                        path, e.mode(), e.uid(), e.gid())));
  }

  private void fixOwnership(Candidate candidate, String why) {
    candidate.ownership = ",uid=" + ids.uid() + ",gid=" + ids.gid();
    candidate.note =
        why
            + ", so user "
            + user
            + " (uid "
            + ids.uid()
            + ") could not write it:"
            + " the tmpfs gets uid="
            + ids.uid()
            + ",gid="
            + ids.gid()
            + ". Alternatively point the"
            + " application at a path that does not exist in the image (a new mount point gets mode"
            + " 1777), e.g. TMPDIR=/scratch with a tmpfs at /scratch.";
  }

  /** Adds what a read-only trial showed; returns the mount points (or fixes) it added. */
  private List<String> learn(
      List<RefusedWrite> refused,
      List<RefusedOperation> operations,
      Map<String, PathEntry> mountStats,
      List<String> notes) {
    // EACCES inside a trial's own tmpfs: its owner must change (the trial engine tells it apart).
    for (RefusedOperation op : operations) {
      if (op.kind() == RefusedOperation.Kind.MOUNT_ACCESS) {
        refused = new ArrayList<>(refused);
        refused.add(
            new RefusedWrite(op.detail(), RefusedWrite.Kind.PERMISSION_DENIED, false, op.line()));
      }
    }
    List<String> added = new ArrayList<>();
    for (RefusedWrite write : refused) {
      switch (write.kind()) {
        case NOEXEC ->
            notes.add(
                "a mount needs exec: "
                    + write.line()
                    + " (point the native"
                    + " library work dir, e.g. io.netty.native.workdir or jna.tmpdir, at a mount without"
                    + " noexec)");
        case NO_PATH -> {
          String tmp = image.envValue("TMPDIR").orElse("/tmp");
          if (consider(tmp, List.of("log: " + write.line()))) {
            added.add(tmp);
          }
        }
        case PERMISSION_DENIED -> {
          Optional<String> mount = coveringCandidate(write.path());
          if (mount.isPresent()
              && candidates.get(mount.get()).ownership.isEmpty()
              && !volumes.contains(mount.get())) {
            fixOwnership(
                candidates.get(mount.get()),
                "writing " + write.path() + " was denied on the tmpfs at " + mount.get());
            added.add(mount.get() + " (uid=" + ids.uid() + ")");
          } else if (mount.isEmpty()) {
            String target = MountPoints.forRefusedWrite(write, p -> probe(p, 0).isPresent());
            if (consider(target, List.of("log: " + write.line()))) {
              added.add(target);
            }
          }
        }
        case READ_ONLY, MISSING_PARENT -> {
          if (volumes.stream().anyMatch(v -> PathPolicy.under(write.path(), v))) {
            continue;
          }
          String mount = MountPoints.forRefusedWrite(write, p -> probe(p, 0).isPresent());
          if (consider(mount, List.of("log: " + write.line()))) {
            added.add(mount);
          }
        }
        default -> throw new IllegalStateException(write.kind().name());
      }
    }
    // A tmpfs the user cannot write, seen from the host even when the app logged nothing.
    for (var stat : mountStats.entrySet()) {
      Candidate c = candidates.get(stat.getKey());
      if (c != null
          && c.ownership.isEmpty()
          && ids.uid() != 0
          && !HostProc.canWrite(stat.getValue(), ids.uid(), List.of(ids.gid()))) {
        fixOwnership(
            c,
            String.format(
                "the tmpfs at %s came up %04o owned by %d:%d",
                stat.getKey(),
                stat.getValue().mode(),
                stat.getValue().uid(),
                stat.getValue().gid()));
        added.add(stat.getKey() + " (uid=" + ids.uid() + ")");
      }
    }
    return added;
  }

  /** The tmpfs mounts for the candidates; {@code uid} >= 0 owns every one (non-root runs). */
  private List<TrialTmpfs> tmpfsMounts(long uid, long gid) {
    List<TrialTmpfs> mounts = new ArrayList<>();
    new java.util.TreeMap<>(candidates)
        .forEach(
            (path, c) -> {
              if (!volumes.contains(path)) {
                if (c.sizeMib == 0) {
                  c.sizeMib = floorMib(path);
                }
                TrialTmpfs mount = TrialTmpfs.of(path, c.sizeMib);
                if (uid >= 0) {
                  mount = mount.withOwner(uid, gid);
                } else if (!c.ownership.isEmpty()) {
                  mount = mount.withOwner(ids.uid(), ids.gid());
                }
                mounts.add(mount);
              }
            });
    return mounts;
  }

  private static int floorMib(String path) {
    return switch (PathPolicy.classify(path, false)) {
      case MEMORY -> path.equals("/tmp") ? 64 : 16;
      case DISK -> 256;
      case PERSISTENT -> 1024;
    };
  }

  /** Grows a proposal when the proving run used more than a quarter of it. */
  private void sizeFrom(TrialOutcome run) {
    run.mountBytes()
        .forEach(
            (path, bytes) -> {
              Candidate c = candidates.get(path);
              long needMib = (bytes * 4 + (1 << 20) - 1) >> 20;
              if (c != null && needMib > c.sizeMib) {
                c.sizeMib = (int) Long.highestOneBit(needMib) << 1;
              }
            });
  }

  private List<WritablePath> proposals() {
    List<WritablePath> result = new ArrayList<>();
    // Sorted: the diff's order varies between runs, the output must not.
    new java.util.TreeMap<>(candidates)
        .forEach(
            (path, c) -> {
              boolean volume = volumes.contains(path);
              String note =
                  volume
                      ? "declared as VOLUME in the image: Docker makes it writable even"
                          + " under --read-only (an anonymous volume), Kubernetes does not: give it a volume"
                      : c.note;
              result.add(
                  new WritablePath(
                      path,
                      PathPolicy.classify(path, volume),
                      volume ? "" : "rw,noexec,nosuid,nodev,size=" + c.sizeMib + "m" + c.ownership,
                      volume ? 0 : c.sizeMib,
                      c.evidence,
                      note));
            });
    return result;
  }

  private List<String> unproven(int provenBy, List<Trial> trials, Set<String> caps) {
    List<String> result = new ArrayList<>();
    Trial last =
        trials.stream()
            .filter(t -> t.number() == provenBy)
            .findFirst()
            .orElse(trials.get(trials.size() - 1));
    if (provenBy == 0) {
      String state = last.stayedUp() ? "stayed up" : "exited with status " + last.exitCode();
      result.add(
          "no trial proved the proposal: trial "
              + last.number()
              + " "
              + state
              + (last.added().isEmpty()
                  ? " and its logs named no new path to make writable"
                  : " and still found new paths after --max-trials " + request.maxTrials()));
    }
    for (RefusedWrite write : last.refusedWrites()) {
      refusals.keySet().stream()
          .filter(r -> PathPolicy.under(write.path(), r))
          .findFirst()
          .ifPresent(
              r ->
                  result.add(
                      "the application still tries to write "
                          + write.path()
                          + " (refused, see below)"
                          + (provenBy > 0
                              ? "; trial " + provenBy + " shows it keeps running without it"
                              : "")));
    }
    if (observedPorts.stream().anyMatch(p -> p < 1024) && !caps.contains("NET_BIND_SERVICE")) {
      result.add(
          "it listens on port(s) "
              + observedPorts.stream().filter(p -> p < 1024).toList()
              + ": Docker lets any process bind below 1024 in a container's own network namespace"
              + " (net.ipv4.ip_unprivileged_port_start=0), so NET_BIND_SERVICE was not needed here;"
              + " Kubernetes may not set that sysctl, so its patch adds NET_BIND_SERVICE unproven");
    }
    if (request.exercise().isEmpty()) {
      result.add(
          "no --exercise command was given: writes made only on some code paths (uploads,"
              + " lazy saves at shutdown, plugin installs) were not triggered and are not proven");
    } else {
      result.add(
          "only the code paths that start-up and the --exercise command reach were"
              + " exercised; other writes are not proven");
    }
    return result;
  }

  private Optional<PathEntry> probe(String path, int maxBytes) {
    if (maxBytes > 0) {
      return engine.readPath(probeId, path, maxBytes);
    }
    return probeCache.computeIfAbsent(path, p -> engine.readPath(probeId, p, 0));
  }
}
