package dev.rootlock.docker.client;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.DockerEngineException.Reason;
import dev.rootlock.docker.EngineInfo;
import dev.rootlock.docker.ExecResult;
import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.PathEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@link DockerEngine} over docker-java with the zerodep transport. Honours DOCKER_HOST (and the
 * other DOCKER_* variables docker-java reads); sends unversioned API paths so the engine answers at
 * its own API version. docker-java's types stay inside this class.
 */
public final class DockerJavaEngine implements DockerEngine {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

  private final DockerClient client;
  private final String endpoint;

  private DockerJavaEngine(DockerClientConfig config) {
    this.endpoint = config.getDockerHost().toString();
    ZerodepDockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(CONNECT_TIMEOUT)
            .responseTimeout(RESPONSE_TIMEOUT)
            .build();
    this.client = DockerClientImpl.getInstance(config, http);
  }

  /** Connects (lazily) to the engine named by the environment, as the docker CLI would. */
  public static DockerJavaEngine fromEnvironment() {
    return new DockerJavaEngine(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
  }

  @Override
  public EngineInfo info() {
    Version version = call("reach the Docker engine", () -> client.versionCmd().exec());
    return new EngineInfo(version.getVersion(), version.getApiVersion(), endpoint);
  }

  @Override
  public Optional<ImageConfig> inspectImage(String image) {
    InspectImageResponse response;
    try {
      response = call("inspect image " + image, () -> client.inspectImageCmd(image).exec());
    } catch (DockerEngineException e) {
      if (e.getCause() instanceof NotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
    var config = response.getConfig();
    if (config == null) {
      return Optional.of(
          new ImageConfig(
              response.getId(), "", "", List.of(), List.of(), List.of(), java.util.Set.of()));
    }
    return Optional.of(
        new ImageConfig(
            response.getId(),
            config.getUser(),
            config.getWorkingDir(),
            list(config.getEnv()),
            list(config.getEntrypoint()),
            list(config.getCmd()),
            config.getVolumes() == null ? java.util.Set.of() : config.getVolumes().keySet()));
  }

  @Override
  public String create(ContainerSpec spec) {
    HostConfig host =
        HostConfig.newHostConfig()
            .withPrivileged(false)
            .withReadonlyRootfs(spec.readOnlyRoot())
            .withNetworkMode(spec.networkMode());
    if (!spec.tmpfs().isEmpty()) {
      host.withTmpFs(spec.tmpfs());
    }
    if (!spec.capDrop().isEmpty()) {
      host.withCapDrop(spec.capDrop().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    if (!spec.capAdd().isEmpty()) {
      host.withCapAdd(spec.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    if (!spec.securityOpt().isEmpty()) {
      host.withSecurityOpts(spec.securityOpt());
    }
    if (!spec.binds().isEmpty()) {
      host.withBinds(spec.binds().stream().map(Bind::parse).toList());
    }
    var command =
        client
            .createContainerCmd(spec.image())
            .withHostConfig(host)
            .withLabels(spec.labels())
            .withEnv(spec.env());
    if (!spec.name().isEmpty()) {
      command.withName(spec.name());
    }
    if (!spec.cmd().isEmpty()) {
      command.withCmd(spec.cmd());
    }
    if (!spec.user().isEmpty()) {
      command.withUser(spec.user());
    }
    if (!spec.entrypoint().isEmpty()) {
      command.withEntrypoint(spec.entrypoint());
    }
    if (!spec.workingDir().isEmpty()) {
      command.withWorkingDir(spec.workingDir());
    }
    return call("create a container from " + spec.image(), command::exec).getId();
  }

  @Override
  public void start(String containerId) {
    call("start container " + containerId, () -> client.startContainerCmd(containerId).exec());
  }

  @Override
  public void stop(String containerId, Duration grace) {
    try {
      call(
          "stop container " + containerId,
          () -> client.stopContainerCmd(containerId).withTimeout((int) grace.toSeconds()).exec());
    } catch (DockerEngineException e) {
      if (!(e.getCause() instanceof NotModifiedException)) { // already stopped
        throw e;
      }
    }
  }

  @Override
  public void remove(String containerId) {
    try {
      call(
          "remove container " + containerId,
          () ->
              client
                  .removeContainerCmd(containerId)
                  .withForce(true)
                  .withRemoveVolumes(true)
                  .exec());
    } catch (DockerEngineException e) {
      if (e.reason() != Reason.CONTAINER_NOT_FOUND) {
        throw e;
      }
    }
  }

  @Override
  public ContainerDetails inspect(String containerIdOrName) {
    InspectContainerResponse r;
    try {
      r =
          call(
              "inspect container " + containerIdOrName,
              () -> client.inspectContainerCmd(containerIdOrName).exec());
    } catch (DockerEngineException e) {
      if (e.getCause() instanceof NotFoundException) {
        throw new DockerEngineException(
            Reason.CONTAINER_NOT_FOUND, "no such container: " + containerIdOrName, e);
      }
      throw e;
    }
    var state = r.getState();
    HostConfig host = r.getHostConfig() == null ? HostConfig.newHostConfig() : r.getHostConfig();
    Map<String, String> tmpfs = new TreeMap<>(host.getTmpFs() == null ? Map.of() : host.getTmpFs());
    if (host.getMounts() != null) {
      for (Mount m : host.getMounts()) {
        if (m.getType() == MountType.TMPFS) {
          TmpfsOptions options = m.getTmpfsOptions();
          tmpfs.put(
              m.getTarget(),
              TmpfsData.of(
                  options == null ? null : options.getSizeBytes(),
                  options == null ? null : options.getMode(),
                  Boolean.TRUE.equals(m.getReadOnly())));
        }
      }
    }
    List<ContainerDetails.MountPoint> mounts = new ArrayList<>();
    if (r.getMounts() != null) {
      for (var m : r.getMounts()) {
        String destination = m.getDestination() == null ? "" : m.getDestination().getPath();
        if (tmpfs.containsKey(destination)) {
          continue; // a --mount type=tmpfs: already in tmpfs, with its options
        }
        // docker-java's inspect model drops the mount's Type; only volumes have a name and driver.
        boolean volume = m.getName() != null && m.getDriver() != null;
        String source = volume ? m.getName() : m.getSource();
        mounts.add(
            new ContainerDetails.MountPoint(
                volume ? "volume" : "bind",
                source == null ? "" : source,
                destination,
                Boolean.TRUE.equals(m.getRW())));
      }
    }
    boolean running = state != null && Boolean.TRUE.equals(state.getRunning());
    return new ContainerDetails(
        r.getId(),
        r.getName() == null ? "" : r.getName().replaceFirst("^/", ""),
        r.getConfig() == null ? "" : r.getConfig().getImage(),
        running,
        running && state.getPidLong() != null ? state.getPidLong() : 0,
        state == null || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong(),
        r.getConfig() == null ? "" : r.getConfig().getUser(),
        r.getConfig() == null ? List.of() : list(r.getConfig().getEnv()),
        Boolean.TRUE.equals(host.getReadonlyRootfs()),
        Boolean.TRUE.equals(host.getPrivileged()),
        capabilities(host.getCapAdd()),
        capabilities(host.getCapDrop()),
        host.getSecurityOpts() == null ? List.of() : host.getSecurityOpts(),
        tmpfs,
        mounts,
        new ContainerDetails.Namespaces(
            host.getNetworkMode(),
            host.getPidMode(),
            host.getIpcMode(),
            host.getUtSMode(),
            host.getUsernsMode()),
        host.getDevices() == null
            ? List.of()
            : Arrays.stream(host.getDevices())
                .map(
                    d ->
                        d.getPathOnHost()
                            + ":"
                            + d.getPathInContainer()
                            + ":"
                            + d.getcGroupPermissions())
                .toList());
  }

  private static List<String> capabilities(Capability[] capabilities) {
    return capabilities == null ? List.of() : Arrays.stream(capabilities).map(Enum::name).toList();
  }

  @Override
  public List<String> containers(boolean all, Map<String, List<String>> filters) {
    var list = client.listContainersCmd().withShowAll(all);
    filters.forEach(list::withFilter);
    List<Container> found = call("list containers", list::exec);
    return found.stream().map(Container::getId).toList();
  }

  @Override
  public List<String> containersLabelled(String label, String value) {
    var list = client.listContainersCmd().withShowAll(true);
    if (value == null) {
      list.withLabelFilter(List.of(label));
    } else {
      list.withLabelFilter(Map.of(label, value));
    }
    List<Container> found = call("list containers labelled " + label, list::exec);
    return found.stream().map(Container::getId).toList();
  }

  @Override
  public String logs(String containerId, Duration timeout) {
    StringBuilder text = new StringBuilder();
    ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            synchronized (text) {
              text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
          }
        };
    call(
        "read the logs of " + containerId,
        () -> {
          client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).exec(callback);
          await(callback, timeout, "reading the logs of " + containerId);
          return null;
        });
    synchronized (text) {
      return text.toString();
    }
  }

  @Override
  public List<FileChange> diff(String containerId) {
    List<ChangeLog> changes =
        call(
            "list the changes of " + containerId,
            () -> client.containerDiffCmd(containerId).exec());
    if (changes == null) { // what the engine answers for a read-only container
      return List.of();
    }
    return changes.stream()
        .map(c -> new FileChange(c.getPath(), FileChange.Kind.ofCode(c.getKind())))
        .toList();
  }

  @Override
  public ExecResult exec(String containerId, List<String> command, String user, Duration timeout) {
    var create =
        client
            .execCreateCmd(containerId)
            .withCmd(command.toArray(String[]::new))
            .withAttachStdout(true)
            .withAttachStderr(true);
    if (user != null && !user.isEmpty()) {
      create.withUser(user);
    }
    String execId = call("run a command in " + containerId, create::exec).getId();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            synchronized (out) {
              (frame.getStreamType() == StreamType.STDERR ? err : out)
                  .writeBytes(frame.getPayload());
            }
          }
        };
    boolean finished =
        call(
            "run a command in " + containerId,
            () -> {
              client.execStartCmd(execId).exec(callback);
              return awaitQuietly(callback, timeout);
            });
    synchronized (out) {
      String stdout = out.toString(StandardCharsets.UTF_8);
      String stderr = err.toString(StandardCharsets.UTF_8);
      if (!finished) {
        return new ExecResult(-1, stdout, stderr);
      }
      Long code =
          call(
              "inspect a command in " + containerId,
              () -> client.inspectExecCmd(execId).exec().getExitCodeLong());
      return new ExecResult(code == null ? -1 : code, stdout, stderr);
    }
  }

  @Override
  public Optional<PathEntry> readPath(String containerId, String path, int maxBytes) {
    try (InputStream raw =
            call(
                "read " + path + " from " + containerId,
                () -> client.copyArchiveFromContainerCmd(containerId, path).exec());
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry entry = tar.getNextEntry();
      if (entry == null) {
        return Optional.empty();
      }
      byte[] content = new byte[0];
      if (entry.isFile()) {
        content = tar.readNBytes((int) Math.min(maxBytes, entry.getSize()));
      }
      return Optional.of(
          new PathEntry(
              path,
              entry.getMode() & 07777,
              entry.getLongUserId(),
              entry.getLongGroupId(),
              entry.isDirectory(),
              content));
    } catch (DockerEngineException e) {
      if (e.getCause() instanceof NotFoundException) {
        return Optional.empty();
      }
      throw e;
    } catch (IOException e) {
      throw new DockerEngineException(
          Reason.REFUSED,
          "could not read " + path + " from " + containerId + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing a unix-socket client cannot lose data; nothing to tell the user.
    }
  }

  private static List<String> list(String[] values) {
    return values == null ? List.of() : List.of(values);
  }

  private static void await(ResultCallback.Adapter<Frame> callback, Duration timeout, String what)
      throws InterruptedException {
    if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      closeQuietly(callback);
      throw new DockerEngineException(Reason.TIMEOUT, what + " took longer than " + timeout);
    }
  }

  private static boolean awaitQuietly(ResultCallback.Adapter<Frame> callback, Duration timeout)
      throws InterruptedException {
    boolean done = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!done) {
      closeQuietly(callback);
    }
    return done;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // The stream is being abandoned after a timeout; its close error changes nothing.
    }
  }

  /** An engine call whose failures become {@link DockerEngineException}s with a reason. */
  @FunctionalInterface
  private interface EngineCall<T> {
    T run() throws Exception;
  }

  private <T> T call(String what, EngineCall<T> action) {
    try {
      return action.run();
    } catch (DockerEngineException e) {
      throw e;
    } catch (NotFoundException e) {
      Reason reason =
          what.startsWith("inspect image") ? Reason.IMAGE_NOT_FOUND : Reason.CONTAINER_NOT_FOUND;
      throw new DockerEngineException(reason, "could not " + what + ": " + firstLine(e), e);
    } catch (NotModifiedException e) {
      throw new DockerEngineException(Reason.REFUSED, "could not " + what, e);
    } catch (DockerException e) {
      throw new DockerEngineException(Reason.REFUSED, "could not " + what + ": " + firstLine(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerEngineException(Reason.TIMEOUT, "interrupted while trying to " + what, e);
    } catch (Exception e) {
      throw connectionFailure(what, e);
    }
  }

  private DockerEngineException connectionFailure(String what, Exception e) {
    String chain = causeChain(e);
    if (chain.contains("Permission denied") || chain.contains("[13]")) {
      return new DockerEngineException(
          Reason.PERMISSION_DENIED,
          "permission denied on the Docker"
              + " socket "
              + endpoint
              + ": run as root or as a member of the docker group",
          e);
    }
    if (chain.contains("Timeout") || chain.contains("timed out")) {
      return new DockerEngineException(
          Reason.TIMEOUT,
          "the Docker engine at " + endpoint + " did not answer in time (" + what + ")",
          e);
    }
    return new DockerEngineException(
        Reason.UNREACHABLE,
        "no Docker engine answers at "
            + endpoint
            + " ("
            + firstLine(e)
            + "): start dockerd, or point DOCKER_HOST at a running engine",
        e);
  }

  private static String causeChain(Throwable e) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return chain.toString();
  }

  private static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
