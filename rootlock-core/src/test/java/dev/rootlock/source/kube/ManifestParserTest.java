package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.InputError;
import dev.rootlock.model.Position;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.Syntax;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

  private final ManifestParser parser = new ManifestParser();

  @Test
  void givesTheTreeOfEveryReadableDocumentAndAnErrorForEachOther() {
    ManifestParser.Parsed parsed =
        parser.parse("app.yaml", "kind: Service\n---\nkind: [\n---\n# empty\n---\nkind: Pod\n");

    assertThat(parsed.syntax()).isEqualTo(Syntax.YAML);
    assertThat(parsed.documents())
        .extracting(Node::start, d -> ((MappingNode) d).fields().keySet())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(new Position(1, 1, 0), java.util.Set.of("kind")),
            org.assertj.core.groups.Tuple.tuple(new Position(7, 1, 42), java.util.Set.of("kind")));
    assertThat(parsed.errors())
        .containsExactly(
            new InputError(
                "app.yaml",
                new Position(4, 1, 26),
                "expected the node content, but found '<stream end>'"
                    + " (while parsing a flow node at 4:1)"));
  }

  @Test
  void jsonTextsAreParsedAsJson() {
    ManifestParser.Parsed parsed = parser.parse("app.json", "{\"kind\": \"Pod\"} {\"kind\": 1}");

    assertThat(parsed.syntax()).isEqualTo(Syntax.JSON);
    assertThat(parsed.documents()).hasSize(2);
    assertThat(parsed.errors()).isEmpty();
  }
}
