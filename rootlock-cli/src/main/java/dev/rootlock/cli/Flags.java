package dev.rootlock.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * Builders for rootlock's options and parameters, each bound to its command's field by a lambda.
 * picocli's annotations cost a cold start about 100 ms: reading them makes the JDK generate a proxy
 * class per annotation type (which the AOT cache cannot hold), and picocli sets annotated fields by
 * reflection, which spins method-handle classes. A model built in code does neither.
 *
 * <p>The shapes that recur across verbs ({@code -f/--format}, {@code -o/--output}, {@code
 * -p/--profile} and its hidden {@code --level}, durations) are built here once, so that a flag is
 * written the same way in every verb.
 */
final class Flags {

  private Flags() {}

  /** An option that takes one value of {@code type}, handed to {@code field}. */
  static <T> OptionSpec.Builder value(Class<T> type, Consumer<? super T> field, String... names) {
    return bind(OptionSpec.builder(names).type(type), field);
  }

  /** An option without a value: {@code field} gets true when it is given. */
  static OptionSpec.Builder flag(Consumer<Boolean> field, String... names) {
    return value(boolean.class, field, names);
  }

  /** A repeatable option: every value, in order, in a list handed to {@code field}. */
  static <T> OptionSpec.Builder list(
      Class<T> element, Consumer<? super List<T>> field, String... names) {
    return bind(OptionSpec.builder(names).type(List.class).auxiliaryTypes(element), field);
  }

  /** A file option: {@code <file>}, as a path. */
  static OptionSpec.Builder file(Consumer<Path> field, String... names) {
    return value(Path.class, field, names).paramLabel("<file>");
  }

  /** A duration written as Docker and Go write it ({@link GoDuration}). */
  static OptionSpec.Builder duration(Consumer<Duration> field, String name) {
    return value(Duration.class, field, name).paramLabel("<duration>").converters(new GoDuration());
  }

  /** {@code -f/--format}: the formats are {@code type}'s; text unless told otherwise. */
  static <T> OptionSpec.Builder format(
      Class<T> type, Consumer<? super T> field, String description) {
    return value(type, field, "-f", "--format")
        .paramLabel("<format>")
        .defaultValue("text")
        .description(description);
  }

  /** {@code -p/--profile}: the policy level, one of {@code levels}. */
  static <T> OptionSpec.Builder profile(
      Class<T> levels, Consumer<? super T> field, String description) {
    return value(levels, field, "-p", "--profile").paramLabel("<level>").description(description);
  }

  /** The name {@code --profile} had in {@code kube readiness}: kept working, out of the help. */
  static <T> OptionSpec.Builder level(Class<T> levels, Consumer<? super T> field) {
    return value(levels, field, "--level").paramLabel("<level>").hidden(true);
  }

  /** The one positional parameter, required, of a verb that takes exactly one. */
  static PositionalParamSpec.Builder parameter(Consumer<String> field, String label) {
    return bind(PositionalParamSpec.builder().index("0").type(String.class), field)
        .required(true)
        .paramLabel(label);
  }

  /**
   * Positional parameters, all of them in a list handed to {@code field}; required when {@code
   * arity} asks for at least one.
   */
  static PositionalParamSpec.Builder parameters(
      Consumer<? super List<String>> field, String label, String arity) {
    return bind(PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class), field)
        .arity(arity)
        .required(Range.valueOf(arity).min() > 0)
        .paramLabel(label);
  }

  /**
   * {@code arg} set into {@code field}. A field's own initializer is its value when the argument is
   * not given: picocli would otherwise set the binding's initial value, null, before each parse.
   */
  private static OptionSpec.Builder bind(OptionSpec.Builder option, Consumer<?> field) {
    Binding binding = Binding.to(field);
    return option.getter(binding).setter(binding).hasInitialValue(false);
  }

  /**
   * As {@link #bind(OptionSpec.Builder, Consumer)}; picocli's two builders share no public type.
   */
  private static PositionalParamSpec.Builder bind(
      PositionalParamSpec.Builder parameter, Consumer<?> field) {
    Binding binding = Binding.to(field);
    return parameter.getter(binding).setter(binding).hasInitialValue(false);
  }

  /**
   * Where picocli puts a parsed value: the command's field, through a lambda. picocli also reads
   * the value back (to add a repeated option's values to its list), so the binding keeps it too.
   */
  private static final class Binding implements IGetter, ISetter {

    private final Consumer<Object> field;
    private Object value;

    private Binding(Consumer<Object> field) {
      this.field = field;
    }

    /** picocli converts each value to the option's type before it sets it. */
    @SuppressWarnings("unchecked")
    static Binding to(Consumer<?> field) {
      return new Binding((Consumer<Object>) field);
    }

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <T> T get() {
      return (T) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T newValue) {
      T previous = (T) value;
      value = newValue;
      field.accept(newValue);
      return previous;
    }
  }
}
