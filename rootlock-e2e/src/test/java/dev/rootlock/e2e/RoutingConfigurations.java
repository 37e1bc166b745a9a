package dev.rootlock.e2e;

/**
 * The webhook configurations the tests register: the safe routing of issue 14 item 3, pointed at
 * the webhook's loopback URL. Namespaces that opted in with {@code rootlock.dev/enforce} go to a
 * webhook with {@code failurePolicy: Fail}; namespaces with only a warn or audit label go to a
 * second configuration with {@code failurePolicy: Ignore}; every other namespace is never sent.
 * Mutation is opt-in ({@code rootlock.dev/mutate: "true"}) and never blocks ({@code Ignore}).
 */
final class RoutingConfigurations {

  static final String ENFORCING = "rootlock-e2e-enforce";
  static final String ADVISORY = "rootlock-e2e-advisory";
  static final String MUTATING = "rootlock-e2e-mutate";

  private RoutingConfigurations() {}

  static String yaml(WebhookProcess webhook, String caBundle) {
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: %1$s
        webhooks:
          - name: enforce.rootlock.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: Fail
            timeoutSeconds: 5
            clientConfig:
              url: %4$s
              caBundle: %6$s
            namespaceSelector:
              matchExpressions:
                - {key: rootlock.dev/enforce, operator: Exists}
            rules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["pods"]
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: %2$s
        webhooks:
          - name: warn.rootlock.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: Ignore
            timeoutSeconds: 5
            clientConfig:
              url: %4$s
              caBundle: %6$s
            namespaceSelector:
              matchExpressions:
                - {key: rootlock.dev/enforce, operator: DoesNotExist}
                - {key: rootlock.dev/warn, operator: Exists}
            rules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["pods"]
          - name: audit.rootlock.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: Ignore
            timeoutSeconds: 5
            clientConfig:
              url: %4$s
              caBundle: %6$s
            namespaceSelector:
              matchExpressions:
                - {key: rootlock.dev/enforce, operator: DoesNotExist}
                - {key: rootlock.dev/warn, operator: DoesNotExist}
                - {key: rootlock.dev/audit, operator: Exists}
            rules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["pods"]
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata:
          name: %3$s
        webhooks:
          - name: mutate.rootlock.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: Ignore
            reinvocationPolicy: IfNeeded
            timeoutSeconds: 5
            clientConfig:
              url: %5$s
              caBundle: %6$s
            namespaceSelector:
              matchLabels:
                rootlock.dev/mutate: "true"
            rules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                operations: ["CREATE"]
                resources: ["pods"]
        """
        .formatted(ENFORCING, ADVISORY, MUTATING, webhook.url("/validate"),
            webhook.url("/mutate"), caBundle);
  }
}
