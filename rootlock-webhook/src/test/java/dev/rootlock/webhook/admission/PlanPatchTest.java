package dev.rootlock.webhook.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rootlock.engine.Engine;
import dev.rootlock.fix.plan.Change;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.pod.Workload;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanPatchTest {

  private static final FieldPath C0 = FieldPath.of("spec", "containers").index(0);

  private static JsonNode json(String text) throws Exception {
    return AdmissionReviews.json().readTree(text.replace('\'', '"'));
  }

  private static ArrayNode patch(JsonNode object, Change... changes) throws Exception {
    return PlanPatch.against(object).apply(List.of(changes)).operations();
  }

  @Test
  void createsAMissingParentWholeThenAddsUnderIt() throws Exception {
    JsonNode pod = json("{'metadata':{'name':'web'},'spec':{'containers':[{'name':'app'}]}}");

    ArrayNode patch =
        patch(
            pod,
            new Change.SetField(C0.keys("securityContext", "readOnlyRootFilesystem"), true),
            new Change.SetField(C0.keys("securityContext", "allowPrivilegeEscalation"), false));

    assertThat(patch)
        .isEqualTo(
            json(
                """
                [{'op':'add','path':'/spec/containers/0/securityContext',
                  'value':{'readOnlyRootFilesystem':true}},
                 {'op':'add','path':'/spec/containers/0/securityContext/allowPrivilegeEscalation',
                  'value':false}]
                """));
    assertThat(JsonPatch.apply(patch, pod).at("/spec/containers/0/securityContext"))
        .isEqualTo(json("{'readOnlyRootFilesystem':true,'allowPrivilegeEscalation':false}"));
  }

  @Test
  void appendsToAMissingListByCreatingItThenWithDash() throws Exception {
    JsonNode pod = json("{'spec':{'containers':[{'name':'app','volumeMounts':[{'name':'a'}]}]}}");

    ArrayNode patch =
        patch(
            pod,
            new Change.AppendItem(FieldPath.of("spec", "volumes"), Map.of("name", "tmp")),
            new Change.AppendItem(FieldPath.of("spec", "volumes"), Map.of("name", "var-run")),
            new Change.AppendItem(C0.key("volumeMounts"), Map.of("name", "tmp")));

    assertThat(patch.findValuesAsText("op")).containsExactly("add", "add", "add");
    assertThat(patch.findValuesAsText("path"))
        .containsExactly("/spec/volumes", "/spec/volumes/-", "/spec/containers/0/volumeMounts/-");
    assertThat(patch.get(0).get("value")).isEqualTo(json("[{'name':'tmp'}]"));
    assertThat(JsonPatch.apply(patch, pod))
        .isEqualTo(
            json(
                """
                {'spec':{'containers':[{'name':'app',
                   'volumeMounts':[{'name':'a'},{'name':'tmp'}]}],
                  'volumes':[{'name':'tmp'},{'name':'var-run'}]}}
                """));
  }

  @Test
  void anExplicitNullIsMissingAndAnEqualValueNeedsNothing() throws Exception {
    JsonNode pod =
        json(
            """
            {'spec':{'securityContext':null,
              'containers':[{'name':'app','securityContext':{'readOnlyRootFilesystem':true}}]}}
            """);

    ArrayNode patch =
        patch(
            pod,
            new Change.SetField(FieldPath.of("spec", "securityContext", "runAsNonRoot"), true),
            new Change.SetField(C0.keys("securityContext", "readOnlyRootFilesystem"), true));

    assertThat(patch)
        .isEqualTo(
            json("[{'op':'add','path':'/spec/securityContext','value':{'runAsNonRoot':true}}]"));
  }

  @Test
  void aScalarIsReplacedButAnObjectWithContentsIsNot() throws Exception {
    JsonNode pod =
        json(
            """
            {'spec':{'containers':[{'name':'app',
              'securityContext':{'runAsNonRoot':'true','capabilities':{'drop':[]}}}]}}
            """);

    assertThat(
            patch(
                pod,
                new Change.SetField(C0.keys("securityContext", "runAsNonRoot"), true),
                new Change.SetField(
                    C0.keys("securityContext", "capabilities", "drop"), List.of("ALL"))))
        .isEqualTo(
            json(
                """
                [{'op':'replace','path':'/spec/containers/0/securityContext/runAsNonRoot',
                  'value':true},
                 {'op':'replace','path':'/spec/containers/0/securityContext/capabilities/drop',
                  'value':['ALL']}]
                """));
    assertThatThrownBy(
            () ->
                patch(
                    pod,
                    new Change.SetField(
                        C0.keys("securityContext", "capabilities"),
                        Map.of("drop", List.of("ALL")))))
        .isInstanceOf(PlanPatch.Unpatchable.class)
        .hasMessage(
            "hardening it would replace what is set at"
                + " spec.containers[0].securityContext.capabilities, and the mutating webhook"
                + " never removes what was set");
  }

  @Test
  void aRemovalOfWhatIsSetRefusesTheWholePlanAndOfWhatIsNotNeedsNothing() throws Exception {
    JsonNode pod =
        json(
            """
            {'spec':{'securityContext':{'readOnlyRootFilesystem':true},
              'containers':[{'name':'app'}]}}
            """);

    assertThat(
            patch(pod, new Change.RemoveField(C0.keys("securityContext", "capabilities", "add"))))
        .isEmpty();
    assertThatThrownBy(
            () ->
                patch(
                    pod,
                    new Change.SetField(C0.keys("securityContext", "readOnlyRootFilesystem"), true),
                    new Change.RemoveField(
                        FieldPath.of("spec", "securityContext", "readOnlyRootFilesystem"))))
        .isInstanceOf(PlanPatch.Unpatchable.class)
        .hasMessage(
            "hardening it would remove spec.securityContext.readOnlyRootFilesystem, and the"
                + " mutating webhook never removes what was set");
  }

  @Test
  void aChangeThatDoesNotFitTheObjectIsRefused() throws Exception {
    JsonNode pod = json("{'spec':{'containers':[{'name':'app','securityContext':'odd'}]}}");

    assertThatThrownBy(
            () ->
                patch(
                    pod,
                    new Change.SetField(
                        C0.keys("securityContext", "readOnlyRootFilesystem"), true)))
        .isInstanceOf(PlanPatch.Unpatchable.class)
        .hasMessage(
            "spec.containers[0].securityContext.readOnlyRootFilesystem does not fit the object's"
                + " shape");
    assertThatThrownBy(
            () ->
                patch(
                    pod,
                    new Change.SetField(
                        FieldPath.of("spec", "containers").index(1).key("name"), "b")))
        .isInstanceOf(PlanPatch.Unpatchable.class)
        .hasMessage("spec.containers[1].name does not fit the object's shape");
  }

  @Test
  void setIfAbsentEscapesTildeBeforeSlashAndKeepsWhatIsThere() throws Exception {
    JsonNode pod = json("{'metadata':{'annotations':{'team':'a','keep/me':'x'}}}");
    FieldPath annotations = FieldPath.of("metadata", "annotations");

    ArrayNode patch =
        PlanPatch.against(pod)
            .setIfAbsent(annotations.key("a/b~c"), "y")
            .setIfAbsent(annotations.key("keep/me"), "z")
            .operations();

    assertThat(patch)
        .isEqualTo(json("[{'op':'add','path':'/metadata/annotations/a~1b~0c','value':'y'}]"));
    assertThat(PlanPatch.pointer(List.of("x", "~1", 2))).isEqualTo("/x/~01/2");
  }

  @Test
  void neverChangesTheObjectItWasGiven() throws Exception {
    JsonNode pod = json("{'spec':{'containers':[{'name':'app'}]}}");
    JsonNode before = pod.deepCopy();

    patch(pod, new Change.SetField(C0.key("image"), "nginx"));

    assertThat(pod).isEqualTo(before);
  }

  @Test
  void theFixersPlanForANginxPodMakesItPassHardenedSaveWhatWouldStopItsRootEntrypoint()
      throws Exception {
    JsonNode pod =
        json(
            """
            {'apiVersion':'v1','kind':'Pod','metadata':{'name':'web'},
             'spec':{'containers':[{'name':'nginx','image':'nginx:1.27'}]}}
            """);
    AdmissionObjects objects = new AdmissionObjects();
    Engine engine = Engine.standard();
    Plan plan = engine.hardeningPlan(objects.workload(pod), FixOptions.defaults());

    JsonNode patched =
        JsonPatch.apply(PlanPatch.against(pod).apply(plan.changes()).operations(), pod);

    Workload after = objects.workload(patched);
    // The official nginx image starts as root and needs to: drop ALL and runAsNonRoot would make
    // the pod crash-loop, so the plan holds exactly those two back (docs/fix.md).
    assertThat(engine.evaluate(after, LevelVersion.parse("hardened:latest")).findings())
        .extracting(f -> f.check())
        .containsExactlyInAnyOrder("capabilities_restricted", "runAsNonRoot");
    assertThat(patched.at("/spec/containers/0/volumeMounts").findValuesAsText("mountPath"))
        .containsExactly("/tmp", "/var/cache/nginx", "/var/run");
  }
}
