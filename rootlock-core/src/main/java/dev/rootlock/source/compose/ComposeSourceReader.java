package dev.rootlock.source.compose;

import dev.rootlock.source.ParsedSource;
import dev.rootlock.source.SourceKind;
import dev.rootlock.source.SourceReader;

/**
 * A Compose file, by its name or a top-level {@code services:} of its own. Its project is assembled
 * by the verb (see {@link ParsedSource.Compose}).
 */
public final class ComposeSourceReader implements SourceReader {

  @Override
  public SourceKind kind() {
    return SourceKind.COMPOSE;
  }

  @Override
  public boolean supports(String fileName, String text) {
    return SourceKind.COMPOSE.supports(fileName, text);
  }

  @Override
  public ParsedSource.Compose read(String displayName, String text) {
    return new ParsedSource.Compose(displayName, text);
  }
}
