# Sourced by ./mvnw and ./engage. Engage needs JDK 21+ (the in-memory Zeebe engine is Java 21
# bytecode), while many machines default to 17. Keep JAVA_HOME when it qualifies, else use the
# java on PATH when it qualifies, else the newest JDK 21+ under /usr/lib/jvm.
engage_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}
engage_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(engage_java_major "$JAVA_HOME/bin/java")
    [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(engage_java_major "$home/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then JAVA_HOME=$home; export JAVA_HOME; return 0; fi
  fi
  best=; best_v=0
  # mvnw runs with `set -f`; the search below needs globbing.
  case $- in *f*) set +f; engage_noglob=1 ;; esac
  for home in /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/; do
    home=${home%/}
    [ -x "$home/bin/javac" ] || continue
    [ -L "$home" ] && continue
    v=$(engage_java_major "$home/bin/java")
    if [ "${v:-0}" -gt "$best_v" ] 2>/dev/null; then best=$home; best_v=$v; fi
  done
  [ -n "${engage_noglob-}" ] && set -f
  if [ "$best_v" -ge 21 ]; then JAVA_HOME=$best; export JAVA_HOME; return 0; fi
  echo "Engage needs a JDK 21 or newer; none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  return 1
}
engage_find_jdk || exit 1
