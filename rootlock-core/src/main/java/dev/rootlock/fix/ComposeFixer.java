package dev.rootlock.fix;

import dev.rootlock.fix.compose.ServiceHardener;
import dev.rootlock.fix.plan.Change;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.fix.yaml.EditException;
import dev.rootlock.fix.yaml.Layout;
import dev.rootlock.fix.yaml.PlainTree;
import dev.rootlock.fix.yaml.TextEdit;
import dev.rootlock.fix.yaml.YamlEditor;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.policy.CheckOutcome;
import dev.rootlock.policy.docker.DockerChecks;
import dev.rootlock.source.ParsedSource;
import dev.rootlock.source.compose.ComposeFile;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.TreeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fixes the services of one Compose text, with the same proof as {@link ManifestFixer}: the result
 * must parse, decode to the original plus exactly the planned changes, and pass the planned checks
 * without failing one that passed before; otherwise the text is left as it was.
 */
public final class ComposeFixer {

  private static final LevelVersion EVERYTHING =
      LevelVersion.of(Level.HARDENED, PolicyVersion.LATEST);

  private ComposeFixer() {}

  /** Fixes {@code text}, the Compose file {@code displayName}, as {@code options} say. */
  public static TextFix fix(String displayName, String text, FixOptions options) {
    return fix(new ParsedSource.Compose(displayName, text), options);
  }

  /**
   * Fixes the Compose file {@code source}, read once by the engine's reader, as {@code options}
   * say; the fields of the checks {@code options.exemptions()} exempt are left alone.
   */
  public static TextFix fix(ParsedSource.Compose source, FixOptions options) {
    String displayName = source.displayName();
    String text = source.text();
    dev.rootlock.fix.plan.FixExemptions exemptions = options.exemptions();
    ComposeFile read = source.alone();
    if (!read.errors().isEmpty()) {
      return TextFix.failed("cannot be read, left untouched: " + read.errors().get(0), List.of());
    }
    Node root;
    try {
      root = source.tree().orElseThrow();
    } catch (TreeException e) {
      return TextFix.failed("cannot be read, left untouched: " + e.getMessage(), List.of());
    }
    MappingNode services = (MappingNode) ((MappingNode) root).get("services");
    Map<String, Plan> plans = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    dev.rootlock.policy.exempt.Exemptions rules = exemptions.forFile(displayName);
    for (DockerObject object : read.services()) {
      MappingNode written = (MappingNode) services.get(object.config().name());
      List<String> exemptNotes = new ArrayList<>();
      Map<String, String> exempt =
          WorkloadExemptions.ofService(object, rules, exemptions.inObject(), exemptNotes);
      exemptNotes.forEach(note -> notes.add("service \"" + object.config().name() + "\": " + note));
      Plan plan =
          ServiceHardener.plan(
              options, object.config(), written, ServiceHardener.commandOf(written), exempt);
      notes.addAll(plan.notes());
      if (!plan.isEmpty()) {
        plans.put(object.config().name(), plan);
      }
    }
    if (plans.isEmpty()) {
      return TextFix.unchanged(text, notes);
    }
    YamlEditor editor = new YamlEditor(text, Layout.detect(text, List.of(root), isJson(text)));
    List<TextEdit> edits = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    Set<String> anchors = new LinkedHashSet<>();
    try {
      for (Plan plan : plans.values()) {
        YamlEditor.Result result = editor.edits(root, plan.changes());
        edits.addAll(result.edits());
        anchors.addAll(result.anchors());
        changes.addAll(plan.changes());
      }
    } catch (EditException e) {
      return TextFix.failed(e.getMessage() + "; left untouched", notes);
    }
    String fixed;
    try {
      fixed = TextEdit.apply(text, edits);
    } catch (IllegalStateException e) {
      return TextFix.failed("conflicting edits (" + e.getMessage() + "); left untouched", notes);
    }
    String problem = verify(displayName, root, changes, plans, read, fixed, anchors);
    if (problem != null) {
      return TextFix.failed(problem, notes);
    }
    for (String anchor : anchors) {
      notes.add("edited YAML anchor " + anchor + ", which every alias of it shares");
    }
    return fixed.equals(text)
        ? TextFix.unchanged(text, notes)
        : new TextFix(fixed, edits, notes, null, plans.size());
  }

  private static String verify(
      String displayName,
      Node before,
      List<Change> changes,
      Map<String, Plan> plans,
      ComposeFile read,
      String fixed,
      Set<String> anchors) {
    Optional<Node> after;
    try {
      after = ComposeReader.parseDocument(fixed);
    } catch (TreeException e) {
      return "the fixed text would not parse (" + e.getMessage() + "); left untouched";
    }
    if (after.isEmpty()
        || !PlainTree.apply(PlainTree.of(before), changes).equals(PlainTree.of(after.get()))) {
      return anchors.isEmpty()
          ? "the edit would change more than intended; left untouched"
          : "the edit would go through YAML anchors ("
              + String.join(", ", anchors)
              + "), which places needing different changes share; expand the aliases or fix by"
              + " hand; left untouched";
    }
    ComposeFile reread = ComposeReader.read(displayName, fixed);
    if (!reread.errors().isEmpty()) {
      return "the fixed text would not read (" + reread.errors().get(0) + "); left untouched";
    }
    for (DockerObject original : read.services()) {
      DockerObject fixedService =
          reread.services().stream()
              .filter(s -> s.config().name().equals(original.config().name()))
              .findFirst()
              .orElse(null);
      if (fixedService == null) {
        return "service \"" + original.config().name() + "\" is gone after fixing; left untouched";
      }
      Set<String> broken = new TreeSet<>();
      Set<String> failedBefore = null; // evaluated only when a failing check needs it
      for (String check : failing(fixedService)) {
        Plan plan = plans.get(original.config().name());
        if (plan != null && plan.targetChecks().contains(check)) {
          broken.add(check);
          continue;
        }
        if (failedBefore == null) {
          failedBefore = failing(original);
        }
        if (!failedBefore.contains(check)) {
          broken.add(check);
        }
      }
      if (!broken.isEmpty()) {
        return "service \""
            + original.config().name()
            + "\": after fixing, "
            + String.join(", ", broken)
            + " would fail; left untouched";
      }
    }
    return null;
  }

  /** Compose reads JSON too; new text in a JSON file must be JSON. */
  private static boolean isJson(String text) {
    String start = text.stripLeading();
    return start.startsWith("{") || start.startsWith("\uFEFF{");
  }

  /** The failing checks, from the registry the engine evaluates containers with. */
  private static Set<String> failing(DockerObject service) {
    Set<String> ids = new TreeSet<>();
    for (CheckOutcome failure :
        DockerChecks.registry().evaluate(EVERYTHING, service.config()).failures()) {
      ids.add(failure.id());
    }
    return ids;
  }
}
