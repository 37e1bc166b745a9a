package dev.rootlock.docker.trial;

/**
 * A volume or bind mount of a trial, as {@code -v SOURCE:TARGET[:ro]}: {@code source} is a host
 * path (a bind), a volume name, or empty for an anonymous volume (then {@code -v TARGET}).
 */
public record TrialVolume(String source, String target, boolean readOnly) {

  public TrialVolume {
    source = source == null ? "" : source;
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException("a mount target must be absolute, got " + target);
    }
  }

  /** A bind of a host path: its source starts with a slash. */
  public boolean bind() {
    return source.startsWith("/");
  }

  /** A named volume (a source that is not a path), which Compose must declare at the top level. */
  public boolean namedVolume() {
    return !source.isEmpty() && !bind();
  }

  /** The {@code -v} value, also Compose's short volume syntax. */
  public String spec() {
    String base = source.isEmpty() ? target : source + ":" + target;
    return readOnly ? (source.isEmpty() ? target + ":ro" : base + ":ro") : base;
  }
}
