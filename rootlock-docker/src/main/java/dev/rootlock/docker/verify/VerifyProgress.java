package dev.rootlock.docker.verify;

/**
 * What a verification is doing, told as each step starts (reading the process, each drill attempt),
 * so that a front end can show a sign of life while a drill runs its execs. A port: the verifier
 * knows no terminal, and the default says nothing.
 */
@FunctionalInterface
public interface VerifyProgress {

  /** Tells nobody. */
  VerifyProgress SILENT = what -> {};

  /** A step starts, e.g. {@code drill: write a file into /etc}. */
  void step(String what);
}
