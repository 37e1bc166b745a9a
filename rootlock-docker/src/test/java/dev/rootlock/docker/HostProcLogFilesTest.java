package dev.rootlock.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HostProc#logFiles}: which files of a mount count as logs, and how much is read. */
class HostProcLogFilesTest {

  @TempDir Path proc;

  @Test
  void readsLogNamedTextFilesTailsThemAndSkipsDataAndLinks() throws Exception {
    Path root = Files.createDirectories(proc.resolve("42/root"));
    Path logs = Files.createDirectories(root.resolve("var/log/nginx"));
    Files.writeString(logs.resolve("error.log"), "early line\nsetgid(33) failed (1: x)\n");
    Files.writeString(logs.resolve("access.log"), "");
    Files.write(logs.resolve("binary.log"), new byte[] {'a', 0, 'b'});
    Path secret = Files.writeString(proc.resolve("host-secret.log"), "host file\n");
    Files.createSymbolicLink(logs.resolve("escape.log"), secret);
    Path app = Files.createDirectories(root.resolve("var/lib/app/logs"));
    Files.writeString(app.resolve("current"), "app says\n");
    Files.writeString(root.resolve("var/lib/app/app.pid"), "1\n");

    HostProc host = new HostProc(proc);

    assertThat(host.logFiles(42, "/var/log/nginx", 32, 1 << 16))
        .containsExactly(
            java.util.Map.entry("/var/log/nginx/access.log", ""),
            java.util.Map.entry(
                "/var/log/nginx/error.log", "early line\nsetgid(33) failed (1: x)\n"));
    assertThat(host.logFiles(42, "/var/lib/app", 32, 1 << 16))
        .containsExactly(java.util.Map.entry("/var/lib/app/logs/current", "app says\n"));
    assertThat(host.logFiles(42, "/var/log/nginx", 32, 25).get("/var/log/nginx/error.log"))
        .isEqualTo("setgid(33) failed (1: x)\n");
    assertThat(host.logFiles(42, "/var/log/nginx", 1, 1 << 16)).hasSize(1);
    assertThat(host.logFiles(42, "/missing", 32, 1 << 16)).isEmpty();
    assertThat(host.logFiles(7, "/var/log/nginx", 32, 1 << 16)).isEmpty();
  }
}
