package dev.rootlock.kube.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.ContainerPort;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.ProbeHost;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.model.pod.WindowsOptions;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.testing.PodDraft;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link ApiObjectDecoder}: API JSON in, the same model the manifest reader builds. */
class ApiObjectDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceRef SOURCE = SourceRef.of("cluster:shop/pods/web");

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void decodesEveryFieldThePolicyReads() throws Exception {
    JsonNode pod =
        json(
            """
            {'metadata': {'name': 'web', 'namespace': 'shop', 'uid': 'u1',
                          'labels': {'app': 'web'}, 'annotations': {'note': 'x'}},
             'spec': {
               'hostNetwork': true, 'hostPID': false, 'hostUsers': false, 'runtimeClassName': 'gvisor',
               'os': {'name': 'linux'},
               'securityContext': {'runAsNonRoot': true, 'runAsUser': 1000, 'fsGroup': 2000,
                 'supplementalGroups': [3000],
                 'seccompProfile': {'type': 'RuntimeDefault'},
                 'sysctls': [{'name': 'net.ipv4.ping_group_range', 'value': '0 1'}]},
               'initContainers': [{'name': 'init', 'image': 'busybox'}],
               'containers': [{'name': 'app', 'image': 'nginx',
                 'ports': [{'containerPort': 80, 'hostPort': 8080, 'protocol': 'TCP'}],
                 'resources': {'limits': {'memory': '128Mi', 'cpu': '1'}},
                 'livenessProbe': {'httpGet': {'host': '10.0.0.1', 'port': 80}},
                 'readinessProbe': {'tcpSocket': {'port': 80}},
                 'lifecycle': {'preStop': {'httpGet': {'host': 'example.com', 'port': 80}}},
                 'volumeMounts': [{'name': 'tmp', 'mountPath': '/tmp'},
                                  {'name': 'cfg', 'mountPath': '/etc/app', 'readOnly': true, 'subPath': 'a'}],
                 'securityContext': {'privileged': false, 'allowPrivilegeEscalation': false,
                   'readOnlyRootFilesystem': true, 'runAsGroup': 5, 'procMount': 'Default',
                   'capabilities': {'add': ['NET_BIND_SERVICE'], 'drop': ['ALL']},
                   'seLinuxOptions': {'type': 'container_t'},
                   'appArmorProfile': {'type': 'RuntimeDefault'},
                   'windowsOptions': {'hostProcess': false}}}],
               'volumes': [{'name': 'tmp', 'emptyDir': {'medium': 'Memory', 'sizeLimit': '64Mi'}},
                           {'name': 'cfg', 'configMap': {'name': 'app'}}]}}
            """);

    Workload workload = ApiObjectDecoder.decode(ApiKind.POD, pod, SOURCE);

    Pod expected =
        PodDraft.pod(
            p -> {
              p.name = "web";
              p.namespace = "shop";
              p.labels.put("app", "web");
              p.annotations.put("note", "x");
              p.hostNetwork = true;
              p.hostPID = false;
              p.hostUsers = false;
              p.runtimeClassName = "gvisor";
              p.osName = "linux";
              p.runAsNonRoot = true;
              p.runAsUser = 1000L;
              p.fsGroup = 2000L;
              p.seccompProfile = new SeccompProfile("RuntimeDefault", null);
              p.sysctl("net.ipv4.ping_group_range", "0 1");
              p.initContainer("init", c -> c.image = "busybox");
              p.container(
                  "app",
                  c -> {
                    c.image = "nginx";
                    c.ports.add(new ContainerPort(80, 8080));
                    c.memoryLimit = "128Mi";
                    c.probeHosts.add(new ProbeHost("livenessProbe.httpGet", "10.0.0.1"));
                    c.probeHosts.add(new ProbeHost("lifecycle.preStop.httpGet", "example.com"));
                    c.volumeMounts.add(new VolumeMount("tmp", "/tmp", null, null));
                    c.volumeMounts.add(new VolumeMount("cfg", "/etc/app", true, "a"));
                    c.privileged = false;
                    c.allowPrivilegeEscalation = false;
                    c.readOnlyRootFilesystem = true;
                    c.runAsGroup = 5L;
                    c.procMount = "Default";
                    c.add("NET_BIND_SERVICE").drop("ALL");
                    c.seLinuxOptions = new SeLinuxOptions(null, null, "container_t", null);
                    c.appArmorProfile = new AppArmorProfile("RuntimeDefault", null);
                    c.windowsOptions = new WindowsOptions(false);
                  });
              p.emptyDir("tmp", "Memory", "64Mi");
              p.volume("cfg", "configMap");
            });
    assertThat(workload.pod()).isEqualTo(expected);
    assertThat(workload.kind()).isEqualTo("Pod");
    assertThat(workload.apiVersion()).isEqualTo("v1");
    assertThat(workload.templatePath()).isEqualTo(FieldPath.root());
    assertThat(workload.source()).isEqualTo(SOURCE);
  }

  @Test
  void anAbsentSecurityContextIsEmptyAndNotWritten() throws Exception {
    Workload workload =
        ApiObjectDecoder.decode(
            ApiKind.POD,
            json("{'metadata': {'name': 'p'}, 'spec': {'containers': [{'name': 'a'}]}}"),
            SOURCE);

    assertThat(workload.pod())
        .isEqualTo(
            PodDraft.pod(
                p -> {
                  p.name = "p";
                  p.container("a", c -> c.image = null);
                }));
    assertThat(workload.pod().spec().hasSecurityContext()).isFalse();
    assertThat(workload.pod().spec().containers().get(0).hasSecurityContext()).isFalse();
  }

  @Test
  void controllersCarryTheirTemplateAndTheirOwnMetadata() throws Exception {
    String template =
        "{'metadata': {'labels': {'app': 'w'}}, 'spec': {'containers': [{'name': 'a', 'image':"
            + " 'i'}]}}";
    Workload deployment =
        ApiObjectDecoder.decode(
            ApiKind.DEPLOYMENT,
            json(
                "{'metadata': {'name': 'web', 'namespace': 'shop'}, 'spec': {'template': "
                    + template
                    + "}}"),
            SOURCE);
    Workload cronJob =
        ApiObjectDecoder.decode(
            ApiKind.CRON_JOB,
            json(
                "{'metadata': {'name': 'nightly'}, 'spec': {'jobTemplate': {'spec': {'template': "
                    + template
                    + "}}}}"),
            SOURCE);
    Workload podTemplate =
        ApiObjectDecoder.decode(
            ApiKind.POD_TEMPLATE,
            json("{'metadata': {'name': 't'}, 'template': " + template + "}"),
            SOURCE);
    Workload noTemplate =
        ApiObjectDecoder.decode(
            ApiKind.REPLICATION_CONTROLLER,
            json("{'metadata': {'name': 'rc'}, 'spec': {}}"),
            SOURCE);

    Pod expected =
        PodDraft.pod(
            p -> {
              p.name = null;
              p.labels.putAll(Map.of("app", "w"));
              p.container("a", c -> c.image = "i");
            });
    assertThat(deployment.pod()).isEqualTo(expected);
    assertThat(deployment.metadata().name()).isEqualTo("web");
    assertThat(deployment.apiVersion() + " " + deployment.kind()).isEqualTo("apps/v1 Deployment");
    assertThat(deployment.templatePath()).hasToString("spec.template");
    assertThat(cronJob.pod()).isEqualTo(expected);
    assertThat(cronJob.templatePath()).hasToString("spec.jobTemplate.spec.template");
    assertThat(podTemplate.pod()).isEqualTo(expected);
    assertThat(podTemplate.templatePath()).hasToString("template");
    assertThat(noTemplate.pod()).isNull();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "'name': -1|expected a string, got the integer -1",
        "'name': []|expected a string, got a sequence",
        "'name': null|required field is missing",
        "'image': 'x'|required field is missing",
      })
  void aContainerWithoutAStringNameIsAProblemNotANullThatCrashesACheck(String field, String problem)
      throws Exception {
    // Issue 15: the webhook decodes with this decoder; a client posting such an object directly
    // made AllowPrivilegeEscalationCheck throw and the webhook answer 500.
    JsonNode pod =
        json(
            "{'metadata': {'name': 'web'}, 'spec': {'containers': [{"
                + field
                + ", 'volumeMounts': [{'readOnly': true}]}], 'volumes': [{'emptyDir': {}}]}}");

    Workload workload = ApiObjectDecoder.decode(ApiKind.POD, pod, SOURCE);

    assertThat(workload.pod().spec().containers().get(0).name()).isEmpty();
    assertThat(workload.problems())
        .extracting(p -> p.path() + ": " + p.message())
        .containsExactly(
            "spec.containers[0].name: " + problem,
            "spec.containers[0].volumeMounts[0].name: required field is missing",
            "spec.containers[0].volumeMounts[0].mountPath: required field is missing",
            "spec.volumes[0].name: required field is missing");
    assertThat(
            dev.rootlock.engine.Engine.standard()
                .evaluate(workload, dev.rootlock.model.LevelVersion.parse("restricted:latest"))
                .message())
        .contains("container \"containers[0]\" must set");
  }

  @Test
  void aDeploymentWithoutATemplateIsAProblem() throws Exception {
    Workload workload =
        ApiObjectDecoder.decode(
            ApiKind.DEPLOYMENT,
            json("{'metadata': {'name': 'd'}, 'spec': {'replicas': 1}}"),
            SOURCE);

    assertThat(workload.pod()).isNull();
    assertThat(workload.problems())
        .extracting(p -> p.path() + ": " + p.message())
        .containsExactly(
            "spec.template: required field is missing (the pod template is spec.template)");
  }
}
