package dev.rootlock.fix.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes new values as YAML text in the file's layout: block collections for block parents, flow
 * collections inside flow ones, and strings plain whenever both YAML 1.1 (Kubernetes) and YAML 1.2
 * (Compose) would read them back as the same string.
 */
final class YamlRender {

  private static final Pattern PLAIN_BLOCK = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:=,+@-]*");
  private static final Pattern PLAIN_FLOW = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./=+@-]*");

  /** Anything a YAML 1.1 or 1.2 resolver could take for a number, including sexagesimal 1:20. */
  private static final Pattern NUMBER_LIKE =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_:]*(?:\\.[0-9_]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?0[xXoObB][0-9a-fA-F_]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "");

  private final Layout layout;

  YamlRender(Layout layout) {
    this.layout = layout;
  }

  Layout layout() {
    return layout;
  }

  /** A scalar's text; {@code flow} when it goes inside {@code []} or {@code {}}. */
  String scalar(Object value, boolean flow) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    String text = (String) value;
    boolean plain =
        !layout.json()
            && (flow ? PLAIN_FLOW : PLAIN_BLOCK).matcher(text).matches()
            && !text.endsWith(":")
            && !RESERVED.contains(text.toLowerCase(Locale.ROOT))
            && !NUMBER_LIKE.matcher(text).matches();
    return plain ? text : quote(text);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A value in flow style: {@code {type: RuntimeDefault}}, {@code [ALL]}, a scalar. */
  String flow(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        parts.add(scalar(entry.getKey(), true) + ": " + flow(entry.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object item : list) {
        parts.add(flow(item));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return scalar(value, true);
  }

  /**
   * A value that starts on the current line and may continue on following ones: JSON is written
   * pretty-printed (nested at {@code column} plus the indent), YAML as one flow line.
   */
  String spread(Object value, int column) {
    if (!layout.json() || inline(value)) {
      return flow(value);
    }
    String inner = " ".repeat(column + layout.indent());
    List<String> parts = new ArrayList<>();
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        parts.add(
            inner
                + scalar(entry.getKey(), true)
                + ": "
                + spread(entry.getValue(), column + layout.indent()));
      }
    } else {
      for (Object item : (List<?>) value) {
        parts.add(inner + spread(item, column + layout.indent()));
      }
    }
    String[] brackets =
        value instanceof Map<?, ?> ? new String[] {"{", "}"} : new String[] {"[", "]"};
    String lineBreak = layout.lineBreak();
    return brackets[0]
        + lineBreak
        + String.join("," + lineBreak, parts)
        + lineBreak
        + " ".repeat(column)
        + brackets[1];
  }

  /** Whether {@code value} is written on the line of its key or dash ({@code a: 1}, {@code {}}). */
  static boolean inline(Object value) {
    return !(value instanceof Map<?, ?> map && !map.isEmpty())
        && !(value instanceof List<?> list && !list.isEmpty());
  }

  /** Block lines for the entries of {@code map}, keys at {@code column}. */
  List<String> entries(Map<?, ?> map, int column) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      lines.addAll(entry(scalar(entry.getKey(), false), entry.getValue(), column));
    }
    return lines;
  }

  /** Block lines for one {@code key: value}, the key at {@code column}. */
  List<String> entry(String key, Object value, int column) {
    List<String> lines = new ArrayList<>();
    String head = " ".repeat(column) + key + ":";
    if (inline(value)) {
      lines.add(head + " " + inline(value, false));
      return lines;
    }
    lines.add(head);
    lines.addAll(nested(value, column));
    return lines;
  }

  /** The lines of a non-empty collection that is the value of a key at {@code keyColumn}. */
  List<String> nested(Object value, int keyColumn) {
    if (value instanceof Map<?, ?> map) {
      return entries(map, keyColumn + layout.indent());
    }
    return items((List<?>) value, keyColumn + layout.sequenceIndent());
  }

  /** Block sequence items, dashes at {@code column}. */
  List<String> items(List<?> list, int column) {
    List<String> lines = new ArrayList<>();
    for (Object item : list) {
      lines.addAll(item(item, column));
    }
    return lines;
  }

  /** One block sequence item, its dash at {@code column}. */
  List<String> item(Object item, int column) {
    String dash = " ".repeat(column) + "- ";
    if (item instanceof Map<?, ?> map && !map.isEmpty()) {
      List<String> lines = entries(map, column + 2);
      lines.set(0, dash + lines.get(0).substring(column + 2));
      return lines;
    }
    return List.of(dash + inline(item, false));
  }

  /** A scalar or empty collection written on its key's or dash's line. */
  String inline(Object value, boolean flow) {
    return value instanceof Map<?, ?> || value instanceof List<?>
        ? flow(value)
        : scalar(value, flow);
  }

  String join(List<String> lines) {
    return String.join(layout.lineBreak(), lines);
  }
}
