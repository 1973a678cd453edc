#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh machine
# (Graphviz's `dot` and a CJK font, used by the DOT tests; networkx, igraph and
# jsonschema, used by tests/exports.rs), then runs every check.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi ipa; then
    echo "== installing graphviz and fonts-ipafont-gothic (needed by the DOT tests)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq graphviz fonts-ipafont-gothic >/dev/null
fi
command -v dot >/dev/null || { echo "error: graphviz's dot is still missing; install it (apt-get install -y graphviz)" >&2; exit 1; }

if ! python3 -c "import networkx, igraph, jsonschema" >/dev/null 2>&1; then
    echo "== installing networkx, igraph and jsonschema (needed by the export consumer checks)"
    python3 -m pip install -q -r tests/consumers/requirements.txt
fi

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy -D warnings"
cargo clippy --release --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --release
echo "== benchmark harness self-test (no data needed)"
python3 bench/tests/test_bench.py
