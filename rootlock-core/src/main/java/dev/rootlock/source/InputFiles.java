package dev.rootlock.source;

import dev.rootlock.model.InputError;
import dev.rootlock.source.dockerfile.DockerfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns command-line arguments into files and files into text. Directories are walked recursively
 * in name order, taking {@code .yaml}, {@code .yml} and {@code .json} files and skipping hidden
 * entries ({@code .git}); a file named explicitly is read whatever its name. Text must be UTF-8:
 * anything else is reported rather than decoded into garbage.
 */
public final class InputFiles {

  /** The largest file read, so that a stray disk image cannot exhaust memory. */
  public static final int MAX_FILE_BYTES = 128 * 1024 * 1024;

  /** The message for a file that contains NUL bytes. */
  public static final String BINARY = "binary file (it contains NUL bytes), not a manifest";

  /** The message for a device, FIFO or socket where a file was expected. */
  public static final String NOT_REGULAR =
      "not a regular file (a device, FIFO or socket); not read";

  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  /** The files named or found, in order, and the arguments that gave none. */
  public record Expansion(List<InputFile> files, List<InputError> errors) {

    public Expansion {
      files = List.copyOf(files);
      errors = List.copyOf(errors);
    }
  }

  private InputFiles() {}

  /** The files the arguments name, directories expanded, never leaving a directory named. */
  public static Expansion expand(List<String> args) {
    return expand(args, false);
  }

  /**
   * The files the arguments name, directories expanded. Only regular files are taken (a FIFO named
   * {@code x.yaml} would block a read forever, a device never ends); a symbolic link under a
   * directory that leads out of it is reported, not followed, unless {@code followSymlinks}: a pull
   * request can carry a link to {@code /etc} as easily as a manifest.
   */
  public static Expansion expand(List<String> args, boolean followSymlinks) {
    List<InputFile> files = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals(InputFile.STDIN)) {
        files.add(InputFile.stdin());
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        int before = files.size();
        walk(path, new Walk(root(path), followSymlinks, new HashSet<>()), files, errors);
        if (files.size() == before) {
          errors.add(new InputError(arg, null, "no .yaml, .yml or .json files in this directory"));
        }
      } else if (Files.exists(path)) {
        files.add(new InputFile(arg, path));
      } else {
        errors.add(new InputError(arg, null, "no such file or directory"));
      }
    }
    return new Expansion(files, errors);
  }

  /** One directory argument's walk: its real root, and the directories seen. */
  private record Walk(Path root, boolean followSymlinks, Set<Path> visited) {}

  private static Path root(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  private static void walk(Path dir, Walk walk, List<InputFile> files, List<InputError> errors) {
    List<Path> entries = new ArrayList<>();
    try {
      // A symbolic link back up the tree must not make the walk endless.
      if (!walk.visited().add(dir.toRealPath())) {
        return;
      }
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      }
    } catch (IOException e) {
      errors.add(new InputError(dir.toString(), null, "cannot list directory: " + reason(e)));
      return;
    }
    entries.sort(InputFiles::byFileName);
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      boolean directory = Files.isDirectory(entry);
      if (!directory && !isManifestName(name)) {
        continue;
      }
      if (Files.isSymbolicLink(entry) && !walk.followSymlinks() && leaves(entry, walk.root())) {
        errors.add(
            new InputError(
                entry.toString(),
                null,
                "is a symbolic link out of "
                    + walk.root()
                    + "; not read (--follow-symlinks reads it)"));
      } else if (directory) {
        walk(entry, walk, files, errors);
      } else if (!Files.isRegularFile(entry)) {
        errors.add(new InputError(entry.toString(), null, NOT_REGULAR));
      } else {
        files.add(new InputFile(entry.toString(), entry));
      }
    }
  }

  /** Whether a link's target (or, when dangling, the link itself) lies outside {@code root}. */
  private static boolean leaves(Path link, Path root) {
    try {
      return !link.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false; // A dangling link is reported when read.
    }
  }

  /** YAML and JSON files, and Dockerfiles (which have no extension to go by). */
  private static boolean isManifestName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith) || DockerfileReader.isDockerfileName(name);
  }

  /** Reads a file (standard input from {@link System#in}). */
  public static LoadedFile read(InputFile file) {
    return read(file, System.in);
  }

  /** Reads a file, taking standard input from {@code stdin}. */
  public static LoadedFile read(InputFile file, InputStream stdin) {
    byte[] bytes;
    try {
      bytes = file.isStdin() ? stdin.readNBytes(MAX_FILE_BYTES + 1) : readFile(file.path());
    } catch (IOException e) {
      return unreadable(file, reason(e));
    }
    if (bytes.length > MAX_FILE_BYTES) {
      return unreadable(file, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
    }
    return decodeText(file, bytes);
  }

  /**
   * The file's bytes, at most {@code MAX_FILE_BYTES + 1} of them: the bound is on bytes read, not
   * on {@code Files.size}, which is 0 for {@code /dev/zero}. Only a regular file is opened (after
   * following links), so a FIFO cannot block the read.
   */
  public static byte[] readFile(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      if (!Files.exists(path)) {
        throw new NoSuchFileException(path.toString());
      }
      if (Files.isDirectory(path)) {
        throw new FileSystemException(path.toString(), null, "Is a directory");
      }
      throw new NotRegularFileException(path.toString());
    }
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(MAX_FILE_BYTES + 1);
    }
  }

  /** A path that names a device, FIFO, socket or directory where a file was expected. */
  public static final class NotRegularFileException extends FileSystemException {
    NotRegularFileException(String file) {
      super(file, null, NOT_REGULAR);
    }
  }

  /**
   * The text of bytes already read from {@code file} (by a caller that keeps them, as fix does to
   * notice a later change), held to the same rules as {@link #read(InputFile, InputStream)}.
   */
  public static LoadedFile decode(InputFile file, byte[] bytes) {
    if (bytes.length > MAX_FILE_BYTES) {
      return unreadable(file, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
    }
    return decodeText(file, bytes);
  }

  private static LoadedFile decodeText(InputFile file, byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return unreadable(file, "UTF-16 text; save it as UTF-8");
    }
    for (byte b : bytes) {
      if (b == 0) {
        return unreadable(file, BINARY);
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = Math.min(in.position(), bytes.length - 1);
      return unreadable(
          file, String.format("not valid UTF-8: byte 0x%02X at offset %d", bytes[at], at));
    }
    return new LoadedFile.Text(file.displayName(), out.flip().toString());
  }

  private static LoadedFile unreadable(InputFile file, String message) {
    return new LoadedFile.Unreadable(new InputError(file.displayName(), null, message));
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotRegularFileException) {
      return NOT_REGULAR;
    }
    String reason =
        e instanceof FileSystemException fs && fs.getReason() != null
            ? fs.getReason()
            : e.getMessage();
    if (reason == null || reason.isEmpty()) {
      return e.getClass().getSimpleName();
    }
    // The operating system's "Is a directory" reads better in lower case after "file: ".
    return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }

  /** By name; written out, as {@code Comparator.comparing} is not in the AOT cache. */
  private static int byFileName(Path a, Path b) {
    return a.getFileName().toString().compareTo(b.getFileName().toString());
  }
}
