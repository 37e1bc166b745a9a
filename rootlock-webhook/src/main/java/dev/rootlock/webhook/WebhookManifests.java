package dev.rootlock.webhook;

import java.util.List;

/**
 * Everything needed to install the webhook, as one multi-document YAML text ({@code rootlock webhook
 * manifests}): its namespace, service account, the least RBAC it needs (namespaces list/watch for
 * the label cache, pods list for the dry-run of a new enforce level), a Deployment of two or more
 * replicas that itself passes {@code hardened}, a PodDisruptionBudget, a Service, and the webhook
 * configurations, which never send the webhook's own namespace or {@code kube-system}, so that
 * neither the webhook nor the control plane can lock itself out.
 */
public final class WebhookManifests {

  static final String NAME = "rootlock-webhook";
  static final String TLS_SECRET = "rootlock-webhook-tls";
  /** The webhooks' names; the API server prefixes audit annotations with them. */
  static final String ENFORCE_WEBHOOK = "enforce.rootlock.dev";
  static final String ADVISORY_WEBHOOK = "advisory.rootlock.dev";
  static final String MUTATE_WEBHOOK = "mutate.rootlock.dev";

  private WebhookManifests() {}

  /** The manifests, documents separated by {@code ---}. */
  public static String render(ManifestOptions options) {
    String ns = options.namespace();
    List<String> documents = new java.util.ArrayList<>();
    documents.add(namespace(ns));
    documents.add(serviceAccount(ns));
    documents.add(clusterRole());
    documents.add(clusterRoleBinding(ns));
    if (options.certManager()) {
      documents.add(issuer(ns));
      documents.add(certificate(ns));
    }
    documents.add(service(ns));
    documents.add(deployment(options));
    documents.add(podDisruptionBudget(ns));
    documents.add(validatingConfiguration(options));
    documents.add(mutatingConfiguration(options));
    return "# rootlock admission webhook: kubectl apply -f <this file>\n"
        + (options.certManager()
            ? ""
            : "# The Secret " + ns + "/" + TLS_SECRET + " (tls.crt, tls.key) must exist, for the"
                + " DNS name " + NAME + "." + ns + ".svc,\n# and caBundle below must hold its CA"
                + " (or use --cert-manager).\n")
        + String.join("---\n", documents);
  }

  private static String namespace(String ns) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
          labels:
            app.kubernetes.io/name: %2$s
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: latest
        """.formatted(ns, NAME);
  }

  private static String serviceAccount(String ns) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %2$s
          namespace: %1$s
          labels:
            app.kubernetes.io/name: %2$s
        """.formatted(ns, NAME);
  }

  private static String clusterRole() {
    return """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: %1$s
          labels:
            app.kubernetes.io/name: %1$s
        rules:
          # The namespace label cache: one list, then a watch.
          - apiGroups: [""]
            resources: ["namespaces"]
            verbs: ["list", "watch"]
          # The dry-run of a raised enforce level lists the namespace's pods.
          - apiGroups: [""]
            resources: ["pods"]
            verbs: ["list"]
        """.formatted(NAME);
  }

  private static String clusterRoleBinding(String ns) {
    return """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: %2$s
          labels:
            app.kubernetes.io/name: %2$s
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: %2$s
        subjects:
          - kind: ServiceAccount
            name: %2$s
            namespace: %1$s
        """.formatted(ns, NAME);
  }

  private static String issuer(String ns) {
    return """
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          selfSigned: {}
        """.formatted(ns, NAME);
  }

  private static String certificate(String ns) {
    return """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          secretName: %3$s
          dnsNames:
            - %2$s.%1$s.svc
            - %2$s.%1$s.svc.cluster.local
          duration: 2160h
          renewBefore: 360h
          privateKey:
            algorithm: ECDSA
            size: 256
            encoding: PKCS8
            rotationPolicy: Always
          issuerRef:
            kind: Issuer
            name: %2$s
        """.formatted(ns, NAME, TLS_SECRET);
  }

  private static String service(String ns) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %2$s
          namespace: %1$s
          labels:
            app.kubernetes.io/name: %2$s
        spec:
          selector:
            app.kubernetes.io/name: %2$s
          ports:
            - name: https
              port: 443
              targetPort: https
        """.formatted(ns, NAME);
  }

  private static String deployment(ManifestOptions options) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %2$s
          namespace: %1$s
          labels:
            app.kubernetes.io/name: %2$s
        spec:
          replicas: %4$d
          selector:
            matchLabels:
              app.kubernetes.io/name: %2$s
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxUnavailable: 0
              maxSurge: 1
          template:
            metadata:
              labels:
                app.kubernetes.io/name: %2$s
            spec:
              serviceAccountName: %2$s
              priorityClassName: system-cluster-critical
              terminationGracePeriodSeconds: 30
              securityContext:
                runAsNonRoot: true
                runAsUser: 65532
                runAsGroup: 65532
                seccompProfile:
                  type: RuntimeDefault
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm:
                        topologyKey: kubernetes.io/hostname
                        labelSelector:
                          matchLabels:
                            app.kubernetes.io/name: %2$s
              containers:
                - name: webhook
                  image: "%3$s"
                  args:
                    - webhook
                    - serve
                    - --tls-cert-file=/etc/rootlock/tls/tls.crt
                    - --tls-private-key-file=/etc/rootlock/tls/tls.key
                    - --secure-port=8443
                  ports:
                    - name: https
                      containerPort: 8443
                  readinessProbe:
                    httpGet:
                      path: /readyz
                      port: https
                      scheme: HTTPS
                    periodSeconds: 5
                  livenessProbe:
                    httpGet:
                      path: /healthz
                      port: https
                      scheme: HTTPS
                    periodSeconds: 10
                    failureThreshold: 6
                  resources:
                    requests:
                      cpu: 100m
                      memory: 256Mi
                    limits:
                      memory: 512Mi
                  securityContext:
                    readOnlyRootFilesystem: true
                    allowPrivilegeEscalation: false
                    runAsNonRoot: true
                    capabilities:
                      drop: ["ALL"]
                    seccompProfile:
                      type: RuntimeDefault
                  volumeMounts:
                    - name: tls
                      mountPath: /etc/rootlock/tls
                      readOnly: true
                    - name: tmp
                      mountPath: /tmp
              volumes:
                - name: tls
                  secret:
                    secretName: %5$s
                - name: tmp
                  emptyDir:
                    medium: Memory
                    sizeLimit: 64Mi
        """.formatted(options.namespace(), NAME, options.image(), options.replicas(), TLS_SECRET);
  }

  private static String podDisruptionBudget(String ns) {
    return """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app.kubernetes.io/name: %2$s
        """.formatted(ns, NAME);
  }

  private static String validatingConfiguration(ManifestOptions options) {
    String ns = options.namespace();
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: %2$s
          labels:
            app.kubernetes.io/name: %2$s
        %3$swebhooks:
          # Pods are enforced; namespaces get their rootlock.dev labels checked and dry-run.
          - name: %4$s
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: %5$s
            matchPolicy: Equivalent
            timeoutSeconds: 10
            clientConfig:
        %6$s
            namespaceSelector:
        %7$s
            rules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["pods", "pods/ephemeralcontainers", "namespaces"]
          # Pod controllers are only warned about and audited, so a failure never blocks them.
          - name: %8$s
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: Ignore
            matchPolicy: Equivalent
            timeoutSeconds: 5
            clientConfig:
        %6$s
            namespaceSelector:
        %7$s
            rules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["podtemplates", "replicationcontrollers"]
              - apiGroups: ["apps"]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["daemonsets", "deployments", "replicasets", "statefulsets"]
              - apiGroups: ["batch"]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["cronjobs", "jobs"]
        """.formatted(
            ns,
            NAME,
            caInjection(options),
            ENFORCE_WEBHOOK,
            options.failurePolicy(),
            clientConfig(options, "/validate"),
            excludedNamespaces(ns, false),
            ADVISORY_WEBHOOK);
  }

  private static String mutatingConfiguration(ManifestOptions options) {
    String ns = options.namespace();
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata:
          name: %2$s
          labels:
            app.kubernetes.io/name: %2$s
        %3$swebhooks:
          # Only namespaces labelled rootlock.dev/mutate: "true" get their pods hardened as rootlock fix would.
          - name: %4$s
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: %5$s
            matchPolicy: Equivalent
            reinvocationPolicy: IfNeeded
            timeoutSeconds: 5
            clientConfig:
        %6$s
            namespaceSelector:
        %7$s
            rules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                operations: ["CREATE"]
                resources: ["pods"]
        """.formatted(
            ns,
            NAME,
            caInjection(options),
            MUTATE_WEBHOOK,
            options.failurePolicy(),
            clientConfig(options, "/mutate"),
            excludedNamespaces(ns, true));
  }

  private static String caInjection(ManifestOptions options) {
    if (!options.certManager()) {
      return "";
    }
    return "  annotations:\n    cert-manager.io/inject-ca-from: "
        + options.namespace() + "/" + NAME + "\n";
  }

  private static String clientConfig(ManifestOptions options, String path) {
    StringBuilder out = new StringBuilder();
    out.append("      service:\n")
        .append("        namespace: ").append(options.namespace()).append('\n')
        .append("        name: ").append(NAME).append('\n')
        .append("        path: ").append(path).append('\n')
        .append("        port: 443");
    if (!options.certManager()) {
      String bundle = options.caBundle() == null ? "REPLACE-WITH-BASE64-PEM-CA" : options.caBundle();
      out.append("\n      caBundle: ").append(bundle);
    }
    return out.toString();
  }

  private static String excludedNamespaces(String ns, boolean mutate) {
    String selector =
        "      matchExpressions:\n"
            + "        - key: kubernetes.io/metadata.name\n"
            + "          operator: NotIn\n"
            + "          values: [\"" + ns + "\", \"kube-system\"]";
    if (mutate) {
      selector += "\n      matchLabels:\n        rootlock.dev/mutate: \"true\"";
    }
    return selector;
  }

}
