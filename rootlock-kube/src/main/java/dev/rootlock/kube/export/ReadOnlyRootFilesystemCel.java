package dev.rootlock.kube.export;

/**
 * {@code readOnlyRootFilesystem} in CEL: every init, regular and ephemeral container must set
 * {@code securityContext.readOnlyRootFilesystem: true}; Windows pods are exempt. The API server has
 * already rejected non-boolean values, so "not true" is "unset or false" here.
 */
final class ReadOnlyRootFilesystemCel {

  static final String ID = "readOnlyRootFilesystem";

  /** {@code variables.writableRoot}: the containers at fault, in visiting order. */
  static final String WRITABLE_ROOT =
      PodSpecCel.eachContainerList(
          ".filter(c, !(has(c.securityContext) && has(c.securityContext.readOnlyRootFilesystem)"
              + " && c.securityContext.readOnlyRootFilesystem == true)).map(c, c.name)");

  private ReadOnlyRootFilesystemCel() {}

  static CelValidation validation() {
    return new CelValidation(
        ID,
        "variables.windows || size(variables.writableRoot) == 0",
        "'readOnlyRootFilesystem != true (' + "
            + PodSpecCel.containersMessage("variables.writableRoot")
            + " + ' must set securityContext.readOnlyRootFilesystem=true)'");
  }
}
