package dev.rootlock.policy.docker;

import static dev.rootlock.policy.docker.Wording.setting;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sharing the host's network, PID, IPC, UTS or user namespace lets the container see and reach the
 * host's processes, sockets and identities; with the host user namespace, a root user in the
 * container is root on the host.
 *
 * <p>Restricted fields: {@code network_mode}, {@code pid}, {@code ipc}, {@code uts}, {@code
 * userns_mode} ({@code --network}, {@code --pid}, {@code --ipc}, {@code --uts}, {@code --userns}).
 * Allowed values: anything but {@code host} (Docker compares case-sensitively), unset.
 */
public final class DockerHostNamespacesCheck implements Check<ContainerConfig> {

  public static final String ID = "hostNamespaces";

  private static final String HOST = "host";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not share the host's namespaces.",
        VersionedCheck.since(0, DockerHostNamespacesCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    Map<DockerField, String> modes = new LinkedHashMap<>();
    modes.put(DockerField.NETWORK_MODE, config.networkMode());
    modes.put(DockerField.PID, config.pid());
    modes.put(DockerField.IPC, config.ipc());
    modes.put(DockerField.UTS, config.uts());
    modes.put(DockerField.USERNS_MODE, config.usernsMode());
    List<String> settings = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    modes.forEach(
        (field, mode) -> {
          if (HOST.equals(mode)) {
            settings.add(setting(config, field, HOST));
            fields.add(field.path());
          }
        });
    if (settings.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "host namespaces",
        subject(config) + " must not set " + String.join(", ", settings),
        List.of(config.name()),
        fields);
  }
}
