#!/usr/bin/env bash
# Reproduce the gazetteer-matching benchmark: the one command behind BENCHMARKS.md.
#
#   bench/run.sh [quick|full|1g]        (from anywhere; works in the project root)
#
#   quick  20 MB slice, 3 rounds (about 2-4 min plus pactgraph on 2 cores)
#   full   100 MB corpus, 3 rounds (about 10-15 min plus pactgraph)
#   1g     a 1 GB corpus (generated into target/bench-data-1g, ~2 GB of disk), pactgraph only,
#          one run: time and peak RSS
#
# Steps: target/bench-venv from ../shared/bench/requirements.txt (spaCy needs no model);
# data into target/bench-data (20k entries, 100 MB + 20 MB slice, seed 42; kept when the
# recorded arguments match); the gazetteer converted to pactgraph's format; `cargo build
# --release` and bench/rawscan; ../shared/bench/run_bench.py with the Python baselines,
# rawscan (rust_ac, the ratio reference) and pactgraph with --jobs 1 and 2; gazetteer load
# timing for 20k and 100k entries (median of 5 fresh processes); a markdown summary.
# Everything lands in target/bench-results/STAMP_MODE.{json,md} (+ _load.jsonl, _meta.json).
#
# Environment:
#   BENCH_SHARED=DIR   the shared bench folder (default ../shared/bench)
#   ROUNDS=N           override the number of rounds
#   PAIRED_ROUNDS=N    rounds of the raw scan and pactgraph --jobs 1 alone, back to back
#                      (default 5 quick, 7 full; 0: none)
#   METHODS=a,b        Python baselines (default flashtext,spacy_phrasematcher,pyahocorasick_long)
#   PACTGRAPH=auto|0|1 run the pactgraph refs: auto = only if `extract --help` lists --stats and
#                      --jobs (else they are skipped with a note); 0 = never; 1 = always
#   PACTGRAPH_TIMING=auto|stats|wall   passed to pactgraph_ref.py --timing
#   JOBS_1G=N          --jobs for the 1g run (default 2)
#   LOAD_RUNS=N        runs per gazetteer load timing (default 5)
#   PACTGRAPH_BIN=PATH the binary to benchmark (default target/release/pactgraph, stripped;
#                      target/profiling/pactgraph, after `cargo build --profile profiling`, has
#                      the symbols perf needs)
set -euo pipefail

MODE=${1:-quick}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SHARED=${BENCH_SHARED:-../shared/bench}
VENV=target/bench-venv
PY=$VENV/bin/python
DATA=target/bench-data
RESULTS=target/bench-results
PACTGRAPH_BIN=${PACTGRAPH_BIN:-target/release/pactgraph}
RAWSCAN_BIN=target/rawscan/release/rawscan
METHODS=${METHODS:-flashtext,spacy_phrasematcher,pyahocorasick_long}
LOAD_RUNS=${LOAD_RUNS:-5}
SEED=42

case "$MODE" in
    quick) CORPUS=slice; ROUNDS=${ROUNDS:-3}; PAIRED_ROUNDS=${PAIRED_ROUNDS:-5} ;;
    full) CORPUS=full; ROUNDS=${ROUNDS:-3}; PAIRED_ROUNDS=${PAIRED_ROUNDS:-7} ;;
    1g) CORPUS=full; ROUNDS=1 ;;
    *) echo "usage: bench/run.sh [quick|full|1g]" >&2; exit 2 ;;
esac
[ -f "$SHARED/run_bench.py" ] || { echo "run.sh: no $SHARED/run_bench.py (set BENCH_SHARED)" >&2; exit 2; }

log() { echo "== $*" >&2; }

# --- 1. Python environment ----------------------------------------------------------------
if ! cmp -s "$SHARED/requirements.txt" "$VENV/requirements.installed" 2>/dev/null; then
    log "creating $VENV"
    python3 -m venv "$VENV"
    "$PY" -m pip install -q -r "$SHARED/requirements.txt"
    cp "$SHARED/requirements.txt" "$VENV/requirements.installed"
fi

# --- 2. data --------------------------------------------------------------------------------
# gen DIR ENTRIES CORPUS_MB SLICE_MB: generate unless DIR/corpus.gold.json records these args
gen() {
    local dir=$1 entries=$2 cmb=$3 smb=$4
    if python3 - "$dir/corpus.gold.json" "$entries" "$cmb" "$smb" "$SEED" <<'EOF'
import json, sys
try:
    a = json.load(open(sys.argv[1]))["args"]
except (OSError, ValueError, KeyError):
    sys.exit(1)
want = dict(entries=int(sys.argv[2]), corpus_mb=float(sys.argv[3]), slice_mb=float(sys.argv[4]), seed=int(sys.argv[5]))
sys.exit(0 if all(a.get(k) == v for k, v in want.items()) else 1)
EOF
    then
        log "data in $dir is up to date ($entries entries, $cmb MB, slice $smb MB, seed $SEED)"
    else
        log "generating $dir ($entries entries, $cmb MB, slice $smb MB, seed $SEED)"
        python3 "$SHARED/gen_bench_data.py" --out "$dir" --entries "$entries" \
            --corpus-mb "$cmb" --slice-mb "$smb" --seed "$SEED"
    fi
}
gen "$DATA" 20000 100 20

# --- 3. gazetteers in pactgraph's format ------------------------------------------------------
python3 bench/convert_gazetteer.py "$DATA/gazetteer.tsv" "$DATA/gazetteer.pactgraph.tsv"
GAZ_LIST=$DATA/gazetteer.pactgraph.files
if [ "$MODE" != 1g ]; then
    python3 bench/convert_gazetteer.py --scale 100000 --seed "$SEED" \
        --gen-dir target/bench-data-100000 target/bench-data-100000/gazetteer.pactgraph.tsv
fi

# --- 4. builds --------------------------------------------------------------------------------
log "cargo build --release"
cargo build --release --quiet
log "building bench/rawscan"
cargo build --release --quiet --manifest-path bench/rawscan/Cargo.toml --target-dir target/rawscan

# --- 5. which pactgraph refs -------------------------------------------------------------------
PACTGRAPH=${PACTGRAPH:-auto}
if [ "$PACTGRAPH" = auto ]; then
    help=$("$PACTGRAPH_BIN" extract --help 2>&1 || true)
    if grep -q -- '--stats' <<<"$help" && grep -q -- '--jobs' <<<"$help"; then
        PACTGRAPH=1
    else
        PACTGRAPH=0
        log "NOTE: $PACTGRAPH_BIN extract has no --stats/--jobs yet: pactgraph refs skipped (PACTGRAPH=1 forces them)"
    fi
fi
STATS_OK=$PACTGRAPH
ref_pg() { # NAME JOBS
    echo "$1=$PY bench/pactgraph_ref.py --bin $PACTGRAPH_BIN --gaz-list $GAZ_LIST --timing ${PACTGRAPH_TIMING:-auto} --jobs $2 {jsonl}"
}

mkdir -p "$RESULTS"
STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
OUT=$RESULTS/${STAMP}_$MODE
META=${OUT}_meta.json
python3 - "$META" "$MODE" "$CORPUS" "$ROUNDS" "$METHODS" "$PACTGRAPH" <<'EOF'
import json, os, platform, subprocess, sys
def sh(*c):
    try:
        return subprocess.run(c, capture_output=True, text=True).stdout.strip()
    except OSError:
        return None
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), None)
meta = {"mode": sys.argv[2], "corpus": sys.argv[3], "rounds": int(sys.argv[4]), "methods": sys.argv[5],
        "pactgraph_refs": sys.argv[6] == "1", "git": sh("git", "describe", "--always", "--dirty"),
        "cpu": cpu, "nproc": os.cpu_count(), "rustc": sh("rustc", "--version"),
        "python": platform.python_version(), "loadavg_before": open("/proc/loadavg").read().split()[:3]}
json.dump(meta, open(sys.argv[1], "w"), indent=1)
EOF

# --- 6. the runs -----------------------------------------------------------------------------
finish_meta() {
    python3 - "$META" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
m["loadavg_after"] = open("/proc/loadavg").read().split()[:3]
json.dump(m, open(sys.argv[1], "w"), indent=1)
EOF
}

if [ "$MODE" = 1g ]; then
    [ "$PACTGRAPH" = 1 ] || { echo "run.sh: the 1g mode needs pactgraph with --stats/--jobs (or PACTGRAPH=1)" >&2; exit 1; }
    BIG=target/bench-data-1g
    gen "$BIG" 20000 1000 0
    # the same seed and entry count give the same gazetteer as $DATA
    cmp -s "$BIG/gazetteer.tsv" "$DATA/gazetteer.tsv" || { echo "run.sh: $BIG has another gazetteer" >&2; exit 1; }
    log "1 GB: pactgraph --jobs ${JOBS_1G:-2}, one run"
    "$PY" "$SHARED/run_bench.py" --data "$BIG" --corpus full --rounds 1 --methods '' \
        --ref "$(ref_pg "pactgraph_j${JOBS_1G:-2}" "${JOBS_1G:-2}")" --out "$OUT.json"
    finish_meta
    python3 bench/summarize.py --meta "$META" --big "$OUT.json" | tee "$OUT.md"
    exit 0
fi

REFS=(--ref "rust_ac=$RAWSCAN_BIN {txt} {gaz}")
if [ "$PACTGRAPH" = 1 ]; then
    REFS+=(--ref "$(ref_pg pactgraph_j1 1)" --ref "$(ref_pg pactgraph_j2 2)")
fi
log "run_bench: $CORPUS corpus, $ROUNDS rounds, methods $METHODS"
"$PY" "$SHARED/run_bench.py" --data "$DATA" --corpus "$CORPUS" --rounds "$ROUNDS" \
    --methods "$METHODS" "${REFS[@]}" --ref-name rust_ac --out "$OUT.json"

# --- 6b. paired rounds: the raw scan and pactgraph --jobs 1 back to back -----------------------
# In the rounds above a spaCy run of two and a half minutes can fall between the raw scan
# and pactgraph, and this machine's speed drifts by ±15 % over minutes: the ratio of the
# two then measures the drift as much as the code. Here the two run alone, one right after
# the other, the order swapped each round (run_bench.py rotates it), so each round's ratio
# is taken under one machine state.
PAIRED=""
if [ "$PACTGRAPH" = 1 ] && [ "$PAIRED_ROUNDS" -gt 0 ]; then
    PAIRED=${OUT}_paired.json
    log "paired rounds: rust_ac and pactgraph_j1 back to back, $PAIRED_ROUNDS rounds"
    "$PY" "$SHARED/run_bench.py" --data "$DATA" --corpus "$CORPUS" --rounds "$PAIRED_ROUNDS" \
        --methods '' --ref "rust_ac=$RAWSCAN_BIN {txt} {gaz}" --ref "$(ref_pg pactgraph_j1 1)" \
        --ref-name rust_ac --out "$PAIRED"
fi

# --- 7. gazetteer load timing --------------------------------------------------------------------
LOAD=${OUT}_load.jsonl
: >"$LOAD"
for entries in 20000 100000; do
    list=$DATA/gazetteer.pactgraph.files
    [ "$entries" = 20000 ] || list=target/bench-data-$entries/gazetteer.pactgraph.files
    hows=(check)
    [ "$STATS_OK" = 1 ] && hows+=(extract)
    for how in "${hows[@]}"; do
        log "gazetteer load: $entries entries, $how, $LOAD_RUNS runs"
        "$PY" bench/pactgraph_ref.py --bin "$PACTGRAPH_BIN" --gaz-list "$list" \
            --load-runs "$LOAD_RUNS" --load-with "$how" |
            python3 -c "import json,sys; d=json.loads(sys.stdin.read()); d['entries']=$entries; print(json.dumps(d))" >>"$LOAD"
    done
done
finish_meta

# --- 8. summary ----------------------------------------------------------------------------------
python3 bench/summarize.py --meta "$META" --load "$LOAD" ${PAIRED:+--paired "$PAIRED"} "$OUT.json" | tee "$OUT.md"
log "results: $OUT.json, $LOAD, ${PAIRED:+$PAIRED, }$OUT.md"
