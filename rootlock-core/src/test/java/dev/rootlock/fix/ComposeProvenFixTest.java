package dev.rootlock.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.fix.ProvenNeeds;
import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.model.image.ImageReference;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code fix --discover} writes into a Compose service: the tmpfs mounts a trial proved
 * (sized, noexec, nosuid), the capabilities it proved the image needs back after {@code cap_drop:
 * [ALL]}, in place, and nothing for a service that already has them.
 */
class ComposeProvenFixTest {

  private static final ImageReference WEB = ImageReference.parse("example/web:1");

  private static FixOptions proven(List<String> capabilities, boolean root) {
    return FixOptions.defaults()
        .withDiscovered(
            List.of(
                new DiscoveredPaths(
                    WEB,
                    List.of(
                        new WritablePath(
                            "/tmp",
                            Medium.MEMORY,
                            "64Mi",
                            "mounted before discovery",
                            "rw,noexec,nosuid,size=64m"),
                        new WritablePath(
                            "/var/lib/web", Medium.MEMORY, "16Mi", "proven by fix --discover")),
                    List.of())))
        .withNeeds(List.of(new ProvenNeeds(WEB, capabilities, root)));
  }

  @Test
  void anUnhardenedServiceGetsTheProvenMountsAndCapabilities() {
    String text =
        """
        services:
          web:
            image: example/web:1  # the front end
            restart: always
          side:
            image: example/side:1
        """;

    TextFix fix = ComposeFixer.fix("c.yaml", text, proven(List.of("CHOWN", "SETUID"), false));

    assertThat(fix.error()).isNull();
    assertThat(fix.fixed())
        .isEqualTo(
            """
            services:
              web:
                image: example/web:1  # the front end
                restart: always
                read_only: true
                tmpfs:
                - /tmp:rw,noexec,nosuid,size=64m
                - /var/lib/web:rw,noexec,nosuid,size=16m
                cap_drop:
                - ALL
                cap_add:
                - CHOWN
                - SETUID
                security_opt:
                - no-new-privileges:true
              side:
                image: example/side:1
                read_only: true
                tmpfs:
                - /tmp:rw,noexec,nosuid,size=64m
                cap_drop:
                - ALL
                security_opt:
                - no-new-privileges:true
            """);
    assertThat(fix.notes())
        .contains(
            "service \"web\": a trial proved it needs cap_add [CHOWN, SETUID] (fix --discover);"
                + " capabilities_restricted still fails, since restricted allows only"
                + " NET_BIND_SERVICE");
  }

  @Test
  void aServiceAlreadyReadOnlyGetsOnlyTheProvenPathItLacksAndTheMissingCapability() {
    String text =
        """
        services:
          web:
            image: example/web:1
            read_only: true
            tmpfs: ["/tmp:rw,noexec,nosuid,size=64m"]
            cap_drop: [ALL]
            cap_add: [CHOWN]
            security_opt: ["no-new-privileges:true"]
        """;

    TextFix fix = ComposeFixer.fix("c.yaml", text, proven(List.of("CHOWN", "SETUID"), false));

    assertThat(fix.error()).isNull();
    assertThat(fix.fixed())
        .isEqualTo(
            """
            services:
              web:
                image: example/web:1
                read_only: true
                tmpfs: ["/tmp:rw,noexec,nosuid,size=64m", "/var/lib/web:rw,noexec,nosuid,size=16m"]
                cap_drop: [ALL]
                cap_add: [CHOWN, SETUID]
                security_opt: ["no-new-privileges:true"]
            """);
  }

  @Test
  void aFixedServiceIsLeftAsItIsOnTheNextRun() {
    String fixed =
        """
        services:
          web:
            image: example/web:1
            read_only: true
            tmpfs:
            - /tmp:rw,noexec,nosuid,size=64m
            - /var/lib/web:rw,noexec,nosuid,size=16m
            cap_drop:
            - ALL
            cap_add:
            - CHOWN
            security_opt:
            - no-new-privileges:true
        """;

    TextFix again = ComposeFixer.fix("c.yaml", fixed, FixOptions.defaults());
    TextFix rediscovered = ComposeFixer.fix("c.yaml", fixed, proven(List.of("CHOWN"), false));

    assertThat(again.changed()).isFalse();
    assertThat(rediscovered.changed()).isFalse();
  }

  @Test
  void anImageThatMustStartAsRootKeepsItsUserEvenWithUser() {
    String text = "services:\n  web:\n    image: example/web:1\n";

    TextFix fix = ComposeFixer.fix("c.yaml", text, proven(List.of("CHOWN"), true).withUser("1000"));

    assertThat(fix.error()).isNull();
    assertThat(fix.fixed()).doesNotContain("user:");
    assertThat(fix.notes())
        .contains(
            "service \"web\": a trial proved that its image must start as root (fix --discover);"
                + " user not set to 1000");
  }

  @Test
  void servicesOfOneImageRunningAsANumericUserOwnTheirDiscoveredMounts() {
    String text =
        """
        services:
          web:
            image: example/web:1
          worker:
            image: example/web:1
            user: "1000:1000"
          mode:
            image: example/web:1
            user: "1001"
            tmpfs: ["/var/lib/web:rw,noexec,nosuid,size=8m,mode=1777"]
          plain:
            image: example/plain:1
            user: "1000"
        """;

    TextFix fix = ComposeFixer.fix("c.yaml", text, proven(List.of(), false));

    assertThat(fix.error()).isNull();
    assertThat(fix.fixed())
        .contains(
            """
              web:
                image: example/web:1
                read_only: true
                tmpfs:
                - /tmp:rw,noexec,nosuid,size=64m
                - /var/lib/web:rw,noexec,nosuid,size=16m
            """,
            """
                user: "1000:1000"
                read_only: true
                tmpfs:
                - /tmp:rw,noexec,nosuid,size=64m,uid=1000,gid=1000
                - /var/lib/web:rw,noexec,nosuid,size=16m,uid=1000,gid=1000
            """,
            "    tmpfs: [\"/var/lib/web:rw,noexec,nosuid,size=8m,mode=1777\","
                + " \"/tmp:rw,noexec,nosuid,size=64m,uid=1001\"]\n",
            """
              plain:
                image: example/plain:1
                user: "1000"
                read_only: true
                tmpfs:
                - /tmp:rw,noexec,nosuid,size=64m
            """);
  }
}
