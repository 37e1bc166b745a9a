package dev.rootlock.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link KnownImage}. */
class KnownImageTest {

  private static KnownImage entry(List<String> images, List<String> commands) {
    return new KnownImage("x", images, commands, List.of(), List.of());
  }

  @Test
  void aLeadingDoubleStarMatchesAnyRegistryAndNamespacePrefix() {
    KnownImage official = entry(List.of("**/library/nginx"), List.of());
    assertThat(official.matchesImage(ImageReference.parse("nginx:1.27"))).isTrue();
    assertThat(official.matchesImage(ImageReference.parse("mirror.gcr.io/library/nginx"))).isTrue();
    assertThat(official.matchesImage(ImageReference.parse("public.ecr.aws/docker/library/nginx")))
        .isTrue();
    assertThat(official.matchesImage(ImageReference.parse("nginxinc/nginx-unprivileged")))
        .isFalse();
    assertThat(official.matchesImage(ImageReference.parse("library/nginx-slim"))).isFalse();
  }

  @Test
  void aSingleStarStaysWithinOnePathComponent() {
    KnownImage spring = entry(List.of("**/springio/*"), List.of());
    assertThat(spring.matchesImage(ImageReference.parse("springio/gs-spring-boot-docker")))
        .isTrue();
    assertThat(spring.matchesImage(ImageReference.parse("springio/team/app"))).isFalse();
  }

  @Test
  void commandWordsMatchInsideLongerArguments() {
    KnownImage gunicorn = entry(List.of(), List.of("gunicorn"));
    assertThat(gunicorn.matchesCommand(List.of("/usr/local/bin/gunicorn", "app:app"))).isTrue();
    assertThat(gunicorn.matchesCommand(List.of("python", "-m", "uvicorn"))).isFalse();
    assertThat(gunicorn.matchesImage(ImageReference.parse("gunicorn"))).isFalse();
  }
}
