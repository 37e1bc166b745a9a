package dev.rootlock.kube.client;

/**
 * The cluster could not be reached or read at all: no configuration, an unreachable server,
 * rejected credentials, or a server error. The message is one line meant for the user as is (no
 * stack trace needed); the cause is kept for {@code --debug}.
 */
public final class KubeException extends Exception {

  public KubeException(String message) {
    super(message);
  }

  public KubeException(String message, Throwable cause) {
    super(message, cause);
  }
}
