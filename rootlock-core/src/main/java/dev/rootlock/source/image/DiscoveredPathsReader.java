package dev.rootlock.source.image;

import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.model.image.ImageReference;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.image.ImageKnowledge.KnowledgeYaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the file {@code rootlock docker discover} writes (docs/discover-output.md, format version
 * 1) for {@code rootlock fix --paths-from}: the image, its {@code writablePaths}, and as notes the
 * paths it refused and what it could not prove. Unknown fields are ignored, another {@code version}
 * is refused. A JSON list of such objects is read too.
 */
public final class DiscoveredPathsReader {

  private static final String KIND = "rootlock.discover";

  private DiscoveredPathsReader() {}

  /** Reads {@code file}; a malformed file is an {@link IllegalArgumentException} naming it. */
  public static List<DiscoveredPaths> read(Path file) throws IOException {
    // Bounded and regular files only, like every input (a --paths-from /dev/zero must not hang).
    byte[] bytes = InputFiles.readFile(file);
    if (bytes.length > InputFiles.MAX_FILE_BYTES) {
      throw new IllegalArgumentException(
          file + ": larger than " + (InputFiles.MAX_FILE_BYTES >> 20) + " MiB");
    }
    return parse(
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(),
        file.toString());
  }

  /** Parses the text of a discover result; {@code where} names it in error messages. */
  public static List<DiscoveredPaths> parse(String text, String where) {
    Object document;
    try {
      document = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(where + ": not JSON: " + e.getMessage(), e);
    }
    boolean many = document instanceof List<?>;
    List<?> items = many ? (List<?>) document : java.util.Collections.singletonList(document);
    List<DiscoveredPaths> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      results.add(result(items.get(i), many ? where + "[" + i + "]" : where));
    }
    return results;
  }

  private static DiscoveredPaths result(Object item, String at) {
    Map<?, ?> entry = KnowledgeYaml.mapping(item, at);
    if (!KIND.equals(entry.get("kind"))) {
      throw new IllegalArgumentException(
          at + ": not a rootlock docker discover result (kind must be \"" + KIND + "\")");
    }
    if (!Integer.valueOf(1).equals(entry.get("version"))) {
      throw new IllegalArgumentException(
          at
              + ": unsupported discover format version "
              + entry.get("version")
              + " (this rootlock reads version 1)");
    }
    String image = KnowledgeYaml.string(entry.get("image"), at + ": image");
    List<WritablePath> paths = new ArrayList<>();
    for (Object pathItem : KnowledgeYaml.list(entry.get("writablePaths"), at + ": writablePaths")) {
      paths.add(writablePath(KnowledgeYaml.mapping(pathItem, at + ": writablePaths[]"), at));
    }
    List<String> notes = new ArrayList<>();
    if (Boolean.FALSE.equals(entry.get("proven"))) {
      notes.add(image + ": discovery did not prove these paths with a read-only run");
    }
    for (Object refused : KnowledgeYaml.list(entry.get("refusedPaths"), at + ": refusedPaths")) {
      Map<?, ?> map = KnowledgeYaml.mapping(refused, at + ": refusedPaths[]");
      notes.add(image + ": not made writable: " + map.get("path") + " (" + map.get("reason") + ")");
    }
    for (Object unproven : KnowledgeYaml.list(entry.get("unproven"), at + ": unproven")) {
      notes.add(image + ": unproven: " + unproven);
    }
    return new DiscoveredPaths(ImageReference.parse(image), paths, notes);
  }

  private static WritablePath writablePath(Map<?, ?> map, String at) {
    String path = KnowledgeYaml.string(map.get("path"), at + ": writablePaths[].path");
    String where = at + ": " + path;
    try {
      Medium medium = Medium.parse(KnowledgeYaml.string(map.get("medium"), where + ": medium"));
      String sizeLimit = null;
      if (medium != Medium.PERSISTENT) {
        if (!(map.get("sizeMiB") instanceof Number size) || size.longValue() <= 0) {
          throw new IllegalArgumentException("sizeMiB must be a positive number");
        }
        sizeLimit = size.longValue() + "Mi";
      }
      String options =
          map.get("tmpfsOptions") instanceof String text && !text.isEmpty() ? text : null;
      return new WritablePath(path, medium, sizeLimit, purpose(map), options);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String purpose(Map<?, ?> map) {
    if (map.get("note") instanceof String note && !note.isEmpty()) {
      return note;
    }
    List<?> evidence = KnowledgeYaml.list(map.get("evidence"), "evidence");
    return evidence.isEmpty() ? "discovered" : "discovered: " + evidence.get(0);
  }
}
