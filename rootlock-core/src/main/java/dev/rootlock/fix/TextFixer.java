package dev.rootlock.fix;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.kube.ManifestParser;
import dev.rootlock.source.tree.Node;
import java.nio.file.Path;
import java.util.List;

/**
 * Fixes one text as what it is: a Compose file (by its name, or a {@code services} mapping without
 * a {@code kind}), or else Kubernetes manifests.
 */
final class TextFixer {

  private final ManifestFixer manifests;
  private final ComposeFixer compose;
  private final ManifestParser parser = new ManifestParser();

  TextFixer(FixOptions options) {
    this.manifests = new ManifestFixer(options);
    this.compose = new ComposeFixer(options);
  }

  TextFix fix(String displayName, String text) {
    return isCompose(displayName, text)
        ? compose.fix(displayName, text)
        : manifests.fix(displayName, text);
  }

  private boolean isCompose(String displayName, String text) {
    Path name = Path.of(displayName).getFileName();
    if (name != null && ComposeReader.isComposeFileName(name.toString())) {
      return true;
    }
    List<Node> documents = parser.parse(displayName, text).documents();
    return documents.size() == 1 && ComposeReader.isComposeDocument(documents.get(0));
  }
}
