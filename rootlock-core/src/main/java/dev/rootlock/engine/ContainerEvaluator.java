package dev.rootlock.engine;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.policy.CheckRegistry;
import java.util.List;

/**
 * Evaluates a Docker container configuration (a Compose service, a {@code docker run} line, a live
 * container) with the Docker checks; the reader's warnings become notes on the result.
 */
final class ContainerEvaluator {

  private final CheckRegistry<ContainerConfig> registry;

  ContainerEvaluator(CheckRegistry<ContainerConfig> registry) {
    this.registry = registry;
  }

  ObjectResult evaluate(DockerObject object, LevelVersion policy) {
    ObjectRef ref =
        new ObjectRef(object.source(), null, object.kind(), null, object.config().name());
    List<String> notes = object.warnings().stream().map(ContainerEvaluator::describe).toList();
    return Verdicts.of(
        ref, registry.evaluate(policy, object.config()), FieldPath.root(), object.locator(), notes);
  }

  private static String describe(FieldProblem warning) {
    return warning.path().isRoot() ? warning.message() : warning.path() + ": " + warning.message();
  }
}
