package dev.rootlock.model;

import java.util.Objects;

/**
 * A finding's identity that survives edits elsewhere in its file: no line or column, only the file,
 * the object (kind, namespace, name), the container, the check and the offending field's path. What
 * a baseline records.
 *
 * @param namespace empty when the object names none
 * @param name empty when the object names none
 * @param container the containers at fault, comma-separated; empty for a finding about the object
 */
public record Fingerprint(
    String file,
    String kind,
    String namespace,
    String name,
    String container,
    String check,
    String path) {

  public Fingerprint {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
    container = container == null ? "" : container;
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(path, "path");
  }

  /** The fingerprint of {@code finding}. */
  public static Fingerprint of(Finding finding) {
    ObjectRef ref = finding.object();
    return new Fingerprint(
        ref.source().file(),
        ref.kind(),
        ref.namespace(),
        ref.name(),
        String.join(",", finding.containers()),
        finding.check(),
        finding.path().toString());
  }

  /** {@code file kind/name container check path}, for reports. */
  @Override
  public String toString() {
    return file
        + " "
        + kind.toLowerCase(java.util.Locale.ROOT)
        + "/"
        + name
        + (container.isEmpty() ? "" : " " + container)
        + " "
        + check
        + " "
        + path;
  }
}
