package dev.rootlock.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Debian's kubectl 1.20, the one {@code scripts/kube-apiserver} put next to the server. */
final class Kubectl {

  /** One finished kubectl run. */
  record Result(int exitCode, String out, String err) {}

  private Kubectl() {}

  static Result admin(String... args) {
    return run(RealApiServer.admin(), "", args);
  }

  static Result adminWithStdin(String stdin, String... args) {
    return run(RealApiServer.admin(), stdin, args);
  }

  static Result nobody(String... args) {
    return run(RealApiServer.nobody(), "", args);
  }

  /** Like {@link #admin} but the run must succeed. */
  static String must(String... args) {
    Result result = admin(args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl "
              + String.join(" ", args)
              + " failed ("
              + result.exitCode()
              + "): "
              + result.err());
    }
    return result.out();
  }

  /** Applies YAML given on stdin as the admin; the run must succeed. */
  static String apply(String yaml) {
    Result result = adminWithStdin(yaml, "apply", "-f", "-");
    if (result.exitCode() != 0) {
      throw new AssertionError("kubectl apply failed (" + result.exitCode() + "): " + result.err());
    }
    return result.out();
  }

  static Result run(Path kubeconfig, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(RealApiServer.dir().resolve("kubectl").toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " ran over 120 s");
      }
      return new Result(process.exitValue(), out.join().strip(), err.join().strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        Thread::startVirtualThread);
  }
}
