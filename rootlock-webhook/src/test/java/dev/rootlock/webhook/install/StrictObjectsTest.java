package dev.rootlock.webhook.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

class StrictObjectsTest {

  @Test
  void aFieldTheModelDoesNotHaveIsAnErrorWithItsPath() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              containers:
                - name: c
                  securityContxt: {}
        """;

    assertThatThrownBy(() -> StrictObjects.decode(yaml))
        .hasMessage(
            "Deployment d: fields fabric8's model does not have:"
                + " [Deployment.spec.template.spec.containers[0].securityContxt]");
  }

  @Test
  void knownKindsAreTypedAndUnknownOnesListed() {
    StrictObjects.Decoded decoded =
        StrictObjects.decode(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            ---
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: i}
            """);

    assertThat(decoded.objects()).extracting(HasMetadata::getKind).containsExactly("Service");
    assertThat(decoded.unmodelled()).containsExactly("cert-manager.io/v1 Issuer");
  }
}
