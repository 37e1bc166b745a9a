package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.ObjectMeta;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.tree.MappingNode;
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

  /** The pod template, or null when it is not written (or is not a mapping: a problem). */
  private static MappingNode template(FieldReader reader, MappingNode object, FieldPath path) {
    MappingNode node = object;
    FieldPath walked = FieldPath.root();
    for (Object segment : path.segments()) {
      walked = walked.key((String) segment);
      node = reader.mapping(node.get((String) segment), walked);
      if (node == null) {
        return null;
      }
    }
    return node;
  }
}
