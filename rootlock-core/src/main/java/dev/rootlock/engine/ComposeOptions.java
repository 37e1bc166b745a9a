package dev.rootlock.engine;

import java.util.List;

/**
 * How Compose projects are read, as {@code docker compose} is told: {@code -f} files and {@code
 * --env-file}.
 *
 * @param files Compose files that make one project, merged in order ({@code docker compose -f a -f
 *     b}); empty when the project is found by scanning files and directories
 * @param envFile the file that holds the project's variables instead of the {@code .env} beside the
 *     (first) Compose file; null for {@code .env}
 */
public record ComposeOptions(List<String> files, String envFile) {

  /** Each Compose file is its own project, with the {@code .env} beside it. */
  public static final ComposeOptions DEFAULT = new ComposeOptions(List.of(), null);

  public ComposeOptions {
    files = List.copyOf(files);
  }
}
