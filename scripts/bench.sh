#!/usr/bin/env bash
# Times `depeche extract` on a large press-like JSONL dump made from the fixtures.
#
# usage: scripts/bench.sh [SIZE_MB] [JOBS...]     (defaults: 200 MB, jobs 1 and 2)
#
# Builds the release binary, writes bench-data/dump-SIZE.jsonl once (scripts/make_dump.py),
# then runs each -j RUNS times (default 3) and reports the median and best wall time,
# MB/s, articles/s and peak memory (maximum resident set size, from /usr/bin/time); then
# the CPU time of each stage (`depeche extract --stage-times`); then, with the last -j,
# the time of the dump's first half against the whole dump's (linear time: ratio 2).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
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
runs=${RUNS:-3}
for j in "${jobs[@]}"; do
  times=()
  peak=0
  for _ in $(seq "$runs"); do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "%e %M" -o bench-data/time.txt ./target/release/depeche extract -j "$j" "$dump" > /dev/null
      read -r secs kb < bench-data/time.txt
    else
      start=$(date +%s%N)
      ./target/release/depeche extract -j "$j" "$dump" > /dev/null
      secs=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.3f", ns / 1e9 }')
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
./target/release/depeche extract -j 1 --stage-times "$dump" > /dev/null
# Linear time: the first half of the dump against the whole of it.
half=bench-data/half-$size.jsonl
head -n $((articles / 2)) "$dump" > "$half"
seconds() {
  local start
  start=$(date +%s%N)
  ./target/release/depeche extract -j "${jobs[-1]}" "$1" > /dev/null
  echo $(( $(date +%s%N) - start ))
}
t_half=$(seconds "$half")
t_full=$(seconds "$dump")
rm -f "$half"
awk -v h="$t_half" -v f="$t_full" -v j="${jobs[-1]}" 'BEGIN {
  printf "linear (-j %s): half dump %.2f s, whole dump %.2f s, ratio %.2f (2 is linear)\n", j, h / 1e9, f / 1e9, f / h
}'
