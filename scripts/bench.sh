#!/usr/bin/env bash
# Times `depeche extract` on a large press-like JSONL dump made from the fixtures.
#
# usage: scripts/bench.sh [SIZE_MB] [JOBS...]     (defaults: 40 MB, jobs 1 and 2)
#
# Builds the release binary, writes bench-data/dump-SIZE.jsonl once (scripts/make_dump.py),
# then runs each -j three times and reports the best wall time, MB/s, articles/s and
# peak memory (maximum resident set size, from /usr/bin/time when it is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-40}
shift || true
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(1 2)

cargo build --release --quiet
mkdir -p bench-data
dump=bench-data/dump-$size.jsonl
[ -f "$dump" ] || python3 scripts/make_dump.py "$size" "$dump"
bytes=$(stat -c %s "$dump")
articles=$(wc -l < "$dump")
echo "dump: $dump, $((bytes / 1000000)) MB, $articles articles; $(nproc) cores"
for j in "${jobs[@]}"; do
  best=""
  peak=""
  for _ in 1 2 3; do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "%e %M" -o bench-data/time.txt ./target/release/depeche extract -j "$j" "$dump" > /dev/null
      read -r secs kb < bench-data/time.txt
    else
      start=$(date +%s.%N)
      ./target/release/depeche extract -j "$j" "$dump" > /dev/null
      secs=$(echo "$(date +%s.%N) - $start" | bc)
      kb="?"
    fi
    if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc)" = 1 ]; then best=$secs; fi
    peak=$kb
  done
  awk -v j="$j" -v s="$best" -v b="$bytes" -v a="$articles" -v kb="$peak" 'BEGIN {
    if (s <= 0) s = 0.001;
    printf "-j %s: %.2f s  %.0f MB/s  %.0f articles/s  peak memory %s MB\n", j, s, b / s / 1e6, a / s, (kb == "?" ? "?" : sprintf("%.0f", kb / 1024))
  }'
done
