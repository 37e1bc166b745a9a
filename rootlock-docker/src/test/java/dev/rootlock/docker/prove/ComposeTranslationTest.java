package dev.rootlock.docker.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.prove.ComposeRuns;
import dev.rootlock.model.fix.ProofRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Compose → engine translation, end to end: a service as Compose reads it, through {@link
 * ComposeRuns}, to the exact {@code docker run} line the trial runs, or the reasons it is not
 * provable. The bind sources live in a temporary project directory ({@code PROJECT} in the lines).
 */
class ComposeTranslationTest {

  @TempDir static Path project;

  private static String service(String fields) {
    return "services:\n  s:\n" + fields.indent(4);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "nothing set: the image as it is",
            service("image: app:1"),
            "docker run -d app:1",
            List.of()),
        Arguments.of(
            "the hardened fields, tmpfs options, user, working_dir, entrypoint and command",
            service(
                """
                image: app:1
                read_only: true
                user: "1000:1000"
                working_dir: /srv
                tmpfs:
                  - /tmp:rw,noexec,nosuid,size=64m
                  - /run:rw,noexec,nosuid,size=16m,mode=1770,uid=1000,gid=1000
                cap_drop: [ALL]
                cap_add: [cap_net_bind_service]
                security_opt: ["no-new-privileges:true"]
                entrypoint: /bin/sh -c 'exec "$$0" "$$@"'
                command: [httpd, -f, "-p 8080"]
                """),
            "docker run -d --read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m"
                + " --tmpfs /run:rw,noexec,nosuid,size=16m,mode=1770,uid=1000,gid=1000"
                + " --cap-drop ALL"
                + " --cap-add NET_BIND_SERVICE --security-opt no-new-privileges"
                + " --user 1000:1000 -w /srv --entrypoint /bin/sh app:1 -c"
                + " 'exec \"$0\" \"$@\"' httpd -f '-p 8080'",
            List.of()),
        Arguments.of(
            "environment as a mapping and as a list; long-syntax tmpfs",
            service(
                    """
                image: app:1
                environment:
                  MODE: a b
                  PORT: 8080
                volumes:
                  - {type: tmpfs, target: /cache, tmpfs: {size: 1048576}}
                """)
                + "  t:\n    image: app:2\n    environment: [\"A=1\", \"B=x=y\"]\n",
            "docker run -d --tmpfs /cache:rw,noexec,nosuid,size=1m -e 'MODE=a b' -e PORT=8080"
                + " app:1",
            List.of()),
        Arguments.of(
            "volumes: named and anonymous as fresh anonymous volumes, binds with their mode",
            service(
                    """
                image: app:1
                volumes:
                  - data:/var/lib/app
                  - /cache
                  - ./conf:/etc/app:ro
                  - ./conf:/srv/conf
                """)
                + "volumes:\n  data: {}\n",
            "docker run -d -v /var/lib/app -v /cache -v PROJECT/conf:/etc/app:ro"
                + " -v PROJECT/conf:/srv/conf app:1",
            List.of()),
        Arguments.of(
            "merge keys and extends are resolved as Compose resolves them",
            """
            x-base: &base
              image: app:1
              read_only: true
            services:
              base:
                <<: *base
                command: sleep 5
              s:
                extends: base
                tmpfs: [/tmp:size=1m]
            """,
            "docker run -d --read-only --tmpfs /tmp:rw,noexec,nosuid,size=1m app:1 sleep 5",
            List.of()),
        Arguments.of(
            "what the trial cannot run exactly",
            service(
                """
                image: app:${ROOTLOCK_PCO_NEVER_SET}
                privileged: true
                network_mode: host
                init: true
                cap_drop: [NET_RAW]
                security_opt: ["seccomp:unconfined", "apparmor:unconfined"]
                env_file: [web.env]
                environment: [TOKEN]
                secrets: [token]
                volumes:
                  - ./missing:/data
                tmpfs:
                  - /big:size=50%
                  - /x:rw,exec,size=1m
                """),
            "docker run -d app:",
            List.of(
                "interpolation: ROOTLOCK_PCO_NEVER_SET is not set, so it reads as an empty string",
                "privileged (rootlock never proves a privileged service)",
                "network_mode host",
                "init (an init process the trial does not run)",
                "secrets (files Compose mounts that the trial does not)",
                "security_opt seccomp:unconfined (the trial runs the default seccomp profile)",
                "security_opt apparmor:unconfined",
                "cap_drop [NET_RAW] without ALL (the trial drops ALL or none)",
                "tmpfs /big size 50%",
                "tmpfs /x allows exec (the trial engine mounts every tmpfs noexec,nosuid,nodev)",
                "bind mount source ./missing does not exist (the engine would create it on the"
                    + " host)",
                "env_file web.env (the trial reads no env files)",
                "environment TOKEN takes its value from the shell")),
        Arguments.of(
            "a build-only service has no image to run",
            service("build: ./src"),
            null,
            List.of("build-only service (no image: name the image it builds with image:)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translates(String name, String compose, String line, List<String> unprovable)
      throws IOException {
    Files.createDirectories(project.resolve("conf"));

    List<ProofRun> runs = ComposeRuns.of("compose.yaml", compose, project);

    ProofRun run = runs.stream().filter(r -> r.container().equals("s")).findFirst().orElseThrow();
    assertThat(run.noun()).isEqualTo("service");
    assertThat(run.unprovable()).containsExactlyInAnyOrderElementsOf(unprovable);
    if (line != null) {
      assertThat(TrialTranslation.spec(run).dockerRunLine())
          .isEqualTo(line.replace("PROJECT", project.toString()));
    }
  }

  @Test
  void aListEnvironmentKeepsEveryEntryAsWritten() {
    List<ProofRun> runs =
        ComposeRuns.of(
            "compose.yaml",
            "services:\n  t:\n    image: app:2\n    environment: [\"A=1\", \"B=x=y\"]\n",
            project);

    assertThat(runs.get(0).env()).containsExactly("A=1", "B=x=y");
    assertThat(TrialTranslation.spec(runs.get(0)).dockerRunLine())
        .isEqualTo("docker run -d -e A=1 -e B=x=y app:2");
  }

  @Test
  void onlyARestartPolicyThatRestartsMakesAServiceThatMustStayUp() {
    List<ProofRun> runs =
        ComposeRuns.of(
            "compose.yaml",
            """
            services:
              web: {image: a, restart: always}
              worker: {image: a, restart: unless-stopped}
              retry: {image: a, restart: on-failure}
              once: {image: a}
            """,
            project);

    assertThat(runs)
        .extracting(ProofRun::container, ProofRun::service)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("web", true),
            org.assertj.core.groups.Tuple.tuple("worker", true),
            org.assertj.core.groups.Tuple.tuple("retry", false),
            org.assertj.core.groups.Tuple.tuple("once", false));
  }
}
