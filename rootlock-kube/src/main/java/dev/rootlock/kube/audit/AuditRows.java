package dev.rootlock.kube.audit;

import dev.rootlock.kube.decode.ApiKind;
import dev.rootlock.kube.decode.ApiObject;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reduces each audited object to its table rows as it streams past, and at the end groups the rows:
 * pods under the listed controller that owns them (following ownerReferences up, so a Deployment's
 * pods sit under the Deployment, not its ReplicaSet).
 */
final class AuditRows implements AuditSink {

  /** An object's rows before its owner group is known. */
  private record Pending(
      String namespace,
      ApiKind kind,
      String name,
      String uid,
      ApiObject.OwnerRef controller,
      List<AuditRow> rows) {}

  /** A listed controller: how it prints and who controls it. */
  private record Listed(String displayName, String parentUid) {}

  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, Listed> controllers = new HashMap<>();
  private final Map<String, NamespaceSummary> summaries = new TreeMap<>();
  private final Map<String, String> strings = new HashMap<>();

  @Override
  public void accept(ApiObject object, Workload workload, ObjectResult result) {
    String namespace = intern(object.namespace() == null ? "" : object.namespace());
    if (object.kind() != ApiKind.POD) {
      controllers.put(
          object.uid(),
          new Listed(
              object.displayName(),
              object.controller() == null ? null : object.controller().uid()));
    }
    List<AuditRow> rows = new ArrayList<>();
    int readOnly = 0;
    if (workload.pod() != null) {
      PodSecurityContext podContext = workload.pod().spec().securityContext();
      for (Container container : workload.pod().spec().allContainers()) {
        if (Boolean.TRUE.equals(container.securityContext().readOnlyRootFilesystem())) {
          readOnly++;
        }
        rows.add(
            new AuditRow(
                namespace,
                ContainerFacts.NONE,
                object.name(),
                intern(container.displayName()),
                intern(ContainerFacts.readOnly(container)),
                ContainerFacts.checks(result, container).stream().map(this::intern).toList(),
                intern(ContainerFacts.user(container, podContext)),
                intern(ContainerFacts.privilegeEscalation(container)),
                intern(ContainerFacts.capabilities(container)),
                intern(ContainerFacts.seccomp(container, podContext)),
                ContainerFacts.writableMounts(container).stream().map(this::intern).toList()));
      }
    }
    pending.add(
        new Pending(
            namespace, object.kind(), object.name(), object.uid(), object.controller(), rows));
    summaries.merge(
        namespace,
        new NamespaceSummary(namespace, 1, result.allowed() ? 0 : 1, rows.size(), readOnly),
        (a, b) -> a.plus(b.violating() > 0, b.containers(), b.readOnly()));
  }

  /** The grouped report; the collected objects are handed over, so call it once. */
  KubeAuditReport report(String policy, List<Unreadable> unreadable) {
    record Grouped(String owner, boolean template, Pending object) {}
    List<Grouped> grouped = new ArrayList<>(pending.size());
    for (Pending object : pending) {
      if (object.kind() == ApiKind.POD) {
        String owner = ContainerFacts.NONE;
        if (object.controller() != null) {
          owner =
              controllers.containsKey(object.controller().uid())
                  ? top(object.controller().uid())
                  : object.controller().displayName();
        }
        grouped.add(new Grouped(owner, false, object));
      } else {
        grouped.add(new Grouped(top(object.uid()), true, object));
      }
    }
    grouped.sort(
        Comparator.comparing((Grouped g) -> g.object().namespace())
            .thenComparing(g -> g.owner().equals(ContainerFacts.NONE))
            .thenComparing(Grouped::owner)
            .thenComparing(g -> !g.template())
            .thenComparing(g -> g.object().kind(), ApiKind.ORDER)
            .thenComparing(g -> g.object().name()));
    List<AuditRow> rows = new ArrayList<>();
    for (Grouped entry : grouped) {
      String pod = entry.object().name();
      if (entry.template()) {
        String self = entry.object().kind().kind().toLowerCase(java.util.Locale.ROOT) + "/" + pod;
        pod = self.equals(entry.owner()) ? "(template)" : self + " (template)";
      }
      for (AuditRow row : entry.object().rows()) {
        rows.add(
            new AuditRow(
                row.namespace(),
                entry.owner(),
                pod,
                row.container(),
                row.readOnly(),
                row.checks(),
                row.user(),
                row.privilegeEscalation(),
                row.capabilities(),
                row.seccomp(),
                row.writableMounts()));
      }
    }
    pending.clear();
    return new KubeAuditReport(policy, rows, List.copyOf(summaries.values()), unreadable);
  }

  /** The display name of the topmost listed controller above (and including) {@code uid}. */
  private String top(String uid) {
    Listed current = controllers.get(uid);
    // Owner chains are short (pod, ReplicaSet, Deployment); the bound guards against a cycle.
    for (int depth = 0; depth < 16 && current.parentUid() != null; depth++) {
      Listed parent = controllers.get(current.parentUid());
      if (parent == null) {
        break;
      }
      current = parent;
    }
    return current.displayName();
  }

  private String intern(String value) {
    return strings.computeIfAbsent(value, v -> v);
  }
}
