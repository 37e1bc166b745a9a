package dev.rootlock.docker.audit;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.docker.ContainerConfig;

/** One container of an audit: what the engine said, what the model made of it, the verdict. */
public record AuditedContainer(
    ContainerDetails details, ContainerConfig config, ObjectResult result) {}
