package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check tests' one judge fails on every kind of mismatch, so no row can pass vacuously. */
class SingleCheckTest {

  private static final Pod PRIVILEGED = pod(p -> p.container("a", c -> c.privileged = true));
  private static final String DETAIL =
      "container \"a\" must not set securityContext.privileged=true";

  @Test
  void aPassingRowFailsOnAnyForbiddenResult() {
    CheckResult result = PrivilegedCheck.v1_0(PRIVILEGED);

    assertThatThrownBy(
            () -> SingleCheck.assertResult(result, CheckCase.passes("p", PRIVILEGED), "privileged"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aFailingRowFailsOnAllowedOrAnotherReasonDetailContainerOrField() {
    CheckResult result = PrivilegedCheck.v1_0(PRIVILEGED);
    CheckCase<Pod> row = CheckCase.fails("p", PRIVILEGED, DETAIL);

    SingleCheck.assertResult(result, row, "privileged");
    assertThatThrownBy(() -> SingleCheck.assertResult(CheckResult.ALLOWED, row, "privileged"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> SingleCheck.assertResult(result, row, "privileged!"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                SingleCheck.assertResult(
                    result, CheckCase.fails("p", PRIVILEGED, DETAIL + "."), "privileged"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () -> SingleCheck.assertResult(result, row.naming(List.of("b"), null), "privileged"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                SingleCheck.assertResult(
                    result, row.naming(null, List.of("spec.containers[1]")), "privileged"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aDecisionRowFailsOnAnotherDetail() {
    assertThatThrownBy(
            () ->
                SingleCheck.assertDecision(
                    new PrivilegedCheck(), CheckCase.passes("baseline:latest", PRIVILEGED)))
        .isInstanceOf(AssertionError.class);
  }
}
