package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Seccomp filters the system calls a container may make, which removes most of the kernel attack
 * surface an escape would use. Without a profile the container runs unconfined, so restricted pods
 * must ask for one.
 *
 * <p>Restricted fields: {@code spec.securityContext.seccompProfile.type} and {@code
 * spec.containers[*].securityContext.seccompProfile.type}, likewise for {@code initContainers} and
 * {@code ephemeralContainers}. Allowed values: {@code RuntimeDefault} or {@code Localhost} at pod
 * level (containers that leave the profile unset inherit it), or on every container. An explicit
 * other type anywhere (including a profile object without a type) fails, and is reported in
 * preference to missing values. The old seccomp annotations are ignored.
 *
 * <p>Replaces {@code seccompProfile_baseline} in restricted from v1.19, when the fields appeared.
 * From v1.25 Windows pods are skipped: Windows has no seccomp.
 */
public final class SeccompProfileRestrictedCheck implements Check<Pod> {

  public static final String ID = "seccompProfile_restricted";

  private static final String REASON = "seccompProfile";
  private static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");
  private static final FieldPath POD_FIELD =
      FieldPath.of("spec", "securityContext", "seccompProfile", "type");

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Pods or all their containers must set seccompProfile.type to RuntimeDefault or Localhost.",
        VersionedCheck.since(
            19, SeccompProfileRestrictedCheck::v1_19, SeccompProfileBaselineCheck.ID),
        VersionedCheck.since(
            25, SeccompProfileRestrictedCheck::v1_25, SeccompProfileBaselineCheck.ID));
  }

  static CheckResult v1_19(Pod pod) {
    List<String> badValues = new ArrayList<>();
    SeccompProfile podProfile = pod.spec().securityContext().seccompProfile();
    boolean podIsBad = podProfile != null && !valid(podProfile);
    boolean podIsSet = podProfile != null && valid(podProfile);
    if (podIsBad) {
      badValues.add(typeOf(podProfile));
    }
    PodOrContainers settings = new PodOrContainers(POD_FIELD);
    for (Container container : pod.spec().allContainers()) {
      SeccompProfile profile = container.securityContext().seccompProfile();
      FieldPath field = container.securityContextPath("seccompProfile", "type");
      if (profile != null && !valid(profile)) {
        settings.bad(container, field);
        badValues.add(typeOf(profile));
      } else if (profile == null && !podIsSet) {
        settings.missing(container, field);
      }
    }
    return settings.result(
        REASON,
        podIsBad,
        "must not set securityContext.seccompProfile.type to " + joinQuote(sortedSet(badValues)),
        "must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
  }

  static CheckResult v1_25(Pod pod) {
    if (pod.spec().isWindows()) {
      return CheckResult.ALLOWED;
    }
    return v1_19(pod);
  }

  private static boolean valid(SeccompProfile profile) {
    return profile.type() != null && ALLOWED_TYPES.contains(profile.type());
  }

  /** A profile object without a type has the empty type, as in the Kubernetes API. */
  private static String typeOf(SeccompProfile profile) {
    return profile.type() == null ? "" : profile.type();
  }
}
