package dev.rootlock.fix;

import dev.rootlock.fix.compose.ServiceHardener;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.pod.FixableChecks;
import dev.rootlock.model.InputError;
import dev.rootlock.model.fix.FileResult;
import dev.rootlock.model.fix.FixReport;
import dev.rootlock.source.AtomicWriter;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.LoadedFile;
import dev.rootlock.source.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The facade of {@code rootlock fix}: expands the paths, fixes each file's text (Kubernetes
 * manifests and Compose files, told apart by name and content), and either proposes the changes as
 * a unified diff ({@link #plan}) or writes them atomically ({@link #apply}). Every file is handled
 * on its own: one that cannot be read, fixed or written is reported and the others still are.
 *
 * <p>This class is thread-compatible: use one instance per run.
 */
public final class Fixer {

  private final TextFixer texts = new TextFixer();
  private final FixOptions options;
  private final AtomicWriter writer;
  private final InputStream stdin;

  /**
   * @throws IllegalArgumentException when {@code options.only()} names a check rootlock cannot fix
   */
  public Fixer(FixOptions options) {
    this(options, System.in, AtomicWriter.BeforeReplace.NONE);
  }

  /** A fixer that reads {@code -} from {@code stdin}. */
  public Fixer(FixOptions options, InputStream stdin) {
    this(options, stdin, AtomicWriter.BeforeReplace.NONE);
  }

  /** A fixer that reads {@code -} from {@code stdin} and leaves exempt checks' fields alone. */
  public Fixer(
      FixOptions options, InputStream stdin, dev.rootlock.fix.plan.FixExemptions exemptions) {
    this(options, stdin, AtomicWriter.BeforeReplace.NONE, exemptions);
  }

  Fixer(FixOptions options, InputStream stdin, AtomicWriter.BeforeReplace beforeReplace) {
    this(options, stdin, beforeReplace, options.exemptions());
  }

  private Fixer(
      FixOptions options,
      InputStream stdin,
      AtomicWriter.BeforeReplace beforeReplace,
      dev.rootlock.fix.plan.FixExemptions exemptions) {
    requireFixable(options.only());
    this.options = options.withExemptions(exemptions);
    this.stdin = stdin;
    // One directory sync per directory at the end of the run, not one per file (see AtomicWriter).
    this.writer = AtomicWriter.deferringDirectorySyncs(beforeReplace);
  }

  /** The IDs {@code --only} accepts: the fixable Kubernetes and Compose checks, sorted. */
  public static SortedSet<String> fixableChecks() {
    SortedSet<String> checks = new TreeSet<>(FixableChecks.all().keySet());
    checks.addAll(ServiceHardener.FIXABLE.keySet());
    return Collections.unmodifiableSortedSet(checks);
  }

  /**
   * The one check of {@code --only}: every check named must be fixable.
   *
   * @throws IllegalArgumentException naming the fixable checks, when one is not
   */
  public static void requireFixable(java.util.Collection<String> checks) {
    if (!fixableChecks().containsAll(checks)) {
      throw new IllegalArgumentException(
          "--only: unknown check; fixable checks are " + String.join(", ", fixableChecks()));
    }
  }

  /** Computes the fixes of {@code paths} and writes nothing ({@code --diff}, the default). */
  public FixReport plan(List<String> paths, boolean followSymlinks) {
    return run(paths, followSymlinks, false);
  }

  /**
   * Fixes {@code paths} in place ({@code --write}). Standard input is never written: its fixed text
   * is in the result for the caller to print.
   *
   * @param followSymlinks fix a symbolic link's target; without it a link is an error
   */
  public FixReport apply(List<String> paths, boolean followSymlinks) {
    return run(paths, followSymlinks, true);
  }

  private FixReport run(List<String> paths, boolean followSymlinks, boolean write) {
    return run(paths, followSymlinks, write, file -> {}, () -> false);
  }

  /**
   * Fixes (or plans) file after file, handing each result to {@code onFile} as soon as the file is
   * written, so that a run cut short has already said what it changed. Before each file it asks
   * {@code stop}: a signal lets the file in hand finish (its temporary file removed) and ends the
   * run there. A file whose fixing throws is reported as an error and the run goes on.
   */
  public FixReport run(
      List<String> paths,
      boolean followSymlinks,
      boolean write,
      Consumer<FileResult> onFile,
      BooleanSupplier stop) {
    return run(
        InputFiles.expand(paths, followSymlinks), paths, followSymlinks, write, onFile, stop);
  }

  /**
   * As {@link #run(List, boolean, boolean, Consumer, BooleanSupplier)}, over files the engine has
   * already expanded from {@code paths} (as scan's are), so that both verbs find the same files.
   */
  public FixReport run(
      InputFiles.Expansion expansion,
      List<String> paths,
      boolean followSymlinks,
      boolean write,
      Consumer<FileResult> onFile,
      BooleanSupplier stop) {
    List<FileResult> results = new ArrayList<>();
    try {
      fixEach(expansion, paths, followSymlinks, write, onFile, stop, results);
    } finally {
      writer.syncDirectories();
    }
    return new FixReport(results, expansion.errors(), write);
  }

  private void fixEach(
      InputFiles.Expansion expansion,
      List<String> paths,
      boolean followSymlinks,
      boolean write,
      Consumer<FileResult> onFile,
      BooleanSupplier stop,
      List<FileResult> results) {
    for (InputFile file : expansion.files()) {
      if (stop.getAsBoolean()) {
        break;
      }
      FileResult result;
      try {
        result =
            foundDockerfile(file, paths)
                ? FileResult.skipped(file.displayName(), DOCKERFILE_NOTE)
                : fixFile(file, followSymlinks, write);
      } catch (RuntimeException | StackOverflowError e) {
        String reason =
            e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        result = FileResult.error(file.displayName(), "cannot fix this file: " + reason, List.of());
      }
      results.add(result);
      onFile.accept(result);
    }
  }

  /**
   * Whether {@code file} is a Dockerfile found under a directory the user named. Such a file is
   * skipped with a note, so that {@code rootlock fix deploy/} works on a repository that keeps its
   * Dockerfile beside its manifests; a Dockerfile named on its own is still an error, since the
   * user asked for something fix cannot do.
   */
  private static boolean foundDockerfile(InputFile file, List<String> paths) {
    return !file.isStdin()
        && !paths.contains(file.displayName())
        && SourceKind.DOCKERFILE.supports(file.path().getFileName().toString(), "");
  }

  /** What a Dockerfile found under a directory gets instead of a fix. */
  public static final String DOCKERFILE_NOTE =
      "not fixed: a Dockerfile (fix rewrites Kubernetes manifests and Compose files);"
          + " `rootlock scan` reports its findings";

  private FileResult fixFile(InputFile file, boolean followSymlinks, boolean write) {
    String name = file.displayName();
    if (file.isStdin()) {
      return fixText(name, read(file), null, null, false);
    }
    Path target = file.path();
    if (Files.isSymbolicLink(target)) {
      if (!followSymlinks) {
        return FileResult.error(
            name,
            "is a symbolic link; not fixed (--follow-symlinks fixes the" + " file it points to)",
            List.of());
      }
      try {
        target = target.toRealPath();
      } catch (IOException e) {
        return FileResult.error(
            name,
            "is a symbolic link to " + linkTarget(target) + ", which does not exist; not fixed",
            List.of());
      }
    }
    if (!Files.isRegularFile(target)) {
      return FileResult.error(name, InputFiles.NOT_REGULAR, List.of());
    }
    if (write) {
      if (AtomicWriter.links(target) > 1) {
        return FileResult.error(
            name,
            "has other hard links; not fixed (a rewrite would part this name from them:"
                + " fix the file with --diff and apply the patch)",
            List.of());
      }
      writer.removeStale(target);
    }
    AtomicWriter.Snapshot snapshot;
    try {
      snapshot = AtomicWriter.snapshot(target);
    } catch (NoSuchFileException e) {
      return FileResult.error(name, "vanished before it could be read; not fixed", List.of());
    } catch (InputFiles.NotRegularFileException e) {
      return FileResult.error(name, InputFiles.NOT_REGULAR, List.of());
    } catch (IOException e) {
      return FileResult.error(name, "cannot be read: " + e.getMessage(), List.of());
    }
    // The snapshot is what a later write is checked against, so it is also what is fixed.
    LoadedFile loaded = InputFiles.decode(new InputFile(name, target), snapshot.bytes());
    return fixText(name, loaded, target, snapshot, write);
  }

  private LoadedFile read(InputFile file) {
    return InputFiles.read(file, stdin);
  }

  private FileResult fixText(
      String name, LoadedFile loaded, Path target, AtomicWriter.Snapshot snapshot, boolean write) {
    if (loaded instanceof LoadedFile.Unreadable unreadable) {
      InputError error = unreadable.error();
      return FileResult.error(name, error.message(), List.of());
    }
    String text = ((LoadedFile.Text) loaded).text();
    TextFix fix = texts.fix(name, text, options);
    if (fix.error() != null) {
      return FileResult.error(name, fix.error(), fix.notes());
    }
    if (!fix.changed()) {
      return new FileResult(name, FileResult.Status.UNCHANGED, "", fix.notes(), null, text);
    }
    List<dev.rootlock.fix.yaml.TextEdit> edits = fix.edits();
    java.util.function.Supplier<String> diff = () -> UnifiedDiff.of(name, text, edits);
    if (write && target != null) {
      if (!java.util.Arrays.equals(snapshot.bytes(), text.getBytes(StandardCharsets.UTF_8))) {
        return FileResult.error(
            name, "changed on disk while it was read; not overwritten", fix.notes());
      }
      try {
        writer.replace(target, snapshot, fix.fixed().getBytes(StandardCharsets.UTF_8));
      } catch (AtomicWriter.WriteException e) {
        return FileResult.error(name, e.getMessage(), fix.notes());
      }
    }
    return new FileResult(
        name, FileResult.Status.CHANGED, diff, fix.notes(), null, fix.fixed(), fix.hardened());
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "somewhere unreadable";
    }
  }
}
