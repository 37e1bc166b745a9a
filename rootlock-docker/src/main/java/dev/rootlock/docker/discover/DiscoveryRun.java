package dev.rootlock.docker.discover;

import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.RefusedWriteParser;
import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.PathEntry;
import dev.rootlock.docker.discover.DiscoveryReport.Observation;
import dev.rootlock.docker.discover.DiscoveryReport.RefusedPath;
import dev.rootlock.docker.discover.DiscoveryReport.StaticFindings;
import dev.rootlock.docker.discover.DiscoveryReport.Trial;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
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
  private final Janitor janitor;
  private final DiscoverRequest request;
  private final ImageConfig image;
  private final String runId;
  private final Map<String, Optional<PathEntry>> probeCache = new HashMap<>();
  private final Map<String, Candidate> candidates = new LinkedHashMap<>();
  private final Map<String, RefusedPath> refusals = new LinkedHashMap<>();
  private final Set<String> volumes;
  private final String user;
  private String probeId;
  private PathPolicy policy;
  private UserIds ids = UserIds.ROOT;

  DiscoveryRun(DockerEngine engine, HostProc proc, Janitor janitor, DiscoverRequest request,
      ImageConfig image, String runId) {
    this.engine = engine;
    this.proc = proc;
    this.janitor = janitor;
    this.request = request;
    this.image = image;
    this.runId = runId;
    this.volumes = new TreeSet<>(image.volumes().stream().map(RefusedWriteParser::normalize)
        .toList());
    this.user = request.user().isEmpty() ? image.user() : request.user();
  }

  DiscoveryReport run(long startedNanos) {
    // A never-started container gives access to the image's files (passwd, directory modes).
    probeId = engine.create(new ContainerSpec(request.image(), List.of("rootlock-probe"),
        List.of(), "", true, Map.of(), "none", Map.of(Janitor.LABEL, runId)));
    janitor.track(probeId);
    StaticFindings statics = staticStage();
    Runner runner = new Runner(engine, proc, janitor, request, runId);

    ContainerRun observed = runner.run(false, Map.of());
    MountPoints.fromDiff(observed.changes(), volumes)
        .forEach((path, evidence) -> consider(path, evidence.stream().map(e -> "diff: " + e)
            .toList()));
    // A non-root user is refused (EACCES) in root-owned image dirs even on a writable root; a
    // tmpfs it owns fixes that, so those refusals are evidence too.
    List<String> learnedFromObservation = learn(
        RefusedWriteParser.parse(observed.logs(), image.workingDir()), observed, new ArrayList<>());
    if (!observed.stayedUp() && observed.exitCode() != 0 && learnedFromObservation.isEmpty()) {
      throw new DiscoveryException(request.image() + " exits with status " + observed.exitCode()
          + " even with a writable root file system, and its logs name no path it could not"
          + " write, so there is nothing to harden yet. Last log lines:\n" + observed.logTail(10));
    }
    Observation observation = new Observation(observed.changes(), observed.stayedUp(),
        observed.exitCode(), observed.exerciseExitCode(), observed.logTail(20));

    List<Trial> trials = new ArrayList<>();
    int provenBy = 0;
    ContainerRun last = null;
    for (int number = 1; number <= request.maxTrials(); number++) {
      Map<String, String> tmpfs = tmpfsOptions();
      last = runner.run(true, tmpfs);
      List<String> notes = new ArrayList<>();
      List<RefusedWrite> refused = RefusedWriteParser.parse(last.logs(), image.workingDir());
      List<String> added = learn(refused, last, notes);
      // A service passes by staying up; an image that stopped on its own (a job) by exiting 0.
      boolean up = last.stayedUp() || !observed.stayedUp() && last.exitCode() == 0;
      boolean passed = up && added.isEmpty() && !last.exerciseFailed();
      trials.add(new Trial(number, tmpfs, last.stayedUp(), last.exitCode(),
          last.exerciseExitCode(), refused, added, notes, passed));
      if (passed) {
        provenBy = number;
        break;
      }
      if (added.isEmpty()) {
        break; // nothing new to try: another identical run would fail the same way
      }
    }
    sizeFrom(last);
    return new DiscoveryReport(runId, request.image(), image.id(), user, ids.uid(), ids.gid(),
        statics, observation, trials, proposals(), new ArrayList<>(refusals.values()), provenBy,
        unproven(provenBy, trials), Duration.ofNanos(System.nanoTime() - startedNanos));
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
    return new StaticFindings(new ArrayList<>(volumes), image.workingDir(), image.user(),
        image.envValue("TMPDIR").orElse(""), image.envValue("HOME").orElse(""), path,
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
      boolean system = pathDirs.contains(dir) || PathPolicy.under(dir, "/usr")
          || PathPolicy.under(dir, "/bin") || PathPolicy.under(dir, "/sbin") || dir.equals("/");
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
    checkOwnership(path, candidate);
    // A new mount point that contains existing ones replaces them (collapse to the parent).
    candidates.keySet().removeIf(p -> !volumes.contains(p) && PathPolicy.under(p, path)
        && !p.equals(path));
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
    probe(path, 0).filter(PathEntry::directory)
        .filter(e -> !HostProc.canWrite(e, ids.uid(), List.of(ids.gid())))
        .ifPresent(e -> fixOwnership(path, candidate, String.format("%s exists in the image as"
            + " %04o owned by %d:%d, and a tmpfs mounted over it keeps that mode (mode= is"
            + " overridden)", path, e.mode(), e.uid(), e.gid())));
  }

  private void fixOwnership(String path, Candidate candidate, String why) {
    candidate.ownership = ",uid=" + ids.uid() + ",gid=" + ids.gid();
    candidate.note = why + ", so user " + user + " (uid " + ids.uid() + ") could not write it:"
        + " the tmpfs gets uid=" + ids.uid() + ",gid=" + ids.gid() + ". Alternatively point the"
        + " application at a path that does not exist in the image (a new mount point gets mode"
        + " 1777), e.g. TMPDIR=/scratch with a tmpfs at /scratch.";
  }

  /** Adds what a read-only trial showed; returns the mount points (or fixes) it added. */
  private List<String> learn(List<RefusedWrite> refused, ContainerRun run, List<String> notes) {
    List<String> added = new ArrayList<>();
    for (RefusedWrite write : refused) {
      switch (write.kind()) {
        case NOEXEC -> notes.add("a mount needs exec: " + write.line() + " (point the native"
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
          if (mount.isPresent() && candidates.get(mount.get()).ownership.isEmpty()
              && !volumes.contains(mount.get())) {
            fixOwnership(mount.get(), candidates.get(mount.get()), "writing " + write.path()
                + " was denied on the tmpfs at " + mount.get());
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
    for (var stat : run.mountStats().entrySet()) {
      Candidate c = candidates.get(stat.getKey());
      if (c != null && c.ownership.isEmpty() && ids.uid() != 0
          && !HostProc.canWrite(stat.getValue(), ids.uid(), List.of(ids.gid()))) {
        fixOwnership(stat.getKey(), c, String.format("the tmpfs at %s came up %04o owned by %d:%d",
            stat.getKey(), stat.getValue().mode(), stat.getValue().uid(), stat.getValue().gid()));
        added.add(stat.getKey() + " (uid=" + ids.uid() + ")");
      }
    }
    return added;
  }

  private Map<String, String> tmpfsOptions() {
    Map<String, String> tmpfs = new LinkedHashMap<>();
    candidates.forEach((path, c) -> {
      if (!volumes.contains(path)) {
        if (c.sizeMib == 0) {
          c.sizeMib = floorMib(path);
        }
        tmpfs.put(path, "rw,noexec,nosuid,nodev,size=" + c.sizeMib + "m" + c.ownership);
      }
    });
    return tmpfs;
  }

  private static int floorMib(String path) {
    return switch (PathPolicy.classify(path, false)) {
      case MEMORY -> path.equals("/tmp") ? 64 : 16;
      case DISK -> 256;
      case PERSISTENT -> 1024;
    };
  }

  /** Grows a proposal when the proving run used more than a quarter of it. */
  private void sizeFrom(ContainerRun run) {
    if (run == null) {
      return;
    }
    run.mountBytes().forEach((path, bytes) -> {
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
    new java.util.TreeMap<>(candidates).forEach((path, c) -> {
      boolean volume = volumes.contains(path);
      String note = volume ? "declared as VOLUME in the image: Docker makes it writable even"
          + " under --read-only (an anonymous volume), Kubernetes does not: give it a volume"
          : c.note;
      result.add(new WritablePath(path, PathPolicy.classify(path, volume),
          volume ? "" : "rw,noexec,nosuid,nodev,size=" + c.sizeMib + "m" + c.ownership,
          volume ? 0 : c.sizeMib, c.evidence, note));
    });
    return result;
  }

  private List<String> unproven(int provenBy, List<Trial> trials) {
    List<String> result = new ArrayList<>();
    Trial last = trials.get(trials.size() - 1);
    if (provenBy == 0) {
      String state = last.stayedUp() ? "stayed up" : "exited with status " + last.exitCode();
      result.add("no trial proved the proposal: trial " + last.number() + " " + state
          + (last.added().isEmpty() ? " and its logs named no new path to make writable"
              : " and still found new paths after --max-trials " + request.maxTrials()));
    }
    for (RefusedWrite write : last.refusedWrites()) {
      refusals.keySet().stream().filter(r -> PathPolicy.under(write.path(), r)).findFirst()
          .ifPresent(r -> result.add("the application still tries to write " + write.path()
              + " (refused, see below)" + (provenBy > 0 ? "; trial " + provenBy
                  + " shows it keeps running without it" : "")));
    }
    if (request.exercise().isEmpty()) {
      result.add("no --exercise command was given: writes made only on some code paths (uploads,"
          + " lazy saves at shutdown, plugin installs) were not triggered and are not proven");
    } else {
      result.add("only the code paths that start-up and the --exercise command reach were"
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
