package dev.rootlock.webhook.config;

import dev.rootlock.model.WorkloadKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the webhook server; the flags of {@code rootlock webhook serve} (PSA's own webhook
 * uses the same names).
 *
 * @param tlsCertFile {@code --tls-cert-file}: PEM certificate chain, the server's first
 * @param tlsPrivateKeyFile {@code --tls-private-key-file}: PEM key (PKCS#8, PKCS#1 RSA or SEC1 EC)
 * @param securePort {@code --secure-port}, 8443 by default; 0 picks a free port
 * @param configFile {@code --config}: a PodSecurityConfiguration-shaped file, or null for none
 * @param kubeconfig {@code --kubeconfig}, or null for the in-cluster service account (or the usual
 *     kubeconfig lookup outside a cluster)
 * @param bindAddress the address to listen on, {@code 0.0.0.0} by default
 * @param certificateCheckInterval how often the TLS files are checked for a new pair
 * @param shutdownGracePeriod how long {@link dev.rootlock.webhook.server.WebhookServer#close()}
 *     waits for reviews in flight
 * @param kinds the workload kind table: reviews of a custom kind in it are judged at its pod
 *     template's path, like a Deployment's
 * @param exemptions rootlock's exemptions ({@code --rootlock-config}); OFF for none
 * @param shadowPsa {@code --shadow-psa}: a mode a namespace has no {@code rootlock.dev/*} label for
 *     is read from PSA's {@code pod-security.kubernetes.io/*} labels
 */
public record WebhookOptions(
    Path tlsCertFile,
    Path tlsPrivateKeyFile,
    int securePort,
    Path configFile,
    Path kubeconfig,
    String bindAddress,
    Duration certificateCheckInterval,
    Duration shutdownGracePeriod,
    WorkloadKinds kinds,
    boolean shadowPsa,
    dev.rootlock.engine.ExemptionRules exemptions) {

  public static final int DEFAULT_SECURE_PORT = 8443;

  public WebhookOptions {
    Objects.requireNonNull(tlsCertFile, "tlsCertFile");
    Objects.requireNonNull(tlsPrivateKeyFile, "tlsPrivateKeyFile");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(certificateCheckInterval, "certificateCheckInterval");
    Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
    Objects.requireNonNull(kinds, "kinds");
    Objects.requireNonNull(exemptions, "exemptions");
    if (securePort < 0 || securePort > 65535) {
      throw new IllegalArgumentException("--secure-port must be 0-65535, got " + securePort);
    }
  }

  /** The defaults: port 8443 on every address, no config, in-cluster credentials. */
  public static WebhookOptions of(Path tlsCertFile, Path tlsPrivateKeyFile) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        DEFAULT_SECURE_PORT,
        null,
        null,
        "0.0.0.0",
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        WorkloadKinds.builtIn(),
        false,
        dev.rootlock.engine.ExemptionRules.OFF);
  }

  public WebhookOptions withSecurePort(int port) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        port,
        configFile,
        kubeconfig,
        bindAddress,
        certificateCheckInterval,
        shutdownGracePeriod,
        kinds,
        shadowPsa,
        exemptions);
  }

  public WebhookOptions withConfigFile(Path file) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        file,
        kubeconfig,
        bindAddress,
        certificateCheckInterval,
        shutdownGracePeriod,
        kinds,
        shadowPsa,
        exemptions);
  }

  public WebhookOptions withKubeconfig(Path file) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        configFile,
        file,
        bindAddress,
        certificateCheckInterval,
        shutdownGracePeriod,
        kinds,
        shadowPsa,
        exemptions);
  }

  public WebhookOptions withBindAddress(String address) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        configFile,
        kubeconfig,
        address,
        certificateCheckInterval,
        shutdownGracePeriod,
        kinds,
        shadowPsa,
        exemptions);
  }

  public WebhookOptions withCertificateCheckInterval(Duration interval) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        configFile,
        kubeconfig,
        bindAddress,
        interval,
        shutdownGracePeriod,
        kinds,
        shadowPsa,
        exemptions);
  }

  public WebhookOptions withShutdownGracePeriod(Duration period) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        configFile,
        kubeconfig,
        bindAddress,
        certificateCheckInterval,
        period,
        kinds,
        shadowPsa,
        exemptions);
  }

  /** With {@code newKinds}, the table the CLI builds from {@code --workload-kind}. */
  public WebhookOptions withKinds(WorkloadKinds newKinds) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        configFile,
        kubeconfig,
        bindAddress,
        certificateCheckInterval,
        shutdownGracePeriod,
        newKinds,
        shadowPsa,
        exemptions);
  }

  public WebhookOptions withShadowPsa(boolean shadow) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        configFile,
        kubeconfig,
        bindAddress,
        certificateCheckInterval,
        shutdownGracePeriod,
        kinds,
        shadow,
        exemptions);
  }

  /**
   * The exemptions of a {@code .rootlock.yaml} ({@code webhook serve --rootlock-config}), beside
   * the PSA-shaped configuration: a review whose findings they all cover is allowed and counted as
   * exempt.
   */
  public WebhookOptions withExemptions(dev.rootlock.engine.ExemptionRules rules) {
    return new WebhookOptions(
        tlsCertFile,
        tlsPrivateKeyFile,
        securePort,
        configFile,
        kubeconfig,
        bindAddress,
        certificateCheckInterval,
        shutdownGracePeriod,
        kinds,
        shadowPsa,
        rules);
  }
}
