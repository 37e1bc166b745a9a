package dev.rootlock.docker.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.trial.RefusedOperation.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefusedOperationParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026/12/06 20:06:01 [emerg] 1#1: chown(\"/var/lib/nginx/body\", 33) failed (1: Operation not"
            + " permitted)|CHOWN|/var/lib/nginx/body",
        "2026/12/06 [emerg] 7#7: setgid(33) failed (1: Operation not permitted)|SETGID|33",
        "2026/12/06 [emerg] 7#7: setuid(33) failed (1: Operation not permitted)|SETUID|33",
        "2026/12/06 [emerg] 7#7: initgroups(www-data, 33) failed (1: Operation not permitted)"
            + "|SETGID|www-data, 33",
        "chown: /data: Operation not permitted|CHOWN|/data",
        "chown: changing ownership of '/data': Operation not permitted|CHOWN|/data",
        "su: can't set groups: Operation not permitted|SETGID|''",
        "setgroups: Operation not permitted|SETGID|''",
        "2026/12/06 [emerg] 1#1: bind() to 0.0.0.0:80 failed (13: Permission denied)|BIND_LOW_PORT"
            + "|0.0.0.0:80",
        "listen tcp :443: bind: permission denied|BIND_LOW_PORT|:443",
      })
  void classifiesTheOperation(String line, Kind kind, String detail) {
    assertThat(RefusedOperationParser.parse("starting\n" + line + "\n"))
        .containsExactly(new RefusedOperation(kind, detail, line));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bind() to 0.0.0.0:8080 failed (13: Permission denied)",
        "chown(\"/x\", 33) succeeded",
        "/tmp/x: Read-only file system",
        "setting uid to 33",
      })
  void ignoresLinesThatAreNotARefusedOperation(String line) {
    assertThat(RefusedOperationParser.parse(line)).isEmpty();
  }
}
