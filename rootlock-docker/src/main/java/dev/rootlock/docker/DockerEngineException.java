package dev.rootlock.docker;

/** The engine could not do what was asked; {@link #reason()} selects the user-facing message. */
public final class DockerEngineException extends RuntimeException {

  /** Why an engine call failed. Every reason maps to exit code 2 in the CLI. */
  public enum Reason {
    /** No engine answers at the endpoint (no socket, connection refused, DOCKER_HOST wrong). */
    UNREACHABLE,
    /** The socket exists but this user may not use it. */
    PERMISSION_DENIED,
    /** The image is not present locally; rootlock never pulls. */
    IMAGE_NOT_FOUND,
    CONTAINER_NOT_FOUND,
    /** A bounded wait ran out. */
    TIMEOUT,
    /** The engine refused the request (bad option, conflict, ...). */
    REFUSED
  }

  private final Reason reason;

  public DockerEngineException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DockerEngineException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
