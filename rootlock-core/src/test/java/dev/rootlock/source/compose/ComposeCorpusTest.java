package dev.rootlock.source.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.testing.SharedDataPresent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every real Compose file in {@code ../shared/corpus/compose}: each is accepted by Compose,
 * so each must read without an error and give at least one service. The corpus holds no {@code
 * .env} files, so the only problems allowed are values Compose would refuse too with their
 * variables unset (a volume {@code ${CONFIG}:/etc/app.yml} reads {@code :/etc/app.yml}), and each
 * must say which variable.
 */
@ExtendWith(SharedDataPresent.class)
class ComposeCorpusTest {

  static Path corpus() {
    return Path.of(System.getProperty("rootlock.repo"), "..", "shared", "corpus", "compose")
        .normalize();
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(corpus())) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().matches(".*\\.ya?ml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void theCorpusIsThere() throws IOException {
    assertThat(files()).hasSizeGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readsWithoutError(Path file) throws IOException {
    ComposeFile read =
        ComposeReader.read(corpus().relativize(file).toString(), Files.readString(file));
    assertThat(read.errors()).isEmpty();
    assertThat(read.services()).isNotEmpty();
    read.services()
        .forEach(
            service ->
                assertThat(service.problems())
                    .allSatisfy(
                        problem -> assertThat(problem.message()).containsPattern(" is not set")));
  }
}
