package dev.rootlock.source;

import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.source.compose.ComposeSourceReader;
import dev.rootlock.source.dockerfile.DockerfileSourceReader;
import dev.rootlock.source.kube.ManifestSourceReader;
import java.util.List;

/**
 * The readers, one per {@link SourceKind}, in the order they are asked: the first that takes a text
 * reads it, and Kubernetes manifests take whatever is left.
 */
public final class SourceReaders {

  private final List<SourceReader> readers;

  private SourceReaders(List<SourceReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** The readers, with {@code kinds} (the built-in ones plus the user's) read as workloads. */
  public static SourceReaders of(WorkloadKinds kinds) {
    return new SourceReaders(
        List.of(
            new DockerfileSourceReader(),
            new ComposeSourceReader(),
            new ManifestSourceReader(kinds)));
  }

  /**
   * The reader for {@code text}, read from a file whose base name is {@code fileName} (empty for
   * standard input).
   */
  public SourceReader readerFor(String fileName, String text) {
    for (SourceReader reader : readers) {
      if (reader.supports(fileName, text)) {
        return reader;
      }
    }
    throw new AssertionError("the manifest reader takes every text");
  }

  /** The reader of {@code kind}, for a kind the user named ({@code --input-type}). */
  public SourceReader of(SourceKind kind) {
    for (SourceReader reader : readers) {
      if (reader.kind() == kind) {
        return reader;
      }
    }
    throw new AssertionError("no reader for " + kind);
  }

  /** Reads {@code text}, from the file the user named {@code displayName}, with its reader. */
  public ParsedSource read(String displayName, String text) {
    return readerFor(SourceKind.baseName(displayName), text).read(displayName, text);
  }
}
