package dev.rootlock.policy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.UnknownField;
import dev.rootlock.policy.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link UnknownFieldCheck}. */
class UnknownFieldCheckTest {

  private static final Pod CLEAN = dev.rootlock.testing.PodDraft.pod(p -> p.container("app"));

  private static Pod with(UnknownField... fields) {
    return new Pod(CLEAN.metadata(), CLEAN.spec(), List.of(fields));
  }

  @Test
  void aPodWithOnlyKnownFieldsIsAllowed() {
    assertThat(UnknownFieldCheck.v1_0(CLEAN)).isEqualTo(CheckResult.ALLOWED);
  }

  @Test
  void eachUnknownFieldIsNamedWithItsSuggestionAndPath() {
    FieldPath typo =
        FieldPath.of("spec", "containers")
            .index(0)
            .keys("securityContext", "readOnlyRootFileSystem");
    FieldPath stray = FieldPath.of("spec", "fooBar");

    CheckResult result =
        UnknownFieldCheck.v1_0(
            with(new UnknownField(typo, "readOnlyRootFilesystem"), new UnknownField(stray, null)));

    assertThat(result.allowed()).isFalse();
    assertThat(result.reason()).isEqualTo("unknown fields");
    assertThat(result.detail())
        .isEqualTo(
            "unknown field \"spec.containers[0].securityContext.readOnlyRootFileSystem\" (did you"
                + " mean \"readOnlyRootFilesystem\"?); unknown field \"spec.fooBar\"");
    assertThat(result.fields()).containsExactly(typo, stray);
  }
}
