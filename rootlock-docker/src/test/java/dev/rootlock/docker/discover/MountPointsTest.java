package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.RefusedWrite.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MountPointsTest {

  private static FileChange c(String path) {
    return new FileChange(path, FileChange.Kind.MODIFIED);
  }

  private static FileChange a(String path) {
    return new FileChange(path, FileChange.Kind.ADDED);
  }

  @Test
  void debianNginxDiffGivesRunAndVarLibNginx() {
    List<FileChange> diff =
        List.of(
            c("/run"),
            a("/run/nginx.pid"),
            c("/var"),
            c("/var/lib"),
            c("/var/lib/nginx"),
            a("/var/lib/nginx/body"),
            a("/var/lib/nginx/proxy"));

    assertThat(MountPoints.fromDiff(diff, Set.of()))
        .isEqualTo(
            Map.of(
                "/run", List.of("A /run/nginx.pid"),
                "/var/lib/nginx", List.of("A /var/lib/nginx/body", "A /var/lib/nginx/proxy")));
  }

  @Test
  void aDirectoryCreatedInABroadParentIsMountedItselfAndRuntimeFilesAreIgnored() {
    List<FileChange> diff =
        List.of(
            c("/var"),
            a("/var/run"),
            a("/var/run/app.pid"),
            c("/etc"),
            a("/etc/foo"),
            c("/etc/hosts"),
            c("/tmp"),
            a("/tmp/x"));

    assertThat(MountPoints.fromDiff(diff, Set.of()))
        .isEqualTo(
            Map.of(
                "/var/run", List.of("A /var/run/app.pid"),
                "/etc", List.of("A /etc/foo"),
                "/tmp", List.of("A /tmp/x")));
  }

  @Test
  void volumeMountPointsAndTheirParentsAreNotEvidence() {
    List<FileChange> diff = List.of(a("/data"), c("/var"), c("/var/lib"), a("/var/lib/db"));

    assertThat(MountPoints.fromDiff(diff, Set.of("/data", "/var/lib/db"))).isEmpty();
  }

  @Test
  void refusedFileMapsToItsExistingDirectoryAndMkdirToTheDirectoryItWasMadeIn() {
    Set<String> image =
        Set.of(
            "/run",
            "/var",
            "/var/lib",
            "/var/lib/nginx",
            "/var/log",
            "/var/log/nginx",
            "/var/log/nginx/error.log",
            "/var/cache");

    assertThat(MountPoints.forRefusedWrite(write("/run/nginx.pid", false), image::contains))
        .isEqualTo("/run");
    assertThat(MountPoints.forRefusedWrite(write("/var/lib/nginx/body", true), image::contains))
        .isEqualTo("/var/lib/nginx");
    assertThat(
            MountPoints.forRefusedWrite(write("/var/log/nginx/error.log", false), image::contains))
        .isEqualTo("/var/log/nginx");
    assertThat(MountPoints.forRefusedWrite(write("/var/cache/app/x/y", false), image::contains))
        .isEqualTo("/var/cache/app");
    assertThat(MountPoints.forRefusedWrite(write("/.config", true), image::contains))
        .isEqualTo("/.config");
  }

  private static RefusedWrite write(String path, boolean directory) {
    return new RefusedWrite(path, Kind.READ_ONLY, directory, "");
  }
}
