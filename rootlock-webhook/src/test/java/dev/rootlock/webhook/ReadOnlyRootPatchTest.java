package dev.rootlock.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.zjsonpatch.JsonPatch;
import org.junit.jupiter.api.Test;

class ReadOnlyRootPatchTest {

  private static JsonNode json(String text) throws Exception {
    return AdmissionReviews.json().readTree(text.replace('\'', '"'));
  }

  private static JsonNode patched(JsonNode pod) {
    return JsonPatch.apply(ReadOnlyRootPatch.build(pod), pod);
  }

  @Test
  void addsWholeParentsWhenTheyAreMissing() throws Exception {
    JsonNode pod = json("{'metadata':{'name':'web'},'spec':{'containers':[{'name':'app','image':'nginx'}]}}");

    ArrayNode patch = ReadOnlyRootPatch.build(pod);

    assertThat(patch.toString())
        .isEqualTo(
            json(
                    """
                    [{'op':'add','path':'/spec/containers/0/securityContext','value':{'readOnlyRootFilesystem':true}},
                     {'op':'add','path':'/spec/volumes','value':[{'name':'rootlock-tmp','emptyDir':{'medium':'Memory','sizeLimit':'64Mi'}}]},
                     {'op':'add','path':'/spec/containers/0/volumeMounts','value':[{'name':'rootlock-tmp','mountPath':'/tmp'}]},
                     {'op':'add','path':'/metadata/annotations','value':{'rootlock.dev/mutated':'readOnlyRootFilesystem,tmp'}}]
                    """)
                .toString());
    assertThat(patched(pod))
        .isEqualTo(
            json(
                """
                {'metadata':{'name':'web','annotations':{'rootlock.dev/mutated':'readOnlyRootFilesystem,tmp'}},
                 'spec':{'containers':[{'name':'app','image':'nginx',
                   'securityContext':{'readOnlyRootFilesystem':true},
                   'volumeMounts':[{'name':'rootlock-tmp','mountPath':'/tmp'}]}],
                  'volumes':[{'name':'rootlock-tmp','emptyDir':{'medium':'Memory','sizeLimit':'64Mi'}}]}}
                """));
  }

  @Test
  void appendsToWhatExistsAndEscapesTheAnnotationKey() throws Exception {
    JsonNode pod =
        json(
            """
            {'metadata':{'name':'web','annotations':{'team':'a'}},
             'spec':{'initContainers':[{'name':'init','securityContext':{'runAsUser':10}}],
              'containers':[{'name':'app','securityContext':{'privileged':false},
                'volumeMounts':[{'name':'data','mountPath':'/data'}]}],
              'volumes':[{'name':'data','emptyDir':{}},{'name':'rootlock-tmp','emptyDir':{}}]}}
            """);

    ArrayNode patch = ReadOnlyRootPatch.build(pod);

    assertThat(patch.findValuesAsText("path"))
        .containsExactly(
            "/spec/initContainers/0/securityContext/readOnlyRootFilesystem",
            "/spec/containers/0/securityContext/readOnlyRootFilesystem",
            "/spec/volumes/-",
            "/spec/initContainers/0/volumeMounts",
            "/spec/containers/0/volumeMounts/-",
            "/metadata/annotations/rootlock.dev~1mutated");
    JsonNode after = patched(pod);
    assertThat(after.at("/spec/volumes/2/name").asText()).isEqualTo("rootlock-tmp-2");
    assertThat(after.at("/spec/containers/0/volumeMounts/1").toString())
        .isEqualTo("{\"name\":\"rootlock-tmp-2\",\"mountPath\":\"/tmp\"}");
    assertThat(after.at("/spec/containers/0/securityContext").toString())
        .isEqualTo("{\"privileged\":false,\"readOnlyRootFilesystem\":true}");
    assertThat(after.at("/metadata/annotations/team").asText()).isEqualTo("a");
  }

  @Test
  void neverOverridesAWritableRootTheUserChose() throws Exception {
    JsonNode pod =
        json(
            "{'metadata':{},'spec':{'containers':[{'name':'db',"
                + "'securityContext':{'readOnlyRootFilesystem':false}}]}}");

    assertThat(ReadOnlyRootPatch.build(pod)).isEmpty();
  }

  @Test
  void keepsAnExistingTmpMountAndOnlyAddsWhatIsMissing() throws Exception {
    JsonNode pod =
        json(
            """
            {'metadata':{},'spec':{'containers':[{'name':'app',
              'securityContext':{'readOnlyRootFilesystem':true},
              'volumeMounts':[{'name':'scratch','mountPath':'/tmp/'}]}],
             'volumes':[{'name':'scratch','emptyDir':{}}]}}
            """);

    assertThat(ReadOnlyRootPatch.build(pod)).isEmpty();
  }

  @Test
  void leavesWindowsPodsAlone() throws Exception {
    JsonNode pod =
        json("{'metadata':{},'spec':{'os':{'name':'windows'},'containers':[{'name':'iis'}]}}");

    assertThat(ReadOnlyRootPatch.build(pod)).isEmpty();
  }

  @Test
  void pointersEscapeTildeBeforeSlash() {
    assertThat(ReadOnlyRootPatch.pointer("metadata", "annotations", "a/b~c"))
        .isEqualTo("/metadata/annotations/a~1b~0c");
    assertThat(ReadOnlyRootPatch.pointer("x", "~1")).isEqualTo("/x/~01");
  }
}
