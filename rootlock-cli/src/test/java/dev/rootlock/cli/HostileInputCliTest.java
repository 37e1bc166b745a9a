package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15 through the command line: exit codes, streams and signals. */
class HostileInputCliTest {

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: registry.example/app:1
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"", "../../containers", "web/../../x", "a b", "-"})
  void dockerVerifyRefusesWhatDockerWouldNotNameBeforeAnyRequest(String container) {
    CliRun run = CliRun.of("docker", "verify", "--", container);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("error: CONTAINER: ")
        .doesNotContain("Docker engine");
  }

  @Test
  void inTextFormatErrorLinesGoToStandardErrorAndTheReportToStandardOutput() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), POD.replace("- name: app", "- name: -1"));
    Path good = Files.writeString(dir.resolve("good.yaml"), POD);

    CliRun run = CliRun.of("scan", "--color", "never", bad.toString(), good.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            bad + ":7:5: error: spec.containers[0].name: expected a string, got the integer -1\n");
    assertThat(run.out()).doesNotContain("error:").contains("2 objects scanned");
    assertThat(run.out()).contains(good + ":").contains("container \"containers[0]\"");
  }

  @Test
  void sigtermFinishesTheFileInHandReportsEveryChangedFileAndExits143() throws Exception {
    int count = 3000;
    for (int i = 0; i < count; i++) {
      Files.writeString(dir.resolve(String.format("pod-%04d.yaml", i)), POD);
    }
    Path err = dir.resolve("err.txt");
    Process fix =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "fix",
                "--write",
                dir.toString())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    // Wait for the first file to be reported, then send SIGTERM (destroy() does, on Unix).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Files.readString(err).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    fix.destroy();

    assertThat(fix.waitFor(60, TimeUnit.SECONDS)).as("fix ended").isTrue();
    List<String> lines = Files.readAllLines(err);
    Set<String> reported = new TreeSet<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      if (line.startsWith("fixed ")) {
        reported.add(line.substring("fixed ".length()));
      } else {
        // A note, alone or grouped with the files that share it.
        assertThat(line).containsPattern(": note(?: \\(\\d+ times\\))?: ");
      }
    }
    Set<String> changed = new TreeSet<>();
    List<String> temporary = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".rootlock")) {
          temporary.add(name);
        } else if (name.startsWith("pod-") && !Files.readString(file).equals(POD)) {
          changed.add(file.toString());
        }
      }
    }
    assertThat(fix.exitValue()).isEqualTo(143);
    assertThat(lines.getLast())
        .isEqualTo("fix: stopped by a signal after " + reported.size() + " file(s)");
    assertThat(reported).isEqualTo(changed).isNotEmpty();
    assertThat(changed.size()).isLessThan(count);
    assertThat(temporary).isEmpty();
  }
}
