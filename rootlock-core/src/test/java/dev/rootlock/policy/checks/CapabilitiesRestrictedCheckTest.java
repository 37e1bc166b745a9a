package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link CapabilitiesRestrictedCheck}. */
class CapabilitiesRestrictedCheckTest {

  private static final String REASON = "unrestricted capabilities";
  private static final String A_MUST_DROP =
      "container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]";

  static Stream<Arguments> v1_22() {
    return Stream.of(
        Arguments.of("no containers", pod(p -> {}), null),
        Arguments.of("drops ALL", pod(p -> p.container("a", c -> c.drop("ALL"))), null),
        Arguments.of(
            "drops ALL among others",
            pod(p -> p.container("a", c -> c.drop("NET_RAW", "ALL"))),
            null),
        Arguments.of(
            "adds back NET_BIND_SERVICE",
            pod(p -> p.container("a", c -> c.drop("ALL").add("NET_BIND_SERVICE"))),
            null),
        Arguments.of("no securityContext", pod(p -> p.container("a")), A_MUST_DROP),
        Arguments.of(
            "securityContext without capabilities",
            pod(p -> p.container("a", c -> c.hasSecurityContext = true)),
            A_MUST_DROP),
        Arguments.of(
            "capabilities without drop", pod(p -> p.container("a", c -> c.drop())), A_MUST_DROP),
        Arguments.of(
            "drop is case-sensitive", pod(p -> p.container("a", c -> c.drop("all"))), A_MUST_DROP),
        Arguments.of(
            "adds others, as a sorted set",
            pod(
                p ->
                    p.container(
                        "a",
                        c -> c.drop("ALL").add("SYS_ADMIN", "NET_BIND_SERVICE", "CHOWN", "CHOWN"))),
            "container \"a\" must not include \"CHOWN\", \"SYS_ADMIN\" in"
                + " securityContext.capabilities.add"),
        Arguments.of(
            "the match is exact: no CAP_ prefix",
            pod(p -> p.container("a", c -> c.drop("ALL").add("CAP_NET_BIND_SERVICE"))),
            "container \"a\" must not include \"CAP_NET_BIND_SERVICE\" in"
                + " securityContext.capabilities.add"),
        Arguments.of(
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
        Arguments.of("windows pods are checked before v1.25", onOs("windows"), A_MUST_DROP));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_22")
  void v1_22Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(CapabilitiesRestrictedCheck.v1_22(pod), expectedDetail);
  }

  static Stream<Arguments> v1_25() {
    return Stream.of(
        Arguments.of("windows pod is skipped", onOs("windows"), null),
        Arguments.of("linux pod is checked", onOs("linux"), A_MUST_DROP),
        Arguments.of("pod without os is checked", pod(p -> p.container("a")), A_MUST_DROP));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_25")
  void v1_25Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(CapabilitiesRestrictedCheck.v1_25(pod), expectedDetail);
  }

  static Stream<Arguments> versions() {
    Pod linux = onOs("linux");
    Pod windows = onOs("windows");
    String failure = REASON + " (" + A_MUST_DROP + ")";
    return Stream.of(
        Arguments.of("restricted:v1.21", linux, "baseline capabilities_baseline"),
        Arguments.of("restricted:v1.22", linux, failure),
        Arguments.of("baseline:v1.22", linux, "baseline capabilities_baseline"),
        Arguments.of("restricted:v1.24", windows, failure),
        Arguments.of("restricted:v1.25", windows, ""),
        Arguments.of("restricted:v1.25", linux, failure),
        Arguments.of("restricted:latest", windows, ""),
        Arguments.of("restricted:latest", linux, failure));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  void versionInForceAndOverride(String levelVersion, Pod pod, String expectedDetail) {
    assertThat(OneCheckRegistry.detail(new CapabilitiesRestrictedCheck(), levelVersion, pod))
        .isEqualTo(expectedDetail);
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

  private static void assertDetail(CheckResult result, String expectedDetail) {
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.allowed()).isFalse();
      assertThat(result.reason()).isEqualTo(REASON);
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }
}
