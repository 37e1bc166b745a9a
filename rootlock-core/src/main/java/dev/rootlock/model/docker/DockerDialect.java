package dev.rootlock.model.docker;

/**
 * How a container's configuration was written, which decides how messages name it and its fields: a
 * Compose service says {@code service "api" must set read_only: true}, a {@code docker run} line
 * says {@code container "api" must set --read-only}, a live container names its {@code HostConfig}.
 */
public enum DockerDialect {
  /** A service in a Compose file. */
  COMPOSE("service"),
  /** A {@code docker run} / {@code docker container run} command line. */
  RUN("container"),
  /** A container as the Docker Engine API reports it ({@code docker inspect}). */
  ENGINE("container");

  private final String noun;

  DockerDialect(String noun) {
    this.noun = noun;
  }

  /** What one configured thing is called: {@code service} or {@code container}. */
  public String noun() {
    return noun;
  }
}
