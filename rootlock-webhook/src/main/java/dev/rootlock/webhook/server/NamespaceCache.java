package dev.rootlock.webhook.server;

import dev.rootlock.webhook.admission.NamespaceLabels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Namespace labels from a fabric8 informer: one list and then a watch, so a review reads a local
 * map and never waits for a GET. Also tracks when the API server last told it something new, for
 * the cache-age metric.
 */
final class NamespaceCache implements NamespaceLabels, AutoCloseable {

  private final SharedIndexInformer<Namespace> informer;
  private final Clock clock;
  private final AtomicReference<Instant> lastChange = new AtomicReference<>();

  NamespaceCache(KubernetesClient client, Clock clock) {
    this.clock = clock;
    // No resync: a resync only replays the local copy, which would make the cache look fresher
    // than it is.
    this.informer = client.namespaces().runnableInformer(0);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Namespace namespace) {
            touched();
          }

          @Override
          public void onUpdate(Namespace before, Namespace after) {
            touched();
          }

          @Override
          public void onDelete(Namespace namespace, boolean finalStateUnknown) {
            touched();
          }
        });
  }

  /** Starts listing and watching; the stage completes once the first list is in. */
  CompletionStage<Void> start() {
    // An empty cluster sends no events; the completed list is news too.
    return informer.start().thenRun(this::touched);
  }

  @Override
  public Map<String, String> labelsOf(String namespace) {
    Namespace found = informer.getStore().getByKey(namespace);
    if (found == null) {
      return null;
    }
    Map<String, String> labels = found.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  @Override
  public boolean synced() {
    return informer.hasSynced();
  }

  /** Whether the watch is open right now. */
  boolean watching() {
    return informer.isWatching();
  }

  /** Time since the last list or watch event, or null before the first list. */
  Duration age() {
    Instant last = lastChange.get();
    return last == null ? null : Duration.between(last, clock.instant());
  }

  private void touched() {
    lastChange.set(Objects.requireNonNull(clock.instant()));
  }

  @Override
  public void close() {
    informer.close();
  }
}
