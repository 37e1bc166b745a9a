package dev.rootlock.policy;

/**
 * A policy check. Implementations are small final classes, one per file, holding a prose header
 * (why the rule exists, the fields it reads, the allowed values), a {@link #definition()}, and one
 * static pure method per policy version, the newer delegating to the older after any relaxation.
 *
 * @param <T> the subject: {@link dev.rootlock.model.pod.Pod} for Kubernetes checks
 */
public interface Check<T> {

  CheckDefinition<T> definition();
}
