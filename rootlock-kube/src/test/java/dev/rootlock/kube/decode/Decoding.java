package dev.rootlock.kube.decode;

import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Workload;
import java.util.function.BiFunction;

/**
 * How an API object becomes a workload, for the benchmark and the equivalence test only: rootlock
 * itself decodes the tree ({@link ApiObject#decode}). Both ways give the same workload ({@code
 * DecoderEquivalenceTest}); docs/PERFORMANCE.md compares their speed.
 */
@FunctionalInterface
public interface Decoding extends BiFunction<ApiObject, SourceRef, Workload> {

  Workload decode(ApiObject object, SourceRef source);

  @Override
  default Workload apply(ApiObject object, SourceRef source) {
    return decode(object, source);
  }

  /** Straight from Jackson's tree of the API's JSON. */
  static Decoding tree() {
    return (object, source) -> object.decode(source);
  }

  /** Through the manifest reader {@code rootlock scan} uses, fed the object's JSON. */
  static Decoding reader() {
    return new ReaderDecoder()::decode;
  }
}
