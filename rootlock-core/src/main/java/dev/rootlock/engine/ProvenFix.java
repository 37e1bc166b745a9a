package dev.rootlock.engine;

import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.FixRequest;
import dev.rootlock.model.fix.Proof;
import java.util.List;

/**
 * What {@code fix --prove} learnt before anything is written.
 *
 * @param request what to fix with: what was asked for, plus what {@code --discover} proved the
 *     trials need (capabilities, writable paths)
 * @param proofs one per fixed object, as it was run with {@code request}
 * @param discovered what {@code --discover} learnt, in the order it learnt it; empty without it
 */
public record ProvenFix(FixRequest request, List<Proof> proofs, List<Discovered> discovered) {

  public ProvenFix {
    proofs = List.copyOf(proofs);
    discovered = List.copyOf(discovered);
  }
}
