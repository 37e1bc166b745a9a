package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;

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

/**
 * Capabilities split root's power into pieces; a container that keeps the runtime's default set (or
 * adds more) can still chown, bypass file permissions or bind raw sockets. Restricted pods drop
 * everything and may add back only {@code NET_BIND_SERVICE}, so that a non-root process can still
 * listen on a low port.
 *
 * <p>Restricted fields: {@code spec.containers[*].securityContext.capabilities.drop} and {@code
 * .add}, likewise for {@code initContainers} and {@code ephemeralContainers}. Allowed values:
 * {@code drop} must contain exactly {@code ALL} (a missing securityContext or capabilities object
 * counts as missing the drop); {@code add} may contain only {@code NET_BIND_SERVICE}.
 *
 * <p>Replaces {@code capabilities_baseline} in restricted from v1.22, whose add-list is a subset of
 * this one. From v1.25 Windows pods are skipped: Windows has no Linux capabilities.
 */
public final class CapabilitiesRestrictedCheck implements Check<Pod> {

  public static final String ID = "capabilities_restricted";

  private static final String DROP_ALL = "ALL";
  private static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.",
        VersionedCheck.since(22, CapabilitiesRestrictedCheck::v1_22, CapabilitiesBaselineCheck.ID),
        VersionedCheck.since(25, CapabilitiesRestrictedCheck::v1_25, CapabilitiesBaselineCheck.ID));
  }

  static CheckResult v1_22(Pod pod) {
    List<String> missingDropAll = new ArrayList<>();
    List<String> addingForbidden = new ArrayList<>();
    List<String> forbiddenCapabilities = new ArrayList<>();
    List<Container> atFault = new ArrayList<>();
    List<FieldPath> dropFields = new ArrayList<>();
    List<FieldPath> addFields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      Capabilities capabilities = container.securityContext().capabilities();
      if (capabilities == null) {
        capabilities = Capabilities.NONE;
      }
      boolean dropsAll = capabilities.drop().contains(DROP_ALL);
      if (!dropsAll) {
        missingDropAll.add(container.displayName());
        dropFields.add(container.securityContextPath("capabilities", "drop"));
      }
      boolean addedForbidden = false;
      for (int i = 0; i < capabilities.add().size(); i++) {
        String capability = capabilities.add().get(i);
        if (!NET_BIND_SERVICE.equals(capability)) {
          addedForbidden = true;
          forbiddenCapabilities.add(capability);
          addFields.add(container.securityContextPath("capabilities", "add").index(i));
        }
      }
      if (addedForbidden) {
        addingForbidden.add(container.displayName());
      }
      if (!dropsAll || addedForbidden) {
        atFault.add(container);
      }
    }
    List<String> details = new ArrayList<>();
    if (!missingDropAll.isEmpty()) {
      details.add(
          containers(missingDropAll) + " must set securityContext.capabilities.drop=[\"ALL\"]");
    }
    if (!addingForbidden.isEmpty()) {
      details.add(
          containers(addingForbidden)
              + " must not include "
              + joinQuote(sortedSet(forbiddenCapabilities))
              + " in securityContext.capabilities.add");
    }
    if (details.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<FieldPath> fields = new ArrayList<>(dropFields);
    fields.addAll(addFields);
    return CheckResult.forbidden(
        "unrestricted capabilities",
        String.join("; ", details),
        atFault.stream().map(Container::displayName).toList(),
        fields);
  }

  static CheckResult v1_25(Pod pod) {
    if (pod.spec().isWindows()) {
      return CheckResult.ALLOWED;
    }
    return v1_22(pod);
  }
}
