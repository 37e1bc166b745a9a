package dev.rootlock.engine;

import dev.rootlock.policy.exempt.Exemption;
import dev.rootlock.policy.exempt.Exemptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which exemptions a scan honours: those of the config file that governs each input file (found by
 * the caller, which walks up from the file), plus those written in the objects themselves, judged
 * on {@code today}. {@link #OFF} ({@code --no-exemptions}) honours none, in-object ones included.
 *
 * @param configFor the config file's exemptions for an input file; called with null for standard
 *     input and live objects
 */
public record ExemptionRules(
    boolean enabled, LocalDate today, Function<Path, List<Exemption>> configFor) {

  /** No exemption counts: every finding is shown and fails. */
  public static final ExemptionRules OFF =
      new ExemptionRules(false, LocalDate.MIN, path -> List.of());

  public ExemptionRules {
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(configFor, "configFor");
  }

  /** The same exemptions for every input, and the in-object ones. */
  public static ExemptionRules of(List<Exemption> exemptions, LocalDate today) {
    List<Exemption> copy = List.copyOf(exemptions);
    return new ExemptionRules(true, today, path -> copy);
  }

  /** The same rules judged on {@code day}: a long-running server re-judges expiry each day. */
  public ExemptionRules on(LocalDate day) {
    return day.equals(today) ? this : new ExemptionRules(enabled, day, configFor);
  }

  /** The config's exemptions for objects read from {@code file} (null: standard input, live). */
  Exemptions forFile(Path file) {
    return enabled ? new Exemptions(configFor.apply(file), today) : Exemptions.NONE;
  }
}
