package dev.rootlock.policy.exempt;

/** What the exemptions say about one finding. */
public sealed interface ExemptionVerdict {

  /** No exemption covers the finding. */
  record None() implements ExemptionVerdict {}

  /**
   * The finding is exempt: by one exemption, or (a finding about several containers) by one per
   * container, distinct, in container order.
   */
  record Exempt(java.util.List<Exemption> exemptions) implements ExemptionVerdict {

    public Exempt {
      exemptions = java.util.List.copyOf(exemptions);
    }

    /** The first exemption. */
    public Exemption exemption() {
      return exemptions.get(0);
    }
  }

  /**
   * An exemption would cover the finding but has expired: the finding counts again, with a note.
   */
  record Expired(Exemption exemption) implements ExemptionVerdict {}

  /**
   * Some of the finding's containers are exempt and some are not, so the finding still counts.
   *
   * @param exempt the exempt containers' names
   */
  record Partial(java.util.List<String> exempt, Exemption exemption) implements ExemptionVerdict {}

  ExemptionVerdict NONE = new None();
}
