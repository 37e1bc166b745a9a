package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.pod.ObjectMeta;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.NodeLocator;
import dev.rootlock.source.tree.Syntax;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one object of a workload kind into a {@link Workload}. Problem paths, like the locator's,
 * are relative to the object's root ({@code spec.template.spec.containers[0]...}).
 */
final class WorkloadDecoder {

  private final String file;
  private final String text;
  private final Syntax syntax;

  /**
   * @param file the name to report
   * @param text the whole text the objects were read from
   */
  WorkloadDecoder(String file, String text, Syntax syntax) {
    this.file = file;
    this.text = text;
    this.syntax = syntax;
  }

  Workload decode(MappingNode object, String apiVersion, String kind, WorkloadKind workloadKind) {
    FieldReader reader = new FieldReader(text, syntax);
    MetadataDecoder metadataDecoder = new MetadataDecoder(reader);
    ObjectMeta metadata = metadataDecoder.decode(object.get("metadata"), FieldPath.of("metadata"));
    FieldPath templatePath = workloadKind.templatePath();
    Pod pod = null;
    MappingNode template = template(reader, object, templatePath);
    if (template != null) {
      ObjectMeta podMetadata =
          templatePath.isRoot()
              ? metadata
              : metadataDecoder.decode(template.get("metadata"), templatePath.key("metadata"));
      pod =
          new Pod(
              podMetadata,
              new PodSpecDecoder(reader).decode(template.get("spec"), templatePath.key("spec")),
              // relative to the template, as check paths are
              UnknownFields.in(template.get("spec"), FieldPath.of("spec")));
      requireContainers(reader, pod, templatePath.keys("spec", "containers"));
    }
    List<FieldProblem> problems = new ArrayList<>(reader.problems());
    problems.addAll(DuplicateKeys.in(object));
    return new Workload(
        new SourceRef(file, object.start()),
        apiVersion,
        kind,
        metadata,
        templatePath,
        pod,
        problems,
        new NodeLocator(object));
  }

  /**
   * The pod template, or null when it is not written or not a mapping. Either is a problem: the API
   * server requires the template, and a template written in the wrong place (say {@code
   * spec.spec.template}) must not pass as a workload with nothing to check.
   */
  private static MappingNode template(FieldReader reader, MappingNode object, FieldPath path) {
    MappingNode node = object;
    FieldPath walked = FieldPath.root();
    for (Object segment : path.segments()) {
      walked = walked.key((String) segment);
      Node next = node.get((String) segment);
      if (!FieldReader.isSet(next)) {
        reader.problem(walked, "required field is missing (the pod template is " + path + ")");
        return null;
      }
      node = reader.mapping(next, walked);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * A pod needs at least one container; a template without any (its containers misplaced, or
   * wrongly typed, which is reported already) would otherwise pass with nothing checked.
   */
  private static void requireContainers(FieldReader reader, Pod pod, FieldPath containers) {
    if (!pod.spec().containers().isEmpty()) {
      return;
    }
    boolean reported =
        reader.problems().stream()
            .anyMatch(p -> p.path().startsWith(containers) || containers.startsWith(p.path()));
    if (!reported) {
      reader.problem(containers, "required field is missing (a pod needs at least one container)");
    }
  }
}
