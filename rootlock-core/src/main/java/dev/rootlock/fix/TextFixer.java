package dev.rootlock.fix;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.source.SourceKind;
import java.util.List;

/**
 * Fixes one text as what it is, told apart the way {@code rootlock scan} tells it: a Compose file
 * by its name or content, else Kubernetes manifests. Dockerfiles are not fixed.
 */
final class TextFixer {

  private final ManifestFixer manifests;
  private final ComposeFixer compose;

  /** A fixer over one options object, exemptions included, shared by both readers' fixers. */
  TextFixer(FixOptions options) {
    this.manifests = new ManifestFixer(options);
    this.compose = new ComposeFixer(options);
  }

  TextFix fix(String displayName, String text) {
    return switch (SourceKind.ofDisplayName(displayName, text)) {
      case DOCKERFILE ->
          TextFix.failed(
              "is a Dockerfile; rootlock fix changes Kubernetes manifests and Compose files",
              List.of());
      case COMPOSE -> compose.fix(displayName, text);
      case KUBERNETES -> manifests.fix(displayName, text);
    };
  }
}
