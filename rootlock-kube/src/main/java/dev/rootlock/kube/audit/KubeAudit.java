package dev.rootlock.kube.audit;

import dev.rootlock.engine.Engine;
import dev.rootlock.kube.client.ApiRequestException;
import dev.rootlock.kube.client.CustomKinds;
import dev.rootlock.kube.client.KubeConnection;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.kube.client.PageProgress;
import dev.rootlock.kube.client.PagedLister;
import dev.rootlock.kube.decode.ApiKind;
import dev.rootlock.kube.decode.ApiObject;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.InputError;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Workload;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code rootlock kube audit}: every pod (and with {@code --include-workloads} every controller,
 * with {@code --workload-kind} every object of the user's custom kinds) the options select,
 * evaluated with the same engine as {@code rootlock scan}. Objects are listed a page at a time,
 * evaluated, reduced to what the report needs, and dropped.
 *
 * <pre>{@code
 * KubeAuditReport report = KubeAudit.run(options);   // for -o text / wide
 * out.print(AuditTable.render(report, options.wide()));
 * ScanResult result = KubeAudit.scan(options);   // for -o json / sarif / junit
 * }</pre>
 */
public final class KubeAudit {

  private static final Engine ENGINE = Engine.standard();

  private KubeAudit() {}

  /** Audits the cluster {@code options} select, for the table. */
  public static KubeAuditReport run(KubeOptions options) throws KubeException {
    return run(options, PageProgress.SILENT);
  }

  /** As {@link #run(KubeOptions)}, telling {@code progress} of each page listed. */
  public static KubeAuditReport run(KubeOptions options, PageProgress progress)
      throws KubeException {
    try (KubernetesClient client = KubeConnection.ofProcess().open(options)) {
      return run(client, options, KubeOptions.DEFAULT_PAGE_SIZE, progress);
    }
  }

  /**
   * Audits the cluster {@code options} select into a {@link ScanResult} for rootlock's json, sarif
   * and junit reporters. Namespaces that could not be read become its errors. Unlike {@link
   * #run(KubeOptions)} this keeps every object's findings, so it needs memory in proportion to the
   * cluster.
   */
  public static ScanResult scan(KubeOptions options) throws KubeException {
    return scan(options, PageProgress.SILENT);
  }

  /** As {@link #scan(KubeOptions)}, telling {@code progress} of each page listed. */
  public static ScanResult scan(KubeOptions options, PageProgress progress) throws KubeException {
    try (KubernetesClient client = KubeConnection.ofProcess().open(options)) {
      return scan(client, options, KubeOptions.DEFAULT_PAGE_SIZE, progress);
    }
  }

  public static KubeAuditReport run(KubernetesClient client, KubeOptions options, long pageSize)
      throws KubeException {
    return run(client, options, pageSize, PageProgress.SILENT);
  }

  public static KubeAuditReport run(
      KubernetesClient client, KubeOptions options, long pageSize, PageProgress progress)
      throws KubeException {
    AuditRows rows = new AuditRows();
    List<Unreadable> unreadable =
        walk(client, options, pageSize, progress, rows, ApiObject::decode);
    return rows.report(options.levelVersion().toString(), unreadable);
  }

  static ScanResult scan(KubernetesClient client, KubeOptions options, long pageSize)
      throws KubeException {
    return scan(client, options, pageSize, PageProgress.SILENT);
  }

  static ScanResult scan(
      KubernetesClient client, KubeOptions options, long pageSize, PageProgress progress)
      throws KubeException {
    List<ObjectResult> objects = new ArrayList<>();
    List<Unreadable> unreadable =
        walk(
            client,
            options,
            pageSize,
            progress,
            (object, workload, result) -> objects.add(result),
            ApiObject::decode);
    List<InputError> errors = new ArrayList<>();
    for (Unreadable each : unreadable) {
      errors.add(
          new InputError(clusterName(each.namespace(), each.resource()), null, each.message()));
    }
    return new ScanResult(options.levelVersion().toString(), objects, errors, Map.of());
  }

  /**
   * Lists, decodes and evaluates every object in scope into {@code sink}; returns what was refused.
   * {@code decoding} is {@link ApiObject#decode} but for the benchmark, which also times the
   * manifest reader's way (docs/PERFORMANCE.md).
   */
  static List<Unreadable> walk(
      KubernetesClient client,
      KubeOptions options,
      long pageSize,
      AuditSink sink,
      BiFunction<ApiObject, SourceRef, Workload> decoding)
      throws KubeException {
    return walk(client, options, pageSize, PageProgress.SILENT, sink, decoding);
  }

  static List<Unreadable> walk(
      KubernetesClient client,
      KubeOptions options,
      long pageSize,
      PageProgress progress,
      AuditSink sink,
      BiFunction<ApiObject, SourceRef, Workload> decoding)
      throws KubeException {
    LevelVersion policy = options.levelVersion();
    PagedLister lister = new PagedLister(client, pageSize, progress);
    ClusterWalk walk = new ClusterWalk(lister);
    String namespace = scopeNamespace(client, options);
    List<ApiKind> kinds = new ArrayList<>();
    if (options.includeWorkloads()) {
      kinds.addAll(ApiKind.WORKLOADS);
    }
    CustomKinds.Resolved custom;
    try {
      custom = CustomKinds.resolve(lister, options.kinds(), options.includeWorkloads());
    } catch (ApiRequestException e) {
      throw new KubeException(e.getMessage(), e);
    }
    kinds.addAll(custom.kinds());
    kinds.add(ApiKind.POD);
    for (ApiKind kind : kinds) {
      walk.list(
          kind,
          namespace,
          page -> {
            for (ApiObject object : page) {
              Workload workload = decoding.apply(object, sourceOf(object));
              sink.accept(
                  object, workload, ENGINE.evaluate(workload, policy, options.exemptions()));
            }
          });
    }
    List<Unreadable> unreadable = new ArrayList<>(custom.missing());
    unreadable.addAll(walk.unreadable());
    return unreadable;
  }

  /** {@code cluster:ns/pods/name}: the pseudo file name reports show for a live object. */
  public static SourceRef sourceOf(ApiObject object) {
    return SourceRef.of(
        clusterName(object.namespace(), object.kind().plural()) + "/" + object.name());
  }

  /** The one namespace in scope, or null for all: {@code -n}, else the context's, else default. */
  public static String scopeNamespace(KubernetesClient client, KubeOptions options) {
    if (options.allNamespaces()) {
      return null;
    }
    if (options.namespace() != null) {
      return options.namespace();
    }
    String contextNamespace = client.getNamespace();
    return contextNamespace == null || contextNamespace.isEmpty() ? "default" : contextNamespace;
  }

  /** The pseudo file name of live objects: {@code cluster:ns/pods}. */
  static String clusterName(String namespace, String resource) {
    return "cluster:" + (namespace == null ? "" : namespace + "/") + resource;
  }
}
