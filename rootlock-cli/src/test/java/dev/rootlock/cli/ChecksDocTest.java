package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.Level;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.checks.PodChecks;
import dev.rootlock.policy.docker.DockerChecks;
import dev.rootlock.policy.docker.DockerfileChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/checks.md} complete and free of stale entries: every registered check has
 * exactly one {@code **`id`**} entry in the section of its kind and level, and no entry names a
 * check that does not exist. (rootlock-cli is the module that sees every registry.)
 */
class ChecksDocTest {

  private static final Path DOC = Path.of(System.getProperty("rootlock.repo"), "docs", "checks.md");

  private static final String PSA_BASELINE = "Pod Security Admission baseline checks";
  private static final String PSA_RESTRICTED = "Pod Security Admission restricted checks";
  private static final String HARDENED = "rootlock hardened checks";
  private static final String DOCKER =
      "Docker checks (Compose services, docker run lines, live containers)";
  private static final String DOCKERFILE = "Dockerfile checks";

  /** A check's entry: the ID in bold code, as each paragraph in the doc begins. */
  private static final Pattern ENTRY = Pattern.compile("\\*\\*`([^`]+)`\\*\\*");

  /** The doc's entries by {@code ##} section, then by {@code ###} subsection ("" before any). */
  private static Map<String, Map<String, List<String>>> entries;

  @BeforeAll
  static void readDoc() throws IOException {
    entries = entriesBySection(Files.readAllLines(DOC, StandardCharsets.UTF_8));
  }

  @Test
  void checkSectionsComeInOrderFromLoosestLevelToDockerfiles() {
    assertThat(List.copyOf(entries.keySet()))
        .containsSubsequence(PSA_BASELINE, PSA_RESTRICTED, HARDENED, DOCKER, DOCKERFILE);
  }

  @Test
  void eachPodCheckHasOneEntryInTheSectionOfItsLevel() {
    List<CheckDefinition<?>> pod = definitions(PodChecks.registry().definitions());
    assertThat(entriesIn(PSA_BASELINE))
        .containsExactlyInAnyOrderElementsOf(ids(pod, Level.BASELINE));
    assertThat(entriesIn(PSA_RESTRICTED))
        .containsExactlyInAnyOrderElementsOf(ids(pod, Level.RESTRICTED));
    assertThat(entriesIn(HARDENED)).containsExactlyInAnyOrderElementsOf(ids(pod, Level.HARDENED));
  }

  @Test
  void eachDockerCheckHasOneEntryInTheDockerSection() {
    assertThat(entriesIn(DOCKER))
        .containsExactlyInAnyOrderElementsOf(
            ids(definitions(DockerChecks.registry().definitions())));
  }

  @Test
  void dockerEntriesSitUnderTheSubsectionOfTheirLevel() {
    List<CheckDefinition<?>> docker = definitions(DockerChecks.registry().definitions());
    Map<String, List<String>> subsections = entries.getOrDefault(DOCKER, Map.of());
    for (Level level : List.of(Level.BASELINE, Level.RESTRICTED, Level.HARDENED)) {
      String name = level.toString();
      String title = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
      assertThat(subsections.getOrDefault(title, List.of()))
          .as("entries under ### %s of %s", title, DOCKER)
          .containsExactlyInAnyOrderElementsOf(ids(docker, level));
    }
  }

  @Test
  void eachDockerfileCheckHasOneEntryInTheDockerfileSection() {
    assertThat(entriesIn(DOCKERFILE))
        .containsExactlyInAnyOrderElementsOf(
            ids(definitions(DockerfileChecks.registry().definitions())));
  }

  @Test
  void noEntryNamesACheckThatNoRegistryHas() {
    Set<String> known = new TreeSet<>();
    known.addAll(ids(definitions(PodChecks.registry().definitions())));
    known.addAll(ids(definitions(DockerChecks.registry().definitions())));
    known.addAll(ids(definitions(DockerfileChecks.registry().definitions())));
    List<String> all =
        entries.values().stream()
            .flatMap(subsections -> subsections.values().stream())
            .flatMap(List::stream)
            .toList();
    assertThat(all).isNotEmpty().allSatisfy(id -> assertThat(known).contains(id));
  }

  @Test
  void sectionsThatDocumentNoChecksHaveNoEntries() {
    Set<String> checkSections = Set.of(PSA_BASELINE, PSA_RESTRICTED, HARDENED, DOCKER, DOCKERFILE);
    entries.forEach(
        (section, subsections) -> {
          if (!checkSections.contains(section)) {
            assertThat(subsections.values().stream().flatMap(List::stream).toList())
                .as("check entries in section \"%s\"", section)
                .isEmpty();
          }
        });
  }

  private static List<String> entriesIn(String section) {
    assertThat(entries).as("sections of %s", DOC).containsKey(section);
    return entries.get(section).values().stream().flatMap(List::stream).toList();
  }

  private static List<CheckDefinition<?>> definitions(List<? extends CheckDefinition<?>> list) {
    return new ArrayList<>(list);
  }

  private static List<String> ids(List<CheckDefinition<?>> definitions) {
    return definitions.stream().map(CheckDefinition::id).toList();
  }

  private static List<String> ids(List<CheckDefinition<?>> definitions, Level level) {
    return definitions.stream().filter(d -> d.level() == level).map(CheckDefinition::id).toList();
  }

  /**
   * Every entry, grouped by the {@code ##} heading above it (the title line's text before the first
   * one) and the {@code ###} heading within that; fenced code blocks are skipped.
   */
  private static Map<String, Map<String, List<String>>> entriesBySection(List<String> lines) {
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    String section = "";
    String subsection = "";
    boolean fenced = false;
    sections.put(section, new LinkedHashMap<>());
    for (String line : lines) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
        subsection = "";
        assertThat(sections).as("sections of %s", DOC).doesNotContainKey(section);
        sections.put(section, new LinkedHashMap<>());
        continue;
      }
      if (line.startsWith("### ")) {
        subsection = line.substring(4).strip();
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      while (entry.find()) {
        sections
            .get(section)
            .computeIfAbsent(subsection, s -> new ArrayList<>())
            .add(entry.group(1));
      }
    }
    return sections;
  }
}
