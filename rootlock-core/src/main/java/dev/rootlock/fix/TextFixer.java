package dev.rootlock.fix;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.source.ParsedSource;
import dev.rootlock.source.SourceKind;
import dev.rootlock.source.SourceReader;
import dev.rootlock.source.SourceReaders;
import java.util.List;

/**
 * Fixes one text as what it is: the reader {@code rootlock scan} would pick reads it once, and the
 * fix plans over what it read. Dockerfiles are not fixed. Options come with each call.
 *
 * <p>Thread-compatible: one instance per run.
 */
final class TextFixer {

  private final ManifestFixer manifests;
  private SourceReaders readers;
  private WorkloadKinds readersKinds;

  TextFixer() {
    this(new ManifestFixer());
  }

  /** A fixer whose manifests go to {@code manifests} (tests set its piece size). */
  TextFixer(ManifestFixer manifests) {
    this.manifests = manifests;
  }

  /** Reads {@code text}, named {@code displayName} by the user, and fixes it. */
  TextFix fix(String displayName, String text, FixOptions options) {
    SourceReader reader =
        readers(options.kinds()).readerFor(SourceKind.baseName(displayName), text);
    if (reader.kind() == SourceKind.KUBERNETES) {
      // A long YAML text is read and fixed a stretch of documents at a time (memory), so the
      // manifest fixer decides whether to read it whole.
      return manifests.fix(
          displayName,
          text,
          options,
          () -> (ParsedSource.Manifests) reader.read(displayName, text));
    }
    return fix(reader.read(displayName, text), options);
  }

  /** Fixes a text its reader has read. */
  TextFix fix(ParsedSource source, FixOptions options) {
    return switch (source) {
      case ParsedSource.Dockerfile dockerfile ->
          TextFix.failed(
              "is a Dockerfile; rootlock fix changes Kubernetes manifests and Compose files",
              List.of());
      case ParsedSource.Compose compose -> ComposeFixer.fix(compose, options);
      case ParsedSource.Manifests read -> manifests.fix(read, options);
    };
  }

  private SourceReaders readers(WorkloadKinds kinds) {
    if (readers == null || readersKinds != kinds) {
      readers = SourceReaders.of(kinds);
      readersKinds = kinds;
    }
    return readers;
  }
}
