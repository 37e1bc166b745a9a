package dev.rootlock.engine;

import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.InputError;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.LevelVersion;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.LoadedFile;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads input files one at a time and evaluates what they hold, collecting results, errors and
 * skipped kinds in input order. A file that cannot be read is an error and the scan goes on.
 */
final class FileScanner {

  private final ManifestReader reader = new ManifestReader();
  private final WorkloadEvaluator evaluator;

  final List<ObjectResult> objects = new ArrayList<>();
  final List<InputError> errors = new ArrayList<>();
  final Map<String, Integer> skippedKinds = new TreeMap<>();

  FileScanner(WorkloadEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  void scan(InputFile file, InputStream stdin, LevelVersion policy) {
    switch (InputFiles.read(file, stdin)) {
      case LoadedFile.Unreadable unreadable -> errors.add(unreadable.error());
      case LoadedFile.Text text -> scanText(text.displayName(), text.text(), policy);
    }
  }

  private void scanText(String displayName, String text, LevelVersion policy) {
    ReadResult read = reader.read(displayName, text);
    errors.addAll(read.errors());
    read.skippedKinds().forEach((kind, count) -> skippedKinds.merge(kind, count, Integer::sum));
    for (Workload workload : read.workloads()) {
      // A wrongly typed field is one the API server would refuse to decode: an input error, with
      // the field treated as unset so the object is still judged.
      for (FieldProblem problem : workload.problems()) {
        errors.add(
            new InputError(
                displayName,
                workload.locator().locate(problem.path()),
                problem.path() + ": " + problem.message()));
      }
      objects.add(evaluator.evaluate(workload, policy));
    }
  }
}
