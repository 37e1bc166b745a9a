package dev.rootlock.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.InputError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    return write(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String relative, byte[] content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  private static List<String> names(InputFiles.Expansion expansion) {
    return expansion.files().stream().map(InputFile::displayName).toList();
  }

  @Test
  void directoriesAreWalkedRecursivelyInNameOrderForManifestExtensions() throws IOException {
    write("b.yaml", "");
    write("a/z.json", "");
    write("a/y.YML", "");
    write("c.txt", "");
    write(".git/config.yaml", "");
    write("sub/.hidden.yaml", "");
    write("sub/deeper/x.yml", "");

    InputFiles.Expansion expansion = InputFiles.expand(List.of(dir.toString()));

    assertThat(names(expansion))
        .containsExactly(
            dir.resolve("a/y.YML").toString(),
            dir.resolve("a/z.json").toString(),
            dir.resolve("b.yaml").toString(),
            dir.resolve("sub/deeper/x.yml").toString());
    assertThat(expansion.errors()).isEmpty();
  }

  @Test
  void aFileNamedExplicitlyIsTakenWhateverItsNameAndStandardInputIsADash() throws IOException {
    Path text = write("pod.txt", "");

    InputFiles.Expansion expansion = InputFiles.expand(List.of(text.toString(), "-"));

    assertThat(expansion.files())
        .containsExactly(new InputFile(text.toString(), text), InputFile.stdin());
  }

  @Test
  void missingPathsAndDirectoriesWithoutManifestsAreErrorsThatDoNotStopTheOthers()
      throws IOException {
    Path good = write("good.yaml", "");
    write("empty/notes.md", "");
    String missing = dir.resolve("missing.yaml").toString();
    String empty = dir.resolve("empty").toString();

    InputFiles.Expansion expansion = InputFiles.expand(List.of(missing, empty, good.toString()));

    assertThat(expansion.errors())
        .containsExactly(
            new InputError(missing, null, "no such file or directory"),
            new InputError(empty, null, "no .yaml, .yml or .json files in this directory"));
    assertThat(names(expansion)).containsExactly(good.toString());
  }

  @Test
  void aSymbolicLinkLoopDoesNotMakeTheWalkEndless() throws IOException {
    write("a/pod.yaml", "");
    Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));

    InputFiles.Expansion expansion = InputFiles.expand(List.of(dir.toString()));

    assertThat(names(expansion)).containsExactly(dir.resolve("a/pod.yaml").toString());
  }

  @Test
  void aFileIsReadAsUtf8WithItsByteOrderMarkKept() throws IOException {
    Path file = write("pod.yaml", "\uFEFFname: caf\u00E9 \uD83D\uDE00\r\n");

    LoadedFile loaded = InputFiles.read(new InputFile("pod.yaml", file));

    assertThat(loaded)
        .isEqualTo(new LoadedFile.Text("pod.yaml", "\uFEFFname: caf\u00E9 \uD83D\uDE00\r\n"));
  }

  @Test
  void standardInputIsReadFromTheGivenStream() {
    LoadedFile loaded =
        InputFiles.read(
            InputFile.stdin(),
            new ByteArrayInputStream("kind: Pod\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(loaded).isEqualTo(new LoadedFile.Text("-", "kind: Pod\n"));
  }

  @Test
  void aFileWithNulBytesIsBinary() throws IOException {
    Path file = write("image.yaml", new byte[] {'k', 0, (byte) 0xFF});

    assertThat(InputFiles.read(new InputFile("image.yaml", file)))
        .isEqualTo(
            new LoadedFile.Unreadable(
                new InputError(
                    "image.yaml", null, "binary file (it contains NUL bytes), not a manifest")));
  }

  @Test
  void invalidUtf8IsReportedWithTheOffendingByte() throws IOException {
    Path file = write("latin1.yaml", new byte[] {'a', ':', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'});

    assertThat(InputFiles.read(new InputFile("latin1.yaml", file)))
        .isEqualTo(
            new LoadedFile.Unreadable(
                new InputError("latin1.yaml", null, "not valid UTF-8: byte 0xE9 at offset 6")));
  }

  @Test
  void utf16TextIsReportedAsSuch() throws IOException {
    Path file = write("utf16.yaml", "kind: Pod".getBytes(StandardCharsets.UTF_16));

    assertThat(InputFiles.read(new InputFile("utf16.yaml", file)))
        .isEqualTo(
            new LoadedFile.Unreadable(
                new InputError("utf16.yaml", null, "UTF-16 text; save it as UTF-8")));
  }

  @Test
  void anUnreadableFileIsAnErrorNotAnException() throws IOException {
    Path directory = Files.createDirectories(dir.resolve("dir.yaml"));
    Path gone = dir.resolve("gone.yaml");

    assertThat(InputFiles.read(new InputFile("dir.yaml", directory)))
        .isEqualTo(new LoadedFile.Unreadable(new InputError("dir.yaml", null, "is a directory")));
    assertThat(InputFiles.read(new InputFile("gone.yaml", gone)))
        .isEqualTo(
            new LoadedFile.Unreadable(
                new InputError("gone.yaml", null, "no such file or directory")));
  }

  @Test
  void badFilesInADirectoryDoNotStopTheGoodOnes() throws IOException {
    write("a-binary.yaml", new byte[] {'k', 0});
    write("b-latin1.yaml", new byte[] {(byte) 0xE9});
    write("c-good.yaml", "kind: Pod\n");

    List<LoadedFile> loaded =
        InputFiles.expand(List.of(dir.toString())).files().stream().map(InputFiles::read).toList();

    assertThat(loaded)
        .extracting(f -> f instanceof LoadedFile.Unreadable u ? u.error().message() : "text")
        .containsExactly(
            "binary file (it contains NUL bytes), not a manifest",
            "not valid UTF-8: byte 0xE9 at offset 0",
            "text");
  }

  @Test
  void anEmptyFileIsEmptyText() throws IOException {
    Path file = write("empty.yaml", "");

    assertThat(InputFiles.read(new InputFile("empty.yaml", file)))
        .isEqualTo(new LoadedFile.Text("empty.yaml", ""));
  }
}
