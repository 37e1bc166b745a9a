package dev.rootlock.fix;

import dev.rootlock.fix.plan.Change;
import dev.rootlock.fix.plan.ExemptChecks;
import dev.rootlock.fix.plan.FixExemptions;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.fix.pod.PodHardener;
import dev.rootlock.fix.yaml.EditException;
import dev.rootlock.fix.yaml.Layout;
import dev.rootlock.fix.yaml.PlainTree;
import dev.rootlock.fix.yaml.TextEdit;
import dev.rootlock.fix.yaml.YamlEditor;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckOutcome;
import dev.rootlock.policy.checks.PodChecks;
import dev.rootlock.policy.exempt.Exemptions;
import dev.rootlock.source.ParsedSource;
import dev.rootlock.source.kube.ManifestParser;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.NodeLocator;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import dev.rootlock.source.tree.Syntax;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fixes the Kubernetes objects of one manifest text: plans each workload, splices the changes into
 * the text, then proves the result before handing it back. The result must (a) parse, (b) decode to
 * exactly the original plus the planned changes, document by document, and (c) pass every check the
 * plan set out to fix without failing any check that passed before. Otherwise the text is left as
 * it was and the reason reported.
 */
public final class ManifestFixer {

  private static final LevelVersion EVERYTHING =
      LevelVersion.of(Level.HARDENED, PolicyVersion.LATEST);

  private final ManifestParser parser = new ManifestParser();
  private final int pieceChars;
  private ManifestReader reader;

  /**
   * A fixer; what it does is up to the {@link FixOptions} each call is given. Thread-compatible:
   * one instance per run.
   */
  public ManifestFixer() {
    this(PIECE_CHARS);
  }

  /** A fixer that fixes YAML texts longer than {@code pieceChars} piece by piece (tests). */
  ManifestFixer(int pieceChars) {
    this.pieceChars = pieceChars;
  }

  /** The reader of {@code options}' workload kinds, kept while the kinds stay the same. */
  private ManifestReader reader(FixOptions options) {
    if (reader == null || reader.kinds() != options.kinds()) {
      reader = new ManifestReader(options.kinds());
    }
    return reader;
  }

  /** One workload, where its root is, and what it needs. */
  private record Planned(
      int index, Workload workload, Node root, int document, FieldPath inDocument, Plan plan) {}

  /**
   * The size above which a YAML text is fixed a stretch of documents at a time: a whole text's
   * trees take some fifty times its size, and proving a fix holds the trees before and after, so a
   * manifest of thousands of documents would otherwise need gigabytes.
   */
  static final int PIECE_CHARS = 256 * 1024;

  /**
   * Fixes {@code text}, read from {@code displayName} (which picks JSON or YAML): misspelled keys
   * are renamed first, then the renamed text is hardened, and the edits are given on {@code text}.
   */
  public TextFix fix(String displayName, String text, FixOptions options) {
    return fix(
        displayName,
        text,
        options,
        () -> {
          ManifestParser.Parsed parsed = parser.parse(displayName, text);
          return new ParsedSource.Manifests(
              displayName, text, parsed, reader(options).read(displayName, text, parsed));
        });
  }

  /**
   * As {@link #fix(String, String, FixOptions)}, over {@code source} as the engine's reader read
   * it: the fix plans over those trees and workloads and does not read the text again.
   */
  public TextFix fix(ParsedSource.Manifests source, FixOptions options) {
    return fixWhole(source, options, null, null).fix();
  }

  /**
   * Fixes {@code text}: a long YAML text piece by piece (see {@link #inPieces}), else (or when a
   * piece fails) the whole of it as {@code read} reads it.
   */
  public TextFix fix(
      String displayName,
      String text,
      FixOptions options,
      java.util.function.Supplier<ParsedSource.Manifests> read) {
    if (inPieces(displayName, text)) {
      List<Integer> cuts = ManifestParser.separatorCuts(text, pieceChars);
      if (cuts.size() > 2) {
        TextFix pieces = fixPieces(displayName, text, cuts, options);
        if (pieces != null) {
          return pieces;
        }
      }
    }
    return fix(read.get(), options);
  }

  /**
   * Whether {@code text} is fixed a stretch of documents at a time rather than read whole: a YAML
   * text over {@link #PIECE_CHARS}, so that its trees before and after never sit in memory at once.
   */
  public boolean inPieces(String displayName, String text) {
    return text.length() > pieceChars
        && ManifestParser.syntaxOf(displayName, text) == Syntax.YAML
        && text.indexOf('\0') < 0;
  }

  /** One text's fix, with its notes kept apart by kind so that pieces can be joined in order. */
  private record Outcome(
      TextFix fix, List<String> renameNotes, List<String> planNotes, List<String> anchorNotes) {

    static Outcome of(TextFix fix) {
      return new Outcome(fix, List.of(), fix.notes(), List.of());
    }
  }

  /**
   * Fixes a long YAML text piece by piece, each piece a run of whole documents cut at separator
   * lines (kubectl reads each document on its own, so a piece reads exactly as it does in the
   * whole), with the layout of the whole text. Null when a piece fails: the caller then fixes the
   * whole text, so that the reason reported is the one the whole text gives.
   */
  private TextFix fixPieces(
      String displayName, String text, List<Integer> cuts, FixOptions options) {
    // The layout is the whole text's, known only once every piece is read; guess the first
    // piece's, and fix again with the whole text's in the rare file whose pieces differ.
    ManifestParser.Parsed first = parser.parse(displayName, text.substring(0, cuts.get(1)));
    if (!first.errors().isEmpty()) {
      return null;
    }
    Layout guess = Layout.detect(text, first.documents(), false);
    first = null;
    Layout.Counter counter = new Layout.Counter();
    TextFix fix = fixPieces(displayName, text, cuts, options, guess, counter);
    if (fix == null) {
      return null;
    }
    Layout whole = counter.layout(text, false);
    return whole.equals(guess) ? fix : fixPieces(displayName, text, cuts, options, whole, null);
  }

  /**
   * Fixes every piece with {@code layout}, counting the pieces' own layouts into {@code counter}.
   */
  private TextFix fixPieces(
      String displayName,
      String text,
      List<Integer> cuts,
      FixOptions options,
      Layout layout,
      Layout.Counter counter) {
    List<String> renameNotes = new ArrayList<>();
    List<String> planNotes = new ArrayList<>();
    List<String> anchorNotes = new ArrayList<>();
    List<TextEdit> edits = new ArrayList<>();
    int hardened = 0;
    for (int i = 0; i + 1 < cuts.size(); i++) {
      int offset = cuts.get(i);
      String pieceText = text.substring(offset, cuts.get(i + 1));
      ManifestParser.Parsed parsed = parser.parse(displayName, pieceText);
      Outcome piece =
          fixWhole(
              new ParsedSource.Manifests(
                  displayName,
                  pieceText,
                  parsed,
                  reader(options).read(displayName, pieceText, parsed)),
              options,
              layout,
              counter);
      if (piece.fix().error() != null) {
        return null;
      }
      renameNotes.addAll(piece.renameNotes());
      planNotes.addAll(piece.planNotes());
      anchorNotes.addAll(piece.anchorNotes());
      for (TextEdit edit : piece.fix().edits()) {
        edits.add(new TextEdit(edit.start() + offset, edit.end() + offset, edit.replacement()));
      }
      hardened += piece.fix().hardened();
    }
    List<String> notes = new ArrayList<>(renameNotes);
    notes.addAll(planNotes);
    notes.addAll(new LinkedHashSet<>(anchorNotes));
    if (edits.isEmpty()) {
      return TextFix.unchanged(text, notes);
    }
    String fixed = TextEdit.apply(text, edits);
    // Each piece was proven on its own; the joined text must still fall into the same documents.
    if (ManifestParser.separatedDocuments(fixed) != ManifestParser.separatedDocuments(text)) {
      return null;
    }
    return new TextFix(fixed, edits, notes, null, hardened);
  }

  /**
   * Fixes one whole text (or one piece of a long one, with the whole text's {@code layout}; null:
   * the text's own), counting its layout into {@code counter} when given.
   */
  private Outcome fixWhole(
      ParsedSource.Manifests source, FixOptions options, Layout layout, Layout.Counter counter) {
    String displayName = source.displayName();
    String text = source.text();
    ManifestReader reader = reader(options);
    // A renamed parent (securitycontext) can reveal a misspelled child, so rename until none is
    // left; a few rounds suffice, as the schema checked is three levels deep.
    String renamed = text;
    List<String> notes = new ArrayList<>();
    List<TextEdit> firstRound = List.of();
    ManifestParser.Parsed firstParse = source.parsed();
    ReadResult firstRead = source.read();
    if (counter != null) {
      counter.add(firstParse.documents());
    }
    int rounds = 0;
    for (; rounds < 4; rounds++) {
      List<KeyRenames.Rename> renames =
          rounds == 0
              ? renames(reader, displayName, text, firstParse, firstRead)
              : renames(reader, displayName, renamed, parser.parse(displayName, renamed), null);
      if (renames.isEmpty()) {
        break;
      }
      List<TextEdit> edits = renames.stream().map(KeyRenames.Rename::edit).toList();
      if (rounds == 0) {
        firstRound = edits;
      }
      renames.forEach(rename -> notes.add(rename.note()));
      renamed = TextEdit.apply(renamed, edits);
    }
    if (rounds == 0) {
      // Nothing renamed: harden the trees just read rather than parsing the text again.
      return harden(options, displayName, text, firstParse, firstRead, layout);
    }
    firstParse = null;
    firstRead = null;
    Outcome hardened =
        harden(options, displayName, renamed, parser.parse(displayName, renamed), null, layout);
    if (hardened.fix().error() != null) {
      return hardened;
    }
    List<TextEdit> edits =
        rounds == 1 ? KeyRenames.mapBack(firstRound, hardened.fix().edits()) : null;
    if (edits == null) {
      edits = List.of(KeyRenames.whole(text, hardened.fix().fixed()));
    }
    List<String> all = new ArrayList<>(notes);
    all.addAll(hardened.fix().notes());
    return new Outcome(
        new TextFix(hardened.fix().fixed(), edits, all, null, hardened.fix().hardened()),
        notes,
        hardened.planNotes(),
        hardened.anchorNotes());
  }

  /** The misspelled keys of {@code text}; {@code read} is its reading, or null to read it here. */
  private static List<KeyRenames.Rename> renames(
      ManifestReader reader,
      String displayName,
      String text,
      ManifestParser.Parsed parsed,
      ReadResult read) {
    if (read == null) {
      read = reader.read(displayName, text, parsed);
    }
    List<KeyRenames.Rename> renames = new ArrayList<>();
    if (parsed.errors().isEmpty() && read.errors().isEmpty()) {
      for (Workload workload : read.workloads()) {
        renames.addAll(KeyRenames.of(workload, text));
      }
    }
    return renames;
  }

  private Outcome harden(
      FixOptions options,
      String displayName,
      String text,
      ManifestParser.Parsed parsed,
      ReadResult givenRead,
      Layout givenLayout) {
    ManifestReader reader = reader(options);
    FixExemptions exemptions = options.exemptions();
    ReadResult read = givenRead != null ? givenRead : reader.read(displayName, text, parsed);
    if (!parsed.errors().isEmpty() || !read.errors().isEmpty()) {
      InputError first = !parsed.errors().isEmpty() ? parsed.errors().get(0) : read.errors().get(0);
      return Outcome.of(TextFix.failed("cannot be read, left untouched: " + first, List.of()));
    }
    List<Planned> planned = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    dev.rootlock.policy.exempt.Exemptions rules = exemptions.forFile(displayName);
    for (int index = 0; index < read.workloads().size(); index++) {
      Workload workload = read.workloads().get(index);
      NodeLocator locator = (NodeLocator) workload.locator();
      List<String> exemptNotes = new ArrayList<>();
      ExemptChecks exempt =
          WorkloadExemptions.of(workload, rules, exemptions.inObject(), exemptNotes);
      for (String note : exemptNotes) {
        notes.add(workload.displayName() + ": " + note);
      }
      Plan plan = plan(options, workload, exempt);
      for (String note : plan.notes()) {
        notes.add(workload.displayName() + ": " + note);
      }
      if (plan.isEmpty()) {
        continue;
      }
      int document = documentOf(parsed.documents(), locator.root());
      FieldPath inDocument = pathTo(parsed.documents().get(document), locator.root());
      if (inDocument == null) {
        throw new IllegalStateException(workload.displayName() + " not found in its document");
      }
      planned.add(new Planned(index, workload, locator.root(), document, inDocument, plan));
    }
    if (planned.isEmpty()) {
      return Outcome.of(TextFix.unchanged(text, notes));
    }
    Layout layout =
        givenLayout != null
            ? givenLayout
            : Layout.detect(text, parsed.documents(), parsed.syntax() == Syntax.JSON);
    YamlEditor editor = new YamlEditor(text, layout);
    List<TextEdit> edits = new ArrayList<>();
    Set<String> anchors = new LinkedHashSet<>();
    for (Planned item : planned) {
      try {
        YamlEditor.Result result = editor.edits(item.root(), item.plan().changes());
        edits.addAll(result.edits());
        anchors.addAll(result.anchors());
      } catch (EditException e) {
        return Outcome.of(
            TextFix.failed(
                item.workload().displayName() + ": " + e.getMessage() + "; left untouched", notes));
      }
    }
    String fixed;
    try {
      fixed = TextEdit.apply(text, edits);
    } catch (IllegalStateException e) {
      return Outcome.of(
          TextFix.failed("conflicting edits (" + e.getMessage() + "); left untouched", notes));
    }
    String problem =
        verify(reader, displayName, parsed, planned, fixed, anchors, read.workloads().size());
    if (problem != null) {
      return Outcome.of(TextFix.failed(problem, notes));
    }
    List<String> anchorNotes = new ArrayList<>();
    for (String anchor : anchors) {
      anchorNotes.add("edited YAML anchor " + anchor + ", which every alias of it shares");
    }
    List<String> all = new ArrayList<>(notes);
    all.addAll(anchorNotes);
    TextFix fix =
        fixed.equals(text)
            ? TextFix.unchanged(text, all)
            : new TextFix(fixed, edits, all, null, planned.size());
    return new Outcome(fix, List.of(), notes, anchorNotes);
  }

  private String verify(
      ManifestReader reader,
      String displayName,
      ManifestParser.Parsed before,
      List<Planned> planned,
      String fixed,
      Set<String> anchors,
      int workloads) {
    ManifestParser.Parsed after = parser.parse(displayName, fixed);
    if (!after.errors().isEmpty()) {
      return "the fixed text would not parse (" + after.errors().get(0) + "); left untouched";
    }
    if (after.documents().size() != before.documents().size()) {
      return "the fixed text would hold "
          + after.documents().size()
          + " documents instead of "
          + before.documents().size()
          + "; left untouched";
    }
    for (int i = 0; i < before.documents().size(); i++) {
      List<Change> changes = new ArrayList<>();
      for (Planned item : planned) {
        if (item.document() == i) {
          for (Change change : item.plan().changes()) {
            changes.add(relocate(change, item.inDocument()));
          }
        }
      }
      Object expected = PlainTree.apply(PlainTree.of(before.documents().get(i)), changes);
      if (!expected.equals(PlainTree.of(after.documents().get(i)))) {
        String why =
            anchors.isEmpty()
                ? "the edit would change more than intended"
                : "the edit would go through YAML anchors ("
                    + String.join(", ", anchors)
                    + "), which places needing different changes share; expand the aliases or fix"
                    + " by hand";
        return "document " + (i + 1) + ": " + why + "; left untouched";
      }
    }
    return checks(planned, reader.read(displayName, fixed, after), workloads);
  }

  /** (c): the planned checks pass and no check that passed before fails now. */
  private String checks(List<Planned> planned, ReadResult reread, int expectedWorkloads) {
    List<Workload> afterWorkloads = reread.workloads();
    if (afterWorkloads.size() != expectedWorkloads) {
      return "the fixed text would hold "
          + afterWorkloads.size()
          + " workloads instead of "
          + expectedWorkloads
          + "; left untouched";
    }
    for (Planned item : planned) {
      Workload after = afterWorkloads.get(item.index());
      if (!sameIdentity(after, item.workload())) {
        return item.workload().displayName() + ": not found after fixing; left untouched";
      }
      Set<String> broken = failing(after, check -> true);
      // A check still failing that the plan did not target (an image that starts as root keeps
      // runAsNonRoot failing) is broken only if it passed before: only those checks are evaluated
      // on the original, not the whole registry again.
      Set<String> untargeted = new TreeSet<>(broken);
      untargeted.removeAll(item.plan().targetChecks());
      if (!untargeted.isEmpty()) {
        broken.removeAll(failing(item.workload(), untargeted::contains));
      }
      if (!broken.isEmpty()) {
        return item.workload().displayName()
            + ": after fixing, "
            + String.join(", ", broken)
            + " would fail; left untouched";
      }
    }
    return null;
  }

  private static boolean sameIdentity(Workload a, Workload b) {
    return a.kind().equals(b.kind())
        && java.util.Objects.equals(a.metadata().name(), b.metadata().name())
        && java.util.Objects.equals(a.metadata().namespace(), b.metadata().namespace());
  }

  /**
   * The failing checks among those {@code only} accepts, from the registry the engine evaluates
   * workloads with.
   */
  private static Set<String> failing(Workload workload, java.util.function.Predicate<String> only) {
    Set<String> ids = new TreeSet<>();
    if (workload.pod() != null) {
      for (CheckOutcome failure :
          PodChecks.registry().evaluate(EVERYTHING, workload.pod(), only).failures()) {
        ids.add(failure.id());
      }
    }
    return ids;
  }

  private static Change relocate(Change change, FieldPath prefix) {
    FieldPath path = prefix.append(change.path());
    return switch (change) {
      case Change.SetField set -> new Change.SetField(path, set.value());
      case Change.AppendItem append -> new Change.AppendItem(path, append.value());
      case Change.RemoveField remove -> new Change.RemoveField(path);
    };
  }

  /** The last document starting at or before {@code root} (documents are in text order). */
  private static int documentOf(List<Node> documents, Node root) {
    int low = 0;
    int high = documents.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (documents.get(middle).start().offset() <= root.start().offset()) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) {
      throw new IllegalStateException("object outside every document");
    }
    return found;
  }

  /**
   * Where {@code target} (from another parse of the same text) sits in {@code document}: the root,
   * or an item of a (nested) List.
   */
  private static FieldPath pathTo(Node document, Node target) {
    if (document.start().equals(target.start()) && document.end().equals(target.end())) {
      return FieldPath.root();
    }
    if (document instanceof MappingNode mapping
        && mapping.get("items") instanceof SequenceNode items) {
      for (int i = 0; i < items.items().size(); i++) {
        FieldPath inner = pathTo(items.items().get(i), target);
        if (inner != null) {
          return FieldPath.of("items").index(i).append(inner);
        }
      }
    }
    return null;
  }

  /**
   * What hardening {@code workload} takes, by path from its root. A workload the manifest reader
   * read (from a file or an admission request) has its containers' commands recognised in the
   * knowledge base; one read otherwise is planned from its images alone.
   */
  public static Plan plan(FixOptions options, Workload workload) {
    return plan(options, workload, ExemptChecks.NONE);
  }

  /**
   * As {@link #plan(FixOptions, Workload)}, leaving alone the fields of the checks that {@code
   * rules} (and, when {@code inObject}, the workload's own {@code rootlock.dev/exempt*}
   * annotations) exempt; expired and unreadable exemptions become notes of the plan.
   */
  public static Plan plan(
      FixOptions options, Workload workload, Exemptions rules, boolean inObject) {
    List<String> exemptNotes = new ArrayList<>();
    ExemptChecks exempt = WorkloadExemptions.of(workload, rules, inObject, exemptNotes);
    Plan plan = plan(options, workload, exempt);
    if (exemptNotes.isEmpty()) {
      return plan;
    }
    List<String> notes = new ArrayList<>(exemptNotes);
    notes.addAll(plan.notes());
    return new Plan(plan.changes(), plan.targetChecks(), notes);
  }

  /** As {@link #plan(FixOptions, Workload)}, leaving the fields of {@code exempt} checks alone. */
  static Plan plan(FixOptions options, Workload workload, ExemptChecks exempt) {
    if (!(workload.locator() instanceof NodeLocator locator)) {
      return new PodHardener(options, c -> List.of(), exempt).plan(workload);
    }
    return new PodHardener(options, c -> command(locator, workload, c), exempt).plan(workload);
  }

  /** The container's command and args as written, for recognising frameworks. */
  private static List<String> command(NodeLocator locator, Workload workload, Container container) {
    List<String> words = new ArrayList<>();
    FieldPath path = workload.templatePath().append(container.path());
    for (String field : List.of("command", "args")) {
      if (locator.find(path.key(field)) instanceof SequenceNode sequence) {
        for (Node item : sequence.items()) {
          if (item instanceof ScalarNode scalar) {
            words.add(scalar.value());
          }
        }
      }
    }
    return words;
  }
}
