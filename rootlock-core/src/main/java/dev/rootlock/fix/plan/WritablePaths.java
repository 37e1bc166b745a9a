package dev.rootlock.fix.plan;

import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.model.image.KnownImage;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directories a container needs writable once its root is read-only: {@code /tmp} always, then
 * what {@code --paths-from} discovered for its image or, failing that, what the knowledge base
 * knows about the image (or the framework its command names).
 */
public final class WritablePaths {

  public static final String TMP = "/tmp";

  private WritablePaths() {}

  /** The advice for one container. */
  public record Advice(List<WritablePath> paths, List<String> notes) {

    public Advice {
      paths = List.copyOf(paths);
      notes = List.copyOf(notes);
    }
  }

  /**
   * The paths for a container running {@code image} with {@code command} (command and arguments, as
   * written), {@code /tmp} first; an image's own {@code /tmp} advice replaces the default.
   */
  public static Advice forContainer(FixOptions options, String image, List<String> command) {
    String reference = image == null ? "" : image;
    List<WritablePath> advised = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Optional<DiscoveredPaths> discovered =
        options.discovered().stream().filter(d -> d.appliesTo(reference)).findFirst();
    if (discovered.isPresent()) {
      advised.addAll(discovered.get().paths());
      notes.addAll(discovered.get().notes());
    } else {
      Optional<KnownImage> known = options.knowledge().lookup(reference, command);
      known.ifPresent(k -> advised.addAll(k.paths()));
      known.ifPresent(k -> notes.addAll(k.notes()));
    }
    Map<String, WritablePath> byPath = new LinkedHashMap<>();
    byPath.put(TMP, new WritablePath(TMP, Medium.MEMORY, null, "temporary files"));
    for (WritablePath path : advised) {
      String normalised = normalise(path.path());
      byPath.put(
          normalised,
          new WritablePath(
              normalised, path.medium(), path.sizeLimit(), path.purpose(), path.tmpfsOptions()));
    }
    return new Advice(List.copyOf(byPath.values()), notes);
  }

  /** The size of a path: its own, else {@code --tmp-size}. */
  public static String sizeOf(WritablePath path, FixOptions options) {
    return path.sizeLimit() != null ? path.sizeLimit() : options.tmpSize();
  }

  /** The path a runtime mounts at, without doubled or trailing slashes; null when empty. */
  public static String normalise(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return "/" + String.join("/", segments);
  }

  /** Whether a mount at {@code mountPoint} covers {@code path} (the same directory or a parent). */
  public static boolean covers(String mountPoint, String path) {
    String at = normalise(mountPoint);
    return at != null && (at.equals(path) || path.startsWith(at.equals("/") ? "/" : at + "/"));
  }
}
