package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 0.1.0\n");
    Files.writeString(
        chart.resolve("templates/pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ required \"name is required\""
            + " .Values.name }}\n");

    CliRun run = CliRun.of("scan", chart.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    // Text-format input errors go to stderr (issue 15); the summary stays on stdout.
    assertThat(run.err()).contains(chart + ": error: helm could not render the chart: ");
    assertThat(run.err()).contains("name is required");
    assertThat(run.out()).isEqualTo("0 objects scanned, none violate hardened:latest; 1 file could not be read\n");
  }
}
