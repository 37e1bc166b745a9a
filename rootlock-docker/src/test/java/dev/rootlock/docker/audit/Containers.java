package dev.rootlock.docker.audit;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerDetails.MountPoint;
import dev.rootlock.docker.ContainerDetails.Namespaces;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.docker.DockerObject;
import java.util.List;
import java.util.Map;

/** Inspected containers as the engine would describe them, for the audit's unit tests. */
final class Containers {

  static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  static final LevelVersion HARDENED =
      LevelVersion.of(Level.HARDENED, PolicyVersion.parse("latest"));

  private Containers() {}

  /** docker run --read-only --tmpfs /tmp:... --cap-drop ALL --security-opt nnp -u 1000 ... */
  static ContainerDetails hardened(String name) {
    return new ContainerDetails(
        "1111",
        name,
        "rootlock-test/busybox:latest",
        true,
        42,
        0,
        "1000",
        List.of(PATH),
        true,
        false,
        List.of(),
        List.of("ALL"),
        List.of("no-new-privileges"),
        Map.of("/tmp", "rw,noexec,nosuid,size=8m"),
        List.of(new MountPoint("volume", "data", "/data", true)),
        new Namespaces("none", "", "private", "", ""),
        List.of());
  }

  /** docker run rootlock-test/busybox:latest sleep 300, nothing else. */
  static ContainerDetails plain(String name) {
    return new ContainerDetails(
        "2222",
        name,
        "rootlock-test/busybox:latest",
        true,
        43,
        0,
        "",
        List.of(PATH),
        false,
        false,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        new Namespaces("none", "", "private", "", ""),
        List.of());
  }

  static AuditedContainer audited(ContainerDetails details) {
    DockerObject object = ContainerAdapter.object(details);
    return new AuditedContainer(
        details, object.config(), Engine.standard().evaluate(object, HARDENED));
  }
}
