#!/usr/bin/env bash
# Drill start-up benchmark: time from launch to the first question painted, read off a real terminal (tmux),
# beside a JVM hello-world measured the same way (launched in tmux, timed until its line shows), interleaved in one
# run. Prints medians and the ratio; target: idrill <= 250 ms.
#   bench/drill-startup.sh [RUNS]                 installs this tree into a temporary PREFIX first
#   IDRILL=~/.local/bin/idrill bench/drill-startup.sh
set -euo pipefail
runs="${1:-21}"
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install tmux)"; exit 1; }
. "$(dirname "$0")/common.sh"
sock="idrill-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
hello_class 'System.out.println("hello"); Thread.sleep(60000);'

tmux -L "$sock" -f /dev/null new-session -d -s keep -x 100 -y 30 "sleep 3600"
# ms from starting "$2" in a fresh tmux window until the screen shows the text $1
paint_ms() {
  local want="$1" cmd="$2" t0 t1
  t0=$(date +%s%N)
  tmux -L "$sock" new-window -d -t keep -n w "$cmd"
  until tmux -L "$sock" capture-pane -p -t keep:w 2>/dev/null | grep -q -- "$want"; do sleep 0.005; done
  t1=$(date +%s%N)
  tmux -L "$sock" kill-window -t keep:w
  elapsed_ms "$t0" "$t1"
}

drill="env TERM=xterm-256color $IDRILL drill --bank default"
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
printf '%-44s %8sx\n' "ratio" "$(ratio "$d" "$h")"
