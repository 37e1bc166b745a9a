# Shared shell helpers for rootlock's scripts. Source it; do not run it.
# Written with bash builtins only: ./rootlock sources it on every start, where each forked
# process costs about a millisecond.

# Sets ROOTLOCK_JAVA_HOME to a JDK whose major version is at least $1 (default 21): $JAVA_HOME
# when it is new enough, else the `java` on PATH, else the newest under /usr/lib/jvm.
# Returns 1, with a message, when there is none.
rootlock_find_java() {
  local want=${1:-21} candidate best="" best_major=0 java
  ROOTLOCK_JAVA_HOME=""
  # $JAVA_HOME first, on its own: the PATH lookup forks twice (readlink), a few ms of every start.
  candidate=${JAVA_HOME:-}
  candidate=${candidate%/}
  _jdk_major "$candidate"
  if [ "$REPLY" -ge "$want" ]; then
    ROOTLOCK_JAVA_HOME=$candidate
    return 0
  fi
  candidate=$(_java_on_path_home)
  candidate=${candidate%/}
  _jdk_major "$candidate"
  if [ "$REPLY" -ge "$want" ]; then
    ROOTLOCK_JAVA_HOME=$candidate
    return 0
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -L "$candidate" ] && continue   # aliases of the same JDKs
    _jdk_major "$candidate"
    if [ "$REPLY" -ge "$want" ] && [ "$REPLY" -gt "$best_major" ]; then
      best=$candidate
      best_major=$REPLY
    fi
  done
  if [ -n "$best" ]; then
    ROOTLOCK_JAVA_HOME=$best
    return 0
  fi
  echo "rootlock: no JDK $want or newer found (JAVA_HOME, PATH, /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk-headless" >&2
  return 1
}

# Prints the home of a JDK 21+ (or $1+); see rootlock_find_java.
rootlock_java_home() {
  rootlock_find_java "$@" && printf '%s\n' "$ROOTLOCK_JAVA_HOME"
}

# Prints the major version of the JDK at $1 (0 when it is not a JDK).
rootlock_java_major() {
  _jdk_major "$1"
  printf '%s\n' "$REPLY"
}

# Sets REPLY to the major version of the JDK at $1, read from its release file (no JVM start),
# or 0 when $1 has no java and javac.
_jdk_major() {
  local line
  REPLY=0
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -r "$1/release" ] || return 0
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*)
        line=${line#JAVA_VERSION=\"}
        line=${line%%[!0-9]*}
        REPLY=${line:-0}
        return 0
        ;;
    esac
  done <"$1/release"
}

_java_on_path_home() {
  local java
  java=$(command -v java 2>/dev/null) || return 0
  java=$(readlink -f "$java")
  printf '%s\n' "${java%/bin/java}"
}

# Exports JAVA_HOME as a JDK $1+ (default 21) for the project's scripts, and sets ROOTLOCK_JAVA_OPTS
# to the flags a `java` of that JDK needs. On JDK 24+ that is --sun-misc-unsafe-memory-access=allow:
# Maven's Guice and Netty call sun.misc.Unsafe, which those JDKs warn about on every run; the flag
# is also added to MAVEN_OPTS. Older JDKs refuse the flag, so it is set only when it applies.
rootlock_use_java() {
  rootlock_find_java "${1:-21}" || return 1
  export JAVA_HOME=$ROOTLOCK_JAVA_HOME
  ROOTLOCK_JAVA_OPTS=""
  _jdk_major "$JAVA_HOME"
  if [ "$REPLY" -ge 24 ]; then
    ROOTLOCK_JAVA_OPTS="--sun-misc-unsafe-memory-access=allow"
    case " ${MAVEN_OPTS:-} " in
      *" $ROOTLOCK_JAVA_OPTS "*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} $ROOTLOCK_JAVA_OPTS" ;;
    esac
  fi
}
