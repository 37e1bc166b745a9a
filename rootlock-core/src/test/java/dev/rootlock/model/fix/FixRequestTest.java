package dev.rootlock.model.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Level;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.image.ImageReference;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link FixRequest}: the value a front end builds from {@code fix}'s flags. */
class FixRequestTest {

  @Test
  void defaultsHardenEveryFixableCheckWithA64MiTmpAndLeaveUsersAlone() {
    FixRequest request = FixRequest.defaults();

    assertThat(request.profile()).isEqualTo(Level.HARDENED);
    assertThat(request.only()).isEmpty();
    assertThat(request.tmpSize()).isEqualTo("64Mi");
    assertThat(request.user()).isNull();
    assertThat(request.kinds()).isEqualTo(WorkloadKinds.builtIn());
    assertThat(request.discovered()).isEmpty();
    assertThat(request.needs()).isEmpty();
  }

  @Test
  void aProfileFixCannotAimAtIsRefusedInTheFlagsWords() {
    assertThatThrownBy(() -> FixRequest.defaults().withProfile(Level.BASELINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid profile \"baseline\": must be restricted or hardened");
  }

  @Test
  void aTmpSizeKubernetesWouldNotTakeIsRefusedInTheFlagsWords() {
    assertThatThrownBy(() -> FixRequest.defaults().withTmpSize("64MB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid --tmp-size \"64MB\": give a size in Ki, Mi or Gi, such as 64Mi");
    assertThat(FixRequest.defaults().withTmpSize("1Gi").tmpSize()).isEqualTo("1Gi");
  }

  @Test
  void eachWitherChangesOneComponentAndKeepsTheRest() {
    ProvenNeeds needs = new ProvenNeeds(ImageReference.parse("nginx:1.27"), List.of("CHOWN"), true);

    FixRequest request =
        FixRequest.defaults()
            .withProfile(Level.RESTRICTED)
            .withOnly(Set.of("privileged"))
            .withUser("1000:1000")
            .withNeeds(List.of(needs));

    assertThat(request)
        .isEqualTo(
            new FixRequest(
                Level.RESTRICTED,
                Set.of("privileged"),
                "64Mi",
                "1000:1000",
                WorkloadKinds.builtIn(),
                List.of(),
                List.of(needs)));
  }
}
