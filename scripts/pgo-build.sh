#!/usr/bin/env bash
# Builds depeche with profile-guided optimization (PGO): the compiler lays out and inlines
# the code after a training run, so the binary does the same work with fewer instructions
# and fewer mispredicted branches. Output is byte for byte that of the plain build.
#
# usage: scripts/pgo-build.sh        -> prints the path of the binary (target/pgo/release/depeche)
#
# Needs LLVM's `llvm-profdata` of the same LLVM version as rustc: `rustup component add
# llvm-tools` puts it in the toolchain, where this script looks; or set LLVM_PROFDATA.
#
# Steps: an instrumented build (target/pgo-gen), a training run on dumps made from the
# bundled fixtures (TRAIN_MB of each set, default 10; scripts/make_dump.py), the merge of
# the profiles, then the optimized build (target/pgo). Two release builds: about twice the
# time of `cargo build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
train_mb=${TRAIN_MB:-10}

host=$(rustc -vV | sed -n 's/^host: //p')
profdata=${LLVM_PROFDATA:-$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata}
if [ ! -x "$profdata" ]; then
  echo "pgo-build: no llvm-profdata at $profdata" >&2
  echo "pgo-build: run 'rustup component add llvm-tools', or set LLVM_PROFDATA" >&2
  exit 1
fi

work=$root/target/pgo-data
rm -rf "$work"
mkdir -p "$work"

echo "pgo-build: instrumented build (target/pgo-gen)" >&2
RUSTFLAGS="-Cprofile-generate=$work/build" \
  cargo build --release --quiet --target-dir target/pgo-gen

echo "pgo-build: training on $train_mb MB of each fixture set" >&2
for set in press dense; do
  python3 scripts/make_dump.py --set "$set" "$train_mb" "$work/$set.jsonl"
done
# Only the training run's profiles: build scripts wrote theirs under $work/build.
LLVM_PROFILE_FILE="$work/train/depeche-%p-%m.profraw" \
  target/pgo-gen/release/depeche extract -j 2 "$work/press.jsonl" "$work/dense.jsonl" > /dev/null
"$profdata" merge -o "$work/depeche.profdata" "$work/train"

echo "pgo-build: optimized build (target/pgo)" >&2
RUSTFLAGS="-Cprofile-use=$work/depeche.profdata" \
  cargo build --release --quiet --target-dir target/pgo
echo "target/pgo/release/depeche"
