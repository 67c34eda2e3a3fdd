#!/usr/bin/env bash
# Builds idrill and installs it under $PREFIX (default ~/.local):
#   $PREFIX/share/idrill/idrill.jar   the application
#   $PREFIX/share/idrill/idrill.jsa   its class-data-sharing archive (JDK 17-24), or
#   $PREFIX/share/idrill/*.aot        its ahead-of-time caches, one per command family (JDK 25 or newer)
#   $PREFIX/share/idrill/native/      JLine's native terminal library for this machine (Linux), unpacked once
#   $PREFIX/bin/idrill                the launcher; it runs the Java idrill was installed with
#   $PREFIX/share/bash-completion/completions/idrill, $PREFIX/share/zsh/site-functions/_idrill,
#   $PREFIX/share/fish/vendor_completions.d/idrill.fish   completion
#   $PREFIX/share/man/man1/idrill.1   the man page
# ./install.sh --java PATH uses that Java (a JDK directory or its bin/java); otherwise JAVA_HOME's, else PATH's.
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

java_arg=
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) uninstall; exit 0 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --java) [ $# -ge 2 ] || die "--java needs a path: a JDK directory or its bin/java"; java_arg="$2"; shift 2 ;;
    --java=*) java_arg="${1#--java=}"; shift ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
done

# Java 17 or newer, and Maven, with a clear word when missing.
if [ -n "$java_arg" ]; then
  if [ -d "$java_arg" ]; then java="$java_arg/bin/java"; else java="$java_arg"; fi
  [ -x "$java" ] || die "--java $java_arg: no Java there (give a JDK directory or its bin/java)"
elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"
else java="$(command -v java || true)"; fi
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

# The JVM flags of every run: C1 only suits a short-lived CLI. One compiler thread, not two: the drill starts its
# terminal on a second thread, and on two cores a second compiler thread only competes with both (first paint
# ~40 ms sooner; the log commands are no slower). The serial GC from JDK 25 on; before that the default G1: JDK 17
# maps the archived heap objects and the full module graph of a CDS archive only under G1, and without them even a
# hello-world starts ~10 ms later. Training runs and the archive dump use the same flags as the launcher.
jvm_flags=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData)
[ "$major" -ge 25 ] && jvm_flags+=(-XX:+UseSerialGC)
launch_flags="${jvm_flags[*]}"
[ -n "$native_opt" ] && jvm_flags+=("-Dlibrary.jline.path=$share/native")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" IDRILL_DATA_DIR="$work/data"
# run [JVM-FLAGS...] -- ARGS...: one typical run of the installed jar, its stdin from $input
run() {
  local flags=()
  while [ "$1" != -- ]; do flags+=("$1"); shift; done
  printf '%b' "${input:-}" | "$java" "${jvm_flags[@]}" "${flags[@]}" -cp "$share/idrill.jar" idrill.Main "${@:2}" \
    >/dev/null 2>&1 || true
}
# in_tty JVM-FLAGS...: the full-screen drill needs a terminal: script(1) lends it one, and the keys come through it
in_tty() {
  command -v script >/dev/null && command -v timeout >/dev/null || return 0
  local cmd="'$java'" f
  for f in "${jvm_flags[@]}" "$@"; do cmd+=" '$f'"; done
  (sleep 3; printf ' '; sleep 0.5; printf '3'; sleep 0.5; printf 'q'; sleep 1) | TERM=xterm-256color timeout 60 \
    script -qec "$cmd -cp '$share/idrill.jar' idrill.Main drill -n 1" /dev/null >/dev/null 2>&1 || true
}
run -- random --daily --answer   # parses the bank and writes its cache, so training reads the cache as later runs do

# JDK 25 and newer: ahead-of-time caches (classes loaded and linked, lambdas resolved, method profiles), one per
# command family, each from one training run of a typical command of the family. The launcher picks the cache by
# the first word. A cache trained on every command preloads all of them and costs each command more than it saves
# (bench/aot-families.sh measures the trade-off; docs/architecture.md has the figures).
#   cache     first words it serves                       its training run
families=(
  "prompt   random|due                                   random --daily"
  "list     list|show|tags|__complete                    show entropy --color always"
  "drill    drill                                        drill"
  "other    *                                            help --help"
)
launch_case=
if [ "$major" -ge 25 ]; then
  for fam in "${families[@]}"; do
    read -r name words args <<< "$fam"
    out="$share/$name.aot"
    rm -f "$out.tmp"
    if [ "$name" = drill ]; then
      in_tty -XX:AOTCacheOutput="$out.tmp"
    else
      read -r -a argv <<< "$args"
      run -XX:AOTCacheOutput="$out.tmp" -- "${argv[@]}"
    fi
    if [ -s "$out.tmp" ]; then
      mv -f "$out.tmp" "$out"
      installed+=("$out")
      launch_case+="  $words) archive=\"-XX:AOTCache=$out\" ;;"$'\n'
    else
      rm -f "$out.tmp" "$out.tmp.config"
      echo "install.sh: note: no ahead-of-time cache for '$words' (those commands start slower)" >&2
    fi
  done
  archive_logs='-Xlog:aot=off -Xlog:cds=off'   # a cache the JVM cannot map (a JDK update) is then silently skipped
else
  # JDK 17-24: class-data sharing: record the classes a few typical runs load, then dump them into one archive.
  n=0
  record() { n=$((n + 1)); run -XX:DumpLoadedClassList="$work/classes.$n" -- "$@"; }
  record random --daily --answer --color always
  record --help                                   # served from the jar's rendering (cli.RenderedHelp)
  record help --help                              # picocli's help, as for every word that names no command
  record list --format json
  record show entropy --color always
  record tags
  record validate
  record random --bank /nonexistent
  record due --count
  record stats --on 2030-01-01
  record __complete tags                          # runs at every TAB after -t
  input='reveal\ngrade good\nreveal\nundo\nquit\n' record drill -n 2 --order sequential
  in_tty -XX:DumpLoadedClassList="$work/classes.tty"
  cat "$work"/classes.* | sort -u > "$work/classes.lst"
  if "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$share/idrill.jsa.tmp" \
      $launch_flags -cp "$share/idrill.jar" >"$work/dump.log" 2>&1; then
    mv -f "$share/idrill.jsa.tmp" "$share/idrill.jsa"
    installed+=("$share/idrill.jsa")
    launch_case="  *) archive=\"-XX:SharedArchiveFile=$share/idrill.jsa\" ;;"$'\n'
  else
    rm -f "$share/idrill.jsa.tmp"
    echo "install.sh: note: no class-data-sharing archive (start-up will be slower):" \
      "$(grep -m1 -i error "$work/dump.log")" >&2
  fi
  archive_logs='-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off'
fi

# The launcher: the Java idrill was installed with, and the archive only it can map. The main class by name, not
# -jar: -jar makes the launcher open the jar and read its 2,000-entry directory in Java (~4 ms) before main, and
# with every class coming from the archive nothing else on a prompt command's path opens it.
launcher="$(mktemp)"
cat > "$launcher" <<LAUNCH
#!/bin/sh
# idrill launcher, written by install.sh. IDRILL_JAVA runs another Java, without the archive: only the Java that
# made it ($java) can map it.
java="$java"
archive=
case "\${1:-}" in
${launch_case}esac
if [ -n "\${IDRILL_JAVA:-}" ]; then java="\$IDRILL_JAVA"; archive=; elif [ ! -x "\$java" ]; then java=java; archive=; fi
exec "\$java" $launch_flags \${archive:+"\$archive" $archive_logs} \\
  $native_opt-cp "$share/idrill.jar" idrill.Main "\$@"
LAUNCH
put "$launcher" "$PREFIX/bin/idrill" 755
rm -f "$launcher"

# Completion and the man page, where bash-completion, zsh's fpath, fish and man look under $PREFIX; made by the jar
# just installed, so they match it. Missing them is a note, not a failed install.
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
generated "$PREFIX/share/fish/vendor_completions.d/idrill.fish" -jar "$share/idrill.jar" completion fish
generated "$PREFIX/share/man/man1/idrill.1" -cp "$share/idrill.jar" idrill.cli.ManPage --bundled

# What an earlier install wrote and this one did not (the archive of another JDK) goes, so --uninstall stays exact.
if [ -f "$manifest" ]; then
  while IFS= read -r f; do
    case $'\n'"$(printf '%s\n' "${installed[@]}")"$'\n' in *$'\n'"$f"$'\n'*) ;; *) [ -n "$f" ] && rm -f -- "$f" ;; esac
  done < "$manifest"
fi
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
