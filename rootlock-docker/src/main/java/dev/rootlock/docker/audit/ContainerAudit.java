package dev.rootlock.docker.audit;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.DockerEngineException.Reason;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.docker.DockerObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code rootlock docker audit}: inspects every running container (or every container) on the host
 * and has the engine judge each with the same Docker checks as Compose files and {@code docker run}
 * lines. This class only reads the engine and adapts; the verdicts are the engine's.
 */
public final class ContainerAudit {

  private final DockerEngine docker;
  private final Engine engine;

  public ContainerAudit(DockerEngine docker, Engine engine) {
    this.docker = docker;
    this.engine = engine;
  }

  /**
   * Audits the containers {@code docker ps} would list with these arguments.
   *
   * @param all every container, not only the running ones ({@code docker ps -a})
   * @param filters {@code docker ps --filter} filters, e.g. {@code label -> [app=web]}
   * @throws DockerEngineException when the engine cannot be reached or refuses
   */
  public ContainerAuditReport audit(
      boolean all, Map<String, List<String>> filters, LevelVersion policy) {
    return audit(all, filters, policy, dev.rootlock.engine.ExemptionRules.OFF);
  }

  /** As {@link #audit(boolean, Map, LevelVersion)}, marking findings {@code exemptions} cover. */
  public ContainerAuditReport audit(
      boolean all,
      Map<String, List<String>> filters,
      LevelVersion policy,
      dev.rootlock.engine.ExemptionRules exemptions) {
    List<AuditedContainer> audited = new ArrayList<>();
    for (String id : docker.containers(all, filters)) {
      ContainerDetails details;
      try {
        details = docker.inspect(id);
      } catch (DockerEngineException e) {
        if (e.reason() == Reason.CONTAINER_NOT_FOUND) {
          continue; // removed between the listing and the inspection: nothing left to judge
        }
        throw e;
      }
      DockerObject object = ContainerAdapter.object(details);
      audited.add(
          new AuditedContainer(
              details, object.config(), engine.evaluate(object, policy, exemptions)));
    }
    audited.sort(Comparator.comparing(c -> c.details().name()));
    return new ContainerAuditReport(policy.toString(), audited);
  }
}
