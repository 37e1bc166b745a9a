package dev.rootlock.kube.decode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Locator;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import java.util.stream.Collectors;

/**
 * Decodes an API object by handing its JSON to the manifest reader {@code rootlock scan} uses, so
 * that a live object and the same object in a file are read by one piece of code. List items carry
 * no kind, so the kind is put back first. Positions in that JSON mean nothing to a user, so the
 * workload is given the object's cluster name and no locator.
 */
final class ReaderDecoder {

  private final ManifestReader reader = new ManifestReader();

  Workload decode(ApiObject object, SourceRef source) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("apiVersion", object.kind().apiVersion());
    json.put("kind", object.kind().kind());
    object
        .json()
        .properties()
        .forEach(
            field -> {
              // A listed item has no kind; an object fetched alone does, and the list's kind wins.
              if (!json.has(field.getKey())) {
                json.set(field.getKey(), field.getValue());
              }
            });
    ReadResult result = reader.read(source.file() + ".json", json.toString());
    if (result.workloads().size() != 1) {
      // The API server only serves well-formed objects; anything else is a bug worth naming.
      throw new IllegalStateException(
          "cannot read "
              + object.displayName()
              + " from the API server: "
              + result.errors().stream()
                  .map(InputError::message)
                  .collect(Collectors.joining("; ")));
    }
    Workload read = result.workloads().get(0);
    return new Workload(
        source,
        read.apiVersion(),
        read.kind(),
        read.metadata(),
        read.templatePath(),
        // The API server has validated the object: a field rootlock's schema lacks is newer than
        // that schema (securityContext.cgroupOptions, say), not a misspelling.
        read.pod() == null ? null : new Pod(read.pod().metadata(), read.pod().spec()),
        read.problems(),
        Locator.NONE);
  }
}
