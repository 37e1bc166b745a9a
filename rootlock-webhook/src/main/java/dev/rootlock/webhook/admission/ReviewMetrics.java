package dev.rootlock.webhook.admission;

/**
 * What the reviewers count, and nothing of how: the server keeps the counts as Prometheus metrics
 * ({@code server.WebhookMetrics}), so admission needs no metrics library.
 */
public interface ReviewMetrics {

  /** One review's outcome ({@code allow}, {@code deny}, ...) under one mode, for one kind. */
  void review(String decision, String mode, String kind);

  /** One review allowed by rootlock exemptions, by where they are written. */
  void exemption(String source, String kind);
}
