package dev.rootlock.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.Level;
import dev.rootlock.source.image.DiscoveredPathsReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden before/after files under {@code src/test/resources/fix/}: {@code NAME.before.EXT} is fixed
 * and must give exactly {@code NAME.after.EXT} and the notes in {@code NAME.notes} (or, for a text
 * that must be left alone, the message in {@code NAME.error}); fixing the result again must change
 * nothing. {@code NAME.options} may set {@code profile}, {@code only}, {@code tmpSize}, {@code
 * user} and {@code pathsFrom} (a file beside it). With {@code -Drootlock.updateGoldens=true} the
 * expected files are (re)written from the actual output, to be reviewed before committing.
 */
class GoldenFixTest {

  private static final boolean UPDATE = Boolean.getBoolean("rootlock.updateGoldens");

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".before."))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path directory() throws URISyntaxException {
    Path compiled = Path.of(GoldenFixTest.class.getResource("/fix").toURI());
    // Read (and update) the sources, not the copies Maven made.
    Path sources =
        Path.of(System.getProperty("rootlock.repo", "."))
            .resolve("rootlock-core/src/test/resources/fix");
    return Files.isDirectory(sources) ? sources : compiled;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixesExactlyAsTheGoldenFileSays(String beforeName) throws Exception {
    Path dir = directory();
    String name = beforeName.substring(0, beforeName.indexOf(".before."));
    String extension = beforeName.substring(beforeName.indexOf(".before.") + ".before.".length());
    String before = read(dir.resolve(beforeName));
    TextFixer fixer = new TextFixer();
    FixOptions options = options(dir, name);

    TextFix fix = fixer.fix(beforeName, before, options);

    Path errorFile = dir.resolve(name + ".error");
    Path afterFile = dir.resolve(name + ".after." + extension);
    Path notesFile = dir.resolve(name + ".notes");
    String notes = fix.notes().isEmpty() ? "" : String.join("\n", fix.notes()) + "\n";
    if (UPDATE) {
      if (fix.error() != null) {
        Files.writeString(errorFile, fix.error() + "\n");
      } else {
        Files.writeString(afterFile, fix.fixed());
      }
      Files.writeString(notesFile, notes);
    }
    assertThat(notes).as("notes").isEqualTo(read(notesFile));
    if (Files.exists(errorFile)) {
      assertThat(fix.error() + "\n").isEqualTo(read(errorFile));
      assertThat(fix.fixed()).isNull();
      return;
    }
    assertThat(fix.error()).as("error").isNull();
    assertThat(fix.fixed()).isEqualTo(read(afterFile));
    TextFix again = fixer.fix(beforeName, fix.fixed(), options);
    assertThat(again.error()).as("second fix").isNull();
    assertThat(again.changed()).as("a second fix changes something").isFalse();
    assertThat(again.fixed()).isEqualTo(fix.fixed());
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static FixOptions options(Path dir, String name) throws IOException {
    FixOptions options = FixOptions.defaults();
    Path file = dir.resolve(name + ".options");
    if (!Files.exists(file)) {
      return options;
    }
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    if (properties.containsKey("profile")) {
      options = options.withProfile(Level.parse(properties.getProperty("profile")));
    }
    if (properties.containsKey("only")) {
      options = options.withOnly(Set.of(properties.getProperty("only").split(",")));
    }
    if (properties.containsKey("tmpSize")) {
      options = options.withTmpSize(properties.getProperty("tmpSize"));
    }
    if (properties.containsKey("user")) {
      options = options.withUser(properties.getProperty("user"));
    }
    if (properties.containsKey("pathsFrom")) {
      List<dev.rootlock.model.image.DiscoveredPaths> discovered =
          new ArrayList<>(
              DiscoveredPathsReader.read(dir.resolve(properties.getProperty("pathsFrom"))));
      options = options.withDiscovered(discovered);
    }
    return options;
  }
}
