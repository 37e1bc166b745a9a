package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code rootlock fix --prove [--discover]} against a real engine, with the test images. */
@ExtendWith(RealEngine.class)
class FixProveCommandIT {

  private static final String NGINX_DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: nginx
                image: rootlock-test/nginx  # the Debian nginx test image
      """;

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();

  @TempDir Path dir;

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void discoverMakesTheNginxDeploymentProvenAndASecondRunChangesNothing() throws Exception {
    Path file = dir.resolve("web.yaml");
    Files.writeString(file, NGINX_DEPLOYMENT);

    CliRun first = CliRun.of("fix", "--prove", "--discover", "--write", file.toString());

    String fixed = Files.readString(file);
    // SETGID and SETUID come from nginx's error.log on the trial's tmpfs (its master prints
    // nothing and stays up while the workers fail): the trial engine reads log files on its mounts.
    assertThat(first.err())
        .contains(
            "discover: deployment/web container \"nginx\": writes /var/lib/nginx,"
                + " /var/log/nginx, /run; needs capabilities CHOWN, SETGID, SETUID; must start"
                + " as root; last trial proven: stayed up\n")
        .contains("prove: deployment/web container \"nginx\": proven: stayed up\n")
        .contains(
            "  ran: docker run -d --read-only --tmpfs /tmp:rw,size=64m"
                + " --tmpfs /var/lib/nginx:rw,size=16m --tmpfs /var/log/nginx:rw,size=16m"
                + " --tmpfs /run:rw,size=16m --cap-drop ALL --cap-add CHOWN --cap-add SETGID"
                + " --cap-add SETUID --security-opt no-new-privileges rootlock-test/nginx\n");
    String alternative =
        "docker run -d --read-only --tmpfs /tmp:rw,size=64m,uid=33,gid=33"
            + " --tmpfs /var/lib/nginx:rw,size=16m,uid=33,gid=33"
            + " --tmpfs /var/log/nginx:rw,size=16m,uid=33,gid=33"
            + " --tmpfs /run:rw,size=16m,uid=33,gid=33 --cap-drop ALL"
            + " --security-opt no-new-privileges --user 33:33 rootlock-test/nginx";
    assertThat(first.err())
        .contains(
            "\n  note (not written into the manifest): a non-root alternative (runAsUser: 33,"
                + " runAsGroup: 33, fsGroup: 33, no capabilities.add) proven: stayed up; it"
                + " listens on port(s) [80], which Docker lets a non-root user bind"
                + " (ip_unprivileged_port_start=0) and a cluster may not; ran: "
                + alternative
                + "\n");
    assertStaysUpWithoutErrors(alternative);
    // It wrote what it planned and proved every container: 0, as --write exits (issue 11).
    assertThat(first.exitCode()).isZero();
    assertThat(fixed)
        .isEqualTo(
            NGINX_DEPLOYMENT
                + """
                          securityContext:
                            readOnlyRootFilesystem: true
                            allowPrivilegeEscalation: false
                            capabilities:
                              drop:
                                - ALL
                              add:
                                - CHOWN
                                - SETGID
                                - SETUID
                          volumeMounts:
                            - name: tmp
                              mountPath: /tmp
                            - name: var-lib-nginx
                              mountPath: /var/lib/nginx
                            - name: var-log-nginx
                              mountPath: /var/log/nginx
                            - name: run
                              mountPath: /run
                      securityContext:
                        seccompProfile:
                          type: RuntimeDefault
                      volumes:
                        - name: tmp
                          emptyDir:
                            medium: Memory
                            sizeLimit: 64Mi
                        - name: var-lib-nginx
                          emptyDir:
                            medium: Memory
                            sizeLimit: 16Mi
                        - name: var-log-nginx
                          emptyDir:
                            medium: Memory
                            sizeLimit: 16Mi
                        - name: run
                          emptyDir:
                            medium: Memory
                            sizeLimit: 16Mi
                """);

    CliRun second = CliRun.of("fix", "--prove", "--discover", "--write", file.toString());

    assertThat(Files.readString(file)).isEqualTo(fixed);
    assertThat(second.err())
        .contains("prove: deployment/web container \"nginx\": proven: stayed up\n")
        .doesNotContain("fixed " + file);
    assertThat(second.exitCode()).isZero();
  }

  @Test
  void discoverCarriesTheUserOwnsItsTmpfsAndNeverMountsEtc() throws Exception {
    String app =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          selector:
            matchLabels: {app: app}
          template:
            metadata:
              labels: {app: app}
            spec:
              securityContext:
                runAsUser: 1000
                runAsGroup: 1000
              containers:
                - name: app  # writes /run, /tmp and /etc/app.conf
                  image: rootlock-test/busybox-app
        """;
    Path file = dir.resolve("app.yaml");
    Files.writeString(file, app);

    CliRun first = CliRun.of("fix", "--prove", "--discover", "--write", file.toString());

    // The user runs every trial (--user 1000:1000) and owns each emptyDir's tmpfs, as the
    // kubelet's 0777 emptyDir lets it write; /etc is refused, so the proof names the write.
    String ran =
        "  ran: docker run -d --read-only --tmpfs /tmp:rw,size=64m,uid=1000,gid=1000"
            + " --tmpfs /run:rw,size=16m,uid=1000,gid=1000 --cap-drop ALL"
            + " --security-opt no-new-privileges --user 1000:1000 rootlock-test/busybox-app\n";
    assertThat(first.err())
        .isEqualTo(
            "discover: deployment/app container \"app\": writes /run; last trial failed: stayed"
                + " up\n"
                + "fixed "
                + file
                + "\n"
                + "prove: deployment/app container \"app\": failed: stayed up; refused: write to"
                + " /etc/app.conf (read-only file system)\n"
                + ran
                + "fix: 1 file fixed, 1 object hardened\n");
    assertThat(first.exitCode()).isEqualTo(1);
    String fixed = Files.readString(file);
    assertThat(fixed)
        .isEqualTo(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
            spec:
              selector:
                matchLabels: {app: app}
              template:
                metadata:
                  labels: {app: app}
                spec:
                  securityContext:
                    runAsUser: 1000
                    runAsGroup: 1000
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: app  # writes /run, /tmp and /etc/app.conf
                      image: rootlock-test/busybox-app
                      securityContext:
                        readOnlyRootFilesystem: true
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                            - ALL
                        runAsNonRoot: true
                      volumeMounts:
                        - name: tmp
                          mountPath: /tmp
                        - name: run
                          mountPath: /run
                  volumes:
                    - name: tmp
                      emptyDir:
                        medium: Memory
                        sizeLimit: 64Mi
                    - name: run
                      emptyDir:
                        medium: Memory
                        sizeLimit: 16Mi
            """);

    CliRun second = CliRun.of("fix", "--prove", "--discover", "--write", file.toString());

    assertThat(Files.readString(file)).isEqualTo(fixed);
    assertThat(second.err()).doesNotContain("fixed ").contains(ran);
    assertThat(second.exitCode()).isEqualTo(1);
  }

  /**
   * Runs {@code line} through bash exactly as printed: it stays up read-only, and nginx's error.log
   * on its tmpfs holds no [emerg] (its master stays up even when its workers die).
   */
  private static void assertStaysUpWithoutErrors(String line) throws InterruptedException {
    Shell started = Shell.bash(line);
    assertThat(started.exitCode()).as(line + "\n" + started.out()).isZero();
    String id = started.out().lines().reduce((a, b) -> b).orElseThrow();
    try {
      Thread.sleep(3000);
      assertThat(Shell.stateOf(id)).startsWith("true true 0");
      assertThat(Shell.docker("exec", id, "cat", "/var/log/nginx/error.log"))
          .doesNotContain("[emerg]");
      // The master and its workers (one per core), all as 33.
      List<String> processes =
          Shell.docker("top", id, "-o", "pid,uid,comm").lines().skip(1).toList();
      assertThat(processes)
          .hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy(p -> assertThat(p.split("\\s+")).endsWith("33", "nginx"));
    } finally {
      Shell.docker("rm", "-f", id);
    }
  }

  @Test
  void badInputIsReportedPerContainerAndTheRestIsStillProven() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad
        spec:
          containers:
            - name: secret
              image: rootlock-test/busybox
              command: ["sleep", "3600"]
              env:
                - name: TOKEN
                  valueFrom: {secretKeyRef: {name: s, key: k}}
            - name: gone
              image: rootlock-test/not-here
            - name: app
              image: rootlock-test/busybox
              command: ["sleep", "3600"]
              securityContext: {runAsUser: 1000}
        """);

    CliRun run = CliRun.of("fix", "--prove", "--prove-for", "5s", file.toString());

    assertThat(run.err())
        .contains(
            "prove: pod/bad container \"secret\": not provable: env TOKEN from a secret\n",
            "prove: pod/bad container \"gone\": not provable: image \"rootlock-test/not-here\""
                + " is not local (rootlock never pulls)\n",
            "prove: pod/bad container \"app\": proven: stayed up\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }
}
