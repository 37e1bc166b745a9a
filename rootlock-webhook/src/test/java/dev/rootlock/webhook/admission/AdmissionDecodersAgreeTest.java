package dev.rootlock.webhook.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.Finding;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The webhook decodes request objects straight from Jackson's tree; the manifest reader of {@code
 * rootlock scan}, fed the same object as JSON text, must reach the same verdicts on every object of
 * every recorded review, so that a pod is judged one way wherever it comes from.
 */
class AdmissionDecodersAgreeTest {

  private static final Path CASES = Path.of("src/test/resources/reviews/cases");
  private static final Engine ENGINE = Engine.standard();
  private static final List<LevelVersion> LEVELS =
      Stream.of("baseline:latest", "restricted:latest", "hardened:latest")
          .map(LevelVersion::parse)
          .toList();

  private final AdmissionObjects objects = new AdmissionObjects();
  private final ManifestReader reader = new ManifestReader();

  @Test
  void theTreeDecoderAndTheManifestReaderJudgeEveryRecordedObjectAlike() throws Exception {
    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (Path file : cases()) {
      JsonNode request =
          AdmissionReviews.json().readTree(file.toFile()).path("review").path("request");
      for (String field : List.of("object", "oldObject")) {
        JsonNode object = request.get(field);
        if (object == null || !object.isObject()) {
          continue;
        }
        ReadResult read =
            reader.read(
                AdmissionObjects.DISPLAY_NAME, AdmissionReviews.json().writeValueAsString(object));
        if (read.workloads().size() != 1) {
          continue; // not a workload: AdmissionObjectsTest covers how that is refused
        }
        Workload byReader = read.workloads().get(0);
        Workload byTree = objects.workload(object);
        compared++;
        String where = file.getFileName() + " " + field;
        if (!java.util.Objects.equals(byTree.pod(), byReader.pod())) {
          differences.add(where + ": pod tree=" + byTree.pod() + " reader=" + byReader.pod());
        }
        for (LevelVersion level : LEVELS) {
          if (!verdict(byTree, level).equals(verdict(byReader, level))) {
            differences.add(where + ": judged differently at " + level);
          }
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(40);
    assertThat(differences).isEmpty();
  }

  /**
   * What the webhook answers from: allowed, the message, each finding's check, containers, texts
   * and field. Positions are left out: the reader knows where fields were in the JSON text, the
   * tree decoder does not, and an admission response carries none.
   */
  private static List<Object> verdict(Workload workload, LevelVersion level) {
    ObjectResult result = ENGINE.evaluate(workload, level);
    List<Object> verdict =
        new ArrayList<>(List.of(result.allowed(), result.message(), result.notes()));
    for (Finding finding : result.findings()) {
      verdict.add(
          List.of(
              finding.check(),
              finding.level(),
              finding.containers(),
              finding.reason(),
              finding.detail(),
              String.valueOf(finding.path()),
              finding.otherPaths().stream().map(Finding.Located::path).toList()));
    }
    return verdict;
  }

  private static List<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
