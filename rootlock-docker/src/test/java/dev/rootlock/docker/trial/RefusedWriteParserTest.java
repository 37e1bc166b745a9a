package dev.rootlock.docker.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.trial.RefusedWrite.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The error shapes of discovery.md §2, each with the path and kind the parser must extract. */
class RefusedWriteParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      sh: can't create /var/run/app.pid: Read-only file system | /var/run/app.pid | READ_ONLY | false
      /app/run.sh: line 5: can't create /run/app.pid: Permission denied | /run/app.pid | PERMISSION_DENIED | false
      sh: can't create /var/run/app.pid: nonexistent directory | /var/run/app.pid | MISSING_PARENT | false
      sh: 1: cannot create /var/run/app.pid: Read-only file system | /var/run/app.pid | READ_ONLY | false
      bash: line 1: /var/run/app.pid: Read-only file system | /var/run/app.pid | READ_ONLY | false
      touch: /tmp/t: Read-only file system | /tmp/t | READ_ONLY | false
      mkdir: can't create directory '/var/cache/app': Read-only file system | /var/cache/app | READ_ONLY | true
      cp: can't create '/tmp/h': Read-only file system | /tmp/h | READ_ONLY | false
      touch: cannot touch '/tmp/x': Read-only file system | /tmp/x | READ_ONLY | false
      mkdir: cannot create directory ‘/var/cache/app’: Read-only file system | /var/cache/app | READ_ONLY | true
      cp: cannot create regular file '/etc/h': Read-only file system | /etc/h | READ_ONLY | false
      sed: couldn't open temporary file /etc/nginx/conf.d/sedAb12Cd: Read-only file system | /etc/nginx/conf.d/sedAb12Cd | READ_ONLY | false
      `2026/11/22 10:00:00 [emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)` | /var/cache/nginx/client_temp | READ_ONLY | true
      `nginx: [emerg] open() "/var/run/nginx.pid" failed (30: Read-only file system)` | /var/run/nginx.pid | READ_ONLY | false
      `[core:error] [pid 1:tid 1397] (30)Read-only file system: AH00099: could not create /usr/local/apache2/logs/httpd.pid` | /usr/local/apache2/logs/httpd.pid | READ_ONLY | false
      `FATAL:  could not create lock file "/var/run/postgresql/.s.PGSQL.5432.lock": Read-only file system` | /var/run/postgresql/.s.PGSQL.5432.lock | READ_ONLY | false
      `initdb: error: could not create directory "/var/lib/postgresql/data/pgdata": Read-only file system` | /var/lib/postgresql/data/pgdata | READ_ONLY | true
      27:C 22 Nov 2026 10:00:00.000 # Failed opening the temp RDB file temp-27.rdb (in server root dir /data) for saving: Read-only file system | /data/temp-27.rdb | READ_ONLY | false
      mysqld: Can't create/write to file '/tmp/ibX1y2Z3' (Errcode: 30 - Read-only file system) | /tmp/ibX1y2Z3 | READ_ONLY | false
      `Error: EROFS: read-only file system, open '/var/run/app.pid'` | /var/run/app.pid | READ_ONLY | false
      `Error: ENOENT: no such file or directory, mkdir '/var/cache/app'` | /var/cache/app | MISSING_PARENT | true
      `OSError: [Errno 30] Read-only file system: '/var/run/app.pid'` | /var/run/app.pid | READ_ONLY | false
      java.nio.file.FileSystemException: /var/run/app.pid: Read-only file system | /var/run/app.pid | READ_ONLY | false
      java.io.FileNotFoundException: /var/run/app.pid (Read-only file system) | /var/run/app.pid | READ_ONLY | false
      open /tmp/1595915473.zip: read-only file system | /tmp/1595915473.zip | READ_ONLY | false
      mkdir /.config: read-only file system | /.config | READ_ONLY | true
      Errno::EROFS: Read-only file system @ rb_sysopen - /tmp/execjs20210112-8-1q746vljs | /tmp/execjs20210112-8-1q746vljs | READ_ONLY | false
      Errno::EROFS: Read-only file system @ dir_s_mkdir - /app/bundler2024 | /app/bundler2024 | READ_ONLY | true
      `fopen(/app/var/app.pid.lock): Failed to open stream: Read-only file system in /app/vendor/x/Worker.php on line 640` | /app/var/app.pid.lock | READ_ONLY | false
      Cannot open /var/run/app.pid: Read-only file system | /var/run/app.pid | READ_ONLY | false
      `FATAL:  could not create lock file "postmaster.pid": Read-only file system` | /srv/pg/postmaster.pid | READ_ONLY | false
      """)
  void extractsThePathAndKind(String line, String path, Kind kind, boolean directory) {
    assertThat(RefusedWriteParser.parse(line, "/srv/pg"))
        .containsExactly(new RefusedWrite(path, kind, directory, line));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /usr/local/bin/docker-entrypoint.sh: line 84: cannot create temp file for here-document: Read-only file system
      FileNotFoundError: [Errno 2] No usable temporary directory found in ['/tmp', '/var/tmp', '/usr/tmp', '/app']
      java.io.IOException: Read-only file system
      WebServerException: Unable to create tempDir. java.io.tmpdir is set to /tmp
      """)
  void pathlessTempFileFailuresMeanTmpdir(String line) {
    assertThat(RefusedWriteParser.parse(line, "/"))
        .extracting(RefusedWrite::kind)
        .containsExactly(Kind.NO_PATH);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      cat: /etc/missing: No such file or directory
      app: started as 0
      2026/11/22 10:00:00 [notice] 1#1: using the "epoll" event method
      """)
  void linesThatAreNotRefusedWritesAreIgnored(String line) {
    assertThat(RefusedWriteParser.parse(line, "/")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void repeatedRefusalsOfOnePathAreReportedOnce() {
    String logs =
        """
        touch: /tmp/t: Read-only file system
        touch: /tmp/t: Read-only file system
        noise
        sh: can't create /etc/foo: Read-only file system
        """;
    assertThat(RefusedWriteParser.parse(logs, "/"))
        .extracting(RefusedWrite::path)
        .isEqualTo(List.of("/tmp/t", "/etc/foo"));
  }

  @org.junit.jupiter.api.Test
  void noexecLibraryLoadIsReportedAsNeedingExec() {
    String line =
        "java.lang.UnsatisfiedLinkError: /tmp/libnetty_transport_native_epoll_x86_645.so:"
            + " failed to map segment from shared object: Operation not permitted";
    assertThat(RefusedWriteParser.parse(line, "/"))
        .containsExactly(
            new RefusedWrite(
                "/tmp/libnetty_transport_native_epoll_x86_645.so", Kind.NOEXEC, false, line));
  }
}
