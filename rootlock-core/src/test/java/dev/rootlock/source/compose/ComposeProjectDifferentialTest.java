package dev.rootlock.source.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.source.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Projects of several files read by rootlock and by a real Compose ({@code docker-compose config},
 * v1.29, installed by scripts/test-images): overrides ({@code -f a -f b}), {@code extends} from
 * another file (recursively), list-form {@code environment} merged with the base's, {@code
 * env_file}, {@code --env-file}. Each case is a directory under {@code
 * compose-differential/projects}: {@code rootlock.args} holds the {@code -f}/{@code --env-file}
 * arguments both read it with, and {@code v1.args}, when present, what v1 is given instead.
 *
 * <p>Documented differences between v1 and the specification, which rootlock follows:
 *
 * <ul>
 *   <li>v1 does not know {@code include:}; the specification says an included file is read as its
 *       own project (its own directory and {@code .env}), so v1 reads that project directly ({@code
 *       v1.args}: {@code -f net/compose.yaml --project-directory net}).
 *   <li>v1 sorts a merged {@code cap_add}/{@code cap_drop}/{@code security_opt} list (a set); the
 *       specification appends without repeats. Order means nothing to the engine, so these lists
 *       are compared sorted.
 * </ul>
 */
class ComposeProjectDifferentialTest {

  private static final Path PROJECTS =
      Path.of(System.getProperty("rootlock.repo", "."))
          .resolve("rootlock-core/src/test/resources/compose-differential/projects");

  @TestFactory
  Stream<DynamicTest> everyProjectReadsAsDockerComposeConfigReadsIt() throws IOException {
    ComposeDifferentialTest.requireDockerCompose();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> cases = Files.list(PROJECTS)) {
      for (Path project : cases.filter(Files::isDirectory).sorted().toList()) {
        tests.add(
            DynamicTest.dynamicTest(
                project.getFileName().toString(), () -> compare(project.toAbsolutePath())));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(2);
    return tests.stream();
  }

  private static void compare(Path project) throws Exception {
    List<String> args = words(project.resolve("rootlock.args"));
    Path v1Args = project.resolve("v1.args");
    Map<String, Object> theirs =
        v1Config(project, Files.isRegularFile(v1Args) ? words(v1Args) : args);

    List<InputFile> files = new ArrayList<>();
    Path envFile = project.resolve(".env");
    String envName = ".env";
    for (int i = 0; i < args.size(); i += 2) {
      if (args.get(i).equals("-f")) {
        files.add(new InputFile(args.get(i + 1), project.resolve(args.get(i + 1))));
      } else if (args.get(i).equals("--env-file")) {
        envFile = project.resolve(args.get(i + 1));
        envName = args.get(i + 1);
      }
    }
    ComposeFile ours =
        ComposeReader.readProject(files, ComposeEnvironment.load(Map.of(), envFile, envName));

    assertThat(ours.errors()).isEmpty();
    assertThat(ours.services())
        .extracting(s -> s.config().name())
        .containsExactlyInAnyOrderElementsOf(theirs.keySet());
    for (DockerObject service : ours.services()) {
      assertThat(service.problems()).isEmpty();
      Path dir = project.resolve(service.source().file()).getParent();
      @SuppressWarnings("unchecked")
      Map<String, Object> their = (Map<String, Object>) theirs.get(service.config().name());
      Map<String, Object> expected = sortedLists(ComposeDifferentialTest.model(their, dir));
      expected.put("PATH", pathOf(their.get("environment")));
      Map<String, Object> actual =
          sortedLists(ComposeDifferentialTest.model(service.config(), dir));
      actual.put("PATH", service.config().pathEnv());
      assertThat(actual).as("service %s", service.config().name()).isEqualTo(expected);
    }
  }

  private static Map<String, Object> sortedLists(Map<String, Object> model) {
    Map<String, Object> out = new TreeMap<>(model);
    for (String key : List.of("cap_add", "cap_drop", "security_opt")) {
      out.put(key, ((List<?>) model.get(key)).stream().map(String::valueOf).sorted().toList());
    }
    return out;
  }

  private static Object pathOf(Object environment) {
    return environment instanceof Map<?, ?> map ? map.get("PATH") : null;
  }

  private static List<String> words(Path file) throws IOException {
    return List.of(Files.readString(file).strip().split("\\s+"));
  }

  /** The services of {@code docker-compose ARGS config}, run in {@code project}. */
  private static Map<String, Object> v1Config(Path project, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker-compose"));
    command.addAll(args);
    command.add("config");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    String path = System.getenv("PATH");
    builder.environment().clear();
    builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
    builder.environment().put("HOME", ComposeDifferentialTest.HOME);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("docker-compose config timed out in " + project);
    }
    assertThat(process.exitValue()).as("docker-compose %s config in %s", args, project).isZero();
    Object config = new Load(LoadSettings.builder().build()).loadFromString(output);
    @SuppressWarnings("unchecked")
    Map<String, Object> services =
        (Map<String, Object>) ((Map<String, Object>) config).get("services");
    return services;
  }
}
