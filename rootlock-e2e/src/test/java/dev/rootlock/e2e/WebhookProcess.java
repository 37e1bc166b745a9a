package dev.rootlock.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code rootlock webhook serve} in a JVM of its own, on 127.0.0.1, with the admin kubeconfig for
 * its namespace label cache: a process the tests can kill as a crash would.
 */
final class WebhookProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient client;

  private WebhookProcess(Process process, int port, Path log, HttpClient client) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.client = client;
  }

  /**
   * Starts the webhook with a certificate issued into {@code dir} and waits for /readyz.
   *
   * @param extraFlags more {@code webhook serve} flags, e.g. {@code --shadow-psa}
   */
  static WebhookProcess start(Path dir, String... extraFlags) throws Exception {
    return start(dir, List.of(extraFlags));
  }

  /** {@link #start(Path, String...)} with the flags as a list. */
  static WebhookProcess start(Path dir, List<String> flags) throws Exception {
    Tls.issueServingCertificate(dir);
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = dir.resolve("webhook.log");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.rootlock.cli.Main",
                "webhook",
                "serve",
                "--tls-cert-file=" + dir.resolve("tls.crt"),
                "--tls-private-key-file=" + dir.resolve("tls.key"),
                "--secure-port=" + port,
                "--kubeconfig=" + RealApiServer.admin()));
    command.addAll(flags);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(Tls.trustingCa())
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    WebhookProcess webhook = new WebhookProcess(process, port, log, client);
    webhook.awaitReady(Duration.ofSeconds(60));
    return webhook;
  }

  /** The base URL the API server calls. */
  String url(String path) {
    return "https://127.0.0.1:" + port + path;
  }

  int port() {
    return port;
  }

  /** The value of one sample of {@code /metrics}, 0 when absent. */
  double metric(String sample) throws IOException, InterruptedException {
    String text = get("/metrics").body();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1).strip());
      }
    }
    return 0;
  }

  /** Kills the JVM without warning, as an OOM kill or a node loss would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the webhook exited ("
                + process.exitValue()
                + "): "
                + java.nio.file.Files.readString(log));
      }
      try {
        if (get("/readyz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      if (System.nanoTime() > deadline) {
        kill();
        throw new IllegalStateException(
            "the webhook was not ready within "
                + limit
                + ": "
                + java.nio.file.Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
