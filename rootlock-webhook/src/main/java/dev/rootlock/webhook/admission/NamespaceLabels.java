package dev.rootlock.webhook.admission;

import java.util.Map;

/** Where the webhook finds a namespace's labels without waiting on the API server. */
public interface NamespaceLabels {

  /** The namespace's labels, or null when the namespace is not known (yet). */
  Map<String, String> labelsOf(String namespace);

  /** Whether the first complete list of namespaces has arrived. */
  boolean synced();
}
