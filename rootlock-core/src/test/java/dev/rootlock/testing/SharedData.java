package dev.rootlock.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared test data ({@code ../shared} beside the repository: PSA fixtures, the
 * real-world corpus), found through the {@code rootlock.repo} property that surefire sets.
 */
public final class SharedData {

  private SharedData() {}

  /** {@code ../shared}; fails loudly when it is missing, because CI always has it. */
  public static Path root() {
    String repo = System.getProperty("rootlock.repo", ".");
    Path shared = Path.of(repo).toAbsolutePath().resolve("..").resolve("shared").normalize();
    if (!Files.isDirectory(shared)) {
      throw new IllegalStateException("shared test data not found at " + shared);
    }
    return shared;
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
