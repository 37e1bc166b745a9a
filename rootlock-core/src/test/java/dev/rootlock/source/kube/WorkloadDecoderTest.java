package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.Position;
import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.ContainerPort;
import dev.rootlock.model.pod.EmptyDir;
import dev.rootlock.model.pod.ObjectMeta;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.model.pod.ProbeHost;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.SecurityContext;
import dev.rootlock.model.pod.Sysctl;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.model.pod.WindowsOptions;
import dev.rootlock.model.pod.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadDecoderTest {

  private static Workload readOne(String name, String text) {
    ReadResult result = new ManifestReader().read(name, text);
    assertThat(result.errors()).isEmpty();
    assertThat(result.workloads()).hasSize(1);
    return result.workloads().get(0);
  }

  private static Workload readOne(String text) {
    return readOne("test.yaml", text);
  }

  private static final String FULL_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: full
        namespace: prod
        labels: {app: web, tier: front}
        annotations:
          seccomp.security.alpha.kubernetes.io/pod: runtime/default
      spec:
        hostNetwork: true
        hostPID: no
        hostIPC: off
        hostUsers: false
        os: {name: linux}
        runtimeClassName: gvisor
        securityContext:
          runAsNonRoot: yes
          runAsUser: 1000
          runAsGroup: 0x3E8
          fsGroup: 2000
          supplementalGroups: [3000]
          seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
          seLinuxOptions: {user: u, role: r, type: t, level: s0}
          appArmorProfile: {type: RuntimeDefault}
          windowsOptions: {hostProcess: false}
          sysctls:
          - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
        initContainers:
        - name: init
          image: busybox
        containers:
        - name: app
          image: nginx
          securityContext:
            privileged: false
            allowPrivilegeEscalation: n
            readOnlyRootFilesystem: Y
            runAsNonRoot: true
            runAsUser: 0755
            runAsGroup: 1000.0
            capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
            seccompProfile: {type: RuntimeDefault}
            seLinuxOptions: {type: spc_t}
            appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}
            windowsOptions: {hostProcess: true}
            procMount: Unmasked
          ports:
          - {containerPort: 8080, hostPort: 80}
          - containerPort: 9090
          volumeMounts:
          - {name: tmp, mountPath: /tmp}
          - {name: data, mountPath: /data, readOnly: true, subPath: app}
          livenessProbe: {httpGet: {host: example.com, port: 80}}
          readinessProbe: {tcpSocket: {host: "", port: 80}}
          startupProbe: {httpGet: {port: 80}}
          lifecycle:
            postStart: {tcpSocket: {host: 10.0.0.1, port: 1}}
            preStop: {httpGet: {host: localhost, port: 1}}
          resources: {limits: {memory: 512Mi}}
        ephemeralContainers:
        - name: debug
          image: busybox
          resources: {limits: {memory: 1000000}}
        volumes:
        - name: tmp
          emptyDir: {medium: Memory, sizeLimit: 64Mi}
        - name: data
          persistentVolumeClaim: {claimName: data}
        - name: bare
        - name: nulled
          hostPath:
        - name: host
          hostPath: {path: /etc}
          emptyDir:
      """;

  @Test
  void everyModelledFieldIsDecoded() {
    Workload workload = readOne(FULL_POD);

    assertThat(workload.problems()).isEmpty();
    assertThat(workload.metadata())
        .isEqualTo(
            new ObjectMeta(
                "full",
                "prod",
                Map.of("app", "web", "tier", "front"),
                Map.of("seccomp.security.alpha.kubernetes.io/pod", "runtime/default")));
    assertThat(workload.pod().metadata()).isEqualTo(workload.metadata());
    PodSpec spec = workload.pod().spec();
    assertThat(spec.initContainers())
        .containsExactly(
            new Container(
                ContainerKind.INIT,
                0,
                "init",
                "busybox",
                SecurityContext.EMPTY,
                false,
                List.of(),
                List.of(),
                List.of(),
                null));
    assertThat(spec.containers())
        .containsExactly(
            new Container(
                ContainerKind.REGULAR,
                0,
                "app",
                "nginx",
                new SecurityContext(
                    false,
                    false,
                    true,
                    true,
                    493L,
                    1000L,
                    new Capabilities(List.of("NET_BIND_SERVICE"), List.of("ALL")),
                    new SeccompProfile("RuntimeDefault", null),
                    new SeLinuxOptions(null, null, "spc_t", null),
                    new AppArmorProfile("Localhost", "k8s-nginx"),
                    new WindowsOptions(true),
                    "Unmasked",
                    Map.of()),
                true,
                List.of(new ContainerPort(8080, 80), new ContainerPort(9090, null)),
                List.of(
                    new VolumeMount("tmp", "/tmp", null, null),
                    new VolumeMount("data", "/data", true, "app")),
                List.of(
                    new ProbeHost("livenessProbe.httpGet", "example.com"),
                    new ProbeHost("lifecycle.postStart.tcpSocket", "10.0.0.1"),
                    new ProbeHost("lifecycle.preStop.httpGet", "localhost")),
                "512Mi"));
    assertThat(spec.ephemeralContainers())
        .containsExactly(
            new Container(
                ContainerKind.EPHEMERAL,
                0,
                "debug",
                "busybox",
                SecurityContext.EMPTY,
                false,
                List.of(),
                List.of(),
                List.of(),
                "1000000"));
    assertThat(spec.securityContext())
        .isEqualTo(
            new PodSecurityContext(
                true,
                1000L,
                1000L,
                2000L,
                new SeccompProfile("Localhost", "profiles/audit.json"),
                new SeLinuxOptions("u", "r", "t", "s0"),
                new AppArmorProfile("RuntimeDefault", null),
                new WindowsOptions(false),
                List.of(new Sysctl("net.ipv4.ip_local_port_range", "1024 65535")),
                Map.of()));
    assertThat(spec.hasSecurityContext()).isTrue();
    assertThat(List.of(spec.hostNetwork(), spec.hostPID(), spec.hostIPC(), spec.hostUsers()))
        .containsExactly(true, false, false, false);
    assertThat(spec.osName()).isEqualTo("linux");
    assertThat(spec.runtimeClassName()).isEqualTo("gvisor");
  }

  @Test
  void volumeSourcesAreTheWrittenNonNullKeysOtherThanName() {
    PodSpec spec = readOne(FULL_POD).pod().spec();

    assertThat(spec.volumes())
        .containsExactly(
            new Volume(0, "tmp", List.of("emptyDir"), new EmptyDir("Memory", "64Mi")),
            new Volume(1, "data", List.of("persistentVolumeClaim"), null),
            new Volume(2, "bare", List.of(), null),
            new Volume(3, "nulled", List.of(), null),
            new Volume(4, "host", List.of("hostPath"), null, "/etc"));
  }

  private static final String WRONG_TYPES =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: bad
        labels: {version: 1.0}
      spec:
        template:
          spec:
            hostNetwork: "true"
            securityContext:
              readOnlyRootFilesystem: true
              runAsUser: "1000"
              sysctls: kernel.shm_rmid_forced=1
            containers:
            - name: app
              securityContext:
                privileged: "true"
                allowPrivilegeEscalation: tRUE
                readOnlyRootFilesystem: 'yes'
                runAsUser: 1.5
                runAsGroup: 9223372036854775808
                capabilities: {drop: ALL, add: [1]}
                seccompProfile: {type: 1}
                windowsOptions: {hostProcess: "false"}
                runAsNonRoot:
                procMount: ~
                readOnlyRootFileSystem: true
              ports:
              - containerPort: 3000000000
              - 8080
              volumeMounts: {name: tmp}
            - just a string
            volumes:
            - name: v
              emptyDir: []
      """;

  @Test
  void wrongTypesAreProblemsAndReadAsUnset() {
    Workload workload = readOne(WRONG_TYPES);

    FieldPath spec = FieldPath.of("spec", "template", "spec");
    FieldPath podContext = spec.key("securityContext");
    FieldPath app = spec.key("containers").index(0);
    FieldPath context = app.key("securityContext");
    assertThat(workload.problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("metadata", "labels", "version"),
                "expected a string, got the number 1.0"),
            new FieldProblem(
                podContext.key("runAsUser"), "expected an integer, got the string \"1000\""),
            new FieldProblem(
                podContext.key("sysctls"),
                "expected a sequence, got the string \"kernel.shm_rmid_forced=1\""),
            new FieldProblem(
                context.key("privileged"), "expected a boolean, got the string \"true\""),
            new FieldProblem(
                context.key("allowPrivilegeEscalation"),
                "expected a boolean, got the string \"tRUE\""),
            new FieldProblem(
                context.key("readOnlyRootFilesystem"),
                "expected a boolean, got the string \"yes\""),
            new FieldProblem(context.key("runAsUser"), "expected an integer, got the number 1.5"),
            new FieldProblem(
                context.key("runAsGroup"),
                "expected an integer from -9223372036854775808 to 9223372036854775807,"
                    + " got 9223372036854775808"),
            new FieldProblem(
                context.keys("capabilities", "add").index(0),
                "expected a string, got the integer 1"),
            new FieldProblem(
                context.keys("capabilities", "drop"),
                "expected a sequence, got the string \"ALL\""),
            new FieldProblem(
                context.keys("seccompProfile", "type"), "expected a string, got the integer 1"),
            new FieldProblem(
                context.keys("windowsOptions", "hostProcess"),
                "expected a boolean, got the string \"false\""),
            new FieldProblem(
                app.key("ports").index(0).key("containerPort"),
                "expected an integer from -2147483648 to 2147483647, got 3000000000"),
            new FieldProblem(app.key("ports").index(1), "expected a mapping, got the integer 8080"),
            new FieldProblem(app.key("volumeMounts"), "expected a sequence, got a mapping"),
            new FieldProblem(
                spec.key("containers").index(1),
                "expected a mapping, got the string \"just a string\""),
            new FieldProblem(
                spec.key("hostNetwork"), "expected a boolean, got the string \"true\""),
            new FieldProblem(
                spec.key("volumes").index(0).key("emptyDir"),
                "expected a mapping, got a sequence"));
    PodSpec podSpec = workload.pod().spec();
    assertThat(podSpec.hostNetwork()).isNull();
    assertThat(podSpec.containers()).hasSize(1);
    assertThat(podSpec.volumes()).containsExactly(new Volume(0, "v", List.of("emptyDir"), null));
    assertThat(workload.metadata().labels()).isEmpty();
  }

  @Test
  void wrongTypesAndUnknownKeysOfSecurityContextsAreKeptAsWritten() {
    Workload workload = readOne(WRONG_TYPES);

    SecurityContext context = workload.pod().spec().containers().get(0).securityContext();
    assertThat(context.privileged()).isNull();
    assertThat(context.runAsNonRoot()).isNull();
    assertThat(context.procMount()).isNull();
    assertThat(context.capabilities()).isEqualTo(new Capabilities(List.of(), List.of()));
    assertThat(context.unrecognized())
        .containsOnly(
            Map.entry("privileged", "\"true\""),
            Map.entry("allowPrivilegeEscalation", "tRUE"),
            Map.entry("readOnlyRootFilesystem", "'yes'"),
            Map.entry("runAsUser", "1.5"),
            Map.entry("runAsGroup", "9223372036854775808"),
            Map.entry("capabilities.drop", "ALL"),
            Map.entry("seccompProfile.type", "1"),
            Map.entry("windowsOptions.hostProcess", "\"false\""),
            Map.entry("readOnlyRootFileSystem", "true"));
    assertThat(workload.pod().spec().securityContext().unrecognized())
        .containsOnly(
            Map.entry("runAsUser", "\"1000\""),
            Map.entry("sysctls", "kernel.shm_rmid_forced=1"),
            Map.entry("readOnlyRootFilesystem", "true"));
  }

  @Test
  void aYamlFloatWithoutFractionIsAnIntegerButNotInJson() {
    Workload yaml =
        readOne(
            "apiVersion: v1\nkind: Pod\nspec: {securityContext: {runAsUser: 1e3}, containers:"
                + " [{name: a}]}\n");
    Workload json =
        readOne(
            "pod.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\","
                + " \"spec\": {\"securityContext\": {\"runAsUser\": 1000.0},"
                + " \"containers\": [{\"name\": \"a\"}]}}");

    assertThat(yaml.pod().spec().securityContext().runAsUser()).isEqualTo(1000L);
    assertThat(json.pod().spec().securityContext().runAsUser()).isNull();
    assertThat(json.problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("spec", "securityContext", "runAsUser"),
                "expected an integer, got the number 1000.0"));
    assertThat(json.pod().spec().securityContext().unrecognized())
        .containsExactly(Map.entry("runAsUser", "1000.0"));
  }

  @Test
  void aBooleanWhereAStringBelongsSaysHowItWasWritten() {
    Workload workload =
        readOne(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: yes}\nspec: {containers: [{name: a}]}\n");

    assertThat(workload.problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("metadata", "name"),
                "expected a string, got the boolean true (written yes)"));
  }

  @Test
  void aRepeatedKeyIsAProblemAndTheLastValueCounts() {
    Workload workload =
        readOne(
            """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
              - name: app
                securityContext:
                  privileged: true
                  privileged: false
            """);

    assertThat(workload.pod().spec().containers().get(0).securityContext().privileged()).isFalse();
    assertThat(workload.problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("spec", "containers").index(0).keys("securityContext", "privileged"),
                "key \"privileged\" is written 2 times (lines 7, 8); the last value counts"));
  }

  @Test
  void mergeKeysAreAppliedAsKubernetesAppliesThem() {
    Workload workload =
        readOne(
            """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
              - name: app
                securityContext: &hardened
                  readOnlyRootFilesystem: true
              - name: sidecar
                securityContext:
                  <<: *hardened
                  privileged: false
            """);

    SecurityContext sidecar = workload.pod().spec().containers().get(1).securityContext();
    assertThat(sidecar.readOnlyRootFilesystem()).isTrue();
    assertThat(sidecar.privileged()).isFalse();
    assertThat(sidecar.unrecognized()).isEmpty();
    assertThat(workload.problems()).isEmpty();
    assertThat(
            workload
                .locator()
                .locate(
                    FieldPath.of("spec", "containers")
                        .index(1)
                        .keys("securityContext", "readOnlyRootFilesystem")))
        .isEqualTo(new Position(7, 7, 96));
  }

  @Test
  void nullFieldsAreUnsetAndANullSecurityContextIsNone() {
    Workload workload =
        readOne(
            """
            kind: Pod
            apiVersion: v1
            spec:
              securityContext:
              containers:
              - name: a
                securityContext: {}
              - name: b
              - name: c
                securityContext: ~
                image:
            """);

    PodSpec spec = workload.pod().spec();
    assertThat(workload.problems()).isEmpty();
    assertThat(spec.hasSecurityContext()).isFalse();
    assertThat(spec.securityContext()).isEqualTo(PodSecurityContext.EMPTY);
    assertThat(spec.containers())
        .extracting(Container::hasSecurityContext)
        .containsExactly(true, false, false);
    assertThat(spec.containers().get(0).securityContext()).isEqualTo(SecurityContext.EMPTY);
    assertThat(spec.containers().get(2).image()).isNull();
  }

  @Test
  void aWorkloadWithoutSpecHasAnEmptyPodSpec() {
    Workload workload = readOne("apiVersion: v1\nkind: Pod\nmetadata: {name: bare}\n");

    PodSpec spec = workload.pod().spec();
    assertThat(spec.allContainers()).isEmpty();
    assertThat(spec.volumes()).isEmpty();
    assertThat(spec.hasSecurityContext()).isFalse();
  }

  @Test
  void aTemplateOfTheWrongTypeIsAProblemAndNoPod() {
    Workload workload = readOne("apiVersion: batch/v1\nkind: Job\nspec: {template: [x]}\n");

    assertThat(workload.pod()).isNull();
    assertThat(workload.problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("spec", "template"), "expected a mapping, got a sequence"));
  }
}
