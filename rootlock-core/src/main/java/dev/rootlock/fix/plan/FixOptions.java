package dev.rootlock.fix.plan;

import dev.rootlock.model.Level;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.fix.FixRequest;
import dev.rootlock.model.fix.ProvenNeeds;
import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.source.image.ImageKnowledge;
import java.util.List;
import java.util.Set;

/**
 * What {@code rootlock fix} should change.
 *
 * @param profile {@link Level#RESTRICTED} or {@link Level#HARDENED}: which checks to fix
 * @param only check IDs to fix; empty means every fixable check of the profile. A value the user
 *     wrote explicitly (say {@code allowPrivilegeEscalation: true}) is only ever changed for a
 *     check named here: rootlock assumes it was set on purpose otherwise, and reports it
 * @param tmpSize the {@code sizeLimit} of the {@code /tmp} memory volume (a Kubernetes quantity)
 * @param discovered writable paths found by {@code rootlock docker discover}, preferred over the
 *     knowledge base for the images they name
 * @param knowledge the knowledge base of well-known images
 * @param user the Compose {@code user} to set, or null to leave users alone
 * @param kinds the kinds that carry a pod template: the built-in table plus the user's mappings
 * @param needs capabilities and root that trials proved images need ({@code fix --discover})
 * @param exemptions the exemptions to honour (the config's, and the objects' own annotations):
 *     their checks' fields are left as written
 */
public record FixOptions(
    Level profile,
    Set<String> only,
    String tmpSize,
    List<DiscoveredPaths> discovered,
    ImageKnowledge knowledge,
    String user,
    WorkloadKinds kinds,
    List<ProvenNeeds> needs,
    FixExemptions exemptions) {

  public static final String DEFAULT_TMP_SIZE = FixRequest.DEFAULT_TMP_SIZE;

  public FixOptions {
    FixRequest.requireValid(profile, tmpSize);
    only = Set.copyOf(only);
    kinds = kinds == null ? WorkloadKinds.builtIn() : kinds;
    discovered = List.copyOf(discovered);
    needs = List.copyOf(needs);
    exemptions = exemptions == null ? FixExemptions.OFF : exemptions;
  }

  /**
   * The options {@code request} asks for, with the built-in knowledge base of well-known images
   * (exemptions are the fixer's to add: they depend on each file's config).
   */
  public static FixOptions of(FixRequest request) {
    return new FixOptions(
        request.profile(),
        request.only(),
        request.tmpSize(),
        request.discovered(),
        ImageKnowledge.builtIn(),
        request.user(),
        request.kinds(),
        request.needs());
  }

  /** Options that honour no exemption. */
  public FixOptions(
      Level profile,
      Set<String> only,
      String tmpSize,
      List<DiscoveredPaths> discovered,
      ImageKnowledge knowledge,
      String user,
      WorkloadKinds kinds,
      List<ProvenNeeds> needs) {
    this(profile, only, tmpSize, discovered, knowledge, user, kinds, needs, FixExemptions.OFF);
  }

  /** Options over the built-in workload kinds. */
  public FixOptions(
      Level profile,
      Set<String> only,
      String tmpSize,
      List<DiscoveredPaths> discovered,
      ImageKnowledge knowledge,
      String user) {
    this(profile, only, tmpSize, discovered, knowledge, user, WorkloadKinds.builtIn(), List.of());
  }

  /** Hardened, every check, {@code /tmp} of 64Mi, the built-in knowledge base. */
  public static FixOptions defaults() {
    return new FixOptions(
        Level.HARDENED, Set.of(), DEFAULT_TMP_SIZE, List.of(), ImageKnowledge.builtIn(), null);
  }

  public FixOptions withProfile(Level newProfile) {
    return new FixOptions(
        newProfile, only, tmpSize, discovered, knowledge, user, kinds, needs, exemptions);
  }

  public FixOptions withOnly(Set<String> checks) {
    return new FixOptions(
        profile, checks, tmpSize, discovered, knowledge, user, kinds, needs, exemptions);
  }

  public FixOptions withTmpSize(String size) {
    return new FixOptions(
        profile, only, size, discovered, knowledge, user, kinds, needs, exemptions);
  }

  public FixOptions withDiscovered(List<DiscoveredPaths> paths) {
    return new FixOptions(profile, only, tmpSize, paths, knowledge, user, kinds, needs, exemptions);
  }

  public FixOptions withNeeds(List<ProvenNeeds> proven) {
    return new FixOptions(
        profile, only, tmpSize, discovered, knowledge, user, kinds, proven, exemptions);
  }

  public FixOptions withExemptions(FixExemptions newExemptions) {
    return new FixOptions(
        profile, only, tmpSize, discovered, knowledge, user, kinds, needs, newExemptions);
  }

  /** What a trial proved {@code image} needs, if anything. */
  public java.util.Optional<ProvenNeeds> needsOf(String image) {
    return needs.stream().filter(n -> n.appliesTo(image)).findFirst();
  }

  public FixOptions withUser(String newUser) {
    return new FixOptions(
        profile, only, tmpSize, discovered, knowledge, newUser, kinds, needs, exemptions);
  }

  public FixOptions withKinds(WorkloadKinds newKinds) {
    return new FixOptions(
        profile, only, tmpSize, discovered, knowledge, user, newKinds, needs, exemptions);
  }

  /** Whether {@code check}, introduced at {@code level}, is to be fixed. */
  public boolean fixes(String check, Level level) {
    return only.isEmpty() ? profile.atLeast(level) : only.contains(check);
  }

  /** Whether a value the user set explicitly may be changed for {@code check}. */
  public boolean overrides(String check) {
    return only.contains(check);
  }
}
