package dev.rootlock.source.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Position;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.source.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Compose project as Compose assembles it from several files: overrides ({@code -f a -f b}),
 * {@code include:}, {@code extends} from other files and {@code env_file}; every field placed in
 * the file that wrote it.
 */
class ComposeProjectTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private InputFile input(String name) {
    return new InputFile(name, dir.resolve(name));
  }

  private ComposeFile project(String... names) {
    return ComposeReader.readProject(
        java.util.Arrays.stream(names).map(this::input).toList(), ComposeEnvironment.empty());
  }

  private ComposeFile one(String name) throws IOException {
    Path file = dir.resolve(name);
    return ComposeReader.read(name, file, Files.readString(file), ComposeEnvironment.empty());
  }

  private static DockerObject service(ComposeFile file, String name) {
    return file.services().stream()
        .filter(s -> s.config().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no service " + name + " in " + file));
  }

  private static String where(DockerObject service, FieldPath path, String ownFile) {
    String file = service.locator().fileOf(path);
    Position at = service.locator().locate(path);
    return (file == null ? ownFile : file) + ":" + at.line() + ":" + at.column();
  }

  private static List<String> caps(List<Capability> caps) {
    return caps.stream().map(Capability::name).toList();
  }

  @Test
  void anOverrideFileMergesOverTheBaseAsTheSpecificationSays() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          api:
            image: example/api:1
            read_only: true
            cap_add: [CHOWN]
            tmpfs: /run
            volumes:
              - ./conf:/etc/app:ro
              - data:/data
            environment:
              - PATH=/usr/bin
              - MODE=prod
        """);
    write(
        "compose.override.yaml",
        """
        services:
          api:
            read_only: false
            privileged: true
            cap_add: [NET_ADMIN, CHOWN]
            tmpfs: [/tmp]
            volumes:
              - ./dev-conf:/etc/app
            environment:
              MODE: dev
          debug:
            image: example/debug:1
        """);

    ComposeFile read = project("compose.yaml", "compose.override.yaml");

    assertThat(read.errors()).isEmpty();
    assertThat(read.services()).extracting(s -> s.config().name()).containsExactly("api", "debug");
    DockerObject api = service(read, "api");
    assertThat(api.config().readOnly()).isFalse();
    assertThat(api.config().privileged()).isTrue();
    assertThat(caps(api.config().capAdd())).containsExactly("CHOWN", "NET_ADMIN");
    assertThat(api.config().tmpfs()).extracting(TmpfsMount::target).containsExactly("/run", "/tmp");
    assertThat(api.config().mounts())
        .extracting(m -> m.source() + ":" + m.target() + (m.readOnly() ? ":ro" : ""))
        .containsExactly("data:/data", "./dev-conf:/etc/app");
    assertThat(api.config().pathEnv()).isEqualTo("/usr/bin");
    assertThat(api.source().file()).isEqualTo("compose.yaml");
    assertThat(where(api, FieldPath.of("read_only"), "compose.yaml"))
        .isEqualTo("compose.override.yaml:3:5");
    assertThat(where(api, FieldPath.of("privileged"), "compose.yaml"))
        .isEqualTo("compose.override.yaml:4:5");
    assertThat(where(api, FieldPath.of("image"), "compose.yaml")).isEqualTo("compose.yaml:3:5");
    assertThat(where(api, FieldPath.of("volumes").index(0), "compose.yaml"))
        .isEqualTo("compose.yaml:9:9");
    assertThat(where(api, FieldPath.of("volumes").index(1), "compose.yaml"))
        .isEqualTo("compose.override.yaml:8:9");
    assertThat(service(read, "debug").source().file()).isEqualTo("compose.override.yaml");
  }

  @Test
  void extendsFromAnotherFileIsFollowedRecursivelyAndPlacedThere() throws IOException {
    write(
        "common/base.yml",
        """
        services:
          root:
            privileged: true
          base:
            extends:
              service: root
            network_mode: host
            environment:
              - PATH=/opt/bin
              - A=1
        """);
    write(
        "compose.yaml",
        """
        services:
          api:
            image: example/api:1
            extends:
              file: common/base.yml
              service: base
            environment:
              - A=2
              - B=3
        """);

    ComposeFile read = one("compose.yaml");

    assertThat(read.errors()).isEmpty();
    DockerObject api = service(read, "api");
    assertThat(api.warnings()).isEmpty();
    assertThat(api.config().privileged()).isTrue();
    assertThat(api.config().networkMode()).isEqualTo("host");
    assertThat(api.config().pathEnv()).isEqualTo("/opt/bin");
    assertThat(where(api, FieldPath.of("privileged"), "compose.yaml"))
        .isEqualTo("common/base.yml:3:5");
    assertThat(where(api, FieldPath.of("network_mode"), "compose.yaml"))
        .isEqualTo("common/base.yml:7:5");
  }

  @Test
  void listEnvironmentsMergeWithTheBasesEntries() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          base:
            image: example/base:1
            environment:
              - PATH=/opt/bin
              - A=1
          api:
            extends: base
            environment:
              - A=2
        """);

    DockerObject api = service(one("compose.yaml"), "api");

    assertThat(api.config().pathEnv()).isEqualTo("/opt/bin");
  }

  @Test
  void aCycleOfExtendsThroughAnotherFileIsAnError() throws IOException {
    write(
        "a.yml",
        """
        services:
          x:
            image: example/x:1
            extends: {file: b.yml, service: y}
        """);
    write(
        "b.yml",
        """
        services:
          y:
            extends: {file: a.yml, service: x}
        """);

    ComposeFile read = one("a.yml");

    assertThat(read.errors())
        .extracting(InputError::message)
        .containsExactly("circular reference with extends: a.yml:x -> b.yml:y -> a.yml:x");
  }

  @Test
  void extendsNamingAMissingServiceInAnotherFileIsAnError() throws IOException {
    write("b.yml", "services:\n  y:\n    image: example/y:1\n");
    write("a.yml", "services:\n  x:\n    extends: {file: b.yml, service: z}\n");

    assertThat(one("a.yml").errors())
        .extracting(e -> e.file() + ":" + e.position() + ": " + e.message())
        .containsExactly("a.yml:3:14: cannot extend service \"z\": no such service in b.yml");
  }

  @Test
  void includeShortAndLongFormsBringTheirServicesWithTheirOwnEnv() throws IOException {
    write(
        "net/compose.yaml",
        """
        services:
          proxy:
            image: example/proxy:1
            network_mode: "${NET}"
        """);
    write("net/.env", "NET=host\n");
    write(
        "db/compose.yaml",
        """
        services:
          db:
            image: example/db:1
            user: "${DB_UID:-1000}"
        """);
    write("db/db.env", "DB_UID=0\n");
    write(
        "compose.yaml",
        """
        include:
          - net/compose.yaml
          - path: db/compose.yaml
            env_file: db/db.env
        """);

    ComposeFile read = one("compose.yaml");

    assertThat(read.errors()).isEmpty();
    assertThat(read.services()).extracting(s -> s.config().name()).containsExactly("proxy", "db");
    DockerObject proxy = service(read, "proxy");
    assertThat(proxy.source().file()).isEqualTo("net/compose.yaml");
    assertThat(proxy.config().networkMode()).isEqualTo("host");
    assertThat(where(proxy, FieldPath.of("network_mode"), "net/compose.yaml"))
        .isEqualTo("net/.env:1:1");
    assertThat(service(read, "db").config().user()).isEqualTo("0");
    assertThat(where(service(read, "db"), FieldPath.of("user"), "db/compose.yaml"))
        .isEqualTo("db/db.env:1:1");
  }

  @Test
  void includeWithAProjectDirectoryTakesTheEnvThere() throws IOException {
    write(
        "lib/svc.yaml", "services:\n  svc:\n    image: example/svc:1\n    pid: \"${PID_MODE}\"\n");
    write("proj/.env", "PID_MODE=host\n");
    write("compose.yaml", "include:\n  - path: lib/svc.yaml\n    project_directory: proj\n");

    ComposeFile read = one("compose.yaml");

    assertThat(read.errors()).isEmpty();
    assertThat(service(read, "svc").config().pid()).isEqualTo("host");
  }

  @Test
  void anIncludeCycleAndAConflictAreErrors() throws IOException {
    write("a.yaml", "include: [b.yaml]\nservices:\n  a:\n    image: example/a:1\n");
    write("b.yaml", "include: [a.yaml]\nservices:\n  b:\n    image: example/b:1\n");
    write("c.yaml", "services:\n  a:\n    image: example/other:1\n");
    write("d.yaml", "include: [c.yaml]\nservices:\n  a:\n    image: example/a:1\n");

    assertThat(one("a.yaml").errors())
        .extracting(e -> e.file() + ":" + e.position() + ": " + e.message())
        .containsExactly("b.yaml:1:11: include cycle: a.yaml -> b.yaml -> a.yaml");
    assertThat(one("d.yaml").errors())
        .extracting(e -> e.file() + ":" + e.position() + ": " + e.message())
        .containsExactly("d.yaml:3:3: services.a conflicts with imported resource");
  }

  @Test
  void aMissingIncludedFileIsAnError() throws IOException {
    write("compose.yaml", "include:\n  - nowhere/compose.yaml\n");

    assertThat(one("compose.yaml").errors())
        .extracting(InputError::file)
        .containsExactly("nowhere/compose.yaml");
  }

  @Test
  void envFileSetsThePathUnlessEnvironmentDoes() throws IOException {
    write("app.env", "# app\nPATH=/app/bin:/usr/bin\nMODE=x\n");
    write(
        "compose.yaml",
        """
        services:
          a:
            image: example/a:1
            env_file: app.env
          b:
            image: example/b:1
            env_file:
              - path: app.env
              - path: missing.env
                required: false
            environment:
              PATH: /b/bin
          c:
            image: example/c:1
            env_file: [missing.env]
        """);

    ComposeFile read = one("compose.yaml");

    assertThat(service(read, "a").config().pathEnv()).isEqualTo("/app/bin:/usr/bin");
    assertThat(service(read, "b").config().pathEnv()).isEqualTo("/b/bin");
    assertThat(read.errors())
        .extracting(e -> e.file() + ":" + e.position())
        .containsExactly("compose.yaml:15:16");
    assertThat(read.errors().get(0).message())
        .startsWith("env file ")
        .contains("missing.env not found");
  }

  @Test
  void aValueSetInDotEnvIsPlacedAtItsLine() throws IOException {
    write(".env", "# flags\nPRIV=true\n");
    Path compose =
        write(
            "compose.yaml",
            """
            services:
              api:
                image: example/api:1
                privileged: "${PRIV}"
                user: "${PRIV}:${NOPE:-1}"
            """);
    ComposeEnvironment env = ComposeEnvironment.load(Map.of(), dir.resolve(".env"), ".env");

    DockerObject api =
        ComposeReader.read("compose.yaml", compose, Files.readString(compose), env)
            .services()
            .get(0);

    assertThat(api.config().privileged()).isTrue();
    assertThat(where(api, FieldPath.of("privileged"), "compose.yaml")).isEqualTo(".env:2:1");
    assertThat(api.locator().locate(FieldPath.of("privileged")).offset()).isEqualTo(8);
    // Two variables decide user: it stays where it is written.
    assertThat(where(api, FieldPath.of("user"), "compose.yaml")).isEqualTo("compose.yaml:5:5");
  }

  @Test
  void aTextWithoutItsDirectoryDoesNotFollowOtherFiles() {
    ComposeFile read =
        ComposeReader.read(
            "-",
            "services:\n  a:\n    image: example/a:1\n    extends: {file: b.yml, service: b}\n");

    assertThat(read.errors()).isEmpty();
    assertThat(read.services().get(0).warnings())
        .extracting(w -> w.message())
        .containsExactly(
            "extends from \"b.yml\" is not followed when the file is read from standard input;"
                + " what it adds is not checked");
  }

  @Test
  void overridesKeepMountsByTarget() throws IOException {
    write("a.yml", "services:\n  s:\n    image: x\n    volumes: ['/etc:/etc:ro', 'vol:/v']\n");
    write("b.yml", "services:\n  s:\n    volumes: ['/etc:/etc']\n");

    DockerObject s = service(project("a.yml", "b.yml"), "s");

    assertThat(s.config().mounts()).extracting(Mount::readOnly).containsExactly(false, false);
    assertThat(s.config().mounts()).extracting(Mount::target).containsExactly("/v", "/etc");
  }
}
