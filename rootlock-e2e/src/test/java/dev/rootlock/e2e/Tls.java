package dev.rootlock.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The webhook's serving certificate, signed with openssl by the CA that scripts/kube-apiserver made
 * for the API server, so that one caBundle serves both.
 */
final class Tls {

  private Tls() {}

  /** Writes {@code tls.crt} and {@code tls.key} for 127.0.0.1 into {@code dir}. */
  static void issueServingCertificate(Path dir) throws IOException, InterruptedException {
    Path pki = RealApiServer.dir().resolve("pki");
    Files.writeString(
        dir.resolve("ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    openssl(
        dir,
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "tls.key",
        "-out",
        "tls.csr",
        "-subj",
        "/CN=rootlock-webhook-e2e");
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        "tls.csr",
        "-CA",
        pki.resolve("ca.crt").toString(),
        "-CAkey",
        pki.resolve("ca.key").toString(),
        "-CAcreateserial",
        "-CAserial",
        "ca.srl",
        "-days",
        "2",
        "-extfile",
        "ext",
        "-out",
        "tls.crt");
  }

  /** The CA as a webhook configuration's {@code caBundle}. */
  static String caBundle() throws IOException {
    return Base64.getEncoder()
        .encodeToString(Files.readAllBytes(RealApiServer.dir().resolve("ca.crt")));
  }

  /** An SSL context that trusts only the test CA. */
  static SSLContext trustingCa() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(RealApiServer.dir().resolve("ca.crt"))) {
      X509Certificate ca =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      store.setCertificateEntry("ca", ca);
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
    }
  }
}
