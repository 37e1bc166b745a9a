package dev.rootlock.policy.checks;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckRegistry;
import java.util.ArrayList;
import java.util.List;

/** Every built-in Kubernetes pod check, and the one registry built from them. */
public final class PodChecks {

  private static final CheckRegistry<Pod> REGISTRY = CheckRegistry.of(all());

  private PodChecks() {}

  public static List<Check<Pod>> all() {
    List<Check<Pod>> all = new ArrayList<>();
    all.addAll(BaselineChecks.all());
    all.addAll(RestrictedChecks.all());
    all.addAll(HardenedChecks.all());
    return all;
  }

  /** The validated registry of {@link #all()}, built once. */
  public static CheckRegistry<Pod> registry() {
    return REGISTRY;
  }
}
