package dev.rootlock.fix.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.fix.ProofRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who owns a Kubernetes emptyDir's tmpfs in a trial: the one place that decides it, for the
 * emptyDirs of a Kubernetes run and for the mounts {@code fix --discover} adds.
 */
class ScratchOwnershipTest {

  @ParameterizedTest(name = "user \"{0}\" -> uid {1}, gid {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1000      | 1000 | -1
          1000:3000 | 1000 | 3000
          1000:web  | 1000 | -1
          0         | -1   | -1
          0:3000    | -1   | -1
          app       | -1   | -1
          ''        | -1   | -1
          1234567890 | -1  | -1
          """)
  void aNumericNonRootUserOwnsIt(String user, long uid, long gid) {
    ProofRun.Scratch scratch = ProofRun.Scratch.writableBy("/run", 8L << 20, true, user);

    assertThat(scratch)
        .isEqualTo(new ProofRun.Scratch("/run", 8L << 20, true, false, false, false, -1, uid, gid));
  }
}
