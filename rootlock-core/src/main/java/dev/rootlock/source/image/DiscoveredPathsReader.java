package dev.rootlock.source.image;

import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.model.image.ImageReference;
import dev.rootlock.model.image.WritablePath;
import dev.rootlock.source.image.ImageKnowledge.KnowledgeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the file {@code rootlock docker discover} writes and {@code rootlock fix --paths-from} takes
 * (docs/discover-output.md): one object {@code {"image": ..., "paths": [{"path", "medium",
 * "sizeLimit", "purpose"}], "notes": [...]}} or a list of them. JSON is read as YAML, so a
 * hand-written YAML file works too.
 */
public final class DiscoveredPathsReader {

  private DiscoveredPathsReader() {}

  /** Reads {@code file}; a malformed file is an {@link IllegalArgumentException} naming it. */
  public static List<DiscoveredPaths> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses the text of a discover result; {@code where} names it in error messages. */
  public static List<DiscoveredPaths> parse(String text, String where) {
    Object document;
    try {
      document = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(where + ": not JSON or YAML: " + e.getMessage(), e);
    }
    List<?> items = document instanceof List<?> list ? list : List.of(document == null ? "" : document);
    List<DiscoveredPaths> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = items.size() == 1 && !(document instanceof List<?>) ? where : where + "[" + i + "]";
      Map<?, ?> entry = KnowledgeYaml.mapping(items.get(i), at);
      String image = KnowledgeYaml.string(entry.get("image"), at + ": image");
      List<WritablePath> paths = new ArrayList<>();
      for (Object path : KnowledgeYaml.list(entry.get("paths"), at + ": paths")) {
        paths.add(KnowledgeYaml.writablePath(KnowledgeYaml.mapping(path, at + ": path"), at));
      }
      results.add(
          new DiscoveredPaths(
              ImageReference.parse(image),
              paths,
              KnowledgeYaml.strings(entry.get("notes"), at + ": notes")));
    }
    return results;
  }
}
