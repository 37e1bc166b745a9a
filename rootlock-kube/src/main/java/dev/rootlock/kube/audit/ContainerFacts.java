package dev.rootlock.kube.audit;

import dev.rootlock.model.Finding;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.SecurityContext;
import dev.rootlock.model.pod.VolumeMount;
import java.util.ArrayList;
import java.util.List;

/** What the audit table says about one container, read from the model and the verdict. */
public final class ContainerFacts {

  public static final String NONE = "-";

  private ContainerFacts() {}

  public static String readOnly(Container container) {
    Boolean value = container.securityContext().readOnlyRootFilesystem();
    return value == null ? "unset (writable)" : value.toString();
  }

  /**
   * The failing checks that name this container, plus those that name no container (pod-wide); an
   * exempt one is marked {@code check(exempt)}.
   */
  public static List<String> checks(ObjectResult result, Container container) {
    List<String> ids = new ArrayList<>();
    for (Finding finding : result.findings()) {
      String id = finding.isExempt() ? finding.check() + "(exempt)" : finding.check();
      if ((finding.containers().isEmpty() || finding.containers().contains(container.displayName()))
          && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  public static String user(Container container, PodSecurityContext pod) {
    SecurityContext own = container.securityContext();
    Long uid = own.runAsUser() != null ? own.runAsUser() : pod.runAsUser();
    if (uid != null) {
      return uid.toString();
    }
    Boolean nonRoot = own.runAsNonRoot() != null ? own.runAsNonRoot() : pod.runAsNonRoot();
    return Boolean.TRUE.equals(nonRoot) ? "non-root" : "unset";
  }

  public static String privilegeEscalation(Container container) {
    Boolean value = container.securityContext().allowPrivilegeEscalation();
    return value == null ? "unset" : value.toString();
  }

  public static String capabilities(Container container) {
    Capabilities caps = container.securityContext().capabilities();
    if (caps == null || (caps.add().isEmpty() && caps.drop().isEmpty())) {
      return NONE;
    }
    List<String> parts = new ArrayList<>();
    if (!caps.drop().isEmpty()) {
      parts.add("drop=" + String.join(",", caps.drop()));
    }
    if (!caps.add().isEmpty()) {
      parts.add("add=" + String.join(",", caps.add()));
    }
    return String.join(" ", parts);
  }

  public static String seccomp(Container container, PodSecurityContext pod) {
    if (container.securityContext().seccompProfile() != null
        && container.securityContext().seccompProfile().type() != null) {
      return container.securityContext().seccompProfile().type();
    }
    if (pod.seccompProfile() != null && pod.seccompProfile().type() != null) {
      return pod.seccompProfile().type();
    }
    return "unset";
  }

  public static List<String> writableMounts(Container container) {
    List<String> paths = new ArrayList<>();
    for (VolumeMount mount : container.volumeMounts()) {
      if (mount.writable() && mount.mountPath() != null) {
        paths.add(mount.mountPath());
      }
    }
    return paths;
  }
}
