package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.source.kube.DocumentSplitter.BadSeparator;
import dev.rootlock.source.kube.DocumentSplitter.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSplitterTest {

  private static List<String> documents(String text) {
    return DocumentSplitter.split(text).documents().stream()
        .map(d -> text.substring(d.start(), d.end()))
        .toList();
  }

  @Test
  void aLineOfThreeDashesSeparatesDocuments() {
    assertThat(DocumentSplitter.split("a: 1\n---\nb: 2\n").documents())
        .containsExactly(new Document(0, 5), new Document(9, 14));
  }

  @Test
  void spacesTabsAndACommentMayFollowTheDashes() {
    assertThat(documents("a\n--- # next\nb\n---   \nc\n---\t\nd\n---#x\ne"))
        .containsExactly("a\n", "b\n", "c\n", "d\n", "e");
  }

  @Test
  void emptyDocumentsAreSkipped() {
    assertThat(documents("---\n---\na\n---\n")).containsExactly("a\n");
    assertThat(documents("")).isEmpty();
  }

  @Test
  void onlyDashesAtColumnZeroSeparate() {
    assertThat(documents("a: |\n  ---\n ---\n")).containsExactly("a: |\n  ---\n ---\n");
  }

  @Test
  void carriageReturnLineFeedLinesSplitTheSameWay() {
    assertThat(documents("a\r\n---\r\nb\r\n")).containsExactly("a\r\n", "b\r\n");
  }

  @Test
  void aSeparatorWithoutANewlineEndsTheText() {
    assertThat(documents("a: 1\n---")).containsExactly("a: 1\n");
  }

  @Test
  void anythingElseAfterTheDashesIsABadSeparatorThatStillSeparates() {
    String text = "a\n----\nb\n--- !!map\nc\n---foo: bar\nd\n";

    DocumentSplitter.Split split = DocumentSplitter.split(text);

    assertThat(documents(text)).containsExactly("a\n", "b\n", "c\n", "d\n");
    assertThat(split.badSeparators())
        .containsExactly(
            new BadSeparator(2, "-"),
            new BadSeparator(9, "!!map"),
            new BadSeparator(21, "foo: bar"));
    assertThat(split.badSeparators().get(1).message())
        .isEqualTo("invalid Yaml document separator: !!map");
  }
}
