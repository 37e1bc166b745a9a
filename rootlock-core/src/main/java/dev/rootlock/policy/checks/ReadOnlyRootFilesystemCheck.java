package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A writable root filesystem lets anyone who gains code execution in a container drop tools,
 * replace binaries and plant scripts. Kubernetes leaves the root writable unless each container
 * asks otherwise, and no Pod Security Admission level requires it, so this is rootlock's own rule.
 *
 * <p>Restricted fields: {@code spec.containers[*].securityContext.readOnlyRootFilesystem}, likewise
 * for {@code initContainers} and {@code ephemeralContainers}. Allowed values: true. Unset, false
 * and a value of the wrong type (such as the string {@code "true"}, which never reaches the
 * runtime) fail. Pods with {@code spec.os.name: windows} are exempt: Windows has no read-only root
 * and the API server forbids the field there.
 */
public final class ReadOnlyRootFilesystemCheck implements Check<Pod> {

  public static final String ID = "readOnlyRootFilesystem";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Containers must set securityContext.readOnlyRootFilesystem to true.",
        VersionedCheck.since(0, ReadOnlyRootFilesystemCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    if (pod.spec().isWindows()) {
      return CheckResult.ALLOWED;
    }
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      // A wrong-typed value is null here (and listed in unrecognized): it is not true, so it fails.
      if (!Boolean.TRUE.equals(container.securityContext().readOnlyRootFilesystem())) {
        bad.add(container.displayName());
        fields.add(container.securityContextPath("readOnlyRootFilesystem"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "readOnlyRootFilesystem != true",
        containers(bad) + " must set securityContext.readOnlyRootFilesystem=true",
        bad,
        fields);
  }
}
