package dev.rootlock.model.pod;

/** One {@code ports[]} entry; numbers null when unset. */
public record ContainerPort(Integer containerPort, Integer hostPort) {}
