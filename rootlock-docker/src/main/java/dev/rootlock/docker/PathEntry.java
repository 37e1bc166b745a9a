package dev.rootlock.docker;

/**
 * A file-system entry read through the engine: permission bits ({@code mode & 07777}), owner and
 * group ids, kind, and for a regular file up to the requested number of bytes of content.
 */
@SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
public record PathEntry(
    String path, int mode, long uid, long gid, boolean directory, byte[] content) {

  public PathEntry {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
