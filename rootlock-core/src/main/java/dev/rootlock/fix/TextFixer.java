package dev.rootlock.fix;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.dockerfile.DockerfileReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Fixes one text as what it is, told apart the way {@code rootlock scan} tells it: a Compose file
 * by its name or content, else Kubernetes manifests. Dockerfiles are not fixed.
 */
final class TextFixer {

  private final ManifestFixer manifests;
  private final ComposeFixer compose;

  TextFixer(FixOptions options) {
    this(options, dev.rootlock.fix.plan.FixExemptions.OFF);
  }

  TextFixer(FixOptions options, dev.rootlock.fix.plan.FixExemptions exemptions) {
    this.manifests = new ManifestFixer(options, exemptions);
    this.compose = new ComposeFixer(options, exemptions);
  }

  TextFix fix(String displayName, String text) {
    Path path = displayName.equals("-") ? null : Path.of(displayName).getFileName();
    String name = path == null ? "" : path.toString();
    if (DockerfileReader.isDockerfileName(name)) {
      return TextFix.failed(
          "is a Dockerfile; rootlock fix changes Kubernetes manifests and Compose files",
          List.of());
    }
    if (ComposeReader.isComposeFileName(name) || ComposeReader.looksLikeCompose(text)) {
      return compose.fix(displayName, text);
    }
    return manifests.fix(displayName, text);
  }
}
