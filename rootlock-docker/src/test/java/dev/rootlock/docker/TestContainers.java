package dev.rootlock.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Containers a test starts itself, labelled {@value #LABEL}={@link #runId()} so that the test can
 * find exactly its own (the engine may be shared with other test runs) and prove that nothing it
 * started is left behind.
 */
public final class TestContainers implements AutoCloseable {

  public static final String LABEL = "dev.rootlock.test";

  private final DockerEngine engine;
  private final String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private final List<String> ids = new ArrayList<>();

  public TestContainers(DockerEngine engine) {
    this.engine = engine;
  }

  /** Eight hex digits, different for every instance. */
  public String runId() {
    return runId;
  }

  /** The {@code docker ps --filter label=...} value that selects this instance's containers. */
  public String label() {
    return LABEL + "=" + runId;
  }

  /** Creates and starts an unnamed container; it is removed by {@link #close()}. */
  public String start(String image, List<String> cmd, boolean readOnly, Map<String, String> tmpfs) {
    return start(new ContainerSpec(image, cmd, List.of(), "", readOnly, tmpfs, "none", Map.of()));
  }

  /** Creates and starts a container as specified, with this instance's label added. */
  public String start(ContainerSpec spec) {
    Map<String, String> labels = new HashMap<>(spec.labels());
    labels.put(LABEL, runId);
    String id =
        engine.create(
            new ContainerSpec(
                spec.name(),
                spec.image(),
                spec.cmd(),
                spec.env(),
                spec.user(),
                spec.readOnlyRoot(),
                spec.tmpfs(),
                spec.networkMode(),
                spec.capDrop(),
                spec.securityOpt(),
                labels));
    ids.add(id);
    engine.start(id);
    return id;
  }

  @Override
  public void close() {
    ids.forEach(engine::remove);
    assertThat(engine.containersLabelled(LABEL, runId)).as("test containers left behind").isEmpty();
  }
}
