package dev.rootlock.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of {@code fix}'s AOT cache, made once by {@code scripts/package} (and by the dev
 * launcher): {@code fix} proposing a diff of the bundled examples, then {@code fix --write} on a
 * temporary copy of them, in one JVM, so that the classes of both ways are in the cache. {@code
 * fix} of one pod loads 139 named classes a {@code scan} of it never does (planning, editing, the
 * proof), and writing loads more; with a cache trained on {@code scan} alone they were loaded and
 * linked on every start, and a cache trained on both verbs made every {@code scan} start about a
 * tenth slower (docs/PERFORMANCE.md). So each has its own, and the launcher picks {@code fix}'s
 * when the first argument is {@code fix}. This class lives in rootlock's jar because the JVM uses a
 * cache only with the class path it was trained on.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=fix.aot -cp rootlock.jar dev.rootlock.cli.CacheTraining
 * EXAMPLES-DIR}. The runs' output is discarded and their exit codes are not checked (the examples
 * violate on purpose); {@code --write} rewrites the copy, never the examples themselves.
 */
public final class CacheTraining {

  private CacheTraining() {}

  public static void main(String[] args) throws IOException {
    Path copy = Files.createTempDirectory("rootlock-training-");
    try {
      train(Path.of(args[0]), copy);
    } finally {
      deleteTree(copy);
    }
  }

  /**
   * Runs {@code fix} over {@code examples}, then {@code fix --write} over a copy in {@code copy}.
   */
  static void train(Path examples, Path copy) throws IOException {
    copyTree(examples, copy);
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    Main.run(discard, discard, "fix", examples.toString());
    Main.run(discard, discard, "fix", "--write", copy.toString());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
