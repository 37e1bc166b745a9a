package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.pluralize;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerPort;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.Messages;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A host port binds the node's own network interface, bypassing network policy and letting the pod
 * squat on ports other workloads expect, so baseline forbids it.
 *
 * <p>Restricted fields: {@code ports[*].hostPort} of every init, regular and ephemeral container.
 * Allowed values: 0, unset. The API server copies each {@code containerPort} into {@code hostPort}
 * for hostNetwork Pods (not pod templates) before admission, so such Pods fail here too.
 */
public final class HostPortsCheck implements Check<Pod> {

  public static final String ID = "hostPorts";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not bind host ports.",
        VersionedCheck.since(0, HostPortsCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      boolean valid = true;
      for (int i = 0; i < container.ports().size(); i++) {
        ContainerPort port = container.ports().get(i);
        if (port.hostPort() != null && port.hostPort() != 0) {
          valid = false;
          ports.add(Integer.toString(port.hostPort()));
          fields.add(container.path().key("ports").index(i).key("hostPort"));
        }
      }
      if (!valid) {
        bad.add(container.displayName());
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    // Ports are a set of strings, so they sort as text: "10" < "443" < "8080".
    List<String> distinctPorts = Messages.sortedSet(ports);
    return CheckResult.forbidden(
        "hostPort",
        containers(bad)
            + " "
            + pluralize("uses", "use", bad.size())
            + " "
            + pluralize("hostPort", "hostPorts", distinctPorts.size())
            + " "
            + String.join(", ", distinctPorts),
        bad,
        fields);
  }
}
