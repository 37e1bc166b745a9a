package dev.rootlock.bench;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@code rootlock scan} over the real manifests in shared/corpus/k8s, in objects per
 * second: parsing alone (text to workloads) against the full scan (parse and evaluate at
 * hardened:latest), so that the cost of the policy shows as their ratio. The texts are loaded once,
 * so file I/O is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScanBenchmark {

  /** The corpus texts, read once per trial. */
  @State(Scope.Benchmark)
  public static class Corpus {
    List<String[]> files;

    @Setup(Level.Trial)
    public void load() throws IOException {
      Path dir = Path.of(System.getProperty("rootlock.corpus", "../shared/corpus/k8s"));
      try (Stream<Path> walk = Files.walk(dir)) {
        files =
            walk.filter(Files::isRegularFile)
                .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                .sorted()
                .map(p -> new String[] {p.toString(), read(p)})
                .toList();
      }
    }

    private static String read(Path path) {
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Counts objects, so that JMH reports objects per second beside invocations per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Objects {
    public long objects;
  }

  private final ManifestReader reader = new ManifestReader();
  private final Engine engine = Engine.standard();
  private final LevelVersion hardened = LevelVersion.parse("hardened:latest");

  @Benchmark
  public void parseOnly(Corpus corpus, Objects counter, Blackhole sink) {
    for (String[] file : corpus.files) {
      ReadResult read = reader.read(file[0], file[1]);
      counter.objects += read.workloads().size();
      sink.consume(read);
    }
  }

  @Benchmark
  public void fullScan(Corpus corpus, Objects counter, Blackhole sink) {
    for (String[] file : corpus.files) {
      ReadResult read = reader.read(file[0], file[1]);
      for (Workload workload : read.workloads()) {
        sink.consume(engine.evaluate(workload, hardened));
        counter.objects++;
      }
    }
  }
}
