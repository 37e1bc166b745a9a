package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} honours exemptions written where the object is: a Compose service's {@code
 * x-rootlock: {exempt: ...}} and a Dockerfile's {@code # rootlock:exempt} comment.
 */
class ScanWrittenExemptionsTest {

  @TempDir Path dir;

  private static final String COMPOSE =
      """
      services:
        cache:
          image: redis:7
          read_only: true
          cap_drop: [ALL]
          security_opt: ["no-new-privileges:true"]
          user: "999"
        vendor:
          image: registry.example/vendor/app:1
          cap_drop: [ALL]
          security_opt: ["no-new-privileges:true"]
          user: "1000"
          x-rootlock:
            exempt: "readOnly: writes under /opt; SEC-12"
      """;

  @Test
  void aComposeServiceExemptsItselfWithXRootlock() throws IOException {
    Path compose = Files.writeString(dir.resolve("compose.yaml"), COMPOSE);

    CliRun run = CliRun.of("scan", "--color", "never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .isEqualTo(
            "exempt:\n  "
                + compose
                + ":8:3 service/vendor vendor readOnly: service \"vendor\" must set read_only:"
                + " true (exempt: writes under /opt; SEC-12 [x-rootlock.exempt of service"
                + " vendor])\n2 objects scanned, none violate hardened:latest; 1 exempt\n");

    CliRun all = CliRun.of("scan", "--no-exemptions", "--color", "never", compose.toString());
    assertThat(all.exitCode()).isEqualTo(1);
    assertThat(all.out())
        .isEqualTo(
            compose
                + ":8:3 service/vendor vendor readOnly: service \"vendor\" must set read_only:"
                + " true\n2 objects scanned, 1 violates hardened:latest (1 finding)\n");
  }

  @Test
  void anUnreadableXRootlockIsANoteAndTheFindingCounts() throws IOException {
    Path compose =
        Files.writeString(
            dir.resolve("compose.yaml"),
            COMPOSE.replace("\"readOnly: writes under /opt; SEC-12\"", "\"readOnly\""));

    CliRun run = CliRun.of("scan", "-f", "json", compose.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "\"ignored x-rootlock.exempt of service vendor: expected \\\"<check>[,<check>]:"
                + " reason\\\", got \\\"readOnly\\\"\"");
  }

  @Test
  void anXRootlockOfTheWrongShapeIsANoteNamingTheField() throws IOException {
    Path compose =
        Files.writeString(
            dir.resolve("compose.yaml"),
            COMPOSE.replace(
                "x-rootlock:\n      exempt: \"readOnly: writes under /opt; SEC-12\"",
                "x-rootlock:\n      exempt: [\"readOnly: writes under /opt\", {a: b}]"));

    CliRun run = CliRun.of("scan", "--color", "never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .contains(
            compose
                + ":8:3 service/vendor note: x-rootlock.exempt[1]: must be a string; no"
                + " exemption read\n")
        .contains("1 exempt");

    Files.writeString(compose, COMPOSE.replace("x-rootlock:\n      exempt:", "x-rootlock:"));
    CliRun scalar = CliRun.of("scan", "--color", "never", compose.toString());
    assertThat(scalar.exitCode()).isEqualTo(1);
    assertThat(scalar.out())
        .contains(
            compose
                + ":8:3 service/vendor note: x-rootlock: must be a mapping; no exemption read\n");
  }

  @Test
  void aDockerfileCommentExemptsTheInstructionBelowIt() throws IOException {
    Path dockerfile =
        Files.writeString(
            dir.resolve("Dockerfile"),
            """
            FROM alpine:3.20
            RUN apk add curl
            # rootlock:exempt dockerfileUser: the entrypoint drops to app itself
            USER root
            CMD ["sh"]
            """);

    CliRun run = CliRun.of("scan", "--color", "never", dockerfile.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .isEqualTo(
            "exempt:\n  "
                + dockerfile
                + ":4:1 dockerfile/stage 0 - dockerfileUser: stage 0 must not set USER root"
                + " (exempt: the entrypoint drops to app itself [comment rootlock:exempt at "
                + dockerfile
                + ":3])\n1 object scanned, none violate hardened:latest; 1 exempt\n");
    CliRun all = CliRun.of("scan", "--no-exemptions", "--color", "never", dockerfile.toString());
    assertThat(all.exitCode()).isEqualTo(1);
  }

  @Test
  void aDockerfileCommentCoversOnlyTheLineRightBelowIt() throws IOException {
    Path dockerfile =
        Files.writeString(
            dir.resolve("Dockerfile"),
            """
            FROM alpine:3.20
            # rootlock:exempt dockerfileUser: the entrypoint drops to app itself

            USER root
            """);

    CliRun run = CliRun.of("scan", "--color", "never", dockerfile.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "note: ignored comment rootlock:exempt at "
                + dockerfile
                + ":2: not on the line right above an instruction")
        .endsWith("1 object scanned, 1 violates hardened:latest (1 finding)\n");
  }
}
