package dev.rootlock.kube.audit;

import dev.rootlock.kube.decode.ApiObject;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Workload;

/** Receives each audited object as soon as it is evaluated; the object is dropped afterwards. */
@FunctionalInterface
interface AuditSink {
  void accept(ApiObject object, Workload workload, ObjectResult result);
}
