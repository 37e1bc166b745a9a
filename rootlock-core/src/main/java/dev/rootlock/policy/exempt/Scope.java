package dev.rootlock.policy.exempt;

/**
 * Which objects and containers an exemption covers. Every field is a glob, or null for "any". A
 * scope that names a container or an image covers only findings about containers; one that names
 * neither also covers findings about the whole object.
 */
public record Scope(Glob namespace, Glob kind, Glob name, Glob container, Glob image) {

  public static final Scope ANY = new Scope(null, null, null, null, null);

  /** Whether the scope names a container or an image. */
  public boolean isContainerScoped() {
    return container != null || image != null;
  }

  /** Whether {@code subject} is inside this scope. */
  public boolean matches(Subject subject) {
    if (isContainerScoped() && subject.container() == null) {
      return false;
    }
    return field(namespace, subject.namespace())
        && field(kind, subject.kind())
        && field(name, subject.name())
        && field(container, subject.container())
        && (image == null || imageMatches(image, subject.image()));
  }

  private static boolean field(Glob glob, String value) {
    return glob == null || glob.matches(value);
  }

  /**
   * An image glob matches the reference as written ({@code repo:tag}, {@code repo@sha256:...}) or,
   * when the glob names no tag or digest, the repository alone: {@code nginx} covers {@code
   * nginx:1.27}.
   */
  static boolean imageMatches(Glob glob, String image) {
    if (image == null) {
      return false;
    }
    return glob.matches(image) || glob.matches(repository(image));
  }

  /** {@code image} without its tag or digest. */
  static String repository(String image) {
    int at = image.indexOf('@');
    String withoutDigest = at < 0 ? image : image.substring(0, at);
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
  }
}
