package dev.rootlock.cli;

import dev.rootlock.engine.Configuration;
import dev.rootlock.engine.ExemptionRules;
import dev.rootlock.engine.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --config} and {@code --no-exemptions}, shared by every verb that judges: which {@code
 * .rootlock.yaml} applies (the nearest one above each scanned path, or above the working directory
 * for live audits, unless {@code --config} names one) and whether exemptions count.
 */
final class ConfigOptions {

  Path config;

  boolean noExemptions;

  /** Adds {@code --config} and {@code --no-exemptions} to {@code command}. */
  static ConfigOptions mixInto(CommandSpec command) {
    ConfigOptions options = new ConfigOptions();
    command.addMixin(
        "config",
        Commands.mixin(options)
            .addOption(
                Flags.file(file -> options.config = file, "--config")
                    .description(
                        "The config file (level, version, exemptions, baseline). Default: the"
                            + " nearest .rootlock.yaml above each scanned path, or above the"
                            + " working directory.")
                    .build())
            .addOption(
                Flags.flag(given -> options.noExemptions = given, "--no-exemptions")
                    .description(
                        "Honour no exemption (config file, rootlock.dev/exempt annotations):"
                            + " every finding shows and counts.")
                    .build()));
    return options;
  }

  private final Map<Path, Configuration> byFile = new HashMap<>();

  /**
   * Each directory's nearest config, looked up once: the walk to the root costs a stat per level,
   * for every file of the run.
   */
  private final Map<Path, Optional<Path>> foundFrom = new HashMap<>();

  /** The config that governs {@code path} (a file or directory; null: the working directory). */
  Configuration configFor(Path path, Set<String> knownChecks) {
    Optional<Path> file = config != null ? Optional.of(config) : find(path);
    if (file.isEmpty()) {
      return Configuration.NONE;
    }
    Path key = file.get().toAbsolutePath().normalize();
    Configuration cached = byFile.get(key);
    if (cached != null) {
      return cached;
    }
    if (config != null && !Files.isRegularFile(config)) {
      throw new UserException("--config: " + config + ": no such file");
    }
    try {
      Configuration read = Configuration.read(displayPath(file.get()), knownChecks);
      byFile.put(key, read);
      return read;
    } catch (InvalidInputException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * The exemption rules for a scan: each file's own config's exemptions (every config is read, and
   * checked, before the scan starts, by {@link #configFor}), judged today in UTC.
   */
  ExemptionRules rules(Set<String> knownChecks) {
    if (noExemptions) {
      return ExemptionRules.OFF;
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return Configuration.exemptionRules(today, file -> configFor(file, knownChecks));
  }

  /** The nearest config above {@code path} (null: the working directory), by its directory. */
  private Optional<Path> find(Path path) {
    Path absolute = (path == null ? Path.of("") : path).toAbsolutePath().normalize();
    Path directory = Files.isDirectory(absolute) ? absolute : absolute.getParent();
    if (directory == null) {
      return Configuration.find(absolute);
    }
    return foundFrom.computeIfAbsent(directory, Configuration::find);
  }

  /** A found config file as the user would write it: relative to the working directory. */
  private static Path displayPath(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute) : file;
  }
}
