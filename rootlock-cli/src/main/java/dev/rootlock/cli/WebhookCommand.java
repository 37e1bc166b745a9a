package dev.rootlock.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code rootlock webhook}: the admission webhook and its installation manifests. */
final class WebhookCommand {

  /** The model of {@code rootlock webhook} and its verbs. */
  static CommandSpec spec() {
    CommandSpec spec = Commands.create(new WebhookCommand(), "webhook");
    spec.usageMessage()
        .header("Enforce, warn and audit read-only roots at admission, by namespace label.")
        .description(
            "Namespaces opt in with rootlock.dev/enforce, rootlock.dev/warn and"
                + " rootlock.dev/audit labels (privileged, baseline, restricted or hardened;"
                + " versions with rootlock.dev/<mode>-version), the same rollout model as Pod"
                + " Security Admission and the same messages. rootlock.dev/mutate: \"true\" also"
                + " makes rootlock fix's changes to new pods (read-only roots, a bounded /tmp, the"
                + " paths known images write).");
    spec.addSubcommand("serve", WebhookServeCommand.spec())
        .addSubcommand("manifests", WebhookManifestsCommand.spec());
    return Commands.withStandardHelp(spec);
  }
}
