package dev.rootlock.model.pod;

/** {@code securityContext.seccompProfile}; {@code type} is null when the object has no type. */
public record SeccompProfile(String type, String localhostProfile) {}
