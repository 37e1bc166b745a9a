package dev.rootlock.docker.trial;

import dev.rootlock.docker.trial.RefusedWrite.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds refused writes in container logs, using the error shapes of shells, busybox, coreutils,
 * nginx, Apache, PostgreSQL, Redis, MySQL, Node, Python, Java, Go, Ruby and PHP. A line must first
 * carry an errno text (EROFS, EACCES, ENOENT) before a per-runtime pattern pulls out the path, so
 * an ordinary line that merely mentions a path is never taken for a failure.
 */
public final class RefusedWriteParser {

  private static final String EROFS =
      "(?:Read-only file system|read-only file system|EROFS"
          + "|[Ee]rrno:? 30|\\(30:|\\(30\\)|Errcode: 30)";
  private static final Pattern ERRNO_TEXT =
      Pattern.compile(
          EROFS
              + "|Permission denied"
              + "|nonexistent directory|No such file or directory|ENOENT|No usable temporary directory"
              + "|cannot create temp file|Unable to create tempDir|failed to map segment");

  private static final Pattern CREATE_HINT =
      Pattern.compile(
          "can't create|cannot create|nonexistent|mkdir|No usable temporary directory|tempDir");

  /** A path pattern for one runtime; group 1 is the path, {@code directory} for mkdir shapes. */
  private record Shape(Pattern pattern, boolean directory) {}

  private static final String Q = "['‘\"]?"; // ASCII or Unicode quotes, or none
  private static final String QE = "['’\"]?";

  private static final List<Shape> SHAPES =
      List.of(
          // mkdir shapes first: the path they name is a directory.
          shape("mkdir: (?:can't|cannot) create directory " + Q + "([^'’\"]+?)" + QE + ":", true),
          shape("mkdir\\(\\) \"([^\"]+)\" failed", true),
          shape("could not create directory \"([^\"]+)\"", true),
          shape("ENOENT: no such file or directory, mkdir '([^']+)'", true),
          shape("EROFS: read-only file system, mkdir '([^']+)'", true),
          shape("@ dir_s_mkdir - (\\S+)", true),
          shape("\\bmkdir(?:at)? (/[^:]*): read-only file system", true),
          // busybox ash and dash redirects: "can't create X: ..." / "cannot create X: ..."
          shape(
              "(?:can't|cannot) create (?:regular file )?" + Q + "(/[^'’\":]+?)" + QE + ": ",
              false),
          shape("(?:open|mkdir)\\(\\) \"([^\"]+)\" failed", false),
          shape("could not create lock file \"([^\"]+)\"", false),
          shape("AH\\d+: could not create (\\S+)", false),
          shape("Can't create/write to file '([^']+)'", false),
          shape("(?:EROFS|EACCES): [a-z -]+, \\w+ '([^']+)'", false),
          shape("\\[Errno \\d+\\] [A-Za-z -]+: '([^']+)'", false),
          shape("FileSystemException: (\\S+): ", false),
          shape("FileNotFoundException: (\\S+) \\(", false),
          shape("Failed opening the temp RDB file (\\S+) \\(in server root dir (\\S+)\\)", false),
          shape("couldn't open temporary file (\\S+): ", false),
          shape("@ \\w+ - (\\S+)", false),
          shape("\\w+\\((/[^),]+)(?:, [A-Z_|]+)?\\): [Ff]ailed to open stream", false),
          shape("open\\((/[^,)]+), [A-Z_|]+\\) failed", false),
          shape(
              "\\b(?:open|unlinkat|rename|remove|symlink|chmod|lstat|stat) (/[^:]+): "
                  + "(?:read-only file system|permission denied)",
              false),
          shape(
              "(?:touch|cp|mv|rm|ln|tee|chmod|install|sed|install): (?:[a-z' ]+ )?"
                  + Q
                  + "(/[^'’\":]+?)"
                  + QE
                  + ": ",
              false),
          shape(
              "(?:can't|cannot) (?:touch|remove|rename) " + Q + "(/[^'’\"]+?)" + QE + ": ", false),
          shape("failed to create symbolic link " + Q + "(/[^'’\"]+?)" + QE + ": ", false),
          shape("changing permissions of " + Q + "(/[^'’\"]+?)" + QE + ": ", false),
          // bash: "bash: line 1: /x: Read-only file system", "/entrypoint.sh: line 12: /x: ..."
          shape("line \\d+: (/[^:]+): ", false),
          shape("^(?:[^:]+: )?(/[^:\\s]+): (?:Read-only file system|Permission denied)", false),
          shape("Cannot open (/\\S+): ", false));

  private static Shape shape(String regex, boolean directory) {
    return new Shape(Pattern.compile(regex), directory);
  }

  private RefusedWriteParser() {}

  /**
   * The refused writes in {@code logs}, one per distinct path and kind, in order of appearance.
   * Relative paths are resolved against {@code workingDir} (the image's, or {@code /}).
   */
  public static List<RefusedWrite> parse(String logs, String workingDir) {
    Map<String, RefusedWrite> found = new LinkedHashMap<>();
    for (String rawLine : logs.split("\\R", -1)) {
      String line = rawLine.strip();
      if (!ERRNO_TEXT.matcher(line).find()) {
        continue;
      }
      RefusedWrite write = parseLine(line, workingDir);
      if (write != null) {
        found.putIfAbsent(write.kind() + " " + write.path(), write);
      }
    }
    return new ArrayList<>(found.values());
  }

  public static RefusedWrite parseLine(String line, String workingDir) {
    if (line.contains("failed to map segment")) {
      Matcher so = Pattern.compile("(/\\S+?\\.so[^:\\s]*)").matcher(line);
      return new RefusedWrite(so.find() ? so.group(1) : "", Kind.NOEXEC, false, line);
    }
    Kind kind = kindOf(line);
    if (kind == Kind.MISSING_PARENT && !CREATE_HINT.matcher(line).find()) {
      return null; // "cat: /x: No such file or directory" is a read, not a refused write
    }
    for (Shape shape : SHAPES) {
      Matcher m = shape.pattern().matcher(line);
      if (m.find()) {
        String path = m.group(1).strip();
        if (m.groupCount() >= 2 && m.group(2) != null) { // Redis: file name + server root dir
          path = m.group(2) + "/" + path;
        }
        if (path.isEmpty() || path.startsWith("/dev/null")) {
          continue;
        }
        return new RefusedWrite(absolute(path, workingDir), kind, shape.directory(), line);
      }
    }
    if (line.contains("No usable temporary directory")
        || line.contains("cannot create temp file")
        || line.contains("Unable to create tempDir")
        || line.matches(".*IOException: Read-only file system\\s*$")) {
      return new RefusedWrite("", Kind.NO_PATH, false, line);
    }
    return null;
  }

  private static Kind kindOf(String line) {
    if (Pattern.compile(EROFS).matcher(line).find()) {
      return Kind.READ_ONLY;
    }
    if (line.contains("Permission denied")
        || line.contains("EACCES")
        || line.contains("permission denied")) {
      return Kind.PERMISSION_DENIED;
    }
    return Kind.MISSING_PARENT;
  }

  private static String absolute(String path, String workingDir) {
    if (path.startsWith("/")) {
      return normalize(path);
    }
    String base = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
    return normalize(base + "/" + path);
  }

  public static String normalize(String path) {
    String normal = java.nio.file.Path.of(path).normalize().toString();
    return normal.length() > 1 && normal.endsWith("/")
        ? normal.substring(0, normal.length() - 1)
        : normal;
  }
}
