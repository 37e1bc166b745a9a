package dev.rootlock.source.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.model.image.ImageReference;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link DiscoveredPathsReader}. */
class DiscoveredPathsReaderTest {

  @Test
  void readsOneResult() {
    List<DiscoveredPaths> results =
        DiscoveredPathsReader.parse(
            """
            {"image": "local/nginx:ro",
             "paths": [
               {"path": "/var/lib/nginx", "medium": "disk", "sizeLimit": "256Mi"},
               {"path": "/run", "medium": "memory", "sizeLimit": "1Mi", "purpose": "nginx.pid"}],
             "notes": ["proved by trial 2"]}
            """,
            "nginx.json");
    assertThat(results)
        .containsExactly(
            new DiscoveredPaths(
                ImageReference.parse("local/nginx:ro"),
                List.of(
                    new WritablePath("/var/lib/nginx", Medium.DISK, "256Mi", ""),
                    new WritablePath("/run", Medium.MEMORY, "1Mi", "nginx.pid")),
                List.of("proved by trial 2")));
    assertThat(results.get(0).appliesTo("docker.io/local/nginx:ro")).isTrue();
    assertThat(results.get(0).appliesTo("local/nginx:other")).isFalse();
  }

  @Test
  void readsAListOfResults() {
    List<DiscoveredPaths> results =
        DiscoveredPathsReader.parse(
            "[{\"image\": \"a\", \"paths\": []}, {\"image\": \"b\", \"paths\": []}]", "all.json");
    assertThat(results).extracting(r -> r.image().name()).containsExactly("a", "b");
  }

  @Test
  void namesTheFileAndEntryOfAMistake() {
    assertThatThrownBy(
            () -> DiscoveredPathsReader.parse("[{\"image\": \"a\", \"paths\": [{\"path\": \"tmp\", \"medium\": \"memory\"}]}]", "d.json"))
        .hasMessage("d.json[0]: writable path must be absolute: tmp");
    assertThatThrownBy(() -> DiscoveredPathsReader.parse("{\"paths\": []}", "d.json"))
        .hasMessage("d.json: image must be a non-empty string");
    assertThatThrownBy(() -> DiscoveredPathsReader.parse("{\"image\": [", "d.json"))
        .hasMessageStartingWith("d.json: not JSON or YAML: ");
  }
}
