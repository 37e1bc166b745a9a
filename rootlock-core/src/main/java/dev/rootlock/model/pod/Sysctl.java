package dev.rootlock.model.pod;

/** One {@code spec.securityContext.sysctls[]} entry. */
public record Sysctl(String name, String value) {}
