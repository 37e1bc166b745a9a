package dev.rootlock.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Containers a test starts itself, labelled so the test can prove nothing is left behind. */
public final class TestContainers implements AutoCloseable {

  public static final String LABEL = "dev.rootlock.test";

  private final DockerEngine engine;
  private final List<String> ids = new ArrayList<>();

  public TestContainers(DockerEngine engine) {
    this.engine = engine;
  }

  /** Creates and starts a container; it is removed by {@link #close()}. */
  public String start(String image, List<String> cmd, boolean readOnly, Map<String, String> tmpfs) {
    String id = engine.create(new ContainerSpec(image, cmd, List.of(), "", readOnly, tmpfs, "none",
        Map.of(LABEL, "1")));
    ids.add(id);
    engine.start(id);
    return id;
  }

  @Override
  public void close() {
    ids.forEach(engine::remove);
    assertThat(engine.containersLabelled(LABEL, null)).as("test containers left behind").isEmpty();
  }
}
