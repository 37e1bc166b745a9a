package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.image.Medium;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathPolicyTest {

  private final PathPolicy policy = new PathPolicy(null, Set.of("/app"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /etc | /etc holds identity (passwd, shadow)
      /etc/nginx/conf.d | /etc holds identity (passwd, shadow)
      /usr/local/bin | /usr/local/bin is (or contains) a PATH directory (/usr/local/bin)
      /usr | /usr is (or contains) a PATH directory (/usr/local/sbin)
      /usr/share/app | /usr/share/app holds system binaries and shared libraries
      /lib64 | /lib64 holds system binaries and shared libraries
      /app | /app is (or contains) the application's own code directory (/app)
      /var | /var is a broad parent
      /dev/shm | /dev/shm is a kernel or device file system
      """)
  void refusesDangerousPathsSayingWhy(String path, String reasonStart) {
    assertThat(policy.refusal(path)).hasValueSatisfying(r -> assertThat(r).startsWith(reasonStart));
  }

  @ParameterizedTest
  @CsvSource({"/run", "/tmp", "/var/lib/nginx", "/var/log/nginx", "/app/tmp", "/var/cache/app"})
  void allowsNarrowRuntimeDirectories(String path) {
    assertThat(policy.refusal(path)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "/run, MEMORY",
    "/var/run/postgresql, MEMORY",
    "/tmp, MEMORY",
    "/app/pid, MEMORY",
    "/var/lib/nginx, DISK",
    "/var/log/nginx, DISK",
    "/var/cache/app, DISK",
    "/var/lib/postgresql/data, PERSISTENT",
    "/data, PERSISTENT"
  })
  void classifiesByWhatThePathHolds(String path, Medium medium) {
    assertThat(PathPolicy.classify(path, false)).isEqualTo(medium);
  }

  @Test
  void anImageVolumeIsAlwaysPersistent() {
    assertThat(PathPolicy.classify("/tmp", true)).isEqualTo(Medium.PERSISTENT);
  }
}
