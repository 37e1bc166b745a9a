package dev.rootlock.source.compose;

import dev.rootlock.model.InputError;
import dev.rootlock.model.docker.DockerObject;
import java.util.List;

/**
 * A Compose file read for checking: one object per service that could be read, in file order, and
 * everything that could not (a file that is not a mapping, a service that is not one, an {@code
 * extends} that leads nowhere), each with its position. One bad service never hides the others.
 *
 * @param unknownVariables variables the project reads that are not set, with no default written
 *     ({@code ${VAR}}, {@code ${VAR:+alt}}): their value at run time is unknown here, sorted
 * @param defaultedVariables variables that are not set and whose written default was used, sorted
 */
public record ComposeFile(
    String file,
    List<DockerObject> services,
    List<InputError> errors,
    List<String> unknownVariables,
    List<String> defaultedVariables) {

  public ComposeFile {
    services = List.copyOf(services);
    errors = List.copyOf(errors);
    unknownVariables = List.copyOf(unknownVariables);
    defaultedVariables = List.copyOf(defaultedVariables);
  }

  /** A file read with every variable it reads set, or read without interpolation. */
  public ComposeFile(String file, List<DockerObject> services, List<InputError> errors) {
    this(file, services, errors, List.of(), List.of());
  }
}
