package dev.rootlock.webhook.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The install manifests' source files ({@code dev/rootlock/webhook/install/*.yaml}) and the tiny
 * template language they are written in. Both {@code rootlock webhook manifests} and the Helm
 * chart's templates ({@code deploy/helm/rootlock/templates}) are made from these files, so the two
 * cannot drift: {@link #expand} fills them in with values, {@link #toHelm} rewrites them as Go
 * templates.
 *
 * <p>The language: {@code ${name}} inside a line is a value; a line that is only {@code ${name}}
 * (and its indentation) is a block, whose lines are indented as it is and which leaves no line at
 * all when empty; a line {@code #if name} or {@code #if !name} up to its {@code #end} is kept only
 * when the flag is (or is not) set. Nothing else is special, so every file stays readable YAML.
 */
public final class InstallTemplates {

  /** In the order they are applied. */
  public static final List<String> FILES =
      List.of(
          "00-namespace.yaml",
          "01-serviceaccount.yaml",
          "02-rbac.yaml",
          "03-certificate.yaml",
          "04-config.yaml",
          "05-service.yaml",
          "06-deployment.yaml",
          "07-validating.yaml",
          "08-mutating.yaml");

  /** Flags resolved when the chart is made: the chart leaves the namespace to Helm. */
  public static final Map<String, Boolean> HELM_STATIC_FLAGS = Map.of("standalone", false);

  /** Flags the chart decides at install time, as Go template conditions. */
  public static final Map<String, String> HELM_FLAGS =
      Map.of(
          "certManager", ".Values.certManager.enabled",
          "shadowPsa", ".Values.shadowPsa");

  /** Values as Go template expressions. */
  public static final Map<String, String> HELM_VALUES =
      Map.of(
          "namespace", "{{ .Release.Namespace }}",
          "image", "{{ include \"rootlock.image\" . }}",
          "replicas", "{{ .Values.replicas }}",
          "failurePolicy", "{{ .Values.failurePolicy }}",
          "caBundle", "{{ include \"rootlock.caBundle\" . }}",
          "excludedNamespaces", "{{ include \"rootlock.excludedNamespaces\" . }}",
          "defaults", "{{ toJson .Values.defaults }}",
          "exemptions", "{{ toJson .Values.exemptions }}");

  /**
   * Blocks as Helm chart helpers ({@code _helpers.tpl}), each of which renders YAML lines from the
   * chart's values, or nothing.
   */
  public static final Map<String, String> HELM_BLOCKS =
      Map.of(
          "workloadKindArgs", "rootlock.workloadKindArgs",
          "workloadKindRules", "rootlock.workloadKindRules");

  private static final Pattern BLOCK = Pattern.compile("( *)\\$\\{([A-Za-z]+)}");
  private static final Pattern VALUE = Pattern.compile("\\$\\{([A-Za-z]+)}");
  private static final Pattern IF = Pattern.compile("#if (!?)([A-Za-z]+)");

  private InstallTemplates() {}

  /** One source file's text. */
  public static String read(String file) {
    try (InputStream in =
        InstallTemplates.class.getResourceAsStream("/dev/rootlock/webhook/install/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing install template " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fills a template in.
   *
   * @throws IllegalStateException on a flag or value not given, or an unbalanced {@code #if}: a
   *     template bug, never the user's
   */
  public static String expand(
      String file, String text, Map<String, Boolean> flags, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    Deque<Boolean> keeping = new ArrayDeque<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      Matcher condition = IF.matcher(line);
      if (condition.matches()) {
        Boolean flag = flags.get(condition.group(2));
        if (flag == null) {
          throw new IllegalStateException(file + ":" + number + ": no flag " + condition.group(2));
        }
        keeping.push(flag != condition.group(1).equals("!"));
      } else if (line.equals("#end")) {
        if (keeping.poll() == null) {
          throw new IllegalStateException(file + ":" + number + ": #end without #if");
        }
      } else if (!keeping.contains(false)) {
        Matcher block = BLOCK.matcher(line);
        if (block.matches()) {
          String value = values.get(block.group(2));
          if (value == null) {
            throw new IllegalStateException(file + ":" + number + ": no value " + block.group(2));
          }
          value.lines().forEach(l -> out.append(block.group(1)).append(l).append('\n'));
        } else {
          out.append(substitute(file, number, line, values)).append('\n');
        }
      }
    }
    if (!keeping.isEmpty()) {
      throw new IllegalStateException(file + ": #if without #end");
    }
    return out.substring(0, Math.max(0, out.length() - 1));
  }

  /** A source file as a Helm chart template. */
  public static String toHelm(String file, String text) {
    StringBuilder out = new StringBuilder();
    Deque<Boolean> keeping = new ArrayDeque<>();
    Deque<Boolean> helmIf = new ArrayDeque<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      Matcher condition = IF.matcher(line);
      boolean kept = !keeping.contains(false);
      if (condition.matches()) {
        String name = condition.group(2);
        boolean negated = condition.group(1).equals("!");
        if (HELM_STATIC_FLAGS.containsKey(name)) {
          keeping.push(HELM_STATIC_FLAGS.get(name) != negated);
          helmIf.push(false);
        } else if (HELM_FLAGS.containsKey(name)) {
          keeping.push(true);
          helmIf.push(true);
          if (kept) {
            out.append("{{- if ")
                .append(negated ? "not " : "")
                .append(HELM_FLAGS.get(name))
                .append(" }}\n");
          }
        } else {
          throw new IllegalStateException(file + ":" + number + ": no flag " + name);
        }
      } else if (line.equals("#end")) {
        Boolean wasHelm = helmIf.poll();
        if (wasHelm == null) {
          throw new IllegalStateException(file + ":" + number + ": #end without #if");
        }
        keeping.pop();
        if (wasHelm && !keeping.contains(false)) {
          out.append("{{- end }}\n");
        }
      } else if (kept) {
        Matcher block = BLOCK.matcher(line);
        if (block.matches()) {
          String helper = HELM_BLOCKS.get(block.group(2));
          if (helper == null) {
            throw new IllegalStateException(file + ":" + number + ": no block " + block.group(2));
          }
          // The helper's lines, indented as the block, or no line at all when it renders nothing.
          out.append("{{- with (include \"")
              .append(helper)
              .append("\" . | trim) }}{{ nindent ")
              .append(block.group(1).length())
              .append(" . }}{{ end }}\n");
        } else {
          out.append(substitute(file, number, line, HELM_VALUES)).append('\n');
        }
      }
    }
    if (!keeping.isEmpty()) {
      throw new IllegalStateException(file + ": #if without #end");
    }
    return out.substring(0, Math.max(0, out.length() - 1));
  }

  private static String substitute(
      String file, int number, String line, Map<String, String> values) {
    // A "${" that is not a whole placeholder (a typo such as ${image or ${name-space}) would
    // otherwise pass through into the manifests as text.
    if (VALUE.matcher(line).replaceAll("").contains("${")) {
      throw new IllegalStateException(
          file + ":" + number + ": malformed placeholder: " + line.strip());
    }
    Matcher matcher = VALUE.matcher(line);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(file + ":" + number + ": no value " + matcher.group(1));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(out).toString();
  }
}
