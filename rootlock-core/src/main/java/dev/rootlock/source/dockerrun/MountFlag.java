package dev.rootlock.source.dockerrun;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.docker.ByteSize;
import dev.rootlock.model.docker.GoBooleans;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.TmpfsMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one {@code --mount} value as the Docker CLI does: a CSV record of {@code key=value} fields
 * (quoted fields may hold commas), {@code type} defaulting to {@code volume}, {@code
 * readonly}/{@code ro} bare or with a Go boolean, a required target, and no option of one type on a
 * mount of another.
 */
public final class MountFlag {

  /** What a {@code --mount} produces: exactly one of the two is set. */
  public record Parsed(Mount mount, TmpfsMount tmpfs) {}

  private static final Set<String> BARE_KEYS =
      Set.of("readonly", "ro", "volume-nocopy", "bind-nonrecursive", "bind-create-mountpoint");
  private static final Set<String> PLAIN_KEYS = Set.of("consistency");

  private MountFlag() {}

  /**
   * Parses {@code value}; the message of the exception is Docker's reason, to follow {@code invalid
   * argument "..." for "--mount" flag: }.
   */
  public static Parsed parse(String value, FieldPath path) {
    String type = "volume";
    String source = null;
    String target = null;
    boolean readOnly = false;
    String size = null;
    String mode = null;
    String optionFamily = null;
    for (String field : csvFields(value)) {
      int equals = field.indexOf('=');
      String key = equals < 0 ? field : field.substring(0, equals);
      String val = equals < 0 ? null : field.substring(equals + 1);
      if (val == null && !BARE_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "invalid field '" + field + "' must be a key=value pair");
      }
      switch (key) {
        case "type" -> type = val.toLowerCase(Locale.ROOT);
        case "source", "src" -> source = val;
        case "target", "dst", "destination" -> target = val;
        case "readonly", "ro" -> readOnly = val == null || bool(key, val);
        case "tmpfs-size" -> {
          size = val;
          if (ByteSize.parseRam(val).isEmpty()) {
            throw new IllegalArgumentException("invalid value for " + key + ": " + val);
          }
          optionFamily = "tmpfs";
        }
        case "tmpfs-mode" -> {
          if (!val.matches("[0-7]{1,11}")) {
            throw new IllegalArgumentException("invalid value for " + key + ": " + val);
          }
          mode = val;
          optionFamily = "tmpfs";
        }
        default -> optionFamily = familyOf(key, field, optionFamily);
      }
    }
    if (type.isEmpty()) {
      throw new IllegalArgumentException("type is required");
    }
    if (target == null || target.isEmpty()) {
      throw new IllegalArgumentException("target is required");
    }
    if (optionFamily != null && !optionFamily.equals(type)) {
      throw new IllegalArgumentException(
          "cannot mix '" + optionFamily + "-*' options with mount type '" + type + "'");
    }
    if (type.equals("tmpfs")) {
      return new Parsed(null, TmpfsMount.ofLongSyntax(target, size, mode, readOnly, path));
    }
    return new Parsed(new Mount(mountType(type), source, target, readOnly, path), null);
  }

  private static String familyOf(String key, String field, String current) {
    for (String family : List.of("bind", "volume", "image")) {
      if (key.startsWith(family + "-")) {
        return family;
      }
    }
    if (PLAIN_KEYS.contains(key)) {
      return current;
    }
    throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
  }

  private static boolean bool(String key, String value) {
    Boolean parsed = GoBooleans.parse(value);
    if (parsed == null) {
      throw new IllegalArgumentException("invalid value for " + key + ": " + value);
    }
    return parsed;
  }

  private static MountType mountType(String type) {
    return switch (type) {
      case "bind" -> MountType.BIND;
      case "volume" -> MountType.VOLUME;
      case "npipe" -> MountType.NPIPE;
      case "cluster" -> MountType.CLUSTER;
      case "image" -> MountType.IMAGE;
      default -> throw new IllegalArgumentException("mount type unknown: '" + type + "'");
    };
  }

  /** One CSV record, as Go's {@code encoding/csv} reads it. */
  public static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      field.setLength(0);
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new IllegalArgumentException("extraneous or missing \" in quoted-field");
          }
          char c = line.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < line.length() && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          throw new IllegalArgumentException("extraneous or missing \" in quoted-field");
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          char c = line.charAt(i++);
          if (c == '"') {
            throw new IllegalArgumentException("bare \" in non-quoted-field");
          }
          field.append(c);
        }
      }
      fields.add(field.toString());
      if (i >= line.length()) {
        return fields;
      }
      i++;
    }
  }
}
