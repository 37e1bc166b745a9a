package dev.rootlock.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the {@code .rootlock.yaml} that governs a path, as git finds its repository. */
public final class ConfigFiles {

  private ConfigFiles() {}

  /**
   * The nearest {@code .rootlock.yaml} in {@code start}'s directory (or {@code start} itself when
   * it is a directory) or one of its parents.
   */
  public static Optional<Path> find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RootlockConfig.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
