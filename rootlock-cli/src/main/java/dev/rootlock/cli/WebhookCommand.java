package dev.rootlock.cli;

import picocli.CommandLine.Command;

/** {@code rootlock webhook}: the admission webhook and its installation manifests. */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Enforce, warn and audit read-only roots at admission, by namespace label.",
    description =
        "Namespaces opt in with rootlock.dev/enforce, rootlock.dev/warn and rootlock.dev/audit"
            + " labels (privileged, baseline, restricted or hardened; versions with"
            + " rootlock.dev/<mode>-version), the same rollout model as Pod Security Admission and"
            + " the same messages. rootlock.dev/mutate: \"true\" also makes rootlock fix's changes"
            + " to new pods (read-only roots, a bounded /tmp, the paths known images write).",
    subcommands = {WebhookServeCommand.class, WebhookManifestsCommand.class})
final class WebhookCommand {}
