package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

  @TempDir Path dir;

  @Test
  void onATerminalOneLineIsRedrawnInPlaceAndErasedAtTheEnd() {
    StringWriter err = new StringWriter();
    try (Progress progress = new Progress(new PrintWriter(err), true)) {
      progress.update("fix: 1 file(s) done, last a.yaml");
      progress.update("fix: 2 file(s) done, last b.yaml"); // within 100 ms: not drawn
    }

    assertThat(err.toString()).isEqualTo("\rfix: 1 file(s) done, last a.yaml\033[K\r\033[K");
  }

  @Test
  void aLongStatusIsCutToOneLine() {
    StringWriter err = new StringWriter();
    new Progress(new PrintWriter(err), true).update("x".repeat(200));

    assertThat(err.toString()).isEqualTo("\r" + "x".repeat(78) + "…\033[K");
  }

  @Test
  void offATerminalNothingIsWritten() {
    StringWriter err = new StringWriter();
    try (Progress progress = new Progress(new PrintWriter(err), false)) {
      progress.update("fix: 1 file(s) done");
      assertThat(progress.whileRunning("scan", () -> 42)).isEqualTo(42);
    }

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aRunWhoseStandardErrorIsAPipeShowsNoProgress() throws IOException {
    // surefire pipes the test JVM's standard error, as CI and '2>log' do
    assertThat(Progress.stderrIsTerminal()).isFalse();
    for (int i = 0; i < 3; i++) {
      Files.writeString(
          dir.resolve("pod" + i + ".yaml"),
          "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p"
              + i
              + "\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/example/app:1\n");
    }

    CliRun fix = CliRun.of("fix", "--check", dir.toString());
    CliRun scan = CliRun.of("scan", dir.toString());

    assertThat(fix.err()).doesNotContain("\r").doesNotContain("\033");
    assertThat(scan.err()).isEmpty();
  }
}
