package dev.rootlock.webhook.config;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The webhook's {@code --config} file, shaped like PSA's {@code PodSecurityConfiguration} so that
 * an existing one can be reused, with {@code hardened} also allowed as a level:
 *
 * <pre>
 * apiVersion: rootlock.dev/v1alpha1   # or pod-security.admission.config.k8s.io/v1, v1beta1, v1alpha1
 * kind: PodSecurityConfiguration
 * defaults: {enforce: hardened, enforce-version: latest, audit: ..., warn: ...}
 * exemptions: {usernames: [], runtimeClasses: [], namespaces: []}
 * </pre>
 *
 * Decoding is strict: unknown fields and wrongly typed values are errors, reported with field paths
 * ({@code defaults.enforce}, {@code exemptions.namespaces[0]}).
 */
public record WebhookConfig(Policy defaults, PsaExemptions exemptions) {

  /** What no file (or an empty one) means: everything privileged, nobody exempt. */
  public static final WebhookConfig DEFAULT =
      new WebhookConfig(Policy.ALL_PRIVILEGED, PsaExemptions.NONE);

  static final Set<String> API_VERSIONS =
      Set.of(
          "rootlock.dev/v1alpha1",
          "pod-security.admission.config.k8s.io/v1",
          "pod-security.admission.config.k8s.io/v1beta1",
          "pod-security.admission.config.k8s.io/v1alpha1");
  static final String KIND = "PodSecurityConfiguration";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String LABEL_RULE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String SUBDOMAIN_RULE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";

  /** Reads and validates a config file. */
  public static WebhookConfig load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses and validates config text.
   *
   * @param origin the file name, for messages
   * @throws InvalidConfigException listing every problem found
   */
  public static WebhookConfig parse(String text, String origin) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().setLabel(origin).build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new InvalidConfigException(origin, List.of(new FieldError("<root>", e.getMessage())));
    }
    if (root == null) {
      return DEFAULT;
    }
    List<FieldError> errors = new ArrayList<>();
    Map<?, ?> document = mapping(root, "<root>", errors);
    if (document == null) {
      throw new InvalidConfigException(origin, errors);
    }
    allowOnly(document, "", Set.of("apiVersion", "kind", "defaults", "exemptions"), errors);
    Object apiVersion = document.get("apiVersion");
    if (!(apiVersion instanceof String version) || !API_VERSIONS.contains(version)) {
      errors.add(
          FieldError.unsupported(
              "apiVersion",
              "Unsupported value: "
                  + quoted(apiVersion)
                  + ": supported values: "
                  + dev.rootlock.policy.Messages.joinQuote(
                      dev.rootlock.policy.Messages.sortedSet(API_VERSIONS))));
    }
    if (!KIND.equals(document.get("kind"))) {
      errors.add(
          FieldError.unsupported(
              "kind",
              "Unsupported value: "
                  + quoted(document.get("kind"))
                  + ": supported values: \""
                  + KIND
                  + "\""));
    }
    Policy defaults = defaults(document.get("defaults"), errors);
    PsaExemptions exemptions = exemptions(document.get("exemptions"), errors);
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(origin, errors);
    }
    return new WebhookConfig(defaults, exemptions);
  }

  private static Policy defaults(Object node, List<FieldError> errors) {
    Policy policy = Policy.ALL_PRIVILEGED;
    if (node == null) {
      return policy;
    }
    Map<?, ?> map = mapping(node, "defaults", errors);
    if (map == null) {
      return policy;
    }
    allowOnly(
        map,
        "defaults.",
        Set.of("enforce", "enforce-version", "audit", "audit-version", "warn", "warn-version"),
        errors);
    return new Policy(
        levelVersion(map, "enforce", errors),
        levelVersion(map, "audit", errors),
        levelVersion(map, "warn", errors));
  }

  private static LevelVersion levelVersion(Map<?, ?> map, String mode, List<FieldError> errors) {
    Level level = Level.PRIVILEGED;
    String levelText = string(map.get(mode), "defaults." + mode, errors);
    if (levelText != null) {
      try {
        level = Level.parse(levelText);
      } catch (IllegalArgumentException e) {
        errors.add(FieldError.invalid("defaults." + mode, levelText, PolicyLabels.LEVEL_VALUES));
      }
    }
    PolicyVersion version = PolicyVersion.LATEST;
    String field = "defaults." + mode + "-version";
    String versionText = string(map.get(mode + "-version"), field, errors);
    if (versionText != null) {
      try {
        version = PolicyVersion.parse(versionText);
      } catch (IllegalArgumentException e) {
        errors.add(FieldError.invalid(field, versionText, PolicyLabels.VERSION_VALUES));
      }
    }
    return LevelVersion.of(level, version);
  }

  private static PsaExemptions exemptions(Object node, List<FieldError> errors) {
    if (node == null) {
      return PsaExemptions.NONE;
    }
    Map<?, ?> map = mapping(node, "exemptions", errors);
    if (map == null) {
      return PsaExemptions.NONE;
    }
    allowOnly(map, "exemptions.", Set.of("usernames", "runtimeClasses", "namespaces"), errors);
    Set<String> usernames = new LinkedHashSet<>();
    for (Entry entry : entries(map.get("usernames"), "exemptions.usernames", errors)) {
      if (entry.value.isEmpty()) {
        errors.add(FieldError.invalid(entry.field, entry.value, "username must not be empty"));
      } else if (!usernames.add(entry.value)) {
        errors.add(FieldError.duplicate(entry.field, entry.value));
      }
    }
    Set<String> runtimeClasses = new LinkedHashSet<>();
    for (Entry entry : entries(map.get("runtimeClasses"), "exemptions.runtimeClasses", errors)) {
      String problem = dnsProblem(entry.value, DNS_SUBDOMAIN, 253, SUBDOMAIN_RULE);
      if (problem != null) {
        errors.add(FieldError.invalid(entry.field, entry.value, problem));
      } else if (!runtimeClasses.add(entry.value)) {
        errors.add(FieldError.duplicate(entry.field, entry.value));
      }
    }
    Set<String> namespaces = new LinkedHashSet<>();
    for (Entry entry : entries(map.get("namespaces"), "exemptions.namespaces", errors)) {
      String problem = dnsProblem(entry.value, DNS_LABEL, 63, LABEL_RULE);
      if (problem != null) {
        errors.add(FieldError.invalid(entry.field, entry.value, problem));
      } else if (!namespaces.add(entry.value)) {
        errors.add(FieldError.duplicate(entry.field, entry.value));
      }
    }
    return new PsaExemptions(usernames, runtimeClasses, namespaces);
  }

  private record Entry(String field, String value) {}

  private static List<Entry> entries(Object node, String field, List<FieldError> errors) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      errors.add(
          new FieldError(field, "Invalid value: " + quoted(node) + ": must be a list of strings"));
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String value = string(list.get(i), field + "[" + i + "]", errors);
      if (value != null) {
        entries.add(new Entry(field + "[" + i + "]", value));
      } else if (list.get(i) == null) {
        errors.add(new FieldError(field + "[" + i + "]", "Required value"));
      }
    }
    return entries;
  }

  private static String dnsProblem(String value, Pattern pattern, int maxLength, String rule) {
    if (value.length() > maxLength) {
      return "must be no more than " + maxLength + " characters";
    }
    if (!pattern.matcher(value).matches()) {
      return rule + " (regex used for validation is '" + pattern.pattern() + "')";
    }
    return null;
  }

  private static Map<?, ?> mapping(Object node, String field, List<FieldError> errors) {
    if (node instanceof Map<?, ?> map) {
      return map;
    }
    errors.add(new FieldError(field, "Invalid value: " + quoted(node) + ": must be a mapping"));
    return null;
  }

  private static String string(Object node, String field, List<FieldError> errors) {
    if (node == null || node instanceof String) {
      return (String) node;
    }
    errors.add(new FieldError(field, "Invalid value: " + quoted(node) + ": must be a string"));
    return null;
  }

  private static void allowOnly(
      Map<?, ?> map, String prefix, Set<String> known, List<FieldError> errors) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        errors.add(new FieldError(prefix + key, "unknown field \"" + key + "\""));
      }
    }
  }

  private static String quoted(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
