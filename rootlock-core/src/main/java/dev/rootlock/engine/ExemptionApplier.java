package dev.rootlock.engine;

import dev.rootlock.model.Exempt;
import dev.rootlock.model.Finding;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.exempt.AnnotationExemptions;
import dev.rootlock.policy.exempt.DockerfileExemptions;
import dev.rootlock.policy.exempt.Exemption;
import dev.rootlock.policy.exempt.ExemptionVerdict;
import dev.rootlock.policy.exempt.Exemptions;
import dev.rootlock.policy.exempt.Scope;
import dev.rootlock.policy.exempt.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks the findings of an evaluated object exempt where an exemption covers them. The object's
 * message (PSA's text) is never touched; {@code allowed} becomes true when every finding is exempt,
 * so exempt findings do not fail the run. Expired exemptions and unreadable in-object ones become
 * notes.
 */
final class ExemptionApplier {

  private final Set<String> knownChecks;

  ExemptionApplier(Set<String> knownChecks) {
    this.knownChecks = knownChecks;
  }

  /** {@code result} for {@code workload}, with its annotations' and {@code rules}' exemptions. */
  ObjectResult apply(ObjectResult result, Workload workload, Exemptions rules, boolean inObject) {
    if (result.findings().isEmpty() || (!inObject && rules.isEmpty())) {
      return result;
    }
    List<String> notes = new ArrayList<>(result.notes());
    List<Exemption> own = new ArrayList<>();
    if (inObject) {
      own.addAll(read(workload.metadata().annotations(), "metadata", notes));
      if (workload.pod() != null && !workload.templatePath().toString().isEmpty()) {
        own.addAll(
            read(
                workload.pod().metadata().annotations(),
                workload.templatePath() + ".metadata",
                notes));
      }
    }
    Map<String, String> images = new HashMap<>();
    if (workload.pod() != null) {
      for (Container container : workload.pod().spec().allContainers()) {
        images.putIfAbsent(container.displayName(), container.image());
        images.putIfAbsent(container.name(), container.image());
      }
    }
    ObjectRef ref = result.object();
    Subject subject = new Subject(ref.namespace(), ref.kind(), ref.name(), null, null);
    return mark(result, rules.plus(own), subject, images, null, notes);
  }

  /**
   * {@code result} for a Docker container or Compose service: the object is its own one container,
   * so image and container scopes match it; when {@code inObject}, the exemptions it writes itself
   * (a Compose service's {@code x-rootlock: {exempt: ...}}) count too.
   */
  ObjectResult apply(
      ObjectResult result, DockerObject container, Exemptions rules, boolean inObject) {
    List<String> lines = inObject ? container.config().exempt() : List.of();
    if (result.findings().isEmpty() || (rules.isEmpty() && lines.isEmpty())) {
      return result;
    }
    List<String> notes = new ArrayList<>(result.notes());
    List<Exemption> own = new ArrayList<>();
    String where = "x-rootlock.exempt of " + container.kind().toLowerCase(java.util.Locale.ROOT);
    for (String line : lines) {
      try {
        own.add(
            AnnotationExemptions.parse(line, Scope.ANY, where + " " + container.config().name()));
      } catch (IllegalArgumentException e) {
        notes.add("ignored " + where + " " + container.config().name() + ": " + e.getMessage());
      }
    }
    own = known(own, notes);
    ObjectRef ref = result.object();
    String name = container.config().name();
    Map<String, String> images = new HashMap<>();
    images.put(name, container.config().image());
    Subject subject = new Subject(ref.namespace(), ref.kind(), ref.name(), null, null);
    return mark(result, rules.plus(own), subject, images, name, notes);
  }

  /**
   * {@code result} for a Dockerfile: {@code rules}, plus, when {@code inObject}, the {@code #
   * rootlock:exempt} comments of {@code text}, each covering the findings at the instruction it
   * precedes.
   */
  ObjectResult apply(
      ObjectResult result, Exemptions rules, String file, String text, boolean inObject) {
    DockerfileExemptions.Read read =
        inObject ? DockerfileExemptions.read(file, text) : DockerfileExemptions.read(file, "");
    if (read.byLine().isEmpty() && read.problems().isEmpty()) {
      return apply(result, rules);
    }
    List<String> notes = new ArrayList<>(result.notes());
    read.problems().forEach(problem -> notes.add("ignored " + problem));
    ObjectRef ref = result.object();
    Subject subject = new Subject(ref.namespace(), ref.kind(), ref.name(), null, null);
    List<Finding> findings = new ArrayList<>();
    for (Finding finding : result.findings()) {
      List<Exemption> here =
          known(read.byLine().getOrDefault(finding.position().line(), List.of()), notes);
      ObjectResult one =
          mark(
              new ObjectResult(ref, false, result.message(), List.of(finding), List.of()),
              rules.plus(here),
              subject,
              Map.of(),
              null,
              notes);
      findings.addAll(one.findings());
    }
    boolean allowed = result.allowed() || findings.stream().allMatch(Finding::isExempt);
    return new ObjectResult(
        ref, allowed, result.message(), findings, notes.stream().distinct().toList());
  }

  /** {@code result} judged by {@code rules} alone, with no containers to narrow to. */
  ObjectResult apply(ObjectResult result, Exemptions rules) {
    if (result.findings().isEmpty() || rules.isEmpty()) {
      return result;
    }
    ObjectRef ref = result.object();
    Subject subject = new Subject(ref.namespace(), ref.kind(), ref.name(), null, null);
    return mark(result, rules, subject, Map.of(), null, new ArrayList<>(result.notes()));
  }

  private ObjectResult mark(
      ObjectResult result,
      Exemptions rules,
      Subject subject,
      Map<String, String> images,
      String soleContainer,
      List<String> notes) {
    List<Finding> findings = new ArrayList<>();
    for (Finding finding : result.findings()) {
      List<String> containers =
          finding.containers().isEmpty() && soleContainer != null
              ? List.of(soleContainer)
              : finding.containers();
      ExemptionVerdict verdict = rules.judge(finding.check(), subject, containers, images);
      // instanceof, not a type switch: see FileScanner.scanFile. None falls through: it counts.
      if (verdict instanceof ExemptionVerdict.Exempt exempt) {
        findings.add(finding.exempted(exemptOf(exempt.exemptions())));
        continue;
      } else if (verdict instanceof ExemptionVerdict.Expired expired) {
        notes.add(
            finding.check()
                + " is no longer exempt: the exemption ("
                + expired.exemption().source()
                + ") expired on "
                + expired.exemption().expires()
                + ": "
                + expired.exemption().reason());
      } else if (verdict instanceof ExemptionVerdict.Partial partial) {
        notes.add(
            finding.check()
                + ": only "
                + String.join(", ", partial.exempt())
                + " of "
                + String.join(", ", containers)
                + " exempt ("
                + partial.exemption().source()
                + "), so the finding still counts");
      }
      findings.add(finding);
    }
    boolean allowed = result.allowed() || findings.stream().allMatch(Finding::isExempt);
    return new ObjectResult(result.object(), allowed, result.message(), findings, notes);
  }

  /** One exemption's reason and source; several joined with {@code ; }, in container order. */
  private static Exempt exemptOf(List<Exemption> by) {
    return new Exempt(
        String.join("; ", by.stream().map(Exemption::reason).distinct().toList()),
        String.join("; ", by.stream().map(Exemption::source).distinct().toList()));
  }

  /** In-object exemptions; unreadable ones and unknown check IDs become notes and are ignored. */
  private List<Exemption> read(Map<String, String> annotations, String where, List<String> notes) {
    AnnotationExemptions.Read read = AnnotationExemptions.read(annotations, where);
    for (String problem : read.problems()) {
      notes.add("ignored " + problem);
    }
    return known(read.exemptions(), notes);
  }

  List<Exemption> known(List<Exemption> exemptions, List<String> notes) {
    List<Exemption> kept = new ArrayList<>();
    for (Exemption exemption : exemptions) {
      List<String> unknown =
          exemption.checks().stream()
              .filter(check -> !check.equals(Exemption.ALL_CHECKS) && !knownChecks.contains(check))
              .sorted()
              .toList();
      if (unknown.isEmpty()) {
        kept.add(exemption);
      } else {
        notes.add(
            "ignored " + exemption.source() + ": unknown check ID " + String.join(", ", unknown));
      }
    }
    return kept;
  }
}
