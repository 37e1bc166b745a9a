package dev.rootlock.webhook.config;

import java.util.Set;

/**
 * Who and what the webhook never judges, as in PSA's configuration: requests by these exact
 * usernames, pods with these runtime classes, and everything in these namespaces.
 */
public record PsaExemptions(
    Set<String> usernames, Set<String> runtimeClasses, Set<String> namespaces) {

  public static final PsaExemptions NONE = new PsaExemptions(Set.of(), Set.of(), Set.of());

  public PsaExemptions {
    usernames = Set.copyOf(usernames);
    runtimeClasses = Set.copyOf(runtimeClasses);
    namespaces = Set.copyOf(namespaces);
  }
}
