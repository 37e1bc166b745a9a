package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * On supported hosts the {@code RuntimeDefault} AppArmor profile confines every container; baseline
 * forbids switching it off ({@code Unconfined}) through either the fields or the beta annotations.
 *
 * <p>Restricted fields: {@code spec.securityContext.appArmorProfile.type} and {@code
 * securityContext.appArmorProfile.type} of every init, regular and ephemeral container. Allowed
 * values: {@code RuntimeDefault}, {@code Localhost}, or no {@code appArmorProfile} at all. Also
 * {@code metadata.annotations["container.apparmor.security.beta.kubernetes.io/*"]}, any suffix,
 * whether or not it names a container. Allowed values: empty, {@code runtime/default}, {@code
 * localhost/*}. The field checks arrived in Kubernetes 1.30 and apply at every policy version.
 */
public final class AppArmorProfileCheck implements Check<Pod> {

  public static final String ID = "appArmorProfile";

  static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "AppArmor must not be disabled: profiles must be RuntimeDefault or Localhost.",
        VersionedCheck.since(0, AppArmorProfileCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> setters = new ArrayList<>();
    TreeSet<String> badTypes = new TreeSet<>();
    List<FieldPath> fields = new ArrayList<>();

    AppArmorProfile podProfile = pod.spec().securityContext().appArmorProfile();
    if (!allowedType(podProfile)) {
      setters.add("pod");
      badTypes.add(typeOf(podProfile));
      fields.add(FieldPath.of("spec", "securityContext", "appArmorProfile", "type"));
    }

    List<String> badContainers = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      AppArmorProfile profile = container.securityContext().appArmorProfile();
      if (!allowedType(profile)) {
        badContainers.add(container.displayName());
        badTypes.add(typeOf(profile));
        fields.add(container.securityContextPath("appArmorProfile", "type"));
      }
    }
    if (!badContainers.isEmpty()) {
      setters.add(containers(badContainers));
    }

    // Sorted by the printed key="value" entry, as PSA sorts them.
    TreeMap<String, String> badAnnotations = new TreeMap<>();
    for (Map.Entry<String, String> annotation : pod.metadata().annotations().entrySet()) {
      if (annotation.getKey().startsWith(ANNOTATION_PREFIX)
          && !allowedAnnotationValue(annotation.getValue())) {
        badAnnotations.put(
            GoQuote.keyValue(annotation.getKey(), annotation.getValue()), annotation.getKey());
      }
    }
    List<String> badValues = new ArrayList<>(badTypes);
    if (!badAnnotations.isEmpty()) {
      setters.add(pluralize("annotation", "annotations", badAnnotations.size()));
      badValues.addAll(badAnnotations.keySet());
      for (String key : badAnnotations.values()) {
        fields.add(FieldPath.of("metadata", "annotations").key(key));
      }
    }

    if (setters.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    // The annotation entries already hold quotes; quoting them again is PSA's literal output.
    return CheckResult.forbidden(
        pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", badValues.size()),
        String.join(" and ", setters)
            + " must not set AppArmor profile type to "
            + joinQuote(badValues),
        badContainers,
        fields);
  }

  /** An absent profile is fine; a present one needs an allowed type (a missing type is bad). */
  private static boolean allowedType(AppArmorProfile profile) {
    return profile == null
        || "RuntimeDefault".equals(profile.type())
        || "Localhost".equals(profile.type());
  }

  private static String typeOf(AppArmorProfile profile) {
    return profile.type() == null ? "" : profile.type();
  }

  private static boolean allowedAnnotationValue(String value) {
    return value.isEmpty() || value.equals("runtime/default") || value.startsWith("localhost/");
  }
}
