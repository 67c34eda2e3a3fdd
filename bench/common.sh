# Shared by the benchmarks (sourced): a scratch directory, the launchers under test, medians and ratios.
#   IDRILL=path/to/idrill   measure that launcher (or several, space-separated, side by side); otherwise this
#                           tree is installed into a temporary PREFIX once per JDK: $JDKS (JDK directories, space-separated), else the Java install.sh picks
#                           (JAVA_HOME, else PATH) and, when there is one, the newest JDK 25+ under /usr/lib/jvm
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# nothing of the user's: config, cache and review log live in the scratch directory
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" IDRILL_DATA_DIR="$work/data"

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
launcher_java() { sed -n 's/^java="\(.*\)"$/\1/p' "$1" | head -1; }   # the Java a launcher runs

launchers=()
if [ -n "${IDRILL:-}" ]; then
  read -r -a launchers <<< "$IDRILL"   # several, space-separated: measured side by side
else
  if [ -z "${JDKS:-}" ]; then
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JDKS="$JAVA_HOME"
    else JDKS="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; fi
    newest=
    for j in /usr/lib/jvm/*/; do
      m="$(java_major "$j/bin/java" 2>/dev/null || true)"; m="${m%%.*}"
      [ -n "$m" ] && [ "$m" -ge 25 ] 2>/dev/null && newest="${j%/}"
    done
    if [ -n "$newest" ] && [ "$(readlink -f "$newest")" != "$(readlink -f "$JDKS")" ]; then JDKS="$JDKS $newest"; fi
  fi
  # install this tree once per JDK (the jar is built once, by the first install)
  n=0
  for jdk in $JDKS; do
    n=$((n + 1))
    PREFIX="$work/prefix$n" IDRILL_JAR="${jar:-}" "$here/install.sh" --java "$jdk" >/dev/null 2>"$work/install.err" \
      || { cat "$work/install.err"; exit 1; }
    jar="$work/prefix$n/share/idrill/idrill.jar"
    launchers+=("$work/prefix$n/bin/idrill")
  done
fi

# hello_class DIR JAVA BODY: compiles a Hello whose main runs BODY into DIR, with JAVA's javac (its bytecode level)
hello_class() {
  mkdir -p "$1"
  printf 'public class Hello { public static void main(String[] a) throws Exception { %s } }\n' "$3" > "$1/Hello.java"
  "$(dirname "$2")/javac" -d "$1" "$1/Hello.java" 2>/dev/null || javac -d "$1" "$1/Hello.java"
}
elapsed_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
