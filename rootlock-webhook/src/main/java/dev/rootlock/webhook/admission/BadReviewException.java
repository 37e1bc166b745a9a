package dev.rootlock.webhook.admission;

/** A request body that is not a usable AdmissionReview; answered with HTTP 400 and this message. */
public final class BadReviewException extends Exception {

  BadReviewException(String message) {
    super(message);
  }
}
