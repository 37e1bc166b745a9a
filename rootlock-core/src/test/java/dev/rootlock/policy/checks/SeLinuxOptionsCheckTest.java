package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link SeLinuxOptionsCheck}. */
class SeLinuxOptionsCheckTest {

  private static SeLinuxOptions type(String type) {
    return new SeLinuxOptions(null, null, type, null);
  }

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a"))),
        CheckCase.passes(
            "allowed types, empty strings, and any level",
            pod(
                p -> {
                  p.seLinuxOptions = new SeLinuxOptions("", "", "", "s0:c123,c456");
                  p.container("a", c -> c.seLinuxOptions = type("container_t"));
                  p.container("b", c -> c.seLinuxOptions = type("container_init_t"));
                  p.container("c", c -> c.seLinuxOptions = type("container_kvm_t"));
                  p.container(
                      "d", c -> c.seLinuxOptions = new SeLinuxOptions(null, null, null, "s0"));
                })),
        CheckCase.fails(
            "pod type",
            pod(p -> p.seLinuxOptions = type("foo")),
            "pod set forbidden securityContext.seLinuxOptions: type \"foo\""),
        CheckCase.fails(
            "container user",
            pod(
                p ->
                    p.container(
                        "a", c -> c.seLinuxOptions = new SeLinuxOptions("u", null, null, null))),
            "container \"a\" set forbidden securityContext.seLinuxOptions: user may not be set"),
        CheckCase.fails(
            "container role",
            pod(
                p ->
                    p.container(
                        "a", c -> c.seLinuxOptions = new SeLinuxOptions(null, "r", null, null))),
            "container \"a\" set forbidden securityContext.seLinuxOptions: role may not be set"),
        CheckCase.fails(
            "pod and containers: types sorted, then user, then role",
            pod(
                p -> {
                  p.seLinuxOptions = type("foo");
                  p.container("e", c -> c.seLinuxOptions = type("bar"));
                  p.container("ok", c -> c.seLinuxOptions = type("container_t"));
                  p.container(
                      "f", c -> c.seLinuxOptions = new SeLinuxOptions(null, "r", "foo", null));
                  p.container(
                      "g", c -> c.seLinuxOptions = new SeLinuxOptions("u", null, null, null));
                }),
            "pod and containers \"e\", \"f\", \"g\" set forbidden securityContext.seLinuxOptions: "
                + "types \"bar\", \"foo\"; user may not be set; role may not be set"),
        CheckCase.fails(
            "containers in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.seLinuxOptions = type("spc_t"))
                        .container("c", c -> c.seLinuxOptions = type("spc_t"))
                        .initContainer("i", c -> c.seLinuxOptions = type("spc_t"))),
            "containers \"i\", \"c\", \"e\" set forbidden securityContext.seLinuxOptions: "
                + "type \"spc_t\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        SeLinuxOptionsCheck.v1_0(expected.subject()), expected, "seLinuxOptions");
    SingleCheck.assertResult(
        SeLinuxOptionsCheck.v1_31(expected.subject()), expected, "seLinuxOptions");
  }

  @Test
  void containerEngineTypeIsAllowedFromV131() {
    Pod pod = pod(p -> p.container("a", c -> c.seLinuxOptions = type("container_engine_t")));
    SeLinuxOptionsCheck check = new SeLinuxOptionsCheck();
    CheckResult before = SingleCheck.atVersion(check, 30, pod);
    assertThat(before.allowed()).isFalse();
    assertThat(before.detail())
        .isEqualTo(
            "container \"a\" set forbidden securityContext.seLinuxOptions: "
                + "type \"container_engine_t\"");
    assertThat(SingleCheck.atVersion(check, 31, pod)).isEqualTo(CheckResult.ALLOWED);
  }

  @Test
  void namesEachOffendingSubField() {
    CheckResult result =
        SeLinuxOptionsCheck.v1_31(
            pod(
                p -> {
                  p.seLinuxOptions = new SeLinuxOptions("u", null, "container_t", null);
                  p.container("a")
                      .container(
                          "b", c -> c.seLinuxOptions = new SeLinuxOptions(null, "r", "x", null));
                }));
    assertThat(result.containers()).containsExactly("b");
    assertThat(result.fields().stream().map(Object::toString))
        .containsExactly(
            "spec.securityContext.seLinuxOptions.user",
            "spec.containers[1].securityContext.seLinuxOptions.type",
            "spec.containers[1].securityContext.seLinuxOptions.role");
  }
}
