package dev.rootlock.source.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Position;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreeReaderTest {

  private static final String TWO_OBJECTS =
      """
      {
        "metadata": {"name": "\uD83D\uDE00"},
        "spec": {"containers": [{"name": "app", "securityContext": {"privileged": true, \
      "runAsUser": 0}}]}
      }
      {"kind": "Second"}
      """
          .replace("\n", "\r\n");

  private static List<Node> readAll(String text) throws TreeException {
    return readAll(text, TreeLimits.DEFAULT, new ArrayList<>());
  }

  private static List<Node> readAll(String text, TreeLimits limits, List<Node> sink)
      throws TreeException {
    new JsonTreeReader(limits).readAll(text, new TextPositions(text), sink::add);
    return sink;
  }

  private static Node at(Node node, Object... path) {
    for (Object segment : path) {
      node =
          segment instanceof Integer index
              ? ((SequenceNode) node).items().get(index)
              : ((MappingNode) node).get((String) segment);
    }
    return node;
  }

  @Test
  void positionsAreExactWithEmojiAndCarriageReturns() throws TreeException {
    Node root = readAll(TWO_OBJECTS).get(0);

    ScalarNode name = (ScalarNode) at(root, "metadata", "name");
    assertThat(name.start()).isEqualTo(new Position(2, 24, 26));
    assertThat(name.end()).isEqualTo(new Position(2, 28, 30));
    assertThat(name.raw()).isEqualTo("\"\uD83D\uDE00\"");
    Node context = at(root, "spec", "containers", 0, "securityContext");
    MappingNode.Entry privileged = ((MappingNode) context).entry("privileged");
    assertThat(privileged.keyNode().start()).isEqualTo(new Position(3, 63, 96));
    assertThat(privileged.keyNode().end()).isEqualTo(new Position(3, 75, 108));
    assertThat(privileged.value().start()).isEqualTo(new Position(3, 77, 110));
    assertThat(privileged.value().end()).isEqualTo(new Position(3, 81, 114));
    assertThat(at(context, "runAsUser").start()).isEqualTo(new Position(3, 96, 129));
    assertThat(at(context, "runAsUser").end()).isEqualTo(new Position(3, 97, 130));
    assertThat(context.start()).isEqualTo(new Position(3, 62, 95));
    assertThat(context.end()).isEqualTo(new Position(3, 98, 131));
    Node containers = at(root, "spec", "containers");
    assertThat(containers.start()).isEqualTo(new Position(3, 26, 59));
    assertThat(containers.end()).isEqualTo(new Position(3, 100, 133));
    assertThat(root.start()).isEqualTo(new Position(1, 1, 0));
    assertThat(root.end()).isEqualTo(new Position(4, 2, 137));
  }

  @Test
  void everyTopLevelValueIsADocument() throws TreeException {
    List<Node> documents = readAll(TWO_OBJECTS);

    assertThat(documents).hasSize(2);
    assertThat(documents.get(1).start()).isEqualTo(new Position(5, 1, 139));
    assertThat(at(documents.get(1), "kind").start()).isEqualTo(new Position(5, 10, 148));
  }

  @Test
  void valuesHaveJsonsOwnTypes() throws TreeException {
    Node root =
        readAll(
                "{\"s\": \"true\", \"b\": false, \"i\": -0, \"f\": 1.0, \"n\": null, \"e\":"
                    + " \"a\\\"b\"}")
            .get(0);

    assertThat(((MappingNode) root).fields().values())
        .extracting(e -> (ScalarNode) e.value())
        .extracting(ScalarNode::type, ScalarNode::value, ScalarNode::raw, ScalarNode::style)
        .containsExactly(
            tuple(ScalarType.STRING, "true", "\"true\"", ScalarStyle.DOUBLE_QUOTED),
            tuple(ScalarType.BOOLEAN, "false", "false", ScalarStyle.PLAIN),
            tuple(ScalarType.INTEGER, "0", "-0", ScalarStyle.PLAIN),
            tuple(ScalarType.FLOAT, "1.0", "1.0", ScalarStyle.PLAIN),
            tuple(ScalarType.NULL, "null", "null", ScalarStyle.PLAIN),
            tuple(ScalarType.STRING, "a\"b", "\"a\\\"b\"", ScalarStyle.DOUBLE_QUOTED));
    assertThat(((MappingNode) root).style()).isEqualTo(CollectionStyle.FLOW);
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  @Test
  void aRepeatedKeyKeepsBothEntriesAndTheLastValueCounts() throws TreeException {
    MappingNode root = (MappingNode) readAll("{\"a\": 1, \"a\": 2}").get(0);

    assertThat(root.entries()).hasSize(2);
    assertThat(((ScalarNode) root.get("a")).value()).isEqualTo("2");
  }

  @Test
  void aByteOrderMarkIsSkippedButKeepsItsPlace() throws TreeException {
    Node root = readAll("\uFEFF{\"a\": 1}").get(0);

    assertThat(root.start()).isEqualTo(new Position(1, 2, 1));
    assertThat(at(root, "a").start()).isEqualTo(new Position(1, 8, 7));
  }

  @Test
  void valuesBeforeASyntaxErrorAreHandedOverAndTheErrorSaysWhere() {
    List<Node> documents = new ArrayList<>();

    assertThatThrownBy(() -> readAll("{\"a\": 1}\n{\"b\": [1,}\n", TreeLimits.DEFAULT, documents))
        .isInstanceOf(TreeException.class)
        .hasMessage("Unexpected character ('}' (code 125)): expected a value")
        .extracting(e -> ((TreeException) e).position())
        .isEqualTo(new Position(2, 10, 18));
    assertThat(documents).hasSize(1);
  }

  @Test
  void jacksonsSourceNoteIsLeftOutOfMessages() {
    assertThatThrownBy(() -> readAll("{\"a\": 1"))
        .isInstanceOf(TreeException.class)
        .hasMessage(
            "Unexpected end-of-input: expected close marker for Object "
                + "(start marker at line 1, column 1)");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "[".repeat(6) + "]".repeat(6);

    assertThatThrownBy(() -> readAll(deep, new TreeLimits(1000, 5, 10, 10), new ArrayList<>()))
        .isInstanceOf(TreeException.class)
        .hasMessage("nesting is deeper than the limit of 5 levels")
        .extracting(e -> ((TreeException) e).position())
        .isEqualTo(new Position(1, 6, 5));
  }

  @Test
  void aTextOverTheCodePointLimitIsRefused() throws TreeException {
    String text = "[\"" + "\uD83D\uDE00".repeat(8) + "\"]";

    assertThatThrownBy(() -> readAll(text, new TreeLimits(11, 10, 10, 10), new ArrayList<>()))
        .isInstanceOf(TreeException.class)
        .hasMessage("document is too large: 12 code points, more than the limit of 11");
    assertThat(readAll(text, new TreeLimits(12, 10, 10, 10), new ArrayList<>())).hasSize(1);
  }

  @Test
  void anEmptyTextHasNoDocuments() throws TreeException {
    assertThat(readAll(" \n")).isEmpty();
  }
}
