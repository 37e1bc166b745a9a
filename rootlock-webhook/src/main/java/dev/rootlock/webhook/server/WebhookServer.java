package dev.rootlock.webhook.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.rootlock.engine.Engine;
import dev.rootlock.kube.client.KubeConnection;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.webhook.admission.AdmissionObjects;
import dev.rootlock.webhook.admission.Mutator;
import dev.rootlock.webhook.admission.NamespaceLabels;
import dev.rootlock.webhook.admission.Validator;
import dev.rootlock.webhook.config.WebhookConfig;
import dev.rootlock.webhook.config.WebhookOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The admission webhook server: HTTPS (TLS 1.3, and TLS 1.2 with ECDHE and AEAD suites only;
 * HTTP/1.1, which is what the API server speaks to webhooks) on the JDK's own server, one virtual
 * thread per exchange, at most {@link #DEFAULT_MAX_CONNECTIONS} connections, each cut off when a
 * request takes longer than 30 s to arrive or a connection is idle for longer than 90 s.
 *
 * <ul>
 *   <li>{@code POST /} and {@code /validate}: the validating webhook;
 *   <li>{@code POST /mutate}: the mutating webhook (opt-in per namespace);
 *   <li>{@code GET /healthz}: 200 while the process serves;
 *   <li>{@code GET /readyz}: 200 once the namespace cache has synced, 503 before and while shutting
 *       down;
 *   <li>{@code GET /metrics}: Prometheus text format.
 * </ul>
 *
 * <p>{@link #close()} shuts down gracefully: it stops being ready, stops accepting connections,
 * lets the reviews in flight finish (up to the grace period), then stops the watches.
 */
public final class WebhookServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(WebhookServer.class.getName());

  /**
   * Connections open at once, beyond which the JDK server closes a new connection as soon as it is
   * accepted ({@code -Djdk.httpserver.maxConnections} overrides it). An idle TLS connection costs
   * the server an engine and its buffers; without a cap, 5,000 of them took the heap the webhook's
   * Deployment gives it. The API server keeps far fewer connections to a webhook than this.
   */
  static final int DEFAULT_MAX_CONNECTIONS = 512;

  /** TLS 1.3's suites: all AEAD, all with forward secrecy. */
  static final List<String> TLS13_CIPHER_SUITES =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  /**
   * TLS 1.2 only with ECDHE and an AEAD cipher (GCM, ChaCha20-Poly1305): no CBC, no SHA-1 MAC, no
   * static RSA key exchange. Every one of them is in Go's defaults, so the API server can connect.
   */
  static final List<String> TLS12_CIPHER_SUITES =
      List.of(
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  static {
    // The JDK server reads these once. A request (headers and body) that takes longer than the API
    // server's longest webhook timeout (30 s) is abandoned by the API server anyway, and a
    // connection idle for longer is not worth a socket. An operator's -D setting wins.
    setIfAbsent("sun.net.httpserver.maxReqTime", "30");
    setIfAbsent("sun.net.httpserver.maxRspTime", "30");
    setIfAbsent("sun.net.httpserver.idleInterval", "90");
    // Without it a response written as headers then body waits for the client's delayed ACK
    // (Nagle), 40 ms on Linux: a webhook's p99 made of nothing but waiting.
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(DEFAULT_MAX_CONNECTIONS));
  }

  private final HttpsServer server;
  private final ExecutorService executor;
  private final CertificateReloader reloader;
  private final NamespaceCache cache;
  private final KubernetesClient client;
  private final boolean ownsClient;
  private final WebhookOptions options;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);

  private WebhookServer(
      WebhookOptions options,
      KubernetesClient client,
      boolean ownsClient,
      Map<String, HttpHandler> extraRoutes)
      throws IOException, GeneralSecurityException {
    this.options = options;
    this.client = client;
    this.ownsClient = ownsClient;
    WebhookConfig config =
        options.configFile() == null
            ? WebhookConfig.DEFAULT
            : WebhookConfig.load(options.configFile());
    this.reloader = new CertificateReloader(options.tlsCertFile(), options.tlsPrivateKeyFile());
    this.cache = new NamespaceCache(client, Clock.systemUTC());
    WebhookMetrics metrics = new WebhookMetrics(cache::age, cache::watching);
    Engine engine = Engine.standard();
    AdmissionObjects objects = new AdmissionObjects(options.kinds());
    Validator validator =
        new Validator(
            engine,
            config,
            options.shadowPsa(),
            cache,
            objects,
            new ClusterPods(client),
            metrics,
            options.exemptions());
    Mutator mutator = new Mutator(engine, objects, config, cache, metrics, options.exemptions());

    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(new KeyManager[] {reloader.keyManager()}, null, null);
    this.server =
        HttpsServer.create(new InetSocketAddress(options.bindAddress(), options.securePort()), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters parameters) {
            SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            ssl.setCipherSuites(cipherSuites(getSSLContext()));
            ssl.setUseCipherSuitesOrder(true);
            ssl.setNeedClientAuth(false);
            parameters.setSSLParameters(ssl);
          }
        });
    ReviewEndpoint validate = new ReviewEndpoint("validate", validator::review, metrics, inFlight);
    server.createContext("/", exactly("/", validate));
    server.createContext("/validate", exactly("/validate", validate));
    server.createContext(
        "/mutate",
        exactly(
            "/mutate",
            new ReviewEndpoint(
                "mutate", (request, timeout) -> mutator.review(request), metrics, inFlight)));
    server.createContext("/healthz", exactly("/healthz", exchange -> text(exchange, 200, "ok")));
    server.createContext(
        "/readyz",
        exactly(
            "/readyz",
            exchange -> {
              if (ready()) {
                text(exchange, 200, "ok");
              } else {
                text(exchange, 503, closing.get() ? "shutting down" : "namespace cache not synced");
              }
            }));
    server.createContext(
        "/metrics",
        exactly(
            "/metrics",
            exchange -> {
              byte[] body = metrics.scrape();
              exchange.getResponseHeaders().set("Content-Type", metrics.contentType());
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            }));
    extraRoutes.forEach((path, handler) -> server.createContext(path, handler));
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
  }

  /**
   * Starts the webhook against the cluster kubectl would pick: {@code --kubeconfig} alone when
   * given, else {@code KUBECONFIG}, {@code ~/.kube/config}, or the in-cluster service account (in a
   * pod, the last). Returns once it listens; it becomes ready when the namespace cache has synced.
   *
   * @throws IOException when no cluster configuration is found or it cannot be used (the message
   *     says which file and why), or the server cannot listen
   * @throws dev.rootlock.webhook.config.InvalidConfigException when the {@code --config} file is
   *     invalid
   */
  public static WebhookServer start(WebhookOptions options)
      throws IOException, GeneralSecurityException {
    KubernetesClient client;
    try {
      client = KubeConnection.ofProcess().openForServer(options.kubeconfig(), null);
    } catch (KubeException e) {
      throw new IOException(e.getMessage(), e);
    }
    try {
      return start(options, client, true, Map.of());
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Starts the webhook against a given client; {@code extraRoutes} serve the benchmark. */
  static WebhookServer start(
      WebhookOptions options,
      KubernetesClient client,
      boolean ownsClient,
      Map<String, HttpHandler> extraRoutes)
      throws IOException, GeneralSecurityException {
    WebhookServer webhook = new WebhookServer(options, client, ownsClient, extraRoutes);
    webhook.server.start();
    webhook.reloader.start(options.certificateCheckInterval());
    webhook
        .cache
        .start()
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                LOG.log(Level.ERROR, "namespace cache failed to start; not ready", failure);
              } else {
                LOG.log(Level.INFO, "namespace cache synced; ready");
              }
            });
    LOG.log(Level.INFO, "rootlock webhook listening on " + webhook.address());
    return webhook;
  }

  /** Where the server listens (the actual port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What {@code /readyz} says: the namespace cache has synced and the server is not closing. */
  public boolean ready() {
    return !closing.get() && cache.synced();
  }

  /** Blocks until {@link #close()} has finished, for a main thread with nothing else to do. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  CertificateReloader reloader() {
    return reloader;
  }

  /** Reviews being handled right now. */
  int inFlight() {
    return inFlight.get();
  }

  NamespaceLabels namespaceLabels() {
    return cache;
  }

  /**
   * Stops gracefully: not ready, no new connections, in-flight reviews finished (waiting at most
   * the grace period), then the watches and the client closed. Idempotent.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      int grace = (int) Math.max(1, Math.ceil(options.shutdownGracePeriod().toMillis() / 1000.0));
      server.stop(grace);
      executor.shutdown();
      if (!executor.awaitTermination(
          options.shutdownGracePeriod().toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    } finally {
      reloader.close();
      cache.close();
      if (ownsClient) {
        client.close();
      }
      closed.countDown();
      LOG.log(Level.INFO, "rootlock webhook stopped");
    }
  }

  /** A context handler that answers 404 for longer paths, which the JDK server routes by prefix. */
  private static HttpHandler exactly(String path, HttpHandler handler) {
    return exchange -> {
      if (!exchange.getRequestURI().getPath().equals(path)) {
        try (exchange) {
          text(exchange, 404, "not found");
        }
        return;
      }
      handler.handle(exchange);
    };
  }

  private static void text(HttpExchange exchange, int code, String message) throws IOException {
    ReviewEndpoint.plain(exchange, code, message);
    exchange.close();
  }

  /** The suites above that this JDK supports, in their order of preference. */
  static String[] cipherSuites(SSLContext tls) {
    List<String> supported = List.of(tls.getSupportedSSLParameters().getCipherSuites());
    return Stream.concat(TLS13_CIPHER_SUITES.stream(), TLS12_CIPHER_SUITES.stream())
        .filter(supported::contains)
        .toArray(String[]::new);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
