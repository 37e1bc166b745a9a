package dev.rootlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Finding;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline written where it lies and read back: today's findings become accepted ones. */
class BaselinesTest {

  private static final LevelVersion HARDENED = LevelVersion.parse("hardened:latest");

  @TempDir Path dir;

  private static ScanResult lintOf(String... args) throws InvalidInputException {
    ObjectResult verdict = Engine.standard().evaluateRunLine(List.of(args), "-", HARDENED);
    return new ScanResult(HARDENED.toString(), List.of(verdict), List.of(), Map.of());
  }

  @Test
  void writtenFindingsAreExemptWhenAppliedAndNothingIsStale() throws Exception {
    ScanResult today = lintOf("docker", "run", "nginx");
    int failing = today.objects().get(0).failingFindings().size();
    Path file = dir.resolve("baseline.json");

    int written = Baselines.write(file, today);
    ScanResult applied = Baselines.apply(file, today);

    assertThat(written).isEqualTo(failing).isEqualTo(4);
    String entry =
        "    {\"file\":\"-\",\"kind\":\"Container\",\"namespace\":\"\",\"name\":\"nginx\","
            + "\"container\":\"nginx\",\"check\":\"%s\",\"path\":\"%s\"}";
    assertThat(Files.readString(file))
        .isEqualTo(
            "{\n  \"version\": 1,\n  \"tool\": \"rootlock\",\n  \"findings\": [\n"
                + String.join(
                    ",\n",
                    entry.formatted("capabilities_restricted", "cap_drop"),
                    entry.formatted("noNewPrivileges", "security_opt"),
                    entry.formatted("user", "user"),
                    entry.formatted("readOnly", "read_only"))
                + "\n  ]\n}\n");
    assertThat(applied.objects().get(0).allowed()).isTrue();
    assertThat(applied.objects().get(0).findings())
        .hasSize(today.objects().get(0).findings().size())
        .allMatch(Finding::isExempt);
    assertThat(applied.objects().get(0).findings().get(0).exempt().source())
        .isEqualTo("baseline " + file);
    assertThat(applied.stale()).isEmpty();
    assertThat(applied.exitCode()).isEqualTo(ScanResult.PASSED);
  }

  @Test
  void entriesNoFindingMatchesAnyMoreAreStale() throws Exception {
    Path file = dir.resolve("baseline.json");
    Baselines.write(file, lintOf("docker", "run", "--privileged", "nginx"));

    ScanResult applied = Baselines.apply(file, lintOf("docker", "run", "nginx"));

    assertThat(applied.stale()).extracting(print -> print.check()).contains("privileged");
  }

  @Test
  void aFileThatIsNotABaselineSaysSo() throws IOException {
    Path file = Files.writeString(dir.resolve("baseline.json"), "[]\n");

    assertThatThrownBy(() -> Baselines.apply(file, lintOf("docker", "run", "nginx")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": not a rootlock baseline: expected one JSON object");
  }

  @Test
  void aMissingFileIsAnIoError() {
    Path file = dir.resolve("absent.json");

    assertThatThrownBy(() -> Baselines.apply(file, lintOf("docker", "run", "nginx")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(file.toString());
  }

  @Test
  void aRunLineTheDockerCliRefusesIsInvalidInputWithTheParsersMessage() {
    assertThatThrownBy(() -> lintOf("docker", "run", "-v", "/a:/b:ro:x", "nginx"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "invalid argument \"/a:/b:ro:x\" for \"-v\" flag: invalid spec: /a:/b:ro:x: too many"
                + " colons")
        .hasCauseInstanceOf(dev.rootlock.source.dockerrun.DockerRunException.class);
  }
}
