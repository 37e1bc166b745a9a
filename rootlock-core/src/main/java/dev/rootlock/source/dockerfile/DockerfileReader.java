package dev.rootlock.source.dockerfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Locator;
import dev.rootlock.model.Position;
import dev.rootlock.model.docker.DockerfileImage;
import dev.rootlock.text.ShellWords;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Dockerfile ({@code Dockerfile}, {@code *.Dockerfile}, {@code Containerfile}) for what
 * rootlock checks: the final stage's effective {@code USER} and every {@code VOLUME} path it ends
 * up with, following {@code FROM <earlier stage>} inheritance within the file and substituting the
 * {@code ARG}/{@code ENV} values the file gives.
 */
public final class DockerfileReader {

  /** Why a VOLUME path matters to rootlock; every volume note ends with it. */
  public static final String VOLUME_NOTE =
      "Docker mounts VOLUME paths writable even under --read-only; Kubernetes does not";

  private static final JsonFactory JSON = new JsonFactory();

  /** A stage being read: what it writes itself, plus the variables in scope. */
  private static final class Draft {
    final int index;
    final String name;
    final String baseImage;
    final Position from;
    final Draft parent;
    final Map<String, String> env;
    final Map<String, String> args = new HashMap<>();
    String user;
    Position userPosition;
    final List<Stage.Volume> volumes = new ArrayList<>();

    Draft(int index, String name, String baseImage, Position from, Draft parent) {
      this.index = index;
      this.name = name;
      this.baseImage = baseImage;
      this.from = from;
      this.parent = parent;
      this.env = parent == null ? new HashMap<>() : new HashMap<>(parent.env);
    }

    /** Build arguments overlaid by the environment, which wins in Docker. */
    Map<String, String> variables() {
      Map<String, String> all = new HashMap<>(args);
      all.putAll(env);
      return all;
    }

    Stage toStage() {
      return new Stage(index, name, baseImage, from, user, userPosition, volumes);
    }
  }

  private DockerfileReader() {}

  /**
   * Whether {@code fileName} (no directory) is a Dockerfile by name: {@code Dockerfile}, {@code
   * Containerfile}, {@code *.Dockerfile}, {@code *.Containerfile}, {@code Dockerfile.*}, {@code
   * Containerfile.*}, but not a per-Dockerfile {@code .dockerignore}.
   */
  public static boolean isDockerfileName(String fileName) {
    if (fileName.endsWith(".dockerignore")) {
      return false;
    }
    for (String base : List.of("Dockerfile", "Containerfile")) {
      if (fileName.equals(base)
          || fileName.endsWith("." + base)
          || fileName.startsWith(base + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Reads {@code text}, the contents of {@code file}. */
  public static ParsedDockerfile read(String file, String text) throws DockerfileException {
    Map<String, String> globalArgs = new LinkedHashMap<>();
    List<Draft> drafts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Instruction instruction : InstructionReader.read(text)) {
      Draft current = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
      switch (instruction.keyword()) {
        case "FROM" -> drafts.add(stage(instruction, drafts, globalArgs));
        case "ARG" -> arg(instruction.arguments(), current, globalArgs);
        case "ENV" -> {
          if (current != null) {
            env(instruction.arguments(), current);
          }
        }
        case "USER" -> {
          if (current != null) {
            user(instruction, current, notes);
          }
        }
        case "VOLUME" -> {
          if (current != null) {
            for (String path : volumePaths(instruction.arguments())) {
              String substituted = Substitution.apply(path, current.variables());
              current.volumes.add(new Stage.Volume(substituted, instruction.position()));
            }
          }
        }
        default -> {
          // Other instructions do not change the user or the volumes.
        }
      }
    }
    if (drafts.isEmpty()) {
      // Placed at the top, so that every input error names a line (an editor can jump there).
      throw new DockerfileException(
          "no FROM instruction: a Dockerfile needs a build stage", Position.START);
    }
    return finish(file, drafts, notes);
  }

  /**
   * {@code USER word} as the builder expands it: quotes removed, variables substituted, and a build
   * argument declared without a default expanded to nothing (which {@code docker build} does unless
   * given {@code --build-arg}); an empty user is root. Such an argument earns a note.
   */
  private static void user(Instruction instruction, Draft stage, List<String> notes) {
    Map<String, String> variables = stage.variables();
    List<String> unset = new ArrayList<>();
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      if (variable.getValue() == null) {
        unset.add(variable.getKey());
        variable.setValue("");
      }
    }
    stage.user = Substitution.word(instruction.arguments(), variables).strip();
    stage.userPosition = instruction.position();
    if (!stage.user.isEmpty()) {
      return;
    }
    unset.stream()
        .filter(name -> Substitution.mentions(instruction.arguments(), name))
        .sorted()
        .forEach(
            name ->
                notes.add(
                    "USER "
                        + instruction.arguments()
                        + " (line "
                        + instruction.position().line()
                        + "): build argument "
                        + name
                        + " has no default; unless docker build is given --build-arg "
                        + name
                        + "=..., it is empty and the image runs as root"));
  }

  private static ParsedDockerfile finish(String file, List<Draft> drafts, List<String> notes) {
    Draft last = drafts.get(drafts.size() - 1);
    Deque<Draft> chain = new ArrayDeque<>();
    for (Draft d = last; d != null; d = d.parent) {
      chain.addFirst(d);
    }
    String user = null;
    Position userPosition = null;
    List<Stage.Volume> volumes = new ArrayList<>();
    for (Draft d : chain) {
      if (d.userPosition != null) {
        user = d.user;
        userPosition = d.userPosition;
      }
      volumes.addAll(d.volumes);
    }
    DockerfileImage image =
        new DockerfileImage(
            last.name,
            last.index,
            last.baseImage,
            user,
            volumes.stream().map(Stage.Volume::path).toList());
    for (Stage.Volume volume : volumes) {
      notes.add(
          "VOLUME \""
              + volume.path()
              + "\" (line "
              + volume.position().line()
              + "): "
              + VOLUME_NOTE);
    }
    Locator locator = new DockerfileLocator(last.from, userPosition, volumes);
    return new ParsedDockerfile(
        file, drafts.stream().map(Draft::toStage).toList(), image, locator, notes);
  }

  /**
   * Places the image's fields: {@code USER} and each {@code VOLUME} where written, the rest at the
   * last stage's {@code FROM}. A class, not a lambda: JDK 25's AOT cache holds no lambda of {@link
   * Locator}, an interface with a default method.
   */
  private record DockerfileLocator(Position from, Position user, List<Stage.Volume> volumes)
      implements Locator {

    @Override
    public Position locate(FieldPath path) {
      if (path.equals(DockerfileImage.USER) && user != null) {
        return user;
      }
      for (int i = 0; i < volumes.size(); i++) {
        if (path.equals(DockerfileImage.volumePath(i))
            || (i == 0 && path.equals(FieldPath.of(DockerfileImage.VOLUME)))) {
          return volumes.get(i).position();
        }
      }
      return from;
    }
  }

  private static Draft stage(
      Instruction instruction, List<Draft> drafts, Map<String, String> globals) {
    List<String> words = new ArrayList<>();
    for (String word : instruction.arguments().split("\\s+", -1)) {
      if (!word.isEmpty() && !(words.isEmpty() && word.startsWith("--"))) {
        words.add(word);
      }
    }
    String image = words.isEmpty() ? "" : Substitution.apply(words.get(0), globals);
    String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
    Draft parent = null;
    for (Draft earlier : drafts) {
      if (earlier.name != null && earlier.name.equalsIgnoreCase(image)) {
        parent = earlier;
      }
    }
    return new Draft(drafts.size(), name, image, instruction.position(), parent);
  }

  /**
   * {@code ARG a b=1}: globals before the first FROM; inside a stage, {@code ARG a} imports a
   * global.
   */
  private static void arg(String arguments, Draft stage, Map<String, String> globals) {
    for (Map.Entry<String, String> entry : assignments(arguments, false).entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (stage == null) {
        globals.put(name, value == null ? null : Substitution.apply(value, globals));
      } else if (value != null) {
        stage.args.put(name, Substitution.apply(value, stage.variables()));
      } else {
        stage.args.put(name, globals.get(name));
      }
    }
  }

  /** {@code ENV a=1 b="two words"} or the legacy {@code ENV a one value}. */
  private static void env(String arguments, Draft stage) {
    for (Map.Entry<String, String> entry : assignments(arguments, true).entrySet()) {
      String value = entry.getValue() == null ? "" : entry.getValue();
      stage.env.put(entry.getKey(), Substitution.apply(value, stage.variables()));
    }
  }

  /** Splits {@code a=1 b="x y" c} into names and values (null when there is no {@code =}). */
  private static Map<String, String> assignments(String arguments, boolean legacyEnv) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> words = ShellWords.splitLeniently(arguments);
    if (legacyEnv && !words.isEmpty() && !words.get(0).contains("=")) {
      String rest = arguments.strip().substring(words.get(0).length()).strip();
      out.put(words.get(0), rest);
      return out;
    }
    for (String word : words) {
      int equals = word.indexOf('=');
      out.put(
          equals < 0 ? word : word.substring(0, equals),
          equals < 0 ? null : word.substring(equals + 1));
    }
    return out;
  }

  /**
   * {@code ["/a", "/b"]} (exec form) or {@code /a /b} (shell form, also when the JSON is invalid).
   */
  static List<String> volumePaths(String arguments) {
    if (arguments.startsWith("[")) {
      List<String> paths = jsonStrings(arguments);
      if (paths != null) {
        return paths;
      }
    }
    return ShellWords.splitLeniently(arguments);
  }

  private static List<String> jsonStrings(String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<String> strings = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        strings.add(parser.getText());
      }
      return token == JsonToken.END_ARRAY && parser.nextToken() == null ? strings : null;
    } catch (IOException e) {
      return null;
    }
  }
}
