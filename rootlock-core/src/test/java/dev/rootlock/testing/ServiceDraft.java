package dev.rootlock.testing;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Device;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import java.util.function.Consumer;

/**
 * A terse way to build Docker container configs for check tests; list entries get the Compose paths
 * a Compose reader would give them ({@code cap_add[0]}, {@code tmpfs[1]}, {@code volumes[2]}).
 *
 * <pre>{@code
 * ContainerConfig api = ServiceDraft.service(s -> s.capAdd("SYS_ADMIN").tmpfs("/tmp:size=64m"));
 * }</pre>
 */
public final class ServiceDraft {

  /** The underlying builder, for scalar fields: {@code s.b.readOnly = true}. */
  public final ContainerConfig.Builder b;

  private ServiceDraft(DockerDialect dialect) {
    this.b = ContainerConfig.builder(dialect, "api");
    b.image = "registry.example/api:1";
  }

  /** A Compose service named {@code api}. */
  public static ContainerConfig service(Consumer<ServiceDraft> edits) {
    return draft(DockerDialect.COMPOSE, edits);
  }

  /** A {@code docker run} container named {@code api}. */
  public static ContainerConfig run(Consumer<ServiceDraft> edits) {
    return draft(DockerDialect.RUN, edits);
  }

  /** A live container named {@code api}. */
  public static ContainerConfig engine(Consumer<ServiceDraft> edits) {
    return draft(DockerDialect.ENGINE, edits);
  }

  /** A service that passes every check, for tests that break one thing at a time. */
  public static ContainerConfig hardened(DockerDialect dialect, Consumer<ServiceDraft> edits) {
    return draft(
        dialect,
        s -> {
          s.b.readOnly = true;
          s.b.user = "10001:10001";
          s.capDrop("ALL").securityOpt("no-new-privileges:true").tmpfs("/tmp:size=64m");
          edits.accept(s);
        });
  }

  private static ContainerConfig draft(DockerDialect dialect, Consumer<ServiceDraft> edits) {
    ServiceDraft draft = new ServiceDraft(dialect);
    edits.accept(draft);
    return draft.b.build();
  }

  public ServiceDraft capAdd(String... names) {
    for (String name : names) {
      b.capAdd.add(new Capability(name, item(DockerField.CAP_ADD, b.capAdd.size())));
    }
    return this;
  }

  public ServiceDraft capDrop(String... names) {
    for (String name : names) {
      b.capDrop.add(new Capability(name, item(DockerField.CAP_DROP, b.capDrop.size())));
    }
    return this;
  }

  public ServiceDraft securityOpt(String... options) {
    for (String option : options) {
      b.securityOpts.add(
          SecurityOpt.parse(option, item(DockerField.SECURITY_OPT, b.securityOpts.size())));
    }
    return this;
  }

  /** Short-syntax tmpfs entries, {@code PATH[:OPTIONS]}, at {@code tmpfs[i]}. */
  public ServiceDraft tmpfs(String... specs) {
    for (String spec : specs) {
      b.tmpfs.add(TmpfsMount.parse(spec, item(DockerField.TMPFS, b.tmpfs.size())));
    }
    return this;
  }

  /** A long-syntax {@code type: tmpfs} volume at {@code volumes[i]}. */
  public ServiceDraft tmpfsVolume(String target, String size) {
    b.tmpfs.add(TmpfsMount.ofLongSyntax(target, size, null, false, nextVolume()));
    return this;
  }

  public ServiceDraft bind(String source, String target, boolean readOnly) {
    b.mounts.add(new Mount(MountType.BIND, source, target, readOnly, nextVolume()));
    return this;
  }

  public ServiceDraft volume(String source, String target, boolean readOnly) {
    b.mounts.add(new Mount(MountType.VOLUME, source, target, readOnly, nextVolume()));
    return this;
  }

  public ServiceDraft device(String... specs) {
    for (String spec : specs) {
      b.devices.add(new Device(spec, item(DockerField.DEVICES, b.devices.size())));
    }
    return this;
  }

  private FieldPath nextVolume() {
    long longTmpfs =
        b.tmpfs.stream().filter(t -> t.path().startsWith(DockerField.VOLUMES.path())).count();
    return item(DockerField.VOLUMES, b.mounts.size() + (int) longTmpfs);
  }

  private static FieldPath item(DockerField field, int index) {
    return field.path().index(index);
  }
}
