#!/usr/bin/env bash
# Start-up benchmark: median wall time of `idrill random --daily` beside a bare JVM hello-world, measured
# interleaved in one run so machine noise hits both alike. Prints the medians and their ratio (target <= 2.5).
#   bench/startup.sh [RUNS]          installs this tree into a temporary PREFIX first
#   IDRILL=~/.local/bin/idrill bench/startup.sh   measures an installed launcher instead
set -euo pipefail
runs="${1:-31}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${IDRILL:-}" ]; then
  PREFIX="$work/prefix" "$here/install.sh" >/dev/null 2>"$work/install.err" || { cat "$work/install.err"; exit 1; }
  IDRILL="$work/prefix/bin/idrill"
fi
java="$(sed -n 's/^java="\${IDRILL_JAVA:-\(.*\)}"$/\1/p' "$IDRILL")"
java="${java:-java}"

mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$(dirname "$java")/javac" -d "$work/hello" "$work/hello/Hello.java" 2>/dev/null || javac -d "$work/hello" "$work/hello/Hello.java"

export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" IDRILL_DATA_DIR="$work/data"
now_ms() { date +%s%N; }
time_one() { # prints elapsed milliseconds (3 decimals) of one run of "$@"
  local t0 t1
  t0=$(now_ms); "$@" >/dev/null 2>&1 </dev/null; t1=$(now_ms)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

# Warm the page cache and check both work.
"$java" -cp "$work/hello" Hello >/dev/null
"$IDRILL" random --daily >/dev/null

: > "$work/hello.ms"; : > "$work/idrill.ms"
for _ in $(seq "$runs"); do
  time_one "$java" -cp "$work/hello" Hello >> "$work/hello.ms"
  time_one "$IDRILL" random --daily >> "$work/idrill.ms"
done
hello=$(median < "$work/hello.ms")
idrill=$(median < "$work/idrill.ms")
ratio=$(awk -v a="$idrill" -v b="$hello" 'BEGIN { printf "%.2f", a / b }')
echo "runs: $runs (interleaved), java: $("$java" -version 2>&1 | head -1)"
printf '%-40s %8s ms\n' "java Hello (bare JVM hello-world)" "$hello"
printf '%-40s %8s ms\n' "idrill random --daily" "$idrill"
printf '%-40s %8sx   (target <= 2.5x)\n' "ratio" "$ratio"
