package dev.rootlock.model.image;

import java.util.Locale;

/**
 * A container image reference split the way Docker resolves it: {@code nginx:1.27} is {@code
 * docker.io/library/nginx} at tag {@code 1.27}. Unresolvable text (a template placeholder such as
 * {@code ${IMAGE}}) still parses; it just matches nothing.
 *
 * @param registry the registry host (with port), {@code docker.io} when none is written
 * @param repository the path inside the registry, with Docker Hub's {@code library/} for official
 *     images
 * @param tag the tag, or null
 * @param digest the digest ({@code sha256:...}), or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  private static final String DOCKER_HUB = "docker.io";

  /** Parses {@code [registry/][namespace/]name[:tag][@digest]}. */
  public static ImageReference parse(String text) {
    String rest = text == null ? "" : text.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash >= 0 && isRegistry(rest.substring(0, slash))) {
      registry = rest.substring(0, slash).toLowerCase(Locale.ROOT);
      rest = rest.substring(slash + 1);
      if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
        registry = DOCKER_HUB;
      }
    }
    if (registry.equals(DOCKER_HUB) && rest.indexOf('/') < 0) {
      rest = "library/" + rest;
    }
    return new ImageReference(registry, rest, tag, digest);
  }

  /** Docker's rule: a first component is a host when it has a dot or a port, or is localhost. */
  private static boolean isRegistry(String component) {
    return component.contains(".") || component.contains(":") || component.equals("localhost");
  }

  /** {@code registry/repository}: what knowledge-base patterns are matched against. */
  public String qualifiedName() {
    return registry + "/" + repository;
  }

  /** The last path component: {@code nginx} for {@code docker.io/library/nginx}. */
  public String name() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  /**
   * Whether {@code other} names the same image as this one: the same repository, and the same tag
   * and digest wherever both are written.
   */
  public boolean sameImage(ImageReference other) {
    return qualifiedName().equals(other.qualifiedName())
        && (tag == null || other.tag == null || tag.equals(other.tag))
        && (digest == null || other.digest == null || digest.equals(other.digest));
  }
}
