#!/usr/bin/env python3
"""Export benchmark: a graph of about 5,000 nodes written in every format.

Builds the graph once from the first documents of the benchmark corpus (enough for
--nodes nodes), then times `pactgraph merge GRAPH --format F -o OUT` for each
format in fresh processes, --runs times, and prints the median wall time, the
output size and the node count as a markdown table. Reading the graph back is part
of each timing (merge reads the JSON, rebuilds the graph, writes the format).

Usage (from the project root, after bench/run.sh has generated the data):
  python3 bench/exports.py [--bin target/release/pactgraph] [--nodes 5000] [--runs 5]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("--bin", default="target/release/pactgraph")
ap.add_argument("--data", default="target/bench-data")
ap.add_argument("--nodes", type=int, default=5000)
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--formats", default="json,graphml,cytoscape,neo4j,dot,svg,png")
args = ap.parse_args()

gaz = os.path.join(args.data, "gazetteer.pactgraph.tsv")
files = os.path.join(args.data, "gazetteer.pactgraph.files")
gargs = []
if os.path.exists(files):
    for f in open(files).read().split():
        gargs += ["-g", f]
else:
    gargs = ["-g", gaz]
corpus = os.path.join(args.data, "corpus_slice.jsonl")
tmp = tempfile.mkdtemp(prefix="pactgraph-exports-")
lines = open(corpus, encoding="utf-8").read().splitlines()

def build(n_docs):
    sub = os.path.join(tmp, "sub.jsonl")
    with open(sub, "w", encoding="utf-8") as f:
        f.write("\n".join(lines[:n_docs]) + "\n")
    out = os.path.join(tmp, "graph.json")
    subprocess.run([args.bin, "extract", "--no-default-gazetteers", *gargs, sub, "-o", out, "-q"], check=True)
    g = json.load(open(out))
    return out, len(g["nodes"]), len(g["edges"])

# documents needed for about --nodes nodes (nodes grow roughly linearly)
n = 500
graph, nodes, edges = build(n)
n = max(1, int(n * args.nodes / max(nodes, 1)))
graph, nodes, edges = build(n)
print(f"graph: {n} documents, {nodes} nodes, {edges} edges", file=sys.stderr)

print(f"| format | median s | min s | max s | output | ({nodes} nodes, {edges} edges, {args.runs} runs) |")
print("|---|---:|---:|---:|---:|---|")
for fmt in args.formats.split(","):
    out = os.path.join(tmp, "out-" + fmt)
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run([args.bin, "merge", graph, "--format", fmt, "-o", out, "--all-actors"], check=True)
        times.append(time.perf_counter() - t)
    if os.path.isdir(out):
        size = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    else:
        size = os.path.getsize(out)
    print(f"| {fmt} | {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} | {size / 1e6:.1f} MB | |", flush=True)
