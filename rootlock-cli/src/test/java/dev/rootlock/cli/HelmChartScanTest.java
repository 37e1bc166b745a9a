package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rootlock scan chart/}: rendered by real Helm (helm-java), read as Helm's output. */
class HelmChartScanTest {

  private static final Path CHARTS =
      Path.of(System.getProperty("rootlock.repo"), "rootlock-cli/src/test/resources/charts");
  private static final String WEB = CHARTS.resolve("web").toString();

  @TempDir Path dir;

  @Test
  void aChartIsRenderedAndEachFindingNamesItsTemplateAndRenderedLine() {
    CliRun run = CliRun.of("scan", "-p", "baseline", WEB);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            "web/charts/worker/templates/job.yaml:14:11 job/release-name-worker worker"
                + " privileged: container \"worker\" must not set securityContext.privileged=true\n"
                + "web/charts/worker/templates/job.yaml:2:1 job/release-name-worker violates"
                + " PodSecurity \"baseline:latest\": privileged (container \"worker\" must not set"
                + " securityContext.privileged=true)\n"
                + "2 objects scanned, 1 violates baseline:latest (1 finding); skipped: 1 Service\n");
  }

  @Test
  void valuesFilesSetAndReleaseNameAreHelmsOwn() {
    CliRun defaults = CliRun.of("scan", "-f", "json", WEB);
    CliRun overridden =
        CliRun.of(
            "scan",
            "--release-name",
            "shop",
            "--values",
            CHARTS.resolve("web-hardened-values.yaml").toString(),
            "--set",
            "worker.image=example/worker:2.0",
            WEB);

    assertThat(defaults.out())
        .contains("\"name\": \"release-name-web\"")
        .contains("\"check\": \"readOnlyRootFilesystem\"");
    assertThat(overridden.out())
        .doesNotContain("deployment/shop-web web readOnlyRootFilesystem")
        .contains("web/charts/worker/templates/job.yaml:14:11 job/shop-worker worker privileged:");
  }

  @Test
  void aChartHelmCannotRenderIsAnInputErrorWithHelmsMessage() throws IOException {
    Path chart = dir.resolve("broken");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 0.1.0\n");
    Files.writeString(
        chart.resolve("templates/pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ required \"name is required\""
            + " .Values.name }}\n");

    CliRun run = CliRun.of("scan", chart.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    // Text-format input errors go to stderr (issue 15); the summary stays on stdout.
    assertThat(run.err()).contains(chart + ": error: helm could not render the chart: ");
    assertThat(run.err()).contains("name is required");
    assertThat(run.out())
        .isEqualTo("0 objects scanned, none violate hardened:latest; 1 file could not be read\n");
  }

  /**
   * rootlock's image leaves helm-java out (scripts/image): a fresh JVM on the CLI's class path
   * without helm-java's jars is what a user of the image runs. The chart is an input error, and the
   * manifest next to it is still scanned.
   */
  @Test
  void withoutHelmJavaOnTheClassPathAChartIsAnInputErrorAndTheRestIsScanned() throws Exception {
    Path pod = dir.resolve("pod.yaml");
    Files.writeString(
        pod,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: c
            image: busybox
        """);
    String withoutHelm =
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(
                entry ->
                    !entry.contains("helm-java")
                        && !entry.contains("jna-jpms")
                        && !entry.contains("jna-platform-jpms"))
            .collect(Collectors.joining(java.io.File.pathSeparator));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process scan =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    withoutHelm,
                    Main.class.getName(),
                    "scan",
                    "-p",
                    "baseline",
                    WEB,
                    pod.toString()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();

    assertThat(scan.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    assertThat(Files.readString(err))
        .isEqualTo(
            WEB
                + ": error: Helm rendering is not in this image (it leaves helm-java out); render"
                + " the chart with 'helm template' and scan its output\n");
    assertThat(Files.readString(out))
        .isEqualTo("1 object scanned, none violate baseline:latest; 1 file could not be read\n");
    assertThat(scan.exitValue()).isEqualTo(2);
  }
}
