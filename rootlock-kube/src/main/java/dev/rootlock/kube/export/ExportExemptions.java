package dev.rootlock.kube.export;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the exported policy never judges: the webhook's PSA-shaped exemptions (requests by these
 * usernames, pods with these runtime classes, everything in these namespaces) and, when {@code
 * annotations} is on, the checks an object exempts itself from with {@code rootlock.dev/exempt}.
 */
public record ExportExemptions(
    Set<String> usernames,
    Set<String> runtimeClasses,
    Set<String> namespaces,
    boolean annotations) {

  /** No configured exemptions; the in-object annotation honoured. */
  public static final ExportExemptions DEFAULT =
      new ExportExemptions(Set.of(), Set.of(), Set.of(), true);

  public ExportExemptions {
    // Sorted, so that the export is the same text for the same configuration.
    usernames = Set.copyOf(usernames);
    runtimeClasses = Set.copyOf(runtimeClasses);
    namespaces = Set.copyOf(namespaces);
  }

  List<String> sortedUsernames() {
    return List.copyOf(new TreeSet<>(usernames));
  }

  List<String> sortedRuntimeClasses() {
    return List.copyOf(new TreeSet<>(runtimeClasses));
  }

  List<String> sortedNamespaces() {
    return List.copyOf(new TreeSet<>(namespaces));
  }

  /** The same, with the in-object annotation ignored ({@code --no-exemptions}). */
  public ExportExemptions withoutAnnotations() {
    return new ExportExemptions(usernames, runtimeClasses, namespaces, false);
  }
}
