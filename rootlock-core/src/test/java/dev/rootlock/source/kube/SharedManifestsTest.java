package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.InputError;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.LoadedFile;
import dev.rootlock.testing.SharedData;
import dev.rootlock.testing.SharedDataPresent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads the shared PSA fixtures and real-world corpus (../shared, never copied into the repo). */
@ExtendWith(SharedDataPresent.class)
class SharedManifestsTest {

  private static final Path SHARED = SharedData.root();

  private final ManifestReader reader = new ManifestReader();

  /** Every .yaml, .yml and .json file under {@code dir}, hidden ones included, in name order. */
  private static List<Path> manifests(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json)"))
          .sorted()
          .toList();
    }
  }

  private ReadResult read(Path file) {
    LoadedFile loaded = InputFiles.read(new InputFile(file.toString(), file));
    assertThat(loaded).isInstanceOf(LoadedFile.Text.class);
    LoadedFile.Text text = (LoadedFile.Text) loaded;
    return reader.read(text.displayName(), text.text());
  }

  @Test
  void everyPsaFixtureIsOnePodNamedAfterItsFile() throws IOException {
    List<Path> fixtures = manifests(SHARED.resolve("psa-fixtures"));

    assertThat(fixtures).hasSize(4537);
    for (Path fixture : fixtures) {
      ReadResult result = read(fixture);
      String stem = fixture.getFileName().toString().replaceFirst("\\.yaml$", "");
      assertThat(result.errors()).as(fixture.toString()).isEmpty();
      assertThat(result.skippedKinds()).as(fixture.toString()).isEmpty();
      assertThat(result.workloads()).as(fixture.toString()).hasSize(1);
      Workload pod = result.workloads().get(0);
      assertThat(pod.kind()).as(fixture.toString()).isEqualTo("Pod");
      assertThat(pod.metadata().name()).as(fixture.toString()).isEqualTo(stem);
      assertThat(pod.problems()).as(fixture.toString()).isEmpty();
    }
  }

  @Test
  void theKubernetesCorpusReadsWithoutInputErrors() throws IOException {
    List<Path> files = manifests(SHARED.resolve("corpus/k8s"));
    List<InputError> errors = new ArrayList<>();
    Map<String, Integer> workloadKinds = new TreeMap<>();
    Map<String, Integer> skipped = new TreeMap<>();

    for (Path file : files) {
      ReadResult result = read(file);
      errors.addAll(result.errors());
      result.workloads().forEach(w -> workloadKinds.merge(w.kind(), 1, Integer::sum));
      result.skippedKinds().forEach((kind, n) -> skipped.merge(kind, n, Integer::sum));
    }

    assertThat(files).hasSize(1110);
    assertThat(errors).isEmpty();
    assertThat(workloadKinds)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "CronJob", 10,
                    "DaemonSet", 47,
                    "Deployment", 827,
                    "Job", 63,
                    "Pod", 131,
                    "ReplicaSet", 1,
                    "ReplicationController", 38,
                    "Rollout", 25,
                    "StatefulSet", 56)));
    assertThat(skipped).containsEntry("Service", 568).containsEntry("ConfigMap", 131);
  }
}
