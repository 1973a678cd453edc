#!/usr/bin/env python3
"""HTML view benchmark: how long a 5,000-node graph takes to open and lay out
in headless Chromium.

Generates (seeded, so every run sees the same graph) a gazetteer of invented
companies and a JSONL corpus of one-sentence agreement reports between them,
with a few hubs as real news has; extracts it with `pactgraph extract
--format json` and `--format html`; then opens the page --runs times in a
fresh headless Chromium (selenium + chromedriver, as tests/consumers/check_html.py)
and reads the viewer's own timings (window.pactgraphStats):

- first layout: the default first layout alone (concentric past 800 nodes);
- ready: from navigation start to the end of that layout (parsing the 0.4 MB
  Cytoscape.js and the data, building the elements, the layout);
- wall: from driver.get() to the page saying it is ready, as a user waits.

Prints one markdown table row per run and the medians. With --layout NAME it
also times switching to that layout (e.g. cose) after the first one.

Usage (from the project root):
  python3 bench/html_5k.py [--bin target/release/pactgraph] [--nodes 5000] [--runs 3]
                           [--layout cose] [--out target/bench-html] [--screenshot FILE.png]
"""
import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "consumers"))
from check_html import open_browser, wait_ready  # noqa: E402

SYL = ["var", "kon", "tel", "mir", "sol", "bor", "den", "lix", "nor", "qua", "ral", "sen",
       "tor", "vik", "zen", "ath", "bel", "cor", "dal", "fen", "gar", "hel", "ist", "jun"]
SUFFIX = ["Minerals", "Energy", "Batteries", "Materials", "Mining", "Recycling", "Motors",
          "Power", "Metals", "Chemicals"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TEMPLATES = [
    ("{a} signed a memorandum of understanding with {b} on {d}.", 5),
    ("{a} and {b} signed a cooperation agreement on {d}.", 3),
    ("{a} signed a supply agreement with {b} on {d}.", 2),
    ("{a} and {b} are negotiating a partnership agreement.", 1),
    ("{a} plans to form a joint venture with {b}.", 1),
]


def names(n, rng):
    out, seen = [], set()
    while len(out) < n:
        w = "".join(rng.choice(SYL) for _ in range(rng.choice((2, 3)))).capitalize()
        name = f"{w} {rng.choice(SUFFIX)}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def generate(out, nodes, seed=18):
    """A gazetteer and corpus giving about `nodes` nodes: 40 % actors, 60 % agreements."""
    rng = random.Random(seed)
    n_actors = int(nodes * 0.4)
    n_agreements = nodes - n_actors
    actors = names(n_actors, rng)
    gaz = out / "gazetteer.tsv"
    with gaz.open("w", encoding="utf-8") as f:
        f.write("id\ttype\tname\taliases\tcountry\taffiliation\tnote\n")
        for i, a in enumerate(actors):
            f.write(f"gen{i:05d}\tcompany\t{a}\t\t{rng.choice(['SE', 'JP', 'DE', 'FI', 'NO', 'KR', 'US'])}\t\t\n")
    # a few hubs: weights fall off with the rank
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_actors)]
    corpus = out / "corpus.jsonl"
    templates = [t for t, w in TEMPLATES for _ in range(w)]
    with corpus.open("w", encoding="utf-8") as f:
        for k in range(n_agreements):
            a = rng.choices(range(n_actors), weights)[0]
            b = rng.randrange(n_actors)
            while b == a:
                b = rng.randrange(n_actors)
            d = f"{1 + k % 28} {MONTHS[(k // 28) % 12]} {2015 + (k // 336) % 11}"
            text = rng.choice(templates).format(a=actors[a], b=actors[b], d=d)
            f.write(json.dumps({"id": f"doc{k:05d}", "text": text}) + "\n")
    return gaz, corpus


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/pactgraph")
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--layout", default=None, help="also time switching to this layout")
    ap.add_argument("--out", default="target/bench-html")
    ap.add_argument("--screenshot", default=None)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # a little more than asked: some generated actors are never named
    gaz, corpus = generate(out, int(args.nodes * 1.05))
    common = [args.bin, "extract", "-q", "--no-default-gazetteers", "-g", str(gaz), str(corpus)]
    subprocess.run(common + ["-o", str(out / "graph.json")], check=True)
    t = time.time()
    subprocess.run(common + ["--format", "html", "-o", str(out / "graph.html")], check=True)
    write_s = time.time() - t
    g = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    n_nodes = len(g["nodes"])
    n_actors = sum(1 for x in g["nodes"] if x["kind"] == "actor")
    size = (out / "graph.html").stat().st_size
    print(f"graph: {n_nodes} nodes ({n_actors} actors, {n_nodes - n_actors} agreements), "
          f"{len(g['edges'])} edges; page {size / 1e6:.1f} MB, extract + write {write_s:.1f} s")
    print()
    print("| run | layout | first layout ms | ready ms (from navigation) | wall s | switch ms |")
    print("|---|---|---|---|---|---|")
    rows = []
    for r in range(args.runs):
        drv = open_browser()
        try:
            drv.set_page_load_timeout(120)
            t = time.time()
            drv.get((out / "graph.html").resolve().as_uri())
            if not wait_ready(drv, timeout=120):
                print("error: the page did not finish its first layout in 120 s", file=sys.stderr)
                sys.exit(1)
            wall = time.time() - t
            s = drv.execute_script("return window.pactgraphStats")
            if s["nodes"] != n_nodes:
                print(f"error: the page has {s['nodes']} nodes, the graph {n_nodes}", file=sys.stderr)
                sys.exit(1)
            switch = ""
            if args.layout:
                drv.execute_script(
                    "var l = document.getElementById('layout'); l.value = arguments[0];"
                    "l.dispatchEvent(new Event('change'));", args.layout)
                end = time.time() + 300
                while time.time() < end and drv.execute_script("return window.pactgraphStats.layout") != args.layout:
                    time.sleep(0.2)
                switch = str(drv.execute_script("return window.pactgraphStats.layoutMs"))
            if args.screenshot and r == 0:
                drv.save_screenshot(args.screenshot)
            errors = [e for e in drv.get_log("browser") if e.get("level") == "SEVERE"]
            if errors:
                print(f"error: console errors: {errors}", file=sys.stderr)
                sys.exit(1)
        finally:
            drv.quit()
        rows.append((s["firstLayoutMs"], s["readyMs"], wall))
        print(f"| {r + 1} | {s['layout']} | {s['firstLayoutMs']} | {s['readyMs']} | {wall:.2f} | {switch} |")
    med = [statistics.median(x) for x in zip(*rows)]
    print(f"| median | | {med[0]:.0f} | {med[1]:.0f} | {med[2]:.2f} | |")


if __name__ == "__main__":
    main()
