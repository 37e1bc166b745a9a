package dev.rootlock.model;

import java.util.List;

/**
 * One failing check on one object.
 *
 * @param check the check ID, e.g. {@code readOnlyRootFilesystem}
 * @param level the level that introduces the check: {@code baseline}, {@code restricted} or {@code
 *     hardened}
 * @param containers names of the containers at fault, in visiting order
 * @param reason the short reason, e.g. {@code readOnlyRootFilesystem != true}
 * @param detail the specifics, e.g. {@code container "app" must set ...}
 * @param path the first offending field, relative to the object's root
 * @param position where {@code path} (or its nearest written parent) is in the file
 * @param otherPaths further offending fields, each with its position
 * @param exempt why the finding does not count, or null when it does
 */
public record Finding(
    ObjectRef object,
    String check,
    String level,
    List<String> containers,
    String reason,
    String detail,
    FieldPath path,
    Position position,
    List<Located> otherPaths,
    Exempt exempt) {

  /** A field and where it is. */
  public record Located(FieldPath path, Position position) {}

  public Finding {
    containers = List.copyOf(containers);
    otherPaths = List.copyOf(otherPaths);
  }

  /** A finding that counts (no exemption). */
  public Finding(
      ObjectRef object,
      String check,
      String level,
      List<String> containers,
      String reason,
      String detail,
      FieldPath path,
      Position position,
      List<Located> otherPaths) {
    this(object, check, level, containers, reason, detail, path, position, otherPaths, null);
  }

  /** Whether an exemption or a baseline entry keeps this finding from counting. */
  public boolean isExempt() {
    return exempt != null;
  }

  /** This finding, exempt for {@code why}. */
  public Finding exempted(Exempt why) {
    return new Finding(
        object, check, level, containers, reason, detail, path, position, otherPaths, why);
  }
}
