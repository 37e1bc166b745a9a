package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.TestContainers;
import dev.rootlock.docker.client.DockerJavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One config, a real engine and a Compose file: {@code docker audit} of a running container and
 * {@code scan} of a Compose service with the same settings exempt the same checks.
 */
@ExtendWith(RealEngine.class)
class DockerAuditExemptionsIT {

  private static final String IMAGE = "rootlock-test/busybox:latest";

  private static final String CONFIG =
      """
      exemptions:
        - checks: [readOnly]
          image: "rootlock-test/busybox"
          reason: "the test image writes to /tmp"
        - checks: [user]
          name: "rl-pc-*"
          reason: "runs as root until SEC-9"
      """;

  @TempDir Path dir;

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();
  private final TestContainers containers = new TestContainers(engine);
  private final String name = "rl-pc-plain-" + containers.runId();

  @BeforeEach
  void startAPlainContainer() {
    containers.start(
        new ContainerSpec(
            name,
            IMAGE,
            List.of("sleep", "300"),
            List.of(),
            "",
            false,
            Map.of(),
            "none",
            List.of(),
            List.of(),
            Map.of()));
  }

  @AfterEach
  void nothingLeftBehind() {
    containers.close();
    engine.close();
  }

  @Test
  void dockerAuditAndAComposeScanExemptTheSameChecks() throws Exception {
    Path config = Files.writeString(dir.resolve(".rootlock.yaml"), CONFIG);
    Path compose =
        Files.writeString(
            dir.resolve("compose.yaml"),
            "services:\n  "
                + name
                + ":\n    image: "
                + IMAGE
                + "\n    command: [sleep, \"300\"]\n");

    CliRun audit =
        CliRun.of(
            "docker",
            "audit",
            "--config",
            config.toString(),
            "--filter",
            "label=" + containers.label(),
            "-f",
            "json");
    CliRun scan = CliRun.of("scan", "-f", "json", compose.toString());

    assertThat(exempt(audit.out())).isEqualTo(Set.of("readOnly", "user"));
    assertThat(exempt(scan.out())).isEqualTo(Set.of("readOnly", "user"));
    assertThat(audit.exitCode()).isEqualTo(1); // capabilities and no-new-privileges still count
    assertThat(scan.exitCode()).isEqualTo(1);

    CliRun table =
        CliRun.of(
            "docker",
            "audit",
            "--config",
            config.toString(),
            "-f",
            "wide",
            "--filter",
            "label=" + containers.label());
    assertThat(table.out())
        .contains("capabilities_restricted,noNewPrivileges,user(exempt),readOnly(exempt)")
        .contains(
            "readOnly: container \""
                + name
                + "\" must set HostConfig.ReadonlyRootfs=true"
                + " (exempt: the test image writes to /tmp ["
                + config
                + ":2:5])")
        .contains("1 container audited, 1 violates hardened:latest (2 findings); 2 exempt");
  }

  private static Set<String> exempt(String json) throws Exception {
    Set<String> checks = new TreeSet<>();
    for (JsonNode finding : new ObjectMapper().readTree(json).get("findings")) {
      if (finding.has("exempt")) {
        checks.add(finding.get("check").asText());
      }
    }
    return checks;
  }
}
