package dev.rootlock.kube.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Exemptions in CEL. The webhook's usernames and runtime classes become the policy's {@code
 * matchConditions} (a request they match is not judged at all, as the webhook answers it "exempt");
 * its namespaces join {@code kube-system} in the bindings' namespace selector.
 *
 * <p>The in-object annotation {@code rootlock.dev/exempt: "<check>[,<check>]: reason"} (issue 11),
 * read from the object's metadata and from its pod template's, exempts the checks it names, or
 * every check for {@code *}. Check IDs are trimmed; an annotation without a colon or with an empty
 * reason exempts nothing.
 */
final class ExemptionsCel {

  static final String ANNOTATION = "rootlock.dev/exempt";

  /** One {@code matchConditions} entry. */
  record MatchCondition(String name, String expression) {}

  private ExemptionsCel() {}

  static List<MatchCondition> matchConditions(ExportExemptions exemptions) {
    List<MatchCondition> conditions = new ArrayList<>();
    if (!exemptions.usernames().isEmpty()) {
      conditions.add(
          new MatchCondition(
              "not-exempt-username",
              "!(request.userInfo.username in " + list(exemptions.sortedUsernames()) + ")"));
    }
    if (!exemptions.runtimeClasses().isEmpty()) {
      String classes = list(exemptions.sortedRuntimeClasses());
      // matchConditions cannot see the policy's variables, so the spec is found again by kind.
      conditions.add(
          new MatchCondition(
              "not-exempt-runtime-class",
              "!("
                  + PodSpecCel.bySpec(
                      s ->
                          "has("
                              + s
                              + ".runtimeClassName) && "
                              + s
                              + ".runtimeClassName in "
                              + classes)
                  + ")"));
    }
    return conditions;
  }

  /**
   * {@code variables.exemptChecks}: for each {@code rootlock.dev/exempt} annotation on the object
   * and on its pod template, the check IDs it names.
   */
  static final String EXEMPT_CHECKS =
      "("
          + annotation("object.metadata")
          + " + (object.kind == 'Pod' ? [] : "
          + PodSpecCel.byTemplateMetadata(ExemptionsCel::annotation)
          + "))"
          + ".filter(a, a.indexOf(':') >= 0 && a.substring(a.indexOf(':') + 1).trim() != '')"
          + ".map(a, a.substring(0, a.indexOf(':')).split(',').map(c, c.trim()))";

  /** The validation's expression, with the check allowed when the object exempts it. */
  static String exemptable(String checkId, String expression) {
    return "variables.exemptChecks.exists(ids, '"
        + checkId
        + "' in ids || '*' in ids) || ("
        + expression
        + ")";
  }

  /** A one-element list with the annotation's value, or an empty list. */
  private static String annotation(String metadata) {
    return "(has("
        + metadata
        + ".annotations) && '"
        + ANNOTATION
        + "' in "
        + metadata
        + ".annotations ? ["
        + metadata
        + ".annotations['"
        + ANNOTATION
        + "']] : [])";
  }

  /** A CEL list of string literals. */
  static String list(List<String> items) {
    return items.stream().map(ExemptionsCel::literal).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A CEL single-quoted string literal: backslash, quote and control characters escaped. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '\'') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
