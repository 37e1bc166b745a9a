package dev.rootlock.webhook.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.NamespaceDryRun.ExistingPod;
import dev.rootlock.model.LevelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Tests for the webhook's side of {@link DryRun}: listing, exempt runtime classes, judging the
 * listed JSON and the time budget. The grouping and wording are {@code NamespaceDryRunTest}'s.
 */
class DryRunTest {

  private static final LevelVersion HARDENED = LevelVersion.parse("hardened:latest");

  /** A clock that moves one millisecond each time it is read. */
  private final AtomicLong nanos = new AtomicLong();

  private DryRun dryRun(Set<String> exemptRuntimeClasses) {
    return new DryRun(
        Engine.standard(),
        new AdmissionObjects(),
        exemptRuntimeClasses,
        () -> nanos.addAndGet(1_000_000));
  }

  private static ExistingPod<JsonNode> pod(String name, String controller, String spec)
      throws Exception {
    JsonNode json =
        AdmissionReviews.json()
            .readTree(
                ("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'"
                        + name
                        + "'},'spec':"
                        + spec
                        + "}")
                    .replace('\'', '"'));
    return new ExistingPod<>(name, controller, json);
  }

  private static final String BARE = "{'containers':[{'name':'app','image':'nginx'}]}";
  private static final String KATA =
      "{'runtimeClassName':'kata','containers':[{'name':'app','image':'nginx'}]}";

  @Test
  void groupsViolatorsByReasonsAndNamesTheFirstOfEachGroup() throws Exception {
    List<ExistingPod<JsonNode>> pods =
        List.of(pod("zeta", null, BARE), pod("alpha", "rs-1", BARE), pod("kata-pod", null, KATA));

    List<String> warnings =
        dryRun(Set.of("kata")).warnings("shop", HARDENED, ns -> pods, 1_000_000_000);

    assertThat(warnings)
        .containsExactly(
            "existing pods in namespace \"shop\" violate the new rootlock enforce level"
                + " \"hardened:latest\"",
            "alpha (and 1 other pod): allowPrivilegeEscalation != false, unrestricted"
                + " capabilities, runAsNonRoot != true, seccompProfile, readOnlyRootFilesystem !="
                + " true");
  }

  @Test
  void saysHowManyItCheckedWhenTimeRunsOut() throws Exception {
    List<ExistingPod<JsonNode>> pods = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pods.add(pod("p" + i, null, BARE));
    }

    // The clock reads 1 ms when the budget starts and 1 ms more before each pod after the first:
    // with 3.5 ms the fifth pod's reading (5 ms) is past the deadline (4.5 ms).
    List<String> warnings = dryRun(Set.of()).warnings("shop", HARDENED, ns -> pods, 3_500_000);

    assertThat(warnings.get(0))
        .isEqualTo(
            "new rootlock enforce level only checked against the first 4 of 10 existing pods");
    assertThat(warnings.get(2)).startsWith("p0 (and 3 other pods): ");
  }

  @Test
  void aListFailureIsTheOnlyWarning() {
    List<String> warnings =
        dryRun(Set.of())
            .warnings(
                "shop",
                LevelVersion.parse("restricted:latest"),
                ns -> {
                  throw new IllegalStateException("forbidden");
                },
                1_000_000_000);

    assertThat(warnings)
        .containsExactly("failed to list pods while checking new PodSecurity enforce level");
  }

  @Test
  void compliantPodsGiveNoWarnings() throws Exception {
    String hardened =
        "{'securityContext':{'runAsNonRoot':true,'seccompProfile':{'type':'RuntimeDefault'}},"
            + "'containers':[{'name':'app','image':'nginx','securityContext':{"
            + "'allowPrivilegeEscalation':false,'readOnlyRootFilesystem':true,"
            + "'capabilities':{'drop':['ALL']}}}]}";
    List<ExistingPod<JsonNode>> pods = List.of(pod("ok", null, hardened));

    assertThat(dryRun(Set.of()).warnings("shop", HARDENED, ns -> pods, 1_000_000_000)).isEmpty();
  }
}
