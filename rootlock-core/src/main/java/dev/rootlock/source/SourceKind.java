package dev.rootlock.source;

import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.dockerfile.DockerfileReader;
import java.nio.file.Path;

/**
 * What a text holds, and the one place that decides it, for scan, fix and fix's proofs alike: each
 * kind says whether it takes a file by its name and content, and the first that does wins, in
 * declaration order. Kubernetes manifests take whatever is left.
 */
public enum SourceKind {
  /** A Dockerfile, known by its name only (it has no extension and no marker to go by). */
  DOCKERFILE {
    @Override
    public boolean supports(String fileName, String text) {
      return DockerfileReader.isDockerfileName(fileName);
    }
  },
  /** A Compose file, by its name or, failing that, by a top-level {@code services:} of its own. */
  COMPOSE {
    @Override
    public boolean supports(String fileName, String text) {
      return ComposeReader.isComposeFileName(fileName) || ComposeReader.looksLikeCompose(text);
    }
  },
  /** Kubernetes manifests: YAML documents or JSON values, kubectl's way. */
  KUBERNETES {
    @Override
    public boolean supports(String fileName, String text) {
      return true;
    }
  };

  /**
   * Whether this kind's reader takes {@code text}, read from a file whose base name is {@code
   * fileName} (empty for standard input).
   */
  public abstract boolean supports(String fileName, String text);

  /** The kind of {@code text}, read from the file whose base name is {@code fileName}. */
  public static SourceKind of(String fileName, String text) {
    for (SourceKind kind : values()) {
      if (kind.supports(fileName, text)) {
        return kind;
      }
    }
    throw new AssertionError("KUBERNETES takes every text");
  }

  /** As {@link #of}, for a name as the user gave it ({@code -}: standard input). */
  public static SourceKind ofDisplayName(String displayName, String text) {
    return of(baseName(displayName), text);
  }

  /** The base name of {@code displayName}; empty for standard input. */
  public static String baseName(String displayName) {
    if (displayName.equals(InputFile.STDIN)) {
      return "";
    }
    Path name = Path.of(displayName).getFileName();
    return name == null ? "" : name.toString();
  }
}
