package dev.rootlock.cli;

import dev.rootlock.webhook.install.ManifestOptions;
import dev.rootlock.webhook.install.WebhookManifests;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock webhook manifests}: everything needed to install the webhook, as YAML. */
final class WebhookManifestsCommand implements Callable<Integer> {

  CommandSpec spec;

  String namespace;

  String failurePolicy;

  String image;

  int replicas;

  boolean certManager;

  String caBundle;

  boolean shadowPsa;

  WorkloadKindOptions workloadKinds;

  /** The model of {@code rootlock webhook manifests}. */
  static CommandSpec spec() {
    WebhookManifestsCommand manifests = new WebhookManifestsCommand();
    CommandSpec spec = Commands.create(manifests, "manifests");
    manifests.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .descriptionHeading("%n")
        .header("Print the Kubernetes objects that install the webhook.")
        .description(
            "Namespace, ServiceAccount, RBAC (namespaces list/watch, pods list), a Deployment that"
                + " itself passes 'rootlock scan --profile hardened', a PodDisruptionBudget, the"
                + " Service, and the Validating and Mutating webhook configurations.%n%nOnly"
                + " namespaces that opted in are sent. With rootlock's enforce label they go to the"
                + " enforcing webhook (--failure-policy, default Fail); with only warn or audit"
                + " labels, to an advisory one with failurePolicy Ignore; other namespaces, the"
                + " webhook's own and kube-system never. A webhook that is down can only hold up"
                + " pods where enforcement was asked for.")
        .footer(
            "",
            "Examples:",
            "  rootlock webhook manifests --cert-manager | kubectl apply -f -",
            "  rootlock webhook manifests --ca-bundle \"$(base64 -w0 ca.crt)\" > webhook.yaml",
            "  rootlock webhook manifests --cert-manager --shadow-psa | kubectl apply -f -",
            "  rootlock webhook manifests --cert-manager \\",
            "      --workload-kind Workflow.example.com=spec.runner.template");
    spec.addOption(
        Flags.value(String.class, value -> manifests.namespace = value, "--namespace")
            .paramLabel("<namespace>")
            .defaultValue(ManifestOptions.DEFAULT_NAMESPACE)
            .description("Where the webhook runs. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> manifests.failurePolicy = value, "--failure-policy")
            .paramLabel("Fail|Ignore")
            .defaultValue("Fail")
            .description("What the API server does when the webhook cannot answer. Default: Fail.")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> manifests.image = value, "--image")
            .paramLabel("<image>")
            .defaultValue(ManifestOptions.DEFAULT_IMAGE)
            .description("The rootlock image. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.value(int.class, value -> manifests.replicas = value, "--replicas")
            .paramLabel("<n>")
            .defaultValue("2")
            .description("Webhook replicas (2 or more). Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.flag(given -> manifests.certManager = given, "--cert-manager")
            .description("Let cert-manager issue the serving certificate and inject the CA bundle.")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> manifests.caBundle = value, "--ca-bundle")
            .paramLabel("<base64>")
            .description(
                "Base64 PEM CA bundle for the webhook configurations (without cert-manager).")
            .build());
    spec.addOption(
        Flags.flag(given -> manifests.shadowPsa = given, "--shadow-psa")
            .description(
                "Also send namespaces with PSA's enforce label, and no enforce label of"
                    + " rootlock's, to the enforcing webhook, which then judges them by PSA's"
                    + " labels (it runs 'webhook serve --shadow-psa').")
            .build());
    manifests.workloadKinds = WorkloadKindOptions.mixInto(spec);
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() {
    ManifestOptions options;
    try {
      options =
          ManifestOptions.defaults()
              .withNamespace(namespace)
              .withFailurePolicy(failurePolicy)
              .withImage(image)
              .withReplicas(replicas)
              .withCertManager(certManager)
              .withCaBundle(caBundle)
              .withShadowPsa(shadowPsa)
              .withWorkloadKinds(workloadKinds.mappings());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(WebhookManifests.render(options));
    out.flush();
    return 0;
  }
}
