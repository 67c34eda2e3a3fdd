#!/usr/bin/env bash
# Import benchmark: `idrill import` of generated Markdown collections of 1,000, 4,000 and 16,000 questions (question
# headings in sections, answers with a paragraph, a list and a code block, as public collections write them) into a
# bank directory, medians of interleaved runs, and the ratios between sizes: linear means 4x questions <= ~4x time.
#   bench/import.sh [RUNS]                      installs this tree into a temporary PREFIX first
#   IDRILL=~/.local/bin/idrill bench/import.sh
set -euo pipefail
runs="${1:-3}"
. "$(dirname "$0")/common.sh"

gen() { # gen N FILE: N questions, 50 per section
  awk -v n="$1" 'BEGIN { print "# Generated collection\n";
    for (i = 0; i < n; i++) {
      if (i % 50 == 0) printf "## Section %d\n\n", i / 50;
      printf "### %d. What is concept number %d of this collection?\n\n", i + 1, i;
      printf "Concept %d is explained in a paragraph that is long enough to look like a real answer, with `code`.\n\n", i;
      printf "- first point about %d\n- second point\n\n```python\nprint(%d)\n```\n\n", i, i;
    } }' > "$2"
}
sizes="1000 4000 16000"
for n in $sizes; do gen "$n" "$work/q$n.md"; : > "$work/t$n"; done

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }; t1=$(date +%s%N)
  elapsed_ms "$t0" "$t1"; }
for _ in $(seq "$runs"); do
  for n in $sizes; do
    rm -rf "$work/out$n"
    ms "$IDRILL" import "$work/q$n.md" -o "$work/out$n/" >> "$work/t$n"
  done
done
# what import wrote loads back, every question of it
for n in $sizes; do
  got=$("$IDRILL" list --bank "$work/out$n" --format json | grep -c '"id"' || true)
  [ "$got" = "$n" ] || { echo "import of $n questions wrote a bank of $got"; exit 1; }
done
t1=$(median < "$work/t1000"); t4=$(median < "$work/t4000"); t16=$(median < "$work/t16000")
echo "runs: $runs each, interleaved; inputs: $(du -h "$work/q16000.md" | cut -f1) for 16,000 questions"
printf '%-22s %10s %10s %10s\n' "" "1k" "4k" "16k"
printf '%-22s %7s ms %7s ms %7s ms\n' "idrill import -o DIR/" "$t1" "$t4" "$t16"
printf 'ratios: 4k/1k %sx, 16k/4k %sx (linear: about 4x each; the JVM start-up makes the first ratio smaller)\n' \
  "$(ratio "$t4" "$t1")" "$(ratio "$t16" "$t4")"
