import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The AOT cache's training workload (scripts/image): waits for {@code /healthz} of a webhook
 * started from the image, then sends it every recorded AdmissionReview of rootlock-webhook's tests
 * (their {@code review}, to their {@code path}) twice, so the classes and methods that serve
 * reviews are in the cache. Trusts any certificate: the webhook's is a throwaway made for the run,
 * on loopback. Exit 0 when every review was answered 200. Usage: {@code java -cp <jackson jars>
 * scripts/AotTraining.java BASE-URL CASES-DIR}.
 */
public final class AotTraining {
  public static void main(String[] args) throws Exception {
    TrustManager trustAll =
        new X509TrustManager() {
          public void checkClientTrusted(X509Certificate[] chain, String type) {}

          public void checkServerTrusted(X509Certificate[] chain, String type) {}

          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trustAll}, null);
    HttpClient client =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
    String base = args[0];
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    Exception last = null;
    while (true) {
      try {
        HttpResponse<Void> health =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          break;
        }
      } catch (java.io.IOException notYet) {
        last = notYet; // not listening yet, or (kept for the message) a TLS problem
      }
      if (System.nanoTime() > deadline) {
        System.err.println("scripts/image: the training webhook never answered /healthz: " + last);
        System.exit(1);
      }
      Thread.sleep(200);
    }
    ObjectMapper json = new ObjectMapper();
    File[] cases = new File(args[1]).listFiles((dir, name) -> name.endsWith(".json"));
    Arrays.sort(cases);
    int answered = 0;
    int sent = 0;
    for (int round = 0; round < 2; round++) {
      for (File file : cases) {
        JsonNode recorded = json.readTree(file);
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + recorded.path("path").asText("/validate")))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(recorded.path("review").toString()))
                .build();
        sent++;
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          answered++;
        }
      }
    }
    System.err.println("scripts/image: AOT training sent " + sent + " reviews, " + answered + " answered 200");
    System.exit(answered == sent ? 0 : 1);
  }
}
