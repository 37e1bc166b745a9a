package dev.rootlock.kube.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.testing.SharedData;
import dev.rootlock.testing.SharedDataPresent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holds {@link ApiObjectDecoder} (Jackson's tree, the fast path) to the manifest reader that {@code
 * rootlock scan} uses: every pod-template object of the shared corpus and of PSA's fixtures, as the
 * API server would return it (read into fabric8's typed model, which prunes unknown fields as the
 * API server does, and written back as JSON), must decode to the same workload and the same verdict
 * at every level through both.
 */
@ExtendWith(SharedDataPresent.class)
class DecoderEquivalenceTest {

  private static final Path SHARED = SharedData.root();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
  private static final Engine ENGINE = Engine.standard();
  private static final List<LevelVersion> LEVELS =
      Stream.of("baseline:latest", "restricted:latest", "hardened:latest", "restricted:v1.22")
          .map(LevelVersion::parse)
          .toList();

  @Test
  void theTreeDecoderAndTheManifestReaderAgreeOnEveryCorpusAndFixtureObject() throws IOException {
    ReaderDecoder reader = new ReaderDecoder();
    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (Path file : manifests()) {
      for (JsonNode document : documents(file)) {
        ApiKind kind = kindOf(document);
        if (kind == null) {
          continue;
        }
        JsonNode api = asTheApiServerReturnsIt(document);
        if (api == null) {
          continue;
        }
        SourceRef source = SourceRef.of("cluster:" + file.getFileName());
        Workload tree = ApiObjectDecoder.decode(kind, api, source);
        Workload read = reader.decode(ApiObject.of(kind, api), source);
        compared++;
        String difference = difference(tree, read);
        if (difference != null) {
          differences.add(file + " " + tree.displayName() + ": " + difference);
          continue;
        }
        for (LevelVersion level : LEVELS) {
          if (!ENGINE.evaluate(tree, level).equals(ENGINE.evaluate(read, level))) {
            differences.add(file + " " + tree.displayName() + " evaluates differently at " + level);
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(5000);
    assertThat(differences.subList(0, Math.min(5, differences.size())))
        .as("%d objects decoded differently, the first ones", differences.size())
        .isEmpty();
  }

  /** The first part that differs, both ways, or null. */
  private static String difference(Workload a, Workload b) {
    List<Object[]> parts =
        List.of(
            new Object[] {"kind", a.kind(), b.kind()},
            new Object[] {"apiVersion", a.apiVersion(), b.apiVersion()},
            new Object[] {"metadata", a.metadata(), b.metadata()},
            new Object[] {"templatePath", a.templatePath(), b.templatePath()},
            new Object[] {"pod", a.pod(), b.pod()},
            new Object[] {"problems", a.problems(), b.problems()});
    for (Object[] part : parts) {
      if (!java.util.Objects.equals(part[1], part[2])) {
        return part[0] + " tree=" + part[1] + " reader=" + part[2];
      }
    }
    return null;
  }

  private static List<Path> manifests() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(SHARED.resolve("corpus/k8s"), SHARED.resolve("psa-fixtures"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static List<JsonNode> documents(Path file) {
    try (var parser = new YAMLMapper().createParser(file.toFile())) {
      return new YAMLMapper().readValues(parser, JsonNode.class).readAll();
    } catch (IOException | RuntimeException e) {
      return List
          .of(); // Broken or templated manifests in the corpus are the reader's tests' business.
    }
  }

  private static ApiKind kindOf(JsonNode document) {
    if (document == null || !document.isObject()) {
      return null;
    }
    String kind = document.path("kind").asText("");
    for (ApiKind candidate : ApiKind.values()) {
      if (candidate != ApiKind.NAMESPACE && candidate.kind().equals(kind)) {
        return candidate;
      }
    }
    return null;
  }

  private static JsonNode asTheApiServerReturnsIt(JsonNode document) {
    try {
      Object typed = FABRIC8.unmarshal(document.toString());
      return JSON.readTree(FABRIC8.asJson(typed));
    } catch (RuntimeException | IOException e) {
      return null; // Not a valid object of its kind: the API server would have refused it.
    }
  }
}
