package dev.rootlock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Lists the pods already in a namespace, for the dry-run of a new enforce level. */
interface ExistingPods {

  /**
   * The namespace's pods, in the API server's order.
   *
   * @throws Exception when they cannot be listed (the dry-run then says so in a warning)
   */
  List<ExistingPod> list(String namespace) throws Exception;

  /**
   * One existing pod.
   *
   * @param controllerUid the uid of the owner reference marked {@code controller: true}, or null
   * @param object the pod as JSON, as the API server would serve it
   */
  record ExistingPod(String name, String controllerUid, JsonNode object) {}
}
