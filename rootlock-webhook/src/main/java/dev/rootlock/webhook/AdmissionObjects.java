package dev.rootlock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.model.pod.Workload;

/** Turns the JSON objects of admission requests into the model the engine judges. */
final class AdmissionObjects {

  /**
   * The object as a workload (a Pod or a pod controller).
   *
   * @throws UndecodableObjectException when it is not one, or is not valid
   */
  Workload workload(JsonNode object) throws UndecodableObjectException {
    throw new UndecodableObjectException("the manifest reader is not merged yet");
  }
}
