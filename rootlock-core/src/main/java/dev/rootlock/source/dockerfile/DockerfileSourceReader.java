package dev.rootlock.source.dockerfile;

import dev.rootlock.model.InputError;
import dev.rootlock.source.ParsedSource;
import dev.rootlock.source.SourceKind;
import dev.rootlock.source.SourceReader;

/** A Dockerfile, known by its name only: its final stage as the image it builds. */
public final class DockerfileSourceReader implements SourceReader {

  @Override
  public SourceKind kind() {
    return SourceKind.DOCKERFILE;
  }

  @Override
  public boolean supports(String fileName, String text) {
    return SourceKind.DOCKERFILE.supports(fileName, text);
  }

  @Override
  public ParsedSource.Dockerfile read(String displayName, String text) {
    try {
      return new ParsedSource.Dockerfile(
          displayName, text, DockerfileReader.read(displayName, text), null);
    } catch (DockerfileException e) {
      return new ParsedSource.Dockerfile(
          displayName, text, null, new InputError(displayName, e.position(), e.getMessage()));
    }
  }
}
