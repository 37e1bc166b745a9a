package dev.rootlock.docker.verify;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.ExecResult;
import dev.rootlock.docker.verify.VerifyReport.DrillAttempt;
import dev.rootlock.docker.verify.VerifyReport.WritableMount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The attacker of the seeds, from inside the container as its own user: write into /etc, /bin and
 * every PATH directory, drop and run a script in every writable mount, remount / read-write. Every
 * file it manages to write is removed again, and a successful remount is undone.
 */
final class Drill {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Exit 3: the directory does not exist; 0: the write went through (then removed). */
  private static final String WRITE =
      "[ -d \"$1\" ] || exit 3; f=\"$1/.rootlock-drill-$$\";"
          + " if echo drill > \"$f\"; then rm -f \"$f\"; exit 0; fi; exit 1";

  /** Exit 10: not even writable; 0 with the marker: the dropped script ran. */
  private static final String DROP_AND_RUN =
      "f=\"$1/.rootlock-drill-$$.sh\";"
          + " printf '#!/bin/sh\\necho rootlock-drill-ran\\n' > \"$f\" || exit 10; chmod 755 \"$f\";"
          + " \"$f\"; rc=$?; rm -f \"$f\"; exit $rc";

  private static final String REMOUNT =
      "if mount -o remount,rw / ; then" + " mount -o remount,ro / ; exit 0; fi; exit 1";

  private final DockerEngine engine;
  private final ContainerDetails container;
  private final VerifyProgress progress;

  Drill(DockerEngine engine, ContainerDetails container, VerifyProgress progress) {
    this.engine = engine;
    this.container = container;
    this.progress = progress;
  }

  /** Why the drill cannot run (no shell), or empty when it can. */
  String shellMissing() {
    progress.step("drill: looking for a shell");
    try {
      ExecResult probe = engine.exec(container.id(), List.of("sh", "-c", "exit 0"), null, TIMEOUT);
      return probe.succeeded() ? "" : "no usable shell (sh) in the container: " + probe.output();
    } catch (DockerEngineException e) {
      return "no usable shell (sh) in the container: " + e.getMessage();
    }
  }

  List<DrillAttempt> run(List<WritableMount> mounts) {
    List<DrillAttempt> attempts = new ArrayList<>();
    Set<String> dirs = new LinkedHashSet<>(List.of("/etc", "/bin"));
    dirs.addAll(List.of(pathVariable().split(":")));
    for (String dir : dirs) {
      if (!dir.startsWith("/")) {
        continue;
      }
      progress.step("drill: write a file into " + dir);
      ExecResult r = sh(WRITE, dir);
      if (r.exitCode() == 3) {
        continue; // not in this image: nothing to plant into
      }
      attempts.add(
          new DrillAttempt(
              "write a file into",
              dir,
              !r.succeeded(),
              r.succeeded() ? "written (and removed again)" : r.output()));
    }
    for (WritableMount mount : mounts) {
      if (mount.path().equals("/dev") || mount.path().startsWith("/etc/")) {
        continue; // runtime-managed: /dev is root-only, /etc/hosts and friends are files
      }
      progress.step("drill: write and execute a script in " + mount.path());
      ExecResult r = sh(DROP_AND_RUN, mount.path());
      boolean ran = r.succeeded() && r.stdout().contains("rootlock-drill-ran");
      String detail =
          ran
              ? "the dropped script ran"
              : r.exitCode() == 10 ? "could not even write there: " + r.output() : r.output();
      attempts.add(new DrillAttempt("write and execute a script in", mount.path(), !ran, detail));
    }
    progress.step("drill: remount / read-write");
    ExecResult remount = sh(REMOUNT, "/");
    attempts.add(
        new DrillAttempt(
            "remount read-write",
            "/",
            !remount.succeeded(),
            remount.succeeded() ? "remounted rw (and back to ro)" : remount.output()));
    return attempts;
  }

  private ExecResult sh(String script, String argument) {
    return engine.exec(container.id(), List.of("sh", "-c", script, "sh", argument), null, TIMEOUT);
  }

  private String pathVariable() {
    return container.env().stream()
        .filter(e -> e.startsWith("PATH="))
        .map(e -> e.substring(5))
        .findFirst()
        .orElse(DEFAULT_PATH);
  }
}
