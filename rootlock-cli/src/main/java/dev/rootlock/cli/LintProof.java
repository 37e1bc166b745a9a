package dev.rootlock.cli;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.trial.RefusedOperation;
import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.RunLineTrial;
import dev.rootlock.docker.trial.TrialJanitor;
import dev.rootlock.docker.trial.TrialOutcome;
import dev.rootlock.docker.trial.TrialRunner;
import dev.rootlock.docker.trial.Watch;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code docker lint --prove}: runs the hardened line once through the trial engine. */
final class LintProof {

  private final PrintWriter out;
  private final Duration duration;

  LintProof(PrintWriter out, Duration duration) {
    this.out = out;
    this.duration = duration;
  }

  /** Prints the proof's outcome; true when the line was proven. */
  boolean prove(List<String> args, boolean original) {
    RunLineTrial trial;
    try {
      trial = RunLineTrial.parse(args);
    } catch (IllegalArgumentException e) {
      throw new UserException("--prove: cannot read the hardened line: " + e.getMessage(), e);
    }
    String which = original ? "the line" : "the hardened line";
    out.println();
    if (!trial.provable()) {
      out.println(
          "NOT PROVEN: --prove cannot reproduce "
              + String.join(", ", trial.unsupported())
              + " in a trial, so "
              + which
              + " was not run.");
      out.flush();
      return false;
    }
    try (DockerEngine engine = DockerJavaEngine.fromEnvironment()) {
      engine.info();
      String image = trial.spec().image();
      if (engine.inspectImage(image).isEmpty()) {
        throw new UserException(
            "--prove: image "
                + image
                + " is not present locally, and"
                + " rootlock never pulls: run `docker pull "
                + image
                + "` (or build it) first");
      }
      TrialOutcome outcome;
      try (TrialJanitor janitor = TrialJanitor.forEngine(engine)) {
        outcome =
            new TrialRunner(engine, HostProc.host(), janitor)
                .run(trial.spec(), Watch.upTo(duration));
      }
      return report(trial, outcome, which);
    } catch (DockerEngineException e) {
      throw new UserException("--prove: " + e.getMessage(), e);
    }
  }

  private boolean report(RunLineTrial trial, TrialOutcome outcome, String which) {
    boolean ran = outcome.stayedUp() || outcome.exitCode() == 0;
    boolean proven =
        ran && outcome.refusedWrites().isEmpty() && outcome.refusedOperations().isEmpty();
    out.println((proven ? "PROVEN: " : "NOT PROVEN: ") + which + " ran as");
    out.println("  " + trial.spec().dockerRunLine());
    if (!trial.notRun().isEmpty()) {
      out.println(
          "  (left out of the trial, as they do not change what the container may write"
              + " or do: "
              + String.join(" ", trial.notRun())
              + ")");
    }
    out.println(
        "  and "
            + outcome.state()
            + (outcome.steady()
                ? String.format(
                    Locale.ROOT, " (steady after %.1f s)", outcome.elapsed().toMillis() / 1000.0)
                : "")
            + ", "
            + outcome.refusedWrites().size()
            + " refused writes, "
            + outcome.refusedOperations().size()
            + " refused operations");
    for (RefusedWrite write : outcome.refusedWrites()) {
      out.println("  refused write: " + write.line());
    }
    for (RefusedOperation op : outcome.refusedOperations()) {
      out.println(
          "  refused operation ("
              + op.kind().capability().map(c -> "needs " + c).orElse("mount owner")
              + "): "
              + op.line());
    }
    if (!ran && outcome.refusedWrites().isEmpty() && outcome.refusedOperations().isEmpty()) {
      out.println("  last log lines: " + outcome.logTail(3).replace("\n", " | "));
    }
    if (!proven) {
      out.println(
          "  rootlock docker discover "
              + trial.spec().image()
              + " finds the writable paths and capabilities it needs.");
    }
    out.flush();
    return proven;
  }
}
