package dev.rootlock.kube.client;

import dev.rootlock.kube.OneLine;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** Turns a failed API request into one line a user can act on. */
final class ApiFailures {

  private ApiFailures() {}

  static ApiRequestException of(
      KubernetesClientException e, String server, String uri, String what) {
    int code = e.getCode();
    String status = statusMessage(e);
    if (code <= 0) {
      // fabric8 reports a request that got no HTTP answer at all with code 0 or -1.
      return new ApiRequestException(0, unreachable(e, server), e);
    }
    String message =
        switch (code) {
          case 401 ->
              "the API server at "
                  + server
                  + " rejected the credentials (401 Unauthorized): they are missing, invalid or"
                  + " expired; log in again or fix the user of this context in your kubeconfig";
          case 403 -> status != null ? status : "forbidden: cannot list " + what;
          case 404 ->
              status != null
                  ? status
                  : "the API server at " + server + " has no " + uri + " (404 Not Found)";
          default ->
              "the API server at "
                  + server
                  + " answered GET "
                  + uri
                  + " with "
                  + code
                  + (status != null ? ": " + status : "");
        };
    return new ApiRequestException(code, message, e);
  }

  private static String unreachable(Throwable e, String server) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof ConnectException) {
        return "cannot reach the API server at "
            + server
            + ": connection refused"
            + " (is the cluster running, and is this the right context?)";
      }
      if (cause instanceof UnknownHostException) {
        return "cannot reach the API server at " + server + ": unknown host " + cause.getMessage();
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return "cannot reach the API server at " + server + ": connection timed out";
      }
      if (cause instanceof HttpTimeoutException) {
        return "the API server at " + server + " did not answer in time";
      }
      if (cause instanceof SSLException) {
        return "TLS with the API server at "
            + server
            + " failed: "
            + OneLine.of(String.valueOf(cause.getMessage()))
            + " (check the cluster's certificate-authority in your kubeconfig)";
      }
      cause = cause.getCause();
    }
    return "cannot reach the API server at " + server + ": " + OneLine.rootCause(e);
  }

  private static String statusMessage(KubernetesClientException e) {
    Status status = e.getStatus();
    if (status == null || status.getMessage() == null || status.getMessage().isBlank()) {
      return null;
    }
    // Status messages are one line in practice; keep it that way whatever the server sends.
    return OneLine.of(status.getMessage());
  }
}
