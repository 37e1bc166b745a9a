package dev.rootlock.docker.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.prove.ManifestRuns;
import dev.rootlock.model.fix.ProofRun;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes → engine translation, end to end: a manifest as the API server reads it, through
 * {@link ManifestRuns}, to the exact {@code docker run} line the trial runs, or the reason it is
 * not provable.
 */
class TrialTranslationTest {

  private static String pod(String containerFields, String podFields) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
        %s
          containers:
            - name: c
              image: app:1
        %s
        """
        .formatted(podFields.indent(2).stripTrailing(), containerFields.indent(6).stripTrailing());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "nothing set: only the seccomp profile, which is the engine's default",
            pod("", ""),
            "docker run -d app:1",
            List.of()),
        Arguments.of(
            "the hardened fields",
            pod(
                """
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  runAsUser: 1000
                  runAsGroup: 3000
                  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
                """,
                ""),
            "docker run -d --read-only --cap-drop ALL --cap-add NET_BIND_SERVICE"
                + " --security-opt no-new-privileges --user 1000:3000 app:1",
            List.of()),
        Arguments.of(
            "pod-level user, emptyDirs (memory and disk), PVC and configMap",
            pod(
                """
                volumeMounts:
                  - {name: tmp, mountPath: /tmp}
                  - {name: cache, mountPath: /var/cache/app}
                  - {name: data, mountPath: /data}
                  - {name: conf, mountPath: /etc/app}
                """,
                """
                volumes:
                  - {name: tmp, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
                  - {name: cache, emptyDir: {sizeLimit: 1Gi}}
                  - {name: data, persistentVolumeClaim: {claimName: d}}
                  - {name: conf, configMap: {name: c}}
                """
                    + "securityContext: {runAsUser: 101, seccompProfile: {type: RuntimeDefault}}"),
            "docker run -d --tmpfs /tmp:rw,size=64m,uid=101 --tmpfs /var/cache/app:rw,"
                + "size=1024m,uid=101 -v /data -v /etc/app:ro --user 101 app:1",
            List.of()),
        Arguments.of(
            "command, args and literal env",
            pod(
                """
                command: [sh, -c]
                args: ["echo $HOME && sleep 1"]
                env:
                  - {name: MODE, value: "a b"}
                  - {name: NUM, value: "5"}
                  - {name: N, value: "6"}
                """,
                ""),
            "docker run -d -e 'MODE=a b' -e NUM=5 --entrypoint sh app:1 -c"
                + " 'echo $HOME && sleep 1'",
            List.of("env name false is not a string (the API server refuses it)")),
        Arguments.of(
            "what has no exact engine equivalent",
            pod(
                """
                securityContext: {privileged: true, runAsGroup: 5, capabilities: {drop: [NET_RAW]}}
                envFrom: [{secretRef: {name: s}}]
                env: [{name: T, valueFrom: {configMapKeyRef: {name: c, key: k}}}]
                volumeMounts:
                  - {name: host, mountPath: /host}
                  - {name: tmp, mountPath: /etc/x.conf, subPath: x.conf}
                """,
                """
                hostNetwork: true
                volumes:
                  - {name: host, hostPath: {path: /srv}}
                  - {name: tmp, emptyDir: {}}
                """),
            "docker run -d app:1",
            List.of(
                "privileged",
                "host namespaces",
                "runAsGroup without runAsUser (docker run has no group-only --user)",
                "hostPath volume \"host\"",
                "subPath mount at /etc/x.conf",
                "capabilities.drop [NET_RAW] without ALL (the trial drops ALL or none)",
                "envFrom",
                "env T from a configMap")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translates(String name, String manifest, String line, List<String> unprovable) {
    List<ProofRun> runs = ManifestRuns.of("p.yaml", manifest);

    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).unprovable()).containsExactlyElementsOf(unprovable);
    assertThat(TrialTranslation.spec(runs.get(0)).dockerRunLine()).isEqualTo(line);
  }
}
