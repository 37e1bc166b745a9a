package dev.rootlock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under the module's {@code src/test/resources}, compared exactly. Run the tests with
 * {@code -Dgolden.update=true} to rewrite them from the current output, then review the diff.
 */
public final class Golden {

  /** Surefire runs tests in the module directory. */
  private static final Path RESOURCES = Path.of("src", "test", "resources");

  private Golden() {}

  /** Asserts that {@code actual} equals the golden file {@code resource}, or rewrites it. */
  public static void assertMatches(String resource, String actual) {
    Path file = RESOURCES.resolve(resource);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -Dgolden.update=true to create it", file)
          .exists();
      assertThat(actual)
          .as("output differs from %s (run with -Dgolden.update=true to accept)", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
