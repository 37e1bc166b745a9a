package dev.rootlock.webhook.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

class StrictObjectsTest {

  @Test
  void aFieldTheModelDoesNotHaveIsAnErrorWithItsPath() {
    String yaml =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n"
            + "    spec:\n      containers:\n        - name: c\n          securityContxt: {}\n";

    assertThatThrownBy(() -> StrictObjects.decode(yaml))
        .hasMessage(
            "Deployment d: fields fabric8's model does not have:"
                + " [Deployment.spec.template.spec.containers[0].securityContxt]");
  }

  @Test
  void knownKindsAreTypedAndUnknownOnesListed() {
    StrictObjects.Decoded decoded =
        StrictObjects.decode(
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n"
                + "apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: i}\n");

    assertThat(decoded.objects()).extracting(HasMetadata::getKind).containsExactly("Service");
    assertThat(decoded.unmodelled()).containsExactly("cert-manager.io/v1 Issuer");
  }
}
