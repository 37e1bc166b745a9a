package dev.rootlock.webhook.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The real webhook ({@link BenchServer}: the server, its mock API server and namespace labels) in a
 * JVM of its own, with a heap as small as the Deployment gives it, so that a test can measure its
 * memory from the outside: resident set size and its high-water mark from {@code /proc}, not a
 * figure the JVM reports about itself.
 */
final class ChildWebhook implements AutoCloseable {

  final Path dir;
  final Process process;
  final int port;
  final SSLContext tls;

  private ChildWebhook(Path dir, Process process, int port, SSLContext tls) {
    this.dir = dir;
    this.process = process;
    this.port = port;
    this.tls = tls;
  }

  /**
   * Starts the child with {@code -Xms} = {@code -Xmx} = {@code heapMegabytes}, the heap touched at
   * start (so that RSS growth afterwards is what the heap cannot explain: threads, buffers,
   * metaspace) and the serial collector, which the JVM picks itself in a pod of at most 2 CPUs.
   */
  static ChildWebhook start(Path dir, int heapMegabytes, String... jvmOptions)
      throws IOException, InterruptedException, GeneralSecurityException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms" + heapMegabytes + "m");
    command.add("-Xmx" + heapMegabytes + "m");
    command.add("-XX:+AlwaysPreTouch");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("--sun-misc-unsafe-memory-access=allow");
    String logging = System.getProperty("java.util.logging.config.file");
    if (logging != null) {
      command.add("-Djava.util.logging.config.file=" + logging);
    }
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(classPath());
    command.add(BenchServer.class.getName());
    command.add(dir.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    Path portFile = dir.resolve("port");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(portFile)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException("the child webhook did not start:\n" + log(dir));
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readString(portFile).trim());
    X509Certificate certificate;
    try (InputStream in = Files.newInputStream(dir.resolve("localhost.crt"))) {
      certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    return new ChildWebhook(dir, process, port, TestCertificates.trusting(certificate));
  }

  /** Surefire puts the test class path in a manifest-only jar; the real one is in this property. */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
  }

  static String log(Path dir) {
    try {
      return Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  String log() {
    return log(dir) + (process.isAlive() ? "" : "\n(exited with " + process.exitValue() + ")");
  }

  /** Resident set size now, in KiB ({@code VmRSS}). */
  long rssKib() throws IOException {
    return status("VmRSS:");
  }

  /** The highest resident set size so far, in KiB ({@code VmHWM}). */
  long peakRssKib() throws IOException {
    return status("VmHWM:");
  }

  private long status(String field) throws IOException {
    Path file = Path.of("/proc", Long.toString(process.pid()), "status");
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
      }
    }
    throw new IOException(field + " not in /proc/" + process.pid() + "/status");
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws IOException {
    Files.writeString(dir.resolve("stop"), "");
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
