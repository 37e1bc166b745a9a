package dev.rootlock.engine;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.engine.NamespaceDryRun.ExistingPod;
import dev.rootlock.engine.NamespaceDryRun.Limits;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.Locator;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Tests for {@link NamespaceDryRun}: PSA's namespace dry-run warnings, word for word. */
class NamespaceDryRunTest {

  private static final String CAPS = "allowPrivilegeEscalation != false, unrestricted capabilities";
  private static final String ROOT = "runAsNonRoot != true";
  private static final LevelVersion RESTRICTED = LevelVersion.parse("restricted:latest");
  private static final LevelVersion HARDENED = LevelVersion.parse("hardened:latest");

  /**
   * Pods whose payload is their reason-only verdict already, as {@code kube readiness} has them.
   */
  private static List<String> warnings(
      String namespace, LevelVersion enforce, List<ExistingPod<String>> pods, Limits limits) {
    return NamespaceDryRun.warnings(namespace, enforce, pods, Function.identity(), limits);
  }

  private static List<String> warnings(
      String namespace, LevelVersion enforce, List<ExistingPod<String>> pods) {
    return warnings(namespace, enforce, pods, Limits.READINESS);
  }

  private static ExistingPod<String> existing(String name, String controller, String reasons) {
    return new ExistingPod<>(name, controller, reasons);
  }

  private static Workload workload(Pod pod) {
    return new Workload(
        SourceRef.of("pod.yaml"),
        "v1",
        "Pod",
        pod.metadata(),
        FieldPath.root(),
        pod,
        List.of(),
        Locator.NONE);
  }

  @Test
  void noWarningsWhenEveryPodIsAllowed() {
    assertThat(
            warnings(
                "ns", RESTRICTED, List.of(existing("a", null, null), existing("b", null, null))))
        .isEmpty();
  }

  @Test
  void groupsByReasonsUnderTheSmallestPodNameAndSortsTheGroups() {
    List<String> warnings =
        warnings(
            "shop",
            RESTRICTED,
            List.of(
                existing("web-2", null, CAPS),
                existing("api", null, ROOT),
                existing("web-1", null, CAPS),
                existing("cron", null, CAPS),
                existing("ok", null, null),
                existing("db", null, ROOT + ", seccompProfile"),
                existing("zeta", null, ROOT)));

    assertThat(warnings)
        .containsExactly(
            "existing pods in namespace \"shop\" violate the new PodSecurity enforce level"
                + " \"restricted:latest\"",
            "api (and 1 other pod): runAsNonRoot != true",
            "cron (and 2 other pods): allowPrivilegeEscalation != false, unrestricted capabilities",
            "db: runAsNonRoot != true, seccompProfile");
  }

  @Test
  void checksAtMost3000PodsAndSaysSo() {
    List<ExistingPod<String>> pods = new ArrayList<>();
    for (int i = 0; i < 3002; i++) {
      pods.add(existing(String.format("pod-%04d", i), null, i == 3001 ? ROOT : CAPS));
    }

    assertThat(warnings("big", LevelVersion.parse("baseline:v1.30"), pods))
        .containsExactly(
            "new PodSecurity enforce level only checked against the first 3000 of 3002 existing"
                + " pods",
            "existing pods in namespace \"big\" violate the new PodSecurity enforce level"
                + " \"baseline:v1.30\"",
            "pod-0000 (and 2999 other pods): allowPrivilegeEscalation != false, unrestricted"
                + " capabilities");
  }

  @Test
  void replicasOfAControllerAlreadySeenAreCheckedLast() {
    List<ExistingPod<String>> pods = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      pods.add(existing(String.format("a-%04d", i), "rs-a", null));
    }
    pods.add(existing("b-0", "rs-b", ROOT));
    pods.add(existing("c-0", null, CAPS));

    assertThat(NamespaceDryRun.prioritise(pods).subList(0, 4))
        .extracting(ExistingPod::name)
        .containsExactly("a-0000", "b-0", "c-0", "a-0001");
    assertThat(warnings("ns", RESTRICTED, pods))
        .containsExactly(
            "new PodSecurity enforce level only checked against the first 3000 of 3002 existing"
                + " pods",
            "existing pods in namespace \"ns\" violate the new PodSecurity enforce level"
                + " \"restricted:latest\"",
            "b-0: runAsNonRoot != true",
            "c-0: allowPrivilegeEscalation != false, unrestricted capabilities");
  }

  @Test
  void sampleEveryControllerBeforeTheirOtherReplicasInListOrder() {
    List<ExistingPod<String>> pods =
        List.of(
            existing("a-1", "a", null),
            existing("a-2", "a", null),
            existing("b-1", "b", null),
            existing("solo", null, null),
            existing("a-3", "a", null));

    assertThat(NamespaceDryRun.prioritise(pods))
        .extracting(ExistingPod::name)
        .containsExactly("a-1", "b-1", "solo", "a-2", "a-3");
  }

  @Test
  void readinessTakesThePodsInNameOrderAndTheWebhookInListOrder() {
    List<ExistingPod<String>> pods = new ArrayList<>();
    pods.add(existing("zz-last-by-name", null, ROOT));
    for (int i = 0; i < 3000; i++) {
      pods.add(existing(String.format("p-%04d", i), null, null));
    }

    // By name, the violator is the 3001st pod and is never checked; in list order it is the first.
    assertThat(warnings("ns", RESTRICTED, pods))
        .containsExactly(
            "new PodSecurity enforce level only checked against the first 3000 of 3001 existing"
                + " pods");
    assertThat(warnings("ns", RESTRICTED, pods, new Limits(false, () -> false)))
        .containsExactly(
            "new PodSecurity enforce level only checked against the first 3000 of 3001 existing"
                + " pods",
            "existing pods in namespace \"ns\" violate the new PodSecurity enforce level"
                + " \"restricted:latest\"",
            "zz-last-by-name: runAsNonRoot != true");
  }

  @Test
  void saysHowManyItCheckedWhenTimeRunsOut() {
    // A clock that moves one millisecond each time it is read. It reads 1 ms when the budget
    // starts and 1 ms more before each pod after the first: with 3.5 ms the fifth pod's reading
    // (5 ms) is past the deadline (4.5 ms).
    AtomicLong nanos = new AtomicLong();
    List<ExistingPod<String>> pods = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pods.add(existing("p" + i, null, ROOT));
    }

    List<String> warnings =
        warnings("shop", HARDENED, pods, Limits.timed(() -> nanos.addAndGet(1_000_000), 3_500_000));

    assertThat(warnings)
        .containsExactly(
            "new rootlock enforce level only checked against the first 4 of 10 existing pods",
            "existing pods in namespace \"shop\" violate the new rootlock enforce level"
                + " \"hardened:latest\"",
            "p0 (and 3 other pods): runAsNonRoot != true");
  }

  @Test
  void alwaysChecksTheFirstPodHoweverLittleTimeIsLeft() {
    List<String> warnings =
        warnings(
            "shop",
            RESTRICTED,
            List.of(existing("a", null, ROOT), existing("b", null, ROOT)),
            new Limits(false, () -> true));

    assertThat(warnings)
        .containsExactly(
            "new PodSecurity enforce level only checked against the first 1 of 2 existing pods",
            "existing pods in namespace \"shop\" violate the new PodSecurity enforce level"
                + " \"restricted:latest\"",
            "a: runAsNonRoot != true");
  }

  @Test
  void judgesOnlyThePodsItChecks() {
    List<String> judged = new ArrayList<>();
    List<ExistingPod<String>> pods = new ArrayList<>();
    for (int i = 0; i < 3001; i++) {
      pods.add(existing(String.format("p-%04d", i), null, String.format("p-%04d", i)));
    }

    NamespaceDryRun.warnings(
        "ns",
        RESTRICTED,
        pods,
        name -> {
          judged.add(name);
          return null;
        },
        Limits.READINESS);

    assertThat(judged).hasSize(3000).doesNotContain("p-3000");
  }

  @Test
  void hardenedIsRootlocksLevelAndSaysSo() {
    assertThat(
            warnings(
                "ns", HARDENED, List.of(existing("web", null, "readOnlyRootFilesystem != true"))))
        .containsExactly(
            "existing pods in namespace \"ns\" violate the new rootlock enforce level"
                + " \"hardened:latest\"",
            "web: readOnlyRootFilesystem != true");
  }

  @Test
  void aListFailureIsWordedForTheLevelsPolicy() {
    assertThat(NamespaceDryRun.listFailed(RESTRICTED))
        .isEqualTo("failed to list pods while checking new PodSecurity enforce level");
    assertThat(NamespaceDryRun.listFailed(HARDENED))
        .isEqualTo("failed to list pods while checking new rootlock enforce level");
  }

  @Test
  void reasonsAreEachFailingChecksReasonInOrderAndNullWhenAllowed() {
    Workload bare = workload(pod(p -> p.container("app")));

    assertThat(NamespaceDryRun.reasons(Engine.standard().evaluate(bare, HARDENED)))
        .isEqualTo(
            "allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true,"
                + " seccompProfile, readOnlyRootFilesystem != true");
    assertThat(NamespaceDryRun.reasons(new ObjectResult(null, true, "", List.of(), List.of())))
        .isNull();
  }

  @Test
  void aCheckWithoutAReasonIsAnUnknownForbiddenReason() {
    Finding unexplained =
        new Finding(
            null, "custom", "hardened", List.of(), "", "", FieldPath.root(), null, List.of());
    Finding explained =
        new Finding(
            null, "custom", "hardened", List.of(), ROOT, "", FieldPath.root(), null, List.of());

    assertThat(
            NamespaceDryRun.reasons(
                new ObjectResult(null, false, "", List.of(unexplained, explained), List.of())))
        .isEqualTo("unknown forbidden reason, runAsNonRoot != true");
  }
}
