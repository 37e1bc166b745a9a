package dev.rootlock.fix.pod;

import static dev.rootlock.fix.pod.FixableChecks.ALLOW_PRIVILEGE_ESCALATION;
import static dev.rootlock.fix.pod.FixableChecks.CAPABILITIES;
import static dev.rootlock.fix.pod.FixableChecks.MISPLACED_READ_ONLY_ROOT;
import static dev.rootlock.fix.pod.FixableChecks.READ_ONLY_ROOT;
import static dev.rootlock.fix.pod.FixableChecks.RUN_AS_NON_ROOT;
import static dev.rootlock.fix.pod.FixableChecks.SECCOMP;

import dev.rootlock.fix.plan.ExemptChecks;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.fix.plan.PlanBuilder;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.fix.ProvenNeeds;
import dev.rootlock.model.image.KnownImage;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.SecurityContext;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides how to harden one workload's pod template: the securityContext fields of {@code
 * restricted} and {@code hardened}, and the writable volumes a read-only root needs. Pure: it reads
 * the model and returns changes, so the file fixer and the mutating webhook share it.
 */
public final class PodHardener {

  private static final String RUNTIME_DEFAULT = "RuntimeDefault";
  private static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  private final FixOptions options;
  private final Function<Container, List<String>> commands;
  private final ExemptChecks exempt;

  /**
   * @param commands a container's command followed by its arguments (empty when neither is
   *     written), used to recognise frameworks in the knowledge base
   */
  public PodHardener(FixOptions options, Function<Container, List<String>> commands) {
    this(options, commands, ExemptChecks.NONE);
  }

  /**
   * @param exempt the checks exempt for this workload: their fields are left as written
   */
  public PodHardener(
      FixOptions options, Function<Container, List<String>> commands, ExemptChecks exempt) {
    this.options = options;
    this.commands = commands;
    this.exempt = exempt;
  }

  /** The plan for {@code workload}; empty for a workload without a pod template. */
  public Plan plan(Workload workload) {
    PlanBuilder plan = new PlanBuilder(workload.templatePath(), options, FixableChecks.all());
    Pod pod = workload.pod();
    if (pod == null || pod.spec().allContainers().isEmpty()) {
      return plan.build();
    }
    if (pod.spec().isWindows()) {
      return new Plan(
          List.of(),
          Set.of(),
          List.of(
              "windows pod: left unchanged (Windows has no read-only root, and the API server"
                  + " refuses these Linux fields)"));
    }
    PodSpec spec = pod.spec();
    Map<String, String> rootStarters = rootStarters(spec);
    Map<String, List<String>> heldBack = new LinkedHashMap<>();
    List<Container> readOnlyNow = new ArrayList<>();
    if (plan.fixes(MISPLACED_READ_ONLY_ROOT)
        && spec.securityContext().unrecognized().containsKey("readOnlyRootFilesystem")
        && !exemptPod(plan, MISPLACED_READ_ONLY_ROOT)
        && !exemptPod(plan, READ_ONLY_ROOT)) {
      moveMisplacedReadOnlyRoot(spec, plan);
    }
    for (Container container : spec.allContainers()) {
      if ((plan.fixes(READ_ONLY_ROOT) || plan.fixes(MISPLACED_READ_ONLY_ROOT))
          && !exempt(plan, READ_ONLY_ROOT, container)
          && !exempt(plan, MISPLACED_READ_ONLY_ROOT, container)) {
        if (readOnlyRoot(container, plan)) {
          readOnlyNow.add(container);
        }
      }
      if (plan.fixes(ALLOW_PRIVILEGE_ESCALATION)
          && !exempt(plan, ALLOW_PRIVILEGE_ESCALATION, container)) {
        allowPrivilegeEscalation(container, plan);
      }
      if (plan.fixes(CAPABILITIES) && !exempt(plan, CAPABILITIES, container)) {
        Optional<ProvenNeeds> needs = options.needsOf(container.image());
        if (needs.isPresent() && !needs.get().capabilities().isEmpty()) {
          capabilities(container, plan, needs.get().capabilities());
        } else if (holdsBack(container, rootStarters, CAPABILITIES, plan)) {
          heldBack
              .computeIfAbsent(container.name(), k -> new ArrayList<>())
              .add("capabilities.drop: [ALL]");
        } else {
          capabilities(container, plan);
        }
      }
    }
    if (plan.fixes(RUN_AS_NON_ROOT) && !exemptPod(plan, RUN_AS_NON_ROOT)) {
      runAsNonRoot(spec, plan, rootStarters, heldBack);
    }
    heldBack.forEach(
        (name, fields) ->
            plan.note(
                "container \""
                    + name
                    + "\": "
                    + rootStarters.get(name)
                    + ", so "
                    + String.join(" and ", fields)
                    + " would stop it from starting and "
                    + (fields.size() == 1 ? "was" : "were")
                    + " not added"
                    + (rootStarters.get(name).startsWith("a trial")
                        ? ""
                        : "; not proven either way: `rootlock fix --prove` runs it, or set a"
                            + " numeric runAsUser the image can run as")));
    if (plan.fixes(SECCOMP) && !exemptPod(plan, SECCOMP)) {
      seccomp(spec, plan);
    }
    new WritableMounts(spec, plan, commands).add(readOnlyNow);
    return plan.build();
  }

  /**
   * Whether {@code check} is exempt for {@code container}; an exempt check is declined (it may
   * still fail after the fix, as it did before) and said in a note.
   */
  private boolean exempt(PlanBuilder plan, String check, Container container) {
    String reason = exempt.reason(check, container.displayName());
    if (reason == null) {
      return false;
    }
    plan.decline(check);
    plan.note(subject(container) + ": " + check + " left as written (exempt: " + reason + ")");
    return true;
  }

  /**
   * Whether {@code check} is exempt for the pod or any of its containers: its fields (pod-level
   * ones among them) are then left as written for the whole pod.
   */
  private boolean exemptPod(PlanBuilder plan, String check) {
    String reason = exempt.anyReason(check);
    if (reason == null) {
      return false;
    }
    plan.decline(check);
    plan.note("pod: " + check + " left as written (exempt: " + reason + ")");
    return true;
  }

  /**
   * The containers whose image the knowledge base says starts as root and needs to, by name, with
   * their entry; a container (or pod) that sets a non-root runAsUser has chosen otherwise and is
   * left out.
   */
  private Map<String, String> rootStarters(PodSpec spec) {
    Map<String, String> starters = new LinkedHashMap<>();
    Long podUser = spec.securityContext().runAsUser();
    for (Container container : spec.allContainers()) {
      Long user = container.securityContext().runAsUser();
      Long effective = user != null ? user : podUser;
      if (container.image() == null || (effective != null && effective != 0)) {
        continue;
      }
      if (options.needsOf(container.image()).filter(ProvenNeeds::root).isPresent()) {
        starters.put(
            container.name(), "a trial proved that its image must start as root (fix --discover)");
        continue;
      }
      options
          .knowledge()
          .lookup(container.image(), commands.apply(container))
          .filter(KnownImage::startsAsRoot)
          .ifPresent(
              entry ->
                  starters.put(
                      container.name(),
                      "its image starts as root and needs to (known image \""
                          + entry.id()
                          + "\")"));
    }
    return starters;
  }

  /**
   * Whether {@code check} is held back for this container because its image must start as root;
   * naming the check with {@code --only} applies it anyway.
   */
  private static boolean holdsBack(
      Container container, Map<String, String> rootStarters, String check, PlanBuilder plan) {
    if (!rootStarters.containsKey(container.name()) || plan.options().overrides(check)) {
      return false;
    }
    plan.decline(check);
    return true;
  }

  private static String subject(Container container) {
    return "container \"" + container.displayName() + "\"";
  }

  /** The pod-level field means nothing to Kubernetes; the containers get it below. */
  private static void moveMisplacedReadOnlyRoot(PodSpec spec, PlanBuilder plan) {
    String written = spec.securityContext().unrecognized().get("readOnlyRootFilesystem");
    if (written == null) {
      return;
    }
    plan.remove(FieldPath.of("spec", "securityContext", "readOnlyRootFilesystem"));
    plan.note(
        "pod: moved readOnlyRootFilesystem: "
            + written
            + " from spec.securityContext, where Kubernetes ignores it, to each container");
  }

  /** Returns whether this plan turns the container's root read-only (so it needs mounts). */
  private static boolean readOnlyRoot(Container container, PlanBuilder plan) {
    SecurityContext context = container.securityContext();
    String raw = context.unrecognized().get("readOnlyRootFilesystem");
    FieldPath field = container.securityContextPath("readOnlyRootFilesystem");
    switch (Setting.of(context.readOnlyRootFilesystem(), raw, true)) {
      case WANTED:
        return false;
      case UNSET:
        if (!plan.fixes(READ_ONLY_ROOT)) {
          return false;
        }
        plan.set(field, true);
        return true;
      case MISTYPED_WANTED:
        plan.set(field, true);
        return true;
      case CONTRARY:
      default:
        String written = raw != null ? raw : "false";
        boolean override =
            plan.options().overrides(READ_ONLY_ROOT)
                || (raw != null && plan.options().overrides(MISPLACED_READ_ONLY_ROOT));
        if (override) {
          plan.set(field, true);
          plan.changed(subject(container), "readOnlyRootFilesystem", written, "true");
          return true;
        }
        plan.keep(READ_ONLY_ROOT, subject(container), "readOnlyRootFilesystem", written);
        if (raw != null) {
          plan.decline(MISPLACED_READ_ONLY_ROOT);
        }
        return false;
    }
  }

  private static void allowPrivilegeEscalation(Container container, PlanBuilder plan) {
    SecurityContext context = container.securityContext();
    String raw = context.unrecognized().get("allowPrivilegeEscalation");
    Setting setting = Setting.of(context.allowPrivilegeEscalation(), raw, false);
    if (setting == Setting.WANTED) {
      return;
    }
    // The API server rejects allowPrivilegeEscalation: false next to privileged or CAP_SYS_ADMIN.
    if (Boolean.TRUE.equals(context.privileged())) {
      plan.cannot(
          ALLOW_PRIVILEGE_ESCALATION,
          subject(container)
              + ": allowPrivilegeEscalation left alone: a privileged container cannot forbid it");
      return;
    }
    if (keepsSysAdmin(container, plan)) {
      plan.cannot(
          ALLOW_PRIVILEGE_ESCALATION,
          subject(container)
              + ": allowPrivilegeEscalation left alone: a container that adds SYS_ADMIN cannot"
              + " forbid it");
      return;
    }
    FieldPath field = container.securityContextPath("allowPrivilegeEscalation");
    if (setting == Setting.CONTRARY) {
      String written = raw != null ? raw : "true";
      if (!plan.options().overrides(ALLOW_PRIVILEGE_ESCALATION)) {
        plan.keep(
            ALLOW_PRIVILEGE_ESCALATION, subject(container), "allowPrivilegeEscalation", written);
        return;
      }
      plan.changed(subject(container), "allowPrivilegeEscalation", written, "false");
    }
    plan.set(field, false);
  }

  private static boolean keepsSysAdmin(Container container, PlanBuilder plan) {
    Capabilities capabilities = container.securityContext().capabilities();
    if (capabilities == null) {
      return false;
    }
    boolean adds =
        capabilities.add().stream()
            .anyMatch(c -> c.equals("SYS_ADMIN") || c.equals("CAP_SYS_ADMIN"));
    boolean removed = plan.fixes(CAPABILITIES) && plan.options().overrides(CAPABILITIES);
    return adds && !removed;
  }

  /**
   * {@code drop: [ALL]} plus the capabilities a trial proved the image needs back. Any but
   * NET_BIND_SERVICE leaves capabilities_restricted failing, which a note names.
   */
  private static void capabilities(Container container, PlanBuilder plan, List<String> needed) {
    Capabilities capabilities = container.securityContext().capabilities();
    FieldPath path = container.securityContextPath("capabilities");
    if (capabilities == null || !capabilities.drop().contains("ALL")) {
      if (capabilities != null && !capabilities.drop().isEmpty()) {
        plan.append(path.key("drop"), "ALL");
      } else {
        plan.set(path.key("drop"), List.of("ALL"));
      }
    }
    List<String> written = capabilities == null ? List.of() : capabilities.add();
    List<String> missing =
        needed.stream().filter(c -> !written.contains(c) && !written.contains("CAP_" + c)).toList();
    if (!missing.isEmpty()) {
      if (written.isEmpty()) {
        plan.set(path.key("add"), missing);
      } else {
        missing.forEach(c -> plan.append(path.key("add"), c));
      }
    }
    List<String> beyond = needed.stream().filter(c -> !c.equals(NET_BIND_SERVICE)).toList();
    if (!beyond.isEmpty()) {
      plan.cannot(
          CAPABILITIES,
          subject(container)
              + ": a trial proved it needs capabilities.add ["
              + String.join(", ", needed)
              + "] (fix --discover); capabilities_restricted still fails, since restricted allows"
              + " only NET_BIND_SERVICE");
    }
  }

  private static void capabilities(Container container, PlanBuilder plan) {
    Capabilities capabilities = container.securityContext().capabilities();
    FieldPath path = container.securityContextPath("capabilities");
    if (capabilities == null || !capabilities.drop().contains("ALL")) {
      if (capabilities != null && !capabilities.drop().isEmpty()) {
        plan.append(path.key("drop"), "ALL");
      } else {
        plan.set(path.key("drop"), List.of("ALL"));
      }
    }
    if (capabilities == null) {
      return;
    }
    List<String> kept = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (String added : capabilities.add()) {
      (added.equals(NET_BIND_SERVICE) ? kept : extra).add(added);
    }
    if (extra.isEmpty()) {
      return;
    }
    String written = "[" + String.join(", ", capabilities.add()) + "]";
    if (!plan.options().overrides(CAPABILITIES)) {
      plan.keep(CAPABILITIES, subject(container), "capabilities.add", written);
      return;
    }
    if (kept.isEmpty()) {
      plan.remove(path.key("add"));
    } else {
      plan.set(path.key("add"), List.copyOf(kept));
    }
    plan.changed(
        subject(container),
        "capabilities.add",
        written,
        kept.isEmpty() ? "nothing" : "[" + String.join(", ", kept) + "]");
  }

  private static void runAsNonRoot(
      PodSpec spec,
      PlanBuilder plan,
      Map<String, String> rootStarters,
      Map<String, List<String>> heldBack) {
    PodSecurityContext pod = spec.securityContext();
    Setting podSetting =
        Setting.of(pod.runAsNonRoot(), pod.unrecognized().get("runAsNonRoot"), true);
    FieldPath podField = FieldPath.of("spec", "securityContext", "runAsNonRoot");
    boolean podTrue = podSetting == Setting.WANTED;
    if (podSetting == Setting.MISTYPED_WANTED) {
      plan.set(podField, true);
      podTrue = true;
    } else if (podSetting == Setting.CONTRARY) {
      String written = writtenOr(pod.unrecognized().get("runAsNonRoot"), "false");
      if (plan.options().overrides(RUN_AS_NON_ROOT)) {
        plan.set(podField, true);
        plan.changed("pod", "runAsNonRoot", written, "true");
        podTrue = true;
      } else {
        plan.keep(RUN_AS_NON_ROOT, "pod", "runAsNonRoot", written);
      }
    }
    List<String> withoutUser = new ArrayList<>();
    for (Container container : spec.allContainers()) {
      SecurityContext context = container.securityContext();
      String raw = context.unrecognized().get("runAsNonRoot");
      FieldPath field = container.securityContextPath("runAsNonRoot");
      switch (Setting.of(context.runAsNonRoot(), raw, true)) {
        case WANTED -> {}
        case MISTYPED_WANTED -> plan.set(field, true);
        case UNSET -> {
          if (!podTrue && holdsBack(container, rootStarters, RUN_AS_NON_ROOT, plan)) {
            heldBack
                .computeIfAbsent(container.name(), k -> new ArrayList<>())
                .add("runAsNonRoot: true");
          } else if (!podTrue) {
            plan.set(field, true);
            if (context.runAsUser() == null && pod.runAsUser() == null) {
              withoutUser.add(container.displayName());
            }
          }
        }
        case CONTRARY -> {
          String written = writtenOr(raw, "false");
          if (plan.options().overrides(RUN_AS_NON_ROOT)) {
            plan.set(field, true);
            plan.changed(subject(container), "runAsNonRoot", written, "true");
          } else {
            plan.keep(RUN_AS_NON_ROOT, subject(container), "runAsNonRoot", written);
          }
        }
      }
    }
    if (!withoutUser.isEmpty()) {
      plan.note(
          Messages.containers(withoutUser)
              + ": runAsNonRoot: true stops the kubelet from starting an image whose user is root"
              + " or a name; set runAsUser to a numeric non-root user if the image does not run as"
              + " one");
    }
  }

  private static String writtenOr(String raw, String value) {
    return raw != null ? raw : value;
  }

  private static boolean validSeccomp(SeccompProfile profile) {
    return profile != null
        && (RUNTIME_DEFAULT.equals(profile.type()) || "Localhost".equals(profile.type()));
  }

  private static void seccomp(PodSpec spec, PlanBuilder plan) {
    SeccompProfile podProfile = spec.securityContext().seccompProfile();
    boolean podValid = validSeccomp(podProfile);
    if (podProfile != null && !podValid) {
      if (plan.options().overrides(SECCOMP)) {
        plan.set(
            FieldPath.of("spec", "securityContext", "seccompProfile", "type"), RUNTIME_DEFAULT);
        plan.changed(
            "pod", "seccompProfile.type", String.valueOf(podProfile.type()), RUNTIME_DEFAULT);
        podValid = true;
      } else {
        plan.keep(SECCOMP, "pod", "seccompProfile.type", String.valueOf(podProfile.type()));
      }
    }
    List<Container> unset = new ArrayList<>();
    for (Container container : spec.allContainers()) {
      SeccompProfile profile = container.securityContext().seccompProfile();
      if (profile == null) {
        unset.add(container);
      } else if (!validSeccomp(profile)) {
        if (plan.options().overrides(SECCOMP)) {
          plan.set(container.securityContextPath("seccompProfile", "type"), RUNTIME_DEFAULT);
          plan.changed(
              subject(container),
              "seccompProfile.type",
              String.valueOf(profile.type()),
              RUNTIME_DEFAULT);
        } else {
          plan.keep(
              SECCOMP, subject(container), "seccompProfile.type", String.valueOf(profile.type()));
        }
      }
    }
    if (podValid || unset.isEmpty()) {
      return;
    }
    Map<String, Object> runtimeDefault = new LinkedHashMap<>();
    runtimeDefault.put("type", RUNTIME_DEFAULT);
    if (podProfile == null && unset.size() == spec.allContainers().size()) {
      plan.set(FieldPath.of("spec", "securityContext", "seccompProfile"), runtimeDefault);
      return;
    }
    for (Container container : unset) {
      plan.set(container.securityContextPath("seccompProfile"), runtimeDefault);
    }
  }
}
