package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link CacheTraining}, the training run of fix's AOT cache. */
class CacheTrainingTest {

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: ghcr.io/example/web:1
      """;

  @TempDir Path dir;

  @Test
  void writesTheFixIntoTheCopyAndLeavesTheExamplesAsTheyWere() throws IOException {
    Path examples = Files.createDirectories(dir.resolve("examples/kubernetes"));
    Files.writeString(examples.resolve("pod.yaml"), POD);
    Path copy = Files.createDirectory(dir.resolve("copy"));

    CacheTraining.train(dir.resolve("examples"), copy);

    assertThat(Files.readString(examples.resolve("pod.yaml"))).isEqualTo(POD);
    assertThat(Files.readString(copy.resolve("kubernetes/pod.yaml")))
        .isEqualTo(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: ghcr.io/example/web:1
                  securityContext:
                    readOnlyRootFilesystem: true
                    allowPrivilegeEscalation: false
                    capabilities:
                      drop:
                        - ALL
                    runAsNonRoot: true
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              securityContext:
                seccompProfile:
                  type: RuntimeDefault
              volumes:
                - name: tmp
                  emptyDir:
                    medium: Memory
                    sizeLimit: 64Mi
            """);
  }
}
