package dev.rootlock.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a fix note is about, for the one-line summary at the end of a run ({@code notes: 4 image
 * starts as root, 2 must persist}). A note is classified by the words every note of its kind
 * carries, whatever object, container or path it names; a note that matches no kind is {@link
 * #OTHER}, which only changes how it is counted, never whether it is shown.
 */
public enum NoteKind {
  DOCKERFILE("Dockerfile not fixed", "not fixed: a Dockerfile"),
  STARTS_AS_ROOT("image starts as root", "starts as root and needs to", "must start as root"),
  RUN_AS_NON_ROOT("runAsNonRoot needs a numeric user", "runAsNonRoot: true stops the kubelet"),
  NO_USER("no user set", "give a non-root user with --user"),
  MUST_PERSIST("must persist", " must persist: mount "),
  SYSTEM_PATH("system path left read-only", "lies in a system directory"),
  TMPFS_MEMORY("tmpfs uses memory", "is a tmpfs, so it uses memory"),
  READ_ONLY_MOUNT("read-only mount kept", "is mounted read-only (volume"),
  KEPT("explicit value kept", "(set explicitly; run with --only "),
  CHANGED("explicit value changed", Pattern.compile(": changed \\S+ from .* to ")),
  INTERPOLATED("interpolated value", " is interpolated (\""),
  INHERITED("inherited value", " is inherited; "),
  PRIVILEGE_ESCALATION(
      "allowPrivilegeEscalation left alone", "allowPrivilegeEscalation left alone"),
  MOVED("misplaced readOnlyRootFilesystem moved", "pod: moved readOnlyRootFilesystem"),
  RENAMED("misspelled key renamed", "(kubectl's strict field validation refuses the misspelling)"),
  ANCHOR("YAML anchor edited", "edited YAML anchor "),
  TRIAL("learnt by trial", "a trial proved"),
  IMAGE_ADVICE("image advice", Pattern.compile("^(\\S+/\\S*|service \"[^\"]*\"): [a-z0-9.-]+: ")),
  OTHER("other");

  private final String label;

  /** Words a note of this kind carries as they are (most kinds): a plain search, no regex. */
  @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable list (List.of)
  private final List<String> phrases;

  /** Or, for the two kinds whose words vary, a pattern. */
  private final Pattern pattern;

  NoteKind(String label, String... phrases) {
    this.label = label;
    this.phrases = List.of(phrases);
    this.pattern = null;
  }

  NoteKind(String label, Pattern pattern) {
    this.label = label;
    this.phrases = List.of();
    this.pattern = pattern;
  }

  /** The words the summary counts it under. */
  public String label() {
    return label;
  }

  /** The first kind whose words the note carries, else {@link #OTHER}. */
  public static NoteKind of(String note) {
    for (NoteKind kind : KINDS) {
      if (kind.isIn(note)) {
        return kind;
      }
    }
    return OTHER;
  }

  private boolean isIn(String note) {
    if (pattern != null) {
      return pattern.matcher(note).find();
    }
    for (String phrase : phrases) {
      if (note.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #values()} once: it copies the array on every call, and a run classifies every note. */
  private static final List<NoteKind> KINDS = List.of(values());
}
