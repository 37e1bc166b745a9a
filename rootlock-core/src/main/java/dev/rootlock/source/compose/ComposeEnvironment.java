package dev.rootlock.source.compose;

import dev.rootlock.model.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables Compose interpolates a project with: the shell's environment over the project's
 * {@code .env} file (or the {@code --env-file} given instead), each with where it was set, so that
 * a finding can say which value made a field fail.
 */
public final class ComposeEnvironment {

  /**
   * A variable's value and where it was set: {@code the environment} or {@code .env:3}.
   *
   * @param file the env file that set it, as named in messages; null for the shell's environment
   * @param position where its line starts in that file; null for the shell's environment
   */
  public record Binding(String value, String origin, String file, Position position) {

    /** A variable set in the shell's environment (or anywhere without a line to point at). */
    public Binding(String value, String origin) {
      this(value, origin, null, null);
    }
  }

  private static final ComposeEnvironment EMPTY = new ComposeEnvironment(Map.of());

  private final Map<String, Binding> bindings;

  private ComposeEnvironment(Map<String, Binding> bindings) {
    this.bindings = Map.copyOf(bindings);
  }

  /** No variables at all: every reference is unset. */
  public static ComposeEnvironment empty() {
    return EMPTY;
  }

  /** {@code variables}, as if set in the shell's environment. */
  public static ComposeEnvironment of(Map<String, String> variables) {
    Map<String, Binding> bindings = new HashMap<>();
    variables.forEach((name, value) -> bindings.put(name, new Binding(value, "the environment")));
    return new ComposeEnvironment(bindings);
  }

  /**
   * {@code shell} over the variables of {@code envFile} (named {@code displayName} in messages), as
   * Compose layers them; a missing file adds nothing.
   */
  public static ComposeEnvironment load(Map<String, String> shell, Path envFile, String displayName)
      throws IOException {
    Map<String, Binding> bindings = new HashMap<>();
    if (envFile != null && Files.isRegularFile(envFile)) {
      bindings.putAll(DotEnv.parse(Files.readString(envFile, StandardCharsets.UTF_8), displayName));
    }
    shell.forEach((name, value) -> bindings.put(name, new Binding(value, "the environment")));
    return new ComposeEnvironment(bindings);
  }

  /**
   * These variables with {@code name} set to {@code value}: how the value a project has when a
   * variable unset here is set at run time is found.
   */
  public ComposeEnvironment with(String name, String value) {
    Map<String, Binding> more = new HashMap<>(bindings);
    more.put(name, new Binding(value, "a value tried for it"));
    return new ComposeEnvironment(more);
  }

  /** The binding of {@code name}, or null when it is not set. */
  public Binding get(String name) {
    return bindings.get(name);
  }

  /**
   * These variables over those of {@code envFile}: what an included project is interpolated with.
   * Compose (compose-go's include) gives the including project's variables precedence and lets the
   * included env file only fill in the ones it lacks. A missing file adds nothing.
   */
  ComposeEnvironment withFileBelow(Path envFile, String displayName) throws IOException {
    if (envFile == null || !Files.isRegularFile(envFile)) {
      return this;
    }
    Map<String, Binding> merged =
        new HashMap<>(DotEnv.parse(Files.readString(envFile, StandardCharsets.UTF_8), displayName));
    merged.putAll(bindings);
    return new ComposeEnvironment(merged);
  }

  /** Names of every variable, for messages and tests. */
  List<String> names() {
    return bindings.keySet().stream().sorted().toList();
  }
}
