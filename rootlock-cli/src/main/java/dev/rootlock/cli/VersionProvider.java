package dev.rootlock.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code rootlock --version}: the version from the jar manifest, and the Java running it. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "rootlock " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
    };
  }

  /** The jar's version, or {@code dev} when running from classes. */
  String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
