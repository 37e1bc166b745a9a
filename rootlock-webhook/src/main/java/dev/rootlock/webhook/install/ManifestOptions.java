package dev.rootlock.webhook.install;

import dev.rootlock.model.WorkloadKind;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code rootlock webhook manifests} is asked for.
 *
 * @param namespace where the webhook runs ({@code --namespace}); excluded from its own webhooks
 * @param failurePolicy {@code Fail} or {@code Ignore} ({@code --failure-policy}) for the enforcing
 *     and mutating webhooks; the advisory one for pod controllers is always {@code Ignore}, as
 *     PSA's
 * @param image the image that runs {@code rootlock webhook serve}
 * @param replicas how many webhook pods; at least 2, so that one can be evicted while the other
 *     answers
 * @param certManager whether cert-manager issues the serving certificate and injects the CA
 * @param caBundle the base64 PEM CA bundle for the webhook configurations when cert-manager is not
 *     used, or null to leave a placeholder to fill in
 * @param shadowPsa whether namespaces with PSA's {@code pod-security.kubernetes.io/enforce} label
 *     (and no {@code rootlock.dev/enforce}) are also sent to the enforcing webhook
 * @param workloadKinds the user's custom workload kinds ({@code --workload-kind}), handed to {@code
 *     webhook serve} and sent to the advisory, warn and audit webhooks
 */
public record ManifestOptions(
    String namespace,
    String failurePolicy,
    String image,
    int replicas,
    boolean certManager,
    String caBundle,
    boolean shadowPsa,
    List<WorkloadKind> workloadKinds) {

  public static final String DEFAULT_NAMESPACE = "rootlock-system";

  /**
   * The tag {@code scripts/image} gives the image it builds (held to the project version by a
   * test).
   */
  public static final String DEFAULT_IMAGE = "rootlock/rootlock:0.1.0";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]*");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

  public ManifestOptions {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(failurePolicy, "failurePolicy");
    Objects.requireNonNull(image, "image");
    workloadKinds = List.copyOf(workloadKinds);
    if (!DNS_LABEL.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "--namespace must be a valid namespace name (lower-case letters, digits and '-'), got \""
              + namespace
              + "\"");
    }
    if (namespace.equals("kube-system")) {
      throw new IllegalArgumentException(
          "--namespace kube-system: the webhooks exclude kube-system; give the webhook its own namespace");
    }
    if (!failurePolicy.equals("Fail") && !failurePolicy.equals("Ignore")) {
      throw new IllegalArgumentException(
          "--failure-policy must be Fail or Ignore, got \"" + failurePolicy + "\"");
    }
    if (!IMAGE.matcher(image).matches()) {
      throw new IllegalArgumentException("not an image reference: \"" + image + "\"");
    }
    if (replicas < 2) {
      throw new IllegalArgumentException(
          "replicas must be at least 2 so that a disruption never leaves the API server without"
              + " the webhook, got "
              + replicas);
    }
    if (caBundle != null && !BASE64.matcher(caBundle).matches()) {
      throw new IllegalArgumentException("the CA bundle must be base64 (of the PEM), on one line");
    }
  }

  /** {@code rootlock-system}, {@code Fail}, two replicas, no cert-manager, PSA's labels ignored. */
  public static ManifestOptions defaults() {
    return new ManifestOptions(
        DEFAULT_NAMESPACE, "Fail", DEFAULT_IMAGE, 2, false, null, false, List.of());
  }

  public ManifestOptions withNamespace(String value) {
    return new ManifestOptions(
        value, failurePolicy, image, replicas, certManager, caBundle, shadowPsa, workloadKinds);
  }

  public ManifestOptions withFailurePolicy(String value) {
    return new ManifestOptions(
        namespace, value, image, replicas, certManager, caBundle, shadowPsa, workloadKinds);
  }

  public ManifestOptions withImage(String value) {
    return new ManifestOptions(
        namespace, failurePolicy, value, replicas, certManager, caBundle, shadowPsa, workloadKinds);
  }

  public ManifestOptions withReplicas(int value) {
    return new ManifestOptions(
        namespace, failurePolicy, image, value, certManager, caBundle, shadowPsa, workloadKinds);
  }

  public ManifestOptions withCertManager(boolean value) {
    return new ManifestOptions(
        namespace, failurePolicy, image, replicas, value, caBundle, shadowPsa, workloadKinds);
  }

  public ManifestOptions withCaBundle(String value) {
    return new ManifestOptions(
        namespace, failurePolicy, image, replicas, certManager, value, shadowPsa, workloadKinds);
  }

  public ManifestOptions withShadowPsa(boolean value) {
    return new ManifestOptions(
        namespace, failurePolicy, image, replicas, certManager, caBundle, value, workloadKinds);
  }

  /**
   * With the user's custom workload kinds ({@code --workload-kind}): the webhook is started with
   * them, and their groups are sent to the advisory, warn and audit webhooks.
   */
  public ManifestOptions withWorkloadKinds(List<WorkloadKind> value) {
    return new ManifestOptions(
        namespace, failurePolicy, image, replicas, certManager, caBundle, shadowPsa, value);
  }
}
