package dev.rootlock.source.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The field names of the pod spec, containers, securityContexts and volumes, as the API server's
 * schema has them. They are generated from fabric8's Kubernetes model (see rootlock-kube's {@code
 * PodFieldNamesTest}, which fails when the resource is stale), never typed by hand.
 */
final class PodFieldNames {

  private static final Properties NAMES = load();

  static final Set<String> POD_SPEC = names("PodSpec");
  static final Set<String> CONTAINER = names("Container");
  static final Set<String> EPHEMERAL_CONTAINER = names("EphemeralContainer");
  static final Set<String> SECURITY_CONTEXT = names("SecurityContext");
  static final Set<String> POD_SECURITY_CONTEXT = names("PodSecurityContext");
  static final Set<String> VOLUME = names("Volume");

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

  private static Set<String> names(String type) {
    String list = NAMES.getProperty(type);
    if (list == null) {
      throw new IllegalStateException("pod-fields.properties lacks " + type);
    }
    return Set.copyOf(Arrays.asList(list.split(",")));
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = PodFieldNames.class.getResourceAsStream("pod-fields.properties")) {
      if (in == null) {
        throw new IllegalStateException("pod-fields.properties is missing from rootlock-core");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
