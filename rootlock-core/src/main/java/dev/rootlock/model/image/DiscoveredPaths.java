package dev.rootlock.model.image;

import java.util.List;

/**
 * The writable directories found for one image by {@code rootlock docker discover}, as read back by
 * {@code rootlock fix --paths-from}. Unlike a {@link KnownImage}, it applies to one image at the
 * tag (and digest) it names: another version may write elsewhere.
 */
public record DiscoveredPaths(ImageReference image, List<WritablePath> paths, List<String> notes) {

  public DiscoveredPaths {
    paths = List.copyOf(paths);
    notes = List.copyOf(notes);
  }

  /** Whether this result is for {@code image} (see {@link ImageReference#sameImage}). */
  public boolean appliesTo(String image) {
    return this.image.sameImage(ImageReference.parse(image));
  }
}
