package dev.rootlock.docker.verify;

import java.util.List;

/**
 * What {@code rootlock docker verify} saw. {@code source} is {@code proc} (the host's /proc) or
 * {@code engine} (the Engine API, when /proc was not reachable). {@code problems} are things that
 * should be blocked and are not (exit 1); {@code warnings} deserve a look but block nothing.
 */
public record VerifyReport(
    String containerId,
    String name,
    String image,
    String source,
    boolean rootReadOnly,
    List<WritableMount> writableMounts,
    ProcessFacts process,
    boolean drillRequested,
    String drillSkipped,
    List<DrillAttempt> drill,
    List<String> problems,
    List<String> warnings) {

  public VerifyReport {
    writableMounts = List.copyOf(writableMounts);
    drill = List.copyOf(drill);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    drillSkipped = drillSkipped == null ? "" : drillSkipped;
  }

  /** True when everything that should be blocked was blocked. */
  public boolean protectionHolds() {
    return problems.isEmpty();
  }

  /**
   * A mount the container can write through. {@code userCanWrite} is null when unknown (no /proc);
   * {@code runtime} marks mounts every container gets (/dev, /dev/shm, /etc/hosts ...).
   */
  public record WritableMount(
      String path, String type, String options, Boolean userCanWrite, boolean runtime) {}

  /** One attacker move from the drill: what, where, whether it was blocked, and what it said. */
  public record DrillAttempt(String action, String target, boolean blocked, String detail) {}
}
