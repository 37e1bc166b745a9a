package dev.rootlock.model.image;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One knowledge-base entry: an image (or a framework recognised by its command) and the directories
 * it writes at run time.
 *
 * @param id a short stable name ({@code nginx}, {@code bitnami-postgresql}, {@code gunicorn})
 * @param images glob patterns over {@link ImageReference#qualifiedName()}: {@code *} matches within
 *     one path component, a leading {@code **}{@code /} any number of leading components
 * @param commandWords words that identify the entry in a container's command or arguments when the
 *     image name says nothing ({@code gunicorn}, {@code org.springframework.boot.loader})
 * @param paths the directories to make writable, persistent ones included (those become notes)
 * @param notes advice that is not a mount: what to reconfigure, what must not be mounted over
 * @param startsAsRoot whether the image's entrypoint starts as root and needs to (it chowns its
 *     directories, switches user or binds a port below 1024), so that a non-root user or dropping
 *     ALL capabilities stops it from starting
 */
public record KnownImage(
    String id,
    List<String> images,
    List<String> commandWords,
    List<WritablePath> paths,
    List<String> notes,
    boolean startsAsRoot) {

  /** An entry whose image does not need to start as root. */
  public KnownImage(
      String id,
      List<String> images,
      List<String> commandWords,
      List<WritablePath> paths,
      List<String> notes) {
    this(id, images, commandWords, paths, notes, false);
  }

  public KnownImage {
    images = List.copyOf(images);
    commandWords = List.copyOf(commandWords);
    paths = List.copyOf(paths);
    notes = List.copyOf(notes);
  }

  /** Compiled globs, shared by every entry: the knowledge base is matched once per container. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  /** Whether {@code image} matches one of this entry's patterns. */
  public boolean matchesImage(ImageReference image) {
    String name = image.qualifiedName();
    for (String glob : images) {
      if (COMPILED.computeIfAbsent(glob, KnownImage::toRegex).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether any of {@code words} (a container's command and arguments) contains a command word. */
  public boolean matchesCommand(List<String> words) {
    for (String word : words) {
      for (String commandWord : commandWords) {
        if (word.contains(commandWord)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The path entry for {@code path}, or null. */
  public WritablePath path(String path) {
    for (WritablePath candidate : paths) {
      if (candidate.path().equals(path)) {
        return candidate;
      }
    }
    return null;
  }

  static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    String rest = glob;
    if (rest.startsWith("**/")) {
      regex.append("(?:[^/]+/)*");
      rest = rest.substring(3);
    }
    String[] literals = rest.split("\\*", -1);
    for (int i = 0; i < literals.length; i++) {
      if (i > 0) {
        regex.append("[^/]*");
      }
      regex.append(Pattern.quote(literals[i]));
    }
    return Pattern.compile(regex.toString());
  }
}
