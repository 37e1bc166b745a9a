package dev.rootlock.engine;

import dev.rootlock.fix.dockerrun.HardenedRunCommand;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import dev.rootlock.source.dockerrun.DockerRunCommand;
import java.util.List;
import java.util.Map;

/**
 * What {@code rootlock docker lint} found in one {@code docker run} line.
 *
 * @param command the line as read
 * @param verdict the container's findings at the level asked; null when the line has a {@link
 *     #problem}
 * @param hardened the line with the hardening flags added, or null when it needs none (what is left
 *     to fix, if anything, only the user can decide)
 * @param hardenedUser the user the hardened line runs as: the one asked for, or the image's own
 *     from the knowledge base when none was asked for
 */
public record RunLint(
    DockerRunCommand command,
    ObjectResult verdict,
    HardenedRunCommand hardened,
    String hardenedUser) {

  /** Why the daemon would refuse the whole line (so nothing was judged), or null. */
  public String problem() {
    return command.problems().isEmpty() ? null : command.problems().get(0).message();
  }

  /** The verdict as a scan's result, for the reporters. */
  public ScanResult result(String level) {
    return new ScanResult(level, List.of(verdict), List.of(), Map.of());
  }
}
