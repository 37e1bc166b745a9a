package dev.rootlock.policy.exempt;

/**
 * What an exemption's scope is matched against: one object, or one of its containers.
 *
 * @param namespace null when the object names none
 * @param container null for a finding about the whole object (a pod-level field)
 * @param image the container's image as written, or null
 */
public record Subject(String namespace, String kind, String name, String container, String image) {

  /** The same object, narrowed to one container. */
  public Subject container(String containerName, String containerImage) {
    return new Subject(namespace, kind, name, containerName, containerImage);
  }
}
