package dev.rootlock.model.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SecurityOpt} and {@link SecurityOpts}. */
class SecurityOptsTest {

  private static SecurityOpts of(String... written) {
    List<SecurityOpt> entries =
        Arrays.stream(written)
            .map(w -> SecurityOpt.parse(w, FieldPath.of("security_opt")))
            .toList();
    return new SecurityOpts(entries);
  }

  @Test
  void splitsAtEqualsBeforeColon() {
    SecurityOpt opt = SecurityOpt.parse("label=level:s0:c100", FieldPath.root());
    assertThat(opt.key()).isEqualTo("label");
    assertThat(opt.value()).isEqualTo("level:s0:c100");
  }

  @Test
  void fallsBackToTheDeprecatedColon() {
    SecurityOpt opt = SecurityOpt.parse("seccomp:unconfined", FieldPath.root());
    assertThat(opt.key()).isEqualTo("seccomp");
    assertThat(opt.value()).isEqualTo("unconfined");
    assertThat(opt.normalized()).isEqualTo("seccomp=unconfined");
  }

  @Test
  void bareEntries() {
    assertThat(SecurityOpt.parse("no-new-privileges", FieldPath.root()).value()).isNull();
    SecurityOpt disable = SecurityOpt.parse("disable", FieldPath.root());
    assertThat(disable.key()).isEqualTo("label");
    assertThat(disable.value()).isEqualTo("disable");
  }

  @Test
  void noNewPrivilegesReadsGoBooleansAndTheLastEntry() {
    assertThat(of().noNewPrivileges()).isNull();
    assertThat(of("no-new-privileges").noNewPrivileges()).isTrue();
    assertThat(of("no-new-privileges:true").noNewPrivileges()).isTrue();
    assertThat(of("no-new-privileges=T").noNewPrivileges()).isTrue();
    assertThat(of("no-new-privileges=False").noNewPrivileges()).isFalse();
    assertThat(of("no-new-privileges=yes").noNewPrivileges()).isNull();
    assertThat(of("no-new-privileges", "no-new-privileges=0").noNewPrivileges()).isFalse();
  }

  @Test
  void profilesTakeTheLastEntryAndLabelsAccumulate() {
    SecurityOpts opts =
        of("seccomp=a.json", "apparmor:p1", "seccomp=unconfined", "label=type:t", "disable");
    assertThat(opts.seccompProfile()).isEqualTo("unconfined");
    assertThat(opts.appArmorProfile()).isEqualTo("p1");
    assertThat(opts.labelOptions()).containsExactly("type:t", "disable");
  }

  @Test
  void capabilitiesAreComparedAsDockerDoes() {
    assertThat(new Capability(" cap_Sys_Admin", FieldPath.root()).canonical())
        .isEqualTo("SYS_ADMIN");
    assertThat(new Capability("all", FieldPath.root()).isAll()).isTrue();
    // The engine refuses CAP_ALL: invalid CapDrop: unknown capability: "CAP_ALL".
    assertThat(new Capability("CAP_ALL", FieldPath.root()).isAll()).isFalse();
    assertThat(new Capability("CAP_ALL", FieldPath.root()).isKnown()).isFalse();
    assertThat(new Capability("cap_net_raw", FieldPath.root()).isKnown()).isTrue();
  }
}
