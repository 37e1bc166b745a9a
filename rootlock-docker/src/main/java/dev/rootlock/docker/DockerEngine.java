package dev.rootlock.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few Docker Engine operations rootlock needs, in rootlock's own types.
 *
 * <p>Every method throws {@link DockerEngineException} (unchecked) when the engine cannot be
 * reached or refuses; its {@link DockerEngineException.Reason} tells the caller which message to
 * print. Implementations must never pin an API version: Engine 20.10 caps at 1.41, 29.x requires
 * 1.44+.
 */
public interface DockerEngine extends AutoCloseable {

  /** Pings the engine and reports its version; fails with UNREACHABLE or PERMISSION_DENIED. */
  EngineInfo info();

  /** The image's config, or empty when the image is not present locally (rootlock never pulls). */
  Optional<ImageConfig> inspectImage(String image);

  /** Creates (does not start) a container and returns its id. */
  String create(ContainerSpec spec);

  void start(String containerId);

  /** Stops gracefully: the image's stop signal, then SIGKILL after {@code grace}. */
  void stop(String containerId, Duration grace);

  /** Force-removes a container and its anonymous volumes; a missing container is not an error. */
  void remove(String containerId);

  /**
   * Inspects a container by id or name; fails with CONTAINER_NOT_FOUND ("no such container: x")
   * when there is none.
   */
  ContainerDetails inspect(String containerIdOrName);

  /**
   * Ids of the running containers ({@code all}: of every container, as {@code docker ps -a}) that
   * match every filter, keyed as {@code docker ps --filter} keys them ({@code label}, {@code name},
   * {@code status}, ...), in the engine's order (newest first).
   */
  List<String> containers(boolean all, Map<String, List<String>> filters);

  /** Ids of all containers, running or not, that carry {@code label=value} (any value if null). */
  List<String> containersLabelled(String label, String value);

  /** Everything the container wrote to stdout and stderr so far, interleaved as received. */
  String logs(String containerId, Duration timeout);

  /** The container's changes against its image ({@code docker diff}); empty when none. */
  List<FileChange> diff(String containerId);

  /**
   * Runs a command inside a running container as {@code user} (null: the container's user). A
   * command that does not finish within {@code timeout} yields exit code -1.
   */
  ExecResult exec(String containerId, List<String> command, String user, Duration timeout);

  /**
   * The entry at {@code path} in the container's filesystem (its image plus its changes, not its
   * mounts), with up to {@code maxBytes} of a regular file's content; empty when the path is
   * absent.
   */
  Optional<PathEntry> readPath(String containerId, String path, int maxBytes);

  @Override
  void close();
}
