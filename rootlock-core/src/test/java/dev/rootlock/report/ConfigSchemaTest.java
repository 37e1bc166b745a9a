package dev.rootlock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlock.config.ConfigReader;
import dev.rootlock.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The shipped config schema, {@code docs/schema/rootlock-config.schema.json}, against the example
 * configs and the reader: what one accepts the other accepts, and its check list is the engine's.
 */
class ConfigSchemaTest {

  private static final Path REPO = Path.of(System.getProperty("rootlock.repo"));

  private static String asJson(String yaml) throws Exception {
    Object document = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return new ObjectMapper().writeValueAsString(document);
  }

  @Test
  void theExampleConfigsAreValidAndReadable() throws Exception {
    List<Path> examples = List.of(REPO.resolve("examples/config/.rootlock.yaml"));
    for (Path example : examples) {
      String text = Files.readString(example);
      assertEquals(
          List.of(), SchemaValidator.rootlockConfig().violations(asJson(text)), example.toString());
      ConfigReader.read(example, Engine.standard().checkIds());
    }
  }

  @Test
  void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
    SchemaValidator schema = SchemaValidator.rootlockConfig();
    for (String bad :
        List.of(
            "levle: hardened",
            "level: privileged",
            "exemptions: [{checks: [privileged]}]",
            "exemptions: [{checks: [nope], reason: x}]",
            "exemptions: [{checks: [privileged], reason: x, expires: 31/03/2027}]",
            "exemptions: [{checks: [privileged], reason: x, image: 'a[b'}]")) {
      assertEquals(false, schema.violations(asJson(bad)).isEmpty(), bad);
    }
  }

  @Test
  void theSchemasCheckListIsTheEngines() throws Exception {
    JsonNode schema =
        new ObjectMapper()
            .readTree(REPO.resolve("docs/schema/rootlock-config.schema.json").toFile());
    Set<String> listed = new TreeSet<>();
    schema
        .at("/$defs/exemption/properties/checks/items/enum")
        .forEach(id -> listed.add(id.asText()));
    Set<String> expected = new TreeSet<>(Engine.standard().checkIds());
    expected.add("*");
    assertEquals(expected, listed);
  }
}
