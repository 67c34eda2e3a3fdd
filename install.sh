#!/usr/bin/env bash
# Builds idrill and installs it under $PREFIX (default ~/.local):
#   $PREFIX/share/idrill/idrill.jar   the application
#   $PREFIX/share/idrill/idrill.jsa   its class-data-sharing archive (start-up time)
#   $PREFIX/share/idrill/native/      JLine's native terminal library for this machine (Linux), unpacked once
#   $PREFIX/bin/idrill                the launcher
#   $PREFIX/share/bash-completion/completions/idrill, $PREFIX/share/zsh/site-functions/_idrill   completion
#   $PREFIX/share/man/man1/idrill.1   the man page
# ./install.sh --uninstall removes exactly what the install wrote (listed in $PREFIX/share/idrill/installed.txt).
# IDRILL_JAR=path/to/idrill.jar installs that jar instead of building one.
set -euo pipefail

PREFIX="${PREFIX:-$HOME/.local}"
here="$(cd "$(dirname "$0")" && pwd)"
share="$PREFIX/share/idrill"
manifest="$share/installed.txt"

die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

uninstall() {
  [ -f "$manifest" ] || { echo "idrill is not installed under $PREFIX (no $manifest)"; return 0; }
  while IFS= read -r f; do
    [ -n "$f" ] && rm -f -- "$f"
  done < "$manifest"
  rm -f -- "$manifest"
  rmdir -- "$share/native" "$share" 2>/dev/null || true
  echo "Removed idrill from $PREFIX"
}

case "${1:-}" in
  --uninstall) uninstall; exit 0 ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) die "unknown option '$1' (try --help)" ;;
esac

# Java 17 or newer, and Maven, with a clear word when missing.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java="$(command -v java || true)"; fi
[ -n "$java" ] || die "Java 17 or newer is needed but 'java' was not found. Install a JDK (e.g. 'apt-get install openjdk-17-jdk') or set JAVA_HOME."
java="$(readlink -f "$java")"
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
major="${version%%.*}"
[ -n "$major" ] && [ "$major" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed; $java is version ${version:-unknown}."
jar="${IDRILL_JAR:-}"   # a jar built already (the tests install the one 'mvn verify' just packaged)
if [ -z "$jar" ]; then
  command -v mvn >/dev/null || die "Maven is needed to build idrill but 'mvn' was not found (e.g. 'apt-get install maven')."
  echo "Building idrill with $(basename "$(dirname "$(dirname "$java")")") ..."
  # Maven 3.8 prints colour resets even in batch mode; strip them so a plain terminal or a log stays clean.
  ( cd "$here" && JAVA_HOME="$(dirname "$(dirname "$java")")" mvn -B -q -Dstyle.color=never -DskipTests package 2>&1 ) \
    | sed 's/\x1b\[[0-9;]*m//g' || die "the build failed (see above)"
  jar="$here/target/idrill.jar"
fi
[ -f "$jar" ] || die "no jar at $jar"

mkdir -p "$share" "$PREFIX/bin"
installed=()
put() { # put SRC DEST MODE: atomic, so a running idrill never sees half a file
  local tmp="$2.tmp.$$"
  cp -- "$1" "$tmp" && chmod "$3" "$tmp" && mv -f -- "$tmp" "$2"
  installed+=("$2")
}

put "$jar" "$share/idrill.jar" 644

# JLine's native library for this machine, unpacked here once: otherwise every drill copies it out of the jar into
# /tmp before it can load it. Elsewhere (or without a tool to unpack with) JLine keeps doing that itself.
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64 | Linux/amd64) native=org/jline/nativ/Linux/x86_64/libjlinenative.so ;;
  Linux/aarch64 | Linux/arm64) native=org/jline/nativ/Linux/arm64/libjlinenative.so ;;
  *) native= ;;
esac
native_opt=
if [ -n "$native" ]; then
  unpack="$(mktemp -d)"
  if (cd "$unpack" && { "$(dirname "$java")/jar" xf "$share/idrill.jar" "$native" || unzip -q "$share/idrill.jar" "$native"; }) \
      >/dev/null 2>&1 && [ -s "$unpack/$native" ]; then
    mkdir -p "$share/native"
    put "$unpack/$native" "$share/native/libjlinenative.so" 644
    native_opt="-Dlibrary.jline.path=\"$share/native\" "
  fi
  rm -rf "$unpack"
fi

# The launcher: C1 only and the serial GC suit a short-lived CLI; the CDS archive maps pre-parsed classes. One
# compiler thread, not two: the drill starts its terminal on a second thread, and on two cores a second compiler
# thread only competes with both (first paint ~40 ms sooner; the log commands are no slower).
launcher="$(mktemp)"
cat > "$launcher" <<LAUNCH
#!/bin/sh
# idrill launcher, written by install.sh. IDRILL_JAVA overrides the Java it was installed with.
java="\${IDRILL_JAVA:-$java}"
[ -x "\$java" ] || java=java
exec "\$java" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto \\
  -XX:SharedArchiveFile="$share/idrill.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \\
  $native_opt-jar "$share/idrill.jar" "\$@"
LAUNCH
put "$launcher" "$PREFIX/bin/idrill" 755
rm -f "$launcher"

# Class-data sharing: record the classes a few typical runs load, then dump them into one archive.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
train() { # train N ARGS...: one typical run, its stdin from $input
  printf '%b' "${input:-}" | "$java" -XX:DumpLoadedClassList="$work/classes.$1" -XX:TieredStopAtLevel=1 \
    -XX:+UseSerialGC -jar "$share/idrill.jar" "${@:2}" >/dev/null 2>&1 || true
}
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" IDRILL_DATA_DIR="$work/data"
train 0 random --daily --answer --color always    # parses the bank and writes its cache
train 1 random --daily --answer --color always    # reads the cache, as every later run does
train 2 list --format json
train 3 show entropy --color always
train 4 tags
train 5 validate
train 6 random --bank /nonexistent
train 8 due --count
train 9 stats --on 2030-01-01
train 10 __complete tags                          # runs at every TAB after -t
input='reveal\ngrade good\nreveal\nundo\nquit\n' train 7 drill -n 2 --order sequential
# The full-screen drill needs a terminal: script(1) lends it a pseudo-terminal, and the keys come through it.
if command -v script >/dev/null && command -v timeout >/dev/null; then
  (sleep 3; printf ' '; sleep 0.5; printf '3'; sleep 0.5; printf 'q'; sleep 1) | TERM=xterm-256color timeout 30 \
    script -qec "'$java' -XX:DumpLoadedClassList='$work/classes.tty' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -jar '$share/idrill.jar' drill -n 1" /dev/null >/dev/null 2>&1 || true
fi
cat "$work"/classes.* | sort -u > "$work/classes.lst"
if "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$share/idrill.jsa.tmp" \
    -XX:+UseSerialGC -cp "$share/idrill.jar" >"$work/dump.log" 2>&1; then
  mv -f "$share/idrill.jsa.tmp" "$share/idrill.jsa"
  installed+=("$share/idrill.jsa")
else
  rm -f "$share/idrill.jsa.tmp"
  echo "install.sh: note: no class-data-sharing archive (start-up will be slower); see $work/dump.log" >&2
fi

# Completion and the man page, where bash-completion, zsh's fpath and man look under $PREFIX; made by the jar just
# installed, so they match it. Missing them is a note, not a failed install.
generated() { # generated DEST JAVA-ARGS...: what the installed jar prints, installed at DEST
  local out="$work/generated"
  if "$java" "${@:2}" > "$out" 2>"$work/generated.log" && [ -s "$out" ]; then
    mkdir -p "$(dirname "$1")" && put "$out" "$1" 644
  else
    echo "install.sh: note: could not write $1: $(head -1 "$work/generated.log")" >&2
  fi
}
generated "$PREFIX/share/bash-completion/completions/idrill" -jar "$share/idrill.jar" completion bash
generated "$PREFIX/share/zsh/site-functions/_idrill" -jar "$share/idrill.jar" completion zsh
generated "$PREFIX/share/man/man1/idrill.1" -cp "$share/idrill.jar" idrill.cli.ManPage --bundled

printf '%s\n' "${installed[@]}" > "$manifest"
echo "Installed idrill to $PREFIX/bin/idrill"
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "install.sh: warning: $PREFIX/bin is not on your PATH; add it, e.g. echo 'export PATH=\"$PREFIX/bin:\$PATH\"' >> ~/.bashrc" >&2 ;;
esac
# zsh looks only in its own site-functions directories, not under ~/.local.
case "$PREFIX" in
  /usr|/usr/local) ;;
  *) if command -v zsh >/dev/null; then
       echo "zsh completion: add 'fpath=($PREFIX/share/zsh/site-functions \$fpath)' before compinit in ~/.zshrc"
     fi ;;
esac
