package dev.rootlock.fix.pod;

import dev.rootlock.fix.Change;
import dev.rootlock.fix.FixOptions;
import dev.rootlock.model.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects one workload's changes and notes; paths given to it are relative to the template. */
final class PlanBuilder {

  private final FieldPath template;
  private final FixOptions options;
  private final List<Change> changes = new ArrayList<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private final Set<String> declined = new LinkedHashSet<>();

  PlanBuilder(FieldPath template, FixOptions options) {
    this.template = template;
    this.options = options;
  }

  FixOptions options() {
    return options;
  }

  boolean fixes(String check) {
    return options.fixes(check, FixableChecks.all().get(check));
  }

  void set(FieldPath path, Object value) {
    changes.add(new Change.SetField(template.append(path), value));
  }

  void append(FieldPath path, Object value) {
    changes.add(new Change.AppendItem(template.append(path), value));
  }

  void remove(FieldPath path) {
    changes.add(new Change.RemoveField(template.append(path)));
  }

  void note(String note) {
    notes.add(note);
  }

  /**
   * Records that {@code check} will still fail because of a value kept on purpose, and says how to
   * change it.
   */
  void keep(String check, String subject, String field, String written) {
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
  void cannot(String check, String reason) {
    declined.add(check);
    notes.add(reason);
  }

  /** Records that {@code check} will still fail, already explained by another note. */
  void decline(String check) {
    declined.add(check);
  }

  /** Records that an explicit value was changed because its check was named with --only. */
  void changed(String subject, String field, String from, String to) {
    notes.add(subject + ": changed " + field + " from " + from + " to " + to);
  }

  PodPlan build() {
    Set<String> targets = new LinkedHashSet<>();
    for (String check : FixableChecks.all().keySet()) {
      if (fixes(check) && !declined.contains(check)) {
        targets.add(check);
      }
    }
    return new PodPlan(changes, targets, List.copyOf(notes));
  }
}
