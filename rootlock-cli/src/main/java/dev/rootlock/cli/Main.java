package dev.rootlock.cli;

import java.io.PrintWriter;

/** Entry point placeholder; replaced by the picocli root command. */
public final class Main {
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    out.println("rootlock");
    return 0;
  }
}
