package dev.rootlock.model.fix;

import dev.rootlock.model.Level;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.image.DiscoveredPaths;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user asks {@code rootlock fix} for: the front end's side of the fixer's options, a value
 * it can build from flags and hand to the engine, which adds what only the core knows (the
 * knowledge base of well-known images, the exemptions). Checked as it is built, so a bad flag is
 * refused before anything is read or run.
 *
 * @param profile {@link Level#RESTRICTED} or {@link Level#HARDENED}: which checks to fix
 * @param only check IDs to fix; empty means every fixable check of the profile
 * @param tmpSize the {@code sizeLimit} of the {@code /tmp} memory volume (a Kubernetes quantity)
 * @param user the Compose {@code user} to set, or null to leave users alone
 * @param kinds the kinds that carry a pod template: the built-in table plus the user's mappings
 * @param discovered writable paths found by {@code rootlock docker discover} ({@code --paths-from})
 * @param needs capabilities and root that trials proved images need ({@code fix --discover})
 */
public record FixRequest(
    Level profile,
    Set<String> only,
    String tmpSize,
    String user,
    WorkloadKinds kinds,
    List<DiscoveredPaths> discovered,
    List<ProvenNeeds> needs) {

  /** {@code --tmp-size}'s default. */
  public static final String DEFAULT_TMP_SIZE = "64Mi";

  private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,8}(Ki|Mi|Gi)");

  public FixRequest {
    requireValid(profile, tmpSize);
    only = Set.copyOf(only);
    kinds = kinds == null ? WorkloadKinds.builtIn() : kinds;
    discovered = List.copyOf(discovered);
    needs = List.copyOf(needs);
  }

  /** Hardened, every fixable check, a 64Mi {@code /tmp}, users left alone, nothing learnt. */
  public static FixRequest defaults() {
    return new FixRequest(
        Level.HARDENED, Set.of(), DEFAULT_TMP_SIZE, null, null, List.of(), List.of());
  }

  /**
   * Refuses a profile fix cannot aim at and a {@code /tmp} size Kubernetes would not take, in the
   * words of the flags that set them; the fixer's own options are checked the same way.
   */
  public static void requireValid(Level profile, String tmpSize) {
    if (profile != Level.RESTRICTED && profile != Level.HARDENED) {
      throw new IllegalArgumentException(
          "invalid profile \"" + profile + "\": must be restricted or hardened");
    }
    if (tmpSize == null || !SIZE.matcher(tmpSize).matches()) {
      throw new IllegalArgumentException(
          "invalid --tmp-size \"" + tmpSize + "\": give a size in Ki, Mi or Gi, such as 64Mi");
    }
  }

  public FixRequest withProfile(Level newProfile) {
    return new FixRequest(newProfile, only, tmpSize, user, kinds, discovered, needs);
  }

  public FixRequest withOnly(Set<String> checks) {
    return new FixRequest(profile, checks, tmpSize, user, kinds, discovered, needs);
  }

  public FixRequest withTmpSize(String size) {
    return new FixRequest(profile, only, size, user, kinds, discovered, needs);
  }

  public FixRequest withUser(String newUser) {
    return new FixRequest(profile, only, tmpSize, newUser, kinds, discovered, needs);
  }

  public FixRequest withKinds(WorkloadKinds newKinds) {
    return new FixRequest(profile, only, tmpSize, user, newKinds, discovered, needs);
  }

  public FixRequest withDiscovered(List<DiscoveredPaths> paths) {
    return new FixRequest(profile, only, tmpSize, user, kinds, paths, needs);
  }

  public FixRequest withNeeds(List<ProvenNeeds> proven) {
    return new FixRequest(profile, only, tmpSize, user, kinds, discovered, proven);
  }
}
