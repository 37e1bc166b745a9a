package dev.rootlock.policy.checks;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Sharing the host's network, PID or IPC namespace lets a pod see and talk to everything on the
 * node, so baseline forbids it.
 *
 * <p>Restricted fields: {@code spec.hostNetwork}, {@code spec.hostPID}, {@code spec.hostIPC}.
 * Allowed values: false, unset.
 */
public final class HostNamespacesCheck implements Check<Pod> {

  public static final String ID = "hostNamespaces";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Pods must not share the host's network, PID or IPC namespaces.",
        VersionedCheck.since(0, HostNamespacesCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    PodSpec spec = pod.spec();
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    // PSA's fixed order: network, PID, IPC.
    if (Boolean.TRUE.equals(spec.hostNetwork())) {
      bad.add("hostNetwork=true");
      fields.add(FieldPath.of("spec", "hostNetwork"));
    }
    if (Boolean.TRUE.equals(spec.hostPID())) {
      bad.add("hostPID=true");
      fields.add(FieldPath.of("spec", "hostPID"));
    }
    if (Boolean.TRUE.equals(spec.hostIPC())) {
      bad.add("hostIPC=true");
      fields.add(FieldPath.of("spec", "hostIPC"));
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden("host namespaces", String.join(", ", bad), List.of(), fields);
  }
}
