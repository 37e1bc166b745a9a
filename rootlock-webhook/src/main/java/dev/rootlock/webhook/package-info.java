/** The admission webhook: validating and mutating AdmissionReview handling over HTTPS. */
package dev.rootlock.webhook;
