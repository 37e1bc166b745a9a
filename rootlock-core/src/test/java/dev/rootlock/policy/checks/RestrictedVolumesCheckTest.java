package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link RestrictedVolumesCheck}. */
class RestrictedVolumesCheckTest {

  private static final String REASON = "restricted volume types";

  static Stream<CheckCase<Pod>> v1_0() {
    return Stream.of(
        CheckCase.passes("no volumes", pod(p -> {})),
        CheckCase.passes(
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
                        .volume("i", "secret"))),
        CheckCase.passes("a source-less volume is an emptyDir", pod(p -> p.volume("a"))),
        CheckCase.passes(
            "an allowed source wins over a forbidden one",
            pod(p -> p.volume("a", "hostPath", "configMap"))),
        CheckCase.fails(
            "one hostPath",
            pod(p -> p.volume("ok", "secret").volume("h", "hostPath")),
            "volume \"h\" uses restricted volume type \"hostPath\""),
        CheckCase.fails(
            "several volumes of one type",
            pod(p -> p.volume("b", "hostPath").volume("a", "hostPath")),
            "volumes \"b\", \"a\" use restricted volume type \"hostPath\""),
        CheckCase.fails(
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
        CheckCase.fails(
            "the type is the first in PSA's precedence, not in document order",
            pod(p -> p.volume("a", "storageos", "nfs", "hostPath")),
            "volume \"a\" uses restricted volume type \"hostPath\""),
        CheckCase.fails(
            "the last type in PSA's list",
            pod(p -> p.volume("a", "storageos")),
            "volume \"a\" uses restricted volume type \"storageos\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_0")
  void v1_0Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(RestrictedVolumesCheck.v1_0(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> versions() {
    Pod hostPath = pod(p -> p.volume("h", "hostPath"));
    Pod image = pod(p -> p.volume("i", "image"));
    String failure = REASON + " (volume \"h\" uses restricted volume type \"hostPath\")";
    return Stream.of(
        CheckCase.fails("restricted:v1.0", hostPath, failure),
        CheckCase.fails("restricted:latest", hostPath, failure),
        CheckCase.fails("baseline:v1.0", hostPath, "baseline hostPathVolumes"),
        CheckCase.passes("restricted:v1.0", image));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForceAndOverride(CheckCase<Pod> expected) {
    SingleCheck.assertDecision(new RestrictedVolumesCheck(), expected);
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
