package dev.rootlock.cli;

import dev.rootlock.webhook.install.ManifestOptions;
import dev.rootlock.webhook.install.WebhookManifests;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rootlock webhook manifests}: everything needed to install the webhook, as YAML. */
@Command(
    name = "manifests",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    descriptionHeading = "%n",
    header = "Print the Kubernetes objects that install the webhook.",
    description =
        "Namespace, ServiceAccount, RBAC (namespaces list/watch, pods list), a Deployment that"
            + " itself passes 'rootlock scan --profile hardened', a PodDisruptionBudget, the"
            + " Service, and the Validating and Mutating webhook configurations.%n%n"
            + "Only namespaces that opted in are sent. With rootlock's enforce label"
            + " they go to the enforcing webhook (--failure-policy,"
            + " default Fail); with only warn or audit labels, to an advisory one with"
            + " failurePolicy Ignore; other namespaces, the webhook's own and kube-system never."
            + " A webhook that is down can only hold up pods where enforcement was asked for.",
    footer = {
      "",
      "Examples:",
      "  rootlock webhook manifests --cert-manager | kubectl apply -f -",
      "  rootlock webhook manifests --ca-bundle \"$(base64 -w0 ca.crt)\" > webhook.yaml",
      "  rootlock webhook manifests --cert-manager --shadow-psa | kubectl apply -f -",
      "  rootlock webhook manifests --cert-manager \\",
      "      --workload-kind Workflow.example.com=spec.runner.template",
    })
final class WebhookManifestsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--namespace",
      paramLabel = "<namespace>",
      defaultValue = ManifestOptions.DEFAULT_NAMESPACE,
      description = "Where the webhook runs. Default: ${DEFAULT-VALUE}.")
  String namespace;

  @Option(
      names = "--failure-policy",
      paramLabel = "Fail|Ignore",
      defaultValue = "Fail",
      description = "What the API server does when the webhook cannot answer. Default: Fail.")
  String failurePolicy;

  @Option(
      names = "--image",
      paramLabel = "<image>",
      defaultValue = ManifestOptions.DEFAULT_IMAGE,
      description = "The rootlock image. Default: ${DEFAULT-VALUE}.")
  String image;

  @Option(
      names = "--replicas",
      paramLabel = "<n>",
      defaultValue = "2",
      description = "Webhook replicas (2 or more). Default: ${DEFAULT-VALUE}.")
  int replicas;

  @Option(
      names = "--cert-manager",
      description = "Let cert-manager issue the serving certificate and inject the CA bundle.")
  boolean certManager;

  @Option(
      names = "--ca-bundle",
      paramLabel = "<base64>",
      description = "Base64 PEM CA bundle for the webhook configurations (without cert-manager).")
  String caBundle;

  @Option(
      names = "--shadow-psa",
      description =
          "Also send namespaces with PSA's enforce label, and no enforce label of"
              + " rootlock's, to the enforcing webhook, which then judges them by PSA's"
              + " labels (it runs 'webhook serve --shadow-psa').")
  boolean shadowPsa;

  @Mixin WorkloadKindOptions workloadKinds;

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
