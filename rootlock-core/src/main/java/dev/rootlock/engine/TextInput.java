package dev.rootlock.engine;

/**
 * A text to scan that is not a file: a document Helm rendered, say.
 *
 * @param displayName the name findings give it ({@code web/templates/deployment.yaml})
 * @param text Kubernetes manifests
 */
public record TextInput(String displayName, String text) {}
