#!/usr/bin/env bash
# Set-aside benchmark: what reading the set-aside marks costs the commands that did not read the review log before
# (`random --daily`, `list`) and what the aside events cost the grade path (`due --count`), over a generated log of
# 1,000,000 grades on 10,000 questions with and without 1,000 set-aside events (suspend, flag, bury, undo) mixed in;
# beside an empty data directory. Medians of interleaved runs.
#   bench/aside.sh [RUNS]                     installs this tree into a temporary PREFIX first
#   IDRILL=~/.local/bin/idrill bench/aside.sh
set -euo pipefail
runs="${1:-7}"
. "$(dirname "$0")/common.sh"

awk 'BEGIN { print "questions:"; for (i = 0; i < 10000; i++) {
  printf "  - id: q%d\n    question: Question %d?\n    answer: Answer %d.\n    tags: [t%d]\n", i, i, i, i % 20 } }' \
  > "$work/bank.yaml"
mkdir -p "$work/empty" "$work/plain" "$work/aside"
awk -v asides=0 -f /dev/stdin > "$work/plain/reviews.tsv" <<'AWK'
BEGIN { srand(7); print "time\tid\tgrade\tms"; split("again hard good easy", g, " "); base = 1735689600
  for (i = 0; i < 1000000; i++) { q = i % 10000; k = int(i / 10000); t = base + k * 3 * 86400 + q * 7
    printf "%s.%03dZ\tq%d\t%s\t%d\n", strftime("%Y-%m-%dT%H:%M:%S", t, 1), i % 1000, q, g[1 + int(rand() * 4)], 1000 + int(rand() * 20000) } }
AWK
# the same grades and, every 1,000th line, a set-aside event a millisecond after it (an undo every 4th of those)
awk 'NR > 1 && NR % 1000 == 0 { print; split($0, f, "\t"); t = substr(f[1], 1, 20) sprintf("%03d", (substr(f[1], 21, 3) + 1) % 1000) "Z"
  n++; w = (n % 4 == 0) ? "undo\t0\t" t : (n % 4 == 1 ? "suspend\t0" : n % 4 == 2 ? "flag\t0" : "bury\t0")
  print t "\t" f[2] "\t" w; next } { print }' "$work/plain/reviews.tsv" > "$work/aside/reviews.tsv"

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }; t1=$(date +%s%N)
  elapsed_ms "$t0" "$t1"; }
now="--now 2026-06-01T12:00:00Z"
b="--bank $work/bank.yaml"
rows=("random --daily" "list" "due --count")
for _ in $(seq "$runs"); do
  for d in empty plain aside; do
    i=0
    for cmd in "${rows[@]}"; do
      # shellcheck disable=SC2086
      IDRILL_DATA_DIR="$work/$d" ms "$IDRILL" $cmd $b $now >> "$work/t.$d.$i"
      i=$((i + 1))
    done
  done
done
echo "runs: $runs each, interleaved; bank of 10,000 questions; log of 1,000,000 grades ($(du -h "$work/plain/reviews.tsv" | cut -f1))"
printf '%-18s %12s %16s %22s\n' "" "no log" "1M grades" "1M + 1,000 set-aside"
i=0
for cmd in "${rows[@]}"; do
  printf '%-18s %9s ms %13s ms %19s ms\n' "$cmd" "$(median < "$work/t.empty.$i")" "$(median < "$work/t.plain.$i")" \
    "$(median < "$work/t.aside.$i")"
  i=$((i + 1))
done
