package dev.rootlock.policy.exempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exemption matching, table-driven: every scope field, globs, expiry on both sides of the day. */
class ExemptionsTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 3, 31);

  private static final Subject DAEMONSET =
      new Subject("monitoring", "DaemonSet", "node-agent", null, null);

  private static final Map<String, String> IMAGES =
      Map.of(
          "agent", "registry.example/vendor/agent:7.3",
          "pinned", "registry.example/vendor/agent@sha256:0123abcd",
          "ours", "ghcr.io/example/web:1.4");

  private static Glob g(String pattern) {
    return pattern == null ? null : Glob.parse(pattern);
  }

  private static Exemption exemption(
      String check,
      String ns,
      String kind,
      String name,
      String container,
      String image,
      LocalDate expires) {
    return new Exemption(
        Set.of(check),
        new Scope(g(ns), g(kind), g(name), g(container), g(image)),
        "because",
        expires,
        "test");
  }

  /**
   * check, scope (ns, kind, name, container, image), expires; finding (check, containers); verdict.
   */
  static Stream<Arguments> table() {
    return Stream.of(
        // namespace, kind, name: exact and globs
        row(
            "hostNamespaces",
            "monitoring",
            null,
            null,
            null,
            null,
            null,
            "hostNamespaces",
            List.of(),
            "Exempt"),
        row(
            "hostNamespaces",
            "monitor*",
            null,
            null,
            null,
            null,
            null,
            "hostNamespaces",
            List.of(),
            "Exempt"),
        row(
            "hostNamespaces",
            "kube-system",
            null,
            null,
            null,
            null,
            null,
            "hostNamespaces",
            List.of(),
            "None"),
        row(
            "hostNamespaces",
            null,
            "DaemonSet",
            null,
            null,
            null,
            null,
            "hostNamespaces",
            List.of(),
            "Exempt"),
        row(
            "hostNamespaces",
            null,
            "Deployment",
            null,
            null,
            null,
            null,
            "hostNamespaces",
            List.of(),
            "None"),
        row(
            "hostNamespaces",
            null,
            null,
            "node-?gent",
            null,
            null,
            null,
            "hostNamespaces",
            List.of(),
            "Exempt"),
        row(
            "hostNamespaces",
            null,
            null,
            "node",
            null,
            null,
            null,
            "hostNamespaces",
            List.of(),
            "None"),
        // another check is not covered; * covers all
        row("privileged", null, null, null, null, null, null, "hostNamespaces", List.of(), "None"),
        row("*", null, null, null, null, null, null, "hostNamespaces", List.of(), "Exempt"),
        // container and image scopes cover container findings only
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            "agent",
            null,
            null,
            "readOnlyRootFilesystem",
            List.of("agent"),
            "Exempt"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            "ag*",
            null,
            null,
            "readOnlyRootFilesystem",
            List.of("ours"),
            "None"),
        row(
            "hostNamespaces",
            null,
            null,
            null,
            "agent",
            null,
            null,
            "hostNamespaces",
            List.of(),
            "None"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            null,
            "registry.example/vendor/*",
            null,
            "readOnlyRootFilesystem",
            List.of("agent"),
            "Exempt"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            null,
            "registry.example/vendor/agent",
            null,
            "readOnlyRootFilesystem",
            List.of("agent"),
            "Exempt"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            null,
            "registry.example/vendor/agent:7.*",
            null,
            "readOnlyRootFilesystem",
            List.of("agent"),
            "Exempt"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            null,
            "registry.example/vendor/agent:8.*",
            null,
            "readOnlyRootFilesystem",
            List.of("agent"),
            "None"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            null,
            "registry.example/vendor/agent",
            null,
            "readOnlyRootFilesystem",
            List.of("pinned"),
            "Exempt"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            null,
            "registry.example/vendor/agent@sha256:0123*",
            null,
            "readOnlyRootFilesystem",
            List.of("pinned"),
            "Exempt"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            null,
            "registry.example/vendor/*",
            null,
            "readOnlyRootFilesystem",
            List.of("ours"),
            "None"),
        // a finding about two containers, one exempt: still counts
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            "agent",
            null,
            null,
            "readOnlyRootFilesystem",
            List.of("agent", "ours"),
            "Partial"),
        // expiry: the last day holds, the day after does not
        row(
            "hostNamespaces",
            null,
            null,
            null,
            null,
            null,
            TODAY,
            "hostNamespaces",
            List.of(),
            "Exempt"),
        row(
            "hostNamespaces",
            null,
            null,
            null,
            null,
            null,
            TODAY.minusDays(1),
            "hostNamespaces",
            List.of(),
            "Expired"),
        row(
            "readOnlyRootFilesystem",
            null,
            null,
            null,
            "agent",
            null,
            TODAY.minusDays(1),
            "readOnlyRootFilesystem",
            List.of("agent"),
            "Expired"));
  }

  private static Arguments row(
      String check,
      String ns,
      String kind,
      String name,
      String container,
      String image,
      LocalDate expires,
      String findingCheck,
      List<String> containers,
      String verdict) {
    return Arguments.of(
        exemption(check, ns, kind, name, container, image, expires),
        findingCheck,
        containers,
        verdict);
  }

  @ParameterizedTest(name = "[{index}] {0} on {1} {2} -> {3}")
  @MethodSource("table")
  void judgesEachRow(Exemption exemption, String check, List<String> containers, String verdict) {
    ExemptionVerdict result =
        new Exemptions(List.of(exemption), TODAY).judge(check, DAEMONSET, containers, IMAGES);
    assertEquals(verdict, result.getClass().getSimpleName());
  }

  @Test
  void aNamespaceGlobOtherThanStarNeverMatchesAnObjectWithoutANamespace() {
    Subject noNamespace = new Subject(null, "Pod", "web", null, null);
    assertEquals(
        ExemptionVerdict.NONE,
        judge(exemption("privileged", "default", null, null, null, null, null), noNamespace));
    assertEquals(
        "Exempt",
        judge(exemption("privileged", "*", null, null, null, null, null), noNamespace)
            .getClass()
            .getSimpleName());
  }

  private static ExemptionVerdict judge(Exemption exemption, Subject subject) {
    return new Exemptions(List.of(exemption), TODAY)
        .judge("privileged", subject, List.of(), Map.of());
  }

  @Test
  void aFindingAboutTwoContainersExemptByTwoExemptionsNamesBoth() {
    Exemption byImage =
        exemption("readOnlyRootFilesystem", null, null, null, null, "registry.example/*", null);
    Exemption byName = exemption("readOnlyRootFilesystem", null, null, null, "ours", null, null);
    ExemptionVerdict verdict =
        new Exemptions(List.of(byImage, byName), TODAY)
            .judge("readOnlyRootFilesystem", DAEMONSET, List.of("agent", "ours"), IMAGES);
    assertEquals(new ExemptionVerdict.Exempt(List.of(byImage, byName)), verdict);
  }

  @Test
  void theFirstCoveringExemptionWinsAndAnUnexpiredOneBeatsAnExpiredOne() {
    Exemption expired = exemption("privileged", null, null, null, null, null, TODAY.minusDays(10));
    Exemption current = exemption("privileged", "monitoring", null, null, null, null, null);
    assertEquals(
        new ExemptionVerdict.Exempt(List.of(current)),
        new Exemptions(List.of(expired, current), TODAY)
            .judge("privileged", DAEMONSET, List.of(), Map.of()));
  }

  @Test
  void aReasonIsRequired() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Exemption(Set.of("privileged"), Scope.ANY, " ", null, "test"));
    assertEquals("an exemption must give a reason", e.getMessage());
  }

  @Test
  void globsRefuseBracketsBracesAndBackslashes() {
    for (String bad : List.of("a[bc]", "{a,b}", "a\\b", "")) {
      assertThrows(IllegalArgumentException.class, () -> Glob.parse(bad), bad);
    }
    assertEquals(
        "invalid glob \"a[bc]\": '[' is not supported (only * and ?)",
        assertThrows(IllegalArgumentException.class, () -> Glob.parse("a[bc]")).getMessage());
  }

  @Test
  void globsMatchTheWholeValue() {
    assertEquals(true, Glob.parse("a*c").matches("abbbc"));
    assertEquals(false, Glob.parse("a*c").matches("abbbcd"));
    assertEquals(true, Glob.parse("*").matches(""));
    assertEquals(false, Glob.parse("a?").matches("a"));
    assertEquals(true, Glob.parse("*a*a*a*b").matches("a".repeat(5000) + "b"));
    assertEquals(false, Glob.parse("*a*a*a*b").matches("a".repeat(5000)));
  }

  @Test
  void annotationsOnTheObjectCoverEveryContainerAndContainerAnnotationsOnlyTheirOwn() {
    AnnotationExemptions.Read read =
        AnnotationExemptions.read(
            Map.of(
                "rootlock.dev/exempt", "hostNamespaces, privileged: node agent",
                "rootlock.dev/exempt.agent", "readOnlyRootFilesystem: writes /opt",
                "rootlock.dev/exempt.bad", "no colon here",
                "other/annotation", "x"),
            "metadata");
    assertEquals(
        List.of(
            "annotation rootlock.dev/exempt.bad in metadata: expected \"<check>[,<check>]: reason\","
                + " got \"no colon here\""),
        read.problems());
    Exemptions exemptions = new Exemptions(read.exemptions(), TODAY);
    assertEquals(
        "Exempt",
        exemptions.judge("privileged", DAEMONSET, List.of(), Map.of()).getClass().getSimpleName());
    assertEquals(
        "Exempt",
        exemptions
            .judge("readOnlyRootFilesystem", DAEMONSET, List.of("agent"), IMAGES)
            .getClass()
            .getSimpleName());
    assertEquals(
        ExemptionVerdict.NONE,
        exemptions.judge("readOnlyRootFilesystem", DAEMONSET, List.of("ours"), IMAGES));
    assertEquals(Set.of("hostNamespaces", "privileged"), read.exemptions().get(0).checks());
    assertEquals("node agent", read.exemptions().get(0).reason());
  }

  @Test
  void anAnnotationWithoutAReasonIsAProblem() {
    assertEquals(
        List.of(
            "annotation rootlock.dev/exempt in metadata: a reason is required after the ':' in"
                + " \"privileged:\""),
        AnnotationExemptions.read(Map.of("rootlock.dev/exempt", "privileged:"), "metadata")
            .problems());
  }
}
