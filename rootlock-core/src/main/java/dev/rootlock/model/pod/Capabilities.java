package dev.rootlock.model.pod;

import java.util.List;

/** {@code securityContext.capabilities}; lists are empty when unset. */
public record Capabilities(List<String> add, List<String> drop) {

  public static final Capabilities NONE = new Capabilities(List.of(), List.of());

  public Capabilities {
    add = List.copyOf(add);
    drop = List.copyOf(drop);
  }
}
