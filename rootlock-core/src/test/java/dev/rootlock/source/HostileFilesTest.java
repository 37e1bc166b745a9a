package dev.rootlock.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.rootlock.model.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: only regular files are read, inside the tree given, bounded by bytes read. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileFilesTest {

  @TempDir Path dir;
  @TempDir Path outside;

  private static List<String> names(InputFiles.Expansion expansion) {
    return expansion.files().stream().map(InputFile::displayName).toList();
  }

  private static LoadedFile.Unreadable unreadable(LoadedFile loaded) {
    assertThat(loaded).isInstanceOf(LoadedFile.Unreadable.class);
    return (LoadedFile.Unreadable) loaded;
  }

  @Test
  void aSymlinkToDevZeroIsRefusedNotReadUntilMemoryRunsOut() throws IOException {
    assumeThat(Path.of("/dev/zero")).exists();
    Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));

    LoadedFile named = InputFiles.read(new InputFile(link.toString(), link));

    assertThat(unreadable(named).error().message()).isEqualTo(InputFiles.NOT_REGULAR);
  }

  @Test
  void aFifoNamedYamlIsReportedNotOpened() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.writeString(dir.resolve("ok.yaml"), "kind: Service\n");

    InputFiles.Expansion walked = InputFiles.expand(List.of(dir.toString()));
    LoadedFile named = InputFiles.read(new InputFile(fifo.toString(), fifo));

    assertThat(names(walked)).containsExactly(dir.resolve("ok.yaml").toString());
    assertThat(walked.errors())
        .containsExactly(new InputError(fifo.toString(), null, InputFiles.NOT_REGULAR));
    assertThat(unreadable(named).error().message()).isEqualTo(InputFiles.NOT_REGULAR);
  }

  @Test
  void directoryAndFileSymlinksOutOfTheTreeAreReportedUnlessFollowed() throws IOException {
    Files.writeString(outside.resolve("secret.yaml"), "kind: Secret\n");
    Files.writeString(dir.resolve("in.yaml"), "kind: Service\n");
    Path dirLink = Files.createSymbolicLink(dir.resolve("etc"), outside);
    Path fileLink = Files.createSymbolicLink(dir.resolve("x.yaml"), outside.resolve("secret.yaml"));
    Files.createDirectories(dir.resolve("sub"));
    Path inside = Files.createSymbolicLink(dir.resolve("sub/in-link.yaml"), Path.of("../in.yaml"));

    InputFiles.Expansion confined = InputFiles.expand(List.of(dir.toString()));
    InputFiles.Expansion followed = InputFiles.expand(List.of(dir.toString()), true);

    String root = dir.toRealPath().toString();
    assertThat(names(confined))
        .containsExactly(dir.resolve("in.yaml").toString(), inside.toString());
    assertThat(confined.errors())
        .extracting(InputError::toString)
        .containsExactly(
            dirLink
                + ": is a symbolic link out of "
                + root
                + "; not read (--follow-symlinks reads it)",
            fileLink
                + ": is a symbolic link out of "
                + root
                + "; not read (--follow-symlinks reads it)");
    assertThat(names(followed))
        .containsExactly(
            dirLink.resolve("secret.yaml").toString(),
            dir.resolve("in.yaml").toString(),
            inside.toString(),
            fileLink.toString());
    assertThat(followed.errors()).isEmpty();
  }

  @Test
  void aReadIsBoundedByBytesReadNotByTheReportedSize() throws IOException {
    // /proc files report size 0 yet hold bytes: the read must not trust Files.size.
    Path proc = Path.of("/proc/self/status");
    assumeThat(proc).exists();
    assertThat(Files.size(proc)).isZero();

    byte[] bytes = InputFiles.readFile(proc);

    assertThat(bytes.length).isPositive().isLessThanOrEqualTo(InputFiles.MAX_FILE_BYTES + 1);
  }
}
