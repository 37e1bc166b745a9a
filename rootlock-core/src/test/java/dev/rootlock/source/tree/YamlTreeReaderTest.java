package dev.rootlock.source.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Position;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

  /** YAML's failsafe schema: every scalar is a string, except that an empty plain one is null. */
  private static final ScalarResolver FAILSAFE =
      (value, tag, plain) ->
          plain && tag == null && value.isEmpty()
              ? new ScalarResolver.Resolved(ScalarType.NULL, "null")
              : new ScalarResolver.Resolved(ScalarType.STRING, value);

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          securityContext:
            privileged: true
      """;

  private static Node read(String text) throws TreeException {
    return read(text, TreeLimits.DEFAULT);
  }

  private static Node read(String text, TreeLimits limits) throws TreeException {
    return new YamlTreeReader(FAILSAFE, limits)
        .readFirst(text, 0, text.length(), new TextPositions(text))
        .orElseThrow();
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

  private static MappingNode.Entry entry(Node mapping, String key) {
    return ((MappingNode) mapping).entry(key);
  }

  @Test
  void blockStylePositionsAreExact() throws TreeException {
    Node root = read(POD);

    Node context = at(root, "spec", "containers", 0, "securityContext");
    assertThat(entry(context, "privileged").keyNode().start()).isEqualTo(new Position(9, 7, 108));
    ScalarNode value = (ScalarNode) at(context, "privileged");
    assertThat(value.start()).isEqualTo(new Position(9, 19, 120));
    assertThat(value.end()).isEqualTo(new Position(9, 23, 124));
    assertThat(value.raw()).isEqualTo("true");
    assertThat(value.style()).isEqualTo(ScalarStyle.PLAIN);
    assertThat(context.start()).isEqualTo(new Position(9, 7, 108));
    assertThat(context.end()).isEqualTo(new Position(9, 23, 124));
    assertThat(((MappingNode) context).style()).isEqualTo(CollectionStyle.BLOCK);
  }

  @Test
  void aBlockSequenceStartsAtItsDashAndAnItemAfterIt() throws TreeException {
    Node root = read(POD);

    Node containers = at(root, "spec", "containers");
    assertThat(containers.start()).isEqualTo(new Position(7, 3, 69));
    assertThat(at(containers, 0).start()).isEqualTo(new Position(7, 5, 71));
    assertThat(containers.end()).isEqualTo(new Position(9, 23, 124));
    assertThat(root.start()).isEqualTo(new Position(1, 1, 0));
    assertThat(root.end()).isEqualTo(new Position(9, 23, 124));
  }

  @Test
  void flowStylePositionsIncludeTheBrackets() throws TreeException {
    String text =
        """
        spec:
          containers: [{name: app, securityContext: {privileged: true, runAsUser: 0}}]
        """;

    Node root = read(text);

    Node containers = at(root, "spec", "containers");
    assertThat(containers.start()).isEqualTo(new Position(2, 15, 20));
    assertThat(containers.end()).isEqualTo(new Position(2, 79, 84));
    assertThat(((SequenceNode) containers).style()).isEqualTo(CollectionStyle.FLOW);
    Node context = at(containers, 0, "securityContext");
    assertThat(context.start()).isEqualTo(new Position(2, 45, 50));
    assertThat(context.end()).isEqualTo(new Position(2, 77, 82));
    assertThat(((MappingNode) context).style()).isEqualTo(CollectionStyle.FLOW);
    assertThat(entry(context, "runAsUser").keyNode().start()).isEqualTo(new Position(2, 64, 69));
  }

  @Test
  void emojiCountTwoUtf16UnitsInColumnsAndOffsets() throws TreeException {
    String text =
        """
        metadata: {name: "\uD83D\uDE00\uD83D\uDE00"}
        # \uD83D\uDC33 whale
        spec: {privileged: yes}
        """;

    Node root = read(text);

    ScalarNode name = (ScalarNode) at(root, "metadata", "name");
    assertThat(name.start()).isEqualTo(new Position(1, 18, 17));
    assertThat(name.end()).isEqualTo(new Position(1, 24, 23));
    assertThat(name.raw()).isEqualTo("\"\uD83D\uDE00\uD83D\uDE00\"");
    assertThat(name.value()).isEqualTo("\uD83D\uDE00\uD83D\uDE00");
    assertThat(entry(at(root, "spec"), "privileged").keyNode().start())
        .isEqualTo(new Position(3, 8, 43));
    ScalarNode yes = (ScalarNode) at(root, "spec", "privileged");
    assertThat(yes.start()).isEqualTo(new Position(3, 20, 55));
    assertThat(yes.end()).isEqualTo(new Position(3, 23, 58));
    assertThat(text.substring(yes.start().offset(), yes.end().offset())).isEqualTo("yes");
  }

  @Test
  void carriageReturnLineFeedCountsTwoInOffsetsAndOneLine() throws TreeException {
    String text = POD.replace("\n", "\r\n");

    Node root = read(text);

    Node context = at(root, "spec", "containers", 0, "securityContext");
    assertThat(entry(context, "privileged").keyNode().start()).isEqualTo(new Position(9, 7, 116));
    ScalarNode value = (ScalarNode) at(context, "privileged");
    assertThat(value.start()).isEqualTo(new Position(9, 19, 128));
    assertThat(value.end()).isEqualTo(new Position(9, 23, 132));
  }

  @Test
  void aDocumentLaterInTheTextGetsPositionsInTheWholeText() throws TreeException {
    String text = "a: \uD83D\uDE00\r\n---\r\nb: c\r\n";
    int from = text.indexOf("b:");

    Node root =
        new YamlTreeReader(FAILSAFE, TreeLimits.DEFAULT)
            .readFirst(text, from, text.length(), new TextPositions(text))
            .orElseThrow();

    assertThat(entry(root, "b").keyNode().start()).isEqualTo(new Position(3, 1, 12));
    assertThat(at(root, "b").start()).isEqualTo(new Position(3, 4, 15));
    assertThat(at(root, "b").end()).isEqualTo(new Position(3, 5, 16));
  }

  @Test
  void aByteOrderMarkKeepsItsPlaceInOffsets() throws TreeException {
    Node root = read("\uFEFFa: b\n");

    assertThat(entry(root, "a").keyNode().start()).isEqualTo(new Position(1, 2, 1));
    assertThat(at(root, "a").start()).isEqualTo(new Position(1, 5, 4));
  }

  @Test
  void scalarsKeepTheirStyleAndRawText() throws TreeException {
    Node root =
        read(
            """
            double: "yes"
            single: 'it''s'
            literal: |
              line
            tagged: !!str yes
            """);

    ScalarNode doubleQuoted = (ScalarNode) at(root, "double");
    assertThat(doubleQuoted.style()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
    assertThat(doubleQuoted.raw()).isEqualTo("\"yes\"");
    ScalarNode single = (ScalarNode) at(root, "single");
    assertThat(single.style()).isEqualTo(ScalarStyle.SINGLE_QUOTED);
    assertThat(single.value()).isEqualTo("it's");
    assertThat(single.raw()).isEqualTo("'it''s'");
    ScalarNode literal = (ScalarNode) at(root, "literal");
    assertThat(literal.style()).isEqualTo(ScalarStyle.LITERAL);
    assertThat(literal.value()).isEqualTo("line\n");
    assertThat(literal.raw()).isEqualTo("|\n  line\n");
    assertThat(((ScalarNode) at(root, "tagged")).raw()).isEqualTo("!!str yes");
  }

  @Test
  void theResolverReceivesShortTagsAndPlainness() throws TreeException {
    ScalarResolver echo =
        (value, tag, plain) -> new ScalarResolver.Resolved(ScalarType.STRING, tag + "|" + plain);
    String text = "a: x\nb: 'x'\nc: !!bool x\nd: !custom x\ne: ! x\n";

    Node root =
        new YamlTreeReader(echo, TreeLimits.DEFAULT)
            .readFirst(text, 0, text.length(), new TextPositions(text))
            .orElseThrow();

    assertThat(((MappingNode) root).entries())
        .extracting(e -> ((ScalarNode) e.value()).value())
        .containsExactly("null|true", "null|false", "!!bool|true", "!custom|true", "!|true");
  }

  @Test
  void aResolverRefusalBecomesAnErrorAtTheScalar() {
    ScalarResolver refusing =
        (value, tag, plain) -> {
          throw new IllegalArgumentException("cannot decode !!str `maybe` as a !!bool");
        };
    String text = "a: !!bool maybe\n";

    assertThatThrownBy(
            () ->
                new YamlTreeReader(refusing, TreeLimits.DEFAULT)
                    .readFirst(text, 0, text.length(), new TextPositions(text)))
        .isInstanceOf(TreeException.class)
        .hasMessage("cannot decode !!str `maybe` as a !!bool")
        .extracting(e -> ((TreeException) e).position())
        .isEqualTo(new Position(1, 1, 0));
  }

  @Test
  void anAliasSharesItsAnchorsNodeAndEndsTheCollectionWhereItIsWritten() throws TreeException {
    Node root = read("base: &b {x: 1}\ncopy: *b\n");

    assertThat(at(root, "copy")).isSameAs(at(root, "base"));
    assertThat(root.end()).isEqualTo(new Position(2, 9, 24));
  }

  @Test
  void mergeKeysApplyInOrderAndTheFirstMappingOfASequenceWins() throws TreeException {
    Node root =
        read(
            """
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            merged:
              a: 0
              <<: [*one, *two]
              c: 3
            """);

    MappingNode merged = (MappingNode) at(root, "merged");
    assertThat(merged.fields().keySet()).containsExactly("a", "b", "c");
    assertThat(((ScalarNode) merged.get("a")).value()).isEqualTo("1");
    assertThat(((ScalarNode) merged.get("b")).value()).isEqualTo("1");
    assertThat(((ScalarNode) merged.get("c")).value()).isEqualTo("3");
    assertThat(merged.entries())
        .extracting(MappingNode.Entry::merge)
        .containsExactly(false, true, false);
    assertThat(merged.entry("b").keyNode().start()).isEqualTo(new Position(1, 18, 17));
  }

  @Test
  void aQuotedMergeKeyIsAnOrdinaryKey() throws TreeException {
    Node root = read("base: &b {x: 1}\nm:\n  '<<': *b\n");

    assertThat(((MappingNode) at(root, "m")).fields().keySet()).containsExactly("<<");
  }

  @Test
  void aRepeatedKeyKeepsBothEntriesAndTheLastValueCounts() throws TreeException {
    MappingNode root = (MappingNode) read("a: 1\na: 2\n");

    assertThat(root.entries()).hasSize(2);
    assertThat(((ScalarNode) root.get("a")).value()).isEqualTo("2");
  }

  @Test
  void onlyTheFirstDocumentIsReadAsGoYamlUnmarshalDoes() throws TreeException {
    Node root = read("a: 1\n...\nb: [\n");

    assertThat(((MappingNode) root).fields().keySet()).containsExactly("a");
  }

  @Test
  void commentsAloneAreNoDocument() throws TreeException {
    String text = "# nothing here\n\n";

    Optional<Node> root =
        new YamlTreeReader(FAILSAFE, TreeLimits.DEFAULT)
            .readFirst(text, 0, text.length(), new TextPositions(text));

    assertThat(root).isEmpty();
  }

  @Test
  void syntaxErrorsSayWhatAndWhere() {
    assertError(
        "a: [1, 2\nb: 3\n",
        new Position(2, 2, 10),
        "expected ',' or ']', but got : (while parsing a flow sequence at 1:4)");
    assertError("a: b: c\n", new Position(1, 5, 4), "mapping values are not allowed here");
    assertError(
        "a: \"open\n",
        new Position(2, 1, 9),
        "found unexpected end of stream (while scanning a quoted scalar at 1:4)");
  }

  @Test
  void aControlCharacterIsReportedWithItsPosition() {
    assertError(
        "a: \uD83D\uDE00\u0007\n",
        new Position(1, 6, 5),
        "character U+0007 is not allowed in YAML");
  }

  @Test
  void aliasesMustNameAnEarlierCompleteAnchor() {
    assertError("a: *nope\n", new Position(1, 4, 3), "unknown anchor 'nope' referenced");
    assertError("a: &x [*x]\n", new Position(1, 8, 7), "anchor 'x' value contains itself");
  }

  @Test
  void keysMustBeScalarsAndMergesMappings() {
    assertError("? [a]\n: b\n", new Position(1, 3, 2), "mapping keys must be scalars");
    assertError(
        "a:\n  <<: 1\n",
        new Position(2, 7, 9),
        "map merge requires map or sequence of maps as the value");
  }

  @Test
  void billionLaughsStopsAtTheAliasedNodeLimit() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }

    assertThatThrownBy(() -> read(bomb.toString()))
        .isInstanceOf(TreeException.class)
        .hasMessage("aliases repeat more than 1000000 nodes in one document (an alias bomb?)")
        .extracting(e -> ((TreeException) e).position().line())
        .isEqualTo(6);
  }

  @Test
  void aliasesOfCollectionsAreCounted() {
    String text = "a: &a [x]\nb: [" + "*a, ".repeat(100) + "*a]\n";

    assertThatThrownBy(() -> read(text))
        .isInstanceOf(TreeException.class)
        .hasMessage("more than 100 aliases of mappings or sequences in one document")
        .extracting(e -> ((TreeException) e).position())
        .isEqualTo(new Position(2, 405, 414));
  }

  @Test
  void aliasesOfScalarsAreNotLimited() throws TreeException {
    String text = "a: &a x\nb: [" + "*a, ".repeat(200) + "*a]\n";

    assertThat(((SequenceNode) at(read(text), "b")).items()).hasSize(201);
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "[".repeat(6) + "]".repeat(6);

    assertThatThrownBy(() -> read(deep, new TreeLimits(1000, 5, 10, 10)))
        .isInstanceOf(TreeException.class)
        .hasMessage("nesting is deeper than the limit of 5 levels")
        .extracting(e -> ((TreeException) e).position())
        .isEqualTo(new Position(1, 6, 5));
  }

  @Test
  void veryDeepNestingIsRefusedWithoutOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(TreeException.class)
        .hasMessage("nesting is deeper than the limit of 1000 levels");
  }

  @Test
  void aDocumentOverTheCodePointLimitIsRefused() throws TreeException {
    String text = "a: " + "\uD83D\uDE00".repeat(8) + "\n";

    assertThatThrownBy(() -> read(text, new TreeLimits(11, 10, 10, 10)))
        .isInstanceOf(TreeException.class)
        .hasMessage("document is too large: 12 code points, more than the limit of 11")
        .extracting(e -> ((TreeException) e).position())
        .isEqualTo(new Position(1, 1, 0));
    assertThat(at(read(text, new TreeLimits(12, 10, 10, 10)), "a").end().offset()).isEqualTo(19);
  }

  private static void assertError(String text, Position position, String message) {
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(TreeException.class)
        .hasMessage(message)
        .extracting(e -> ((TreeException) e).position())
        .isEqualTo(position);
  }

  @Test
  void anEmptyValueIsAnEmptyScalarRightAfterTheColon() throws TreeException {
    Node value = at(read("a:\nb: 1\n"), "a");

    assertThat(value.isNull()).isTrue();
    assertThat(value.start()).isEqualTo(new Position(1, 3, 2));
    assertThat(value.end()).isEqualTo(new Position(1, 3, 2));
  }
}
