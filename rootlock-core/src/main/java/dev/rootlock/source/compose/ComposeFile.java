package dev.rootlock.source.compose;

import dev.rootlock.model.InputError;
import dev.rootlock.model.docker.DockerObject;
import java.util.List;

/**
 * A Compose file read for checking: one object per service that could be read, in file order, and
 * everything that could not (a file that is not a mapping, a service that is not one, an {@code
 * extends} that leads nowhere), each with its position. One bad service never hides the others.
 */
public record ComposeFile(String file, List<DockerObject> services, List<InputError> errors) {

  public ComposeFile {
    services = List.copyOf(services);
    errors = List.copyOf(errors);
  }
}
