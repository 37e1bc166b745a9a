package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.TestContainers;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
import dev.rootlock.docker.verify.Verifier;
import dev.rootlock.docker.verify.VerifyReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Discovery of Debian's nginx against the real engine, then the proposal run for real. */
@ExtendWith(RealEngine.class)
class NginxDiscoveryIT {

  private static final String IMAGE = "rootlock-test/nginx:latest";

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();

  /** The runs this test made: only their containers are ours on an engine other runs share. */
  private final List<String> runIds = new java.util.ArrayList<>();

  @AfterEach
  void nothingLeftBehind() {
    for (String runId : runIds) {
      assertThat(engine.containersLabelled(Discovery.LABEL, runId)).as("run " + runId).isEmpty();
    }
    engine.close();
  }

  @Test
  void findsDebianNginxPathsAndTheHardenedRunStaysUpReadOnly() throws Exception {
    DiscoveryReport report =
        new Discovery(engine)
            .discover(DiscoverRequest.of(IMAGE).withDuration(Duration.ofSeconds(4)));
    runIds.add(report.runId());
    System.out.printf(
        "nginx discover: %d trial(s), %d ms%n",
        report.trials().size(), report.wallTime().toMillis());

    assertThat(report.proposals())
        .extracting(WritablePath::path)
        .contains("/var/lib/nginx", "/run");
    assertThat(report.refusals()).isEmpty();
    assertThat(report.proven()).isTrue();
    assertThat(report.trials()).hasSizeLessThanOrEqualTo(3);
    assertThat(report.proposals())
        .allSatisfy(p -> assertThat(p.tmpfsOptions()).startsWith("rw,noexec,nosuid,nodev,size="));

    Map<String, String> tmpfs = new LinkedHashMap<>();
    report.proposals().forEach(p -> tmpfs.put(p.path(), p.tmpfsOptions()));
    try (TestContainers containers = new TestContainers(engine)) {
      String id = containers.start(IMAGE, List.of(), true, tmpfs);
      Thread.sleep(3000);
      ContainerDetails details = engine.inspect(id);
      assertThat(details.running()).as("hardened nginx still up").isTrue();
      VerifyReport verified = new Verifier(engine).verify(id, true);
      assertThat(verified.rootReadOnly()).isTrue();
      assertThat(verified.problems()).isEmpty();
    }
  }

  @Test
  void imageThatIsNotLocalIsReportedWithoutPulling() {
    var error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            dev.rootlock.docker.DockerEngineException.class,
            () -> new Discovery(engine).discover(DiscoverRequest.of("rootlock-test/absent:1")));
    assertThat(error.reason())
        .isEqualTo(dev.rootlock.docker.DockerEngineException.Reason.IMAGE_NOT_FOUND);
    assertThat(error.getMessage())
        .isEqualTo(
            "image rootlock-test/absent:1 is not present locally,"
                + " and rootlock never pulls: run `docker pull rootlock-test/absent:1` (or build it) first");
  }
}
