package dev.rootlock.model.fix;

import dev.rootlock.model.image.ImageReference;
import java.util.List;

/**
 * What a trial proved an image needs beyond paths: the capabilities it must get back after {@code
 * drop: [ALL]}, and whether it must start as root. Found by {@code fix --discover}; the fix then
 * writes them instead of the settings that stopped the container.
 */
public record ProvenNeeds(ImageReference image, List<String> capabilities, boolean root) {

  public ProvenNeeds {
    capabilities = List.copyOf(capabilities);
  }

  public boolean appliesTo(String other) {
    return other != null && image.sameImage(ImageReference.parse(other));
  }
}
