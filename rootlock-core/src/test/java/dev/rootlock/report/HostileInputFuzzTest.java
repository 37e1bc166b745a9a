package dev.rootlock.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.engine.Engine;
import dev.rootlock.engine.ScanRequest;
import dev.rootlock.fix.Fixer;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.InputError;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ScanResult;
import dev.rootlock.model.fix.FileResult;
import dev.rootlock.model.fix.FixReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/**
 * The fuzz suite of issue 15: mutants of the fix golden documents (Kubernetes manifests, Compose
 * files, anchors, comments, CRLF, flow style; see {@link Mutants}) go through every reader, every
 * report format and the fixer, with a fixed seed and count so CI runs the same inputs each time.
 * Whatever the input: nothing throws, every report is valid (JSON and SARIF against their schemas,
 * JUnit as XML), every input error names its file and line, and the fixer leaves a file
 * byte-identical unless it reports it changed, and never drops a comment line. The counts run and
 * what the suite found are in docs/fuzzing.md.
 */
class HostileInputFuzzTest {

  /** Mutants per property; 3 properties, kept well under two minutes on a loaded 2-core box. */
  static final int TRIES = 400;

  private static final long SEED = 15015015L;
  private static final List<String> LEVELS =
      List.of("baseline:latest", "restricted:latest", "hardened:latest", "restricted:v1.22");
  private static final List<Path> SEEDS = seeds();
  private static final Engine ENGINE = Engine.standard();
  private static final SchemaValidator JSON_SCHEMA = SchemaValidator.scanResult();
  private static final SchemaValidator SARIF_SCHEMA = SchemaValidator.sarif();
  private static final Path WORK = workDir();

  private static List<Path> seeds() {
    try {
      Path dir = Path.of(HostileInputFuzzTest.class.getResource("/fix").toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .filter(p -> p.getFileName().toString().matches(".*\\.before\\.(yaml|json)"))
            .sorted()
            .toList();
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path workDir() {
    try {
      return Files.createTempDirectory("rootlock-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void removeWorkDir() throws IOException {
    try (Stream<Path> files = Files.walk(WORK)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The mutant of one seed, written under a name that sends it to the seed's reader. */
  private static Path mutant(long seed, int seedIndex, int steps) throws IOException {
    Path source = SEEDS.get(seedIndex % SEEDS.size());
    String name = source.getFileName().toString();
    String text = Files.readString(source, StandardCharsets.UTF_8);
    String mutated = new Mutants(seed).mutate(text, steps);
    Path dir = Files.createDirectories(WORK.resolve(Long.toHexString(seed) + "-" + seedIndex));
    // Compose seeds keep a Compose file name; the rest are read as manifests.
    String target = name.startsWith("compose") ? "compose.yaml" : "mutant.yaml";
    return Files.writeString(dir.resolve(target), mutated, StandardCharsets.UTF_8);
  }

  /**
   * {@link #TRIES} mutants drawn from one fixed seed: a mutation seed, which golden document to
   * start from, and how many mutation steps. The same inputs on every run, so a failure replays.
   */
  static Stream<Arguments> mutants() {
    Random random = new Random(SEED);
    return Stream.generate(
            () -> Arguments.of(random.nextLong(), random.nextInt(1000), 1 + random.nextInt(6)))
        .limit(TRIES);
  }

  @ParameterizedTest(name = "mutant {index}: seed {0}, document {1}, {2} steps")
  @MethodSource("mutants")
  void everyReaderAndReportSurvivesAMutant(long seed, int seedIndex, int steps) throws Exception {
    Path file = mutant(seed, seedIndex, steps);
    LevelVersion level = LevelVersion.parse(LEVELS.get(Math.floorMod(seed, LEVELS.size())));

    ScanResult result =
        ENGINE.scan(
            new ScanRequest(
                List.of(file.toString()), level, new ByteArrayInputStream(new byte[0])));

    assertThat(result.exitCode()).isBetween(0, 2);
    for (InputError error : result.errors()) {
      assertThat(error.file()).isEqualTo(file.toString());
      assertThat(error.position()).as("line of %s", error).isNotNull();
      assertThat(error.message())
          .doesNotContain("\n")
          .hasSizeLessThanOrEqualTo(InputError.MAX_MESSAGE);
    }
    ReportContext context = ReportContext.of("fuzz", null, ENGINE.rules(), false);
    String json = render(ReportFormat.JSON, context, result);
    assertThat(JSON_SCHEMA.violations(json)).isEmpty();
    assertThat(SARIF_SCHEMA.violations(render(ReportFormat.SARIF, context, result))).isEmpty();
    String junit = render(ReportFormat.JUNIT, context, result);
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(junit)));
    String text = render(ReportFormat.TEXT, context, result);
    assertThat(text.lines().count())
        .as("one line per finding, note and error, PSA's message per failing object, the summary")
        .isLessThanOrEqualTo(
            result.findingCount()
                + result.objects().stream().mapToLong(o -> o.notes().size()).sum()
                + result.objects().stream().filter(o -> !o.allowed()).count()
                + result.errors().size()
                + 1);
  }

  @ParameterizedTest(name = "mutant {index}: seed {0}, document {1}, {2} steps")
  @MethodSource("mutants")
  void theFixerChangesAFileOnlyWhenItSaysSoAndKeepsEveryComment(long seed, int seedIndex, int steps)
      throws Exception {
    Path file = mutant(seed, seedIndex, steps);
    byte[] before = Files.readAllBytes(file);

    FixReport report = new Fixer(FixOptions.defaults()).apply(List.of(file.toString()), false);

    byte[] after = Files.readAllBytes(file);
    assertThat(report.files()).hasSize(1);
    FileResult result = report.files().get(0);
    if (result.status() != FileResult.Status.CHANGED) {
      assertThat(Arrays.equals(before, after))
          .as("%s is %s but was rewritten", file, result.status())
          .isTrue();
    } else {
      String fixed = new String(after, StandardCharsets.UTF_8);
      List<String> comments = Mutants.commentLines(new String(before, StandardCharsets.UTF_8));
      if (!comments.isEmpty()) {
        assertThat(fixed.lines().toList()).containsSubsequence(comments);
      }
    }
    if (result.error() != null) {
      assertThat(result.error()).doesNotContain("\n");
    }
  }

  @ParameterizedTest(name = "mutant {index}: seed {0}, {2} steps")
  @MethodSource("mutants")
  void theDockerfileReaderSurvivesAMutant(long seed, int unused, int steps) throws Exception {
    Random random = new Random(seed);
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "# syntax=docker/dockerfile:1",
                "FROM alpine:3.20 AS build",
                "ARG USER=app",
                "RUN adduser -D ${USER} \\",
                "  && echo done",
                "USER ${USER:-1000}",
                "FROM build",
                "VOLUME [\"/data\", \"/tmp\"]",
                "ONBUILD USER root",
                "USER 0:0"));
    List<String> odd =
        List.of("", "\\", "${", "USER", "FROM", "FROM  AS", "USER ${x:?}", "\u202e", "[\"", "#");
    for (int i = 0; i < steps; i++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(4)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> lines.set(at, lines.get(at) + odd.get(random.nextInt(odd.size())));
        default -> lines.add(at, odd.get(random.nextInt(odd.size())));
      }
      if (lines.isEmpty()) {
        lines.add("FROM");
      }
    }
    Path dir = Files.createDirectories(WORK.resolve("docker-" + Long.toHexString(seed)));
    Path file = Files.writeString(dir.resolve("Dockerfile"), String.join("\n", lines));

    ScanResult result =
        ENGINE.scan(
            new ScanRequest(
                List.of(file.toString()),
                LevelVersion.parse("hardened:latest"),
                new ByteArrayInputStream(new byte[0])));

    assertThat(result.exitCode()).isBetween(0, 2);
    for (InputError error : result.errors()) {
      assertThat(error.position()).as("line of %s", error).isNotNull();
    }
    ReportContext context = ReportContext.of("fuzz", null, ENGINE.rules(), false);
    assertThat(JSON_SCHEMA.violations(render(ReportFormat.JSON, context, result))).isEmpty();
    assertThat(SARIF_SCHEMA.violations(render(ReportFormat.SARIF, context, result))).isEmpty();
  }

  private static String render(ReportFormat format, ReportContext context, ScanResult result)
      throws IOException {
    StringWriter out = new StringWriter();
    format.reporter(context).write(result, out);
    return out.toString();
  }
}
