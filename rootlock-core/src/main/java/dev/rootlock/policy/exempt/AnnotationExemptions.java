package dev.rootlock.policy.exempt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exemptions written in the object itself: {@code rootlock.dev/exempt: "<check>[,<check>]: reason"}
 * for the whole object, and {@code rootlock.dev/exempt.<container>: ...} for one container. The
 * same one-line form serves a Compose service's {@code x-rootlock} and a Dockerfile comment. The
 * syntax is fixed: the ValidatingAdmissionPolicy export reads it too.
 */
public final class AnnotationExemptions {

  /** The annotation for the whole object. */
  public static final String KEY = "rootlock.dev/exempt";

  /** The prefix of a container's annotation: {@code rootlock.dev/exempt.<container>}. */
  public static final String CONTAINER_PREFIX = KEY + ".";

  private AnnotationExemptions() {}

  /** Exemptions, and the values that could not be read, from a set of annotations. */
  public record Read(List<Exemption> exemptions, List<String> problems) {}

  /**
   * Reads every {@code rootlock.dev/exempt*} annotation in {@code annotations}, in key order.
   *
   * @param where what to call the annotations' home in sources, e.g. {@code metadata} or {@code
   *     spec.template.metadata}
   */
  public static Read read(Map<String, String> annotations, String where) {
    List<Exemption> exemptions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(annotations).entrySet()) {
      String key = entry.getKey();
      Scope scope;
      if (key.equals(KEY)) {
        scope = Scope.ANY;
      } else if (key.startsWith(CONTAINER_PREFIX) && key.length() > CONTAINER_PREFIX.length()) {
        scope =
            new Scope(null, null, null, new Glob(key.substring(CONTAINER_PREFIX.length())), null);
      } else {
        continue;
      }
      String source = "annotation " + key + " in " + where;
      try {
        exemptions.add(parse(entry.getValue(), scope, source));
      } catch (IllegalArgumentException e) {
        problems.add(source + ": " + e.getMessage());
      }
    }
    return new Read(exemptions, problems);
  }

  /**
   * Parses {@code "<check>[,<check>]: reason"}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Exemption parse(String value, Scope scope, String source) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "expected \"<check>[,<check>]: reason\", got \"" + value + "\"");
    }
    Set<String> checks = new LinkedHashSet<>();
    for (String check : value.substring(0, colon).split(",", -1)) {
      String id = check.trim();
      if (id.isEmpty()) {
        throw new IllegalArgumentException("empty check ID in \"" + value + "\"");
      }
      checks.add(id);
    }
    String reason = value.substring(colon + 1).trim();
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("a reason is required after the ':' in \"" + value + "\"");
    }
    return new Exemption(checks, scope, reason, null, source);
  }
}
