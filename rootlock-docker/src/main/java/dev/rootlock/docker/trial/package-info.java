/**
 * The trial engine: every run that proves something goes through here, so what rootlock prints is
 * exactly what ran.
 *
 * <ul>
 *   <li>{@link dev.rootlock.docker.trial.TrialSpec}: an immutable spec of one exact run (image,
 *       user, read-only root, each {@link dev.rootlock.docker.trial.TrialTmpfs} with its options
 *       and size/mode/uid/gid, each {@link dev.rootlock.docker.trial.TrialVolume} with its mode,
 *       {@code --cap-drop ALL} plus the capabilities added back, no-new-privileges, the engine's
 *       default seccomp profile (never overridden), entrypoint/command, literal env, working
 *       directory, network). It renders itself as a shell-quoted {@code docker run -d} line ({@code
 *       dockerRunLine}), as a Compose file ({@code composeService}) and, for the engine, as a
 *       {@link dev.rootlock.docker.ContainerSpec}. {@code TrialSpec.hardened(image)} is the
 *       starting point of full hardening.
 *   <li>{@link dev.rootlock.docker.trial.TrialRunner#run}: runs a spec on the {@link
 *       dev.rootlock.docker.DockerEngine} port under a {@link dev.rootlock.docker.trial.Watch} and
 *       returns a {@link dev.rootlock.docker.trial.TrialOutcome}: stayed up or exited (code), logs,
 *       refused writes ({@link dev.rootlock.docker.trial.RefusedWrite}: EROFS and friends, with the
 *       path) and refused operations ({@link dev.rootlock.docker.trial.RefusedOperation}: EPERM on
 *       chown/setuid/setgid, a bind below 1024, EACCES inside a trial's own mount), read from
 *       stdout/stderr and from the log files the container wrote on its own fresh mounts (through
 *       /proc/PID/root, where a tmpfs's contents are visible), plus host-side facts when /proc
 *       shows the container (listening ports, process uids/gids, tmpfs use). The watch ends early
 *       once the process is steady (no new logs, tmpfs bytes or listening sockets for a quiet
 *       period) instead of always waiting out the duration.
 *   <li>{@link dev.rootlock.docker.trial.TrialJanitor}: owns the cleanup of every container a set
 *       of trials creates: each is labelled {@code LABEL=runId}, removed when its trial ends, swept
 *       on close, and removed by a shutdown hook on Ctrl-C, which says which containers it removed.
 * </ul>
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * try (TrialJanitor janitor = TrialJanitor.forEngine(engine)) {
 *   TrialRunner runner = new TrialRunner(engine, HostProc.host(), janitor);
 *   TrialSpec spec = TrialSpec.hardened("nginx").withTmpfs(List.of(TrialTmpfs.of("/run", 16)))
 *       .withCapabilities(true, List.of("CHOWN", "SETUID", "SETGID"));
 *   TrialOutcome outcome = runner.run(spec, Watch.upTo(Duration.ofSeconds(10)));
 *   if (outcome.proves(true)) {
 *     System.out.println(spec.dockerRunLine());
 *   }
 * }
 * }</pre>
 */
package dev.rootlock.docker.trial;
