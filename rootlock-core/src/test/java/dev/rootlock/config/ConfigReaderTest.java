package dev.rootlock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.policy.exempt.Exemption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

  private static final Set<String> CHECKS = Engine.standard().checkIds();

  private static RootlockConfig parse(String text) throws ConfigException {
    return ConfigReader.parse(".rootlock.yaml", text, Path.of("/repo"), CHECKS);
  }

  @Test
  void readsTheIssuesExample() throws ConfigException {
    RootlockConfig config =
        parse(
            """
            level: hardened
            version: v1.30
            baseline: ci/baseline.json
            exemptions:
              - checks: [readOnlyRootFilesystem]
                image: "registry.example/vendor/*"
                reason: "vendor image writes under /opt; tracked in SEC-12"
                expires: 2027-03-31
              - checks: [hostNamespaces]
                kind: DaemonSet
                name: node-agent
                namespace: monitoring
                reason: "needs the host network to scrape node metrics"
            """);
    assertEquals(Level.HARDENED, config.level());
    assertEquals(PolicyVersion.v1(30), config.version());
    assertEquals(Path.of("/repo/ci/baseline.json"), config.baseline());
    assertEquals(2, config.exemptions().size());
    Exemption first = config.exemptions().get(0);
    assertEquals(Set.of("readOnlyRootFilesystem"), first.checks());
    assertEquals("registry.example/vendor/*", first.scope().image().pattern());
    assertEquals(LocalDate.of(2027, 3, 31), first.expires());
    assertEquals(".rootlock.yaml:5:5", first.source());
    Exemption second = config.exemptions().get(1);
    assertEquals("DaemonSet", second.scope().kind().pattern());
    assertEquals("monitoring", second.scope().namespace().pattern());
    assertEquals(null, second.expires());
  }

  @Test
  void anEmptyFileIsAnEmptyConfig() throws ConfigException {
    assertEquals(0, parse("# nothing yet\n").exemptions().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown top key       | levle: hardened                                                       | .rootlock.yaml:1:1: levle: unknown key (allowed: baseline, exemptions, level, version)
          wrong type            | level: [hardened]                                                     | .rootlock.yaml:1:8: level: must be a string, got a list
          bad level             | level: privileged                                                     | .rootlock.yaml:1:8: level: must be baseline, restricted or hardened
          bad version           | version: 1.30                                                         | .rootlock.yaml:1:10: version: must be a string, got float 1.30
          unknown exemption key | 'exemptions:\\n  - checks: [privileged]\\n    reason: x\\n    namespaces: a' | .rootlock.yaml:4:5: exemptions[0].namespaces: unknown key (allowed: checks, container, expires, image, kind, name, namespace, reason)
          unknown check         | 'exemptions:\\n  - checks: [readOnlyRootFS]\\n    reason: x'              | .rootlock.yaml:2:14: exemptions[0].checks[0]: unknown check ID "readOnlyRootFS" (see rootlock's docs/checks.md)
          missing reason        | 'exemptions:\\n  - checks: [privileged]'                                | .rootlock.yaml:2:5: exemptions[0].reason: required: say why the finding is accepted
          empty reason          | 'exemptions:\\n  - checks: ["*"]\\n    reason: ""'                      | .rootlock.yaml:3:13: exemptions[0].reason: must not be empty
          invalid glob          | 'exemptions:\\n  - checks: [privileged]\\n    reason: x\\n    image: "a[b"' | .rootlock.yaml:4:12: exemptions[0].image: invalid glob "a[b": '[' is not supported (only * and ?)
          date format           | 'exemptions:\\n  - checks: [privileged]\\n    reason: x\\n    expires: 31/03/2027' | .rootlock.yaml:4:14: exemptions[0].expires: "31/03/2027" is not a date: write YYYY-MM-DD
          no such day           | 'exemptions:\\n  - checks: [privileged]\\n    reason: x\\n    expires: 2027-02-30' | .rootlock.yaml:4:14: exemptions[0].expires: "2027-02-30" is not a date: no such day
          checks not a list     | 'exemptions:\\n  - checks: privileged\\n    reason: x'                  | .rootlock.yaml:2:13: exemptions[0].checks: must be a list of check IDs, got string privileged
          exemptions a mapping  | 'exemptions:\\n  checks: [privileged]'                                  | .rootlock.yaml:2:3: exemptions: must be a list, got a mapping
          not YAML              | 'level: "unterminated'                                                | .rootlock.yaml:1:21: found unexpected end of stream (while scanning a quoted scalar at 1:8)
          """)
  void badInputIsOneLineNamingFileLineAndField(String what, String text, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(text.replace("\\n", "\n")));
    assertEquals(message, e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }
}
