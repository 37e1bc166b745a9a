package dev.rootlock.source;

import dev.rootlock.model.InputError;

/** A file's text, or why it could not be had. */
public sealed interface LoadedFile permits LoadedFile.Text, LoadedFile.Unreadable {

  /** The file decoded as UTF-8. */
  record Text(String displayName, String text) implements LoadedFile {}

  /** The file could not be read, or is not UTF-8 text. */
  record Unreadable(InputError error) implements LoadedFile {}
}
