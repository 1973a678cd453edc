#!/usr/bin/env python3
"""Checks the partner view (`--view partners`) with networkx.

usage: check_partners.py DIR

DIR holds partners.json (node-link), partners.graphml and
partners.cytoscape.json of one graph's partner view, and top.json
(`query top --by betweenness --format json` of the full graph).

- node_link_graph gives an undirected nx.Graph in which every partner is a
  neighbour from both sides (partners_with edges are stored one way);
- nx.write_graphml and nx.write_gexf write it (no list or None attributes);
- read_graphml and cytoscape_graph give the same undirected graph;
- networkx's betweenness_centrality on it is what `query top --by
  betweenness` reports.

Exits 0 when everything holds, 1 listing what does not, 2 when networkx or a
file is missing (nothing is skipped).
"""

import inspect
import json
import math
import sys
import tempfile
from pathlib import Path

try:
    import networkx as nx
except ImportError:
    print("check_partners: error: networkx is missing (pip install networkx)", file=sys.stderr)
    sys.exit(2)

ERRORS = []


def err(msg):
    ERRORS.append(msg)


def load(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        print(f"check_partners: error: {e}", file=sys.stderr)
        sys.exit(2)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    d = Path(sys.argv[1])
    data = load(d / "partners.json")
    if "edges" in inspect.signature(nx.node_link_graph).parameters:
        G = nx.node_link_graph(data, edges="edges")
    else:  # networkx before 3.4 calls them links
        G = nx.node_link_graph(dict(data, links=data["edges"]))
    if G.is_directed() or G.is_multigraph():
        err(f"node_link_graph gave a {type(G).__name__}, not an undirected Graph")
    if G.number_of_edges() != len(data["edges"]) or G.number_of_nodes() != len(data["nodes"]):
        err("node or edge count differs from the JSON")
    for e in data["edges"]:
        u, v = e["source"], e["target"]
        if v not in set(G.neighbors(u)) or u not in set(G.neighbors(v)):
            err(f"{u} and {v} are not neighbours both ways")
    for n, attrs in G.nodes(data=True):
        for k, val in attrs.items():
            if isinstance(val, (list, dict)) or val is None:
                err(f"node {n} attribute {k} is {val!r}")
    with tempfile.TemporaryDirectory() as t:
        for name, write in [("graphml", nx.write_graphml), ("gexf", nx.write_gexf)]:
            try:
                write(G, str(Path(t) / f"p.{name}"))
            except Exception as e:  # noqa: BLE001 - the failure is the finding
                err(f"nx.write_{name} failed: {e!r}")
    H = nx.read_graphml(d / "partners.graphml")
    if H.is_directed():
        err("read_graphml gave a directed graph")
    if set(H.nodes) != set(G.nodes) or {frozenset(e) for e in H.edges} != {frozenset(e) for e in G.edges}:
        err("GraphML partner view differs from the JSON one")
    C = nx.cytoscape_graph(load(d / "partners.cytoscape.json"))
    if C.is_directed() or C.is_multigraph():
        err("cytoscape_graph gave a directed or multi graph")
    if {frozenset(e) for e in C.edges} != {frozenset(e) for e in G.edges}:
        err("Cytoscape partner view differs from the JSON one")
    bc = {k: v for k, v in nx.betweenness_centrality(G).items() if v > 0}
    ours = {x["id"]: x["betweenness"] for x in load(d / "top.json")}
    if set(bc) != set(ours):
        err(f"actors with betweenness: networkx {sorted(bc)}, pactgraph {sorted(ours)}")
    for k, v in bc.items():
        if k in ours and not math.isclose(v, ours[k], rel_tol=1e-9):
            err(f"betweenness of {k}: networkx {v}, pactgraph {ours[k]}")
    if ERRORS:
        print("\n".join(ERRORS), file=sys.stderr)
        sys.exit(1)
    print(f"check_partners: {G.number_of_nodes()} actors, {G.number_of_edges()} pairs: ok")


main()
