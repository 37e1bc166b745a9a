package dev.rootlock.kube;

import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Workload;

/**
 * How an API object becomes a workload. Both ways give the same workload ({@code
 * DecoderEquivalenceTest}); docs/PERFORMANCE.md compares their speed.
 */
@FunctionalInterface
interface Decoding {

  Workload decode(ApiObject object, SourceRef source);

  /** Straight from Jackson's tree of the API's JSON. */
  static Decoding tree() {
    return (object, source) -> ApiObjectDecoder.decode(object.kind(), object.json(), source);
  }

  /** Through the manifest reader {@code rootlock scan} uses, fed the object's JSON. */
  static Decoding reader() {
    return new ReaderDecoder()::decode;
  }
}
