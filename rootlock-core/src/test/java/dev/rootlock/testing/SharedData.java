package dev.rootlock.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared test data ({@code ../shared} beside the repository: PSA fixtures, the
 * real-world corpus), found through the {@code rootlock.repo} property that surefire sets. Test
 * classes that read it carry {@code @ExtendWith(SharedDataPresent.class)}, so a clone without it
 * skips them loudly, and CI, which always has it, fails instead.
 */
public final class SharedData {

  private SharedData() {}

  /** {@code ../shared}; fails loudly when it is missing. */
  public static Path root() {
    String why = missing();
    if (why != null) {
      throw new IllegalStateException(why);
    }
    return location();
  }

  /** Why the shared data cannot be read, or null when it can. */
  static String missing() {
    Path shared = location();
    if (!Files.isDirectory(shared.resolve("psa-fixtures"))
        || !Files.isDirectory(shared.resolve("corpus"))) {
      return "shared test data (psa-fixtures/ and corpus/) not found at " + shared;
    }
    return null;
  }

  private static Path location() {
    String repo = System.getProperty("rootlock.repo", ".");
    return Path.of(repo).toAbsolutePath().resolve("..").resolve("shared").normalize();
  }

  public static Path psaFixtures() {
    return root().resolve("psa-fixtures");
  }

  public static Path k8sCorpus() {
    return root().resolve("corpus").resolve("k8s");
  }

  public static Path composeCorpus() {
    return root().resolve("corpus").resolve("compose");
  }
}
