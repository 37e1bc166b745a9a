package dev.rootlock.source.dockerfile;

import dev.rootlock.model.Position;
import java.util.List;

/**
 * One build stage as the file writes it, before inheritance from earlier stages.
 *
 * @param index counted from 0
 * @param name the {@code AS} name as written, or null
 * @param baseImage the {@code FROM} image as written, build arguments substituted where known
 * @param from where the {@code FROM} is
 * @param user the stage's own last {@code USER}, substituted where known, or null
 * @param userPosition where that {@code USER} is, or null
 * @param volumes the stage's own {@code VOLUME} paths, in order
 */
public record Stage(
    int index,
    String name,
    String baseImage,
    Position from,
    String user,
    Position userPosition,
    List<Volume> volumes) {

  /** One {@code VOLUME} path and the instruction that declares it. */
  public record Volume(String path, Position position) {}

  public Stage {
    volumes = List.copyOf(volumes);
  }
}
