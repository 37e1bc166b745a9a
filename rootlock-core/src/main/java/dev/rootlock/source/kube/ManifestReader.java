package dev.rootlock.source.kube;

import dev.rootlock.model.InputError;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.TreeLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kubernetes manifests into {@link dev.rootlock.model.pod.Workload}s: every object whose kind
 * {@link WorkloadKinds} lists (Pod, the pod controllers, the well-known custom workloads and the
 * user's mappings), also inside Lists, with each field's exact position. Other kinds are counted,
 * bad input is reported, and nothing throws.
 */
public final class ManifestReader {

  private final ManifestParser parser;
  private final WorkloadKinds kinds;

  public ManifestReader() {
    this(TreeLimits.DEFAULT);
  }

  public ManifestReader(TreeLimits limits) {
    this(limits, WorkloadKinds.builtIn());
  }

  /** A reader that takes {@code kinds} (the built-in ones plus the user's) as workloads. */
  public ManifestReader(WorkloadKinds kinds) {
    this(TreeLimits.DEFAULT, kinds);
  }

  public ManifestReader(TreeLimits limits, WorkloadKinds kinds) {
    this.parser = new ManifestParser(limits);
    this.kinds = kinds;
  }

  /** The kinds this reader takes as workloads. */
  public WorkloadKinds kinds() {
    return kinds;
  }

  /**
   * Reads one text.
   *
   * @param displayName the name to report ({@code -} for standard input); its extension picks JSON
   *     or YAML
   */
  public ReadResult read(String displayName, String text) {
    return read(displayName, text, parser.parse(displayName, text));
  }

  /**
   * Reads one text already parsed by {@link ManifestParser#parse}, so that a caller that needs the
   * document trees too (the fixer) parses once. The workloads' locators share those trees.
   */
  public ReadResult read(String displayName, String text, ManifestParser.Parsed parsed) {
    ManifestObjects objects =
        new ManifestObjects(
            displayName, new WorkloadDecoder(displayName, text, parsed.syntax()), kinds);
    List<InputError> errors = new ArrayList<>(parsed.errors());
    for (Node document : parsed.documents()) {
      try {
        objects.add(document);
      } catch (RuntimeException e) {
        errors.add(
            new InputError(displayName, document.start(), "cannot decode this object: " + e));
      }
    }
    errors.addAll(objects.errors());
    errors.sort(ManifestParser.IN_TEXT_ORDER);
    return new ReadResult(objects.workloads(), errors, objects.skippedKinds());
  }
}
