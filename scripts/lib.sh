# Shared shell helpers for rootlock's scripts. Source it; do not run it.

# Prints the home of a JDK whose major version is at least $1 (default 21): $JAVA_HOME when it is
# new enough, else the `java` on PATH, else the newest under /usr/lib/jvm. Fails when none is.
rootlock_java_home() {
  local want=${1:-21} candidate
  for candidate in "${JAVA_HOME:-}" "$(_java_on_path_home)" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(rootlock_java_major "$candidate")" -ge "$want" ] 2>/dev/null; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  echo "rootlock: no JDK $want or newer found (JAVA_HOME, PATH, /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk-headless" >&2
  return 1
}

# Prints the major version of the JDK at $1, read from its release file (no JVM start).
rootlock_java_major() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  printf '%s\n' "${version:-0}"
}

_java_on_path_home() {
  local java
  java=$(command -v java 2>/dev/null) || return 0
  java=$(readlink -f "$java")
  printf '%s\n' "${java%/bin/java}"
}
