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
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link CapabilitiesRestrictedCheck}. */
class CapabilitiesRestrictedCheckTest {

  private static final String REASON = "unrestricted capabilities";
  private static final String A_MUST_DROP =
      "container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]";

  static Stream<CheckCase<Pod>> v1_22() {
    return Stream.of(
        CheckCase.passes("no containers", pod(p -> {})),
        CheckCase.passes("drops ALL", pod(p -> p.container("a", c -> c.drop("ALL")))),
        CheckCase.passes(
            "drops ALL among others", pod(p -> p.container("a", c -> c.drop("NET_RAW", "ALL")))),
        CheckCase.passes(
            "adds back NET_BIND_SERVICE",
            pod(p -> p.container("a", c -> c.drop("ALL").add("NET_BIND_SERVICE")))),
        CheckCase.fails("no securityContext", pod(p -> p.container("a")), A_MUST_DROP),
        CheckCase.fails(
            "securityContext without capabilities",
            pod(p -> p.container("a", c -> c.hasSecurityContext = true)),
            A_MUST_DROP),
        CheckCase.fails(
            "capabilities without drop", pod(p -> p.container("a", c -> c.drop())), A_MUST_DROP),
        CheckCase.fails(
            "drop is case-sensitive", pod(p -> p.container("a", c -> c.drop("all"))), A_MUST_DROP),
        CheckCase.fails(
            "adds others, as a sorted set",
            pod(
                p ->
                    p.container(
                        "a",
                        c -> c.drop("ALL").add("SYS_ADMIN", "NET_BIND_SERVICE", "CHOWN", "CHOWN"))),
            "container \"a\" must not include \"CHOWN\", \"SYS_ADMIN\" in"
                + " securityContext.capabilities.add"),
        CheckCase.fails(
            "the match is exact: no CAP_ prefix",
            pod(p -> p.container("a", c -> c.drop("ALL").add("CAP_NET_BIND_SERVICE"))),
            "container \"a\" must not include \"CAP_NET_BIND_SERVICE\" in"
                + " securityContext.capabilities.add"),
        CheckCase.fails(
            "both parts, containers in visiting order",
            pod(
                p ->
                    p.container("c", c -> c.drop("ALL").add("SYS_TIME"))
                        .container("d")
                        .container("ok", c -> c.drop("ALL"))
                        .initContainer("i", c -> c.add("SYS_TIME", "NET_ADMIN"))),
            "containers \"i\", \"d\" must set securityContext.capabilities.drop=[\"ALL\"];"
                + " containers \"i\", \"c\" must not include \"NET_ADMIN\", \"SYS_TIME\" in"
                + " securityContext.capabilities.add"),
        CheckCase.fails("windows pods are checked before v1.25", onOs("windows"), A_MUST_DROP));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_22")
  void v1_22Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        CapabilitiesRestrictedCheck.v1_22(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> v1_25() {
    return Stream.of(
        CheckCase.passes("windows pod is skipped", onOs("windows")),
        CheckCase.fails("linux pod is checked", onOs("linux"), A_MUST_DROP),
        CheckCase.fails("pod without os is checked", pod(p -> p.container("a")), A_MUST_DROP));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_25")
  void v1_25Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        CapabilitiesRestrictedCheck.v1_25(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> versions() {
    Pod linux = onOs("linux");
    Pod windows = onOs("windows");
    String failure = REASON + " (" + A_MUST_DROP + ")";
    return Stream.of(
        CheckCase.fails("restricted:v1.21", linux, "baseline capabilities_baseline"),
        CheckCase.fails("restricted:v1.22", linux, failure),
        CheckCase.fails("baseline:v1.22", linux, "baseline capabilities_baseline"),
        CheckCase.fails("restricted:v1.24", windows, failure),
        CheckCase.passes("restricted:v1.25", windows),
        CheckCase.fails("restricted:v1.25", linux, failure),
        CheckCase.passes("restricted:latest", windows),
        CheckCase.fails("restricted:latest", linux, failure));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForceAndOverride(CheckCase<Pod> expected) {
    SingleCheck.assertDecision(new CapabilitiesRestrictedCheck(), expected);
  }

  @Test
  void namesEachContainerOnceAndTheDropThenEachForbiddenAdd() {
    CheckResult result =
        CapabilitiesRestrictedCheck.v1_22(
            pod(
                p ->
                    p.container("ok", c -> c.drop("ALL"))
                        .container("a", c -> c.add("NET_BIND_SERVICE", "SYS_ADMIN", "NET_RAW"))
                        .container("b", c -> c.drop("ALL").add("NET_RAW"))));
    assertThat(result.containers()).isEqualTo(List.of("a", "b"));
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.containers[1].securityContext.capabilities.drop",
            "spec.containers[1].securityContext.capabilities.add[1]",
            "spec.containers[1].securityContext.capabilities.add[2]",
            "spec.containers[2].securityContext.capabilities.add[0]");
  }

  /** A pod with one bare container "a" and {@code spec.os.name} set to {@code os}. */
  private static Pod onOs(String os) {
    return pod(
        p -> {
          p.osName = os;
          p.container("a");
        });
  }
}
