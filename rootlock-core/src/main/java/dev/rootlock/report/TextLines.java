package dev.rootlock.report;

import dev.rootlock.model.Finding;
import dev.rootlock.model.InputError;
import dev.rootlock.model.ObjectRef;

/**
 * The compiler-style lines of the text format, shared with the JUnit failure bodies so that both
 * read alike: {@code file:line:col kind/name containers check: detail}.
 */
final class TextLines {

  private TextLines() {}

  /** {@code file:line:col kind/name app,sidecar check: detail}; {@code -} when pod-level only. */
  static String finding(Finding finding, Ansi ansi) {
    ObjectRef object = finding.object();
    String containers =
        finding.containers().isEmpty() ? "-" : String.join(",", finding.containers());
    String text = finding.detail().isEmpty() ? finding.reason() : finding.detail();
    return ansi.bold(safe(finding.positionFile()) + ":" + finding.position())
        + " "
        + name(object)
        + " "
        + safe(containers)
        + " "
        + ansi.red(safe(finding.check()) + ":")
        + " "
        + safe(text);
  }

  /**
   * An exempt finding: its finding line, then {@code (exempt: reason [source])}, so the reason is
   * read beside what it excuses.
   */
  static String exempt(Finding finding, Ansi ansi) {
    return finding(finding, Ansi.OFF)
        + " "
        + ansi.cyan(
            "(exempt: "
                + safe(finding.exempt().reason())
                + " ["
                + safe(finding.exempt().source())
                + "])");
  }

  /** {@code file:line:col kind/name note: text}, at the object's own position. */
  static String note(ObjectRef object, String note, Ansi ansi) {
    return ansi.bold(safe(object.source().file()) + ":" + object.source().position())
        + " "
        + name(object)
        + " "
        + ansi.cyan("note:")
        + " "
        + safe(note);
  }

  /**
   * {@code file:line:col kind/name violates PodSecurity "restricted:latest": ...}: the API server's
   * own message for the object, once, as {@code kubectl apply} would print it.
   */
  static String message(ObjectRef object, String message, Ansi ansi) {
    return ansi.bold(safe(object.source().file()) + ":" + object.source().position())
        + " "
        + name(object)
        + " "
        + ansi.red(safe(message));
  }

  /**
   * {@code namespace/kind/name} when the object names a namespace, else {@code kind/name}: two
   * {@code pod/web} of {@code kubectl get pods -A} must not read alike.
   */
  static String name(ObjectRef object) {
    String namespace = object.namespace();
    return namespace == null || namespace.isEmpty()
        ? safe(object.displayName())
        : safe(namespace) + "/" + safe(object.displayName());
  }

  /** {@code file:line:col: error: message}, or {@code file: error: message} without a position. */
  static String error(InputError error, Ansi ansi) {
    String where =
        error.position() == null ? safe(error.file()) : safe(error.file()) + ":" + error.position();
    return ansi.bold(where + ":") + " " + ansi.boldRed("error:") + " " + safe(error.message());
  }

  /**
   * {@code text} with every control character and bidirectional-formatting character written as
   * {@code \}{@code uXXXX}, so that input can neither break the one-line-per-finding layout nor
   * send escape sequences to the terminal or reorder what it shows (Trojan Source).
   */
  static String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || isBidiControl(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isBidiControl(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
