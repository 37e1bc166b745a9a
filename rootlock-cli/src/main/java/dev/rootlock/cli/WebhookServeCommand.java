package dev.rootlock.cli;

import dev.rootlock.webhook.config.WebhookOptions;
import dev.rootlock.webhook.server.WebhookServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rootlock webhook serve}: run the HTTPS admission server until told to stop. */
final class WebhookServeCommand implements Callable<Integer> {

  CommandSpec spec;

  Path certFile;

  Path keyFile;

  int port;

  Path config;

  Path rootlockConfig;

  Path kubeconfig;

  WorkloadKindOptions workloadKinds;

  String bindAddress;

  boolean shadowPsa;

  /** The model of {@code rootlock webhook serve}. */
  static CommandSpec spec() {
    WebhookServeCommand serve = new WebhookServeCommand();
    CommandSpec spec = Commands.create(serve, "serve");
    serve.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .descriptionHeading("%n")
        .header("Serve AdmissionReviews over HTTPS (the flags of PSA's own webhook).")
        .description(
            "Serves /validate (also /), /mutate, /healthz, /readyz (ready once the namespace cache"
                + " has synced) and /metrics on the secure port. The certificate and key are"
                + " reloaded when their files change. SIGTERM finishes the reviews in flight, then"
                + " exits. An object of a --workload-kind (or of DeploymentConfig, Argo Rollout,"
                + " Knative Service) is judged at its pod template like a Deployment: warned about"
                + " and audited.")
        .footer(
            "",
            "Example:",
            "  rootlock webhook serve --tls-cert-file /tls/tls.crt \\",
            "      --tls-private-key-file /tls/tls.key",
            "",
            "Exit codes: 0 stopped cleanly, 2 bad flags, configuration or certificate.");
    spec.addOption(
        Flags.file(file -> serve.certFile = file, "--tls-cert-file")
            .required(true)
            .description("PEM certificate (chain) to serve.")
            .build());
    spec.addOption(
        Flags.file(file -> serve.keyFile = file, "--tls-private-key-file")
            .required(true)
            .description("PEM private key (PKCS#8, PKCS#1 or SEC1) of the certificate.")
            .build());
    spec.addOption(
        Flags.value(int.class, value -> serve.port = value, "--secure-port")
            .paramLabel("<port>")
            .defaultValue("8443")
            .description("HTTPS port. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.file(file -> serve.config = file, "--config")
            .description(
                "A PodSecurityConfiguration-shaped file: defaults and exemptions (hardened"
                    + " allowed).")
            .build());
    spec.addOption(
        Flags.file(file -> serve.rootlockConfig = file, "--rootlock-config")
            .description(
                "A .rootlock.yaml whose exemptions the webhook honours (beside --config's PSA"
                    + " ones); reviews they allow carry a rootlock-exempt audit annotation.")
            .build());
    spec.addOption(
        Flags.file(file -> serve.kubeconfig = file, "--kubeconfig")
            .description(
                "Where to read namespace labels from. Default: the in-cluster service account.")
            .build());
    serve.workloadKinds = WorkloadKindOptions.mixInto(spec);
    spec.addOption(
        Flags.value(String.class, value -> serve.bindAddress = value, "--bind-address")
            .paramLabel("<ip>")
            .defaultValue("0.0.0.0")
            .description("The address to listen on. Default: ${DEFAULT-VALUE} (every address).")
            .build());
    spec.addOption(
        Flags.flag(given -> serve.shadowPsa = given, "--shadow-psa")
            .description(
                "Read PSA's pod-security.kubernetes.io/* labels for any mode (enforce, audit, warn)"
                    + " a namespace has no rootlock.dev/* label for, as 'webhook manifests"
                    + " --shadow-psa' routes such namespaces here.")
            .build());
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() throws Exception {
    WebhookOptions options =
        WebhookOptions.of(certFile, keyFile)
            .withSecurePort(port)
            .withConfigFile(config)
            .withKubeconfig(kubeconfig)
            .withKinds(workloadKinds.kinds())
            .withShadowPsa(shadowPsa)
            .withBindAddress(bindAddress);
    if (new java.net.InetSocketAddress(bindAddress, 0).isUnresolved()) {
      throw new UserException("--bind-address: cannot resolve \"" + bindAddress + "\"");
    }
    if (rootlockConfig != null) {
      java.util.Set<String> checks = dev.rootlock.engine.Engine.standard().checkIds();
      dev.rootlock.engine.Configuration read;
      try {
        read = dev.rootlock.engine.Configuration.read(rootlockConfig, checks);
      } catch (dev.rootlock.engine.InvalidInputException e) {
        throw new UserException(e.getMessage(), e);
      }
      // The Validator re-judges expiry on each review's day (ExemptionRules.on).
      options =
          options.withExemptions(
              read.exemptionRules(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
    }
    WebhookServer server;
    try {
      server = WebhookServer.start(options);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserException("cannot start the webhook: no such file: " + e.getMessage(), e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UserException("cannot start the webhook: permission denied: " + e.getMessage(), e);
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new UserException("cannot start the webhook: " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "rootlock-webhook-shutdown"));
    server.awaitClosed();
    return 0;
  }
}
