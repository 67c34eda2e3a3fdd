#!/usr/bin/env bash
# Start-up benchmark: median wall time of the commands that run in shell prompts and scripts beside a bare JVM
# hello-world of the same JDK, all interleaved in one run so machine noise hits each alike; once per JDK (see
# common.sh: JDK 17 and a JDK 25 when there is one). Targets (ratio to hello-world): <= 2.0 on JDK 17, <= 2.5 with a
# 10,000-question bank, <= 2.2 for random --daily on JDK 25.
#   bench/startup.sh [RUNS]          installs this tree into a temporary PREFIX per JDK first
#   IDRILL=~/.local/bin/idrill bench/startup.sh   measures an installed launcher instead
#   IDRILL_JAR=target/idrill.jar bench/startup.sh   installs that jar rather than building one
set -euo pipefail
runs="${1:-31}"
jar="${IDRILL_JAR:-}"
. "$(dirname "$0")/common.sh"

# A 10,000-question bank, as a large personal collection would be: ten tags, a few lines of answer each.
big="$work/big.yaml"
awk 'BEGIN { print "questions:"; for (i = 1; i <= 10000; i++) {
  printf "  - id: q%05d\n    question: What is concept number %d, and when would you use it?\n", i, i
  printf "    answer: |\n      Concept %d is explained here in a few lines of prose,\n      with an example.\n", i
  printf "    tags: [topic-%d, set-%d]\n    difficulty: medium\n", i % 10, i % 7 } }' > "$big"

# One graded question, so `show` prints its memory state and history as it does for a question in use.
printf 'reveal\ngrade good\nquit\n' | "${launchers[0]}" drill -n 1 --order sequential --bank default >/dev/null
show_id="$("${launchers[0]}" list --bank default | head -1 | awk '{print $1}')"

names=("random --daily" "due --count" "list" "show $show_id" "tags" "--version" "--help"
  "random --daily --bank $big" "due --count --bank $big")
labels=("random --daily" "due --count" "list" "show ID" "tags" "--version" "--help"
  "random --daily (10k bank)" "due --count (10k bank)")

time_one() { # appends the elapsed milliseconds of one run of "${@:2}" to $1
  local t0 t1
  t0=$(date +%s%N); "${@:2}" >/dev/null 2>&1 </dev/null; t1=$(date +%s%N)
  elapsed_ms "$t0" "$t1" >> "$1"
}

# Warm the page cache and the bank caches, and check every command works. Each launcher has its own bank cache:
# the cache keeps one entry per bank, so two builds side by side would otherwise evict each other's every run.
for l in "${!launchers[@]}"; do
  java="$(launcher_java "${launchers[$l]}")"
  hello_class "$work/hello$l" "$java" 'System.out.println("hello");'
  "$java" -cp "$work/hello$l" Hello >/dev/null
  for c in "${!names[@]}"; do
    read -r -a argv <<< "${names[$c]}"
    XDG_CACHE_HOME="$work/cache$l" "${launchers[$l]}" "${argv[@]}" >/dev/null || { echo "failed: idrill ${names[$c]}" >&2; exit 1; }
  done
done

for _ in $(seq "$runs"); do
  for l in "${!launchers[@]}"; do
    java="$(launcher_java "${launchers[$l]}")"
    time_one "$work/ms.$l.hello" "$java" -cp "$work/hello$l" Hello
    for c in "${!names[@]}"; do
      read -r -a argv <<< "${names[$c]}"
      XDG_CACHE_HOME="$work/cache$l" time_one "$work/ms.$l.$c" "${launchers[$l]}" "${argv[@]}"
    done
  done
done

echo "runs: $runs per command, interleaved across commands and JDKs; medians; ratio to the same JDK's hello-world"
for l in "${!launchers[@]}"; do
  java="$(launcher_java "${launchers[$l]}")"
  hello=$(median < "$work/ms.$l.hello")
  echo
  kind="$(grep -o -- '-XX:[A-Za-z]*\(AOTCache\|SharedArchiveFile\)' "${launchers[$l]}" | head -1 \
    | sed 's/-XX://;s/SharedArchiveFile/CDS archive/;s/AOTCache/AOT caches/')"
  echo "${launchers[$l]}: $("$java" -version 2>&1 | head -1)  (${kind:-no archive})"
  printf '  %-34s %8s ms\n' "java Hello (bare JVM hello-world)" "$hello"
  for c in "${!names[@]}"; do
    ms=$(median < "$work/ms.$l.$c")
    printf '  %-34s %8s ms  %6sx\n' "idrill ${labels[$c]}" "$ms" "$(ratio "$ms" "$hello")"
  done
done
