#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh machine
# (Graphviz's `dot` and a CJK font, used by the DOT tests; Debian's chromium
# and chromium-driver, which the HTML view's browser test drives headless;
# networkx, igraph, jsonschema and selenium, used by tests/exports.rs), then
# runs every check.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi ipa; then
    echo "== installing graphviz and fonts-ipafont-gothic (needed by the DOT tests)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq graphviz fonts-ipafont-gothic >/dev/null
fi
command -v dot >/dev/null || { echo "error: graphviz's dot is still missing; install it (apt-get install -y graphviz)" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "== installing chromium and chromium-driver (needed by the HTML view's browser test)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
command -v chromedriver >/dev/null || { echo "error: chromedriver is still missing; install it (apt-get install -y chromium chromium-driver)" >&2; exit 1; }

if ! python3 -c "import networkx, igraph, jsonschema, selenium" >/dev/null 2>&1; then
    echo "== installing networkx, igraph, jsonschema and selenium (needed by the export and browser checks)"
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
