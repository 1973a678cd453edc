#!/usr/bin/env bash
# Single-document benchmark (issue 17): times `pactgraph extract FILE --format
# json >/dev/null` on the documents of bench/large_doc.py (and `--format dot`
# on the agreement-dense one), ROUNDS runs each at
# 10 MB and 100 MB, and writes bench/results/<UTC time>_large_doc.txt.
# usage: bench/large_doc.sh [ROUNDS]   (default 3; needs ../shared/eval for `news`)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
bin=target/release/pactgraph
cargo build --release -q
dir=$(mktemp -d /tmp/pactgraph-large.XXXXXX)
trap 'rm -rf "$dir"' EXIT
kinds="prose line agreements repeated news"
for mb in 10 100; do
    for k in $kinds; do
        if [ "$k" = news ]; then
            python3 bench/large_doc.py news "$mb" "$dir/$k-$mb.txt" --from ../shared/eval/real*
        else
            python3 bench/large_doc.py "$k" "$mb" "$dir/$k-$mb.txt"
        fi
    done
done
out=bench/results/$(date -u +%Y-%m-%dT%H%M%SZ)_large_doc.txt
{
    echo "# bench/large_doc.py documents, pactgraph $(git rev-parse --short HEAD) (release), default --jobs ($(nproc) cores), extract FILE --format json >/dev/null, /usr/bin/time -f '%e s %M KB'"
    echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out"
for mb in 10 100; do
    for r in $(seq "$rounds"); do
        for k in $kinds; do
            /usr/bin/time -f "$k-$mb %e s %M KB" "$bin" extract "$dir/$k-$mb.txt" --format json -q >/dev/null 2>>"$out.err"
            tail -1 "$out.err" >> "$out"
        done
        # the graph of the most actors and agreements, drawn as DOT (its
        # layout of countries across the middle once grew with the square
        # of the number of actors)
        /usr/bin/time -f "agreements-$mb-dot %e s %M KB" "$bin" extract "$dir/agreements-$mb.txt" --format dot -q >/dev/null 2>>"$out.err"
        tail -1 "$out.err" >> "$out"
    done
done
rm -f "$out.err"
cat "$out"
