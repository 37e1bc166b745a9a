package dev.rootlock.webhook.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed serving certificates made in the test with the JDK's own {@code keytool}, offline,
 * written as the PEM pair the webhook reads.
 */
final class TestCertificates {

  private static final char[] PASSWORD = "changeit".toCharArray();

  /** A generated pair: the PEM files and the certificate itself. */
  record Pair(Path certificateFile, Path keyFile, X509Certificate certificate, PrivateKey key) {

    /** A client TLS context that trusts exactly this certificate. */
    SSLContext trustingContext() throws GeneralSecurityException, IOException {
      return trusting(certificate);
    }
  }

  private TestCertificates() {}

  /**
   * Generates a key pair and a certificate for {@code localhost} and {@code 127.0.0.1}.
   *
   * @param keyAlgorithm {@code EC} or {@code RSA}
   */
  static Pair generate(Path dir, String name, String keyAlgorithm)
      throws IOException, InterruptedException, GeneralSecurityException {
    Files.createDirectories(dir);
    Path store = dir.resolve(name + ".p12");
    Files.deleteIfExists(store);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                keyAlgorithm,
                "-keysize",
                keyAlgorithm.equals("RSA") ? "2048" : "256",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD);
    }
    X509Certificate certificate = (X509Certificate) keyStore.getCertificate("server");
    PrivateKey key = (PrivateKey) keyStore.getKey("server", PASSWORD);
    Path certificateFile = dir.resolve(name + ".crt");
    Path keyFile = dir.resolve(name + ".key");
    Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
    return new Pair(certificateFile, keyFile, certificate, key);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  static SSLContext trusting(X509Certificate... certificates)
      throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (int i = 0; i < certificates.length; i++) {
      trust.setCertificateEntry("ca" + i, certificates[i]);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
