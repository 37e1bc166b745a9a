package dev.rootlock.source.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Position;
import org.junit.jupiter.api.Test;

class NodeLocatorTest {

  private static final String DEPLOYMENT =
      """
      kind: Deployment
      spec:
        template:
          spec:
            containers:
            - name: app
              securityContext:
                privileged: true
            - name: sidecar
      """;

  private static NodeLocator locator(String text) throws TreeException {
    ScalarResolver strings =
        (value, tag, plain) -> new ScalarResolver.Resolved(ScalarType.STRING, value);
    Node root =
        new YamlTreeReader(strings, TreeLimits.DEFAULT)
            .readFirst(text, 0, text.length(), new TextPositions(text))
            .orElseThrow();
    return new NodeLocator(root);
  }

  private static final FieldPath CONTAINERS =
      FieldPath.of("spec", "template", "spec", "containers");

  @Test
  void aKeyIsLocatedWhereTheKeyIsWritten() throws TreeException {
    Position position =
        locator(DEPLOYMENT).locate(CONTAINERS.index(0).keys("securityContext", "privileged"));

    assertThat(position).isEqualTo(new Position(8, 11, 116));
  }

  @Test
  void anIndexIsLocatedWhereTheItemStarts() throws TreeException {
    assertThat(locator(DEPLOYMENT).locate(CONTAINERS.index(1))).isEqualTo(new Position(9, 9, 141));
  }

  @Test
  void aMissingFieldIsLocatedAtItsNearestWrittenParent() throws TreeException {
    NodeLocator locator = locator(DEPLOYMENT);

    assertThat(locator.locate(CONTAINERS.index(1).keys("securityContext", "privileged")))
        .isEqualTo(new Position(9, 9, 141));
    assertThat(locator.locate(CONTAINERS.index(0).keys("securityContext", "runAsUser")))
        .isEqualTo(new Position(7, 9, 89));
    assertThat(locator.locate(CONTAINERS.index(5))).isEqualTo(new Position(5, 7, 51));
    assertThat(locator.locate(FieldPath.of("spec", "template", "metadata", "labels")))
        .isEqualTo(new Position(3, 3, 25));
  }

  @Test
  void aPathThroughAScalarStopsAtTheScalarsKey() throws TreeException {
    assertThat(locator(DEPLOYMENT).locate(FieldPath.of("kind", "x")))
        .isEqualTo(new Position(1, 1, 0));
    assertThat(locator(DEPLOYMENT).locate(CONTAINERS.index(0).keys("name", "x")))
        .isEqualTo(new Position(6, 9, 71));
  }

  @Test
  void theRootIsLocatedAtTheObjectsStart() throws TreeException {
    assertThat(locator("\n\nkind: Pod\n").locate(FieldPath.root()))
        .isEqualTo(new Position(3, 1, 2));
  }

  @Test
  void findGivesTheNodeOrNull() throws TreeException {
    NodeLocator locator = locator(DEPLOYMENT);

    Node name = locator.find(CONTAINERS.index(1).key("name"));
    assertThat(((ScalarNode) name).value()).isEqualTo("sidecar");
    assertThat(locator.find(CONTAINERS.index(2))).isNull();
    assertThat(locator.find(FieldPath.root())).isSameAs(locator.root());
  }
}
