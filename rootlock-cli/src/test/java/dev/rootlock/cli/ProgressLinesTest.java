package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.ExecResult;
import dev.rootlock.docker.FakeDockerEngine;
import dev.rootlock.docker.FakeDockerEngine.Run;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.discover.DiscoverRequest;
import dev.rootlock.docker.discover.Discovery;
import dev.rootlock.docker.verify.Verifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The progress lines of docker discover, docker verify and kube audit, drawn by the adapters' ports
 * on a fake terminal: exact lines when standard error is a terminal, nothing when it is not. (The
 * cluster's pages are listed against fabric8's mock in {@link KubeCommandTest}.)
 */
class ProgressLinesTest {

  private static final String IMAGE = "rl-cout/job";

  private final StringWriter terminal = new StringWriter();

  private static FakeDockerEngine jobThatExitsZero() {
    return new FakeDockerEngine()
        .withImage(
            new ImageConfig(
                "sha256:fake",
                "",
                "/app",
                List.of("PATH=/usr/bin:/bin"),
                List.of("/app/run.sh"),
                List.of(),
                Set.of()))
        .withFile("/app/run.sh", "#!/bin/sh\n")
        .withFile("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
        .withFile("/etc/group", "root:x:0:\n")
        .running(spec -> Run.exited(0, "", List.of()));
  }

  /** The lines drawn, each as the terminal got it, without the erasing escape. */
  private List<String> lines() {
    return List.of(terminal.toString().replace("\033[K", "").split("\r", -1)).stream()
        .filter(line -> !line.isEmpty())
        .toList();
  }

  @Test
  void discoverDrawsOneLinePerRunWithTrialNOfAtMostM() {
    Progress progress = new Progress(new PrintWriter(terminal), true);

    new Discovery(jobThatExitsZero(), new HostProc(Path.of("/nonexistent")))
        .discover(DiscoverRequest.of(IMAGE), new DiscoveryProgressLine(progress));
    progress.close();

    assertThat(lines())
        .containsExactly(
            "discover: writable run (evidence: what the image writes)",
            "discover: trial 1 of at most 7: as root, the capabilities it needs",
            "discover: trial 2 of at most 3: as non-root 65534:65534, no capabilities");
    assertThat(terminal.toString()).endsWith("\r\033[K");
  }

  @Test
  void discoverDrawsNothingWhenStandardErrorIsNotATerminal() {
    Progress progress = new Progress(new PrintWriter(terminal), false);

    new Discovery(jobThatExitsZero(), new HostProc(Path.of("/nonexistent")))
        .discover(DiscoverRequest.of(IMAGE), new DiscoveryProgressLine(progress));
    progress.close();

    assertThat(terminal.toString()).isEmpty();
  }

  @Test
  void verifyDrawsEachStepOfTheDrill() {
    FakeDockerEngine engine = jobThatExitsZero().running(spec -> Run.UP);
    String id =
        engine.create(
            new dev.rootlock.docker.ContainerSpec(
                IMAGE,
                List.of(),
                List.of(),
                "",
                true,
                java.util.Map.of(),
                "none",
                java.util.Map.of()));
    engine.start(id);
    engine.execs = command -> new ExecResult(command.get(2).equals("exit 0") ? 0 : 1, "", "");
    Progress progress = new Progress(new PrintWriter(terminal), true);

    new Verifier(engine, new HostProc(Path.of("/nonexistent")))
        .verify(id, true, step -> progress.step("verify: " + step));

    // a line is cut to 79 columns: the fake's ids are 64 digits long
    assertThat(lines().get(0)).isEqualTo(("verify: inspecting " + id).substring(0, 78) + "…");
    assertThat(lines().get(1))
        .isEqualTo(("verify: reading the Engine API's view of " + id).substring(0, 78) + "…");
    assertThat(lines().subList(2, lines().size()))
        .startsWith("verify: drill: looking for a shell", "verify: drill: write a file into /etc")
        .endsWith("verify: drill: remount / read-write")
        .hasSize(10);
  }

  @Test
  void pagesAddUpToTheObjectsListedSoFar() {
    Progress progress = new Progress(new PrintWriter(terminal), true);
    PageProgressLine pages = new PageProgressLine(progress, "kube audit");

    pages.listed("deployments", null, 12);
    pages.listed("pods", null, 500);
    pages.listed("pods", "shop", 3);

    assertThat(lines())
        .containsExactly(
            "kube audit: 12 object(s) so far, listing deployments",
            "kube audit: 512 object(s) so far, listing pods",
            "kube audit: 515 object(s) so far, listing pods in shop");
  }

  @Test
  void pagesDrawNothingOffATerminal() {
    PageProgressLine pages =
        new PageProgressLine(new Progress(new PrintWriter(terminal), false), "kube audit");

    pages.listed("pods", null, 500);

    assertThat(terminal.toString()).isEmpty();
  }
}
