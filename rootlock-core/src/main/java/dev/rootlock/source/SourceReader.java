package dev.rootlock.source;

/**
 * The reader of one kind of source text (Kubernetes manifests, a Compose file, a Dockerfile): the
 * one way scan and fix both turn a text into trees with positions and model objects. {@link
 * SourceReaders} holds one of each, asked in order.
 */
public interface SourceReader {

  /** The kind this reader reads. */
  SourceKind kind();

  /**
   * Whether this reader takes {@code text}, read from a file whose base name is {@code fileName}
   * (empty for standard input).
   */
  boolean supports(String fileName, String text);

  /**
   * Reads {@code text}, named {@code displayName} in messages ({@code -}: standard input). Bad
   * input is reported in the result, never thrown.
   */
  ParsedSource read(String displayName, String text);
}
