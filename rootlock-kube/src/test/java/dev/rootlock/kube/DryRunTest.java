package dev.rootlock.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.kube.DryRun.PodVerdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link DryRun}: PSA's namespace dry-run warnings, word for word. */
class DryRunTest {

  private static final String CAPS = "allowPrivilegeEscalation != false, unrestricted capabilities";
  private static final String ROOT = "runAsNonRoot != true";

  @Test
  void noWarningsWhenEveryPodIsAllowed() {
    assertThat(
            DryRun.warnings(
                "ns",
                "PodSecurity",
                "restricted:latest",
                List.of(new PodVerdict("a", null, null), new PodVerdict("b", null, null))))
        .isEmpty();
  }

  @Test
  void groupsByReasonsUnderTheSmallestPodNameAndSortsTheGroups() {
    List<String> warnings =
        DryRun.warnings(
            "shop",
            "PodSecurity",
            "restricted:latest",
            List.of(
                new PodVerdict("web-2", null, CAPS),
                new PodVerdict("api", null, ROOT),
                new PodVerdict("web-1", null, CAPS),
                new PodVerdict("cron", null, CAPS),
                new PodVerdict("ok", null, null),
                new PodVerdict("db", null, ROOT + ", seccompProfile"),
                new PodVerdict("zeta", null, ROOT)));

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
    List<PodVerdict> pods = new ArrayList<>();
    for (int i = 0; i < 3002; i++) {
      pods.add(new PodVerdict(String.format("pod-%04d", i), null, i == 3001 ? ROOT : CAPS));
    }

    assertThat(DryRun.warnings("big", "PodSecurity", "baseline:v1.30", pods))
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
    List<PodVerdict> pods = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      pods.add(new PodVerdict(String.format("a-%04d", i), "rs-a", null));
    }
    pods.add(new PodVerdict("b-0", "rs-b", ROOT));
    pods.add(new PodVerdict("c-0", null, CAPS));

    assertThat(DryRun.prioritise(pods).subList(0, 4))
        .extracting(PodVerdict::name)
        .containsExactly("a-0000", "b-0", "c-0", "a-0001");
    assertThat(DryRun.warnings("ns", "PodSecurity", "restricted:latest", pods))
        .containsExactly(
            "new PodSecurity enforce level only checked against the first 3000 of 3002 existing"
                + " pods",
            "existing pods in namespace \"ns\" violate the new PodSecurity enforce level"
                + " \"restricted:latest\"",
            "b-0: runAsNonRoot != true",
            "c-0: allowPrivilegeEscalation != false, unrestricted capabilities");
  }

  @Test
  void hardenedIsRootlocksLevelAndSaysSo() {
    assertThat(
            DryRun.warnings(
                "ns",
                "rootlock",
                "hardened:latest",
                List.of(new PodVerdict("web", null, "readOnlyRootFilesystem != true"))))
        .containsExactly(
            "existing pods in namespace \"ns\" violate the new rootlock enforce level"
                + " \"hardened:latest\"",
            "web: readOnlyRootFilesystem != true");
  }
}
