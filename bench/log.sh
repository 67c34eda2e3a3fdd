#!/usr/bin/env bash
# Review-log benchmark: `idrill due --count` and `idrill stats` over a generated log of 1,000,000 events on 10,000
# questions, beside `wc -l` of the same file, medians of interleaved runs; then the same 1M events spread over three
# machine logs (reviews-a/b/c.tsv, lines dealt round-robin, so every question's history is merged from three files
# and each event's day is read in America/New_York); then 100,000 events to show the time grows linearly (target:
# each <= 1 s at 1M, and 10x events <= 11x time).
#   bench/log.sh [RUNS]                       installs this tree into a temporary PREFIX first
#   IDRILL=~/.local/bin/idrill bench/log.sh
set -euo pipefail
runs="${1:-7}"
. "$(dirname "$0")/common.sh"
IDRILL="${launchers[0]}"   # the first JDK's install (JDKS=DIR picks it)

# A bank of 10,000 questions and logs of 1M and 100k events (10% of them on a second day, a few undos).
awk 'BEGIN { print "questions:"; for (i = 0; i < 10000; i++) {
  printf "  - id: q%d\n    question: Question %d?\n    answer: Answer %d.\n    tags: [t%d]\n", i, i, i, i % 20 } }' \
  > "$work/bank.yaml"
gen() { # gen EVENTS FILE: reviews spread over a year, 100 per question
  awk -v n="$1" 'BEGIN {
    srand(7); print "time\tid\tgrade\tms"; split("again hard good easy", g, " ");
    base = 1735689600; per = n / 10000;
    for (i = 0; i < n; i++) {
      q = i % 10000; k = int(i / 10000);
      t = base + k * 3 * 86400 + q * 7;
      printf "%s.%03dZ\tq%d\t%s\t%d\n", strftime("%Y-%m-%dT%H:%M:%S", t, 1), i % 1000, q, g[1 + int(rand() * 4)], 1000 + int(rand() * 20000);
    } }' > "$2"
}
gen 1000000 "$work/1m.tsv"; gen 100000 "$work/100k.tsv"
mkdir -p "$work/d1m" "$work/d100k" "$work/d3m"
cp "$work/1m.tsv" "$work/d1m/reviews.tsv"; cp "$work/100k.tsv" "$work/d100k/reviews.tsv"
awk -v d="$work/d3m" 'NR == 1 { for (k = 0; k < 3; k++) print > (d "/reviews-" substr("abc", k + 1, 1) ".tsv"); next }
  { print > (d "/reviews-" substr("abc", NR % 3 + 1, 1) ".tsv") }' "$work/1m.tsv"
cp "$work/1m.tsv" "$work/3m.tsv" # wc -l of the same bytes

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }; t1=$(date +%s%N)
  elapsed_ms "$t0" "$t1"; }
now="--now 2026-06-01T12:00:00Z"
for size in 1m 3m 100k; do
  : > "$work/wc.$size"; : > "$work/due.$size"; : > "$work/stats.$size"
  tz=UTC; [ "$size" = 3m ] && tz=America/New_York
  for _ in $(seq "$runs"); do
    ms wc -l "$work/$size.tsv" >> "$work/wc.$size"
    TZ=$tz ms "$IDRILL" due --count --bank "$work/bank.yaml" --data-dir "$work/d$size" $now >> "$work/due.$size"
    TZ=$tz ms "$IDRILL" stats --bank "$work/bank.yaml" --data-dir "$work/d$size" $now >> "$work/stats.$size"
  done
done
# the union must be the same events: the same count due either way (in UTC)
[ "$("$IDRILL" due --count --bank "$work/bank.yaml" --data-dir "$work/d1m" $now)" = \
  "$(TZ=UTC "$IDRILL" due --count --bank "$work/bank.yaml" --data-dir "$work/d3m" $now)" ] \
  || { echo "three machine logs disagree with one log"; exit 1; }
w1=$(median < "$work/wc.1m"); d1=$(median < "$work/due.1m"); s1=$(median < "$work/stats.1m")
w0=$(median < "$work/wc.100k"); d0=$(median < "$work/due.100k"); s0=$(median < "$work/stats.100k")
d3=$(median < "$work/due.3m"); s3=$(median < "$work/stats.3m")
echo "runs: $runs each, interleaved; log: $(du -h "$work/1m.tsv" | cut -f1) with 1,000,000 events on 10,000 questions"
printf '%-34s %10s %10s %14s\n' "" "100k events" "1M events" "1M / 100k"
for row in "wc -l:$w0:$w1" "idrill due --count:$d0:$d1" "idrill stats:$s0:$s1"; do
  IFS=: read -r name a b <<<"$row"
  printf '%-34s %8s ms %8s ms %13sx\n' "$name" "$a" "$b" "$(ratio "$b" "$a")"
done
printf '%-34s %8s ms %8s ms (1M over reviews-a/b/c.tsv, TZ=America/New_York)\n' "3 machine logs: due --count" "" "$d3"
printf '%-34s %8s ms %8s ms\n' "3 machine logs: stats" "" "$s3"
printf 'at 1M: due --count is %sx wc -l, stats is %sx wc -l (targets: each <= 1000 ms, 1M/100k <= 11x)\n' \
  "$(awk -v a="$d1" -v b="$w1" 'BEGIN { printf "%.0f", a / b }')" "$(awk -v a="$s1" -v b="$w1" 'BEGIN { printf "%.0f", a / b }')"
