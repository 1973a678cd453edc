#!/usr/bin/env bash
# Long fuzz run of one target of tests/fuzz.rs (or the random-text targets in
# src/lib.rs) for a fixed wall time, as repeated proptest runs of CHUNK cases,
# each with a fresh random seed. Prints the number of cases run, the CPU time
# they took and the outcome; stops at the first failure (proptest prints the
# shrunk input and saves its seed in a proptest-regressions file).
#
#   bench/fuzz_hour.sh fuzz_html 3600            # one hour of the HTML target
#   bench/fuzz_hour.sh issue17_random_unicode_never_panics 3600
#   CHUNK=5000 bench/fuzz_hour.sh fuzz_jsonl 600
#
# Targets: fuzz_html fuzz_jsonl fuzz_gazetteer_tsv fuzz_language_toml
# fuzz_graph_json_for_merge (tests/fuzz.rs); issue17_random_unicode_never_panics
# and issue17_random_unicode_never_panics_before_the_rules (src/lib.rs).
# What is fuzzed is the last commit: it is exported to a temporary folder and
# built there (target/fuzz-hour), because the targets read their seeds (the
# test corpus, the shipped gazetteers and language files) from the source tree
# at run time; editing the working tree during a run changes nothing.
set -euo pipefail
# the whole script is one block, read before it runs: bash reads a script as it
# goes, and an edit to this file during an hour-long run would break its end
{
target=${1:?usage: bench/fuzz_hour.sh TARGET SECONDS}
seconds=${2:-3600}
chunk=${CHUNK:-2000}
cd "$(dirname "$0")/.."

case "$target" in
  issue17_*) sel=(--lib); name=pactgraph; filter="tests::$target" ;;
  fuzz_*) sel=(--test fuzz); name=fuzz; filter="$target" ;;
  *) echo "fuzz_hour: unknown target '$target' (see the list at the top of $0)" >&2; exit 2 ;;
esac

root=$PWD
snap=$(mktemp -d)
git archive HEAD | tar -x -C "$snap"
cd "$snap"
bin=$(CARGO_TARGET_DIR="$root/target/fuzz-hour" cargo test --release "${sel[@]}" --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("executable") and m["target"]["name"] == sys.argv[1]:
        print(m["executable"])' "$name" | tail -1)
[ -x "$bin" ] || { echo "fuzz_hour: could not build the test binary for $target" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work" "$snap"' EXIT
cp "$bin" "$work/fuzzbin"
# check the filter names exactly one test
n=$("$work/fuzzbin" --list 2>/dev/null | grep -c ": test$" | tr -d ' ' || true)
found=$("$work/fuzzbin" "$filter" --exact --list 2>/dev/null | grep -c ": test$" || true)
[ "$found" -ge 1 ] || { echo "fuzz_hour: no test matches '$filter' in $bin ($n tests)" >&2; exit 2; }

start=$(date +%s)
cases=0
runs=0
t0=$(date +%s.%N)
while :; do
  now=$(date +%s)
  [ $((now - start)) -lt "$seconds" ] || break
  # a run of one chunk that takes over CHUNK_TIMEOUT seconds is a hang
  st=0
  PROPTEST_CASES=$chunk timeout "${CHUNK_TIMEOUT:-900}" "$work/fuzzbin" "$filter" --exact --test-threads 1 \
    >"$work/out" 2>&1 || st=$?
  if [ "$st" -ne 0 ]; then
    cat "$work/out" >&2
    echo "fuzz_hour: $target FAILED (exit status $st; 124 is a hang) after $cases cases in $((now - start)) s" >&2
    exit 1
  fi
  grep -q "test result: ok. 1 passed" "$work/out" ||
    { cat "$work/out" >&2; echo "fuzz_hour: '$filter' did not run exactly one test" >&2; exit 2; }
  cases=$((cases + chunk))
  runs=$((runs + 1))
done
wall=$(python3 -c "import time; print(round(time.time() - $t0))")
# CPU time of the finished children (the test runs), user + system, from bash's `times`
times >"$work/times"
cpu=$(tail -1 "$work/times" | awk '{ split($1,u,"m"); split($2,y,"m"); printf "%d", u[1]*60+u[2]+y[1]*60+y[2] }')
echo "fuzz_hour: $target: $cases cases in $runs runs of $chunk, $wall s wall, ${cpu} s CPU, no panic, hang or abort"
exit 0
}
