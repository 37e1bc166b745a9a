package dev.rootlock.webhook.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The benchmark's load generator (run by {@code scripts/bench-webhook}, not a test): HTTP/1.1 over
 * keep-alive TLS connections, one platform thread each, requests written and responses parsed by
 * hand so that the client costs little.
 *
 * <p>{@code rate R}: open loop at R requests/s in all; each request's latency counts from when it
 * was due, not from when it was sent, so a stall is charged to every request it delayed (no
 * coordinated omission). {@code saturate}: closed loop, each connection sending as soon as the
 * previous answer arrives.
 *
 * <p>Arguments: {@code port certFile path bodyFile mode(rate|saturate) rate connections seconds
 * label}. Prints one line: label, mode, requests, errors, throughput, p50, p99, p99.9, max (ms).
 */
public final class LoadGenerator {

  /** Requests each connection sends, unmeasured, before the run. */
  private static final int WARM_REQUESTS = 200;

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    X509Certificate certificate;
    try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
      certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    String path = args[2];
    byte[] body = Files.readAllBytes(Path.of(args[3]));
    boolean open = args[4].equals("rate");
    double rate = Double.parseDouble(args[5]);
    int connections = Integer.parseInt(args[6]);
    double seconds = Double.parseDouble(args[7]);
    String label = args[8];

    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    SSLContext tls = TestCertificates.trusting(certificate);

    // Connect and warm this JVM's side (handshakes, class loading, JIT) before the clock starts,
    // so that the generator's own start-up is not charged to the server.
    List<SSLSocket> sockets = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      SSLSocket socket = Worker.connect(tls, port);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      for (int j = 0; j < WARM_REQUESTS; j++) {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        Worker.readResponse(in);
      }
      sockets.add(socket);
    }
    long start = System.nanoTime() + 50_000_000L;
    long end = start + (long) (seconds * 1e9);
    long interval = open ? (long) (1e9 * connections / rate) : 0;
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      long first = start + (open ? i * interval / connections : 0);
      Worker worker = new Worker(tls, port, sockets.get(i), request, first, interval, end);
      workers.add(worker);
      worker.start();
    }
    long total = 0;
    long errors = 0;
    List<long[]> all = new ArrayList<>();
    for (Worker worker : workers) {
      worker.join();
      all.add(Arrays.copyOf(worker.latencies, worker.count));
      total += worker.count;
      errors += worker.errors;
    }
    long[] latencies = new long[(int) total];
    int at = 0;
    for (long[] part : all) {
      System.arraycopy(part, 0, latencies, at, part.length);
      at += part.length;
    }
    Arrays.sort(latencies);
    double elapsed = seconds;
    System.out.printf(
        Locale.ROOT,
        "%s %s requests=%d errors=%d throughput=%.0f/s p50=%.3fms p99=%.3fms p999=%.3fms max=%.3fms%n",
        label,
        open ? "rate=" + (long) rate : "saturate",
        total,
        errors,
        total / elapsed,
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        percentile(latencies, 0.999),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static final class Worker extends Thread {
    private final SSLContext tls;
    private final int port;
    private final SSLSocket connected;
    private final byte[] request;
    private final long first;
    private final long interval;
    private final long end;
    long[] latencies = new long[1 << 16];
    int count;
    long errors;

    Worker(
        SSLContext tls,
        int port,
        SSLSocket connected,
        byte[] request,
        long first,
        long interval,
        long end) {
      this.tls = tls;
      this.port = port;
      this.connected = connected;
      this.request = request;
      this.first = first;
      this.interval = interval;
      this.end = end;
      setDaemon(true);
    }

    @Override
    public void run() {
      SSLSocket socket = connected;
      try {
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        long due = first;
        while (true) {
          long now = System.nanoTime();
          if (interval > 0) {
            if (due >= end) {
              break;
            }
            if (now < due) {
              LockSupport.parkNanos(due - now);
              continue;
            }
          } else {
            if (now >= end) {
              break;
            }
            due = Math.max(now, first);
            if (now < first) {
              LockSupport.parkNanos(first - now);
              continue;
            }
          }
          try {
            out.write(request);
            out.flush();
            if (readResponse(in) != 200) {
              errors++;
            }
          } catch (IOException e) {
            errors++;
            socket.close();
            socket = connect(tls, port);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
          }
          record(System.nanoTime() - due);
          due += interval;
        }
      } catch (IOException e) {
        errors++;
      } finally {
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException ignored) {
            // done anyway
          }
        }
      }
    }

    static SSLSocket connect(SSLContext tls, int port) throws IOException {
      SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
      socket.setTcpNoDelay(true);
      socket.startHandshake();
      return socket;
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    /** Reads one response and returns its status code. */
    static int readResponse(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      int status = -1;
      int contentLength = 0;
      boolean firstLine = true;
      while (true) {
        int c = in.read();
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c == '\n') {
          String text = line.toString().trim();
          line.setLength(0);
          if (text.isEmpty()) {
            break;
          }
          if (firstLine) {
            status = Integer.parseInt(text.substring(9, 12));
            firstLine = false;
          } else if (text.regionMatches(true, 0, "content-length:", 0, 15)) {
            contentLength = Integer.parseInt(text.substring(15).trim());
          }
        } else {
          line.append((char) c);
        }
      }
      in.readNBytes(contentLength);
      return status;
    }
  }
}
