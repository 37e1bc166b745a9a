package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link WritableSystemPathsCheck}. */
class WritableSystemPathsCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no mounts", pod(p -> p.container("a"))),
        CheckCase.passes(
            "a writable scratch directory",
            pod(
                p ->
                    p.emptyDir("tmp", null, null)
                        .container("a", c -> c.mount("tmp", "/tmp", null)))),
        CheckCase.passes(
            "a read-only mount over a system path",
            pod(p -> p.volume("v", "hostPath").container("a", c -> c.mount("v", "/etc", true)))),
        CheckCase.fails(
                "readOnly: false",
                pod(
                    p ->
                        p.volume("v", "hostPath").container("a", c -> c.mount("v", "/etc", false))),
                "container \"a\" must not mount volume \"v\" writable at \"/etc\"")
            .naming(List.of("a"), List.of("spec.containers[0].volumeMounts[0].mountPath")),
        CheckCase.fails(
                "readOnly unset, a source-less volume over the root",
                pod(
                    p ->
                        p.volume("root")
                            .container(
                                "a", c -> c.mount("root", "/srv", null).mount("root", "/", null))),
                "container \"a\" must not mount volume \"root\" writable at \"/\"")
            .naming(List.of("a"), List.of("spec.containers[0].volumeMounts[1].mountPath")),
        CheckCase.fails(
                "a volume the pod does not declare",
                pod(p -> p.container("a", c -> c.mount("ghost", "/usr/bin", null))),
                "container \"a\" must not mount volume \"ghost\" writable at \"/usr/bin\"")
            .naming(List.of("a"), List.of("spec.containers[0].volumeMounts[0].mountPath")),
        CheckCase.fails(
                "the normalised path is reported",
                pod(
                    p ->
                        p.emptyDir("bin", null, null)
                            .container("a", c -> c.mount("bin", "//usr/./local//bin/", null))),
                "container \"a\" must not mount volume \"bin\" writable at \"/usr/local/bin\"")
            .naming(List.of("a"), List.of("spec.containers[0].volumeMounts[0].mountPath")),
        CheckCase.fails(
                "several mounts in one container, paths sorted",
                pod(
                    p ->
                        p.emptyDir("v", null, null)
                            .volume("w", "persistentVolumeClaim")
                            .container(
                                "a",
                                c -> c.mount("w", "/usr/bin", null).mount("v", "/etc/", null))),
                "container \"a\" must not mount writable volumes at \"/etc\", \"/usr/bin\"")
            .naming(
                List.of("a"),
                List.of(
                    "spec.containers[0].volumeMounts[0].mountPath",
                    "spec.containers[0].volumeMounts[1].mountPath")),
        CheckCase.fails(
                "init, regular and ephemeral in visiting order, each path once",
                pod(
                    p ->
                        p.emptyDir("v", null, null)
                            .ephemeralContainer("e", c -> c.mount("v", "/etc", null))
                            .container("ok", c -> c.mount("v", "/etc", true))
                            .container("c", c -> c.mount("v", "/lib64", null))
                            .initContainer("i", c -> c.mount("v", "/etc", null))),
                "containers \"i\", \"c\", \"e\" must not mount writable volumes at \"/etc\","
                    + " \"/lib64\"")
            .naming(
                List.of("i", "c", "e"),
                List.of(
                    "spec.initContainers[0].volumeMounts[0].mountPath",
                    "spec.containers[1].volumeMounts[0].mountPath",
                    "spec.ephemeralContainers[0].volumeMounts[0].mountPath")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsWritableMountsOverSystemDirectories(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        WritableSystemPathsCheck.v1_0(expected.subject()), expected, "writable system path");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"configMap", "secret", "downwardAPI", "projected"})
  void ignoresVolumesTheKubeletAlwaysMountsReadOnly(String source) {
    Pod pod = pod(p -> p.volume("v", source).container("a", c -> c.mount("v", "/etc", false)));
    assertThat(WritableSystemPathsCheck.v1_0(pod)).isEqualTo(CheckResult.ALLOWED);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/",
        "/etc",
        "/bin",
        "/sbin",
        "/lib",
        "/lib32",
        "/lib64",
        "/libx32",
        "/usr",
        "/usr/lib",
        "/usr/lib64",
        "/usr/bin",
        "/usr/sbin",
        "/usr/local/bin",
        "/usr/local/sbin"
      })
  void reportsEverySystemPath(String path) {
    Pod pod = pod(p -> p.volume("v", "hostPath").container("a", c -> c.mount("v", path, null)));
    assertThat(WritableSystemPathsCheck.v1_0(pod).detail())
        .isEqualTo("container \"a\" must not mount volume \"v\" writable at \"" + path + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"/etcetera", "/etc/nginx", "/usr/local", "/usr/share", "/var/lib", "/tmp", "/ETC"})
  void allowsOtherPaths(String path) {
    Pod pod = pod(p -> p.volume("v", "hostPath").container("a", c -> c.mount("v", path, null)));
    assertThat(WritableSystemPathsCheck.v1_0(pod)).isEqualTo(CheckResult.ALLOWED);
  }

  @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
  @CsvSource(
      nullValues = "null",
      value = {
        "/etc, /etc",
        "/etc/, /etc",
        "/etc///, /etc",
        "//usr//bin, /usr/bin",
        "/usr/./sbin, /usr/sbin",
        "/usr/local/bin/., /usr/local/bin",
        "/usr/lib/../bin, /usr/bin",
        "/../../etc, /etc",
        "/, /",
        "//, /",
        "/., /",
        "etc, /etc",
        "'', null",
        "null, null"
      })
  void normalisesMountPathsAsTheRuntimeResolvesThem(String mountPath, String expected) {
    assertThat(WritableSystemPathsCheck.normalise(mountPath)).isEqualTo(expected);
  }

  @Test
  void ignoresMountsWithoutAPath() {
    // A mount path not written decodes as "" (and is reported as missing by the reader).
    Pod pod = pod(p -> p.volume("v", "hostPath").container("a", c -> c.mount("v", "", null)));
    assertThat(WritableSystemPathsCheck.v1_0(pod)).isEqualTo(CheckResult.ALLOWED);
  }
}
