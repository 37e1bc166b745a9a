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

  /** The user a hardened line runs as when none is asked for. */
  public static final String DEFAULT_USER = HardenedRunCommand.DEFAULT_USER;

  /** The size of each tmpfs a hardened line mounts when none is asked for. */
  public static final String DEFAULT_TMPFS_SIZE = HardenedRunCommand.DEFAULT_TMPFS_SIZE;

  /** What the Docker CLI would warn about in the line as read (it would still run it). */
  public List<String> warnings() {
    return command.warnings();
  }

  /** The image the line runs. */
  public String image() {
    return command.image();
  }

  /** The line's arguments as read, {@code docker run} prefix included when it was given. */
  public List<String> args() {
    return command.args();
  }

  /**
   * The hardened line as a shell would take it, starting with {@code docker run} whether or not the
   * line as read did; null when it needs nothing added.
   */
  public String hardenedLine() {
    if (hardened == null) {
      return null;
    }
    String line = hardened.shellText();
    return command.prefixLength() == 0 ? "docker run " + line : line;
  }

  /** The hardened line's arguments, as {@link #args()}; null when it needs nothing added. */
  public List<String> hardenedArgs() {
    return hardened == null ? null : hardened.args();
  }

  /** What the hardened line's reader should know (a path it made writable, say). */
  public List<String> hardenedNotes() {
    return hardened == null ? List.of() : hardened.notes();
  }

  /** Why the daemon would refuse the whole line (so nothing was judged), or null. */
  public String problem() {
    return command.problems().isEmpty() ? null : command.problems().get(0).message();
  }

  /** The verdict as a scan's result, for the reporters. */
  public ScanResult result(String level) {
    return new ScanResult(level, List.of(verdict), List.of(), Map.of());
  }
}
