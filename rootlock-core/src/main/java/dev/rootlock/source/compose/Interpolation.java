package dev.rootlock.source.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Compose's variable interpolation, as the Compose specification defines it: {@code $$} for a
 * literal dollar; {@code $VAR} and {@code ${VAR}}; {@code ${VAR:-default}} (unset or empty) and
 * {@code ${VAR-default}} (unset); {@code ${VAR:?error}} and {@code ${VAR?error}}; {@code
 * ${VAR:+replacement}} and {@code ${VAR+replacement}}; defaults may nest further references.
 * Compose v1 (Debian's docker-compose 1.29) knows neither nesting nor {@code +}; the specification
 * and Compose v2 do, and so does this class.
 *
 * <p>An unset variable reads as Compose reads it with the same environment: empty, or the default.
 * A required variable ({@code ?}) that is unset cannot be read here at all, since Compose refuses
 * to run without it: the result is then unknown and the text is kept as written. Each result says
 * where every value it used came from.
 */
final class Interpolation {

  /**
   * An interpolated value.
   *
   * @param value the text Compose would use, or the text as written when not {@link #known()}
   * @param known false when a required variable is unset, so only the run knows the value
   * @param uses how each variable was read, in order, for messages
   * @param setBy the binding that alone decided the value (one variable read, and its value, or the
   *     word its being set selects, used): the {@code .env} line a finding points at; null
   *     otherwise
   */
  record Result(
      String value,
      boolean known,
      List<String> uses,
      ComposeEnvironment.Binding setBy,
      Unset unset) {

    Result(String value, boolean known, List<String> uses) {
      this(value, known, uses, null, Unset.NONE);
    }

    Result {
      uses = List.copyOf(uses);
    }

    Result(String value, boolean known, List<String> uses, ComposeEnvironment.Binding setBy) {
      this(value, known, uses, setBy, Unset.NONE);
    }

    /** Whether any variable was read. */
    boolean interpolated() {
      return !uses.isEmpty();
    }

    /** The uses joined: {@code P is not set, so its default "true" applies; U=0 from .env:2}. */
    String explanation() {
      return String.join("; ", uses);
    }
  }

  /**
   * The variables a text reads that are not set: {@code unknown} where no default is written
   * ({@code ${VAR}}, {@code ${VAR:+alt}}), so the value depends on an environment the scan does not
   * see; {@code defaulted} where the written default applies ({@code ${VAR:-d}}).
   */
  record Unset(java.util.Set<String> unknown, java.util.Set<String> defaulted) {
    static final Unset NONE = new Unset(java.util.Set.of(), java.util.Set.of());

    Unset {
      unknown = java.util.Set.copyOf(unknown);
      defaulted = java.util.Set.copyOf(defaulted);
    }
  }

  private final String text;
  private final ComposeEnvironment environment;
  private final java.util.Set<String> unknown = new java.util.TreeSet<>();
  private final java.util.Set<String> defaulted = new java.util.TreeSet<>();
  private final List<String> uses = new ArrayList<>();
  private final List<ComposeEnvironment.Binding> deciding = new ArrayList<>();
  private boolean known = true;

  private Interpolation(String text, ComposeEnvironment environment) {
    this.text = text;
    this.environment = environment;
  }

  /**
   * Interpolates {@code text}.
   *
   * @throws IllegalArgumentException for a {@code $} Compose refuses ({@code $5}, an unclosed
   *     brace), with Compose's message
   */
  static Result apply(String text, ComposeEnvironment environment) {
    if (text.indexOf('$') < 0) {
      return new Result(text, true, List.of());
    }
    Interpolation interpolation = new Interpolation(text, environment);
    String value = interpolation.substitute(text);
    ComposeEnvironment.Binding setBy =
        interpolation.uses.size() == 1 && interpolation.deciding.size() == 1
            ? interpolation.deciding.get(0)
            : null;
    Unset unset = new Unset(interpolation.unknown, interpolation.defaulted);
    return interpolation.known
        ? new Result(value, true, interpolation.uses, setBy, unset)
        : new Result(text, false, interpolation.uses, null, unset);
  }

  private String substitute(String part) {
    return substitute(part, false);
  }

  /**
   * {@code part} with every reference replaced. Inside a default or replacement word ({@code
   * nested}) a {@code $} that starts no reference is kept, as Compose keeps it ({@code
   * ${HASH:-$2a$14$...}} reads the bcrypt hash literally); at the top level it is an error.
   */
  private String substitute(String part, boolean nested) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < part.length()) {
      char c = part.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      char next = i + 1 < part.length() ? part.charAt(i + 1) : 0;
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = closingBrace(part, i + 2);
        out.append(braced(part.substring(i + 2, close)));
        i = close + 1;
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < part.length() && isNamePart(part.charAt(end))) {
          end++;
        }
        out.append(plain(part.substring(i + 1, end)));
        i = end;
      } else if (nested) {
        out.append(c);
        i++;
      } else {
        throw invalid();
      }
    }
    return out.toString();
  }

  private int closingBrace(String part, int from) {
    int depth = 1;
    for (int i = from; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '$' && i + 1 < part.length() && part.charAt(i + 1) == '$') {
        i++;
      } else if (c == '$' && i + 1 < part.length() && part.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw invalid();
  }

  private String plain(String name) {
    ComposeEnvironment.Binding binding = environment.get(name);
    if (binding == null) {
      unknown.add(name);
      uses.add(name + " is not set, so it reads as an empty string");
      return "";
    }
    uses.add(describe(name, binding));
    deciding.add(binding);
    return binding.value();
  }

  /** The inside of {@code ${...}}. */
  private String braced(String inner) {
    int end = 0;
    while (end < inner.length() && isNamePart(inner.charAt(end))) {
      end++;
    }
    String name = inner.substring(0, end);
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      throw invalid();
    }
    if (end == inner.length()) {
      return plain(name);
    }
    boolean colon = inner.charAt(end) == ':';
    int operatorAt = colon ? end + 1 : end;
    if (operatorAt >= inner.length()) {
      throw invalid();
    }
    char operator = inner.charAt(operatorAt);
    String word = inner.substring(operatorAt + 1);
    ComposeEnvironment.Binding binding = environment.get(name);
    // With a colon an empty value counts as unset; without one only an absent variable does.
    boolean missing = binding == null || (colon && binding.value().isEmpty());
    String state = binding == null ? " is not set" : " is empty";
    return switch (operator) {
      case '-' -> {
        if (!missing) {
          uses.add(describe(name, binding));
          deciding.add(binding);
          yield binding.value();
        }
        if (binding == null) {
          defaulted.add(name);
        }
        String fallback = substitute(word, true);
        uses.add(name + state + ", so its default \"" + fallback + "\" applies");
        yield fallback;
      }
      case '+' -> {
        if (missing) {
          if (binding == null) {
            unknown.add(name);
          }
          uses.add(name + state + ", so \"" + word + "\" is not used");
          yield "";
        }
        uses.add(describe(name, binding) + ", so \"" + word + "\" is used");
        deciding.add(binding);
        yield substitute(word, true);
      }
      case '?' -> {
        if (!missing) {
          uses.add(describe(name, binding));
          deciding.add(binding);
          yield binding.value();
        }
        known = false;
        uses.add(name + " must be set when Compose runs (" + word + "); its value is unknown here");
        yield "";
      }
      default -> throw invalid();
    };
  }

  private static String describe(String name, ComposeEnvironment.Binding binding) {
    return name + "=" + binding.value() + " from " + binding.origin();
  }

  private IllegalArgumentException invalid() {
    return new IllegalArgumentException(
        "invalid interpolation format in \""
            + text
            + "\": you may need to escape any $ with another $");
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
