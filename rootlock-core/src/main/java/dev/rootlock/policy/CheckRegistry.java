package dev.rootlock.policy;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The versioned set of checks for one kind of subject, validated when built (PSA's registry.go):
 * duplicate IDs, checks at the {@code privileged} level, empty or non-increasing version lists,
 * {@code latest} as a minimum version, and overrides of anything but an existing baseline check are
 * all rejected. For every level and every version up to the newest one any check knows, the ordered
 * list of functions is computed once, so evaluating a subject is one lookup and a loop.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CheckRegistry<T> {

  private record Entry<T>(String id, Level level, CheckFunction<T> function) {}

  private final List<CheckDefinition<T>> definitions;
  private final Decision.PolicyName policyName;
  private final PolicyVersion maxVersion;

  /** level → minor version (index) → ordered checks. */
  private final Map<Level, List<List<Entry<T>>>> plans = new EnumMap<>(Level.class);

  private CheckRegistry(List<CheckDefinition<T>> definitions, Decision.PolicyName policyName) {
    this.definitions = List.copyOf(definitions);
    this.policyName = policyName;
    this.maxVersion = newestMinimumVersion(definitions);
    for (Level level : List.of(Level.BASELINE, Level.RESTRICTED, Level.HARDENED)) {
      List<List<Entry<T>>> byVersion = new ArrayList<>();
      for (int minor = 0; minor <= maxVersion.minor(); minor++) {
        byVersion.add(plan(level, PolicyVersion.v1(minor)));
      }
      plans.put(level, List.copyOf(byVersion));
    }
  }

  /**
   * Validates {@code checks} and builds a registry whose decisions are named as PSA names them;
   * throws {@link InvalidRegistryException}.
   */
  public static <T> CheckRegistry<T> of(List<? extends Check<T>> checks) {
    return of(checks, Decision.PolicyName.POD_SECURITY);
  }

  /** Validates {@code checks} and builds a registry whose decisions carry {@code policyName}. */
  public static <T> CheckRegistry<T> of(
      List<? extends Check<T>> checks, Decision.PolicyName policyName) {
    List<CheckDefinition<T>> definitions = new ArrayList<>();
    for (Check<T> check : checks) {
      definitions.add(check.definition());
    }
    List<String> problems = validate(definitions);
    if (!problems.isEmpty()) {
      throw new InvalidRegistryException("invalid checks: " + String.join("; ", problems));
    }
    definitions.sort(CheckRegistry::byLevelThenId);
    return new CheckRegistry<>(definitions, policyName);
  }

  /**
   * Written out rather than as {@code Comparator.comparing(...).thenComparing(...)}: those build
   * serializable lambdas that the AOT cache cannot hold, so every start would generate them.
   */
  private static int byLevelThenId(CheckDefinition<?> a, CheckDefinition<?> b) {
    int byLevel = a.level().compareTo(b.level());
    return byLevel != 0 ? byLevel : a.id().compareTo(b.id());
  }

  /** Every problem with {@code definitions}; empty when they form a valid registry. */
  public static <T> List<String> validate(List<CheckDefinition<T>> definitions) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, Level> levels = new HashMap<>();
    for (CheckDefinition<T> definition : definitions) {
      if (definition.id() == null || definition.id().isBlank()) {
        problems.add("a check has no ID");
        continue;
      }
      if (!ids.add(definition.id())) {
        problems.add("duplicate check ID " + definition.id());
      }
      levels.put(definition.id(), definition.level());
    }
    for (CheckDefinition<T> definition : definitions) {
      String id = definition.id();
      if (definition.level() == null || definition.level() == Level.PRIVILEGED) {
        problems.add(id + ": level must be baseline, restricted or hardened");
      }
      if (definition.versions().isEmpty()) {
        problems.add(id + ": no versions");
      }
      PolicyVersion previous = null;
      for (VersionedCheck<T> version : definition.versions()) {
        if (version.minimumVersion().isLatest()) {
          problems.add(id + ": \"latest\" cannot be a minimum version");
        } else if (previous != null && version.minimumVersion().compareTo(previous) <= 0) {
          problems.add(
              id
                  + ": versions must strictly increase ("
                  + version.minimumVersion()
                  + " after "
                  + previous
                  + ")");
        }
        if (version.function() == null) {
          problems.add(id + " " + version.minimumVersion() + ": no function");
        }
        for (String overridden : version.overrides()) {
          if (definition.level() == Level.BASELINE) {
            problems.add(id + ": a baseline check cannot override " + overridden);
          } else if (levels.get(overridden) != Level.BASELINE) {
            problems.add(id + ": overrides " + overridden + ", which is not a baseline check");
          }
        }
        previous = version.minimumVersion();
      }
    }
    return problems;
  }

  /** Evaluates {@code subject} at {@code levelVersion}; {@code privileged} allows everything. */
  public Decision evaluate(LevelVersion levelVersion, T subject) {
    return evaluate(levelVersion, subject, id -> true);
  }

  /**
   * As {@link #evaluate(LevelVersion, Object)}, running only the checks of that level and version
   * whose IDs {@code only} accepts, each in the version the level and version select.
   */
  public Decision evaluate(
      LevelVersion levelVersion, T subject, java.util.function.Predicate<String> only) {
    if (levelVersion.level() == Level.PRIVILEGED) {
      return new Decision(levelVersion, List.of(), policyName);
    }
    int minor = levelVersion.version().clampTo(maxVersion).minor();
    List<CheckOutcome> failures = new ArrayList<>();
    for (Entry<T> entry : plans.get(levelVersion.level()).get(minor)) {
      if (!only.test(entry.id())) {
        continue;
      }
      CheckResult result = entry.function().check(subject);
      if (!result.allowed()) {
        failures.add(new CheckOutcome(entry.id(), entry.level(), result));
      }
    }
    return new Decision(levelVersion, failures, policyName);
  }

  /** All checks, baseline first, each level sorted by ID. */
  public List<CheckDefinition<T>> definitions() {
    return definitions;
  }

  /** The newest minimum version of any implementation: what {@code latest} means. */
  public PolicyVersion maxVersion() {
    return maxVersion;
  }

  private List<Entry<T>> plan(Level level, PolicyVersion version) {
    Set<String> overridden = new HashSet<>();
    List<Entry<T>> entries = new ArrayList<>();
    for (CheckDefinition<T> definition : definitions) {
      if (definition.level().compareTo(level) > 0) {
        continue;
      }
      VersionedCheck<T> inForce = inForce(definition, version);
      if (inForce != null) {
        overridden.addAll(inForce.overrides());
        entries.add(new Entry<>(definition.id(), definition.level(), inForce.function()));
      }
    }
    // definitions are sorted by level then ID, so the order is PSA's: baseline, restricted,
    // hardened.
    entries.removeIf(entry -> entry.level() == Level.BASELINE && overridden.contains(entry.id()));
    return List.copyOf(entries);
  }

  private static <T> VersionedCheck<T> inForce(
      CheckDefinition<T> definition, PolicyVersion version) {
    VersionedCheck<T> current = null;
    for (VersionedCheck<T> candidate : definition.versions()) {
      if (candidate.minimumVersion().compareTo(version) <= 0) {
        current = candidate;
      }
    }
    return current;
  }

  private static <T> PolicyVersion newestMinimumVersion(List<CheckDefinition<T>> definitions) {
    PolicyVersion max = PolicyVersion.v1(0);
    for (CheckDefinition<T> definition : definitions) {
      for (VersionedCheck<T> version : definition.versions()) {
        if (version.minimumVersion().compareTo(max) > 0) {
          max = version.minimumVersion();
        }
      }
    }
    return max;
  }
}
