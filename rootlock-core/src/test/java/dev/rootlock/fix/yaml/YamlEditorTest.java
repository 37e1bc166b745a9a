package dev.rootlock.fix.yaml;

import static dev.rootlock.fix.yaml.EditHarness.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.fix.plan.Change;
import dev.rootlock.fix.plan.Change.AppendItem;
import dev.rootlock.fix.plan.Change.RemoveField;
import dev.rootlock.fix.plan.Change.SetField;
import dev.rootlock.model.FieldPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link YamlEditor}: exact text out, and a parse equal to the prediction. */
class YamlEditorTest {

  private static final FieldPath C0 = FieldPath.of("spec", "containers").index(0);
  private static final FieldPath SC = C0.key("securityContext");

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void addsAMissingMappingAfterTheLastKeyIndentedLikeItsSiblings() throws Exception {
    String before =
        """
        spec:
          containers:
          - name: app   # the app
            image: nginx
          # trailing comment
        """;
    String after =
        edit(
            before,
            List.of(
                new SetField(SC.key("readOnlyRootFilesystem"), true),
                new SetField(SC.key("allowPrivilegeEscalation"), false),
                new SetField(SC.keys("capabilities", "drop"), List.of("ALL"))));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              containers:
              - name: app   # the app
                image: nginx
                securityContext:
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop:
                    - ALL
              # trailing comment
            """);
  }

  @Test
  void followsFourSpaceIndentsAndIndentedSequences() throws Exception {
    String before =
        """
        spec:
            containers:
                - name: app
                  image: nginx
                  ports:
                      - containerPort: 80
        """;
    String after =
        edit(
            before,
            List.of(
                new SetField(SC.keys("capabilities", "drop"), List.of("ALL")),
                new AppendItem(C0.key("volumeMounts"), map("name", "tmp", "mountPath", "/tmp")),
                new AppendItem(
                    FieldPath.of("spec", "volumes"),
                    map("name", "tmp", "emptyDir", map("medium", "Memory", "sizeLimit", "64Mi")))));
    assertThat(after)
        .isEqualTo(
            """
            spec:
                containers:
                    - name: app
                      image: nginx
                      ports:
                          - containerPort: 80
                      securityContext:
                          capabilities:
                              drop:
                                  - ALL
                      volumeMounts:
                          - name: tmp
                            mountPath: /tmp
                volumes:
                    - name: tmp
                      emptyDir:
                          medium: Memory
                          sizeLimit: 64Mi
            """);
  }

  @Test
  void appendsToAnExistingListBeforeKeysAddedAroundIt() throws Exception {
    String before =
        """
        spec:
          containers:
          - name: app
            volumeMounts:
            - name: data
              mountPath: /data\
        """;
    String after =
        edit(
            before,
            List.of(
                new SetField(SC.key("readOnlyRootFilesystem"), true),
                new AppendItem(C0.key("volumeMounts"), map("name", "tmp", "mountPath", "/tmp"))));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              containers:
              - name: app
                volumeMounts:
                - name: data
                  mountPath: /data
                - name: tmp
                  mountPath: /tmp
                securityContext:
                  readOnlyRootFilesystem: true\
            """);
  }

  @Test
  void writesIntoFlowMappingsAndSequencesInFlowStyle() throws Exception {
    String before =
        """
        spec:
          containers:
          - name: app
            securityContext: {}
            volumeMounts: [{name: a, mountPath: /a}]
          - name: sidecar
            securityContext: {privileged: false, capabilities: {drop: []}}
        """;
    FieldPath c1 = FieldPath.of("spec", "containers").index(1);
    String after =
        edit(
            before,
            List.of(
                new SetField(SC.key("readOnlyRootFilesystem"), true),
                new SetField(SC.key("seccompProfile"), map("type", "RuntimeDefault")),
                new AppendItem(C0.key("volumeMounts"), map("name", "tmp", "mountPath", "/tmp")),
                new SetField(c1.keys("securityContext", "readOnlyRootFilesystem"), true),
                new AppendItem(c1.keys("securityContext", "capabilities", "drop"), "ALL")));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              containers:
              - name: app
                securityContext: {readOnlyRootFilesystem: true, seccompProfile: {type: RuntimeDefault}}
                volumeMounts: [{name: a, mountPath: /a}, {name: tmp, mountPath: /tmp}]
              - name: sidecar
                securityContext: {privileged: false, capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true}
            """);
  }

  @Test
  void keepsCrlfLineEndings() throws Exception {
    String before = "spec:\r\n  containers:\r\n  - name: app\r\n    image: x\r\n";
    String after = edit(before, List.of(new SetField(SC.key("runAsNonRoot"), true)));
    assertThat(after)
        .isEqualTo(
            """
            spec:\r
              containers:\r
              - name: app\r
                image: x\r
                securityContext:\r
                  runAsNonRoot: true\r
            """);
  }

  @Test
  void replacesScalarsKeepingAnchorsTagsAndComments() throws Exception {
    String before =
        """
        spec:
          containers:
          - name: app
            securityContext:
              readOnlyRootFilesystem: !!bool false   # was off
              runAsNonRoot: "true"
        """;
    String after =
        edit(
            before,
            List.of(
                new SetField(SC.key("readOnlyRootFilesystem"), true),
                new SetField(SC.key("runAsNonRoot"), true)));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              containers:
              - name: app
                securityContext:
                  readOnlyRootFilesystem: !!bool true   # was off
                  runAsNonRoot: true
            """);
  }

  @Test
  void fillsANullValueBelowItsKey() throws Exception {
    String before =
        """
        spec:
          securityContext:   # pod level
          containers:
          - name: app
            securityContext: ~
            image: x
        """;
    String after =
        edit(
            before,
            List.of(
                new SetField(
                    FieldPath.of("spec", "securityContext", "seccompProfile"),
                    map("type", "RuntimeDefault")),
                new SetField(SC.key("runAsNonRoot"), true)));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              securityContext:   # pod level
                seccompProfile:
                  type: RuntimeDefault
              containers:
              - name: app
                securityContext:
                  runAsNonRoot: true
                image: x
            """);
  }

  @Test
  void insertsAfterABlockScalarWithoutJoiningIt() throws Exception {
    String before =
        """
        spec:
          containers:
          - name: app
            args:
            - |
              echo hi

        # end
        """;
    String after = edit(before, List.of(new SetField(SC.key("runAsNonRoot"), true)));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              containers:
              - name: app
                args:
                - |
                  echo hi

                securityContext:
                  runAsNonRoot: true
            # end
            """);
  }

  @Test
  void removesAFieldWithItsLineAndLeavesAnEmptyMappingAsBraces() throws Exception {
    String before =
        """
        spec:
          securityContext:
            readOnlyRootFilesystem: true  # misplaced
          containers:
          - name: app
        """;
    String after =
        edit(
            before,
            List.of(
                new RemoveField(
                    FieldPath.of("spec", "securityContext", "readOnlyRootFilesystem"))));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              securityContext: {}
              containers:
              - name: app
            """);
  }

  @Test
  void replacesARemovedFieldWithTheFieldsAddedBesideIt() throws Exception {
    String before =
        """
        spec:
          securityContext:
            readOnlyRootFilesystem: true
          containers:
          - name: app
        """;
    String after =
        edit(
            before,
            List.of(
                new RemoveField(FieldPath.of("spec", "securityContext", "readOnlyRootFilesystem")),
                new SetField(
                    FieldPath.of("spec", "securityContext", "seccompProfile", "type"),
                    "RuntimeDefault")));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              securityContext:
                seccompProfile:
                  type: RuntimeDefault
              containers:
              - name: app
            """);
  }

  @Test
  void keysAddedAfterAnEntryWhoseLinesAreRemovedFollowItsReplacement() throws Exception {
    String before =
        """
        spec:
          containers:
          - name: app
            securityContext:
              capabilities:
                add:
                  - IPC_LOCK
            lifecycle: {}
        """;
    String after =
        edit(
            before,
            List.of(
                new SetField(SC.key("readOnlyRootFilesystem"), true),
                new SetField(SC.keys("capabilities", "drop"), List.of("ALL")),
                new RemoveField(SC.keys("capabilities", "add"))));
    assertThat(after)
        .isEqualTo(
            """
            spec:
              containers:
              - name: app
                securityContext:
                  capabilities:
                    drop:
                    - ALL
                  readOnlyRootFilesystem: true
                lifecycle: {}
            """);
  }

  @Test
  void editsAnAnchorAndSaysSo() throws Exception {
    String text =
        """
        spec:
          containers:
          - name: a
            securityContext: &hardened
              runAsNonRoot: true
          - name: b
            securityContext: *hardened
        """;
    var root = EditHarness.read(text);
    FieldPath c1 = FieldPath.of("spec", "containers").index(1);
    List<Change> changes =
        List.of(
            new SetField(SC.key("readOnlyRootFilesystem"), true),
            new SetField(c1.keys("securityContext", "readOnlyRootFilesystem"), true));
    YamlEditor.Result result =
        new YamlEditor(text, Layout.detect(text, List.of(root))).edits(root, changes);
    assertThat(result.anchors()).containsExactly("&hardened at line 4");
    assertThat(edit(text, changes))
        .isEqualTo(
            """
            spec:
              containers:
              - name: a
                securityContext: &hardened
                  runAsNonRoot: true
                  readOnlyRootFilesystem: true
              - name: b
                securityContext: *hardened
            """);
  }

  @Test
  void anAliasEditThatOnlyOneUseWantsDoesNotParseAsPredicted() {
    String text =
        """
        spec:
          containers:
          - name: a
            securityContext: &shared {runAsNonRoot: true}
          - name: b
            securityContext: *shared
        """;
    assertThatThrownBy(
            () -> edit(text, List.of(new SetField(SC.key("readOnlyRootFilesystem"), true))))
        .hasMessageContaining("edit does not parse as predicted");
  }

  @Test
  void quotesStringsThatWouldReadAsSomethingElse() throws Exception {
    String before = "a:\n  b: 1\n";
    String after =
        edit(
            before,
            List.of(
                new SetField(FieldPath.of("a", "c"), "yes"),
                new SetField(FieldPath.of("a", "d"), "1:20"),
                new SetField(
                    FieldPath.of("a", "e"), List.of("/tmp:rw,noexec", "no-new-privileges:true")),
                new SetField(FieldPath.of("a", "f"), "64Mi")));
    assertThat(after)
        .isEqualTo(
            """
            a:
              b: 1
              c: "yes"
              d: "1:20"
              e:
              - /tmp:rw,noexec
              - no-new-privileges:true
              f: 64Mi
            """);
  }

  @Test
  void changesNothingWhenTheValueIsAlreadyThere() throws Exception {
    String before = "a:\n  b: true # keep\n";
    assertThat(edit(before, List.of(new SetField(FieldPath.of("a", "b"), true)))).isEqualTo(before);
  }
}
