/**
 * The admission webhook, in four packages that depend one way: {@code install} (the manifests and
 * their templates) stands alone; {@code config} (the webhook's configuration, its policy labels and
 * exemptions, and its options) uses nothing of the others; {@code admission} (AdmissionReview in
 * and out, objects, {@code Validator}, {@code Mutator}, the JSON Patch, the namespace dry-run) uses
 * {@code config} and reaches the cluster only through its ports ({@code NamespaceLabels}, {@code
 * ExistingPods}, {@code ReviewMetrics}); {@code server} (HTTPS, TLS and certificate reload, the
 * endpoints, Prometheus metrics and the cluster adapters behind those ports) wires them together.
 * The CLI uses {@code server.WebhookServer}, {@code install.WebhookManifests} and the option and
 * config types.
 */
package dev.rootlock.webhook;
