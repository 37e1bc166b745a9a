package dev.rootlock.webhook.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the certificate and key files and hands a changed pair to the {@link
 * ReloadingKeyManager}. It polls the files' contents rather than using a WatchService, because
 * Kubernetes updates a mounted Secret by swapping a symlink, which file-event APIs report unevenly;
 * a read of two small files every few seconds costs nothing. A pair that does not load (the
 * certificate was written but not yet the key) is skipped and tried again at the next poll; the
 * server keeps the pair it has.
 */
final class CertificateReloader implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CertificateReloader.class.getName());

  private final Path certificateFile;
  private final Path keyFile;
  private final ReloadingKeyManager keyManager;
  private final ScheduledExecutorService poller;
  private final AtomicInteger reloads = new AtomicInteger();
  private byte[] loadedCertificate;
  private byte[] loadedKey;
  private byte[] rejected;

  CertificateReloader(Path certificateFile, Path keyFile)
      throws IOException, GeneralSecurityException {
    this.certificateFile = certificateFile;
    this.keyFile = keyFile;
    this.loadedCertificate = Files.readAllBytes(certificateFile);
    this.loadedKey = Files.readAllBytes(keyFile);
    this.keyManager = new ReloadingKeyManager(material(loadedCertificate, loadedKey));
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "rootlock-webhook-certificate-reloader");
              thread.setDaemon(true);
              return thread;
            });
  }

  ReloadingKeyManager keyManager() {
    return keyManager;
  }

  void start(Duration interval) {
    long millis = Math.max(1, interval.toMillis());
    // Nothing waits on the future: poll() logs the failures it expects, and close() stops it.
    var unused = poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** How many times a new pair was taken into use. */
  int reloads() {
    return reloads.get();
  }

  /** Loads the files if they changed; public to the package so tests need not wait for a poll. */
  synchronized void poll() {
    byte[] certificate;
    byte[] key;
    try {
      certificate = Files.readAllBytes(certificateFile);
      key = Files.readAllBytes(keyFile);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read the TLS files; keeping the current certificate: " + e);
      return;
    }
    if (Arrays.equals(certificate, loadedCertificate) && Arrays.equals(key, loadedKey)) {
      return;
    }
    byte[] both = concat(certificate, key);
    if (Arrays.equals(both, rejected)) {
      return; // already said why; wait for the next change
    }
    try {
      keyManager.swap(material(certificate, key));
    } catch (GeneralSecurityException e) {
      rejected = both;
      LOG.log(
          Level.WARNING,
          "new TLS files do not load yet; keeping the current certificate: " + e.getMessage());
      return;
    }
    loadedCertificate = certificate;
    loadedKey = key;
    rejected = null;
    reloads.incrementAndGet();
    LOG.log(
        Level.INFO,
        "serving the new certificate "
            + keyManager.currentCertificate().getSerialNumber().toString(16));
  }

  private static PemFiles.KeyMaterial material(byte[] certificate, byte[] key)
      throws GeneralSecurityException {
    return PemFiles.read(
        new String(certificate, StandardCharsets.US_ASCII),
        new String(key, StandardCharsets.US_ASCII));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length + 1);
    System.arraycopy(b, 0, out, a.length + 1, b.length);
    return out;
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
