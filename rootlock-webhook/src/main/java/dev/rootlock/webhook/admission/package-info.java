/**
 * AdmissionReview handling without a server or a cluster: the review envelope, the object decoder,
 * the {@code Validator} (PSA's request-by-request rules, significant updates, the namespace
 * dry-run), the {@code Mutator} and its add-only JSON Patch. The cluster and the metrics are ports.
 */
package dev.rootlock.webhook.admission;
