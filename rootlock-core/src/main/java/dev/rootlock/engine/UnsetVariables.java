package dev.rootlock.engine;

import dev.rootlock.model.Finding;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.source.compose.ComposeFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A Compose project evaluated both ways for each variable it reads that is not set when rootlock
 * runs: as Compose reads it here (empty, or the written default), and with the variable set to each
 * value the checks turn on ({@link #PROBES}), since the environment it is deployed with may set it.
 * What only a set variable makes fail is reported, saying which value does it:
 *
 * <ul>
 *   <li>a variable with no default written ({@code ${VAR}}, {@code ${VAR:+alt}}) has no value here
 *       at all, so what it makes fail is a finding ({@code ... when VAR is set to "true"});
 *   <li>a variable whose written default applies ({@code ${VAR:-d}}) is taken at its default, the
 *       value the author chose, so what another value makes fail is a note.
 * </ul>
 */
final class UnsetVariables {

  /** Values tried for an unset variable: the booleans, root's uid, and the host namespace. */
  static final List<String> PROBES = List.of("true", "false", "0", "host");

  /** Each variable tried costs a read of the project per probe, so only so many are tried. */
  static final int MAX_VARIABLES = 16;

  private final Map<String, ObjectResult> results;

  UnsetVariables(Map<String, ObjectResult> results) {
    this.results = new LinkedHashMap<>(results);
  }

  /** The results, with what the probes found added. */
  List<ObjectResult> results() {
    return new ArrayList<>(results.values());
  }

  /**
   * Tries each unset variable of {@code compose}: {@code readWith.apply(variable).apply(value)} is
   * the project read with {@code variable} set to {@code value}.
   */
  void probe(
      ComposeFile compose,
      Function<String, Function<String, ComposeFile>> readWith,
      ContainerEvaluator containers,
      LevelVersion policy) {
    Set<String> reported = new HashSet<>();
    List<String> variables = new ArrayList<>(compose.unknownVariables());
    variables.addAll(compose.defaultedVariables());
    for (String variable : variables.subList(0, Math.min(MAX_VARIABLES, variables.size()))) {
      boolean unknown = compose.unknownVariables().contains(variable);
      for (String value : PROBES) {
        ComposeFile variant;
        try {
          variant = readWith.apply(variable).apply(value);
        } catch (RuntimeException e) {
          continue; // a probe that cannot be read says nothing; the real read is reported
        }
        for (DockerObject service : variant.services()) {
          ObjectResult primary = results.get(service.config().name());
          if (primary == null) {
            continue;
          }
          ObjectResult tried;
          try {
            tried = containers.evaluate(service, policy);
          } catch (RuntimeException e) {
            continue;
          }
          for (Finding finding : tried.findings()) {
            String key = service.config().name() + " " + finding.check() + " " + finding.path();
            if (failsAlready(primary, finding) || !reported.add(key)) {
              continue;
            }
            String when = " when " + variable + " is set to \"" + value + "\"";
            results.put(
                service.config().name(),
                unknown
                    ? withFinding(primary, finding, when, variable, tried.message())
                    : withNote(primary, finding, when, variable));
            primary = results.get(service.config().name());
          }
        }
      }
    }
  }

  private static boolean failsAlready(ObjectResult primary, Finding finding) {
    return primary.findings().stream()
        .anyMatch(f -> f.check().equals(finding.check()) && f.path().equals(finding.path()));
  }

  private static ObjectResult withFinding(
      ObjectResult primary, Finding finding, String when, String variable, String message) {
    String detail =
        (finding.detail().isEmpty() ? finding.reason() : finding.detail())
            + when
            + " ("
            + variable
            + " is not set here and no default is written)";
    List<Finding> findings = new ArrayList<>(primary.findings());
    findings.add(
        new Finding(
            primary.object(),
            finding.check(),
            finding.level(),
            finding.containers(),
            finding.reason(),
            detail,
            finding.path(),
            finding.position(),
            finding.otherPaths(),
            finding.file()));
    return new ObjectResult(
        primary.object(),
        false,
        primary.allowed() ? message + when : primary.message(),
        findings,
        primary.notes());
  }

  private static ObjectResult withNote(
      ObjectResult primary, Finding finding, String when, String variable) {
    List<String> notes = new ArrayList<>(primary.notes());
    notes.add(
        finding.path()
            + ": "
            + finding.check()
            + " would fail"
            + when
            + ": "
            + (finding.detail().isEmpty() ? finding.reason() : finding.detail())
            + " ("
            + variable
            + " is not set here, so its written default applies)");
    return new ObjectResult(
        primary.object(), primary.allowed(), primary.message(), primary.findings(), notes);
  }
}
