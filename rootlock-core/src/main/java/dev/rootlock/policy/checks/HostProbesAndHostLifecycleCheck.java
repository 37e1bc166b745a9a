package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.ProbeHost;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.Messages;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A probe or lifecycle hook with a {@code host} makes the kubelet, which runs on the node's
 * network, connect wherever the pod says: a way to reach node-local or internal services the pod
 * itself cannot. Baseline forbids any host, even {@code localhost}.
 *
 * <p>Restricted fields: {@code httpGet.host} and {@code tcpSocket.host} of {@code livenessProbe},
 * {@code readinessProbe}, {@code startupProbe}, {@code lifecycle.postStart} and {@code
 * lifecycle.preStop} of every init, regular and ephemeral container. Allowed values: empty, unset.
 * Exists from v1.34 only.
 */
public final class HostProbesAndHostLifecycleCheck implements Check<Pod> {

  public static final String ID = "hostProbesAndHostLifecycle";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Probes and lifecycle hooks must not name a host for the kubelet to connect to.",
        VersionedCheck.since(34, HostProbesAndHostLifecycleCheck::v1_34));
  }

  static CheckResult v1_34(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      boolean valid = true;
      for (ProbeHost probeHost : container.probeHosts()) {
        if (!probeHost.host().isEmpty()) {
          valid = false;
          hosts.add(probeHost.host());
          fields.add(container.path().keys(probeHost.handler().split("\\.")).key("host"));
        }
      }
      if (!valid) {
        bad.add(container.displayName());
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    // Unlike every other check, PSA lists these containers as a sorted set.
    List<String> badContainers = Messages.sortedSet(bad);
    List<String> distinctHosts = Messages.sortedSet(hosts);
    return CheckResult.forbidden(
        "probe or lifecycle host",
        containers(badContainers)
            + " "
            + pluralize("uses", "use", badContainers.size())
            + " "
            + pluralize("probe or lifecycle host", "probe or lifecycle hosts", distinctHosts.size())
            + " "
            + joinQuote(distinctHosts),
        badContainers,
        fields);
  }
}
