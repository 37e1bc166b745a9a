package dev.rootlock.policy.checks;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.UnknownField;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A misspelled field hardens nothing: {@code readOnlyRootFileSystem: true} (capital S) or a
 * lowercase {@code securitycontext:} looks right to a reader, yet kubectl's default strict field
 * validation refuses the object, and a lenient client drops the field so the container runs with a
 * writable root. PSA has no such rule (the API server has rejected or pruned the field before PSA
 * looks), so this is rootlock's own, at hardened, and PSA's messages stay byte-exact.
 *
 * <p>Restricted fields: every key of the pod spec, of each init, regular and ephemeral container,
 * of the pod's and each container's securityContext, and of each volume. Allowed: the names the API
 * server's schema has (generated from fabric8's model). An object read from a cluster has none.
 */
public final class UnknownFieldCheck implements Check<Pod> {

  public static final String ID = "unknownField";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Pod specs, containers, securityContexts and volumes must hold only fields the API server"
            + " knows.",
        VersionedCheck.since(0, UnknownFieldCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    if (pod.unknownFields().isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> parts = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (UnknownField field : pod.unknownFields()) {
      parts.add(
          "unknown field \""
              + field.path()
              + "\""
              + (field.suggestion() == null
                  ? ""
                  : " (did you mean \"" + field.suggestion() + "\"?)"));
      fields.add(field.path());
    }
    return CheckResult.forbidden("unknown fields", String.join("; ", parts), List.of(), fields);
  }
}
