package dev.rootlock.source.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Position;
import dev.rootlock.model.docker.DockerfileImage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link DockerfileReader}. */
class DockerfileReaderTest {

  private static ParsedDockerfile read(String text) throws DockerfileException {
    return DockerfileReader.read("Dockerfile", text);
  }

  static Stream<Arguments> users() {
    return Stream.of(
        Arguments.of("no USER", "FROM alpine\nRUN true\n", null),
        Arguments.of("plain", "FROM alpine\nUSER 10001\n", "10001"),
        Arguments.of("last one wins", "FROM alpine\nUSER app\nRUN x\nUSER root\n", "root"),
        Arguments.of("lower-case instruction", "from alpine\nuser nobody\n", "nobody"),
        Arguments.of("uid:gid", "FROM alpine\nUSER 1000:1000\n", "1000:1000"),
        Arguments.of(
            "only the final stage counts",
            "FROM golang AS build\nUSER app\nFROM alpine\nCOPY --from=build /x /x\n",
            null),
        Arguments.of(
            "inherited from an earlier stage, any case",
            "FROM node AS Base\nUSER node\nFROM base AS final\nRUN true\n",
            "node"),
        Arguments.of(
            "the final stage overrides what it inherits",
            "FROM node AS base\nUSER node\nFROM base\nUSER root\n",
            "root"),
        Arguments.of(
            "a stage's ARG default",
            "FROM alpine\nARG UID=10001\nUSER ${UID}:$UID\n",
            "10001:10001"),
        Arguments.of(
            "a global ARG imported into the stage",
            "ARG UID=1000\nFROM alpine\nARG UID\nUSER $UID\n",
            "1000"),
        Arguments.of(
            "a global ARG not imported is empty, as in Docker",
            "ARG UID=1000\nFROM alpine\nUSER ${UID:-root}\n",
            "root"),
        Arguments.of(
            "an ARG without default is empty, as docker build leaves it",
            "FROM alpine\nARG UID\nUSER ${UID}\n",
            ""),
        Arguments.of(
            "an ARG without default takes the :- word",
            "FROM alpine\nARG UID\nUSER ${UID:-1000}\n",
            "1000"),
        Arguments.of("an empty quoted USER is empty", "FROM alpine\nUSER \"\"\n", ""),
        Arguments.of(
            "an empty USER replaces an inherited one",
            "FROM alpine AS a\nUSER 1000\nFROM a\nUSER \"\"\n",
            ""),
        Arguments.of("double quotes are removed", "FROM alpine\nUSER \"app\"\n", "app"),
        Arguments.of("single quotes keep a dollar", "FROM alpine\nARG b=x\nUSER 'a$b'\n", "a$b"),
        Arguments.of(
            "ENV wins over ARG and is inherited",
            "FROM alpine AS a\nARG U=0\nENV U=app\nFROM a\nUSER $U\n",
            "app"),
        Arguments.of("legacy ENV form", "FROM alpine\nENV U app\nUSER $U\n", "app"),
        Arguments.of(
            "continuation lines, comments inside them",
            "FROM alpine\nUSER \\\n# a comment\n  10001\n",
            "10001"),
        Arguments.of("the escape directive", "# escape=`\nFROM alpine\nUSER `\n  app\n", "app"),
        Arguments.of(
            "a heredoc body is not an instruction",
            "FROM alpine\nUSER app\nRUN <<EOF\nUSER root\nEOF\n",
            "app"),
        Arguments.of(
            "a tab-stripping heredoc",
            "FROM alpine\nUSER app\nRUN <<-'END' cat\n\tUSER root\n\tEND\n",
            "app"),
        Arguments.of("CRLF and a byte-order mark", "\uFEFFFROM alpine\r\nUSER app\r\n", "app"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("users")
  void findsTheEffectiveUser(String name, String text, String user) throws Exception {
    assertThat(read(text).image().user()).isEqualTo(user);
  }

  static Stream<Arguments> volumes() {
    return Stream.of(
        Arguments.of("none", "FROM alpine\n", List.of()),
        Arguments.of(
            "JSON form", "FROM alpine\nVOLUME [\"/data\", \"/logs\"]\n", List.of("/data", "/logs")),
        Arguments.of("plain form", "FROM alpine\nVOLUME /data /logs\n", List.of("/data", "/logs")),
        Arguments.of("invalid JSON is plain", "FROM alpine\nVOLUME [/data]\n", List.of("[/data]")),
        Arguments.of(
            "substituted", "FROM alpine\nENV D=/srv\nVOLUME $D/data\n", List.of("/srv/data")),
        Arguments.of(
            "inherited first, then the stage's own",
            "FROM postgres AS db\nVOLUME /var/lib/postgresql/data\nFROM db\nVOLUME [\"/backup\"]\n",
            List.of("/var/lib/postgresql/data", "/backup")),
        Arguments.of(
            "earlier unrelated stages do not count",
            "FROM alpine AS build\nVOLUME /cache\nFROM alpine\n",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("volumes")
  void findsEveryVolumePath(String name, String text, List<String> paths) throws Exception {
    assertThat(read(text).image().volumes()).isEqualTo(paths);
  }

  @Test
  void numbersStagesWhoseFirstLineIsALowerCaseUser() throws Exception {
    ParsedDockerfile parsed =
        read("FROM alpine AS a\nuser 1000\nfrom a AS b\nuser root\nFROM b\nuser app\n");
    assertThat(parsed.stages()).extracting(Stage::index).containsExactly(0, 1, 2);
    assertThat(parsed.stages()).extracting(Stage::user).containsExactly("1000", "root", "app");
    assertThat(parsed.image().stageIndex()).isEqualTo(2);
    assertThat(parsed.image().user()).isEqualTo("app");
    assertThat(parsed.locator().locate(DockerfileImage.USER)).isEqualTo(new Position(6, 1, 56));
  }

  @Test
  void notesABuildArgumentThatLeavesUserEmpty() throws Exception {
    assertThat(read("FROM alpine\nARG UID\nUSER ${UID}\n").notes())
        .containsExactly(
            "USER ${UID} (line 3): build argument UID has no default; unless docker build is"
                + " given --build-arg UID=..., it is empty and the image runs as root");
  }

  @Test
  void describesTheFinalStage() throws Exception {
    ParsedDockerfile parsed =
        read(
            """
            # syntax=docker/dockerfile:1
            FROM golang:1 AS build
            RUN go build

            FROM --platform=$BUILDPLATFORM gcr.io/distroless/static AS runtime
            """);
    assertThat(parsed.image())
        .isEqualTo(new DockerfileImage("runtime", 1, "gcr.io/distroless/static", null, List.of()));
    assertThat(parsed.stages()).extracting(Stage::name).containsExactly("build", "runtime");
  }

  @Test
  void locatesUserVolumesAndTheFinalFrom() throws Exception {
    ParsedDockerfile parsed =
        read("FROM alpine AS a\n  USER root\nFROM a\nRUN x\nVOLUME /a \\\n  /b\nVOLUME [\"/c\"]\n");
    assertThat(parsed.locator().locate(DockerfileImage.USER)).isEqualTo(new Position(2, 3, 19));
    assertThat(parsed.locator().locate(DockerfileImage.volumePath(1)))
        .isEqualTo(new Position(5, 1, 42));
    assertThat(parsed.locator().locate(DockerfileImage.volumePath(2)))
        .isEqualTo(new Position(7, 1, 59));
    assertThat(parsed.locator().locate(FieldPath.root())).isEqualTo(new Position(3, 1, 29));
  }

  @Test
  void notesEachVolumeWithItsLine() throws Exception {
    assertThat(read("FROM redis\n\nVOLUME /data\n").notes())
        .containsExactly(
            "VOLUME \"/data\" (line 3): Docker mounts VOLUME paths writable even under"
                + " --read-only; Kubernetes does not");
  }

  @Test
  void refusesAFileWithoutAStage() {
    assertThatThrownBy(() -> read("# just a comment\nRUN echo\n"))
        .isInstanceOf(DockerfileException.class)
        .hasMessage("no FROM instruction: a Dockerfile needs a build stage");
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("Dockerfile", true),
        Arguments.of("Containerfile", true),
        Arguments.of("api.Dockerfile", true),
        Arguments.of("Dockerfile.dev", true),
        Arguments.of("Dockerfile.dockerignore", false),
        Arguments.of("api.Dockerfile.dockerignore", false),
        Arguments.of("dockerfile-notes.md", false),
        Arguments.of("compose.yaml", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void recognisesDockerfilesByName(String name, boolean expected) {
    assertThat(DockerfileReader.isDockerfileName(name)).isEqualTo(expected);
  }
}
