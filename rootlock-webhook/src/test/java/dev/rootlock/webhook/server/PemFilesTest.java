package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

  @TempDir Path dir;

  /** The content of PKCS#8's privateKey OCTET STRING: the PKCS#1 key for RSA. */
  private static byte[] innerKey(byte[] pkcs8) {
    int at = 2 + lengthBytes(pkcs8, 1); // into the outer SEQUENCE
    at = skip(pkcs8, at); // version INTEGER
    at = skip(pkcs8, at); // algorithm SEQUENCE
    int length = length(pkcs8, at + 1);
    int start = at + 2 + lengthBytes(pkcs8, at + 1);
    return Arrays.copyOfRange(pkcs8, start, start + length);
  }

  private static int lengthBytes(byte[] der, int at) {
    return (der[at] & 0x80) == 0 ? 0 : der[at] & 0x7f;
  }

  private static int length(byte[] der, int at) {
    int first = der[at] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int value = 0;
    for (int i = 1; i <= (first & 0x7f); i++) {
      value = (value << 8) | (der[at + i] & 0xff);
    }
    return value;
  }

  private static int skip(byte[] der, int at) {
    return at + 2 + lengthBytes(der, at + 1) + length(der, at + 1);
  }

  @Test
  void readsPkcs8AndPkcs1RsaKeys() throws Exception {
    TestCertificates.Pair pair = TestCertificates.generate(dir, "rsa", "RSA");
    String pkcs1 = TestCertificates.pem("RSA PRIVATE KEY", innerKey(pair.key().getEncoded()));

    PemFiles.KeyMaterial fromPkcs8 =
        PemFiles.read(Files.readString(pair.certificateFile()), Files.readString(pair.keyFile()));
    PemFiles.KeyMaterial fromPkcs1 = PemFiles.read(Files.readString(pair.certificateFile()), pkcs1);

    assertThat(fromPkcs8.key()).isEqualTo(pair.key());
    assertThat(fromPkcs1.key()).isEqualTo(pair.key());
    assertThat(fromPkcs1.chain()).containsExactly(pair.certificate());
  }

  @Test
  void readsAnOpensslSec1EcKeyWithItsParametersBlock() throws Exception {
    Process openssl;
    try {
      openssl = new ProcessBuilder("openssl", "ecparam", "-name", "prime256v1", "-genkey").start();
    } catch (java.io.IOException e) {
      openssl = null;
    }
    assumeTrue(openssl != null, "openssl is not installed; skipping the SEC1 key test");
    String pem = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(pem).contains("-----BEGIN EC PARAMETERS-----", "-----BEGIN EC PRIVATE KEY-----");

    PrivateKey key = PemFiles.privateKey(pem);

    assertThat(key).isInstanceOf(ECPrivateKey.class);
    assertThat(((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
  }

  @Test
  void refusesAKeyThatIsNotTheCertificates() throws Exception {
    TestCertificates.Pair one = TestCertificates.generate(dir, "one", "EC");
    TestCertificates.Pair two = TestCertificates.generate(dir, "two", "EC");

    assertThatThrownBy(
            () ->
                PemFiles.read(
                    Files.readString(one.certificateFile()), Files.readString(two.keyFile())))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("the private key does not belong to the certificate CN=one");
  }

  @Test
  void saysWhatIsMissingOrUnusable() {
    assertThatThrownBy(() -> PemFiles.certificates("nothing here"))
        .hasMessage("no PEM CERTIFICATE block in the certificate file");
    assertThatThrownBy(
            () ->
                PemFiles.privateKey(
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
        .hasMessage("no PEM private key block in the key file");
    assertThatThrownBy(
            () ->
                PemFiles.privateKey(
                    "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
        .hasMessage("the private key is encrypted; give it unencrypted");
  }
}
