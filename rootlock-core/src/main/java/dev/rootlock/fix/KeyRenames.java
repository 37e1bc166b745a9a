package dev.rootlock.fix;

import dev.rootlock.fix.yaml.TextEdit;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.UnknownField;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.NodeLocator;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renames misspelled keys ({@code readOnlyRootFileSystem}, {@code securitycontext}) to the field
 * they were meant to be, in place. Adding the right key beside the wrong one would leave an object
 * kubectl's strict validation still refuses. A key is renamed only when its mapping does not hold
 * the right one already (two keys would then mean the same field).
 */
final class KeyRenames {

  /** One rename: the edit, and the note that tells the user. */
  record Rename(TextEdit edit, String note) {}

  private KeyRenames() {}

  static List<Rename> of(Workload workload, String text) {
    List<Rename> renames = new ArrayList<>();
    if (workload.pod() == null || !(workload.locator() instanceof NodeLocator locator)) {
      return renames;
    }
    for (UnknownField field : workload.pod().unknownFields()) {
      if (field.suggestion() == null) {
        continue;
      }
      FieldPath path = workload.templatePath().append(field.path());
      if (!(at(locator.root(), path.parent()) instanceof MappingNode mapping)
          || mapping.fields().containsKey(field.suggestion())) {
        continue;
      }
      MappingNode.Entry entry = mapping.entry(field.name());
      int start = entry.keyNode().start().offset();
      int end = entry.keyNode().end().offset();
      char first = text.charAt(start);
      String replacement =
          first == '"' || first == '\'' ? first + field.suggestion() + first : field.suggestion();
      renames.add(
          new Rename(
              new TextEdit(start, end, replacement),
              workload.displayName()
                  + ": renamed "
                  + path
                  + " to "
                  + field.suggestion()
                  + " (kubectl's strict field validation refuses the misspelling)"));
    }
    return renames;
  }

  /**
   * Maps edits made on the renamed text back onto the original, or returns null when one overlaps a
   * renamed key (the caller then falls back to one edit spanning the change).
   */
  static List<TextEdit> mapBack(List<TextEdit> renames, List<TextEdit> later) {
    List<TextEdit> mapped = new ArrayList<>(renames);
    for (TextEdit edit : later) {
      int start = original(renames, edit.start());
      int end = original(renames, edit.end());
      if (start < 0 || end < 0) {
        return null;
      }
      mapped.add(new TextEdit(start, end, edit.replacement()));
    }
    return mapped;
  }

  /** {@code offset} of the renamed text in the original, or -1 inside a renamed key. */
  private static int original(List<TextEdit> renames, int offset) {
    int shift = 0;
    for (TextEdit rename : renames) {
      int renamedStart = rename.start() + shift;
      int renamedEnd = renamedStart + rename.replacement().length();
      if (offset > renamedStart && offset < renamedEnd) {
        return -1;
      }
      if (offset >= renamedEnd) {
        shift += rename.replacement().length() - (rename.end() - rename.start());
      }
    }
    return offset - shift;
  }

  /** One edit replacing what differs between two texts. */
  static TextEdit whole(String before, String after) {
    int prefix = 0;
    int max = Math.min(before.length(), after.length());
    while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && before.charAt(before.length() - 1 - suffix)
            == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    return new TextEdit(
        prefix, before.length() - suffix, after.substring(prefix, after.length() - suffix));
  }

  private static Node at(Node root, FieldPath path) {
    Node node = root;
    for (Object segment : path.segments()) {
      if (segment instanceof String key && node instanceof MappingNode mapping) {
        node = mapping.get(key);
      } else if (segment instanceof Integer index
          && node instanceof SequenceNode sequence
          && index < sequence.items().size()) {
        node = sequence.items().get(index);
      } else {
        return null;
      }
    }
    return node;
  }
}
