package dev.rootlock.source.kube;

import java.util.Locale;
import java.util.Set;

/**
 * The field names of the pod spec, containers, securityContexts and volumes, as the API server's
 * schema has them. They are generated from fabric8's Kubernetes model into {@link PodFieldSchema}
 * (see rootlock-kube's {@code PodFieldNamesTest}, which fails when it is stale), never typed by
 * hand.
 */
final class PodFieldNames {

  static final Set<String> POD_SPEC = PodFieldSchema.POD_SPEC;
  static final Set<String> CONTAINER = PodFieldSchema.CONTAINER;
  static final Set<String> EPHEMERAL_CONTAINER = PodFieldSchema.EPHEMERAL_CONTAINER;
  static final Set<String> SECURITY_CONTEXT = PodFieldSchema.SECURITY_CONTEXT;
  static final Set<String> POD_SECURITY_CONTEXT = PodFieldSchema.POD_SECURITY_CONTEXT;
  static final Set<String> VOLUME = PodFieldSchema.VOLUME;

  private PodFieldNames() {}

  /**
   * The known field {@code unknown} most probably means: one that differs only in case, else the
   * one nearest by edit distance if it is near enough for the name's length (1 edit from 4
   * characters, 2 from 8) and no other is as near; else null.
   */
  static String suggest(String unknown, Set<String> known) {
    for (String name : known) {
      if (name.equalsIgnoreCase(unknown)) {
        return name;
      }
    }
    int allowed = unknown.length() >= 8 ? 2 : unknown.length() >= 4 ? 1 : 0;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (String name : known) {
      int distance = distance(unknown.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
        tie = false;
      } else if (distance == bestDistance) {
        tie = true;
      }
    }
    return bestDistance <= allowed && !tie ? best : null;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
