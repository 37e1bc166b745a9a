package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link UnboundedMemoryVolumesCheck}. */
class UnboundedMemoryVolumesCheckTest {

  private static final String ONE = "unbounded memory volume";

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no volumes", pod(p -> p.container("app"))),
        CheckCase.fails(
                "memory, no sizeLimit, writer without a memory limit",
                pod(
                    p ->
                        p.emptyDir("tmp", "Memory", null)
                            .container("app", c -> c.mount("tmp", "/tmp", null))),
                ONE,
                "volume \"tmp\" must set emptyDir.sizeLimit or container \"app\" must set"
                    + " resources.limits.memory")
            .naming(List.of("app"), List.of("spec.volumes[0].emptyDir.sizeLimit")),
        CheckCase.passes(
            "sizeLimit set",
            pod(
                p ->
                    p.emptyDir("tmp", "Memory", "64Mi")
                        .container("app", c -> c.mount("tmp", "/tmp", null)))),
        CheckCase.passes(
            "writer with a memory limit",
            pod(
                p ->
                    p.emptyDir("tmp", "Memory", null)
                        .container(
                            "app",
                            c -> {
                              c.mount("tmp", "/tmp", null);
                              c.memoryLimit = "128Mi";
                            }))),
        CheckCase.passes(
            "disk-backed emptyDir",
            pod(
                p ->
                    p.emptyDir("tmp", null, null)
                        .container("app", c -> c.mount("tmp", "/tmp", null)))),
        CheckCase.passes(
            "hugepages are not a tmpfs of ordinary memory",
            pod(
                p ->
                    p.emptyDir("huge", "HugePages", null)
                        .container("app", c -> c.mount("huge", "/huge", null)))),
        CheckCase.passes(
            "not mounted", pod(p -> p.emptyDir("tmp", "Memory", null).container("app"))),
        CheckCase.passes(
            "mounted read-only cannot be filled through that mount",
            pod(
                p ->
                    p.emptyDir("tmp", "Memory", null)
                        .container("app", c -> c.mount("tmp", "/tmp", true)))),
        CheckCase.fails(
                "only the writers without a limit are named",
                pod(
                    p ->
                        p.emptyDir("tmp", "Memory", null)
                            .container(
                                "limited",
                                c -> {
                                  c.mount("tmp", "/tmp", null);
                                  c.memoryLimit = "1Gi";
                                })
                            .container("reader", c -> c.mount("tmp", "/tmp", true))
                            .container("app", c -> c.mount("tmp", "/tmp", false))),
                ONE,
                "volume \"tmp\" must set emptyDir.sizeLimit or container \"app\" must set"
                    + " resources.limits.memory")
            .naming(List.of("app"), List.of("spec.volumes[0].emptyDir.sizeLimit")),
        CheckCase.fails(
                "several volumes in spec order, containers in visiting order",
                pod(
                    p ->
                        p.emptyDir("scratch", null, null)
                            .emptyDir("run", "Memory", null)
                            .emptyDir("shm", "Memory", null)
                            .emptyDir("bounded", "Memory", "1Mi")
                            .ephemeralContainer("debug", c -> c.mount("run", "/run", null))
                            .container(
                                "app",
                                c -> c.mount("shm", "/dev/shm", null).mount("run", "/run", null))
                            .initContainer("init", c -> c.mount("shm", "/dev/shm", null))),
                "unbounded memory volumes",
                "volumes \"run\", \"shm\" must set emptyDir.sizeLimit or containers \"init\","
                    + " \"app\", \"debug\" must set resources.limits.memory")
            .naming(
                List.of("init", "app", "debug"),
                List.of(
                    "spec.volumes[1].emptyDir.sizeLimit", "spec.volumes[2].emptyDir.sizeLimit")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsMemoryVolumesNothingBounds(CheckCase<Pod> expected) {
    SingleCheck.assertResult(UnboundedMemoryVolumesCheck.v1_0(expected.subject()), expected, null);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "0Mi", "0.0", "+0", ".0", "0e3", "00Gi", " 0 "})
  void aZeroMemoryLimitBoundsNothing(String limit) {
    assertThat(UnboundedMemoryVolumesCheck.v1_0(memoryVolumeWrittenWithLimit(limit)).containers())
        .containsExactly("app");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1", "100m", "0.5Gi", "64Mi", "1e3", "10"})
  void aNonZeroMemoryLimitBoundsTheVolume(String limit) {
    assertThat(UnboundedMemoryVolumesCheck.v1_0(memoryVolumeWrittenWithLimit(limit)))
        .isEqualTo(CheckResult.ALLOWED);
  }

  private static Pod memoryVolumeWrittenWithLimit(String limit) {
    return pod(
        p ->
            p.emptyDir("tmp", "Memory", null)
                .container(
                    "app",
                    c -> {
                      c.mount("tmp", "/tmp", null);
                      c.memoryLimit = limit;
                    }));
  }
}
