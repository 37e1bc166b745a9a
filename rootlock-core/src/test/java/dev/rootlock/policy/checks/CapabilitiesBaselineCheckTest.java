package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link CapabilitiesBaselineCheck}. */
class CapabilitiesBaselineCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no capabilities", pod(p -> p.container("a"))),
        CheckCase.passes(
            "every default capability",
            pod(
                p ->
                    p.container(
                        "a",
                        c ->
                            c.add(
                                "AUDIT_WRITE",
                                "CHOWN",
                                "DAC_OVERRIDE",
                                "FOWNER",
                                "FSETID",
                                "KILL",
                                "MKNOD",
                                "NET_BIND_SERVICE",
                                "SETFCAP",
                                "SETGID",
                                "SETPCAP",
                                "SETUID",
                                "SYS_CHROOT")))),
        CheckCase.passes(
            "dropping anything is fine",
            pod(p -> p.container("a", c -> c.drop("ALL", "NET_ADMIN")))),
        CheckCase.fails(
            "one container, one capability",
            pod(p -> p.container("a").container("b", c -> c.add("CHOWN", "NET_ADMIN"))),
            "container \"b\" must not include \"NET_ADMIN\" in securityContext.capabilities.add"),
        CheckCase.fails(
            "exact match: no CAP_ prefix, no lower case",
            pod(p -> p.container("a", c -> c.add("chown", "CAP_CHOWN"))),
            "container \"a\" must not include \"CAP_CHOWN\", \"chown\" in "
                + "securityContext.capabilities.add"),
        CheckCase.fails(
            "containers in visiting order, capabilities a sorted set",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.add("NET_ADMIN"))
                        .container("c", c -> c.add("SYS_TIME", "NET_ADMIN"))
                        .initContainer("i", c -> c.add("ALL"))),
            "containers \"i\", \"c\", \"e\" must not include \"ALL\", \"NET_ADMIN\", \"SYS_TIME\""
                + " in securityContext.capabilities.add"),
        CheckCase.fails(
            "duplicate names are kept",
            pod(p -> p.initContainer("x", c -> c.add("ALL")).container("x", c -> c.add("ALL"))),
            "containers \"x\", \"x\" must not include \"ALL\" in"
                + " securityContext.capabilities.add"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        CapabilitiesBaselineCheck.v1_0(expected.subject()), expected, "non-default capabilities");
  }

  @Test
  void namesTheOffendingFields() {
    CheckResult result =
        CapabilitiesBaselineCheck.v1_0(
            pod(p -> p.container("a").container("b", c -> c.add("NET_ADMIN", "SYS_TIME"))));
    assertThat(result.containers()).containsExactly("b");
    assertThat(result.fields().stream().map(FieldPath::toString))
        .containsExactly("spec.containers[1].securityContext.capabilities.add");
  }
}
