package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.engine.NamespaceDryRun.ExistingPod;
import java.util.List;

/** Lists the pods already in a namespace, for the dry-run of a new enforce level. */
public interface ExistingPods {

  /**
   * The namespace's pods, in the API server's order, each as JSON as the API server would serve it.
   *
   * @throws Exception when they cannot be listed (the dry-run then says so in a warning)
   */
  List<ExistingPod<JsonNode>> list(String namespace) throws Exception;
}
