package dev.rootlock.webhook.config;

import java.util.Set;

/**
 * Who and what the webhook never judges, as in PSA's configuration: requests by these exact
 * usernames, pods with these runtime classes, and everything in these namespaces.
 */
public record Exemptions(
    Set<String> usernames, Set<String> runtimeClasses, Set<String> namespaces) {

  public static final Exemptions NONE = new Exemptions(Set.of(), Set.of(), Set.of());

  public Exemptions {
    usernames = Set.copyOf(usernames);
    runtimeClasses = Set.copyOf(runtimeClasses);
    namespaces = Set.copyOf(namespaces);
  }
}
