#!/usr/bin/env bash
# Start-up benchmark: median wall time of `idrill random --daily` beside a bare JVM hello-world, measured
# interleaved in one run so machine noise hits both alike. Prints the medians and their ratio (target <= 2.5).
#   bench/startup.sh [RUNS]          installs this tree into a temporary PREFIX first
#   IDRILL=~/.local/bin/idrill bench/startup.sh   measures an installed launcher instead
set -euo pipefail
runs="${1:-31}"
. "$(dirname "$0")/common.sh"
hello_class 'System.out.println("hello");'

time_one() { # prints elapsed milliseconds of one run of "$@"
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null 2>&1 </dev/null; t1=$(date +%s%N)
  elapsed_ms "$t0" "$t1"
}

# Warm the page cache and the bank cache, and check both work.
"$java" -cp "$work/hello" Hello >/dev/null
"$IDRILL" random --daily >/dev/null

: > "$work/hello.ms"; : > "$work/idrill.ms"
for _ in $(seq "$runs"); do
  time_one "$java" -cp "$work/hello" Hello >> "$work/hello.ms"
  time_one "$IDRILL" random --daily >> "$work/idrill.ms"
done
hello=$(median < "$work/hello.ms")
idrill=$(median < "$work/idrill.ms")
echo "runs: $runs (interleaved), java: $("$java" -version 2>&1 | head -1)"
printf '%-40s %8s ms\n' "java Hello (bare JVM hello-world)" "$hello"
printf '%-40s %8s ms\n' "idrill random --daily" "$idrill"
printf '%-40s %8sx   (target <= 2.5x)\n' "ratio" "$(ratio "$idrill" "$hello")"
