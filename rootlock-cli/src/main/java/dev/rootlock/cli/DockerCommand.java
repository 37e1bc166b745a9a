package dev.rootlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock docker}: the Docker verbs; alone, it only says which ones there are. */
final class DockerCommand implements Runnable {

  CommandSpec spec;

  /** The model of {@code rootlock docker} and its verbs. */
  static CommandSpec spec() {
    DockerCommand docker = new DockerCommand();
    CommandSpec spec = Commands.create(docker, "docker");
    docker.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .header(
            "Check docker run lines, audit and verify live containers, discover writable paths.")
        .description(
            "",
            "lint checks a docker run command line without running anything. audit, discover and"
                + " verify talk to the Docker engine that DOCKER_HOST names (default"
                + " unix:///var/run/docker.sock); rootlock never pulls an image, and removes every"
                + " container it creates.",
            "")
        .footer(
            "",
            "Examples:",
            "  rootlock docker lint -- docker run -d -v /srv:/srv nginx",
            "  rootlock docker audit --all",
            "  rootlock docker discover --exercise 'wget -qO- localhost' rootlock-test/nginx",
            "  rootlock docker verify --drill web",
            "",
            "Exit codes: 0 all good, 1 a violation or a protection that does not hold, 2 usage"
                + " error, no usable Docker engine or another failure.");
    spec.addSubcommand("lint", DockerLintCommand.spec())
        .addSubcommand("audit", DockerAuditCommand.spec())
        .addSubcommand("discover", DockerDiscoverCommand.spec())
        .addSubcommand("verify", DockerVerifyCommand.spec())
        .addSubcommand("help", HelpCommand.spec());
    return Commands.withStandardHelp(spec);
  }

  /**
   * lint reads a whole {@code docker run} line after its own options; stopping at the first
   * positional keeps Docker's {@code -p}, {@code -u} or {@code -h} from being taken for rootlock's.
   */
  static void configure(CommandLine docker) {
    docker.getSubcommands().get("lint").setStopAtPositional(true);
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: choose lint, audit, discover or verify");
  }
}
