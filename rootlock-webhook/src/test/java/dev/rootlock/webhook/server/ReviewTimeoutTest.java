package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The API server's {@code ?timeout=}, read with the one Go-duration parser. */
class ReviewTimeoutTest {

  @Test
  void readsTheTimeoutTheApiServerWrites() {
    assertThat(ReviewEndpoint.timeoutOf("timeout=10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(ReviewEndpoint.timeoutOf("dryRun=true&timeout=1m30s"))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(ReviewEndpoint.timeoutOf("timeout=2.5s")).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void anAbsentOrUnreadableTimeoutIsNone() {
    assertThat(ReviewEndpoint.timeoutOf(null)).isNull();
    assertThat(ReviewEndpoint.timeoutOf("dryRun=true")).isNull();
    assertThat(ReviewEndpoint.timeoutOf("timeout=10")).isNull();
    assertThat(ReviewEndpoint.timeoutOf("timeout=-1s")).isNull();
    assertThat(ReviewEndpoint.timeoutOf("timeout=")).isNull();
  }
}
