package dev.rootlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.plan.Change.AppendItem;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Locator;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Engine#hardeningPlan}: the fixer's plan for one workload, as the webhook asks.
 */
class HardeningPlanTest {

  private static final Engine ENGINE = Engine.standard();

  private static final String GUNICORN =
      """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"api"},
       "spec":{"containers":[{"name":"api","image":"example.com/shop/api:1",
         "command":["gunicorn"],"args":["app:wsgi"]}]}}
      """;

  private static Workload read(String json) {
    return new ManifestReader().read("pod.json", json).workloads().get(0);
  }

  @Test
  void recognisesAFrameworkByTheCommandTheReaderRead() {
    Plan plan = ENGINE.hardeningPlan(read(GUNICORN), FixOptions.defaults());

    assertThat(plan.notes())
        .contains("gunicorn: --worker-tmp-dir /dev/shm keeps the heartbeat files off /tmp");
    assertThat(plan.changes())
        .contains(
            new AppendItem(
                FieldPath.of("spec", "containers").index(0).key("volumeMounts"),
                Map.of("name", "tmp", "mountPath", "/tmp")));
  }

  @Test
  void aWorkloadWithoutTheReadersPositionsIsPlannedFromItsImagesAlone() {
    Workload read = read(GUNICORN);
    // As the cluster auditor decodes pods: no positions, so no commands to read.
    Workload unlocated =
        new Workload(
            read.source(),
            "v1",
            "Pod",
            read.metadata(),
            FieldPath.root(),
            read.pod(),
            List.of(),
            Locator.NONE);

    Plan plan = ENGINE.hardeningPlan(unlocated, FixOptions.defaults());

    assertThat(plan.notes()).noneMatch(note -> note.startsWith("gunicorn"));
    assertThat(plan.changes())
        .isEqualTo(ENGINE.hardeningPlan(read, FixOptions.defaults()).changes());
  }

  @Test
  void aWindowsPodNeedsNothing() {
    String windows =
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"iis"},
         "spec":{"os":{"name":"windows"},"containers":[{"name":"iis","image":"mcr.microsoft.com/windows/servercore/iis"}]}}
        """;

    assertThat(ENGINE.hardeningPlan(read(windows), FixOptions.defaults()).changes()).isEmpty();
  }
}
