package dev.rootlock.source.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.model.image.ImageReference;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link DiscoveredPathsReader}, on the format of docs/discover-output.md. */
class DiscoveredPathsReaderTest {

  private static final String NGINX =
      """
      {
        "kind" : "rootlock.discover",
        "version" : 1,
        "runId" : "r1",
        "image" : "rootlock-test/nginx:latest",
        "proven" : true,
        "provenByTrial" : 2,
        "writablePaths" : [ {
          "path" : "/run",
          "medium" : "memory",
          "tmpfsOptions" : "rw,noexec,nosuid,nodev,size=16m",
          "sizeMiB" : 16,
          "evidence" : [ "diff: A /run/nginx.pid" ],
          "note" : ""
        }, {
          "path" : "/var/lib/nginx",
          "medium" : "disk",
          "tmpfsOptions" : "rw,noexec,nosuid,nodev,size=256m,uid=33,gid=33",
          "sizeMiB" : 256,
          "evidence" : [ "diff: A /var/lib/nginx/body" ],
          "note" : "tmpfs owned by www-data"
        }, {
          "path" : "/data",
          "medium" : "persistent",
          "tmpfsOptions" : "",
          "sizeMiB" : 0,
          "evidence" : [ "image VOLUME" ],
          "note" : "image VOLUME"
        } ],
        "refusedPaths" : [ {"path": "/etc", "evidence": [], "reason": "set NGINX_ENVSUBST_OUTPUT_DIR"} ],
        "unproven" : [ "writes at shutdown were not exercised" ],
        "futureField" : {"ignored": true}
      }
      """;

  @Test
  void readsTheWritablePathsOfADiscoverResult() {
    List<DiscoveredPaths> results = DiscoveredPathsReader.parse(NGINX, "nginx.json");
    assertThat(results)
        .containsExactly(
            new DiscoveredPaths(
                ImageReference.parse("rootlock-test/nginx:latest"),
                List.of(
                    new WritablePath(
                        "/run",
                        Medium.MEMORY,
                        "16Mi",
                        "discovered: diff: A /run/nginx.pid",
                        "rw,noexec,nosuid,nodev,size=16m"),
                    new WritablePath(
                        "/var/lib/nginx",
                        Medium.DISK,
                        "256Mi",
                        "tmpfs owned by www-data",
                        "rw,noexec,nosuid,nodev,size=256m,uid=33,gid=33"),
                    new WritablePath("/data", Medium.PERSISTENT, null, "image VOLUME", null)),
                List.of(
                    "rootlock-test/nginx:latest: not made writable: /etc (set"
                        + " NGINX_ENVSUBST_OUTPUT_DIR)",
                    "rootlock-test/nginx:latest: unproven: writes at shutdown were not"
                        + " exercised")));
    assertThat(results.get(0).appliesTo("docker.io/rootlock-test/nginx:latest")).isTrue();
    assertThat(results.get(0).appliesTo("rootlock-test/nginx:1.0")).isFalse();
  }

  @Test
  void readsAListOfResults() {
    String two = "[" + NGINX + "," + NGINX.replace("rootlock-test/nginx", "other/app") + "]";
    List<DiscoveredPaths> results = DiscoveredPathsReader.parse(two, "all.json");
    assertThat(results).extracting(r -> r.image().name()).containsExactly("nginx", "app");
  }

  @Test
  void refusesOtherFormatsAndVersions() {
    assertThatThrownBy(() -> DiscoveredPathsReader.parse("{\"image\": \"a\"}", "d.json"))
        .hasMessage(
            "d.json: not a rootlock docker discover result (kind must be \"rootlock.discover\")");
    assertThatThrownBy(
            () ->
                DiscoveredPathsReader.parse(
                    "{\"kind\": \"rootlock.discover\", \"version\": 2}", "d.json"))
        .hasMessage(
            "d.json: unsupported discover format version 2 (this rootlock reads version 1)");
    assertThatThrownBy(() -> DiscoveredPathsReader.parse("{\"kind\": [", "d.json"))
        .hasMessageStartingWith("d.json: not JSON: ");
  }

  @Test
  void namesTheFileAndPathOfAMistake() {
    String relative = NGINX.replace("\"/run\"", "\"run\"");
    assertThatThrownBy(() -> DiscoveredPathsReader.parse(relative, "d.json"))
        .hasMessage("d.json: run: writable path must be absolute: run");
    String sizeless = NGINX.replace("\"sizeMiB\" : 16", "\"sizeMiB\" : 0");
    assertThatThrownBy(() -> DiscoveredPathsReader.parse(sizeless, "d.json"))
        .hasMessage("d.json: /run: sizeMiB must be a positive number");
  }
}
