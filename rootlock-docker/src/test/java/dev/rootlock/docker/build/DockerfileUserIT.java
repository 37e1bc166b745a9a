package dev.rootlock.docker.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.DockerCli;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.ScanRequest;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ScanResult;
import dev.rootlock.source.dockerfile.DockerfileReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Dockerfile reader resolves {@code USER} as the engine does: each case is built with {@code
 * docker build} FROM the local busybox test image (never pulled) and the image's {@code
 * Config.User} from {@code docker inspect} must equal what the reader found, and rootlock's verdict
 * must follow it (empty or root fails).
 */
@ExtendWith(RealEngine.class)
class DockerfileUserIT {

  private static final String BASE = "FROM rootlock-test/busybox:latest";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> BUILT = new ArrayList<>();

  @TempDir static Path contexts;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty", BASE + "\nUSER \"\"\n", "", true),
        Arguments.of(
            "empty after inherited", BASE + " AS a\nUSER 1000\nFROM a\nUSER \"\"\n", "", true),
        Arguments.of("arg without default", BASE + "\nARG UID\nUSER ${UID}\n", "", true),
        Arguments.of(
            "arg without default, :- word", BASE + "\nARG UID\nUSER ${UID:-1000}\n", "1000", false),
        Arguments.of("inherited", BASE + " AS a\nUSER 1000\nFROM a\nRUN true\n", "1000", false),
        Arguments.of("quoted", BASE + "\nUSER \"app\"\n", "app", false),
        Arguments.of("single-quoted dollar", BASE + "\nARG b=x\nUSER 'a$b'\n", "a$b", false),
        Arguments.of(
            "lower-case user first in each stage",
            BASE + " AS a\nuser 1000\nfrom a AS b\nuser root\nFROM b\n",
            "root",
            true),
        Arguments.of("root uid", BASE + "\nUSER 0:0\n", "0:0", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void resolvesUserAsTheEngine(String name, String dockerfile, String expected, boolean fails)
      throws Exception {
    Path context = Files.createDirectory(contexts.resolve("c" + BUILT.size()));
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    String image = "rl-cr-dfuser-" + RUN + "-" + BUILT.size();
    BUILT.add(image);
    DockerCli.run("build", "--quiet", "--tag", image, context.toString());

    String engineUser = DockerCli.run("inspect", "--format", "{{.Config.User}}", image);
    String readUser = DockerfileReader.read("Dockerfile", dockerfile).image().user();

    assertThat(engineUser).isEqualTo(expected);
    assertThat(readUser).isEqualTo(engineUser);
    ScanResult result =
        Engine.standard()
            .scan(
                new ScanRequest(
                    List.of(context.resolve("Dockerfile").toString()),
                    LevelVersion.parse("restricted:latest"),
                    InputStream.nullInputStream()));
    assertThat(result.exitCode()).isEqualTo(fails ? 1 : 0);
  }

  @AfterAll
  static void removeImages() {
    for (String image : BUILT) {
      DockerCli.run("image", "rm", "--force", image);
    }
  }
}
