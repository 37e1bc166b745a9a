package dev.rootlock.source;

import dev.rootlock.model.InputError;
import dev.rootlock.source.compose.ComposeFile;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.dockerfile.ParsedDockerfile;
import dev.rootlock.source.kube.ManifestParser;
import dev.rootlock.source.kube.ReadResult;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.TreeException;
import java.util.Optional;

/**
 * One text as its {@link SourceReader} read it: the text, its trees with positions and the model
 * objects decoded from them. Scan evaluates it and fix plans over it, so a text is read once for
 * either verb.
 */
public sealed interface ParsedSource {

  /** The name to report ({@code -} for standard input). */
  String displayName();

  /** The text as read. */
  String text();

  /** Kubernetes manifests: the documents' trees and the workloads decoded from them. */
  record Manifests(String displayName, String text, ManifestParser.Parsed parsed, ReadResult read)
      implements ParsedSource {}

  /** A Dockerfile, or why it cannot be read ({@code error} set, {@code dockerfile} null). */
  record Dockerfile(String displayName, String text, ParsedDockerfile dockerfile, InputError error)
      implements ParsedSource {}

  /**
   * A Compose file. What its services are depends on what else is read with it (override files,
   * {@code include:}, {@code .env}), which the verb decides: scan assembles the project as {@code
   * docker compose} run in its directory does, fix edits this one file. So the file read alone, and
   * its tree as written, are read once when first asked for.
   */
  final class Compose implements ParsedSource {
    private final String displayName;
    private final String text;
    private ComposeFile alone;
    private Optional<Node> tree;
    private TreeException treeError;

    public Compose(String displayName, String text) {
      this.displayName = displayName;
      this.text = text;
    }

    @Override
    public String displayName() {
      return displayName;
    }

    @Override
    public String text() {
      return text;
    }

    /** The file's services read alone, with no variables set (what fix hardens). */
    public synchronized ComposeFile alone() {
      if (alone == null) {
        alone = ComposeReader.read(displayName, text);
      }
      return alone;
    }

    /**
     * The document tree as written, merge keys and {@code extends} not applied (what fix edits).
     */
    public synchronized Optional<Node> tree() throws TreeException {
      if (tree == null && treeError == null) {
        try {
          tree = ComposeReader.parseDocument(text);
        } catch (TreeException e) {
          treeError = e;
        }
      }
      if (treeError != null) {
        throw treeError;
      }
      return tree;
    }
  }
}
