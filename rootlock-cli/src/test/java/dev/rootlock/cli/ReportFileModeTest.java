package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files rootlock writes get the modes a shell redirect would give them: a new report ({@code -o},
 * {@code --paths-out}) the umask's, as any new file of the user's; an existing report keeps its
 * own; a fixed manifest keeps the mode it had. A temporary file made by {@code
 * Files.createTempFile} is 0600 whatever the umask, which hid reports from the CI job's other
 * readers.
 */
class ReportFileModeTest {

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: ghcr.io/example/web:1
      """;

  @TempDir Path dir;

  /** The mode the umask gives a new file here: what {@code > file} would make. */
  private String umaskMode() throws IOException {
    Path probe = dir.resolve("probe");
    Files.newOutputStream(probe).close();
    String mode = mode(probe);
    Files.delete(probe);
    return mode;
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void aNewReportGetsTheUmasksModeAndNoTemporaryFileIsLeft() throws IOException {
    String expected = umaskMode();
    Path report = dir.resolve("report.sarif");

    CliRun run = CliRun.withStdin(POD, "scan", "-f", "sarif", "-o", report.toString(), "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(mode(report)).isEqualTo(expected);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.sarif");
    }
  }

  @Test
  void anExistingReportKeepsItsMode() throws IOException {
    Path report = Files.writeString(dir.resolve("report.json"), "old\n");
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));

    CliRun.withStdin(POD, "scan", "-f", "json", "-o", report.toString(), "-");

    assertThat(mode(report)).isEqualTo("rw-r-----");
    assertThat(Files.readString(report)).startsWith("{");
  }

  @Test
  void aFixedManifestKeepsItsOwnModeWhateverTheUmask() throws IOException {
    Path manifest = Files.writeString(dir.resolve("pod.yaml"), POD);
    Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-------"));

    CliRun run = CliRun.of("fix", "--write", manifest.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(manifest)).contains("readOnlyRootFilesystem: true");
    assertThat(mode(manifest)).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).isEqualTo(List.of("pod.yaml"));
    }
  }
}
