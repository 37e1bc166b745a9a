package dev.rootlock.policy;

/** One version of a check: a pure function of its subject. No I/O, no clients, no parsers. */
@FunctionalInterface
public interface CheckFunction<T> {

  CheckResult check(T subject);
}
