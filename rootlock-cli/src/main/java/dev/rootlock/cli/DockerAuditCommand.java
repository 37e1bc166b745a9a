package dev.rootlock.cli;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.audit.ContainerAudit;
import dev.rootlock.docker.audit.ContainerAuditReport;
import dev.rootlock.docker.audit.ContainerAuditTable;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.LevelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock docker audit}: judge every container on the host, as deployed. */
final class DockerAuditCommand implements Callable<Integer> {

  CommandSpec spec;

  boolean all;

  List<String> filters = new ArrayList<>();

  PolicyOptions policy;

  AuditOutputOptions output;

  ConfigOptions config;

  /** The model of {@code rootlock docker audit}. */
  static CommandSpec spec() {
    DockerAuditCommand audit = new DockerAuditCommand();
    CommandSpec spec = Commands.create(audit, "audit");
    audit.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .header("Check the containers on a Docker host against a policy level.")
        .description(
            "",
            "Inspects every running container (with --all, every container) and evaluates its"
                + " configuration with the same checks as Compose files and docker run lines.",
            "",
            "The text format is a table with one row per container: NAME, IMAGE, READONLY and"
                + " CHECKS (the first failing check and how many more); -f wide adds USER,"
                + " PRIVILEGED, CAPDROP, NO-NEW-PRIVS, SECCOMP, WRITABLE MOUNTS (tmpfs with their"
                + " options, volumes and binds) and every failing check. Both end with what each"
                + " failing check asks for. json, sarif and junit are the formats of 'rootlock"
                + " scan', with each container named docker:<name>.",
            "")
        .footer(
            "",
            "Examples:",
            "  rootlock docker audit",
            "  rootlock docker audit --all -p restricted",
            "  rootlock docker audit -f wide",
            "  rootlock docker audit --filter label=com.docker.compose.project=shop",
            "  DOCKER_HOST=unix:///run/user/1000/docker.sock rootlock docker audit -f json",
            "",
            "Exit codes: 0 every container passes, 1 some container violates, 2 usage error or no"
                + " usable Docker engine (unreachable, permission denied on its socket, timeout).");
    spec.addOption(
        Flags.flag(given -> audit.all = given, "-a", "--all")
            .description("Audit every container, not only the running ones (as docker ps -a).")
            .build());
    spec.addOption(
        Flags.list(String.class, values -> audit.filters = values, "--filter")
            .paramLabel("<key=value>")
            .description(
                "Audit only the containers docker ps --filter would list, e.g. label=app=web,"
                    + " name=api or status=exited; repeat to narrow further.")
            .build());
    audit.policy = PolicyOptions.mixInto(spec);
    audit.output = AuditOutputOptions.mixInto(spec);
    audit.config = ConfigOptions.mixInto(spec);
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() {
    AuditFormat format = output.format(); // settle -o <format> before the engine is asked
    Engine engine = Engine.standard();
    // Live containers have no file: the config is the nearest one above the working directory.
    LevelVersion level = policy.levelVersion(config.configFor(null, engine.checkIds()));
    Map<String, List<String>> engineFilters = engineFilters();
    ContainerAuditReport report;
    try (DockerEngine docker = DockerJavaEngine.fromEnvironment()) {
      report =
          new ContainerAudit(docker, engine)
              .audit(all, engineFilters, level, config.rules(engine.checkIds()));
    }
    if (format.isTable()) {
      output.writeText(
          format == AuditFormat.wide
              ? ContainerAuditTable.text(report)
              : ContainerAuditTable.narrow(report));
    } else {
      output.write(report.result(), engine);
    }
    return report.exitCode();
  }

  /** {@code label=app=web} becomes {@code label -> [app=web]}, as docker ps splits it. */
  private Map<String, List<String>> engineFilters() {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (String filter : filters) {
      int equals = filter.indexOf('=');
      if (equals <= 0) {
        throw new ParameterException(
            spec.commandLine(),
            "--filter: bad format of filter \"" + filter + "\" (expected key=value)");
      }
      byKey
          .computeIfAbsent(filter.substring(0, equals), key -> new ArrayList<>())
          .add(filter.substring(equals + 1));
    }
    return byKey;
  }
}
