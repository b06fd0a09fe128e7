#!/usr/bin/env bash
# Runs the fuzz targets (cargo-fuzz, libFuzzer) for SECONDS each (default 600), two at a
# time, each from its seed corpus (fuzz/seeds/TARGET) into fuzz/corpus/TARGET.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# needs: rustup toolchain nightly, `cargo install cargo-fuzz`
# Crashes are written to fuzz/artifacts/TARGET/; logs to fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract jsonl_line dates quote_pairs)
cargo +nightly fuzz build -O
mkdir -p logs
run() {
  mkdir -p "corpus/$1"
  cargo +nightly fuzz run -O "$1" "corpus/$1" "seeds/$1" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    > "logs/$1.log" 2>&1 && echo "$1: no crash in $seconds s ($(grep -o 'stat::number_of_executed_units: [0-9]*' "logs/$1.log" | tail -1))" \
    || echo "$1: FAILED, see fuzz/logs/$1.log and fuzz/artifacts/$1/"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" &
  if ((i + 1 < ${#targets[@]})); then run "${targets[i + 1]}" & fi
  wait
done
