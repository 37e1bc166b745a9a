package dev.rootlock.fix.plan;

import dev.rootlock.policy.exempt.Exemptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The exemptions {@code rootlock fix} honours, as scan does: the config's for each file, and, when
 * {@code inObject}, those written in the objects themselves ({@code rootlock.dev/exempt}
 * annotations).
 *
 * @param configFor the config file's exemptions for a fixed file (null: standard input)
 */
public record FixExemptions(boolean inObject, Function<Path, Exemptions> configFor) {

  /** No exemption counts ({@code --no-exemptions}): every fixable field is fixed. */
  public static final FixExemptions OFF = new FixExemptions(false, path -> Exemptions.NONE);

  public FixExemptions {
    Objects.requireNonNull(configFor, "configFor");
  }

  /** The config's exemptions for {@code displayName} ({@code -}: standard input). */
  public Exemptions forFile(String displayName) {
    return configFor.apply(displayName.equals("-") ? null : Path.of(displayName));
  }
}
