package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;
import static dev.rootlock.policy.Messages.setters;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Seccomp filters the system calls a container may make; baseline forbids turning the filter off
 * ({@code Unconfined}) when a profile is given, but does not require one.
 *
 * <p>v1.0–v1.18, annotations only: {@code
 * metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]} and {@code
 * metadata.annotations["container.seccomp.security.alpha.kubernetes.io/<name>"]} for each container
 * in the pod. Allowed values: {@code runtime/default}, {@code docker/default}, {@code localhost/*},
 * absent (an empty value is forbidden). v1.19+, fields only: {@code
 * spec.securityContext.seccompProfile.type} and {@code securityContext.seccompProfile.type} of
 * every init, regular and ephemeral container. Allowed values: {@code RuntimeDefault}, {@code
 * Localhost}, no {@code seccompProfile} at all. Restricted replaces this check from v1.19.
 */
public final class SeccompProfileBaselineCheck implements Check<Pod> {

  public static final String ID = "seccompProfile_baseline";

  static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  static final String CONTAINER_ANNOTATION_PREFIX =
      "container.seccomp.security.alpha.kubernetes.io/";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Seccomp profiles, when set, must be RuntimeDefault or Localhost.",
        VersionedCheck.since(0, SeccompProfileBaselineCheck::v1_0),
        VersionedCheck.since(19, SeccompProfileBaselineCheck::v1_19));
  }

  /** A forbidden annotation's key, and the container it names (null for the pod's). */
  private record BadAnnotation(String key, String container) {}

  static CheckResult v1_0(Pod pod) {
    Map<String, String> annotations = pod.metadata().annotations();
    // Keyed by the printed entry: sorted and de-duplicated, as PSA's set of strings is.
    TreeMap<String, BadAnnotation> forbidden = new TreeMap<>();
    String podValue = annotations.get(POD_ANNOTATION);
    if (podValue != null && !allowedAnnotationValue(podValue)) {
      forbidden.put(
          GoQuote.keyValue(POD_ANNOTATION, podValue), new BadAnnotation(POD_ANNOTATION, null));
    }
    // Only annotations naming a container of this pod count.
    for (Container container : pod.spec().allContainers()) {
      String key = CONTAINER_ANNOTATION_PREFIX + container.name();
      String value = annotations.get(key);
      if (value != null && !allowedAnnotationValue(value)) {
        forbidden.put(
            GoQuote.keyValue(key, value), new BadAnnotation(key, container.displayName()));
      }
    }
    if (forbidden.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    SequencedSet<String> containers = new LinkedHashSet<>();
    List<FieldPath> fields = new ArrayList<>();
    for (BadAnnotation annotation : forbidden.values()) {
      fields.add(FieldPath.of("metadata", "annotations").key(annotation.key()));
      if (annotation.container() != null) {
        containers.add(annotation.container());
      }
    }
    return CheckResult.forbidden(
        "seccompProfile",
        "forbidden "
            + pluralize("annotation", "annotations", forbidden.size())
            + " "
            + String.join(", ", forbidden.keySet()),
        List.copyOf(containers),
        fields);
  }

  static CheckResult v1_19(Pod pod) {
    TreeSet<String> badTypes = new TreeSet<>();
    List<FieldPath> fields = new ArrayList<>();
    SeccompProfile podProfile = pod.spec().securityContext().seccompProfile();
    boolean badPod = podProfile != null && !allowedType(podProfile);
    if (badPod) {
      badTypes.add(typeOf(podProfile));
      fields.add(FieldPath.of("spec", "securityContext", "seccompProfile", "type"));
    }
    List<String> bad = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      SeccompProfile profile = container.securityContext().seccompProfile();
      if (profile != null && !allowedType(profile)) {
        bad.add(container.displayName());
        badTypes.add(typeOf(profile));
        fields.add(container.securityContextPath("seccompProfile", "type"));
      }
    }
    if (!badPod && bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "seccompProfile",
        setters(badPod, bad)
            + " must not set securityContext.seccompProfile.type to "
            + joinQuote(badTypes),
        bad,
        fields);
  }

  private static boolean allowedAnnotationValue(String value) {
    return value.equals("runtime/default")
        || value.equals("docker/default")
        || value.startsWith("localhost/");
  }

  private static boolean allowedType(SeccompProfile profile) {
    return "RuntimeDefault".equals(profile.type()) || "Localhost".equals(profile.type());
  }

  private static String typeOf(SeccompProfile profile) {
    return profile.type() == null ? "" : profile.type();
  }
}
