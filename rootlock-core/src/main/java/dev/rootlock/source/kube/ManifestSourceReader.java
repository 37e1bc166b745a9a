package dev.rootlock.source.kube;

import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.source.ParsedSource;
import dev.rootlock.source.SourceKind;
import dev.rootlock.source.SourceReader;

/** Kubernetes manifests, kubectl's way: YAML documents or JSON values, into workloads. */
public final class ManifestSourceReader implements SourceReader {

  private final ManifestParser parser = new ManifestParser();
  private final ManifestReader reader;

  /** A reader that takes {@code kinds} (the built-in ones plus the user's) as workloads. */
  public ManifestSourceReader(WorkloadKinds kinds) {
    this.reader = new ManifestReader(kinds);
  }

  @Override
  public SourceKind kind() {
    return SourceKind.KUBERNETES;
  }

  @Override
  public boolean supports(String fileName, String text) {
    return SourceKind.KUBERNETES.supports(fileName, text);
  }

  @Override
  public ParsedSource.Manifests read(String displayName, String text) {
    ManifestParser.Parsed parsed = parser.parse(displayName, text);
    return new ParsedSource.Manifests(
        displayName, text, parsed, reader.read(displayName, text, parsed));
  }
}
