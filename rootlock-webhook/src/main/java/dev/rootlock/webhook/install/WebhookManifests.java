package dev.rootlock.webhook.install;

import dev.rootlock.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything needed to install the webhook, as one multi-document YAML text ({@code rootlock
 * webhook manifests}): its namespace, service account, the least RBAC it needs (namespaces
 * list/watch for the label cache, pods list for the dry-run of a new enforce level), its config, a
 * Deployment of two or more replicas that itself passes {@code hardened}, a PodDisruptionBudget, a
 * Service, and the webhook configurations.
 *
 * <p>The configurations only send namespaces that opted in (see {@code 07-validating.yaml}): {@code
 * rootlock.dev/enforce} goes to the enforcing webhook with the chosen failure policy; only warn or
 * audit labels go to a second configuration with {@code Ignore}; every other namespace, and always
 * the webhook's own and {@code kube-system}, is never sent, so that an unanswering webhook can only
 * hold up namespaces that asked for enforcement. The text comes from {@link InstallTemplates}, the
 * same files the Helm chart is made from.
 */
public final class WebhookManifests {

  static final String NAME = "rootlock-webhook";
  static final String TLS_SECRET = "rootlock-webhook-tls";

  /** The webhooks' names; the API server prefixes audit annotations with them. */
  static final String ENFORCE_WEBHOOK = "enforce.rootlock.dev";

  static final String ADVISORY_WEBHOOK = "advisory.rootlock.dev";
  static final String MUTATE_WEBHOOK = "mutate.rootlock.dev";

  private WebhookManifests() {}

  /** The manifests, documents separated by {@code ---}. */
  public static String render(ManifestOptions options) {
    String ns = options.namespace();
    Map<String, Boolean> flags = flags(options);
    Map<String, String> values = values(options);
    List<String> documents = new ArrayList<>();
    for (String file : InstallTemplates.FILES) {
      String text = InstallTemplates.expand(file, InstallTemplates.read(file), flags, values);
      for (String document : text.split("(?m)^---\n", -1)) {
        if (hasContent(document)) {
          documents.add(document.endsWith("\n") ? document : document + "\n");
        }
      }
    }
    return "# rootlock admission webhook: kubectl apply -f <this file>\n"
        + (options.certManager()
            ? ""
            : "# The Secret "
                + ns
                + "/"
                + TLS_SECRET
                + " (tls.crt, tls.key) must exist, for the"
                + " DNS name "
                + NAME
                + "."
                + ns
                + ".svc,\n# and caBundle below must hold its CA"
                + " (or use --cert-manager).\n")
        + String.join("---\n", documents);
  }

  /** The templates' {@code #if} flags for these options. */
  static Map<String, Boolean> flags(ManifestOptions options) {
    return Map.of(
        "standalone", true,
        "certManager", options.certManager(),
        "shadowPsa", options.shadowPsa());
  }

  /** The templates' {@code ${name}} values for these options, by name. */
  static Map<String, String> values(ManifestOptions options) {
    String ns = options.namespace();
    return Map.of(
        "namespace",
        ns,
        "image",
        options.image(),
        "replicas",
        Integer.toString(options.replicas()),
        "failurePolicy",
        options.failurePolicy(),
        "caBundle",
        options.caBundle() == null ? "REPLACE-WITH-BASE64-PEM-CA" : options.caBundle(),
        "excludedNamespaces",
        "[\"" + ns + "\", \"kube-system\"]",
        "defaults",
        "{}",
        "exemptions",
        "{\"namespaces\":[],\"runtimeClasses\":[],\"usernames\":[]}",
        "workloadKindArgs",
        workloadKindArgs(options.workloadKinds()),
        "workloadKindRules",
        workloadKindRules(options.workloadKinds()));
  }

  /** {@code webhook serve}'s {@code --workload-kind} flags, one list item a line. */
  static String workloadKindArgs(List<WorkloadKind> kinds) {
    StringBuilder out = new StringBuilder();
    for (WorkloadKind kind : kinds) {
      out.append("- \"--workload-kind=").append(kind.mapping()).append("\"\n");
    }
    return out.toString();
  }

  /**
   * One webhook rule per group of the user's kinds, for every resource of the group: a mapping
   * names the kind, not the resource (its plural), and the manifests are made without a cluster to
   * ask. The webhook judges objects of the mapped kinds and allows every other kind of the group at
   * once, unjudged.
   */
  static String workloadKindRules(List<WorkloadKind> kinds) {
    Set<String> groups = new TreeSet<>();
    kinds.forEach(kind -> groups.addAll(kind.groups()));
    StringBuilder out = new StringBuilder();
    for (String group : groups) {
      out.append("- apiGroups: [\"")
          .append(group)
          .append("\"]\n  apiVersions: [\"*\"]\n  operations: [\"CREATE\", \"UPDATE\"]\n")
          .append("  resources: [\"*\"]\n");
    }
    return out.toString();
  }

  /** Whether a document holds more than comments and blank lines. */
  private static boolean hasContent(String document) {
    return document.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
  }
}
