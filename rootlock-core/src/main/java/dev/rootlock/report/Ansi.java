package dev.rootlock.report;

/** ANSI SGR styling for the text format; every method returns its argument unchanged when off. */
final class Ansi {

  static final Ansi ON = new Ansi(true);
  static final Ansi OFF = new Ansi(false);

  private static final String RESET = "\u001B[0m";

  private final boolean enabled;

  private Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  static Ansi of(boolean enabled) {
    return enabled ? ON : OFF;
  }

  String bold(String text) {
    return style("1", text);
  }

  String red(String text) {
    return style("31", text);
  }

  String boldRed(String text) {
    return style("1;31", text);
  }

  String green(String text) {
    return style("32", text);
  }

  String cyan(String text) {
    return style("36", text);
  }

  private String style(String code, String text) {
    return enabled && !text.isEmpty() ? "\u001B[" + code + "m" + text + RESET : text;
  }
}
