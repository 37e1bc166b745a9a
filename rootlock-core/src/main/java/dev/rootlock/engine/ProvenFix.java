package dev.rootlock.engine;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.Proof;
import java.util.List;

/**
 * What {@code fix --prove} learnt before anything is written.
 *
 * @param options the options to fix with: those asked for, plus what {@code --discover} proved the
 *     trials need (capabilities, writable paths)
 * @param proofs one per fixed object, as it was run with {@code options}
 * @param discovered what {@code --discover} learnt, in the order it learnt it; empty without it
 */
public record ProvenFix(FixOptions options, List<Proof> proofs, List<Discovered> discovered) {

  public ProvenFix {
    proofs = List.copyOf(proofs);
    discovered = List.copyOf(discovered);
  }
}
