package dev.rootlock.model.pod;

import java.util.List;
import java.util.Map;

/**
 * A pod's {@code spec.securityContext}. Components are null when unset; {@code sysctls} is empty.
 *
 * @param unrecognized fields that are not part of a pod securityContext (such as a misplaced {@code
 *     readOnlyRootFilesystem}) or whose value has the wrong type, mapped to their value exactly as
 *     written
 */
public record PodSecurityContext(
    Boolean runAsNonRoot,
    Long runAsUser,
    Long runAsGroup,
    Long fsGroup,
    SeccompProfile seccompProfile,
    SeLinuxOptions seLinuxOptions,
    AppArmorProfile appArmorProfile,
    WindowsOptions windowsOptions,
    List<Sysctl> sysctls,
    Map<String, String> unrecognized) {

  public static final PodSecurityContext EMPTY =
      new PodSecurityContext(null, null, null, null, null, null, null, null, List.of(), Map.of());

  public PodSecurityContext {
    sysctls = List.copyOf(sysctls);
    unrecognized = Map.copyOf(unrecognized);
  }
}
