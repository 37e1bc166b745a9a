package dev.rootlock.docker.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.trial.RefusedOperation;
import dev.rootlock.docker.trial.RefusedOperation.Kind;
import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.TrialOutcome;
import dev.rootlock.docker.trial.TrialSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How fix --prove words each refusal of a failed trial. */
class RefusedWordingTest {

  @Test
  void eachRefusalNamesTheOperationAndWhatWouldAllowIt() {
    TrialOutcome outcome =
        new TrialOutcome(
            TrialSpec.hardened("rootlock-test/nginx"),
            true,
            0,
            TrialOutcome.NO_EXERCISE,
            "",
            List.of(new RefusedWrite("/etc/app.conf", RefusedWrite.Kind.READ_ONLY, false, "l")),
            List.of(
                new RefusedOperation(Kind.CHOWN, "/var/lib/nginx/body", "l"),
                new RefusedOperation(Kind.SETGID, "33", "l"),
                new RefusedOperation(Kind.SETUID, "", "l"),
                new RefusedOperation(Kind.BIND_LOW_PORT, "0.0.0.0:80", "l"),
                new RefusedOperation(Kind.MOUNT_ACCESS, "/run/app.pid", "l")),
            true,
            Set.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            List.of(),
            Duration.ofSeconds(1));

    assertThat(TrialProver.refused(outcome))
        .containsExactly(
            "write to /etc/app.conf (read-only file system)",
            "chown /var/lib/nginx/body (needs CHOWN)",
            "setgid(33) (needs SETGID)",
            "setuid (needs SETUID)",
            "bind 0.0.0.0:80 (needs NET_BIND_SERVICE)",
            "write to /run/app.pid (its mount's owner or mode)");
  }
}
