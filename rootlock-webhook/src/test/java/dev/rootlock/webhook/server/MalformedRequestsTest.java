package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever arrives, the answer is a well-formed review or a clear 4xx, never a crash or a hang. */
class MalformedRequestsTest {

  @TempDir static Path dir;
  static WebhookHarness webhook;

  @BeforeAll
  static void start() throws Exception {
    webhook = WebhookHarness.start(dir);
  }

  @AfterAll
  static void stop() {
    webhook.close();
  }

  private static String review(String request) {
    return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":"
        + request
        + "}";
  }

  private static void assertPlain(HttpResponse<String> response, int code, String message) {
    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(response.body()).isEqualTo(message + "\n");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void notJsonIsABadRequest() throws Exception {
    assertPlain(
        webhook.post("/validate", "apiVersion: admission.k8s.io/v1", "application/json"),
        400,
        "unable to decode the request: not valid JSON");
  }

  @Test
  void truncatedOrTrailingJsonIsABadRequest() throws Exception {
    assertPlain(
        webhook.post("/validate", "{\"apiVersion\":", "application/json"),
        400,
        "unable to decode the request: not valid JSON");
    assertPlain(
        webhook.post("/validate", review("{\"uid\":\"1\"}") + " {}", "application/json"),
        400,
        "unable to decode the request: not valid JSON");
  }

  @Test
  void jsonThatIsNotAnObjectIsABadRequest() throws Exception {
    assertPlain(
        webhook.post("/validate", "[1,2]", "application/json"),
        400,
        "unable to decode the request: not a JSON object");
  }

  @Test
  void anOlderOrOtherKindIsABadRequest() throws Exception {
    assertPlain(
        webhook.post(
            "/validate",
            "{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{}}",
            "application/json"),
        400,
        "unexpected AdmissionReview kind: admission.k8s.io/v1beta1, Kind=AdmissionReview"
            + " (expected admission.k8s.io/v1, Kind=AdmissionReview)");
    assertPlain(
        webhook.post("/validate", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}", "application/json"),
        400,
        "unexpected AdmissionReview kind: v1, Kind=Pod (expected admission.k8s.io/v1,"
            + " Kind=AdmissionReview)");
  }

  @Test
  void aReviewWithoutRequestUidOrResourceIsABadRequest() throws Exception {
    assertPlain(
        webhook.post(
            "/validate",
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}",
            "application/json"),
        400,
        "unexpected nil AdmissionReview request");
    assertPlain(
        webhook.post("/validate", review("{\"operation\":\"CREATE\"}"), "application/json"),
        400,
        "AdmissionReview request has no uid");
    assertPlain(
        webhook.post("/validate", review("{\"uid\":\"u1\"}"), "application/json"),
        400,
        "AdmissionReview request has no resource");
  }

  @Test
  void nestingBeyondAThousandLevelsIsABadRequest() throws Exception {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertPlain(
        webhook.post(
            "/validate", review("{\"uid\":\"u1\",\"object\":" + deep + "}"), "application/json"),
        400,
        "unable to decode the request: not valid JSON");
  }

  @Test
  void anEmptyBodyIsABadRequest() throws Exception {
    assertPlain(webhook.post("/validate", "", "application/json"), 400, "request body is empty");
  }

  @Test
  void aBodyThatIsNotDeclaredJsonIsRefused() throws Exception {
    assertPlain(
        webhook.post("/validate", review("{\"uid\":\"u1\"}"), "application/yaml"),
        400,
        "unable to process a request with a non-json content type (application/yaml); expected"
            + " application/json");
    assertPlain(
        webhook.post("/validate", review("{\"uid\":\"u1\"}"), null),
        400,
        "unable to process a request with a non-json content type (none); expected"
            + " application/json");
  }

  @Test
  void jsonWithACharsetParameterIsAccepted() throws Exception {
    HttpResponse<String> response =
        webhook.post(
            "/validate",
            review(
                "{\"uid\":\"u1\",\"operation\":\"CREATE\",\"resource\":{\"group\":\"\","
                    + "\"version\":\"v1\",\"resource\":\"configmaps\"}}"),
            "application/json; charset=utf-8");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
                + "\"response\":{\"uid\":\"u1\",\"allowed\":true}}");
  }

  @Test
  void aBodyOverThreeMebibytesIsRefusedUnread() throws Exception {
    String padding = " ".repeat(ReviewEndpoint.MAX_BODY_BYTES);

    assertPlain(
        webhook.post("/validate", review("{\"uid\":\"u1\"}") + padding, "application/json"),
        413,
        "request entity is too large; limit is 3145728 bytes");
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedAtOnceNotAtTheDeadline() throws Exception {
    // The client declares 10 MB, sends 100 bytes and waits. The 413 must come before the read
    // deadline (2 s in the tests) closes the connection, which was all it used to get.
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket)
            webhook
                .tls
                .trustingContext()
                .getSocketFactory()
                .createSocket("localhost", webhook.server.port())) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      out.write(
          ("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 10000000\r\n\r\n"
                  + "{".repeat(100))
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();

      RawReviews.Response response = RawReviews.read(socket.getInputStream());

      assertThat(response.code()).isEqualTo(413);
      assertThat(response.body())
          .isEqualTo("request entity is too large; limit is 3145728 bytes\n");
    }
  }

  @Test
  void aChunkedBodyIsReadOnlyUpToTheLimit() throws Exception {
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket)
            webhook
                .tls
                .trustingContext()
                .getSocketFactory()
                .createSocket("localhost", webhook.server.port())) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      out.write(
          """
              POST /validate HTTP/1.1\r
              Host: localhost\r
              Content-Type: application/json\r
              Transfer-Encoding: chunked\r
              \r
              """
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] chunk = " ".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] head = "10000\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] tail = "\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      // 4 MiB in 64 KiB chunks, and the stream left open: the server must not wait for its end.
      for (int i = 0; i < 64; i++) {
        out.write(head);
        out.write(chunk);
        out.write(tail);
      }
      out.flush();

      RawReviews.Response response = RawReviews.read(socket.getInputStream());

      assertThat(response.code()).isEqualTo(413);
      assertThat(response.body())
          .isEqualTo("request entity is too large; limit is 3145728 bytes\n");
    }
  }

  @Test
  void exactlyThreeMebibytesIsStillRead() throws Exception {
    String head = review("{\"uid\":\"u1\",\"resource\":{\"resource\":\"configmaps\"}}");
    String body = head + " ".repeat(ReviewEndpoint.MAX_BODY_BYTES - head.length());

    assertThat(webhook.post("/validate", body, "application/json").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyPostIsAllowedOnReviewEndpoints() throws Exception {
    HttpResponse<String> response = webhook.get("/validate");

    assertPlain(response, 405, "method not allowed; POST an AdmissionReview");
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void unknownPathsAreNotFound() throws Exception {
    assertPlain(webhook.get("/validate/x"), 404, "not found");
    assertPlain(webhook.post("/nope", "{}", "application/json"), 404, "not found");
  }

  @Test
  void aPodReviewWithoutItsObjectIsRefusedAsABadRequestInsideTheReview() throws Exception {
    webhook.namespace("strict", java.util.Map.of("rootlock.dev/enforce", "hardened"));

    var response =
        webhook.review(
            "/validate",
            review(
                "{\"uid\":\"u2\",\"operation\":\"CREATE\",\"namespace\":\"strict\",\"name\":\"p\","
                    + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
                    + "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"pods\"}}"));

    assertThat(response.toString())
        .isEqualTo(
            "{\"uid\":\"u2\",\"allowed\":false,\"status\":{\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"failed to decode object: request.object is missing\","
                + "\"reason\":\"BadRequest\",\"code\":400}}");
  }
}
