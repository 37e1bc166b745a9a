package dev.rootlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests for {@link CheckRegistry}, on small synthetic checks. Every synthetic implementation fails
 * with the reason {@code <id>@v1.<minor>}, so a decision's reasons show which checks ran, in which
 * order, and which implementation of each was in force.
 */
class CheckRegistryTest {

  @Test
  void rejectsDuplicateIds() {
    assertInvalid(
        List.of(
            check("a", Level.BASELINE, since("a", 0)), check("a", Level.BASELINE, since("a", 1))),
        "invalid checks: duplicate check ID a");
  }

  @Test
  void rejectsChecksAtThePrivilegedLevel() {
    assertInvalid(
        List.of(check("p", Level.PRIVILEGED, since("p", 0))),
        "invalid checks: p: level must be baseline, restricted or hardened");
  }

  @Test
  void rejectsAnEmptyVersionList() {
    assertInvalid(List.of(check("e", Level.BASELINE)), "invalid checks: e: no versions");
  }

  @Test
  void rejectsVersionsThatDoNotStrictlyIncrease() {
    assertInvalid(
        List.of(check("n", Level.BASELINE, since("n", 5), since("n", 3))),
        "invalid checks: n: versions must strictly increase (v1.3 after v1.5)");
    assertInvalid(
        List.of(check("n", Level.BASELINE, since("n", 5), since("n", 5))),
        "invalid checks: n: versions must strictly increase (v1.5 after v1.5)");
  }

  @Test
  void rejectsLatestAsAMinimumVersion() {
    VersionedCheck<String> latest =
        new VersionedCheck<>(PolicyVersion.LATEST, List.of(), failing("l", "latest"));
    assertInvalid(
        List.of(check("l", Level.BASELINE, latest)),
        "invalid checks: l: \"latest\" cannot be a minimum version");
  }

  @Test
  void rejectsOverridingAnUnknownId() {
    assertInvalid(
        List.of(check("r", Level.RESTRICTED, since("r", 0, "missing"))),
        "invalid checks: r: overrides missing, which is not a baseline check");
  }

  @Test
  void rejectsOverridingANonBaselineCheck() {
    assertInvalid(
        List.of(
            check("r", Level.RESTRICTED, since("r", 0, "other")),
            check("other", Level.RESTRICTED, since("other", 0))),
        "invalid checks: r: overrides other, which is not a baseline check");
  }

  @Test
  void rejectsABaselineCheckThatOverrides() {
    assertInvalid(
        List.of(
            check("b", Level.BASELINE, since("b", 0, "c")),
            check("c", Level.BASELINE, since("c", 0))),
        "invalid checks: b: a baseline check cannot override c");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertInvalid(
        List.of(
            check("e", Level.BASELINE),
            check("p", Level.PRIVILEGED, since("p", 0)),
            check("e", Level.BASELINE, since("e", 0))),
        "invalid checks: duplicate check ID e; e: no versions;"
            + " p: level must be baseline, restricted or hardened");
  }

  @Test
  void clampsVersionsAboveTheNewestToTheNewest() {
    CheckRegistry<String> registry =
        CheckRegistry.of(List.of(check("a", Level.BASELINE, since("a", 0), since("a", 3))));
    assertThat(registry.maxVersion()).isEqualTo(PolicyVersion.v1(3));
    assertThat(reasons(registry, "baseline:v1.2")).isEqualTo("a@v1.0");
    assertThat(reasons(registry, "baseline:v1.3")).isEqualTo("a@v1.3");
    assertThat(reasons(registry, "baseline:v1.99")).isEqualTo("a@v1.3");
    assertThat(reasons(registry, "baseline:latest")).isEqualTo("a@v1.3");
  }

  @Test
  void keepsTheVersionAsWrittenInTheMessageWhenClamping() {
    CheckRegistry<String> registry =
        CheckRegistry.of(List.of(check("a", Level.BASELINE, since("a", 0), since("a", 3))));
    assertThat(registry.evaluate(LevelVersion.parse("baseline:v1.99"), "pod").violationMessage())
        .isEqualTo("violates PodSecurity \"baseline:v1.99\": a@v1.3");
  }

  @Test
  void aCheckDoesNotRunBelowItsFirstVersion() {
    CheckRegistry<String> registry =
        CheckRegistry.of(
            List.of(
                check("a", Level.BASELINE, since("a", 0)),
                check("b", Level.BASELINE, since("b", 2))));
    assertThat(reasons(registry, "baseline:v1.1")).isEqualTo("a@v1.0");
    assertThat(reasons(registry, "baseline:v1.2")).isEqualTo("a@v1.0, b@v1.2");
  }

  @Test
  void evaluatingSomeChecksRunsOnlyThoseInTheVersionTheLevelSelects() {
    CheckRegistry<String> registry =
        CheckRegistry.of(
            List.of(
                check("a", Level.BASELINE, since("a", 0), since("a", 3)),
                check("b", Level.BASELINE, since("b", 0)),
                check("c", Level.BASELINE, since("c", 2))));
    assertThat(
            registry
                .evaluate(LevelVersion.parse("baseline:v1.2"), "pod", id -> !id.equals("b"))
                .reasons())
        .isEqualTo("a@v1.0, c@v1.2");
    assertThat(
            registry.evaluate(LevelVersion.parse("baseline:latest"), "pod", "a"::equals).reasons())
        .isEqualTo("a@v1.3");
    assertThat(
            registry.evaluate(LevelVersion.parse("baseline:v1.1"), "pod", "c"::equals).failures())
        .isEmpty();
  }

  @Test
  void privilegedAllowsEverything() {
    CheckRegistry<String> registry = CheckRegistry.of(orderingChecks());
    Decision decision = registry.evaluate(LevelVersion.parse("privileged:latest"), "pod");
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.failures()).isEmpty();
    assertThat(decision.levelVersion()).hasToString("privileged:latest");
  }

  @Test
  void ordersBaselineThenRestrictedThenHardenedEachSortedById() {
    CheckRegistry<String> registry = CheckRegistry.of(orderingChecks());
    assertThat(registry.definitions())
        .extracting(CheckDefinition::id)
        .containsExactly(
            "Zebra",
            "hostPorts",
            "privileged",
            "allowPrivilegeEscalation",
            "runAsUser",
            "Zulu",
            "automount");
    assertThat(reasons(registry, "baseline:latest"))
        .isEqualTo("Zebra@v1.0, hostPorts@v1.0, privileged@v1.0");
    assertThat(reasons(registry, "restricted:latest"))
        .isEqualTo(
            "Zebra@v1.0, hostPorts@v1.0, privileged@v1.0, allowPrivilegeEscalation@v1.0,"
                + " runAsUser@v1.0");
    assertThat(reasons(registry, "hardened:latest"))
        .isEqualTo(
            "Zebra@v1.0, hostPorts@v1.0, privileged@v1.0, allowPrivilegeEscalation@v1.0,"
                + " runAsUser@v1.0, Zulu@v1.0, automount@v1.0");
  }

  static Stream<Arguments> overrides() {
    return Stream.of(
        Arguments.of("restricted:v1.0", "b@v1.0"),
        Arguments.of("restricted:v1.1", "b@v1.0"),
        Arguments.of("restricted:v1.2", "r@v1.2"),
        Arguments.of("restricted:v1.3", "r@v1.2"),
        Arguments.of("restricted:v1.4", "b@v1.0, r@v1.4"),
        Arguments.of("restricted:v1.5", "b@v1.0, r@v1.4"),
        Arguments.of("restricted:v1.6", "r@v1.6"),
        Arguments.of("restricted:latest", "r@v1.6"),
        Arguments.of("hardened:v1.3", "r@v1.2"),
        Arguments.of("hardened:v1.5", "b@v1.0, r@v1.4"),
        Arguments.of("baseline:v1.3", "b@v1.0"),
        Arguments.of("baseline:latest", "b@v1.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overrides")
  void anOverriddenBaselineCheckDisappearsOnlyWhileTheOverrideIsInForce(
      String levelVersion, String expectedReasons) {
    CheckRegistry<String> registry =
        CheckRegistry.of(
            List.of(
                check("b", Level.BASELINE, since("b", 0)),
                check(
                    "r", Level.RESTRICTED, since("r", 2, "b"), since("r", 4), since("r", 6, "b"))));
    assertThat(reasons(registry, levelVersion)).isEqualTo(expectedReasons);
  }

  /** Checks of every level, registered out of order; IDs mix upper and lower case. */
  private static List<Check<String>> orderingChecks() {
    return List.of(
        check("automount", Level.HARDENED, since("automount", 0)),
        check("runAsUser", Level.RESTRICTED, since("runAsUser", 0)),
        check("privileged", Level.BASELINE, since("privileged", 0)),
        check("Zulu", Level.HARDENED, since("Zulu", 0)),
        check("allowPrivilegeEscalation", Level.RESTRICTED, since("allowPrivilegeEscalation", 0)),
        check("hostPorts", Level.BASELINE, since("hostPorts", 0)),
        check("Zebra", Level.BASELINE, since("Zebra", 0)));
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // passed on to CheckDefinition.of, which copies it
  private static Check<String> check(String id, Level level, VersionedCheck<String>... versions) {
    CheckDefinition<String> definition =
        CheckDefinition.of(id, level, "Synthetic check " + id + ".", versions);
    return () -> definition;
  }

  private static VersionedCheck<String> since(String id, int minor, String... overrides) {
    return VersionedCheck.since(minor, failing(id, "v1." + minor), overrides);
  }

  private static CheckFunction<String> failing(String id, String version) {
    return subject -> CheckResult.forbidden(id + "@" + version, "", List.of(), List.of());
  }

  private static String reasons(CheckRegistry<String> registry, String levelVersion) {
    return registry.evaluate(LevelVersion.parse(levelVersion), "pod").reasons();
  }

  private static void assertInvalid(List<Check<String>> checks, String expectedMessage) {
    assertThatThrownBy(() -> CheckRegistry.of(checks))
        .isInstanceOf(InvalidRegistryException.class)
        .hasMessage(expectedMessage);
  }
}
