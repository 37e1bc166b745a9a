package dev.rootlock.webhook.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.testing.PodDraft;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SignificantUpdateTest {

  private static PodSpec spec(Consumer<PodDraft> edit) {
    return PodDraft.pod(edit).spec();
  }

  private static final PodSpec BEFORE =
      spec(
          p -> {
            p.initContainer("init", c -> c.image = "busybox:1");
            p.container("app", c -> c.image = "app:1");
            p.ephemeralContainer("debug", c -> c.image = "busybox:1");
          });

  @Test
  void theSamePodIsNotSignificant() {
    assertThat(SignificantUpdate.significant(BEFORE, BEFORE)).isFalse();
  }

  @Test
  void changedSecurityFieldsAloneAreNotSignificantAsInPsa() {
    PodSpec after =
        spec(
            p -> {
              p.initContainer("init", c -> c.image = "busybox:1");
              p.container(
                  "app",
                  c -> {
                    c.image = "app:1";
                    c.privileged = true;
                  });
              p.ephemeralContainer("debug", c -> c.image = "busybox:1");
            });

    assertThat(SignificantUpdate.significant(BEFORE, after)).isFalse();
  }

  @Test
  void aNewImageIsSignificant() {
    PodSpec after =
        spec(
            p -> {
              p.initContainer("init", c -> c.image = "busybox:1");
              p.container("app", c -> c.image = "app:2");
              p.ephemeralContainer("debug", c -> c.image = "busybox:1");
            });

    assertThat(SignificantUpdate.significant(BEFORE, after)).isTrue();
  }

  @Test
  void anotherInitContainerIsSignificant() {
    PodSpec after =
        spec(
            p -> {
              p.initContainer("init", c -> c.image = "busybox:1");
              p.initContainer("more", c -> c.image = "busybox:1");
              p.container("app", c -> c.image = "app:1");
              p.ephemeralContainer("debug", c -> c.image = "busybox:1");
            });

    assertThat(SignificantUpdate.significant(BEFORE, after)).isTrue();
  }

  @Test
  void aNewOrReimagedEphemeralContainerIsSignificant() {
    PodSpec added =
        spec(
            p -> {
              p.initContainer("init", c -> c.image = "busybox:1");
              p.container("app", c -> c.image = "app:1");
              p.ephemeralContainer("debug", c -> c.image = "busybox:1");
              p.ephemeralContainer("debug-2", c -> c.image = "busybox:1");
            });
    PodSpec reimaged =
        spec(
            p -> {
              p.initContainer("init", c -> c.image = "busybox:1");
              p.container("app", c -> c.image = "app:1");
              p.ephemeralContainer("debug", c -> c.image = "busybox:2");
            });

    assertThat(SignificantUpdate.significant(BEFORE, added)).isTrue();
    assertThat(SignificantUpdate.significant(BEFORE, reimaged)).isTrue();
  }
}
