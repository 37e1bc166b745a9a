package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link RestrictedVolumesCheck}. */
class RestrictedVolumesCheckTest {

  private static final String REASON = "restricted volume types";

  static Stream<Arguments> v1_0() {
    return Stream.of(
        Arguments.of("no volumes", pod(p -> {}), null),
        Arguments.of(
            "every allowed type",
            pod(
                p ->
                    p.volume("a", "configMap")
                        .volume("b", "csi")
                        .volume("c", "downwardAPI")
                        .emptyDir("d", "Memory", null)
                        .volume("e", "ephemeral")
                        .volume("f", "image")
                        .volume("g", "persistentVolumeClaim")
                        .volume("h", "projected")
                        .volume("i", "secret")),
            null),
        Arguments.of("a source-less volume is an emptyDir", pod(p -> p.volume("a")), null),
        Arguments.of(
            "an allowed source wins over a forbidden one",
            pod(p -> p.volume("a", "hostPath", "configMap")),
            null),
        Arguments.of(
            "one hostPath",
            pod(p -> p.volume("ok", "secret").volume("h", "hostPath")),
            "volume \"h\" uses restricted volume type \"hostPath\""),
        Arguments.of(
            "several volumes of one type",
            pod(p -> p.volume("b", "hostPath").volume("a", "hostPath")),
            "volumes \"b\", \"a\" use restricted volume type \"hostPath\""),
        Arguments.of(
            "names in spec order, types as a sorted set, unrecognised as unknown",
            pod(
                p ->
                    p.volume("z", "nfs")
                        .volume("ok", "emptyDir")
                        .volume("y", "somethingNew")
                        .volume("x", "hostPath")
                        .volume("w", "nfs")),
            "volumes \"z\", \"y\", \"x\", \"w\" use restricted volume types \"hostPath\","
                + " \"nfs\", \"unknown\""),
        Arguments.of(
            "the type is the first in PSA's precedence, not in document order",
            pod(p -> p.volume("a", "storageos", "nfs", "hostPath")),
            "volume \"a\" uses restricted volume type \"hostPath\""),
        Arguments.of(
            "the last type in PSA's list",
            pod(p -> p.volume("a", "storageos")),
            "volume \"a\" uses restricted volume type \"storageos\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_0")
  void v1_0Detail(String name, Pod pod, String expectedDetail) {
    CheckResult result = RestrictedVolumesCheck.v1_0(pod);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.allowed()).isFalse();
      assertThat(result.reason()).isEqualTo(REASON);
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  static Stream<Arguments> versions() {
    Pod hostPath = pod(p -> p.volume("h", "hostPath"));
    Pod image = pod(p -> p.volume("i", "image"));
    String failure = REASON + " (volume \"h\" uses restricted volume type \"hostPath\")";
    return Stream.of(
        Arguments.of("restricted:v1.0", hostPath, failure),
        Arguments.of("restricted:latest", hostPath, failure),
        Arguments.of("baseline:v1.0", hostPath, "baseline hostPathVolumes"),
        Arguments.of("restricted:v1.0", image, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForceAndOverride(String levelVersion, Pod pod, String expectedDetail) {
    assertThat(OneCheckRegistry.detail(new RestrictedVolumesCheck(), levelVersion, pod))
        .isEqualTo(expectedDetail);
  }

  @Test
  void namesTheVolumesAndNoContainers() {
    CheckResult result =
        RestrictedVolumesCheck.v1_0(
            pod(p -> p.container("a").volume("ok", "secret").volume("h", "hostPath")));
    assertThat(result.containers()).isEmpty();
    assertThat(result.fields()).map(Object::toString).containsExactly("spec.volumes[1]");
  }
}
