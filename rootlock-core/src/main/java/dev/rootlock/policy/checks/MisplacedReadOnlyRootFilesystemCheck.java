package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.sortedSet;

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
 * Two common ways of writing {@code readOnlyRootFilesystem} look hardened but change nothing. The
 * pod-level {@code spec.securityContext} has no such field, so Kubernetes drops it without a word;
 * and a container value that is not a boolean, such as the quoted string {@code "true"}, is not
 * {@code true}. This check explains those mistakes; it never makes a pod compliant, and the {@code
 * readOnlyRootFilesystem} check still fails the containers concerned.
 *
 * <p>Restricted fields: {@code spec.securityContext.readOnlyRootFilesystem} (must be absent), and
 * {@code spec.containers[*].securityContext.readOnlyRootFilesystem}, likewise for {@code
 * initContainers} and {@code ephemeralContainers} (must be a boolean, never a string or number).
 * Pods with {@code spec.os.name: windows} are exempt: the API server forbids the field there, so
 * the advice to set it would be wrong.
 */
public final class MisplacedReadOnlyRootFilesystemCheck implements Check<Pod> {

  public static final String ID = "misplacedReadOnlyRootFilesystem";

  private static final String FIELD = "readOnlyRootFilesystem";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "readOnlyRootFilesystem must be a boolean in each container's securityContext.",
        VersionedCheck.since(0, MisplacedReadOnlyRootFilesystemCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    if (pod.spec().isWindows()) {
      return CheckResult.ALLOWED;
    }
    List<String> parts = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    if (pod.spec().securityContext().unrecognized().containsKey(FIELD)) {
      parts.add(
          "pod must not set securityContext.readOnlyRootFilesystem"
              + " (the field belongs in each container's securityContext)");
      fields.add(FieldPath.of("spec", "securityContext", FIELD));
    }
    List<String> bad = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      String value = container.securityContext().unrecognized().get(FIELD);
      if (value != null) {
        bad.add(container.displayName());
        written.add(value);
        fields.add(container.securityContextPath(FIELD));
      }
    }
    if (!bad.isEmpty()) {
      // The values keep the quotes they were written with, so they are listed without adding more.
      parts.add(
          containers(bad)
              + " must set securityContext.readOnlyRootFilesystem to the boolean true, not "
              + String.join(", ", sortedSet(written)));
    }
    if (parts.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "misplaced readOnlyRootFilesystem", String.join("; ", parts), bad, fields);
  }
}
