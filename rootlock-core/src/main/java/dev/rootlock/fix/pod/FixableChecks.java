package dev.rootlock.fix.pod;

import dev.rootlock.model.Level;
import dev.rootlock.policy.checks.MisplacedReadOnlyRootFilesystemCheck;
import dev.rootlock.policy.checks.ReadOnlyRootFilesystemCheck;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kubernetes checks {@code rootlock fix} can make pass, with the level that introduces each.
 */
public final class FixableChecks {

  public static final String ALLOW_PRIVILEGE_ESCALATION = "allowPrivilegeEscalation";
  public static final String CAPABILITIES = "capabilities_restricted";
  public static final String RUN_AS_NON_ROOT = "runAsNonRoot";
  public static final String SECCOMP = "seccompProfile_restricted";
  public static final String READ_ONLY_ROOT = ReadOnlyRootFilesystemCheck.ID;
  public static final String MISPLACED_READ_ONLY_ROOT = MisplacedReadOnlyRootFilesystemCheck.ID;

  private static final Map<String, Level> LEVELS = levels();

  private FixableChecks() {}

  /** Check ID → level, in the order fixes are planned. */
  public static Map<String, Level> all() {
    return LEVELS;
  }

  private static Map<String, Level> levels() {
    Map<String, Level> levels = new LinkedHashMap<>();
    levels.put(ALLOW_PRIVILEGE_ESCALATION, Level.RESTRICTED);
    levels.put(CAPABILITIES, Level.RESTRICTED);
    levels.put(RUN_AS_NON_ROOT, Level.RESTRICTED);
    levels.put(SECCOMP, Level.RESTRICTED);
    levels.put(READ_ONLY_ROOT, Level.HARDENED);
    levels.put(MISPLACED_READ_ONLY_ROOT, Level.HARDENED);
    return java.util.Collections.unmodifiableMap(levels);
  }
}
