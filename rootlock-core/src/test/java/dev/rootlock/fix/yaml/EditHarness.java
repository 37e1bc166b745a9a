package dev.rootlock.fix.yaml;

import dev.rootlock.fix.plan.Change;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarResolver;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.TextPositions;
import dev.rootlock.source.tree.TreeException;
import dev.rootlock.source.tree.TreeLimits;
import dev.rootlock.source.tree.YamlTreeReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one YAML document, edits it and checks the edit against the in-memory prediction. */
final class EditHarness {

  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "on", "y");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "no", "off", "n");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");

  /** Enough of YAML 1.1 for these tests: booleans, decimal integers, nulls. */
  static final ScalarResolver RESOLVER =
      (value, tag, plain) -> {
        if (!((plain && tag == null) || "!!bool".equals(tag))) {
          return new ScalarResolver.Resolved(ScalarType.STRING, value);
        }
        if (value.isEmpty() || value.equals("~") || value.equals("null")) {
          return new ScalarResolver.Resolved(ScalarType.NULL, "null");
        }
        if (TRUE.contains(value)) {
          return new ScalarResolver.Resolved(ScalarType.BOOLEAN, "true");
        }
        if (FALSE.contains(value)) {
          return new ScalarResolver.Resolved(ScalarType.BOOLEAN, "false");
        }
        if (INT.matcher(value).matches()) {
          return new ScalarResolver.Resolved(ScalarType.INTEGER, Long.valueOf(value).toString());
        }
        return new ScalarResolver.Resolved(ScalarType.STRING, value);
      };

  private EditHarness() {}

  static Node read(String text) throws TreeException {
    return new YamlTreeReader(RESOLVER, TreeLimits.DEFAULT)
        .readFirst(text, 0, text.length(), new TextPositions(text))
        .orElseThrow();
  }

  /** The edited text, after checking that it parses to the original plus {@code changes}. */
  static String edit(String text, List<Change> changes) throws Exception {
    Node root = read(text);
    Layout layout = Layout.detect(text, List.of(root));
    YamlEditor.Result result = new YamlEditor(text, layout).edits(root, changes);
    String edited = TextEdit.apply(text, result.edits());
    Object expected = PlainTree.apply(PlainTree.of(root), changes);
    Object actual = PlainTree.of(read(edited));
    if (!expected.equals(actual)) {
      throw new AssertionError(
          "edit does not parse as predicted\n--- edited:\n"
              + edited
              + "\n--- expected: "
              + expected
              + "\n--- actual:   "
              + actual);
    }
    return edited;
  }
}
