package dev.rootlock.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15: what reaches {@code /containers/{id}/json} is a name or id Docker could have made. */
class ContainerReferenceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"web", "/web", "a", "3f4c", "my_app.v2-1", "2b4f70a4faf1c5e415ce297f7983ad61"})
  void namesAndIdsDockerAcceptsPass(String reference) {
    assertThat(ContainerReference.check(reference)).isEqualTo(reference);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|a container name or id is required, got \"\"",
        "../../containers|invalid container name or id \"../../containers\": only"
            + " [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
        "web/../../x|invalid container name or id \"web/../../x\": only"
            + " [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
        "web?all=1|invalid container name or id \"web?all=1\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are"
            + " allowed",
        "-web|invalid container name or id \"-web\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
      })
  void anythingElseIsRefusedInOneLine(String reference, String message) {
    assertThatThrownBy(() -> ContainerReference.check(reference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void aHugeOrControlCharacterReferenceIsCutAndMasked() {
    assertThatThrownBy(() -> ContainerReference.check("a\n" + "b".repeat(10_000)))
        .hasMessage(
            "invalid container name or id \"a?"
                + "b".repeat(62)
                + "…\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }
}
