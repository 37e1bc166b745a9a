package dev.rootlock.fix.plan;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one object's changes and notes for a planner; paths given to it are relative to {@code
 * base} (a pod template, a Compose service).
 */
public final class PlanBuilder {

  private final FieldPath template;
  private final FixOptions options;
  private final Map<String, Level> checks;
  private final List<Change> changes = new ArrayList<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private final Set<String> declined = new LinkedHashSet<>();

  /**
   * @param base where the object's paths start
   * @param checks the fixable checks of this kind of object, with the level of each, in order
   */
  public PlanBuilder(FieldPath base, FixOptions options, Map<String, Level> checks) {
    this.template = base;
    this.options = options;
    this.checks = checks;
  }

  public FixOptions options() {
    return options;
  }

  public boolean fixes(String check) {
    return options.fixes(check, checks.get(check));
  }

  public void set(FieldPath path, Object value) {
    changes.add(new Change.SetField(template.append(path), value));
  }

  public void append(FieldPath path, Object value) {
    changes.add(new Change.AppendItem(template.append(path), value));
  }

  public void remove(FieldPath path) {
    changes.add(new Change.RemoveField(template.append(path)));
  }

  public void note(String note) {
    notes.add(note);
  }

  /**
   * Records that {@code check} will still fail because of a value kept on purpose, and says how to
   * change it.
   */
  public void keep(String check, String subject, String field, String written) {
    declined.add(check);
    notes.add(
        subject
            + ": kept "
            + field
            + ": "
            + written
            + " (set explicitly; run with --only "
            + check
            + " to change it)");
  }

  /** Records that {@code check} cannot be fixed here, for {@code reason}. */
  public void cannot(String check, String reason) {
    declined.add(check);
    notes.add(reason);
  }

  /** Records that {@code check} will still fail, already explained by another note. */
  public void decline(String check) {
    declined.add(check);
  }

  /** Records that an explicit value was changed because its check was named with --only. */
  public void changed(String subject, String field, String from, String to) {
    notes.add(subject + ": changed " + field + " from " + from + " to " + to);
  }

  public Plan build() {
    Set<String> targets = new LinkedHashSet<>();
    for (String check : checks.keySet()) {
      if (fixes(check) && !declined.contains(check)) {
        targets.add(check);
      }
    }
    return new Plan(changes, targets, List.copyOf(notes));
  }
}
