package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealEngine.class)
class NginxDiscoveryIT {

  @Test
  void smoke() {
    try (DockerEngine engine = DockerJavaEngine.fromEnvironment()) {
      DiscoveryReport report = new Discovery(engine).discover(
          DiscoverRequest.of("rootlock-test/nginx:latest").withDuration(Duration.ofSeconds(4)));
      System.out.println(DiscoveryOutput.text(report));
      System.out.println(DiscoveryJson.write(report));
      assertThat(report.proven()).isTrue();
    }
  }
}
