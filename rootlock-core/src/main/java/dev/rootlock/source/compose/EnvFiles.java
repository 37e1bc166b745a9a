package dev.rootlock.source.compose;

import dev.rootlock.model.InputError;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.LoadedFile;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code env_file}: {@code env_file: a.env}, a list of names, or a list of {@code
 * {path, required}}, each resolved against the directory of the Compose file that names it and read
 * as Compose reads it ({@code KEY=VALUE} lines, as {@link DotEnv}), later files winning. The
 * container's environment is these variables under the service's {@code environment}. A missing
 * file is an error, as Compose refuses to start without it, unless {@code required: false}.
 */
final class EnvFiles {

  private EnvFiles() {}

  /** The variables {@code service}'s env files set, by name; errors go to {@code errors}. */
  static Map<String, String> read(
      MappingNode service, NodeOrigins origins, List<InputError> errors) {
    Map<String, String> variables = new LinkedHashMap<>();
    Node node = service.get("env_file");
    if (node == null || node.isNull()) {
      return variables;
    }
    List<Node> items = node instanceof SequenceNode sequence ? sequence.items() : List.of(node);
    for (Node item : items) {
      ScalarNode name = null;
      boolean required = true;
      if (item instanceof ScalarNode scalar && !scalar.isNull()) {
        name = scalar;
      } else if (item instanceof MappingNode mapping
          && mapping.get("path") instanceof ScalarNode path
          && !path.isNull()) {
        name = path;
        required =
            !(mapping.get("required") instanceof ScalarNode flag
                && Boolean.FALSE.equals(flag.asBoolean()));
      }
      NodeOrigins.Origin origin = name == null ? origins.of(item) : origins.of(name);
      String file = origin == null ? "-" : origin.file();
      if (name == null) {
        errors.add(
            new InputError(
                file, item.start(), "env_file items must be a path or {path, required}"));
        continue;
      }
      if (origin == null || origin.dir() == null) {
        // A text with no directory (standard input): nothing to resolve the name against.
        continue;
      }
      Path path = origin.dir().resolve(name.value()).normalize();
      if (!Files.exists(path)) {
        if (required) {
          errors.add(
              new InputError(
                  file,
                  name.start(),
                  "env file " + path + " not found: stat " + path + ": no such file or directory"));
        }
        continue;
      }
      String display = ComposeReader.display(file, name.value());
      switch (InputFiles.read(new InputFile(display, path))) {
        case LoadedFile.Unreadable unreadable -> errors.add(unreadable.error());
        case LoadedFile.Text text ->
            DotEnv.parse(text.text(), display)
                .forEach((key, binding) -> variables.put(key, binding.value()));
      }
    }
    return variables;
  }
}
