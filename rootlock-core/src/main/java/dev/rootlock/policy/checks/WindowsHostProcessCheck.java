package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.setters;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.WindowsOptions;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A Windows HostProcess container runs directly on the node with the host's privileges, the Windows
 * equivalent of a privileged container, so baseline forbids it.
 *
 * <p>Restricted fields: {@code spec.securityContext.windowsOptions.hostProcess} and {@code
 * securityContext.windowsOptions.hostProcess} of every init, regular and ephemeral container.
 * Allowed values: false, unset.
 */
public final class WindowsHostProcessCheck implements Check<Pod> {

  public static final String ID = "windowsHostProcess";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Pods must not run Windows HostProcess containers.",
        VersionedCheck.since(0, WindowsHostProcessCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<FieldPath> fields = new ArrayList<>();
    boolean badPod = hostProcess(pod.spec().securityContext().windowsOptions());
    if (badPod) {
      fields.add(FieldPath.of("spec", "securityContext", "windowsOptions", "hostProcess"));
    }
    List<String> bad = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      if (hostProcess(container.securityContext().windowsOptions())) {
        bad.add(container.displayName());
        fields.add(container.securityContextPath("windowsOptions", "hostProcess"));
      }
    }
    if (!badPod && bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "hostProcess",
        setters(badPod, bad) + " must not set securityContext.windowsOptions.hostProcess=true",
        bad,
        fields);
  }

  private static boolean hostProcess(WindowsOptions options) {
    return options != null && Boolean.TRUE.equals(options.hostProcess());
  }
}
