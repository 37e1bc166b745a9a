package dev.rootlock.model.pod;

import java.util.Map;

/**
 * A container's {@code securityContext}. Every component is null when the field is not set (or was
 * set to a value of the wrong type, which then also appears in {@code unrecognized}).
 *
 * @param unrecognized fields that are not part of a container securityContext, or whose value has
 *     the wrong type, mapped to their value exactly as written (a quoted string keeps its quotes)
 */
public record SecurityContext(
    Boolean privileged,
    Boolean allowPrivilegeEscalation,
    Boolean readOnlyRootFilesystem,
    Boolean runAsNonRoot,
    Long runAsUser,
    Long runAsGroup,
    Capabilities capabilities,
    SeccompProfile seccompProfile,
    SeLinuxOptions seLinuxOptions,
    AppArmorProfile appArmorProfile,
    WindowsOptions windowsOptions,
    String procMount,
    Map<String, String> unrecognized) {

  /** A context with nothing set, standing in for an absent securityContext. */
  public static final SecurityContext EMPTY =
      new SecurityContext(
          null, null, null, null, null, null, null, null, null, null, null, null, Map.of());

  public SecurityContext {
    unrecognized = Map.copyOf(unrecognized);
  }
}
