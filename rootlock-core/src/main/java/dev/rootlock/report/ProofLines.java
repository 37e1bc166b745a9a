package dev.rootlock.report;

import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.Proof;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code fix --prove} and {@code --discover} learnt, as the lines and exit code a run prints.
 */
public final class ProofLines {

  private ProofLines() {}

  /**
   * One report line: {@code deployment/web container "nginx": failed: exited with status 1;
   * refused: write to /var/cache/nginx (read-only file system)}.
   */
  public static String line(Proof proof) {
    StringBuilder line =
        new StringBuilder()
            .append(proof.run().object())
            .append(' ')
            .append(proof.run().noun())
            .append(" \"")
            .append(proof.run().container())
            .append("\": ")
            .append(proof.status().words())
            .append(": ")
            .append(proof.detail());
    if (!proof.refused().isEmpty()) {
      line.append("; refused: ").append(String.join(", ", proof.refused()));
    }
    return line.toString();
  }

  /**
   * One discovery line: {@code deployment/web container "nginx": writes /var/lib/nginx; needs
   * capabilities CHOWN, SETUID; must start as root; proven: stayed up}.
   */
  public static String line(Discovered found) {
    List<String> parts = new ArrayList<>();
    if (!found.paths().isEmpty()) {
      parts.add("writes " + String.join(", ", found.paths()));
    }
    if (!found.capabilities().isEmpty()) {
      parts.add("needs capabilities " + String.join(", ", found.capabilities()));
    }
    if (found.root()) {
      parts.add("must start as root");
    }
    if (parts.isEmpty()) {
      parts.add("nothing learnt");
    }
    return found.run().object()
        + " "
        + found.run().noun()
        + " \""
        + found.run().container()
        + "\": "
        + String.join("; ", parts)
        + "; last trial "
        + found.proof().status().words()
        + ": "
        + found.proof().detail();
  }

  /** 1 when any container failed its proof, else 0. */
  public static int exitCode(List<Proof> proofs) {
    return proofs.stream().anyMatch(p -> p.status() == Proof.Status.FAILED) ? 1 : 0;
  }
}
