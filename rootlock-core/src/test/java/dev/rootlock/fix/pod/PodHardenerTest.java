package dev.rootlock.fix.pod;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.plan.Change;
import dev.rootlock.fix.plan.Change.AppendItem;
import dev.rootlock.fix.plan.Change.SetField;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.Locator;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.Workload;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link PodHardener}: which changes, which notes, which checks it promises. */
class PodHardenerTest {

  private static final FieldPath TEMPLATE = FieldPath.of("spec", "template");
  private static final FieldPath C0 = TEMPLATE.keys("spec", "containers").index(0);

  private static Plan plan(Pod pod, FixOptions options) {
    Workload workload =
        new Workload(
            SourceRef.of("test.yaml"),
            "apps/v1",
            "Deployment",
            pod.metadata(),
            TEMPLATE,
            pod,
            List.of(),
            Locator.NONE);
    return new PodHardener(options, c -> List.of()).plan(workload);
  }

  private static Plan plan(Pod pod) {
    return plan(pod, FixOptions.defaults());
  }

  @Test
  void aBareContainerGetsEveryFieldTmpAndAPodLevelSeccompProfile() {
    Plan plan = plan(pod(p -> p.container("app")));

    assertThat(plan.changes())
        .containsExactly(
            new SetField(C0.keys("securityContext", "readOnlyRootFilesystem"), true),
            new SetField(C0.keys("securityContext", "allowPrivilegeEscalation"), false),
            new SetField(C0.keys("securityContext", "capabilities", "drop"), List.of("ALL")),
            new SetField(C0.keys("securityContext", "runAsNonRoot"), true),
            new SetField(
                TEMPLATE.keys("spec", "securityContext", "seccompProfile"),
                Map.of("type", "RuntimeDefault")),
            new AppendItem(
                TEMPLATE.keys("spec", "volumes"),
                Map.of("name", "tmp", "emptyDir", Map.of("medium", "Memory", "sizeLimit", "64Mi"))),
            new AppendItem(C0.key("volumeMounts"), Map.of("name", "tmp", "mountPath", "/tmp")));
    assertThat(plan.targetChecks())
        .containsExactlyInAnyOrder(
            "allowPrivilegeEscalation",
            "capabilities_restricted",
            "runAsNonRoot",
            "seccompProfile_restricted",
            "readOnlyRootFilesystem",
            "misplacedReadOnlyRootFilesystem");
  }

  @Test
  void aCompliantPodNeedsNothing() {
    Plan plan =
        plan(
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.seccompProfile = new SeccompProfile("RuntimeDefault", null);
                  p.container(
                      "app",
                      c -> {
                        c.readOnlyRootFilesystem = true;
                        c.allowPrivilegeEscalation = false;
                        c.drop("ALL");
                      });
                }));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.notes()).isEmpty();
  }

  @Test
  void anExistingDropListGetsAllAppendedAndSysAdminBlocksAllowPrivilegeEscalation() {
    Plan plan =
        plan(
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.seccompProfile = new SeccompProfile("RuntimeDefault", null);
                  p.container(
                      "app",
                      c -> {
                        c.readOnlyRootFilesystem = true;
                        c.add("SYS_ADMIN").drop("NET_RAW");
                      });
                }));

    assertThat(plan.changes())
        .containsExactly(new AppendItem(C0.keys("securityContext", "capabilities", "drop"), "ALL"));
    assertThat(plan.notes())
        .containsExactly(
            "container \"app\": allowPrivilegeEscalation left alone: a container that adds"
                + " SYS_ADMIN cannot forbid it",
            "container \"app\": kept capabilities.add: [SYS_ADMIN] (set explicitly; run with"
                + " --only capabilities_restricted to change it)");
    assertThat(plan.targetChecks())
        .doesNotContain("allowPrivilegeEscalation", "capabilities_restricted");
  }

  @Test
  void seccompGoesToEachContainerWhenSomeAlreadySetOne() {
    Plan plan =
        plan(
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.container(
                      "a", c -> c.seccompProfile = new SeccompProfile("Localhost", "x.json"));
                  p.container("b");
                }),
            FixOptions.defaults().withOnly(Set.of("seccompProfile_restricted")));

    assertThat(plan.changes())
        .containsExactly(
            new SetField(
                TEMPLATE
                    .keys("spec", "containers")
                    .index(1)
                    .keys("securityContext", "seccompProfile"),
                Map.of("type", "RuntimeDefault")));
  }

  @Test
  void anExplicitPodLevelRunAsNonRootFalseIsKeptUnlessNamed() {
    Pod pod =
        pod(
            p -> {
              p.runAsNonRoot = false;
              p.container("app");
            });
    FixOptions only = FixOptions.defaults().withOnly(Set.of("runAsNonRoot"));

    Plan kept = plan(pod, only.withOnly(Set.of("readOnlyRootFilesystem")));
    assertThat(kept.changes()).noneMatch(c -> c.path().toString().contains("runAsNonRoot"));

    Plan changed = plan(pod, only);
    assertThat(changed.changes())
        .containsExactly(
            new SetField(TEMPLATE.keys("spec", "securityContext", "runAsNonRoot"), true));
    assertThat(changed.notes()).containsExactly("pod: changed runAsNonRoot from false to true");
    assertThat(changed.targetChecks()).containsExactly("runAsNonRoot");
  }

  @Test
  void theRestrictedProfileLeavesTheRootFilesystemAlone() {
    Plan plan =
        plan(pod(p -> p.container("app")), FixOptions.defaults().withProfile(Level.RESTRICTED));

    assertThat(plan.changes())
        .extracting(Change::path)
        .extracting(FieldPath::toString)
        .containsExactly(
            "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation",
            "spec.template.spec.containers[0].securityContext.capabilities.drop",
            "spec.template.spec.containers[0].securityContext.runAsNonRoot",
            "spec.template.spec.securityContext.seccompProfile");
  }

  @Test
  void aWindowsPodIsNeverChanged() {
    Plan plan =
        plan(
            pod(
                p -> {
                  p.osName = "windows";
                  p.container("iis");
                }));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.targetChecks()).isEmpty();
  }

  @Test
  void volumeNamesAvoidExistingOnesAndAMountAtAParentCoversThePath() {
    Plan plan =
        plan(
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.seccompProfile = new SeccompProfile("RuntimeDefault", null);
                  p.volume("tmp", "configMap")
                      .volume("tmp-2", "secret")
                      .emptyDir("cache", null, "1Gi");
                  p.container(
                      "nginx",
                      c -> {
                        c.image = "nginx:1.27";
                        c.allowPrivilegeEscalation = false;
                        c.drop("ALL");
                        c.mount("cache", "/var/cache", null);
                      });
                }));

    assertThat(plan.changes())
        .filteredOn(c -> c instanceof AppendItem)
        .extracting(c -> ((AppendItem) c).value())
        .containsExactly(
            Map.of("name", "tmp-3", "emptyDir", Map.of("medium", "Memory", "sizeLimit", "64Mi")),
            Map.of("name", "tmp-3", "mountPath", "/tmp"),
            Map.of("name", "var-run", "emptyDir", Map.of("medium", "Memory", "sizeLimit", "16Mi")),
            Map.of("name", "var-run", "mountPath", "/var/run"));
  }

  private static final String ROOT_STARTER_NOTE =
      "container \"web\": its image starts as root and needs to (known image \"nginx\"), so"
          + " capabilities.drop: [ALL] and runAsNonRoot: true would stop it from starting and were"
          + " not added; not proven either way: `rootlock fix --prove` runs it, or set a numeric"
          + " runAsUser the image can run as";

  @Test
  void anImageThatMustStartAsRootKeepsItsCapabilitiesAndUser() {
    Plan plan = plan(pod(p -> p.container("web", c -> c.image = "nginx:1.27")));

    assertThat(plan.changes())
        .extracting(Change::path)
        .doesNotContain(
            C0.keys("securityContext", "capabilities", "drop"),
            C0.keys("securityContext", "runAsNonRoot"))
        .contains(C0.keys("securityContext", "readOnlyRootFilesystem"));
    assertThat(plan.targetChecks()).doesNotContain("capabilities_restricted", "runAsNonRoot");
    assertThat(plan.notes()).contains(ROOT_STARTER_NOTE);
  }

  @Test
  void aNonRootUserIsTheUsersChoiceAndGetsEverything() {
    Plan plan =
        plan(
            pod(
                p ->
                    p.container(
                        "web",
                        c -> {
                          c.image = "docker.io/library/nginx";
                          c.runAsUser = 101L;
                        })));

    assertThat(plan.changes())
        .contains(
            new SetField(C0.keys("securityContext", "capabilities", "drop"), List.of("ALL")),
            new SetField(C0.keys("securityContext", "runAsNonRoot"), true));
    assertThat(plan.notes()).doesNotContain(ROOT_STARTER_NOTE);
  }

  @Test
  void namingTheCheckAppliesItAnyway() {
    Plan plan =
        plan(
            pod(p -> p.container("web", c -> c.image = "nginx")),
            FixOptions.defaults().withOnly(Set.of("capabilities_restricted")));

    assertThat(plan.changes())
        .containsExactly(
            new SetField(C0.keys("securityContext", "capabilities", "drop"), List.of("ALL")));
    assertThat(plan.targetChecks()).containsExactly("capabilities_restricted");
  }
}
