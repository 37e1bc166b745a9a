package dev.rootlock.docker.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.RefusedWrite.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialDiscoveryMountTest {

  @ParameterizedTest(name = "{1} {0} -> {2}")
  @CsvSource({
    // the parent directory, as the seeds' loop mounts it
    "/var/lib/nginx/body, READ_ONLY, /var/lib/nginx",
    "/run/nginx.pid, READ_ONLY, /run",
    "/data/x/y.db, MISSING_PARENT, /data/x",
    // below a broad parent, the written path itself, as docker discover does
    "/var/cache/app, READ_ONLY, /var/cache/app",
    "/var/lib/app, READ_ONLY, /var/lib/app",
    "/opt/app, PERMISSION_DENIED, /opt/app",
    // never where docker discover refuses a mount
    "/etc/app.conf, READ_ONLY, ''",
    "/usr/local/bin/tool, READ_ONLY, ''",
    "/app.pid, READ_ONLY, ''",
  })
  void aRefusedWriteGetsTheMountDockerDiscoverWouldAllow(String path, Kind kind, String mount) {
    RefusedWrite write = new RefusedWrite(path, kind, false, "line");

    assertThat(TrialDiscovery.allowedMountFor(write).orElse("")).isEqualTo(mount);
  }
}
