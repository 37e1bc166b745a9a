package dev.rootlock.kube.audit;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.rootlock.kube.KubeAuditTable;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.kube.decode.Decoding;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.Level;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.PolicyVersion;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Audits the benchmark cluster served by {@link KubeBenchServer} ({@code -A}, {@code
 * hardened:latest}, pages of 500) and prints the wall and CPU time and the peak heap: the largest
 * heap occupancy seen just before any garbage collection, or at the end (occupancy only grows
 * between collections, so that is the true peak), and the largest seen just after one (what the
 * audit really keeps; the rest is garbage the collector had not yet needed to reclaim).
 *
 * <p>Arguments: the server URL, then {@code table} or {@code scan} (a ScanResult), then {@code
 * tree} or {@code reader} (how objects are decoded).
 */
public final class KubeAuditBench {

  private KubeAuditBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    boolean scan = args.length > 1 && args[1].equals("scan");
    boolean reader = args.length > 2 && args[2].equals("reader");
    Decoding decoding = reader ? Decoding.reader() : Decoding.tree();
    PeakHeap peak = PeakHeap.watch();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withRequestRetryBackoffLimit(0)
            .build();
    KubeOptions options =
        KubeOptions.defaults().withAllNamespaces().withLevel(Level.HARDENED, PolicyVersion.LATEST);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double load = os.getSystemLoadAverage();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    int objects;
    int rows;
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      if (scan) {
        List<ObjectResult> results = new ArrayList<>();
        KubeAudit.walk(
            client, options, KubeOptions.DEFAULT_PAGE_SIZE, (o, w, r) -> results.add(r), decoding);
        objects = results.size();
        rows = results.stream().mapToInt(r -> r.findings().size()).sum();
      } else {
        AuditRows collected = new AuditRows();
        List<Unreadable> unreadable =
            KubeAudit.walk(client, options, KubeOptions.DEFAULT_PAGE_SIZE, collected, decoding);
        KubeAuditReport report = collected.report(options.levelVersion().toString(), unreadable);
        String table = KubeAuditTable.render(report, false);
        objects = report.objects();
        rows = report.rows().size();
        if (table.isEmpty()) {
          throw new IllegalStateException("empty table");
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    Thread.sleep(200); // GC notifications arrive asynchronously
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf(
        "kube audit (%s, %s decoding): %d objects, %d %s, %.2f s wall, %.2f s CPU, peak heap %.0f"
            + " MB, most live after a GC %.0f MB (max heap %.0f MB), load average %.1f on %d"
            + " CPUs%n",
        scan ? "ScanResult" : "table",
        reader ? "reader" : "tree",
        objects,
        rows,
        scan ? "findings" : "rows",
        seconds,
        cpu,
        peak.peakBytes() / 1048576.0,
        peak.liveBytes() / 1048576.0,
        max / 1048576.0,
        load,
        os.getAvailableProcessors());
  }

  /** The heap's high-water mark, from GC notifications. */
  static final class PeakHeap {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());

    static PeakHeap watch() {
      PeakHeap heap = new PeakHeap();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (notification, handback) -> {
                  if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                      notification.getType())) {
                    var info =
                        GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    heap.record(info.getGcInfo().getMemoryUsageBeforeGc(), heap.peak);
                    heap.record(info.getGcInfo().getMemoryUsageAfterGc(), heap.live);
                  }
                },
                null,
                null);
      }
      return heap;
    }

    private void record(Map<String, MemoryUsage> pools, AtomicLong highWater) {
      long used = 0;
      for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
        if (heapPools.contains(pool.getKey())) {
          used += pool.getValue().getUsed();
        }
      }
      final long total = used;
      highWater.accumulateAndGet(total, Math::max);
    }

    /** The most the heap held just after a collection: what the audit really kept. */
    long liveBytes() {
      return live.get();
    }

    long peakBytes() {
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      return Math.max(peak.get(), now);
    }
  }
}
