package dev.rootlock.webhook.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files Kubernetes tooling hands out: a certificate chain, and a private key as
 * PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}, cert-manager's default) or
 * SEC1 EC ({@code EC PRIVATE KEY}). The older two are wrapped into PKCS#8 by hand (a few DER
 * bytes), since the JDK reads only PKCS#8.
 */
final class PemFiles {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };
  private static final byte[] EC_PUBLIC_KEY_OID = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };

  private PemFiles() {}

  /**
   * The key material in a pair of files' contents; the key must belong to the first certificate.
   */
  @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
  record KeyMaterial(X509Certificate[] chain, PrivateKey key) {}

  static KeyMaterial read(String certificatePem, String keyPem) throws GeneralSecurityException {
    X509Certificate[] chain = certificates(certificatePem);
    PrivateKey key = privateKey(keyPem);
    if (!matches(key, chain[0])) {
      throw new GeneralSecurityException(
          "the private key does not belong to the certificate "
              + chain[0].getSubjectX500Principal());
    }
    return new KeyMaterial(chain, key);
  }

  static X509Certificate[] certificates(String pem) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(pem);
    while (matcher.find()) {
      if (matcher.group(1).equals("CERTIFICATE")) {
        chain.add(
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(decode(matcher.group(2)))));
      }
    }
    if (chain.isEmpty()) {
      throw new GeneralSecurityException("no PEM CERTIFICATE block in the certificate file");
    }
    return chain.toArray(X509Certificate[]::new);
  }

  static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    Matcher matcher = BLOCK.matcher(pem);
    while (matcher.find()) {
      byte[] der = decode(matcher.group(2));
      switch (matcher.group(1)) {
        case "PRIVATE KEY" -> {
          return pkcs8(der);
        }
        case "RSA PRIVATE KEY" -> {
          return pkcs8(sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, octets(der))));
        }
        case "EC PRIVATE KEY" -> {
          byte[] algorithm = sequence(concat(EC_PUBLIC_KEY_OID, curveOf(der)));
          return pkcs8(sequence(concat(new byte[] {0x02, 0x01, 0x00}, algorithm, octets(der))));
        }
        case "ENCRYPTED PRIVATE KEY" ->
            throw new GeneralSecurityException("the private key is encrypted; give it unencrypted");
        default -> {
          // e.g. EC PARAMETERS written before the key by openssl ecparam -genkey
        }
      }
    }
    throw new GeneralSecurityException("no PEM private key block in the key file");
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new GeneralSecurityException("unsupported private key", last);
  }

  /**
   * Signs a nonce and checks it with the certificate: the one test that works for every algorithm.
   */
  private static boolean matches(PrivateKey key, X509Certificate certificate)
      throws GeneralSecurityException {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
          default -> null;
        };
    if (algorithm == null) {
      return true; // nothing to test with; the TLS handshake will tell
    }
    byte[] nonce = "rootlock key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(nonce);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    try {
      verifier.initVerify(certificate.getPublicKey());
    } catch (java.security.InvalidKeyException e) {
      return false; // a key of another algorithm than the certificate's
    }
    verifier.update(nonce);
    return verifier.verify(signature);
  }

  /** The named curve's OID from a SEC1 ECPrivateKey's {@code [0] parameters}. */
  private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
    int[] outer = header(sec1, 0, 0x30);
    int at = outer[0];
    int end = outer[0] + outer[1];
    while (at < end) {
      int tag = sec1[at] & 0xff;
      int[] element = header(sec1, at, tag);
      if (tag == 0xa0) {
        int[] oid = header(sec1, element[0], 0x06);
        return java.util.Arrays.copyOfRange(sec1, element[0], oid[0] + oid[1]);
      }
      at = element[0] + element[1];
    }
    throw new GeneralSecurityException("the EC private key does not name its curve");
  }

  /** A DER element's content offset and length, checking its tag. */
  private static int[] header(byte[] der, int at, int tag) throws GeneralSecurityException {
    if (at + 2 > der.length || (der[at] & 0xff) != tag) {
      throw new GeneralSecurityException("malformed DER in the private key");
    }
    int length = der[at + 1] & 0xff;
    int offset = at + 2;
    if (length > 0x80) {
      int bytes = length - 0x80;
      if (bytes > 3 || offset + bytes > der.length) {
        throw new GeneralSecurityException("malformed DER in the private key");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[offset + i] & 0xff);
      }
      offset += bytes;
    }
    if (offset + length > der.length) {
      throw new GeneralSecurityException("malformed DER in the private key");
    }
    return new int[] {offset, length};
  }

  private static byte[] sequence(byte[] content) {
    return tagged(0x30, content);
  }

  private static byte[] octets(byte[] content) {
    return tagged(0x04, content);
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] decode(String base64) {
    return Base64.getMimeDecoder().decode(base64);
  }
}
