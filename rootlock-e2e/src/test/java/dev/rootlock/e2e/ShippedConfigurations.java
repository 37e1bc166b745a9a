package dev.rootlock.e2e;

import dev.rootlock.cli.Main;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook configurations exactly as {@code rootlock webhook manifests} prints them (the routing
 * of issue 14 item 3, the same files the Helm chart is made from), with one change: each webhook's
 * {@code clientConfig.service} becomes a {@code url} to the loopback webhook with the same path,
 * since this API server has no Service network. The caBundle goes in through {@code --ca-bundle},
 * as a user would pass it. So the namespaceSelectors, rules, failure policies and timeouts the
 * tests meet are the ones shipped.
 */
final class ShippedConfigurations {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final List<HasMetadata> objects;

  private ShippedConfigurations(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /**
   * @param extraFlags more {@code webhook manifests} flags, e.g. {@code --shadow-psa}
   */
  static ShippedConfigurations of(WebhookProcess webhook, String caBundle, String... extraFlags) {
    List<String> args = new ArrayList<>(List.of("webhook", "manifests", "--ca-bundle", caBundle));
    args.addAll(List.of(extraFlags));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("webhook manifests exited " + exit + ": " + err);
    }
    List<HasMetadata> configurations = new ArrayList<>();
    for (String document : out.toString().split("(?m)^---$", -1)) {
      if (document.isBlank()) {
        continue;
      }
      Object object = SERIALIZATION.unmarshal(document);
      if (object instanceof ValidatingWebhookConfiguration validating) {
        validating.getWebhooks().forEach(w -> pointAt(webhook, w.getClientConfig()));
        configurations.add(validating);
      } else if (object instanceof MutatingWebhookConfiguration mutating) {
        mutating.getWebhooks().forEach(w -> pointAt(webhook, w.getClientConfig()));
        configurations.add(mutating);
      }
    }
    if (configurations.isEmpty()) {
      throw new IllegalStateException("webhook manifests printed no webhook configuration");
    }
    return new ShippedConfigurations(List.copyOf(configurations));
  }

  private static void pointAt(WebhookProcess webhook, WebhookClientConfig clientConfig) {
    String path = clientConfig.getService().getPath();
    clientConfig.setService(null);
    clientConfig.setUrl(webhook.url(path));
  }

  /** The objects as YAML documents, for {@code kubectl apply}. */
  String yaml() {
    StringBuilder yaml = new StringBuilder();
    for (HasMetadata object : objects) {
      String text = SERIALIZATION.asYaml(object);
      yaml.append(text.startsWith("---") ? text : "---\n" + text);
      if (!text.endsWith("\n")) {
        yaml.append('\n');
      }
    }
    return yaml.toString();
  }

  /**
   * {@code kubectl delete} arguments for each object, e.g. {@code [validatingwebhookconfiguration,
   * name]}.
   */
  List<String[]> deletions() {
    return objects.stream()
        .map(
            o ->
                new String[] {
                  o.getKind().toLowerCase(java.util.Locale.ROOT), o.getMetadata().getName()
                })
        .toList();
  }
}
