package dev.rootlock.kube;

import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Workload;

/** Receives each audited object as soon as it is evaluated; the object is dropped afterwards. */
@FunctionalInterface
interface AuditSink {
  void accept(ApiObject object, Workload workload, ObjectResult result);
}
