package dev.rootlock.source.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * rootlock's Compose model against a real Compose: Debian's {@code docker-compose} (1.29, Compose
 * v1, installed by scripts/test-images) runs {@code config} on every corpus file and on rootlock's
 * own tricky cases, and each service's read_only, tmpfs, volumes (target and mode), cap_add,
 * cap_drop, user, security_opt, privileged, network_mode and pid must be what rootlock read. Both
 * see the same variables: an empty environment plus the project's {@code .env}.
 *
 * <p>The corpus holds only the Compose files, and v1's {@code config} refuses a build context or
 * env_file that does not exist, so each file is copied into a scratch project where those are
 * created empty. A file v1 refuses otherwise must be refused (an error or problem) by rootlock too,
 * unless v1's refusal is a documented difference between v1 and the specification ({@link
 * #V1_ONLY_REFUSALS}).
 */
class ComposeDifferentialTest {

  /**
   * What v1 refuses and the specification (and rootlock) accepts. Interpolation in v1 knows neither
   * {@code ${VAR:+x}} nor nested defaults.
   */
  static final List<String> V1_ONLY_REFUSALS = List.of("Invalid interpolation format");

  /** The fields compared, as v1 names them in its messages. */
  static final List<String> COMPARED =
      List.of(
          "read_only",
          "tmpfs",
          "volumes",
          "cap_add",
          "cap_drop",
          "\"user\"",
          "security_opt",
          "privileged",
          "network_mode",
          "\"pid\"");

  /** HOME for both sides: v1 expands {@code ~} in host paths with it. */
  static final String HOME = "/rl-cr-home";

  static final java.util.concurrent.atomic.AtomicInteger COMPARED_FILES =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final Path OWN =
      Path.of(System.getProperty("rootlock.repo", "."))
          .resolve("rootlock-core/src/test/resources/compose-differential");

  record Case(String name, Path file) {}

  record V1Result(int exitCode, String output, String errors) {}

  @TestFactory
  Stream<DynamicTest> everyServiceReadsAsDockerComposeConfigReadsIt() throws Exception {
    requireDockerCompose();
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("own/tricky.yaml", OWN.resolve("tricky.yaml")));
    for (Path file : ComposeCorpusTest.files()) {
      cases.add(new Case(ComposeCorpusTest.corpus().relativize(file).toString(), file));
    }
    // docker-compose is a Python program that takes a second or more to start: run a few at once.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Map<Case, Future<V1Result>> results = new LinkedHashMap<>();
    for (Case c : cases) {
      results.put(c, pool.submit(() -> dockerComposeConfig(c.file())));
    }
    pool.shutdown();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<Case, Future<V1Result>> entry : results.entrySet()) {
      V1Result v1 = entry.getValue().get(10, TimeUnit.MINUTES);
      tests.add(DynamicTest.dynamicTest(entry.getKey().name(), () -> compare(entry.getKey(), v1)));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "most corpus files are compared",
            () -> assertThat(COMPARED_FILES.get()).isGreaterThanOrEqualTo(60)));
    return tests.stream();
  }

  static void requireDockerCompose() {
    boolean present;
    try {
      present = new ProcessBuilder("docker-compose", "version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      present = false;
    }
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but docker-compose is missing (scripts/test-images installs it)");
    }
    if (!present) {
      System.err.println(
          "!!!!! SKIPPING the docker-compose differential test: no docker-compose on PATH"
              + " (apt-get install docker-compose, or run scripts/test-images) !!!!!");
    }
    Assumptions.assumeTrue(present, "docker-compose is not installed");
  }

  private static void compare(Case c, V1Result v1) throws IOException {
    String text = Files.readString(c.file());
    Path dir = c.file().toAbsolutePath().getParent();
    ComposeFile ours =
        ComposeReader.read(
            c.name(), text, ComposeEnvironment.load(Map.of(), dir.resolve(".env"), ".env"));
    if (v1.exitCode() != 0) {
      // v1 refuses many corpus files for reasons outside the compared fields (v1's older schema:
      // top-level name:, include:, cgroup:; override fragments without image; depends_on on a
      // service in another file; ports or healthcheck values empty without the project's .env).
      // Those files are not compared; a refusal that names a compared field must be shared.
      boolean documented = V1_ONLY_REFUSALS.stream().anyMatch(v1.errors()::contains);
      boolean aboutComparedField = COMPARED.stream().anyMatch(v1.errors()::contains);
      boolean refusedToo =
          !ours.errors().isEmpty()
              || ours.services().stream().anyMatch(s -> !s.problems().isEmpty());
      assertThat(!aboutComparedField || documented || refusedToo)
          .as("docker-compose config refused %s (%s) but rootlock read it", c.name(), v1.errors())
          .isTrue();
      return;
    }
    COMPARED_FILES.incrementAndGet();
    Map<String, Object> config =
        new Load(LoadSettings.builder().build()).loadFromString(v1.output())
                instanceof Map<?, ?> map
            ? cast(map)
            : Map.of();
    Map<String, Object> services = cast((Map<?, ?>) config.getOrDefault("services", Map.of()));
    assertThat(ours.services())
        .extracting(s -> s.config().name())
        .containsExactlyInAnyOrderElementsOf(services.keySet());
    for (DockerObject service : ours.services()) {
      if (!service.problems().isEmpty()) {
        continue; // treated as unset by rootlock and reported as an input error
      }
      Map<String, Object> theirs = cast((Map<?, ?>) services.get(service.config().name()));
      assertThat(model(service.config(), dir))
          .as("%s service %s", c.name(), service.config().name())
          .isEqualTo(model(theirs, dir));
    }
  }

  /** The compared fields of rootlock's model, in docker-compose config's terms. */
  static Map<String, Object> model(ContainerConfig config, Path dir) {
    Map<String, Object> out = new TreeMap<>();
    out.put("read_only", config.readOnly());
    out.put("privileged", config.privileged());
    out.put("user", config.user());
    out.put("network_mode", config.networkMode());
    out.put("pid", config.pid());
    out.put("cap_add", config.capAdd().stream().map(Capability::name).toList());
    out.put("cap_drop", config.capDrop().stream().map(Capability::name).toList());
    out.put(
        "security_opt",
        config.securityOpts().entries().stream().map(SecurityOpt::written).toList());
    out.put(
        "tmpfs",
        config.tmpfs().stream()
            .map(TmpfsMount::target)
            .map(ComposeDifferentialTest::trimSlash)
            .sorted()
            .toList());
    List<String> volumes = new ArrayList<>();
    for (Mount mount : config.mounts()) {
      String source = mount.source();
      if (mount.type() == MountType.BIND && source != null) {
        source = source.startsWith("~") ? HOME + source.substring(1) : source;
        source = dir.resolve(source).normalize().toString();
      }
      volumes.add(
          mount.type()
              + " "
              + trimSlash(source)
              + " "
              + trimSlash(mount.target())
              + (mount.readOnly() ? " ro" : " rw"));
    }
    volumes.sort(Comparator.naturalOrder());
    out.put("volumes", volumes);
    return out;
  }

  /** The same fields from one service of docker-compose config's output. */
  static Map<String, Object> model(Map<String, Object> service, Path dir) {
    Map<String, Object> out = new TreeMap<>();
    out.put("read_only", service.get("read_only"));
    out.put("privileged", service.get("privileged"));
    out.put("user", string(service.get("user")));
    out.put("network_mode", string(service.get("network_mode")));
    out.put("pid", string(service.get("pid")));
    out.put("cap_add", strings(service.get("cap_add")));
    out.put("cap_drop", strings(service.get("cap_drop")));
    out.put("security_opt", strings(service.get("security_opt")));
    List<String> tmpfs = new ArrayList<>();
    for (String entry : strings(service.get("tmpfs"))) {
      tmpfs.add(trimSlash(entry.contains(":") ? entry.substring(0, entry.indexOf(':')) : entry));
    }
    List<String> volumes = new ArrayList<>();
    Object written = service.get("volumes");
    for (Object volume : written instanceof List<?> list ? list : List.of()) {
      if (volume instanceof Map<?, ?> map) {
        String type = String.valueOf(map.get("type"));
        String target = String.valueOf(map.get("target"));
        if (type.equals("tmpfs")) {
          tmpfs.add(trimSlash(target));
          continue;
        }
        boolean readOnly = Boolean.TRUE.equals(map.get("read_only"));
        volumes.add(
            type.toUpperCase(java.util.Locale.ROOT)
                + " "
                + trimSlash(unescape(map.get("source")))
                + " "
                + trimSlash(unescape(target))
                + (readOnly ? " ro" : " rw"));
      } else {
        volumes.add(shortVolume(String.valueOf(volume)));
      }
    }
    volumes.sort(Comparator.naturalOrder());
    tmpfs.sort(Comparator.naturalOrder());
    out.put("tmpfs", tmpfs);
    out.put("volumes", volumes);
    return out;
  }

  /** v1 writes {@code SOURCE:TARGET:MODE} with host paths made absolute, or just {@code TARGET}. */
  private static String shortVolume(String spec) {
    String[] parts = unescape(spec).split(":", 0);
    if (parts.length == 1) {
      return "VOLUME null " + trimSlash(parts[0]) + " rw";
    }
    String source = parts[0];
    String type = source.startsWith("/") || source.startsWith(".") ? "BIND" : "VOLUME";
    boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
    return type + " " + trimSlash(source) + " " + trimSlash(parts[1]) + (readOnly ? " ro" : " rw");
  }

  /** A path without a trailing slash, which names the same directory. */
  private static String trimSlash(String path) {
    return path != null && path.length() > 1 && path.endsWith("/")
        ? path.substring(0, path.length() - 1)
        : path;
  }

  /** v1's config output writes every literal {@code $} as {@code $$}, ready to be read again. */
  private static String unescape(Object value) {
    return value == null ? null : String.valueOf(value).replace("$$", "$");
  }

  private static String string(Object value) {
    return unescape(value);
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ComposeDifferentialTest::unescape).toList();
    }
    return List.of(unescape(value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /**
   * Runs {@code docker-compose -f NAME config} in a scratch copy of the file's project: the file,
   * its {@code .env}, and empty build contexts and env files where the file names them.
   */
  static V1Result dockerComposeConfig(Path file) throws Exception {
    Path scratch = Files.createTempDirectory("rl-cr-compose-");
    try {
      Path dir = file.toAbsolutePath().normalize().getParent();
      // The project is mirrored at its own absolute path under the scratch root, so that host
      // paths that climb out of it (../../cmd) resolve to the original path once the root is cut.
      Path project = scratch.resolve(dir.toString().substring(1));
      Files.createDirectories(project);
      Path copy = project.resolve(file.getFileName().toString());
      Files.copy(file, copy);
      if (Files.isRegularFile(dir.resolve(".env"))) {
        Files.copy(dir.resolve(".env"), project.resolve(".env"));
      }
      createReferencedPaths(Files.readString(file), project);
      ProcessBuilder builder =
          new ProcessBuilder("docker-compose", "-f", copy.getFileName().toString(), "config")
              .directory(project.toFile());
      String path = System.getenv("PATH");
      builder.environment().clear();
      builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
      builder.environment().put("HOME", HOME);
      Process process = builder.start();
      process.getOutputStream().close();
      java.util.concurrent.CompletableFuture<byte[]> errorBytes =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return process.getErrorStream().readAllBytes();
                } catch (IOException e) {
                  return new byte[0];
                }
              });
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String errors = new String(errorBytes.get(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("docker-compose config timed out on " + file);
      }
      return new V1Result(process.exitValue(), output.replace(scratch.toString(), ""), errors);
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void createReferencedPaths(String text, Path project) throws IOException {
    Node root;
    try {
      root = ComposeReader.parseDocument(text).orElse(null);
    } catch (Exception e) {
      return;
    }
    if (!(root instanceof MappingNode top)
        || !(top.get("services") instanceof MappingNode services)) {
      return;
    }
    for (MappingNode.Entry entry : services.entries()) {
      if (!(entry.value() instanceof MappingNode service)) {
        continue;
      }
      Node build = service.get("build");
      String context =
          build instanceof ScalarNode s
              ? s.value()
              : build instanceof MappingNode m && m.get("context") instanceof ScalarNode s
                  ? s.value()
                  : null;
      if (context != null && !context.contains("://") && !context.contains("$")) {
        Files.createDirectories(project.resolve(context).normalize());
      }
      Node envFile = service.get("env_file");
      List<Node> envFiles =
          envFile instanceof dev.rootlock.source.tree.SequenceNode seq
              ? seq.items()
              : envFile == null ? List.of() : List.of(envFile);
      for (Node item : envFiles) {
        String name =
            item instanceof ScalarNode s
                ? s.value()
                : item instanceof MappingNode m && m.get("path") instanceof ScalarNode s
                    ? s.value()
                    : null;
        if (name != null && !name.contains("$")) {
          Path target = project.resolve(name).normalize();
          if (target.startsWith(project) && !Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.createFile(target);
          }
        }
      }
    }
  }
}
