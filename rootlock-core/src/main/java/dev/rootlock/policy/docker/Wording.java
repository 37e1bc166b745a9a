package dev.rootlock.policy.docker;

import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.DockerField;

/**
 * How Docker check messages name things, per dialect, so that every check reads alike: {@code
 * service "api" must set read_only: true} for Compose, {@code container "api" must set --read-only}
 * for {@code docker run}, {@code container "api" must set HostConfig.ReadonlyRootfs=true} for a
 * live container.
 */
final class Wording {

  private Wording() {}

  /** {@code service "api"} or {@code container "api"}. */
  static String subject(ContainerConfig config) {
    return config.dialect().noun() + " \"" + config.name() + "\"";
  }

  /** The field's name in the config's dialect: {@code cap_add}, {@code --cap-add}, ... */
  static String field(ContainerConfig config, DockerField field) {
    return field.nameIn(config.dialect());
  }

  /**
   * A field set to a value: {@code network_mode: host}, {@code --network host} ({@code --read-only}
   * for a switch set to true), {@code HostConfig.NetworkMode=host}.
   */
  static String setting(ContainerConfig config, DockerField field, String value) {
    return switch (config.dialect()) {
      case COMPOSE -> field.composeKey() + ": " + value;
      case RUN ->
          isSwitch(field) && value.equals("true") ? field.runFlag() : field.runFlag() + " " + value;
      case ENGINE -> field.engineField() + "=" + value;
    };
  }

  /**
   * A list field holding exactly {@code item}: {@code cap_drop: [ALL]}, {@code --cap-drop ALL},
   * {@code HostConfig.CapDrop=[ALL]}.
   */
  static String listSetting(ContainerConfig config, DockerField field, String item) {
    return setting(config, field, config.dialect() == DockerDialect.RUN ? item : "[" + item + "]");
  }

  private static boolean isSwitch(DockerField field) {
    return field == DockerField.READ_ONLY || field == DockerField.PRIVILEGED;
  }
}
