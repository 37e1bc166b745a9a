import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows rootlock-cli's CycloneDX SBOM to the jars scripts/image ships (it leaves helm-java's
 * out), so the image's SBOM lists exactly what is in it. Fails when a shipped jar has no
 * component. Run by scripts/image with the source launcher on Jackson's jars:
 * {@code java -cp <jackson jars> scripts/ImageSbom.java SBOM LIBDIR OUT}.
 */
public final class ImageSbom {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode bom = (ObjectNode) json.readTree(new File(args[0]));
    Set<String> shipped = new TreeSet<>(Arrays.asList(new File(args[1]).list()));
    Set<String> described = new HashSet<>();
    Set<String> refs = new HashSet<>();
    refs.add(bom.path("metadata").path("component").path("bom-ref").asText());
    ArrayNode components = json.createArrayNode();
    for (JsonNode component : bom.withArray("components")) {
      String jar = component.path("name").asText() + "-" + component.path("version").asText() + ".jar";
      if (!component.path("type").asText().equals("library") || shipped.contains(jar)) {
        components.add(component);
        refs.add(component.path("bom-ref").asText());
        described.add(jar);
      }
    }
    ArrayNode dependencies = json.createArrayNode();
    for (JsonNode dependency : bom.withArray("dependencies")) {
      if (refs.contains(dependency.path("ref").asText())) {
        ArrayNode dependsOn = json.createArrayNode();
        dependency.path("dependsOn").forEach(r -> {
          if (refs.contains(r.asText())) {
            dependsOn.add(r);
          }
        });
        dependencies.add(((ObjectNode) dependency.deepCopy()).set("dependsOn", dependsOn));
      }
    }
    shipped.removeAll(described);
    if (!shipped.isEmpty()) {
      System.err.println("scripts/image: shipped jars missing from the SBOM: " + shipped);
      System.exit(1);
    }
    bom.set("components", components);
    bom.set("dependencies", dependencies);
    json.writeValue(new File(args[2]), bom);
    System.err.println("scripts/image: SBOM of " + components.size() + " components");
  }
}
