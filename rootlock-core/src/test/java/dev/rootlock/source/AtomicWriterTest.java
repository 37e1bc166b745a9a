package dev.rootlock.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link AtomicWriter}'s directory syncs and its removal of dead runs' leftovers. */
class AtomicWriterTest {

  @TempDir Path dir;

  @Test
  void aDeferringWriterSyncsEachDirectoryOnceInTheOrderOfItsFirstRename() throws Exception {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    AtomicWriter writer = AtomicWriter.deferringDirectorySyncs(AtomicWriter.BeforeReplace.NONE);

    replace(writer, a.resolve("one.yaml"), "old 1", "new 1");
    replace(writer, b.resolve("two.yaml"), "old 2", "new 2");
    replace(writer, a.resolve("three.yaml"), "old 3", "new 3");

    assertThat(writer.syncDirectories()).containsExactly(a, b);
    assertThat(writer.syncDirectories()).isEmpty();
    assertThat(Files.readString(a.resolve("one.yaml"))).isEqualTo("new 1");
    assertThat(Files.readString(b.resolve("two.yaml"))).isEqualTo("new 2");
    assertThat(Files.readString(a.resolve("three.yaml"))).isEqualTo("new 3");
    assertThat(names(a)).containsExactly("one.yaml", "three.yaml");
  }

  @Test
  void aPlainWriterSyncsAtEachRenameSoNothingIsLeftToSync() throws Exception {
    AtomicWriter writer = new AtomicWriter(AtomicWriter.BeforeReplace.NONE);

    replace(writer, dir.resolve("one.yaml"), "old", "new");

    assertThat(writer.syncDirectories()).isEmpty();
    assertThat(Files.readString(dir.resolve("one.yaml"))).isEqualTo("new");
  }

  @Test
  void eachTargetLosesOnlyTheLeftoversNamedForIt() throws IOException {
    long dead = deadPid();
    Files.writeString(dir.resolve("a.yaml"), "a");
    Files.writeString(dir.resolve("b.yaml"), "b");
    Files.writeString(dir.resolve(".a.yaml." + dead + ".1.rootlock"), "half a");
    Files.writeString(dir.resolve(".b.yaml." + dead + ".2.rootlock"), "half b");
    AtomicWriter writer = new AtomicWriter(AtomicWriter.BeforeReplace.NONE);

    writer.removeStale(dir.resolve("a.yaml"));

    assertThat(names(dir)).containsExactly(".b.yaml." + dead + ".2.rootlock", "a.yaml", "b.yaml");

    writer.removeStale(dir.resolve("b.yaml"));

    assertThat(names(dir)).containsExactly("a.yaml", "b.yaml");
  }

  private static void replace(AtomicWriter writer, Path file, String before, String after)
      throws IOException, AtomicWriter.WriteException {
    Files.writeString(file, before);
    writer.replace(file, AtomicWriter.snapshot(file), after.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
    }
  }

  private static long deadPid() throws IOException {
    try {
      Process process = new ProcessBuilder("true").start();
      process.waitFor();
      return process.pid();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }
}
