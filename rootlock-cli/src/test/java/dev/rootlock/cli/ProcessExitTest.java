package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessExit} in a process of its own, as {@code java -jar} runs rootlock: it halts only
 * when {@code System.exit} would run nothing, and the code and output are the same either way.
 */
class ProcessExitTest {

  private static final String OPEN_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

  @Test
  void withNothingToRunAtExitItHaltsWithTheCodeAndFlushedOutput() {
    Shell child = child(OPEN_JAVA_LANG, "none");

    assertThat(child.exitCode()).isEqualTo(3);
    assertThat(child.out()).isEqualTo("halts");
  }

  @Test
  void aShutdownHookMakesItExitSoTheHookRuns() {
    Shell child = child(OPEN_JAVA_LANG, "hook");

    assertThat(child.exitCode()).isEqualTo(3);
    assertThat(child.out()).isEqualTo("exits hook ran");
  }

  @Test
  void aFileToDeleteOnExitMakesItExitSoTheFileIsDeleted(@TempDir Path dir) throws Exception {
    Path file = Files.createFile(dir.resolve("scratch"));

    Shell child = child(OPEN_JAVA_LANG, "delete-on-exit", file.toString());

    assertThat(child.exitCode()).isEqualTo(3);
    assertThat(child.out()).isEqualTo("exits");
    assertThat(file).doesNotExist();
  }

  @Test
  void withoutJavaLangOpenItCannotLookAndExits() {
    Shell child = child(null, "none");

    assertThat(child.exitCode()).isEqualTo(3);
    assertThat(child.out()).isEqualTo("exits");
  }

  @Test
  void aLoggingConfigurationMakesItExitSoTheExitCanBeLogged() {
    Shell child = child(OPEN_JAVA_LANG, "none", "-Djava.util.logging.config.file=/dev/null");

    assertThat(child.exitCode()).isEqualTo(3);
    assertThat(child.out()).isEqualTo("exits");
  }

  /** Runs {@link ProcessExitChild} on this JVM and class path; a trailing {@code -D} is a flag. */
  private static Shell child(String open, String what, String... more) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (open != null) {
      command.add(open);
    }
    List<String> arguments = new ArrayList<>();
    for (String argument : more) {
      if (argument.startsWith("-D")) {
        command.add(argument);
      } else {
        arguments.add(argument);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(ProcessExitChild.class.getName());
    command.add(what);
    command.addAll(arguments);
    return Shell.run(null, command);
  }
}
