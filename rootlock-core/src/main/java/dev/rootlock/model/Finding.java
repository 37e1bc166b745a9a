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
 * @param file the file {@code position} is in when it is not the object's own (a Compose service
 *     that inherits the field from another file, or a value set in {@code .env}); null otherwise
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
    String file,
    Exempt exempt) {

  /**
   * A field and where it is.
   *
   * @param file the file {@code position} is in when it is not the object's own; null otherwise
   */
  public record Located(FieldPath path, Position position, String file) {

    /** A field in the object's own file. */
    public Located(FieldPath path, Position position) {
      this(path, position, null);
    }

    /** The file {@code position} is in: {@code file}, or the object's own. */
    public String fileOr(String objectFile) {
      return file == null ? objectFile : file;
    }
  }

  public Finding {
    containers = List.copyOf(containers);
    otherPaths = List.copyOf(otherPaths);
  }

  /** A finding that counts (no exemption), its fields all in the object's own file. */
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
    this(object, check, level, containers, reason, detail, path, position, otherPaths, null, null);
  }

  /** A finding that counts, whose position may be in another file. */
  public Finding(
      ObjectRef object,
      String check,
      String level,
      List<String> containers,
      String reason,
      String detail,
      FieldPath path,
      Position position,
      List<Located> otherPaths,
      String file) {
    this(object, check, level, containers, reason, detail, path, position, otherPaths, file, null);
  }

  /** The file {@code position} is in: {@code file}, or the object's own. */
  public String positionFile() {
    return file == null ? object.source().file() : file;
  }

  /** Whether an exemption or a baseline entry keeps this finding from counting. */
  public boolean isExempt() {
    return exempt != null;
  }

  /** This finding, exempt for {@code why}. */
  public Finding exempted(Exempt why) {
    return new Finding(
        object, check, level, containers, reason, detail, path, position, otherPaths, file, why);
  }
}
