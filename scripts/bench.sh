#!/usr/bin/env bash
# Times `depeche extract` on large JSONL dumps made from the fixtures.
#
# usage: scripts/bench.sh [SIZE_MB] [JOBS...]     (defaults: 200 MB, jobs 1 and 2)
#        SETS="press dense" RUNS=3 scripts/bench.sh ...
#        BIN=target/pgo/release/depeche scripts/bench.sh ...   (a given binary, e.g. from
#                                                             scripts/pgo-build.sh)
#
# Builds the release binary (unless BIN is given). For each fixture set (SETS, default both: `press`, articles
# at the density of ordinary press, fixtures/press; `dense`, the stress articles of
# fixtures/fr, about twice as packed), writes bench-data/SET-SIZE.jsonl once
# (scripts/make_dump.py) and prints what the dump holds per 1,000 characters (from its
# first 1,000 articles). Then runs each -j RUNS times (default 3) and reports the median
# and best wall time, MB/s, articles/s and peak memory (maximum resident set size, from
# /usr/bin/time); the CPU time of each stage (`depeche extract --stage-times`); and, with
# the last -j, the time of the dump's first half against the whole dump's (linear: 2).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
shift || true
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(1 2)
read -r -a sets <<< "${SETS:-press dense}"
runs=${RUNS:-3}

if [ -n "${BIN:-}" ]; then
  bin=$BIN
else
  cargo build --release --quiet
  bin=./target/release/depeche
fi
mkdir -p bench-data

# What a dump holds: extractions per 1,000 characters of text, on its first articles.
density() {
  head -n 1000 "$1" | "$bin" extract - | python3 -c '
import json, sys
lists = ["dates", "places", "actors", "quotes", "sources"]
chars, counts = 0, dict.fromkeys(lists, 0)
for line in sys.stdin:
    record = json.loads(line)
    chars += record["stats"]["chars"]
    for name in lists:
        counts[name] += len(record[name])
print("per 1,000 characters: " + ", ".join(f"{name} {counts[name] * 1000 / chars:.1f}" for name in lists))'
}

seconds() {
  local start
  start=$(date +%s%N)
  "$bin" extract -j "$1" "$2" > /dev/null
  echo $(( $(date +%s%N) - start ))
}

for set in "${sets[@]}"; do
  dump=bench-data/$set-$size.jsonl
  [ -f "$dump" ] || python3 scripts/make_dump.py --set "$set" "$size" "$dump"
  bytes=$(stat -c %s "$dump")
  articles=$(wc -l < "$dump")
  echo "== $set: $dump, $((bytes / 1000000)) MB, $articles articles; $(nproc) cores"
  density "$dump"
  for j in "${jobs[@]}"; do
    times=()
    peak=0
    for _ in $(seq "$runs"); do
      if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e %M" -o bench-data/time.txt "$bin" extract -j "$j" "$dump" > /dev/null
        read -r secs kb < bench-data/time.txt
      else
        secs=$(awk -v ns="$(seconds "$j" "$dump")" 'BEGIN { printf "%.3f", ns / 1e9 }')
        kb=0
      fi
      times+=("$secs")
      [ "$kb" -gt "$peak" ] && peak=$kb
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v j="$j" -v b="$bytes" -v a="$articles" -v kb="$peak" '
      { t[NR] = ($1 > 0 ? $1 : 0.001) }
      END {
        med = t[int((NR + 1) / 2)]
        printf "-j %s: median %.2f s (best %.2f s of %d)  %.0f MB/s (best %.0f)  %.0f articles/s  peak memory %s\n",
          j, med, t[1], NR, b / med / 1e6, b / t[1] / 1e6, a / med, (kb > 0 ? sprintf("%.0f MB", kb / 1024) : "?")
      }'
  done
  # Where the time goes, stage by stage (CPU time, one run).
  "$bin" extract -j 1 --stage-times "$dump" > /dev/null
  # Linear time: the first half of the dump against the whole of it.
  half=bench-data/half-$set-$size.jsonl
  head -n $((articles / 2)) "$dump" > "$half"
  t_half=$(seconds "${jobs[-1]}" "$half")
  t_full=$(seconds "${jobs[-1]}" "$dump")
  rm -f "$half"
  awk -v h="$t_half" -v f="$t_full" -v j="${jobs[-1]}" 'BEGIN {
    printf "linear (-j %s): half dump %.2f s, whole dump %.2f s, ratio %.2f (2 is linear)\n", j, h / 1e9, f / 1e9, f / h
  }'
done
