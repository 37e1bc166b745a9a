package dev.rootlock.engine;

/** What an input holds; {@code AUTO} decides by file name, then by content. */
public enum InputType {
  AUTO,
  KUBERNETES,
  COMPOSE,
  DOCKERFILE
}
