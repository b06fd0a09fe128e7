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
# first 1,000 articles). Then runs each -j RUNS times (default 3), the -j values
# interleaved, and reports the median and best wall time, MB/s, articles/s, peak memory
# (maximum resident set size) and the median CPU time (user + system, from
# /usr/bin/time) with the MB per CPU second it makes, steadier than wall time on a shared
# machine; the speed-up of the last -j over the first, round by round; the CPU time of
# each stage (`depeche extract --stage-times`); and, with the last -j, the time of the
# dump's first half against the whole dump's, interleaved RUNS times (linear: 2).
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
  # The runs of the -j values are interleaved (round 1: every -j, then round 2...): this
  # machine's speed drifts from one minute to the next, and the ratio of two -j values
  # is taken within each round, not across runs minutes apart.
  declare -A wall=() cpu=() peak=()
  for j in "${jobs[@]}"; do peak[$j]=0; done
  for _ in $(seq "$runs"); do
    for j in "${jobs[@]}"; do
      if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e %M %U %S" -o bench-data/time.txt "$bin" extract -j "$j" "$dump" > /dev/null
        read -r secs kb user sys < bench-data/time.txt
        cpus=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      else
        secs=$(awk -v ns="$(seconds "$j" "$dump")" 'BEGIN { printf "%.3f", ns / 1e9 }')
        kb=0
        cpus=0
      fi
      wall[$j]+="$secs "
      cpu[$j]+="$cpus "
      [ "$kb" -gt "${peak[$j]}" ] && peak[$j]=$kb
    done
  done
  for j in "${jobs[@]}"; do
    # CPU seconds (user + system, every thread) move far less than wall time when the
    # machine is shared: MB per CPU second compares builds across hours.
    echo "${wall[$j]}" "|" "${cpu[$j]}" | awk -v j="$j" -v b="$bytes" -v a="$articles" -v kb="${peak[$j]}" '
      function median(x, n,   i, k, t) {
        for (i = 1; i <= n; i++) for (k = i + 1; k <= n; k++) if (x[k] < x[i]) { t = x[i]; x[i] = x[k]; x[k] = t }
        return x[int((n + 1) / 2)]
      }
      {
        n = 0; m = 0; side = 0
        for (i = 1; i <= NF; i++) {
          if ($i == "|") { side = 1; continue }
          if (side) c[++m] = $i; else t[++n] = ($i > 0 ? $i : 0.001)
        }
        med = median(t, n); best = t[1]; cmed = median(c, m)
        printf "-j %s: median %.2f s (best %.2f s of %d)  %.0f MB/s (best %.0f)  %.0f articles/s  peak memory %s",
          j, med, best, n, b / med / 1e6, b / best / 1e6, a / med, (kb > 0 ? sprintf("%.0f MB", kb / 1024) : "?")
        if (cmed > 0) printf "  CPU %.2f s (%.1f MB per CPU second)", cmed, b / cmed / 1e6
        printf "\n"
      }'
  done
  if [ ${#jobs[@]} -gt 1 ]; then
    # Speed-up of the last -j over the first, round by round.
    first=${jobs[0]}
    last=${jobs[-1]}
    echo "${wall[$first]}" "|" "${wall[$last]}" | awk -v f="$first" -v l="$last" '
      {
        n = 0; m = 0; side = 0
        for (i = 1; i <= NF; i++) {
          if ($i == "|") { side = 1; continue }
          if (side) y[++m] = $i; else x[++n] = $i
        }
        for (i = 1; i <= n; i++) { r[i] = x[i] / (y[i] > 0 ? y[i] : 0.001); out = out sprintf(" %.2f", r[i]) }
        for (i = 1; i <= n; i++) for (k = i + 1; k <= n; k++) if (r[k] < r[i]) { t = r[i]; r[i] = r[k]; r[k] = t }
        printf "-j %s against -j %s, round by round:%s (median %.2f)\n", l, f, out, r[int((n + 1) / 2)]
      }'
  fi
  # Where the time goes, stage by stage (CPU time, one run).
  "$bin" extract -j 1 --stage-times "$dump" > /dev/null
  # Linear time: the first half of the dump against the whole of it, interleaved, RUNS
  # times; the median of the ratios.
  half=bench-data/half-$set-$size.jsonl
  head -n $((articles / 2)) "$dump" > "$half"
  ratios=()
  for _ in $(seq "$runs"); do
    t_half=$(seconds "${jobs[-1]}" "$half")
    t_full=$(seconds "${jobs[-1]}" "$dump")
    ratios+=("$(awk -v h="$t_half" -v f="$t_full" 'BEGIN { printf "%.3f %.2f %.2f", f / h, h / 1e9, f / 1e9 }')")
  done
  rm -f "$half"
  printf '%s\n' "${ratios[@]}" | sort -n | awk -v j="${jobs[-1]}" '
    { r[NR] = $1; h[NR] = $2; f[NR] = $3 }
    END {
      m = int((NR + 1) / 2)
      printf "linear (-j %s): half dump %.2f s, whole dump %.2f s, ratio %.2f (median of %d; 2 is linear)\n", j, h[m], f[m], r[m], NR
    }'
done
