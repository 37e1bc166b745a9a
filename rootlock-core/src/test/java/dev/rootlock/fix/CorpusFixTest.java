package dev.rootlock.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.engine.Engine;
import dev.rootlock.fix.compose.ServiceHardener;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.fix.pod.PodHardener;
import dev.rootlock.fix.yaml.TextEdit;
import dev.rootlock.model.Finding;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckOutcome;
import dev.rootlock.policy.docker.DockerChecks;
import dev.rootlock.source.compose.ComposeFile;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.NodeLocator;
import dev.rootlock.testing.SharedDataPresent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fixes every real manifest in {@code ../shared/corpus/k8s} and every Compose file in {@code
 * ../shared/corpus/compose} and asserts, file by file: the fix succeeds; every edit lies inside an
 * object the fixer plans changes for (unrelated documents, objects and comments between them are
 * untouched); the fixed text re-scans with none of the checks the plan set out to fix failing; and
 * fixing the fixed text changes nothing.
 */
@ExtendWith(SharedDataPresent.class)
class CorpusFixTest {

  private static final Path CORPUS =
      Path.of(System.getProperty("rootlock.repo"), "..", "shared", "corpus").normalize();
  private static final LevelVersion EVERYTHING =
      LevelVersion.of(Level.HARDENED, PolicyVersion.LATEST);

  private final FixOptions options = FixOptions.defaults();
  private final TextFixer fixer = new TextFixer();
  private final Engine engine = Engine.standard();

  private static List<Path> files(String dir, int atLeast) throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS.resolve(dir))) {
      List<Path> found =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json)"))
              .sorted()
              .toList();
      assertThat(found).as("corpus files in " + dir).hasSizeGreaterThanOrEqualTo(atLeast);
      return found;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyKubernetesManifest() throws IOException {
    return files("k8s", 1000).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(CORPUS.relativize(file).toString(), () -> manifest(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyComposeFile() throws IOException {
    return files("compose", 100).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(CORPUS.relativize(file).toString(), () -> compose(file)));
  }

  private void manifest(Path file) throws IOException {
    String name = file.getFileName().toString();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    TextFix fix = fixer.fix(name, text, options);
    assertThat(fix.error()).as("error").isNull();
    ReadResult before = new ManifestReader().read(name, text);
    List<int[]> spans = new ArrayList<>();
    List<Set<String>> targets = new ArrayList<>();
    PodHardener hardener = new PodHardener(options, c -> List.of());
    for (Workload workload : before.workloads()) {
      Plan plan = hardener.plan(workload);
      targets.add(plan.targetChecks());
      if (!plan.isEmpty()) {
        Node root = ((NodeLocator) workload.locator()).root();
        spans.add(new int[] {root.start().offset(), lineEnd(text, root.end().offset())});
      }
    }
    assertEditsInside(fix, spans);
    if (!fix.changed()) {
      return;
    }
    ReadResult after = new ManifestReader().read(name, fix.fixed());
    assertThat(after.errors()).as("errors after fixing").isEmpty();
    assertThat(after.workloads()).hasSameSizeAs(before.workloads());
    for (int i = 0; i < after.workloads().size(); i++) {
      Set<String> failing = new HashSet<>();
      for (Finding finding : engine.evaluate(after.workloads().get(i), EVERYTHING).findings()) {
        failing.add(finding.check());
      }
      failing.retainAll(targets.get(i));
      assertThat(failing).as(after.workloads().get(i).displayName() + " fixed checks").isEmpty();
    }
    assertSecondFixIsANoOp(name, fix);
  }

  private void compose(Path file) throws Exception {
    String name = file.getFileName().toString();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    TextFix fix = fixer.fix(name, text, options);
    assertThat(fix.error()).as("error").isNull();
    ComposeFile before = ComposeReader.read(name, text);
    MappingNode services =
        (MappingNode)
            ((MappingNode) ComposeReader.parseDocument(text).orElseThrow()).get("services");
    List<int[]> spans = new ArrayList<>();
    List<Set<String>> targets = new ArrayList<>();
    for (DockerObject service : before.services()) {
      MappingNode.Entry entry = services.entry(service.config().name());
      MappingNode written = (MappingNode) entry.value();
      Plan plan =
          ServiceHardener.plan(
              options, service.config(), written, ServiceHardener.commandOf(written));
      targets.add(plan.targetChecks());
      if (!plan.isEmpty()) {
        spans.add(
            new int[] {entry.keyNode().start().offset(), lineEnd(text, written.end().offset())});
      }
    }
    assertEditsInside(fix, spans);
    if (!fix.changed()) {
      return;
    }
    ComposeFile after = ComposeReader.read(name, fix.fixed());
    assertThat(after.errors()).as("errors after fixing").isEmpty();
    assertThat(after.services()).hasSameSizeAs(before.services());
    for (int i = 0; i < after.services().size(); i++) {
      Set<String> failing = new HashSet<>();
      for (CheckOutcome failure :
          DockerChecks.registry()
              .evaluate(EVERYTHING, after.services().get(i).config())
              .failures()) {
        failing.add(failure.id());
      }
      failing.retainAll(targets.get(i));
      assertThat(failing).as(after.services().get(i).config().name() + " fixed checks").isEmpty();
    }
    assertSecondFixIsANoOp(name, fix);
  }

  /** Every edit starts and ends within one planned object (or at the end of its last line). */
  private static void assertEditsInside(TextFix fix, List<int[]> spans) {
    for (TextEdit edit : fix.edits()) {
      boolean inside = spans.stream().anyMatch(s -> edit.start() >= s[0] && edit.end() <= s[1]);
      assertThat(inside).as("edit at offset %d inside a planned object", edit.start()).isTrue();
    }
  }

  private void assertSecondFixIsANoOp(String name, TextFix fix) {
    TextFix again = fixer.fix(name, fix.fixed(), options);
    assertThat(again.error()).as("second fix").isNull();
    assertThat(again.changed()).as("second fix changes something").isFalse();
  }

  /**
   * The end of the line {@code offset} is on, past comment lines and blank lines that follow it
   * (new lines go after comments indented under the object).
   */
  private static int lineEnd(String text, int offset) {
    int at = text.indexOf('\n', offset);
    int end = at < 0 ? text.length() : at;
    while (end < text.length()) {
      int next = text.indexOf('\n', end + 1);
      String line = text.substring(end + 1, next < 0 ? text.length() : next).strip();
      if (!(line.isEmpty() || line.startsWith("#"))) {
        break;
      }
      end = next < 0 ? text.length() : next;
    }
    return end;
  }
}
