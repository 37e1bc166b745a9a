package dev.rootlock.cli;

import dev.rootlock.docker.ContainerReference;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.verify.Verifier;
import dev.rootlock.docker.verify.VerifyOutput;
import dev.rootlock.docker.verify.VerifyReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock docker verify}: confirm from outside that a container's protection holds. */
final class DockerVerifyCommand implements Callable<Integer> {

  CommandSpec spec;

  String container;

  boolean drill;

  TableOrJsonOutput output;

  /** The model of {@code rootlock docker verify}. */
  static CommandSpec spec() {
    DockerVerifyCommand verify = new DockerVerifyCommand();
    CommandSpec spec = Commands.create(verify, "verify");
    verify.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .header("Confirm that a running container's read-only protection is really active.")
        .description(
            "",
            "Reads /proc/<pid>/mountinfo and /proc/<pid>/status of the container's process from the"
                + " host: root 'ro' in the per-mount options, each writable mount with its options,"
                + " CapEff, NoNewPrivs, Seccomp, uid. When the host's /proc is out of reach"
                + " (rootlock not on the Docker host, or not root), it asks the Engine API instead."
                + " Works for images without a shell.",
            "",
            "--drill plays the attacker from inside the container, as its own user (needs a shell"
                + " in the image): writes a file into /etc, /bin and every PATH directory, writes"
                + " and runs a script in every writable mount, and tries 'mount -o remount,rw /'."
                + " Anything it manages to write is removed again.",
            "")
        .footer(
            "",
            "Examples:",
            "  rootlock docker verify web",
            "  rootlock docker verify --drill 3f2a9c1d7e4b",
            "  rootlock docker verify -f wide --drill web",
            "  rootlock docker verify -f json web | jq .problems",
            "  rootlock docker verify -f json -o verify.json web",
            "",
            "Exit codes: 0 the protection holds, 1 something that should be blocked is not (a"
                + " writable root, a successful drill step, a container able to remount /), 2 usage"
                + " error, no usable Docker engine, no such container, or a container that is not"
                + " running.");
    spec.addPositional(
        Flags.parameter(value -> verify.container = value, "CONTAINER")
            .description("Container name or id.")
            .build());
    spec.addOption(
        Flags.flag(given -> verify.drill = given, "--drill")
            .description("Also attack from inside the container (exec; only when it has a shell).")
            .build());
    verify.output = TableOrJsonOutput.mixInto(spec);
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() {
    TableFormat format = output.format(); // settle -o <format> before the engine is asked
    try {
      ContainerReference.check(container);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "CONTAINER: " + e.getMessage());
    }
    VerifyReport report;
    try (DockerEngine docker = DockerJavaEngine.fromEnvironment()) {
      Progress progress = Progress.onStandardError(spec.commandLine().getErr());
      report =
          progress.whileRunning(
              "verify: " + container,
              () ->
                  new Verifier(docker)
                      .verify(container, drill, step -> progress.step("verify: " + step)));
    }
    output.writeText(
        format == TableFormat.json
            ? VerifyOutput.json(report)
            : VerifyOutput.text(report, format == TableFormat.wide));
    return report.protectionHolds() ? 0 : 1;
  }
}
