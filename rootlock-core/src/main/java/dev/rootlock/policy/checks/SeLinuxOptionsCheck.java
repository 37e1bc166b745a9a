package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;
import static dev.rootlock.policy.Messages.setters;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * SELinux confines containers by type; setting a custom type, user or role can escape that
 * confinement, so baseline allows only the container types.
 *
 * <p>Restricted fields: {@code spec.securityContext.seLinuxOptions} and {@code
 * securityContext.seLinuxOptions} of every init, regular and ephemeral container. Allowed values:
 * {@code type} empty, unset, {@code container_t}, {@code container_init_t} or {@code
 * container_kvm_t} (and {@code container_engine_t} from v1.31); {@code user} and {@code role} empty
 * or unset. {@code level} is not checked.
 */
public final class SeLinuxOptionsCheck implements Check<Pod> {

  public static final String ID = "seLinuxOptions";

  static final Set<String> ALLOWED_TYPES_1_0 =
      Set.of("", "container_t", "container_init_t", "container_kvm_t");

  static final Set<String> ALLOWED_TYPES_1_31 =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "SELinux options may only pick a container type; user and role must not be set.",
        VersionedCheck.since(0, SeLinuxOptionsCheck::v1_0),
        VersionedCheck.since(31, SeLinuxOptionsCheck::v1_31));
  }

  static CheckResult v1_0(Pod pod) {
    return check(pod, ALLOWED_TYPES_1_0);
  }

  static CheckResult v1_31(Pod pod) {
    return check(pod, ALLOWED_TYPES_1_31);
  }

  private static CheckResult check(Pod pod, Set<String> allowedTypes) {
    Findings findings = new Findings(allowedTypes);
    boolean badPod =
        findings.forbids(
            pod.spec().securityContext().seLinuxOptions(),
            FieldPath.of("spec", "securityContext", "seLinuxOptions"));
    List<String> bad = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      if (findings.forbids(
          container.securityContext().seLinuxOptions(),
          container.securityContextPath("seLinuxOptions"))) {
        bad.add(container.displayName());
      }
    }
    if (!badPod && bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "seLinuxOptions",
        setters(badPod, bad)
            + " set forbidden securityContext.seLinuxOptions: "
            + findings.describe(),
        bad,
        findings.fields);
  }

  /** What one evaluation found wrong, across the pod and all its containers. */
  private static final class Findings {
    private final Set<String> allowedTypes;
    private final TreeSet<String> badTypes = new TreeSet<>();
    private final List<FieldPath> fields = new ArrayList<>();
    private boolean setUser;
    private boolean setRole;

    Findings(Set<String> allowedTypes) {
      this.allowedTypes = allowedTypes;
    }

    /** Records what is wrong with {@code options} at {@code path}; true when anything is. */
    boolean forbids(SeLinuxOptions options, FieldPath path) {
      if (options == null) {
        return false;
      }
      boolean forbidden = false;
      String type = options.type() == null ? "" : options.type();
      if (!allowedTypes.contains(type)) {
        forbidden = true;
        badTypes.add(type);
        fields.add(path.key("type"));
      }
      if (options.user() != null && !options.user().isEmpty()) {
        forbidden = true;
        setUser = true;
        fields.add(path.key("user"));
      }
      if (options.role() != null && !options.role().isEmpty()) {
        forbidden = true;
        setRole = true;
        fields.add(path.key("role"));
      }
      return forbidden;
    }

    /** PSA's parts, in its order: bad types, then user, then role. */
    String describe() {
      List<String> parts = new ArrayList<>();
      if (!badTypes.isEmpty()) {
        parts.add(pluralize("type", "types", badTypes.size()) + " " + joinQuote(badTypes));
      }
      if (setUser) {
        parts.add("user may not be set");
      }
      if (setRole) {
        parts.add("role may not be set");
      }
      return String.join("; ", parts);
    }
  }
}
