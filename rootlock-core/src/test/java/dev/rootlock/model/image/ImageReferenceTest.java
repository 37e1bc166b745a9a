package dev.rootlock.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link ImageReference}. */
class ImageReferenceTest {

  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of("nginx", new ImageReference("docker.io", "library/nginx", null, null)),
        Arguments.of(
            "nginx:1.27-alpine",
            new ImageReference("docker.io", "library/nginx", "1.27-alpine", null)),
        Arguments.of(
            "docker.io/library/nginx:1.27@sha256:abc",
            new ImageReference("docker.io", "library/nginx", "1.27", "sha256:abc")),
        Arguments.of(
            "index.docker.io/redis", new ImageReference("docker.io", "library/redis", null, null)),
        Arguments.of(
            "bitnami/postgresql:16",
            new ImageReference("docker.io", "bitnami/postgresql", "16", null)),
        Arguments.of(
            "public.ecr.aws/docker/library/redis:7",
            new ImageReference("public.ecr.aws", "docker/library/redis", "7", null)),
        Arguments.of(
            "localhost:5000/team/app:v2",
            new ImageReference("localhost:5000", "team/app", "v2", null)),
        Arguments.of("localhost/app", new ImageReference("localhost", "app", null, null)),
        Arguments.of(
            "quay.io/keycloak/keycloak@sha256:0f",
            new ImageReference("quay.io", "keycloak/keycloak", null, "sha256:0f")),
        Arguments.of(
            "  ${IMAGE}  ", new ImageReference("docker.io", "library/${IMAGE}", null, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void parsesLikeDocker(String text, ImageReference expected) {
    assertThat(ImageReference.parse(text)).isEqualTo(expected);
  }

  @Test
  void namesTheQualifiedRepositoryAndItsLastComponent() {
    ImageReference reference = ImageReference.parse("nginxinc/nginx-unprivileged:1.27");
    assertThat(reference.qualifiedName()).isEqualTo("docker.io/nginxinc/nginx-unprivileged");
    assertThat(reference.name()).isEqualTo("nginx-unprivileged");
  }

  @Test
  void sameImageComparesTagsAndDigestsOnlyWhereBothAreWritten() {
    ImageReference tagged = ImageReference.parse("postgres:16");
    assertThat(tagged.sameImage(ImageReference.parse("docker.io/library/postgres:16"))).isTrue();
    assertThat(tagged.sameImage(ImageReference.parse("postgres"))).isTrue();
    assertThat(tagged.sameImage(ImageReference.parse("postgres:17"))).isFalse();
    assertThat(tagged.sameImage(ImageReference.parse("bitnami/postgres:16"))).isFalse();
    assertThat(
            ImageReference.parse("postgres@sha256:1")
                .sameImage(ImageReference.parse("postgres:16@sha256:2")))
        .isFalse();
  }
}
