package dev.rootlock.policy.exempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link DockerfileExemptions}: which instruction each comment covers. */
class DockerfileExemptionsTest {

  @Test
  void stackedCommentsCoverTheInstructionBelowThem() {
    DockerfileExemptions.Read read =
        DockerfileExemptions.read(
            "Dockerfile",
            """
            FROM alpine\r
            # rootlock:exempt dockerfileUser: drops privileges itself\r
              #   rootlock:exempt dockerfileUser,dockerfileAdd: second reason\r
            USER root\r
            """);

    assertThat(read.problems()).isEmpty();
    assertThat(read.byLine().keySet()).containsExactly(4);
    List<Exemption> atUser = read.byLine().get(4);
    assertThat(atUser)
        .extracting(Exemption::checks)
        .containsExactly(Set.of("dockerfileUser"), Set.of("dockerfileUser", "dockerfileAdd"));
    assertThat(atUser)
        .extracting(Exemption::reason)
        .containsExactly("drops privileges itself", "second reason");
    assertThat(atUser)
        .extracting(Exemption::source)
        .containsExactly(
            "comment rootlock:exempt at Dockerfile:2", "comment rootlock:exempt at Dockerfile:3");
  }

  @Test
  void aDetachedOrUnreadableCommentIsAProblem() {
    DockerfileExemptions.Read read =
        DockerfileExemptions.read(
            "Dockerfile",
            """
            FROM alpine
            # rootlock:exempt dockerfileUser
            USER root
            # rootlock:exempt dockerfileUser: reason
            # an ordinary comment
            USER root
            # rootlock:exemption is not the marker
            RUN true
            # rootlock:exempt dockerfileUser: at the end
            """);

    assertThat(read.byLine()).isEmpty();
    assertThat(read.problems())
        .containsExactly(
            "comment rootlock:exempt at Dockerfile:2: expected \"<check>[,<check>]: reason\","
                + " got \"dockerfileUser\"",
            "comment rootlock:exempt at Dockerfile:4: not on the line right above an instruction",
            "comment rootlock:exempt at Dockerfile:9: not on the line right above an instruction");
  }
}
