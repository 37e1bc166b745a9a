package dev.rootlock.webhook.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTPS connection that posts requests and reads whole responses, as the API server
 * does to a webhook: nothing pooled or retried behind the test's back.
 */
final class RawReviews implements AutoCloseable {

  /** A response: status code and body. */
  record Response(int code, String body) {}

  private final SSLSocket socket;
  private final InputStream in;
  private final OutputStream out;

  RawReviews(SSLContext tls, int port) throws IOException {
    socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
    socket.setSoTimeout(20_000);
    socket.startHandshake();
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  Response post(String path, byte[] body) throws IOException {
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return read(in);
  }

  Response get(String path) throws IOException {
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return read(in);
  }

  /** Reads one response with a {@code Content-Length}. */
  static Response read(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed after " + head.length() + " bytes: " + head);
      }
      head.append((char) c);
    }
    String[] lines = head.toString().split("\r\n", -1);
    int code = Integer.parseInt(lines[0].split(" ", -1)[1]);
    int length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("body cut short at " + body.length + " of " + length + " bytes");
    }
    return new Response(code, new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
