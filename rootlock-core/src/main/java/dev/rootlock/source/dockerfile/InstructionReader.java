package dev.rootlock.source.dockerfile;

import dev.rootlock.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instructions as BuildKit's parser does: parser directives only at the
 * very top ({@code # escape=`} changes the continuation character), comment and blank lines skipped
 * (also inside a continued instruction), a line ending in the escape character (trailing blanks
 * allowed) continued on the next, and the bodies of here-documents ({@code RUN <<EOF ... EOF})
 * skipped so that their lines are never read as instructions.
 */
final class InstructionReader {

  private static final Pattern DIRECTIVE =
      Pattern.compile("#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.*?)\\s*");
  private static final Pattern HEREDOC =
      Pattern.compile("<<(-?)\\s*([\"']?)([a-zA-Z_][a-zA-Z0-9_]*)\\2");
  private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");

  /** One physical line: its text without the line break, and where it starts. */
  private record Line(String text, int number, int offset) {}

  private final List<Line> lines;
  private char escape = '\\';
  private int next;

  private InstructionReader(String text) {
    this.lines =
        split(text.startsWith("\uFEFF") ? text.substring(1) : text, text.startsWith("\uFEFF"));
  }

  static List<Instruction> read(String text) {
    InstructionReader reader = new InstructionReader(text);
    reader.readDirectives();
    List<Instruction> instructions = new ArrayList<>();
    Instruction instruction;
    while ((instruction = reader.nextInstruction()) != null) {
      instructions.add(instruction);
    }
    return instructions;
  }

  private void readDirectives() {
    while (next < lines.size()) {
      Matcher matcher = DIRECTIVE.matcher(lines.get(next).text().strip());
      if (!matcher.matches()) {
        return;
      }
      if (matcher.group(1).toLowerCase(Locale.ROOT).equals("escape")
          && (matcher.group(2).equals("`") || matcher.group(2).equals("\\"))) {
        escape = matcher.group(2).charAt(0);
      }
      next++;
    }
  }

  private Instruction nextInstruction() {
    while (next < lines.size() && isSkippable(lines.get(next).text())) {
      next++;
    }
    if (next >= lines.size()) {
      return null;
    }
    Line first = lines.get(next++);
    int indent = first.text().length() - first.text().stripLeading().length();
    Position position = new Position(first.number(), indent + 1, first.offset() + indent);
    StringBuilder joined = new StringBuilder();
    String content = first.text().strip();
    while (continues(content) && next < lines.size()) {
      joined.append(withoutEscape(content)).append(' ');
      while (next < lines.size() && isSkippable(lines.get(next).text())) {
        next++;
      }
      content = next < lines.size() ? lines.get(next++).text().strip() : "";
    }
    joined.append(continues(content) ? withoutEscape(content) : content);
    String whole = joined.toString().strip();
    int space = indexOfBlank(whole);
    String keyword = (space < 0 ? whole : whole.substring(0, space)).toUpperCase(Locale.ROOT);
    String arguments = space < 0 ? "" : whole.substring(space).strip();
    if (HEREDOC_INSTRUCTIONS.contains(keyword)) {
      skipHeredocs(arguments);
    }
    return new Instruction(keyword, arguments, position);
  }

  private void skipHeredocs(String arguments) {
    Matcher matcher = HEREDOC.matcher(arguments);
    while (matcher.find()) {
      boolean stripTabs = !matcher.group(1).isEmpty();
      String word = matcher.group(3);
      while (next < lines.size()) {
        String line = lines.get(next++).text();
        if ((stripTabs ? line.replaceFirst("^\t+", "") : line).equals(word)) {
          break;
        }
      }
    }
  }

  private boolean continues(String content) {
    return !content.isEmpty() && content.charAt(content.length() - 1) == escape;
  }

  private static String withoutEscape(String content) {
    return content.substring(0, content.length() - 1).stripTrailing();
  }

  private static boolean isSkippable(String line) {
    String stripped = line.strip();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  private static int indexOfBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Splits at {@code \n}, {@code \r\n} or {@code \r}, keeping each line's UTF-16 offset. */
  private static List<Line> split(String text, boolean bom) {
    List<Line> lines = new ArrayList<>();
    int base = bom ? 1 : 0;
    int start = 0;
    int number = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(new Line(text.substring(start, i), number++, base + start));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(new Line(text.substring(start), number, base + start));
    }
    return lines;
  }
}
