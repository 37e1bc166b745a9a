package dev.rootlock.source.compose;

import dev.rootlock.model.Position;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Compose {@code .env} file: {@code KEY=VALUE} lines, an optional {@code export} in front, blank
 * and {@code #} lines ignored, single-quoted values literal, double-quoted values with {@code \n},
 * {@code \"} and {@code \\} escapes, and an unquoted value ending at a blank followed by {@code #}.
 */
final class DotEnv {

  private DotEnv() {}

  static Map<String, ComposeEnvironment.Binding> parse(String text, String displayName) {
    Map<String, ComposeEnvironment.Binding> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      int lineStart = offset;
      offset += lines[i].length() + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String name = line.substring(0, equals).strip();
      out.put(
          name,
          new ComposeEnvironment.Binding(
              value(line.substring(equals + 1).strip()),
              displayName + ":" + (i + 1),
              displayName,
              new Position(i + 1, 1, lineStart)));
    }
    return out;
  }

  private static String value(String raw) {
    if (raw.length() >= 2 && raw.startsWith("'") && raw.indexOf('\'', 1) > 0) {
      return raw.substring(1, raw.indexOf('\'', 1));
    }
    if (raw.startsWith("\"")) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\' && i + 1 < raw.length()) {
          char next = raw.charAt(++i);
          out.append(next == 'n' ? '\n' : next);
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
    int comment = raw.indexOf(" #");
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }
}
