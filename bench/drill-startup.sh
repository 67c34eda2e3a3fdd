#!/usr/bin/env bash
# Drill start-up benchmark: time from launch to the first question painted, read off a real terminal (tmux),
# beside a JVM hello-world measured the same way (launched in tmux, timed until its line shows), interleaved in one
# run, once per JDK (see common.sh: JDK 17 and a JDK 25 when there is one). Prints medians and the ratio; target:
# first paint <= 150 ms.
#   bench/drill-startup.sh [RUNS]                 installs this tree into a temporary PREFIX per JDK first
#   IDRILL=~/.local/bin/idrill bench/drill-startup.sh
#   IDRILL_JAR=target/idrill.jar bench/drill-startup.sh   installs that jar rather than building one
set -euo pipefail
runs="${1:-21}"
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install tmux)"; exit 1; }
jar="${IDRILL_JAR:-}"
. "$(dirname "$0")/common.sh"
sock="idrill-bench-$$"
trap 'exec 7>&- 8<&-; tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
tmux -L "$sock" -f /dev/null new-session -d -s keep -x 100 -y 30 "sleep 3600"
# A control-mode client hears each chunk a pane writes the moment tmux reads it (%output lines): no polling loop
# competes with the JVM for the two cores, which capture-pane every few ms did (it doubled both timings).
mkfifo "$work/ctl.in" "$work/ctl.out"
tmux -L "$sock" -C attach-session -t keep < "$work/ctl.in" > "$work/ctl.out" &
exec 7>"$work/ctl.in" 8<"$work/ctl.out"
# ms from starting "$2" in a new window until its output matches the regex $1
paint_ms() {
  local want="$1" cmd="$2" t0 t1 line pane=""
  t0=$(date +%s%N)
  printf 'new-window -d -P -F "pane=#{pane_id}" -n w %q\n' "$cmd" >&7
  while IFS= read -r -t 30 line <&8 || { echo "no match for '$want' within 30 s: $cmd" >&2; exit 1; }; do
    if [ -z "$pane" ]; then [[ $line == pane=* ]] && pane="${line#pane=}"; continue; fi
    [[ $line == "%output $pane "* && $line =~ $want ]] && break
  done
  t1=$(date +%s%N)
  printf 'kill-pane -t %s\n' "$pane" >&7
  elapsed_ms "$t0" "$t1"
}

header='idrill.*new.*review' # the header line, "idrill · 20 new · 0 learning · 0 review" (its words are styled separately)
for l in "${!launchers[@]}"; do
  java="$(launcher_java "${launchers[$l]}")"
  hello_class "$work/hello$l" "$java" 'System.out.println("hello"); Thread.sleep(60000);'
  # warm the page cache
  paint_ms "hello" "$java -cp $work/hello$l Hello" >/dev/null
  paint_ms "$header" "env TERM=xterm-256color XDG_CACHE_HOME=$work/cache$l ${launchers[$l]} drill --bank default" >/dev/null
  : > "$work/h$l"; : > "$work/d$l"
done
for _ in $(seq "$runs"); do
  for l in "${!launchers[@]}"; do
    java="$(launcher_java "${launchers[$l]}")"
    paint_ms "hello" "$java -cp $work/hello$l Hello" >> "$work/h$l"
    paint_ms "$header" "env TERM=xterm-256color XDG_CACHE_HOME=$work/cache$l ${launchers[$l]} drill --bank default" >> "$work/d$l"
  done
done
echo "runs: $runs per JDK (interleaved, launch to text on a tmux screen); medians"
for l in "${!launchers[@]}"; do
  java="$(launcher_java "${launchers[$l]}")"
  h=$(median < "$work/h$l"); d=$(median < "$work/d$l")
  echo
  echo "${launchers[$l]}: $("$java" -version 2>&1 | head -1)"
  printf '  %-44s %8s ms\n' "java Hello (bare JVM hello-world)" "$h"
  printf '  %-44s %8s ms   (target <= 150 ms)\n' "idrill drill: first question painted" "$d"
  printf '  %-44s %8sx\n' "ratio" "$(ratio "$d" "$h")"
done
