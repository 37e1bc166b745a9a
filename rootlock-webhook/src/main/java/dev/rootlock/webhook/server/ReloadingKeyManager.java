package dev.rootlock.webhook.server;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A server key manager whose certificate and key can be swapped while the server runs: each
 * handshake asks the current generation, so new connections get the new certificate and open ones
 * keep the session they have. Every generation has its own alias, and a few old generations stay
 * reachable, so a handshake that chose its alias just before a swap still gets a chain and key that
 * belong together.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

  private static final int GENERATIONS_KEPT = 4;

  private record Generation(String alias, X509ExtendedKeyManager delegate) {}

  private final AtomicLong counter = new AtomicLong();
  private final AtomicReference<Generation> current = new AtomicReference<>();
  private final Map<String, Generation> byAlias = new ConcurrentHashMap<>();

  ReloadingKeyManager(PemFiles.KeyMaterial material) throws GeneralSecurityException {
    swap(material);
  }

  /** Makes {@code material} the one new handshakes use. */
  void swap(PemFiles.KeyMaterial material) throws GeneralSecurityException {
    long number = counter.incrementAndGet();
    String alias = "rootlock-" + number;
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    char[] password = new char[0];
    store.setKeyEntry(alias, material.key(), password, material.chain());
    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
    factory.init(store, password);
    X509ExtendedKeyManager delegate = null;
    for (KeyManager manager : factory.getKeyManagers()) {
      if (manager instanceof X509ExtendedKeyManager extended) {
        delegate = extended;
      }
    }
    if (delegate == null) {
      throw new GeneralSecurityException("no X509ExtendedKeyManager from SunX509");
    }
    Generation generation = new Generation(alias, delegate);
    byAlias.put(alias, generation);
    current.set(generation);
    byAlias.remove("rootlock-" + (number - GENERATIONS_KEPT));
  }

  /** The certificate new handshakes present. */
  X509Certificate currentCertificate() {
    Generation generation = current.get();
    return generation.delegate().getCertificateChain(generation.alias())[0];
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return current.get().delegate().chooseEngineServerAlias(keyType, issuers, engine);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return current.get().delegate().chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return current.get().delegate().getServerAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Generation generation = alias == null ? null : byAlias.get(alias);
    return generation == null ? null : generation.delegate().getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Generation generation = alias == null ? null : byAlias.get(alias);
    return generation == null ? null : generation.delegate().getPrivateKey(alias);
  }

  // The webhook never authenticates itself as a client.

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
