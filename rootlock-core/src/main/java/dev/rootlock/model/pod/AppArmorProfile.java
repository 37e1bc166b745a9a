package dev.rootlock.model.pod;

/** {@code securityContext.appArmorProfile}; {@code type} is null when the object has no type. */
public record AppArmorProfile(String type, String localhostProfile) {}
