package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerLintCommandTest {

  @Test
  void aPlainLineFailsEveryHardeningCheckAndGetsItsHardenedEquivalent() {
    CliRun run =
        CliRun.of(
            "docker",
            "lint",
            "--",
            "docker",
            "run",
            "-d",
            "--name",
            "web",
            "-p",
            "8080:80",
            "-v",
            "/srv/www:/var/www",
            "nginx:1.27");

    assertThat(run.out())
        .isEqualTo(
            """
            <command line>:1:1 container/web web capabilities_restricted: container "web" must set --cap-drop ALL
            <command line>:1:1 container/web web noNewPrivileges: container "web" must set --security-opt no-new-privileges
            <command line>:1:1 container/web web user: container "web" must set --user to a non-root UID
            <command line>:1:37 container/web web bindMounts: container "web" must mount host path "/srv/www" read-only
            <command line>:1:1 container/web web readOnly: container "web" must set --read-only
            1 object scanned, 1 violates hardened:latest (5 findings)

            Hardened equivalent:
              docker run -d --name web -p 8080:80 -v /srv/www:/var/www --read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m --cap-drop ALL --security-opt no-new-privileges --user 101:101 nginx:1.27
              note: --user 101:101 is nginx:1.27's own user (rootlock's image knowledge base), so its data directories stay writable
            """);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aHardenedLinePassesAndNeedsNoEquivalent() {
    CliRun run =
        CliRun.of(
            "docker",
            "lint",
            "--",
            "docker",
            "run",
            "--read-only",
            "--tmpfs",
            "/tmp:rw,noexec,nosuid,size=64m",
            "--cap-drop",
            "ALL",
            "--security-opt",
            "no-new-privileges",
            "--user",
            "10001:10001",
            "app:1.4");

    assertThat(run.out()).isEqualTo("1 object scanned, none violate hardened:latest\n");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theLeadingDockerRunIsOptionalAndTheHardenedLineGetsIt() {
    CliRun run =
        CliRun.of(
            "docker",
            "lint",
            "-p",
            "restricted",
            "--",
            "--cap-drop",
            "ALL",
            "--security-opt",
            "no-new-privileges",
            "alpine",
            "sh");

    assertThat(run.out())
        .isEqualTo(
            """
            <command line>:1:1 container/alpine alpine user: container "alpine" must set --user to a non-root UID
            1 object scanned, 1 violates restricted:latest (1 finding)

            Hardened equivalent:
              docker run --cap-drop ALL --security-opt no-new-privileges --read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m --user 65534:65534 alpine sh
            """);
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void withoutTheDoubleDashALineStartingWithDockerStillReadsDockersOwnFlags() {
    CliRun run =
        CliRun.of(
            "docker", "lint", "docker", "run", "-p", "80:80", "-u", "0", "--read-only", "nginx");

    assertThat(run.out())
        .startsWith(
            "<command line>:1:1 container/nginx nginx capabilities_restricted:"
                + " container \"nginx\" must set --cap-drop ALL\n")
        .contains(
            "<command line>:1:21 container/nginx nginx user: container \"nginx\" must not set"
                + " --user 0\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void userAndTmpSizeChooseWhatTheHardenedLineAdds() {
    CliRun run =
        CliRun.of(
            "docker",
            "lint",
            "--user",
            "10001:10001",
            "--tmp-size",
            "16m",
            "--",
            "docker",
            "run",
            "--tmpfs",
            "/run",
            "app");

    assertThat(run.out())
        .endsWith(
            """

            Hardened equivalent:
              docker run --tmpfs /run:noexec,nosuid,size=16m --read-only --tmpfs /tmp:rw,noexec,nosuid,size=16m --cap-drop ALL --security-opt no-new-privileges --user 10001:10001 app
              note: changed --tmpfs /run to /run:noexec,nosuid,size=16m: a writable tmpfs needs noexec,nosuid and a size
            """);
  }

  @Test
  void otherFormatsCarryTheReportOnly() {
    CliRun run = CliRun.of("docker", "lint", "-f", "json", "--", "docker", "run", "nginx");

    assertThat(run.out()).startsWith("{\n").doesNotContain("Hardened equivalent");
    assertThat(run.out()).contains("\"file\": \"<command line>\"");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void unknownFlagsAreKeptAndReportedAsWarnings() {
    CliRun run =
        CliRun.of("docker", "lint", "--", "docker", "run", "--frobnicate", "--read-only", "nginx");

    assertThat(run.err()).isEqualTo("warning: unknown flag --frobnicate kept as given\n");
    assertThat(run.out())
        .contains("  docker run --frobnicate --read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m ");
  }

  @Test
  void aFlagWithoutItsValueIsOneErrorNamingTheFlag() {
    CliRun run = CliRun.of("docker", "lint", "--", "docker", "run", "nginx:1.27", "--user");
    CliRun missing = CliRun.of("docker", "lint", "--", "docker", "run", "--user");

    assertThat(run.exitCode()).isEqualTo(1); // after the IMAGE, --user is the container's argument
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).isEqualTo("error: flag needs an argument: --user\n");
    assertThat(missing.exitCode()).isEqualTo(2);
  }

  @Test
  void aMalformedMountIsOneErrorNamingTheFlag() {
    CliRun run =
        CliRun.of(
            "docker", "lint", "--", "docker", "run", "--mount", "type=bind,src=/srv", "nginx");

    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: invalid argument \"type=bind,src=/srv\" for \"--mount\" flag: target is"
                + " required\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aSecurityOptionDockerWouldRefuseIsAnError() {
    CliRun run = CliRun.of("docker", "lint", "--", "--security-opt", "seccomp", "nginx");

    assertThat(run.err()).isEqualTo("error: Invalid --security-opt: \"seccomp\"\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aLineThatIsNotDockerRunIsRefused() {
    CliRun run = CliRun.of("docker", "lint", "--", "docker", "build", ".");

    assertThat(run.err()).isEqualTo("error: not a docker run command: docker build\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void dockerFlagsBeforeTheDoubleDashAreRootlockUsageErrorsWithAHint() {
    CliRun run = CliRun.of("docker", "lint", "--read-only", "nginx");

    assertThat(run.err())
        .isEqualTo(
            """
            error: Unknown option: '--read-only'
            Put the docker run line after '--': rootlock docker lint [OPTIONS] -- docker run ...
            See 'rootlock docker lint --help' for usage.
            """);
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aRootHardeningUserOrAZeroTmpSizeIsRefused() {
    CliRun root = CliRun.of("docker", "lint", "--user", "0:0", "--", "nginx");
    CliRun size = CliRun.of("docker", "lint", "--tmp-size", "0", "--", "nginx");

    assertThat(root.err())
        .startsWith("error: --user: the hardened line needs a non-root user, got \"0:0\"\n");
    assertThat(size.err())
        .startsWith(
            "error: --tmp-size: invalid size \"0\": write a non-zero size such as 64m or 65536k\n");
    assertThat(root.exitCode()).isEqualTo(2);
    assertThat(size.exitCode()).isEqualTo(2);
  }

  @Test
  void helpExplainsTheDoubleDashAndShowsExamplesAndExitCodes() {
    CliRun run = CliRun.of("docker", "lint", "--help");

    assertThat(run.out())
        .contains(
            "Usage: rootlock docker lint [OPTIONS] -- [docker run] [FLAGS] IMAGE [COMMAND...]",
            "Examples:\n  rootlock docker lint -- docker run -d --name web -p 8080:80 nginx\n",
            "Exit codes: 0 the line passes (and, with --prove, its hardened line was\n"
                + "proven), 1 it violates the policy or the proof failed, 2 usage error",
            "  rootlock docker lint --prove -- docker run --network none rootlock-test/nginx\n");
    assertThat(run.exitCode()).isZero();
  }
}
