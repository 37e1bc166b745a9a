package dev.rootlock.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path to a field inside a document, made of mapping keys and sequence indexes, printed the way
 * kubectl's JSONPath-like error messages print it: {@code
 * spec.containers[0].securityContext.privileged}. Keys that are not plain identifiers are bracketed
 * and quoted: {@code metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FieldPath {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final FieldPath ROOT = new FieldPath(List.of());

  private final List<Object> segments;

  private FieldPath(List<Object> segments) {
    this.segments = segments;
  }

  /** The empty path: the document root. */
  public static FieldPath root() {
    return ROOT;
  }

  /** A path of plain keys, e.g. {@code of("spec", "securityContext")}. */
  public static FieldPath of(String... keys) {
    FieldPath path = ROOT;
    for (String key : keys) {
      path = path.key(key);
    }
    return path;
  }

  /** This path followed by a mapping key. */
  public FieldPath key(String key) {
    List<Object> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(key);
    return new FieldPath(List.copyOf(next));
  }

  /** This path followed by several mapping keys. */
  public FieldPath keys(String... keys) {
    FieldPath path = this;
    for (String key : keys) {
      path = path.key(key);
    }
    return path;
  }

  /** This path followed by a sequence index. */
  public FieldPath index(int index) {
    List<Object> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(index);
    return new FieldPath(List.copyOf(next));
  }

  /** This path followed by all of {@code other}'s segments. */
  public FieldPath append(FieldPath other) {
    if (other.segments.isEmpty()) {
      return this;
    }
    List<Object> next = new ArrayList<>(segments);
    next.addAll(other.segments);
    return new FieldPath(List.copyOf(next));
  }

  /** The path without its last segment; the root is its own parent. */
  public FieldPath parent() {
    return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  /** Whether this is the document root. */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The segments, each a {@link String} key or an {@link Integer} index. */
  public List<Object> segments() {
    return segments;
  }

  /** Whether this path starts with all of {@code prefix}'s segments. */
  public boolean startsWith(FieldPath prefix) {
    return segments.size() >= prefix.segments.size()
        && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        String key = (String) segment;
        if (PLAIN_KEY.matcher(key).matches()) {
          if (!out.isEmpty()) {
            out.append('.');
          }
          out.append(key);
        } else {
          out.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
      }
    }
    return out.toString();
  }
}
