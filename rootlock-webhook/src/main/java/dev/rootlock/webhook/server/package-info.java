/**
 * The webhook's server: HTTPS on the JDK's server with a reloading key manager, the review, health
 * and metrics endpoints, and the fabric8 adapters for the admission ports (the namespace label
 * informer, the pod lister).
 */
package dev.rootlock.webhook.server;
