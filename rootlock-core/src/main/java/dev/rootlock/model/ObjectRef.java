package dev.rootlock.model;

/**
 * Which object a result is about: its file and position, and its Kubernetes identity (for Compose
 * services, {@code kind} is {@code Service} and {@code name} the service name).
 *
 * @param namespace null when the object names none
 * @param name null when the object names none
 */
public record ObjectRef(
    SourceRef source, String apiVersion, String kind, String namespace, String name) {

  /** {@code kind/name} in kubectl's style, kind lower-cased. */
  public String displayName() {
    return kind.toLowerCase(java.util.Locale.ROOT) + "/" + (name == null ? "" : name);
  }
}
