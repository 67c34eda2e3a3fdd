#!/usr/bin/env bash
# Drill start-up benchmark: time from launch to the first question painted, read off a real terminal (tmux),
# beside a JVM hello-world measured the same way (launched in tmux, timed until its line shows), interleaved in one
# run. Prints medians and the ratio; target: idrill <= 250 ms.
#   bench/drill-startup.sh [RUNS]                 installs this tree into a temporary PREFIX first
#   IDRILL=~/.local/bin/idrill bench/drill-startup.sh
set -euo pipefail
runs="${1:-21}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
sock="idrill-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install tmux)"; exit 1; }

if [ -z "${IDRILL:-}" ]; then
  PREFIX="$work/prefix" "$here/install.sh" >/dev/null 2>"$work/install.err" || { cat "$work/install.err"; exit 1; }
  IDRILL="$work/prefix/bin/idrill"
fi
java="$(sed -n 's/^java="\${IDRILL_JAVA:-\(.*\)}"$/\1/p' "$IDRILL")"
java="${java:-java}"
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) throws Exception { System.out.println("hello"); Thread.sleep(60000); } }
JAVA
"$(dirname "$java")/javac" -d "$work/hello" "$work/hello/Hello.java" 2>/dev/null || javac -d "$work/hello" "$work/hello/Hello.java"

tmux -L "$sock" -f /dev/null new-session -d -s keep -x 100 -y 30 "sleep 3600"
# ms from starting "$2" in a fresh tmux window until the screen shows the text $1
paint_ms() {
  local want="$1" cmd="$2" t0 t1
  t0=$(date +%s%N)
  tmux -L "$sock" new-window -d -t keep -n w "$cmd"
  until tmux -L "$sock" capture-pane -p -t keep:w 2>/dev/null | grep -q -- "$want"; do sleep 0.005; done
  t1=$(date +%s%N)
  tmux -L "$sock" kill-window -t keep:w
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

env_="env XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache IDRILL_DATA_DIR=$work/data TERM=xterm-256color"
drill="$env_ $IDRILL drill --bank default"
hello="$java -cp $work/hello Hello"
paint_ms "hello" "$hello" >/dev/null; paint_ms "idrill ·" "$drill" >/dev/null   # warm the page cache
: > "$work/h"; : > "$work/d"
for _ in $(seq "$runs"); do
  paint_ms "hello" "$hello" >> "$work/h"
  paint_ms "idrill ·" "$drill" >> "$work/d"
done
h=$(median < "$work/h"); d=$(median < "$work/d")
echo "runs: $runs (interleaved, launch to text on a tmux screen), java: $("$java" -version 2>&1 | head -1)"
printf '%-44s %8s ms\n' "java Hello (bare JVM hello-world)" "$h"
printf '%-44s %8s ms   (target <= 250 ms)\n' "idrill drill: first question painted" "$d"
printf '%-44s %8sx\n' "ratio" "$(awk -v a="$d" -v b="$h" 'BEGIN { printf "%.2f", a / b }')"
