package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adding capabilities beyond the container runtime's default set hands a container kernel powers
 * (network administration, module loading, raw I/O) that baseline forbids.
 *
 * <p>Restricted fields: {@code securityContext.capabilities.add} of every init, regular and
 * ephemeral container. Allowed values: {@code AUDIT_WRITE}, {@code CHOWN}, {@code DAC_OVERRIDE},
 * {@code FOWNER}, {@code FSETID}, {@code KILL}, {@code MKNOD}, {@code NET_BIND_SERVICE}, {@code
 * SETFCAP}, {@code SETGID}, {@code SETPCAP}, {@code SETUID}, {@code SYS_CHROOT}, matched exactly
 * (no {@code CAP_} prefix, no lower case). Restricted replaces this check from v1.22.
 */
public final class CapabilitiesBaselineCheck implements Check<Pod> {

  public static final String ID = "capabilities_baseline";

  static final Set<String> ALLOWED_1_0 =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers may add only the container runtime's default capabilities.",
        VersionedCheck.since(0, CapabilitiesBaselineCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    TreeSet<String> badCapabilities = new TreeSet<>();
    for (Container container : pod.spec().allContainers()) {
      Capabilities capabilities = container.securityContext().capabilities();
      if (capabilities == null) {
        continue;
      }
      boolean valid = true;
      for (String capability : capabilities.add()) {
        if (!ALLOWED_1_0.contains(capability)) {
          valid = false;
          badCapabilities.add(capability);
        }
      }
      if (!valid) {
        bad.add(container.displayName());
        fields.add(container.securityContextPath("capabilities", "add"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "non-default capabilities",
        containers(bad)
            + " must not include "
            + joinQuote(badCapabilities)
            + " in securityContext.capabilities.add",
        bad,
        fields);
  }
}
