/**
 * The webhook's configuration: the {@code --config} file, PSA's and rootlock's namespace labels
 * resolved into a {@code Policy}, exemptions, field errors as Kubernetes words them, and the
 * options {@code webhook serve} is started with.
 */
package dev.rootlock.webhook.config;
