"""pactgraph for Python: actors and agreements from news, as a knowledge graph.

The extraction, merging and JSON writing are the Rust library's, the same code
as the ``pactgraph`` CLI's, so ``dumps(merge(ex.extract_many(docs)))`` is byte
for byte what ``pactgraph extract`` writes for the same documents.

>>> import pactgraph
>>> ex = pactgraph.Extractor()
>>> f = ex.extract("JOGMEC signed a memorandum of understanding with Sojitz in June 2025.")
>>> f["agreements"][0]["agreement_kind"], f["agreements"][0]["date"]
('mou', '2025-06')
>>> g = pactgraph.merge([f])
>>> sorted(n["id"] for n in g["nodes"] if n["kind"] == "actor")
['actor:jogmec', 'actor:sojitz']

Fragments and graphs are plain dicts in the JSON contract (the repository's
``schema/pactgraph-fragment.schema.json`` and ``pactgraph-graph.schema.json``).
"""

from __future__ import annotations

import datetime
import json as _json
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Union

from . import _pactgraph
from ._pactgraph import SCHEMA_VERSION, PactgraphError, __version__

__all__ = [
    "Extractor",
    "PactgraphError",
    "SCHEMA_VERSION",
    "Frames",
    "dumps",
    "html_to_text",
    "is_fragment",
    "merge",
    "merge_json",
    "to_graphml",
    "to_networkx",
    "to_pandas",
    "__version__",
]

Fragment = Dict[str, Any]
Graph = Dict[str, Any]
Doc = Union[str, Mapping[str, Any]]


def is_fragment(obj: Mapping[str, Any]) -> bool:
    """True for one document's fragment (it has ``doc``), false for a graph."""
    return "doc" in obj


def _text(obj: Union[Mapping[str, Any], str]) -> str:
    return obj if isinstance(obj, str) else _json.dumps(obj, ensure_ascii=False)


class Extractor:
    """Gazetteers, languages and compiled automata: load once, extract many.

    ``gazetteers`` are paths of your own gazetteer files (as ``--gazetteer``);
    ``default_gazetteers=False`` leaves the shipped ones out (as
    ``--no-default-gazetteers``). Errors raise :class:`PactgraphError` with the
    CLI's message.

    An ``Extractor`` is safe to share between threads; extraction releases
    the GIL.
    """

    def __init__(self, gazetteers: Sequence[Any] = (), default_gazetteers: bool = True) -> None:
        self._native = _pactgraph.Extractor([str(p) for p in gazetteers], default_gazetteers)

    @property
    def gazetteer_size(self) -> int:
        """Number of gazetteer entries loaded."""
        return self._native.gazetteer_size

    def extract(
        self,
        text: str,
        doc_id: Optional[str] = None,
        doc_date: Union[str, "datetime.date", None] = None,
        lang: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Fragment:
        """One document's fragment (its actors and agreements) as a dict.

        ``doc_id`` defaults to ``"-"`` (the CLI's id for stdin); ``doc_date``
        (``yyyy-mm-dd``, an ISO 8601 timestamp, or a ``datetime.date``)
        anchors relative dates; ``lang``
        skips language detection.
        """
        if doc_date is not None and not isinstance(doc_date, str):
            doc_date = doc_date.isoformat()  # a datetime.date or datetime
        return _json.loads(self._native.extract_json(text, doc_id, doc_date, lang, url))

    def extract_jsonl(self, line: str, name: str = "-", line_no: int = 1) -> Fragment:
        """A JSONL line (``{"id", "text", "date"?, "lang"?, "url"?}``) read as
        ``pactgraph extract`` reads line ``line_no`` of file ``name``."""
        return _json.loads(self._native.extract_jsonl(line, name, line_no))

    def extract_many(self, docs: Iterable[Doc]) -> Iterator[Fragment]:
        """Fragments of many documents, lazily, in order.

        Each item is a text, or a mapping with JSONL's fields (``text``, and
        ``id``, ``date``, ``lang``, ``url`` if known). They are read as
        ``pactgraph extract --input jsonl -`` reads stdin: a document without an
        ``id`` gets ``-:N`` (N counting from 1), and a bad item raises
        :class:`PactgraphError` with the CLI's message (``-: line N: ...``).
        """
        for n, doc in enumerate(docs, 1):
            item = {"text": doc} if isinstance(doc, str) else doc
            # dates (datetime.date, datetime) as ISO 8601 text, read as JSONL's `date`
            line = _json.dumps(item, ensure_ascii=False, default=_iso)
            yield self.extract_jsonl(line, "-", n)


def _iso(v: Any) -> str:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    raise TypeError(f"{type(v).__name__} is not JSON serializable")


def merge(graphs: Iterable[Union[Fragment, Graph, str]]) -> Graph:
    """Fragments and graphs (dicts, or their JSON text) merged into one graph.

    Merging is associative and commutative: shards merged in any order and
    grouping give the graph one run over all documents gives. Two fragments
    of the same document raise :class:`PactgraphError`.
    """
    return _json.loads(merge_json(graphs))


def merge_json(graphs: Iterable[Union[Fragment, Graph, str]]) -> str:
    """:func:`merge`, giving the graph's JSON text as the CLI writes it."""
    return _pactgraph.merge_json([_text(g) for g in graphs])


def dumps(obj: Union[Fragment, Graph]) -> str:
    """A fragment or graph as the CLI writes it: a graph as ``--format json``
    (pretty, with a final newline), a fragment as one ``--format jsonl`` line
    (without the newline)."""
    if is_fragment(obj):
        return _pactgraph.fragment_json(_text(obj))
    return _pactgraph.merge_json([_text(obj)])


def to_graphml(obj: Union[Fragment, Graph]) -> str:
    """A graph (or fragment) as ``--format graphml`` writes it."""
    b = _pactgraph.GraphBuilder()
    b.add_json(_text(obj))
    return b.to_graphml()


def html_to_text(html: str) -> str:
    """HTML stripped to text as ``pactgraph extract`` reads ``.html`` files."""
    return _pactgraph.html_to_text(html)


def _as_graph(obj: Union[Fragment, Graph]) -> Graph:
    return merge([obj]) if is_fragment(obj) else obj


def _flat(v: Any) -> Any:
    """A GraphML/GEXF-safe value: lists of strings joined by ``|``, other lists
    and dicts as JSON text, ``None`` dropped (returned as ``None``)."""
    if isinstance(v, (list, tuple, set)):
        items = list(v)
        if all(isinstance(x, str) for x in items):
            return "|".join(items)
        return _json.dumps(items, ensure_ascii=False, sort_keys=True)
    if isinstance(v, dict):
        return _json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def _attrs(d: Mapping[str, Any], skip: Sequence[str], flatten: bool) -> Dict[str, Any]:
    out = {}
    for k, v in d.items():
        if k in skip:
            continue
        if flatten:
            v = _flat(v)
            if v is None:
                continue
        out[k] = v
    return out


def to_networkx(graph: Union[Fragment, Graph], view: str = "full", flatten: bool = False):
    """The graph as networkx.

    - ``view="full"``: a ``MultiDiGraph`` of actors and agreements, edges
      keyed by relation (``party_to``, ``signatory_of``, ``partners_with``,
      ``member_of``), as ``networkx.node_link_graph`` would load the JSON.
    - ``view="partners"``: an undirected ``Graph`` of every actor, with an
      edge between two actors that are parties to a shared agreement; the
      edge holds ``weight`` (how many agreements) and ``agreements`` (the
      agreements' dicts: ``id``, ``label``, ``agreement_kind``, ``status``,
      ``date``). Actors with no partner are isolated nodes
      (``G.remove_nodes_from(list(nx.isolates(G)))`` drops them).

    ``flatten=True`` makes every attribute GraphML/GEXF-safe, so that
    ``nx.write_graphml`` and ``nx.write_gexf`` work: lists of strings become
    ``|``-joined strings, lists of dicts (mentions, evidence, a partner edge's
    agreements) JSON text, and null values are left out. Without it,
    attributes keep the contract's lists and dicts, which those writers refuse.
    """
    import networkx as nx

    g = _as_graph(graph)
    if view == "full":
        G = nx.MultiDiGraph()
        G.graph.update(_attrs(g.get("graph", {}), (), flatten))
        for n in g["nodes"]:
            G.add_node(n["id"], **_attrs(n, ("id",), flatten))
        for e in g["edges"]:
            G.add_edge(e["source"], e["target"], key=e["key"], **_attrs(e, ("source", "target", "key"), flatten))
        return G
    if view == "partners":
        G = nx.Graph()
        G.graph.update(_attrs(g.get("graph", {}), (), flatten))
        G.graph["view"] = "partners"
        agreements = {n["id"]: n for n in g["nodes"] if n["kind"] == "agreement"}
        for n in g["nodes"]:
            if n["kind"] == "actor":
                G.add_node(n["id"], **_attrs(n, ("id",), flatten))
        for e in g["edges"]:
            if e["relation"] != "partners_with":
                continue
            ags = [
                {k: agreements[a].get(k) for k in ("id", "label", "agreement_kind", "status", "date")}
                for a in e.get("agreements", [])
            ]
            data = {"weight": e.get("weight", len(ags)), "agreements": ags}
            if flatten:
                data["agreements"] = "|".join(a["id"] for a in ags)
                data["labels"] = "|".join(a["label"] for a in ags)
            G.add_edge(e["source"], e["target"], **data)
        return G
    raise ValueError(f"view must be 'full' or 'partners', not {view!r}")


class Frames(NamedTuple):
    """:func:`to_pandas`'s tables."""

    actors: Any
    agreements: Any
    edges: Any


def to_pandas(graph: Union[Fragment, Graph]) -> Frames:
    """The graph as three pandas DataFrames (pandas is imported only here).

    - ``actors``: one row per actor: ``id``, ``label``, ``type``, ``country``,
      ``discovered``, ``aliases`` (list), ``member_of`` (list), ``mentions``
      (count), ``documents`` (sorted list of document ids).
    - ``agreements``: ``id``, ``label``, ``agreement_kind``, ``status``,
      ``date``, ``topics``, ``parties``, ``signatories`` (lists), ``evidence``
      (count), ``documents`` (sorted list).
    - ``edges``: ``source``, ``target``, ``relation``, ``weight`` (partner
      edges; else null), ``agreements`` (partner edges: list; else empty).
    """
    import pandas as pd

    g = _as_graph(graph)
    actors: List[Dict[str, Any]] = []
    agreements: List[Dict[str, Any]] = []
    for n in g["nodes"]:
        if n["kind"] == "actor":
            actors.append(
                {
                    "id": n["id"],
                    "label": n["label"],
                    "type": n["type"],
                    "country": n.get("country"),
                    "discovered": n.get("discovered", False),
                    "aliases": list(n.get("aliases", [])),
                    "member_of": list(n.get("member_of", [])),
                    "mentions": len(n.get("mentions", [])),
                    "documents": sorted({m["doc"] for m in n.get("mentions", [])}),
                }
            )
        else:
            agreements.append(
                {
                    "id": n["id"],
                    "label": n["label"],
                    "agreement_kind": n["agreement_kind"],
                    "status": n["status"],
                    "date": n.get("date"),
                    "topics": list(n.get("topics", [])),
                    "parties": list(n.get("parties", [])),
                    "signatories": list(n.get("signatories", [])),
                    "evidence": len(n.get("evidence", [])),
                    "documents": sorted({e["doc"] for e in n.get("evidence", [])}),
                }
            )
    edges = [
        {
            "source": e["source"],
            "target": e["target"],
            "relation": e["relation"],
            "weight": e.get("weight"),
            "agreements": list(e.get("agreements", [])),
        }
        for e in g["edges"]
    ]
    cols = {
        "actors": ["id", "label", "type", "country", "discovered", "aliases", "member_of", "mentions", "documents"],
        "agreements": [
            "id",
            "label",
            "agreement_kind",
            "status",
            "date",
            "topics",
            "parties",
            "signatories",
            "evidence",
            "documents",
        ],
        "edges": ["source", "target", "relation", "weight", "agreements"],
    }
    return Frames(
        actors=pd.DataFrame(actors, columns=cols["actors"]),
        agreements=pd.DataFrame(agreements, columns=cols["agreements"]),
        edges=pd.DataFrame(edges, columns=cols["edges"]),
    )
