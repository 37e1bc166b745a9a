package dev.rootlock.model.pod;

import dev.rootlock.model.FieldPath;
import java.util.Objects;

/**
 * A field the API server's schema does not have, which kubectl's strict field validation refuses.
 *
 * @param path where it is, relative to the pod template's root
 * @param suggestion the known field it is probably meant to be (differing only in case, or by a
 *     small edit), or null
 */
public record UnknownField(FieldPath path, String suggestion) {

  public UnknownField {
    Objects.requireNonNull(path, "path");
  }

  /** The misspelled key as written. */
  public String name() {
    return (String) path.segments().get(path.segments().size() - 1);
  }
}
