package dev.rootlock.source.tree;

/**
 * Bounds that keep reading hostile input cheap in time and memory.
 *
 * @param maxDocumentCodePoints the largest document read (snakeyaml-engine's own default, 3 MiB, is
 *     too small for real bundles)
 * @param maxDepth the deepest nesting of mappings and sequences
 * @param maxAliasesForCollections how many aliases of mappings or sequences one document may use
 * @param maxAliasedNodes how many nodes one document may repeat through aliases in all, which is
 *     what stops "billion laughs" documents
 */
public record TreeLimits(
    int maxDocumentCodePoints, int maxDepth, int maxAliasesForCollections, long maxAliasedNodes) {

  /** 64 Mi code points, 1000 levels, 100 aliases of collections, a million aliased nodes. */
  public static final TreeLimits DEFAULT = new TreeLimits(64 * 1024 * 1024, 1000, 100, 1_000_000);

  public TreeLimits {
    if (maxDocumentCodePoints < 1
        || maxDepth < 1
        || maxAliasesForCollections < 0
        || maxAliasedNodes < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
