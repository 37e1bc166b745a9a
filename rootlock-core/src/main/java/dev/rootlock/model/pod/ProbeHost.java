package dev.rootlock.model.pod;

import java.util.Objects;

/**
 * A {@code host} set on a probe or lifecycle handler.
 *
 * @param handler the handler's path inside the container, e.g. {@code livenessProbe.httpGet} or
 *     {@code lifecycle.postStart.tcpSocket}
 * @param host the host as written (never null; empty hosts are not recorded)
 */
public record ProbeHost(String handler, String host) {

  public ProbeHost {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(host, "host");
  }
}
