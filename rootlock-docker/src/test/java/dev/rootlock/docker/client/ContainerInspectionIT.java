package dev.rootlock.docker.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerDetails.MountPoint;
import dev.rootlock.docker.ContainerDetails.Namespaces;
import dev.rootlock.docker.DockerCli;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.TestContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What inspect reads from a container started with every flag the Docker checks care about. */
@ExtendWith(RealEngine.class)
class ContainerInspectionIT {

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();
  private final TestContainers containers = new TestContainers(engine);
  private final String name = "rl-inspect-" + containers.runId();
  private final String volume = "rl-inspect-data-" + containers.runId();

  @TempDir Path hostDir;

  @AfterEach
  void removeEverything() {
    engine.remove(name);
    containers.close();
    DockerCli.run("volume", "rm", "--force", volume);
    assertThat(DockerCli.run("volume", "ls", "--quiet", "--filter", "name=" + volume)).isEmpty();
    engine.close();
  }

  @Test
  void readsNamespacesDevicesTmpfsOptionsAndEveryMountWithItsWritability() throws Exception {
    Path readOnlyDir = Files.createDirectory(hostDir.resolve("conf"));
    Path writableDir = Files.createDirectory(hostDir.resolve("spool"));
    DockerCli.run(
        "run",
        "--detach",
        "--name",
        name,
        "--label",
        containers.label(),
        "--network",
        "none",
        "--read-only",
        "--user",
        "1000:1000",
        "--pid",
        "host",
        "--ipc",
        "host",
        "--uts",
        "host",
        "--cap-drop",
        "ALL",
        "--cap-add",
        "NET_BIND_SERVICE",
        "--security-opt",
        "no-new-privileges",
        "--device",
        "/dev/null:/dev/rootlock-null:rw",
        "--tmpfs",
        "/tmp:rw,noexec,nosuid,size=8m",
        "--mount",
        "type=tmpfs,destination=/run,tmpfs-size=16777216,tmpfs-mode=1777",
        "--mount",
        "type=tmpfs,destination=/ro,readonly,tmpfs-size=1048576",
        "--volume",
        volume + ":/data",
        "--volume",
        readOnlyDir + ":/conf:ro",
        "--volume",
        writableDir + ":/spool",
        "rootlock-test/busybox:latest",
        "sleep",
        "300");

    ContainerDetails details = engine.inspect(name);

    assertThat(details.name()).isEqualTo(name);
    assertThat(details.image()).isEqualTo("rootlock-test/busybox:latest");
    assertThat(details.running()).isTrue();
    assertThat(details.user()).isEqualTo("1000:1000");
    assertThat(details.readOnlyRoot()).isTrue();
    assertThat(details.capDrop()).containsExactly("ALL");
    assertThat(details.capAdd()).containsExactly("NET_BIND_SERVICE");
    // The daemon adds label=disable itself for a host pid or ipc namespace.
    assertThat(details.securityOpt()).containsExactly("no-new-privileges", "label=disable");
    assertThat(details.namespaces()).isEqualTo(new Namespaces("none", "host", "host", "host", ""));
    assertThat(details.devices()).containsExactly("/dev/null:/dev/rootlock-null:rw");
    assertThat(details.tmpfs())
        .isEqualTo(
            Map.of(
                "/tmp", "rw,noexec,nosuid,size=8m",
                "/run", "mode=1777,size=16m",
                "/ro", "ro,size=1m"));
    assertThat(details.mounts())
        .containsExactlyInAnyOrder(
            new MountPoint("volume", volume, "/data", true),
            new MountPoint("bind", readOnlyDir.toString(), "/conf", false),
            new MountPoint("bind", writableDir.toString(), "/spool", true));
  }

  @Test
  void aMissingContainerIsNamedInTheError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.inspect(name))
        .isInstanceOf(DockerEngineException.class)
        .hasMessage("no such container: " + name)
        .extracting(e -> ((DockerEngineException) e).reason())
        .isEqualTo(DockerEngineException.Reason.CONTAINER_NOT_FOUND);
  }

  @Test
  void listsRunningContainersByFilterAndStoppedOnesOnlyWithAll() {
    String running =
        containers.start("rootlock-test/busybox:latest", List.of("sleep", "300"), false, Map.of());
    String exited =
        containers.start("rootlock-test/busybox:latest", List.of("true"), false, Map.of());
    DockerCli.run("wait", exited);
    Map<String, List<String>> ours = Map.of("label", List.of(containers.label()));

    assertThat(engine.containers(false, ours)).containsExactly(running);
    assertThat(engine.containers(true, ours)).containsExactlyInAnyOrder(running, exited);
  }
}
