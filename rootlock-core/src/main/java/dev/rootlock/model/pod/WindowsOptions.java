package dev.rootlock.model.pod;

/** {@code securityContext.windowsOptions}; {@code hostProcess} null when unset. */
public record WindowsOptions(Boolean hostProcess) {}
