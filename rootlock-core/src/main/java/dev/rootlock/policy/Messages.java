package dev.rootlock.policy;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The phrasing helpers every check shares, so that all messages read alike (PSA's helpers.go). */
public final class Messages {

  private Messages() {}

  /** {@code "a", "b", "c"}: each item in literal double quotes, nothing escaped. */
  public static String joinQuote(Collection<String> items) {
    return items.stream().map(item -> "\"" + item + "\"").collect(Collectors.joining(", "));
  }

  /** The singular form when {@code count} is exactly 1, otherwise the plural. */
  public static String pluralize(String singular, String plural, int count) {
    return count == 1 ? singular : plural;
  }

  /** {@code container "a"} or {@code containers "a", "b"}, names in the order given. */
  public static String containers(List<String> names) {
    return pluralize("container", "containers", names.size()) + " " + joinQuote(names);
  }

  /**
   * De-duplicated and sorted by byte order (Java's String order for ASCII), as PSA's sets.List().
   */
  public static List<String> sortedSet(Collection<String> items) {
    SortedSet<String> set = new TreeSet<>(items);
    return List.copyOf(set);
  }

  /**
   * Who sets a field: {@code pod}, {@code containers "a", "b"}, or {@code pod and container "a"};
   * the pod first. Empty when neither.
   */
  public static String setters(boolean pod, List<String> containerNames) {
    StringBuilder out = new StringBuilder();
    if (pod) {
      out.append("pod");
    }
    if (!containerNames.isEmpty()) {
      if (pod) {
        out.append(" and ");
      }
      out.append(containers(containerNames));
    }
    return out.toString();
  }
}
