package dev.rootlock.docker.trial;

import dev.rootlock.docker.trial.RefusedOperation.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds refused operations in container logs: nginx ({@code chown("/x", 33) failed (1: Operation
 * not permitted)}, {@code setgid(33) failed}, {@code bind() to 0.0.0.0:80 failed (13: Permission
 * denied)}), busybox and coreutils ({@code chown: /x: Operation not permitted}, {@code su: can't
 * set groups}), and the libc wording of setuid/setgid/setgroups/initgroups. A line must carry
 * EPERM's text (or EACCES for a bind) before a pattern names the operation.
 */
public final class RefusedOperationParser {

  private static final Pattern EPERM =
      Pattern.compile(
          "Operation not permitted|EPERM|\\(1: |errno:? 1\\b|permission denied|Permission denied");

  private record Shape(Pattern pattern, Kind kind) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(Pattern.compile("chown\\(\"([^\"]+)\"[^)]*\\) failed \\(1: "), Kind.CHOWN),
          new Shape(
              Pattern.compile(
                  "\\bchown(?:ing)?:? (?:changing ownership of )?['‘\"]?(/[^'’\": ]+)"
                      + "['’\"]?: Operation not permitted"),
              Kind.CHOWN),
          new Shape(
              Pattern.compile("\\b(?:lchown|fchown|chown)\\b.*(?:Operation not permitted|EPERM)"),
              Kind.CHOWN),
          new Shape(
              Pattern.compile(
                  "\\bset(?:res)?uid\\((\\d*)\\)? ?(?:failed)?.*(?:Operation not"
                      + " permitted|\\(1: )"),
              Kind.SETUID),
          new Shape(
              Pattern.compile(
                  "\\b(?:set(?:res)?gid|setgroups|initgroups)\\(([^)]*)\\)?.*"
                      + "(?:Operation not permitted|\\(1: )"),
              Kind.SETGID),
          new Shape(
              Pattern.compile(
                  "can't set groups|unable to setgroups|setgroups: Operation not"
                      + " permitted|cannot set groups"),
              Kind.SETGID),
          new Shape(
              Pattern.compile(
                  "can't set(?:uid| user id)|unable to setuid|setuid: Operation not"
                      + " permitted|cannot set user id"),
              Kind.SETUID),
          new Shape(
              Pattern.compile(
                  "can't set(?:gid| group id)|unable to setgid|setgid: Operation not"
                      + " permitted|cannot set group id"),
              Kind.SETGID),
          new Shape(
              Pattern.compile("bind\\(\\) to (\\S+:(\\d+)) failed \\(13: Permission denied\\)"),
              Kind.BIND_LOW_PORT),
          new Shape(
              Pattern.compile("listen tcp (\\S*:(\\d+)): bind: permission denied"),
              Kind.BIND_LOW_PORT));

  private RefusedOperationParser() {}

  /** The refused operations in {@code logs}, one per kind and detail, in order of appearance. */
  public static List<RefusedOperation> parse(String logs) {
    Map<String, RefusedOperation> found = new LinkedHashMap<>();
    for (String raw : logs.split("\\R", -1)) {
      String line = raw.strip();
      if (!EPERM.matcher(line).find()) {
        continue;
      }
      for (Shape shape : SHAPES) {
        Matcher m = shape.pattern().matcher(line);
        if (m.find()) {
          String detail = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "";
          if (shape.kind() == Kind.BIND_LOW_PORT && Integer.parseInt(m.group(2)) >= 1024) {
            break;
          }
          found.putIfAbsent(
              shape.kind() + " " + detail, new RefusedOperation(shape.kind(), detail, line));
          break;
        }
      }
    }
    return new ArrayList<>(found.values());
  }
}
