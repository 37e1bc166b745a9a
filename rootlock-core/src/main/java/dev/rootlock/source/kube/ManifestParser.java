package dev.rootlock.source.kube;

import dev.rootlock.model.InputError;
import dev.rootlock.model.Position;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.tree.JsonTreeReader;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.Syntax;
import dev.rootlock.source.tree.TextPositions;
import dev.rootlock.source.tree.TreeException;
import dev.rootlock.source.tree.TreeLimits;
import dev.rootlock.source.tree.YamlTreeReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a manifest text into document trees the way kubectl reads it: YAML split into documents by
 * kubectl's separator rule and resolved with go-yaml v2's scalars, or a stream of JSON values. A
 * document that cannot be parsed is reported and the others are still read. This is the entry point
 * for anything that needs the trees themselves (the fixer); {@link ManifestReader} builds on it.
 */
public final class ManifestParser {

  /**
   * The documents of one text.
   *
   * @param documents each document's root, in order; empty documents are left out
   * @param errors what could not be parsed, in order
   */
  public record Parsed(Syntax syntax, List<Node> documents, List<InputError> errors) {

    public Parsed {
      documents = List.copyOf(documents);
      errors = List.copyOf(errors);
    }
  }

  private final YamlTreeReader yaml;
  private final JsonTreeReader json;

  public ManifestParser() {
    this(TreeLimits.DEFAULT);
  }

  public ManifestParser(TreeLimits limits) {
    this.yaml = new YamlTreeReader(new GoYamlScalars(), limits);
    this.json = new JsonTreeReader(limits);
  }

  /**
   * JSON for a {@code .json} name; YAML for {@code .yaml} and {@code .yml}; otherwise (standard
   * input) JSON when the first thing in the text is a <code>{</code>, as kubectl decides.
   */
  public static Syntax syntaxOf(String displayName, String text) {
    String name = displayName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Syntax.JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Syntax.YAML;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' ? Syntax.JSON : Syntax.YAML;
      }
    }
    return Syntax.YAML;
  }

  /**
   * Where a YAML text may be cut into pieces of about {@code maxChars} that each read exactly as
   * they do in the whole: at the start of separator lines, since kubectl splits the text into
   * documents before parsing any. The first cut is 0 and the last the text's length; a single
   * document longer than {@code maxChars} stays whole.
   */
  public static List<Integer> separatorCuts(String text, int maxChars) {
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    int pieceStart = 0;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      if (lineStart > pieceStart
          && lineStart - pieceStart >= maxChars
          && text.startsWith("---", lineStart)) {
        cuts.add(lineStart);
        pieceStart = lineStart;
      }
      lineStart = newline < 0 ? text.length() : newline + 1;
    }
    cuts.add(text.length());
    return List.copyOf(cuts);
  }

  /** How many documents kubectl's separator rule splits a YAML text into (empty ones left out). */
  public static int separatedDocuments(String text) {
    return DocumentSplitter.split(text).documents().size();
  }

  public Parsed parse(String displayName, String text) {
    Syntax syntax = syntaxOf(displayName, text);
    if (text.indexOf('\0') >= 0) {
      return new Parsed(
          syntax, List.of(), List.of(new InputError(displayName, null, InputFiles.BINARY)));
    }
    TextPositions positions = new TextPositions(text);
    List<Node> documents = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    if (syntax == Syntax.JSON) {
      readJson(displayName, text, positions, documents, errors);
    } else {
      readYaml(displayName, text, positions, documents, errors);
    }
    errors.sort(IN_TEXT_ORDER);
    return new Parsed(syntax, documents, errors);
  }

  /** Errors about the whole text first, then by place. */
  static final Comparator<InputError> IN_TEXT_ORDER = ManifestParser::inTextOrder;

  /** {@link #IN_TEXT_ORDER}, written out: {@code Comparator.comparing} is not in the AOT cache. */
  private static int inTextOrder(InputError a, InputError b) {
    Position first = a.position();
    Position second = b.position();
    if (first == null || second == null) {
      return Boolean.compare(first != null, second != null);
    }
    return Integer.compare(first.offset(), second.offset());
  }

  private void readYaml(
      String file,
      String text,
      TextPositions positions,
      List<Node> documents,
      List<InputError> errors) {
    DocumentSplitter.Split split = DocumentSplitter.split(text);
    for (DocumentSplitter.BadSeparator bad : split.badSeparators()) {
      errors.add(new InputError(file, positions.at(bad.lineStart()), bad.message()));
    }
    for (DocumentSplitter.Document document : split.documents()) {
      Position start = positions.at(document.start());
      try {
        Optional<Node> root = yaml.readFirst(text, document.start(), document.end(), positions);
        root.ifPresent(documents::add);
      } catch (TreeException e) {
        errors.add(
            new InputError(file, e.position() == null ? start : e.position(), e.getMessage()));
      } catch (RuntimeException e) {
        // No input may escape as an exception; name it so that it can be reported upstream.
        errors.add(new InputError(file, start, "cannot read this document: " + e));
      }
    }
  }

  private void readJson(
      String file,
      String text,
      TextPositions positions,
      List<Node> documents,
      List<InputError> errors) {
    try {
      json.readAll(text, positions, documents::add);
    } catch (TreeException e) {
      errors.add(new InputError(file, e.position(), e.getMessage()));
    } catch (RuntimeException e) {
      errors.add(new InputError(file, null, "cannot read this JSON: " + e));
    }
  }
}
