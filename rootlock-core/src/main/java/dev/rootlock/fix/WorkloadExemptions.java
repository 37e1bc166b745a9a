package dev.rootlock.fix;

import dev.rootlock.fix.plan.ExemptChecks;
import dev.rootlock.fix.pod.FixableChecks;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.exempt.AnnotationExemptions;
import dev.rootlock.policy.exempt.Exemption;
import dev.rootlock.policy.exempt.ExemptionVerdict;
import dev.rootlock.policy.exempt.Exemptions;
import dev.rootlock.policy.exempt.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fixable checks are exempt for one workload, judged as scan judges its findings: the
 * object's and its pod template's {@code rootlock.dev/exempt*} annotations first, then the config's
 * rules. Expired exemptions become notes (the check is then fixed), as do unreadable annotations.
 */
final class WorkloadExemptions {

  private WorkloadExemptions() {}

  static ExemptChecks of(
      Workload workload, Exemptions rules, boolean inObject, List<String> notes) {
    if (workload.pod() == null || (rules.isEmpty() && !inObject)) {
      return ExemptChecks.NONE;
    }
    List<Exemption> own = new ArrayList<>();
    if (inObject) {
      own.addAll(read(workload.metadata().annotations(), "metadata", notes));
      if (!workload.templatePath().toString().isEmpty()) {
        own.addAll(
            read(
                workload.pod().metadata().annotations(),
                workload.templatePath() + ".metadata",
                notes));
      }
    }
    Exemptions all = rules.plus(own);
    if (all.isEmpty()) {
      return ExemptChecks.NONE;
    }
    Map<String, String> images = new HashMap<>();
    List<Container> containers = workload.pod().spec().allContainers();
    for (Container container : containers) {
      images.putIfAbsent(container.displayName(), container.image());
    }
    Subject subject =
        new Subject(
            workload.metadata().namespace(),
            workload.kind(),
            workload.metadata().name(),
            null,
            null);
    Map<String, String> whole = new LinkedHashMap<>();
    Map<String, Map<String, String>> byContainer = new LinkedHashMap<>();
    for (String check : FixableChecks.all().keySet()) {
      ExemptionVerdict pod = all.judge(check, subject, List.of(), images);
      if (pod instanceof ExemptionVerdict.Exempt exempt) {
        whole.put(check, reasonOf(exempt));
        continue;
      }
      expired(check, pod, notes);
      for (Container container : containers) {
        String name = container.displayName();
        ExemptionVerdict one = all.judge(check, subject, List.of(name), images);
        if (one instanceof ExemptionVerdict.Exempt exempt) {
          byContainer
              .computeIfAbsent(check, k -> new LinkedHashMap<>())
              .put(name, reasonOf(exempt));
        } else {
          expired(check, one, notes);
        }
      }
    }
    return new ExemptChecks(whole, byContainer);
  }

  /**
   * The fixable Compose checks exempt for {@code service} (check ID → reason), judged as scan
   * judges its findings: its own {@code x-rootlock} exemptions first, then the config's.
   */
  static Map<String, String> ofService(
      dev.rootlock.model.docker.DockerObject service,
      Exemptions rules,
      boolean inObject,
      List<String> notes) {
    String name = service.config().name();
    List<Exemption> own = new ArrayList<>();
    if (inObject) {
      String where = "x-rootlock.exempt of service " + name;
      for (String line : service.config().exempt()) {
        try {
          own.add(AnnotationExemptions.parse(line, dev.rootlock.policy.exempt.Scope.ANY, where));
        } catch (IllegalArgumentException e) {
          notes.add("ignored " + where + ": " + e.getMessage());
        }
      }
    }
    Exemptions all = rules.plus(own);
    Map<String, String> exempt = new LinkedHashMap<>();
    if (all.isEmpty()) {
      return exempt;
    }
    Subject subject = new Subject(null, service.kind(), name, null, null);
    Map<String, String> images = new HashMap<>();
    images.put(name, service.config().image());
    for (String check : dev.rootlock.fix.compose.ServiceHardener.FIXABLE.keySet()) {
      ExemptionVerdict verdict = all.judge(check, subject, List.of(name), images);
      if (verdict instanceof ExemptionVerdict.Exempt one) {
        exempt.put(check, reasonOf(one));
      } else {
        expired(check, verdict, notes);
      }
    }
    return exempt;
  }

  private static String reasonOf(ExemptionVerdict.Exempt exempt) {
    Exemption first = exempt.exemptions().get(0);
    return first.reason() + " [" + first.source() + "]";
  }

  private static void expired(String check, ExemptionVerdict verdict, List<String> notes) {
    if (verdict instanceof ExemptionVerdict.Expired expired) {
      String note =
          check
              + " is no longer exempt, so it is fixed: the exemption ("
              + expired.exemption().source()
              + ") expired on "
              + expired.exemption().expires()
              + ": "
              + expired.exemption().reason();
      if (!notes.contains(note)) {
        notes.add(note);
      }
    }
  }

  private static List<Exemption> read(
      Map<String, String> annotations, String where, List<String> notes) {
    AnnotationExemptions.Read read = AnnotationExemptions.read(annotations, where);
    for (String problem : read.problems()) {
      notes.add("ignored " + problem);
    }
    return read.exemptions();
  }
}
