package dev.rootlock.model.fix;

import java.util.List;

/**
 * What running one {@link ProofRun} showed.
 *
 * @param detail for PROVEN, how it ran ({@code stayed up}); for FAILED, what was refused or how it
 *     exited; for NOT_PROVABLE, why it was not run
 * @param refused each refused write or operation, as the engine side words it ({@code write to
 *     /var/cache/nginx}, {@code chown (CAP_CHOWN)})
 * @param ran the exact engine command line that ran, or empty when nothing ran
 */
public record Proof(ProofRun run, Status status, String detail, List<String> refused, String ran) {

  public Proof {
    refused = List.copyOf(refused);
    ran = ran == null ? "" : ran;
  }

  /** The three answers a container can get. */
  public enum Status {
    PROVEN,
    FAILED,
    NOT_PROVABLE;

    /** How reports print it: {@code proven}, {@code failed}, {@code not provable}. */
    public String words() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  public static Proof notProvable(ProofRun run, String reason) {
    return new Proof(run, Status.NOT_PROVABLE, reason, List.of(), "");
  }
}
