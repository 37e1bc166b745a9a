/**
 * The install manifests: YAML resource files ({@code dev/rootlock/webhook/install/*.yaml}) with
 * named placeholders, rendered by {@code InstallTemplates} for {@code rootlock webhook manifests}
 * and rewritten as the Helm chart's templates.
 */
package dev.rootlock.webhook.install;
