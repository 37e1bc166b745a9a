package dev.rootlock.docker;

/**
 * What the engine says about itself: {@code version} (e.g. 20.10.24) and negotiated API version.
 */
public record EngineInfo(String version, String apiVersion, String endpoint) {}
