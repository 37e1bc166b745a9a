package dev.rootlock.engine;

import dev.rootlock.config.ConfigException;
import dev.rootlock.config.ConfigFiles;
import dev.rootlock.config.ConfigReader;
import dev.rootlock.config.RootlockConfig;
import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@code .rootlock.yaml} as a front end uses it: the defaults it sets and the exemption rules it
 * makes. Finding the file, reading its YAML strictly and the exemption grammar stay behind the
 * engine, so a verb never sees them.
 */
public final class Configuration {

  /** No config file: no defaults, no exemptions. */
  public static final Configuration NONE = new Configuration(RootlockConfig.EMPTY);

  private final RootlockConfig config;

  private Configuration(RootlockConfig config) {
    this.config = config;
  }

  /**
   * The nearest {@code .rootlock.yaml} in {@code start}'s directory (or {@code start} itself when
   * it is a directory) or one of its parents, as git finds its repository.
   */
  public static Optional<Path> find(Path start) {
    return ConfigFiles.find(start);
  }

  /**
   * Reads {@code file} strictly: an unknown key, a wrong type or an exemption naming a check
   * outside {@code knownChecks} is an error, never ignored.
   *
   * @throws InvalidInputException naming the file, line, column and field
   */
  public static Configuration read(Path file, Set<String> knownChecks)
      throws InvalidInputException {
    try {
      return new Configuration(ConfigReader.read(file, knownChecks));
    } catch (ConfigException e) {
      throw new InvalidInputException(e);
    }
  }

  /** Where it was read from, or null for {@link #NONE}. */
  public Path file() {
    return config.file();
  }

  /** The default level, or null when the file names none. */
  public Level level() {
    return config.level();
  }

  /** The default policy version, or null when the file names none. */
  public PolicyVersion version() {
    return config.version();
  }

  /** The baseline file, resolved against the config file's directory, or null. */
  public Path baseline() {
    return config.baseline();
  }

  /**
   * This file's exemptions for every object, judged on {@code today}; a long-running server
   * re-judges expiry each day with {@link ExemptionRules#on}.
   */
  public ExemptionRules exemptionRules(LocalDate today) {
    return ExemptionRules.of(config.exemptions(), today);
  }

  /**
   * The exemptions of the configuration that {@code governing} finds for each input file (called
   * with null for standard input and live objects), judged on {@code today}.
   */
  public static ExemptionRules exemptionRules(
      LocalDate today, Function<Path, Configuration> governing) {
    return new ExemptionRules(true, today, file -> governing.apply(file).config.exemptions());
  }
}
