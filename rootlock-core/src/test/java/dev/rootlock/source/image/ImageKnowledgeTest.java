package dev.rootlock.source.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.image.KnownImage;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link ImageKnowledge} and the built-in {@code known-images.yaml}. */
class ImageKnowledgeTest {

  private static final ImageKnowledge KNOWLEDGE = ImageKnowledge.builtIn();

  private static String idOf(String image) {
    return KNOWLEDGE.lookup(image, List.of()).map(KnownImage::id).orElse("-");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "nginx, nginx",
    "nginx:1.27-alpine, nginx",
    "docker.io/library/nginx@sha256:0123, nginx",
    "public.ecr.aws/nginx/nginx:stable, nginx",
    "nginxinc/nginx-unprivileged:1.27, nginx-unprivileged",
    "bitnami/nginx:1.27, bitnami-nginx",
    "docker.io/bitnamilegacy/postgresql:16, bitnami-postgresql",
    "postgres:16-alpine, postgres",
    "public.ecr.aws/docker/library/redis:7.2, redis",
    "registry.k8s.io/redis:e2e, redis",
    "mysql:8, mysql",
    "mariadb:11, mariadb",
    "mongo:7, mongo",
    "httpd:2.4, httpd",
    "grafana/grafana:11.0.0, grafana",
    "prom/prometheus:v2.53.0, prometheus",
    "docker.elastic.co/elasticsearch/elasticsearch:8.14.0, elasticsearch",
    "quay.io/keycloak/keycloak:25.0, keycloak",
    "tomcat:10, tomcat",
    "rabbitmq:3-management, rabbitmq",
    "nginxdemos/nginx-hello, -",
    "registry.k8s.io/nginx-slim:0.8, -",
    "${IMAGE}, -"
  })
  void matchesImageReferences(String image, String id) {
    assertThat(idOf(image)).isEqualTo(id);
  }

  @Test
  void recognisesFrameworksByTheirCommandWhenTheImageSaysNothing() {
    assertThat(KNOWLEDGE.lookup("registry.example/app:1", List.of("gunicorn", "-b", ":8000")))
        .map(KnownImage::id)
        .contains("gunicorn");
    assertThat(
            KNOWLEDGE.lookup(
                "registry.example/api:1",
                List.of(
                    "java", "-cp", "app", "org.springframework.boot.loader.launch.JarLauncher")))
        .map(KnownImage::id)
        .contains("spring-boot");
    assertThat(KNOWLEDGE.lookup("registry.example/app:1", List.of("python", "app.py"))).isEmpty();
  }

  @Test
  void theImageNameWinsOverTheCommand() {
    Optional<KnownImage> found = KNOWLEDGE.lookup("postgres:16", List.of("gunicorn"));
    assertThat(found).map(KnownImage::id).contains("postgres");
  }

  @Test
  void knowsWhatNginxAndPostgresWrite() {
    KnownImage nginx = KNOWLEDGE.lookup("nginx", List.of()).orElseThrow();
    assertThat(nginx.paths())
        .containsExactly(
            new WritablePath(
                "/var/cache/nginx",
                Medium.MEMORY,
                "64Mi",
                "client, proxy and fastcgi temp directories"),
            new WritablePath(
                "/var/run", Medium.MEMORY, "16Mi", "nginx.pid (/var/run links to /run)"));
    KnownImage postgres = KNOWLEDGE.lookup("postgres", List.of()).orElseThrow();
    assertThat(postgres.path("/var/lib/postgresql/data").medium()).isEqualTo(Medium.PERSISTENT);
    assertThat(postgres.path("/var/run/postgresql").sizeLimit()).isEqualTo("16Mi");
    assertThat(postgres.path("/tmp").sizeLimit()).isNull();
  }

  /** The paths of discovery.md §4.2 that must never be proposed writable. */
  private static final Set<String> DANGEROUS =
      Set.of(
          "/",
          "/etc",
          "/bin",
          "/sbin",
          "/lib",
          "/lib64",
          "/usr",
          "/usr/bin",
          "/usr/sbin",
          "/usr/lib",
          "/usr/local/bin",
          "/usr/local/sbin",
          "/var",
          "/opt",
          "/run",
          "/proc",
          "/sys",
          "/dev",
          "/var/run/docker.sock",
          "/docker-entrypoint.d",
          "/docker-entrypoint-initdb.d");

  @Test
  void everyEntryIsWellFormedAndProposesNoDangerousPath() {
    Set<String> ids = new HashSet<>();
    for (KnownImage entry : KNOWLEDGE.entries()) {
      assertThat(ids.add(entry.id())).as("unique id %s", entry.id()).isTrue();
      assertThat(entry.images().isEmpty() && entry.commandWords().isEmpty())
          .as("%s matches something", entry.id())
          .isFalse();
      assertThat(entry.paths()).as("%s has paths", entry.id()).isNotEmpty();
      Set<String> paths = new HashSet<>();
      for (WritablePath path : entry.paths()) {
        assertThat(paths.add(path.path())).as("%s lists %s once", entry.id(), path.path()).isTrue();
        assertThat(DANGEROUS).as("%s: %s", entry.id(), path.path()).doesNotContain(path.path());
        assertThat(path.path()).doesNotEndWith("/");
        boolean defaultTmp = path.path().equals("/tmp") && path.medium() == Medium.MEMORY;
        if (path.medium() != Medium.PERSISTENT && !defaultTmp) {
          assertThat(path.sizeLimit())
              .as("%s: %s has a sizeLimit", entry.id(), path.path())
              .matches("[0-9]+[KMG]i");
        }
      }
    }
    assertThat(ids).hasSizeGreaterThanOrEqualTo(28);
  }

  @Test
  void aMalformedEntryIsRejectedWithItsName() {
    Object document =
        java.util.Map.of(
            "images",
            List.of(
                java.util.Map.of(
                    "id", "broken",
                    "images", List.of("x"),
                    "paths", List.of(java.util.Map.of("path", "/data", "medium", "tape")))));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ImageKnowledge.KnowledgeYaml.entries(document, "kb.yaml"))
        .hasMessage(
            "kb.yaml: broken: invalid medium \"tape\": must be one of memory, disk, persistent");
  }

  @ParameterizedTest
  @CsvSource({
    "postgres:15, 999:999",
    "postgres:15-alpine, 70:70",
    "docker.io/library/postgres:16-alpine3.20, 70:70",
    "redis:7-alpine, 999:1000",
    "redis:7, 999:999",
    "mysql:8, 999:999",
    "nginx:1.27, 101:101",
  })
  void knowsTheUserOfWellKnownImages(String image, String user) {
    assertThat(ImageKnowledge.builtIn().userFor(image)).contains(user);
  }

  @Test
  void anImageWithoutAKnownUserHasNone() {
    assertThat(ImageKnowledge.builtIn().userFor("grafana/grafana:11")).isEmpty();
    assertThat(ImageKnowledge.builtIn().userFor("rootlock-test/nginx")).isEmpty();
  }
}
