package dev.rootlock.model.pod;

/** The three container lists of a pod spec, in PSA's visiting order. */
public enum ContainerKind {
  INIT("initContainers"),
  REGULAR("containers"),
  EPHEMERAL("ephemeralContainers");

  private final String field;

  ContainerKind(String field) {
    this.field = field;
  }

  /** The pod spec field holding this list, e.g. {@code initContainers}. */
  public String field() {
    return field;
  }
}
