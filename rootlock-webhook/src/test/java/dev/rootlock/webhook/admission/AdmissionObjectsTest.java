package dev.rootlock.webhook.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.model.pod.Workload;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionObjectsTest {

  private final AdmissionObjects objects = new AdmissionObjects();

  private static JsonNode json(String text) throws Exception {
    return AdmissionReviews.json().readTree(text.replace('\'', '"'));
  }

  @Test
  void readsAPodTheWayTheManifestReaderDoes() throws Exception {
    Workload workload =
        objects.workload(
            json(
                "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'n'},"
                    + "'spec':{'containers':[{'name':'app','image':'nginx',"
                    + "'securityContext':{'readOnlyRootFilesystem':true}}]}}"));

    assertThat(workload.kind()).isEqualTo("Pod");
    assertThat(workload.metadata().name()).isEqualTo("p");
    assertThat(workload.pod().spec().containers().get(0).securityContext().readOnlyRootFilesystem())
        .isTrue();
  }

  @Test
  void dropsStatusAndManagedFieldsBeforeReading() throws Exception {
    JsonNode live =
        json(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d','managedFields':"
                + "[{'manager':'kubectl'}],'labels':{'a':'b'}},'spec':{'template':{'spec':"
                + "{'containers':[{'name':'app','image':'nginx'}]}}},'status':{'replicas':1}}");

    JsonNode trimmed = AdmissionObjects.withoutBookkeeping(live);

    assertThat(trimmed.toString())
        .isEqualTo(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\","
                + "\"labels\":{\"a\":\"b\"}},\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"name\":\"app\",\"image\":\"nginx\"}]}}}}");
    assertThat(live.has("status")).as("the request's own tree is left alone").isTrue();
    assertThat(objects.workload(live).templatePath().toString()).isEqualTo("spec.template");
  }

  @Test
  void nestingAsDeepAsTheReviewParserAllowsIsReadOnAVirtualThreadsStack() throws Exception {
    // The review parser stops at 1,000 levels; the object sits 2 levels down in the review.
    String deep = "[".repeat(990) + "]".repeat(990);
    JsonNode pod =
        json(
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'x':"
                + deep
                + ",'containers':[{'name':'app','image':'nginx'}]}}");
    java.util.concurrent.atomic.AtomicReference<Object> outcome =
        new java.util.concurrent.atomic.AtomicReference<>();

    Thread.ofVirtual()
        .start(
            () -> {
              try {
                outcome.set(objects.workload(pod));
              } catch (Throwable e) {
                outcome.set(e);
              }
            })
        .join();

    assertThat(outcome.get()).isInstanceOf(Workload.class);
    assertThat(((Workload) outcome.get()).pod().spec().containers().get(0).name()).isEqualTo("app");
  }

  @Test
  void anObjectWithoutAPodTemplateIsUndecodable() throws Exception {
    assertThatThrownBy(
            () ->
                objects.workload(
                    json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'}}")))
        .isInstanceOf(UndecodableObjectException.class)
        .hasMessage("not a pod or an object with a pod template: kind ConfigMap");
  }

  @Test
  void aQuotedBooleanIsKeptAsWrittenForTheMisplacedFieldCheck() throws Exception {
    Workload workload =
        objects.workload(
            json(
                "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':"
                    + "[{'name':'app','image':'nginx','securityContext':"
                    + "{'readOnlyRootFilesystem':'true'}}]}}"));

    var context = workload.pod().spec().containers().get(0).securityContext();
    assertThat(context.readOnlyRootFilesystem()).isNull();
    assertThat(context.unrecognized())
        .containsExactly(Map.entry("readOnlyRootFilesystem", "\"true\""));
  }

  @Test
  void aKindOfAnotherApiGroupIsUndecodable() throws Exception {
    assertThatThrownBy(
            () ->
                objects.workload(
                    json(
                        "{'apiVersion':'example.com/v1','kind':'Job','metadata':{'name':'j'},"
                            + "'spec':{'template':{'spec':{'containers':[]}}}}")))
        .isInstanceOf(UndecodableObjectException.class)
        .hasMessage("not a pod or an object with a pod template: kind Job");
  }

  @Test
  void anOldApiGroupOfAControllerKeepsItsApiVersion() throws Exception {
    Workload workload =
        objects.workload(
            json(
                "{'apiVersion':'extensions/v1beta1','kind':'DaemonSet','metadata':{'name':'d'},"
                    + "'spec':{'template':{'spec':{'containers':[{'name':'app'}]}}}}"));

    assertThat(workload.apiVersion()).isEqualTo("extensions/v1beta1");
    assertThat(workload.templatePath().toString()).isEqualTo("spec.template");
  }
}
