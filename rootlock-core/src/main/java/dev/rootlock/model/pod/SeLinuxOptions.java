package dev.rootlock.model.pod;

/** {@code securityContext.seLinuxOptions}; each field null when unset. */
public record SeLinuxOptions(String user, String role, String type, String level) {}
