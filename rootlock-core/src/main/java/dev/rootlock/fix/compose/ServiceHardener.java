package dev.rootlock.fix.compose;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.fix.plan.PlanBuilder;
import dev.rootlock.fix.plan.WritablePaths;
import dev.rootlock.fix.yaml.PlainTree;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.model.fix.ProvenNeeds;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import dev.rootlock.policy.VersionedCheck;
import dev.rootlock.policy.docker.DockerCapabilitiesRestrictedCheck;
import dev.rootlock.policy.docker.NoNewPrivilegesCheck;
import dev.rootlock.policy.docker.ReadOnlyCheck;
import dev.rootlock.policy.docker.SystemPathMountsCheck;
import dev.rootlock.policy.docker.TmpfsCheck;
import dev.rootlock.policy.docker.UserCheck;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to harden one Compose service: {@code read_only: true} with bounded {@code noexec}
 * tmpfs mounts for {@code /tmp} and the image's known paths, {@code cap_drop: [ALL]}, {@code
 * security_opt: [no-new-privileges:true]}, and a {@code user} only when one is given. Changes go to
 * the service as written; a list that the service only inherits through a merge key ({@code <<}) is
 * written out whole, since a written key replaces a merged one, while one inherited through {@code
 * extends} is joined by Compose and only gets the new entries.
 */
public final class ServiceHardener {

  /** The Compose checks {@code rootlock fix} can make pass, with their levels. */
  public static final Map<String, Level> FIXABLE = fixable();

  private static final String NO_NEW_PRIVILEGES = "no-new-privileges:true";
  private static final Pattern QUANTITY = Pattern.compile("([0-9]+)(Ki|Mi|Gi|Ti)?");

  private ServiceHardener() {}

  private static Map<String, Level> fixable() {
    Map<String, Level> checks = new LinkedHashMap<>();
    checks.put(DockerCapabilitiesRestrictedCheck.ID, Level.RESTRICTED);
    checks.put(NoNewPrivilegesCheck.ID, Level.RESTRICTED);
    checks.put(UserCheck.ID, Level.RESTRICTED);
    checks.put(ReadOnlyCheck.ID, Level.HARDENED);
    checks.put(TmpfsCheck.ID, Level.HARDENED);
    return Collections.unmodifiableMap(checks);
  }

  /**
   * The plan for one service.
   *
   * @param config the service as Compose reads it (merges and {@code extends} applied)
   * @param written the service's mapping as written in the file
   * @param command the service's entrypoint and command words, for the knowledge base
   */
  public static Plan plan(
      FixOptions options, ContainerConfig config, MappingNode written, List<String> command) {
    return plan(options, config, written, command, Map.of());
  }

  /**
   * As {@link #plan(FixOptions, ContainerConfig, MappingNode, List)}, leaving the fields of the
   * checks in {@code exempt} (check ID → reason) as written, with a note.
   */
  public static Plan plan(
      FixOptions options,
      ContainerConfig config,
      MappingNode written,
      List<String> command,
      Map<String, String> exempt) {
    PlanBuilder plan =
        new PlanBuilder(FieldPath.of("services").key(config.name()), options, FIXABLE);
    exempt.forEach(
        (check, reason) -> {
          if (plan.fixes(check)) {
            plan.decline(check);
            plan.note(
                "service \""
                    + config.name()
                    + "\": "
                    + check
                    + " left as written (exempt: "
                    + reason
                    + ")");
          }
        });
    Service service = new Service(config, written, plan);
    if (plan.fixes(ReadOnlyCheck.ID) && !exempt.containsKey(ReadOnlyCheck.ID)) {
      if (readOnly(service)) {
        writablePaths(service, command);
      } else if (Boolean.TRUE.equals(config.readOnly())) {
        discoveredPaths(service);
      }
    }
    if (plan.fixes(TmpfsCheck.ID) && !exempt.containsKey(TmpfsCheck.ID)) {
      existingTmpfs(service);
    }
    if (plan.fixes(DockerCapabilitiesRestrictedCheck.ID)
        && !exempt.containsKey(DockerCapabilitiesRestrictedCheck.ID)) {
      capabilities(service);
    }
    if (plan.fixes(NoNewPrivilegesCheck.ID) && !exempt.containsKey(NoNewPrivilegesCheck.ID)) {
      noNewPrivileges(service);
    }
    service.flushLists();
    if (plan.fixes(UserCheck.ID) && !exempt.containsKey(UserCheck.ID)) {
      user(service);
    }
    return plan.build();
  }

  /** One service being planned, with the list entries still to add. */
  private static final class Service {
    final ContainerConfig config;
    final MappingNode written;
    final PlanBuilder plan;
    final String subject;
    final Map<String, List<String>> additions = new LinkedHashMap<>();

    Service(ContainerConfig config, MappingNode written, PlanBuilder plan) {
      this.config = config;
      this.written = written;
      this.plan = plan;
      this.subject = "service \"" + config.name() + "\"";
    }

    void add(String field, String item) {
      additions.computeIfAbsent(field, f -> new ArrayList<>()).add(item);
    }

    /** Writes the collected entries list by list (see the class comment). */
    void flushLists() {
      for (Map.Entry<String, List<String>> entry : additions.entrySet()) {
        String field = entry.getKey();
        List<String> items = entry.getValue();
        FieldPath path = FieldPath.of(field);
        MappingNode.Entry own = ownEntry(field);
        if (own != null && own.value() instanceof SequenceNode) {
          items.forEach(item -> plan.append(path, item));
        } else if (own != null && own.value() instanceof ScalarNode scalar && !scalar.isNull()) {
          List<Object> list = new ArrayList<>();
          list.add(scalar.value());
          list.addAll(items);
          plan.set(path, list);
        } else if (own == null && written.get(field) != null && !written.get(field).isNull()) {
          List<Object> list = new ArrayList<>();
          Object merged = PlainTree.of(written.get(field));
          if (merged instanceof List<?> inherited) {
            list.addAll(inherited);
          } else {
            list.add(merged);
          }
          list.addAll(items);
          plan.set(path, list);
        } else {
          plan.set(path, new ArrayList<Object>(items));
        }
      }
    }

    /** The entry for {@code field} written in the service itself (not merged in), or null. */
    MappingNode.Entry ownEntry(String field) {
      for (MappingNode.Entry entry : written.entries()) {
        if (!entry.merge() && entry.key().equals(field)) {
          return entry;
        }
      }
      return null;
    }
  }

  /** Returns whether this plan turns the service's root read-only (so it needs tmpfs mounts). */
  private static boolean readOnly(Service service) {
    Boolean readOnly = service.config.readOnly();
    if (Boolean.TRUE.equals(readOnly)) {
      return false;
    }
    if (Boolean.FALSE.equals(readOnly)) {
      if (!service.plan.options().overrides(ReadOnlyCheck.ID)) {
        service.plan.keep(ReadOnlyCheck.ID, service.subject, "read_only", "false");
        return false;
      }
      service.plan.changed(service.subject, "read_only", "false", "true");
    }
    return setScalar(service, ReadOnlyCheck.ID, "read_only", true);
  }

  /** {@code ${NAME:-default}} or {@code ${NAME-default}} as a whole value. */
  private static final Pattern DEFAULTED =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-)([^${}]*)\\}");

  /**
   * Sets {@code key} to {@code value}, unless the service writes it with interpolation: a whole
   * {@code ${NAME:-default}} gets the new default instead (with a note), and any other reference is
   * left as written with a note saying what to set, since a literal would silently take the
   * variable away from whoever sets it. Returns whether the field will hold {@code value}.
   */
  private static boolean setScalar(Service service, String check, String key, Object value) {
    Node written = service.written.get(key);
    if (!(written instanceof ScalarNode scalar)
        || scalar.value() == null
        || !scalar.value().contains("$")
        || !scalar.value().replace("$$", "").contains("$")) {
      service.plan.set(FieldPath.of(key), value);
      return true;
    }
    Matcher matcher = DEFAULTED.matcher(scalar.value());
    if (matcher.matches()) {
      String replaced = "${" + matcher.group(1) + matcher.group(2) + value + "}";
      service.plan.set(FieldPath.of(key), replaced);
      service.plan.note(
          service.subject
              + ": "
              + key
              + " is interpolated (\""
              + scalar.value()
              + "\"): changed its default to "
              + value
              + "; "
              + matcher.group(1)
              + ", when set, still wins");
      return true;
    }
    Matcher name = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)").matcher(scalar.value());
    String variable = name.find() ? name.group(1) : "the variable";
    service.plan.cannot(
        check,
        service.subject
            + ": "
            + key
            + " is interpolated (\""
            + scalar.value()
            + "\") and has no default to change; set "
            + variable
            + "="
            + value
            + " in the project's .env, or edit it by hand");
    return false;
  }

  private static void writablePaths(Service service, List<String> command) {
    FixOptions fixOptions = service.plan.options();
    WritablePaths.Advice advice =
        WritablePaths.forContainer(fixOptions, service.config.image(), command);
    advice.notes().forEach(note -> service.plan.note(service.subject + ": " + note));
    for (WritablePath path : advice.paths()) {
      if (covered(service.config, path.path())) {
        continue;
      }
      if (path.medium() == Medium.PERSISTENT) {
        service.plan.note(
            service.subject
                + ": "
                + path.path()
                + (path.purpose().isEmpty() ? "" : " (" + path.purpose() + ")")
                + " must persist: mount a named volume there");
        continue;
      }
      if (systemPath(service.config, path.path())) {
        service.plan.note(
            service.subject
                + ": "
                + path.path()
                + (path.purpose().isEmpty() ? "" : " (" + path.purpose() + ")")
                + " is not made writable: it lies in a system directory that must stay read-only;"
                + " point the application elsewhere");
        continue;
      }
      String options =
          path.tmpfsOptions() != null
              ? path.tmpfsOptions()
              : "rw,noexec,nosuid,size="
                  + dockerSize(WritablePaths.sizeOf(path, service.plan.options()));
      service.add("tmpfs", path.path() + ":" + ownedBy(service, options));
      if (path.medium() == Medium.DISK) {
        service.plan.note(
            service.subject
                + ": "
                + path.path()
                + " is a tmpfs, so it uses memory;"
                + " mount a volume there instead if it must hold more");
      }
    }
  }

  /** A numeric non-root {@code uid[:gid]}. */
  private static final Pattern NUMERIC_USER = Pattern.compile("([0-9]{1,9})(?::([0-9]{1,9}))?");

  /**
   * Tmpfs options for a service whose image discovery ran on ({@code --discover}, {@code
   * --paths-from}) and that runs as a numeric non-root user: owned by that user, unless they
   * already set an owner or mode. A tmpfs mounted over an image directory takes that directory's
   * mode, often 0755 root, which such a user cannot write; {@code fix --prove} then proves the
   * result. Knowledge-base paths alone are left as they always were.
   */
  private static String ownedBy(Service service, String tmpfsOptions) {
    FixOptions options = service.plan.options();
    String image = service.config.image() == null ? "" : service.config.image();
    String user = service.config.user() == null ? "" : service.config.user().strip();
    Matcher numeric = NUMERIC_USER.matcher(user);
    if (!numeric.matches()
        || Long.parseLong(numeric.group(1)) == 0
        || options.discovered().stream().noneMatch(d -> d.appliesTo(image))
        || tmpfsOptions.matches("(^|.*,)(uid|mode)=.*")) {
      return tmpfsOptions;
    }
    return tmpfsOptions
        + ",uid="
        + numeric.group(1)
        + (numeric.group(2) == null ? "" : ",gid=" + numeric.group(2));
  }

  /**
   * A service already read-only gets only what discovery found for its image ({@code fix
   * --discover}, {@code --paths-from}) and it does not mount yet: the knowledge base's guesses are
   * for services being made read-only now, while discovery's paths were proven to be needed.
   */
  private static void discoveredPaths(Service service) {
    FixOptions options = service.plan.options();
    String image = service.config.image() == null ? "" : service.config.image();
    if (options.discovered().stream().noneMatch(d -> d.appliesTo(image))) {
      return;
    }
    writablePaths(service, List.of());
  }

  /**
   * Whether the policy counts a writable mount at {@code path} as a system path (under {@code
   * /usr}, a {@code PATH} directory, ...): asked of the check itself, so the two never disagree.
   */
  private static boolean systemPath(ContainerConfig config, String path) {
    ContainerConfig.Builder probe = ContainerConfig.builder(config.dialect(), config.name());
    probe.pathEnv = config.pathEnv();
    probe.tmpfs.add(TmpfsMount.parse(path + ":size=1m", FieldPath.of("tmpfs")));
    List<VersionedCheck<ContainerConfig>> versions =
        new SystemPathMountsCheck().definition().versions();
    return !versions.get(versions.size() - 1).function().check(probe.build()).allowed();
  }

  /**
   * Whether a writable tmpfs or volume already covers {@code path}; a read-only one also counts.
   */
  private static boolean covered(ContainerConfig config, String path) {
    for (TmpfsMount tmpfs : config.tmpfs()) {
      if (WritablePaths.covers(tmpfs.target(), path)) {
        return true;
      }
    }
    for (Mount mount : config.mounts()) {
      if (WritablePaths.covers(mount.target(), path)) {
        return true;
      }
    }
    return false;
  }

  /** Tmpfs mounts written without a size, or with exec or suid. */
  private static void existingTmpfs(Service service) {
    for (TmpfsMount tmpfs : service.config.tmpfs()) {
      boolean unbounded = !tmpfs.readOnly() && !tmpfs.bounded();
      if (!unbounded && !tmpfs.exec() && !tmpfs.suid()) {
        continue;
      }
      String written =
          tmpfs.target()
              + (tmpfs.options().isEmpty() ? "" : ":" + String.join(",", tmpfs.options()));
      if (!service.plan.options().overrides(TmpfsCheck.ID)) {
        service.plan.keep(TmpfsCheck.ID, service.subject, "tmpfs", written);
        continue;
      }
      if (!tmpfs.path().segments().get(0).equals("tmpfs") || service.ownEntry("tmpfs") == null) {
        service.plan.cannot(
            TmpfsCheck.ID,
            service.subject
                + ": tmpfs "
                + tmpfs.target()
                + " is written where rootlock cannot rewrite it ("
                + tmpfs.path()
                + "); give it a size"
                + " and noexec,nosuid by hand");
        continue;
      }
      List<String> options = new ArrayList<>();
      for (String option : tmpfs.options()) {
        if (!option.equals("exec") && !option.equals("suid")) {
          options.add(option);
        }
      }
      if (tmpfs.exec()) {
        options.add("noexec");
      }
      if (tmpfs.suid()) {
        options.add("nosuid");
      }
      if (unbounded) {
        options.removeIf(o -> o.startsWith("size="));
        options.add("size=" + dockerSize(service.plan.options().tmpSize()));
      }
      String fixed = tmpfs.target() + ":" + String.join(",", options);
      service.plan.set(tmpfs.path(), fixed);
      service.plan.changed(service.subject, "tmpfs", written, fixed);
    }
  }

  private static void capabilities(Service service) {
    FixOptions options = service.plan.options();
    ContainerConfig config = service.config;
    if (config.capDrop().stream().noneMatch(Capability::isAll)) {
      service.add("cap_drop", "ALL");
    }
    List<String> needed =
        options.needsOf(config.image()).map(ProvenNeeds::capabilities).orElse(List.of());
    if (!needed.isEmpty()) {
      provenCapabilities(service, needed);
      return;
    }
    List<String> extra = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Capability capability : config.capAdd()) {
      (capability.canonical().equals("NET_BIND_SERVICE") ? kept : extra).add(capability.name());
    }
    if (extra.isEmpty()) {
      return;
    }
    String written =
        "[" + String.join(", ", config.capAdd().stream().map(Capability::name).toList()) + "]";
    if (!service.plan.options().overrides(DockerCapabilitiesRestrictedCheck.ID)) {
      service.plan.keep(DockerCapabilitiesRestrictedCheck.ID, service.subject, "cap_add", written);
      return;
    }
    if (service.ownEntry("cap_add") == null) {
      service.plan.cannot(
          DockerCapabilitiesRestrictedCheck.ID,
          service.subject
              + ": cap_add is inherited; remove "
              + String.join(", ", extra)
              + " where it is written");
      return;
    }
    if (kept.isEmpty()) {
      service.plan.remove(FieldPath.of("cap_add"));
    } else {
      service.plan.set(FieldPath.of("cap_add"), new ArrayList<Object>(kept));
    }
    service.plan.changed(
        service.subject,
        "cap_add",
        written,
        kept.isEmpty() ? "nothing" : "[" + String.join(", ", kept) + "]");
  }

  /**
   * {@code cap_add} gets each capability a trial proved the image needs back after {@code cap_drop:
   * [ALL]} ({@code fix --discover}); any but NET_BIND_SERVICE leaves capabilities_restricted
   * failing, which a note names.
   */
  private static void provenCapabilities(Service service, List<String> needed) {
    List<String> written = service.config.capAdd().stream().map(Capability::canonical).toList();
    for (String capability : needed) {
      if (!written.contains(capability)) {
        service.add("cap_add", capability);
      }
    }
    List<String> beyond = needed.stream().filter(c -> !c.equals("NET_BIND_SERVICE")).toList();
    if (!beyond.isEmpty()) {
      service.plan.cannot(
          DockerCapabilitiesRestrictedCheck.ID,
          service.subject
              + ": a trial proved it needs cap_add ["
              + String.join(", ", needed)
              + "] (fix --discover); capabilities_restricted still fails, since restricted allows"
              + " only NET_BIND_SERVICE");
    }
  }

  private static void noNewPrivileges(Service service) {
    Boolean set = service.config.securityOpts().noNewPrivileges();
    if (Boolean.TRUE.equals(set)) {
      return;
    }
    SecurityOpt entry = service.config.securityOpts().noNewPrivilegesEntry();
    if (entry == null) {
      service.add("security_opt", NO_NEW_PRIVILEGES);
      return;
    }
    String written = entry.written();
    if (!service.plan.options().overrides(NoNewPrivilegesCheck.ID)) {
      service.plan.keep(NoNewPrivilegesCheck.ID, service.subject, "security_opt", written);
      return;
    }
    if (!entry.path().segments().get(0).equals("security_opt")
        || service.ownEntry("security_opt") == null) {
      service.plan.cannot(
          NoNewPrivilegesCheck.ID,
          service.subject
              + ": security_opt is inherited; set no-new-privileges:true where it is written");
      return;
    }
    service.plan.set(entry.path(), NO_NEW_PRIVILEGES);
    service.plan.changed(service.subject, "security_opt", written, NO_NEW_PRIVILEGES);
  }

  private static void user(Service service) {
    FixOptions options = service.plan.options();
    ContainerConfig config = service.config;
    if (config.hasNonRootUser()) {
      return;
    }
    if (options.user() != null
        && options.needsOf(config.image()).filter(ProvenNeeds::root).isPresent()) {
      service.plan.cannot(
          UserCheck.ID,
          service.subject
              + ": a trial proved that its image must start as root (fix --discover); user not"
              + " set to "
              + options.user());
      return;
    }
    if (options.user() == null) {
      service.plan.cannot(
          UserCheck.ID,
          service.subject
              + ": runs as "
              + (config.user() == null || config.user().isBlank()
                  ? "the image's user"
                  : config.user())
              + "; give a non-root user with --user to set one");
      return;
    }
    if (config.user() != null && !config.user().isBlank()) {
      service.plan.changed(service.subject, "user", config.user(), options.user());
    }
    setScalar(service, UserCheck.ID, "user", options.user());
  }

  /** A Kubernetes quantity as a Docker size: {@code 64Mi} is {@code 64m}. */
  static String dockerSize(String quantity) {
    Matcher matcher = QUANTITY.matcher(quantity);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("invalid size \"" + quantity + "\"");
    }
    String unit = matcher.group(2);
    return matcher.group(1)
        + (unit == null ? "" : unit.substring(0, 1).toLowerCase(java.util.Locale.ROOT));
  }

  /** The entrypoint and command words of a written service, for the knowledge base. */
  public static List<String> commandOf(MappingNode service) {
    List<String> words = new ArrayList<>();
    for (String field : List.of("entrypoint", "command")) {
      Node value = service.get(field);
      if (value instanceof ScalarNode scalar && !scalar.isNull()) {
        words.addAll(List.of(scalar.value().split("\\s+")));
      } else if (value instanceof SequenceNode sequence) {
        for (Node item : sequence.items()) {
          if (item instanceof ScalarNode scalar) {
            words.add(scalar.value());
          }
        }
      }
    }
    return words;
  }
}
