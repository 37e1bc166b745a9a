package dev.rootlock.webhook.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rootlock.text.GoDurations;
import dev.rootlock.webhook.admission.AdmissionRequest;
import dev.rootlock.webhook.admission.AdmissionResponse;
import dev.rootlock.webhook.admission.AdmissionReviews;
import dev.rootlock.webhook.admission.BadReviewException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * One AdmissionReview endpoint ({@code /validate}, {@code /mutate}): checks the HTTP envelope the
 * way PSA's webhook does (POST, a body of at most 3 MiB, {@code Content-Type: application/json}),
 * reads the review, asks the reviewer, and writes the answer with the request's {@code uid}. A body
 * that is not a usable review gets a plain-text 4xx. Every path answers with a status line: a
 * reviewer that fails gets a well-formed {@code InternalError} review, any other failure a plain
 * 500.
 */
final class ReviewEndpoint implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(ReviewEndpoint.class.getName());

  /** PSA's limit, which is also the API server's own request size limit for objects. */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  /**
   * How much of an oversized body is read and thrown away so that the client, still sending, can
   * read the 413 instead of a connection reset. Beyond this the connection is just closed.
   */
  static final long MAX_DRAINED_BYTES = 4L * MAX_BODY_BYTES;

  private final String name;
  private final BiFunction<AdmissionRequest, Duration, AdmissionResponse> reviewer;
  private final WebhookMetrics metrics;
  private final AtomicInteger inFlight;

  ReviewEndpoint(
      String name,
      BiFunction<AdmissionRequest, Duration, AdmissionResponse> reviewer,
      WebhookMetrics metrics,
      AtomicInteger inFlight) {
    this.name = name;
    this.reviewer = reviewer;
    this.metrics = metrics;
    this.inFlight = inFlight;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long start = System.nanoTime();
    int code = 500;
    inFlight.incrementAndGet();
    // The exchange is closed only in the finally block: a catch that answers must still have an
    // open exchange to answer on (closing it first left the client with no status line).
    try {
      code = serve(exchange);
    } catch (IOException e) {
      // The client went away mid-request; there is no one to answer.
      code = 499;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of ours outside the reviewer (which has its own answer, see review()): 500, and keep
      // serving.
      LOG.log(Level.ERROR, "review request failed", e);
      code = internalServerError(exchange);
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
      metrics.request(code);
      metrics.latency(name, System.nanoTime() - start);
    }
  }

  private static int internalServerError(HttpExchange exchange) {
    try {
      respond(exchange, 500, "text/plain; charset=utf-8", "internal server error\n");
      return 500;
    } catch (IOException | RuntimeException headersAlreadySent) {
      // The status line went out before the failure; closing the exchange is all that is left.
      return 500;
    }
  }

  /**
   * Asks the reviewer. If it fails, the request still gets a review, as PSA answers a request it
   * cannot handle: not allowed, an {@code InternalError} status. The API server then applies the
   * webhook's failure policy with a message instead of a connection error.
   */
  private AdmissionResponse review(AdmissionRequest request, Duration timeout) {
    try {
      return reviewer.apply(request, timeout);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.ERROR, "review of request " + request.uid() + " failed", e);
      return AdmissionResponse.denied(
          AdmissionResponse.Status.internal("the review failed; see the webhook's log"), Map.of());
    }
  }

  private int serve(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return plain(exchange, 405, "method not allowed; POST an AdmissionReview");
    }
    String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declaredLength != null && tooLarge(declaredLength)) {
      return tooLarge(exchange, exchange.getRequestBody());
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!isJson(contentType)) {
      return plain(
          exchange,
          400,
          "unable to process a request with a non-json content type ("
              + (contentType == null ? "none" : contentType)
              + "); expected application/json");
    }
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return tooLarge(exchange, in);
    }
    if (body.length == 0) {
      return plain(exchange, 400, "request body is empty");
    }
    AdmissionRequest request;
    try {
      request = AdmissionReviews.parse(body);
    } catch (BadReviewException e) {
      return plain(exchange, 400, e.getMessage());
    }
    AdmissionResponse response = review(request, timeoutOf(exchange.getRequestURI().getRawQuery()));
    byte[] json = AdmissionReviews.write(request.uid(), response);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, json.length);
    exchange.getResponseBody().write(json);
    return 200;
  }

  private static boolean tooLarge(String declaredLength) {
    try {
      return Long.parseLong(declaredLength.trim()) > MAX_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false; // the server itself refuses a malformed Content-Length
    }
  }

  /**
   * Answers 413 at once (a client that declared 10 MB and sent 100 bytes must not wait for the read
   * deadline to learn it), then reads and drops what the client is still sending, up to {@link
   * #MAX_DRAINED_BYTES} and never past the server's request deadline, so that it reads the 413
   * rather than a connection reset. The connection is closed afterwards either way.
   */
  private static int tooLarge(HttpExchange exchange, InputStream body) throws IOException {
    exchange.getResponseHeaders().set("Connection", "close");
    plain(exchange, 413, "request entity is too large; limit is " + MAX_BODY_BYTES + " bytes");
    exchange.getResponseBody().flush();
    long drained = 0;
    byte[] sink = new byte[64 * 1024];
    try {
      for (int n; drained <= MAX_DRAINED_BYTES && (n = body.read(sink)) >= 0; ) {
        drained += n;
      }
    } catch (IOException cutOffOrGone) {
      // The deadline closed the connection, or the client did: the 413 was already sent.
    }
    return 413;
  }

  /** {@code application/json}, with or without parameters such as {@code charset=utf-8}. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return media.trim().toLowerCase(Locale.ROOT).equals("application/json");
  }

  /** The API server's {@code ?timeout=10s}, a Go duration; null when absent or unreadable. */
  static Duration timeoutOf(String query) {
    if (query == null) {
      return null;
    }
    for (String parameter : query.split("&", -1)) {
      if (parameter.startsWith("timeout=")) {
        return GoDurations.parse(parameter.substring("timeout=".length())).orElse(null);
      }
    }
    return null;
  }

  static int plain(HttpExchange exchange, int code, String message) throws IOException {
    respond(exchange, code, "text/plain; charset=utf-8", message + "\n");
    return code;
  }

  private static void respond(HttpExchange exchange, int code, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
