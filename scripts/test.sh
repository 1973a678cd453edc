#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh machine
# (Graphviz's `dot` and a CJK font, used by the DOT tests; Debian's chromium
# and chromium-driver, which the HTML view's browser test drives headless;
# networkx, igraph, jsonschema and selenium, used by tests/exports.rs; maturin,
# pytest and pandas, used by the Python package's tests), then runs every check.
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

if ! python3 -c "import maturin, pytest, networkx, pandas" >/dev/null 2>&1; then
    echo "== installing maturin, pytest, networkx and pandas (the Python package's tests)"
    python3 -m pip install -q -r python/requirements-test.txt
fi

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy -D warnings (the crate and python/)"
cargo clippy --workspace --release --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --release
# issue 19: the Python package, built once into this target dir (shared with the
# crate's build), installed, and tested against the CLI; then the Spark job on
# local[2] (its test installs pyspark and a Java runtime when missing)
echo "== Python package: maturin build, pip install"
rm -rf target/wheels
CARGO_TARGET_DIR="$PWD/target" python3 -m maturin build --release --quiet -m python/Cargo.toml --out target/wheels
python3 -m pip install -q --force-reinstall --no-deps target/wheels/pactgraph-*.whl
echo "== pytest: python/tests (the package against the CLI) and examples/spark/tests (Spark on local[2])"
PACTGRAPH_BIN="$PWD/target/release/pactgraph" python3 -m pytest -q python/tests examples/spark/tests
echo "== benchmark harness self-test (no data needed)"
python3 bench/tests/test_bench.py
