package dev.rootlock.source.dockerrun;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.Locator;
import dev.rootlock.model.Position;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerObject;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code docker run} line: the arguments as given, the flags as understood, the IMAGE and
 * command, and the container configuration they describe.
 *
 * <p>Positions are into the arguments joined by single spaces ({@link #text()}), on line 1: a
 * finding about {@code cap_add[1]} points at the second {@code --cap-add}; a setting that is not
 * written points at the start of the line.
 *
 * @param prefixLength how many leading arguments are {@code docker [options] [container] run}
 * @param doubleDash the index of the {@code --} that ended the flags, or -1
 * @param imageIndex the index of the IMAGE argument
 * @param problems values Docker would refuse, treated as unset by the checks
 * @param warnings things worth telling, e.g. flags the Docker CLI does not define (kept as given)
 * @param positions the argument index that wrote each Compose-shaped path
 */
public record DockerRunCommand(
    List<String> args,
    int prefixLength,
    List<RunOption> options,
    int doubleDash,
    int imageIndex,
    ContainerConfig config,
    List<FieldProblem> problems,
    List<String> warnings,
    Map<FieldPath, Integer> positions) {

  public DockerRunCommand {
    args = List.copyOf(args);
    options = List.copyOf(options);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    positions = Map.copyOf(positions);
  }

  public String image() {
    return args.get(imageIndex);
  }

  /** The container's command: every argument after the IMAGE. */
  public List<String> command() {
    return args.subList(imageIndex + 1, args.size());
  }

  /** The arguments joined by single spaces: the text positions refer to. */
  public String text() {
    return String.join(" ", args);
  }

  /** Where argument {@code index} starts in {@link #text()}. */
  public Position positionOf(int index) {
    int offset = 0;
    for (int i = 0; i < index && i < args.size(); i++) {
      offset += args.get(i).length() + 1;
    }
    return new Position(1, offset + 1, offset);
  }

  /** Finds the argument behind a path, or its nearest written parent, or the line's start. */
  public Locator locator() {
    return path -> {
      for (FieldPath at = path; ; at = at.parent()) {
        Integer index = positions.get(at);
        if (index != null) {
          return positionOf(index);
        }
        if (at.isRoot()) {
          return Position.START;
        }
      }
    };
  }

  /** This command as a checkable object from {@code sourceName} (e.g. {@code -} or a script). */
  public DockerObject toObject(String sourceName) {
    return new DockerObject(SourceRef.of(sourceName), config, problems, List.of(), locator());
  }
}
