#!/usr/bin/env python3
"""Why pactgraph misses gold agreements: each missed one sorted by cause.

    python3 eval/miss_causes.py DIR [DIR ...]       # totals only
    python3 eval/miss_causes.py -v DIR [DIR ...]    # and each miss's sentence

Each DIR is scored alone, like `score.py DIR --gold-gazetteer --use-published`
(the gold actors are a user gazetteer, so only the agreement rules are judged),
with the matching of `score.py` (imported from ../shared/eval). Totals print
no text, so they may be taken on a set kept unread; `-v` prints the gold's
evidence sentences. The causes:

  one-party           the gold agreement has one party (pactgraph outputs none)
  found/...           an agreement comes out of the gold's evidence sentence,
                      with other parties: missing-party, extra-party,
                      one-wrong (a party swapped), other-parties, or
                      merged (the same parties, taken by another gold agreement)
  all-named/...       every party is named in the sentence and nothing comes
                      out of it: the sentence alone gives an agreement
                      (context-lost), a trigger but no frame (no-frame), or
                      no trigger (no-trigger), as the rule trace shows
  outside/topic       a party is named only outside the sentence, and it is
                      the company the text names most; outside/other: another
  none-named          no party's name is in the sentence
"""
import collections
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

SHARED = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED))
from gold_to_gazetteer import gazetteer  # noqa: E402
from score import norm, pred_names  # noqa: E402

BIN = os.environ.get("PACTGRAPH", "target/release/pactgraph")


def run(args, text=None, trace=False):
    env = dict(os.environ, PACTGRAPH_TRACE_RULES="1") if trace else None
    r = subprocess.run([BIN, "extract", *args, "--format", "json", "-q"], input=text,
                       capture_output=True, text=True, env=env, check=True)
    return json.loads(r.stdout), r.stderr


def flat(s):
    return re.sub(r"\s+", " ", s).strip().casefold()


def named_in(names, sentence):
    return any(norm(n) and norm(n) in sentence for n in names)


def causes(directory, verbose):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as tsv:
        tsv.write(gazetteer([directory]))
    counts, examples = collections.Counter(), []
    for gp in sorted(pathlib.Path(directory).glob("*.gold.json")):
        gold = json.loads(gp.read_text())
        txt = gp.with_name(gp.name.replace(".gold.json", ".txt"))
        pub = gold.get("published") or ""
        date = ["--doc-date", pub] if re.fullmatch(r"\d{4}-\d\d-\d\d", pub) else []
        graph, _ = run([str(txt), "-g", tsv.name, *date])
        names = {a["names"][0]: a["names"] for a in gold["actors"]}
        gold_norm = {g: {norm(n) for n in ns} for g, ns in names.items()}
        pmap = {}
        for n in graph["nodes"]:
            hit = [g for g, ns in gold_norm.items() if n.get("kind") == "actor" and pred_names(n) & ns]
            if hit:
                pmap[n["id"]] = hit[0]
        parties = collections.defaultdict(set)
        for e in graph["edges"]:
            if e.get("relation") == "party_to":
                parties[e["target"]].add(pmap.get(e["source"], "?"))
        preds = [(n, frozenset(parties[n["id"]])) for n in graph["nodes"] if n.get("kind") == "agreement"]
        used, matched = set(), set()
        for gi, g in enumerate(gold["agreements"]):
            options = [frozenset(g["parties"])] + [frozenset(x) for x in g.get("alt_parties", [])]
            best = None
            for pi, (n, ps) in enumerate(preds):
                if pi in used or ps not in options:
                    continue
                s = (n.get("agreement_kind") == g.get("kind")) + (n.get("status") == g.get("status"))
                if best is None or s > best[0]:
                    best = (s, pi)
            if best:
                used.add(best[1])
                matched.add(gi)
        text = txt.read_text()
        low = text.casefold()
        mentions = {p: sum(low.count(norm(n)) for n in set(ns) if norm(n)) for p, ns in names.items()}
        topic = max(mentions, key=mentions.get) if mentions else None
        for gi, g in enumerate(gold["agreements"]):
            if gi in matched:
                continue
            want, sentence = frozenset(g["parties"]), g.get("evidence", "")
            ev = flat(sentence)
            same = [ps for n, ps in preds for e in n.get("evidence", [])
                    if e.get("rule") != "describes" and ev and (flat(e["text"]) in ev or ev in flat(e["text"]))]
            present = [p for p in want if named_in(names.get(p, [p]), sentence.casefold())]
            if len(want) == 1:
                cause = "one-party"
            elif same:
                cause = "found/" + ("merged" if want in same else "missing-party" if any(ps < want for ps in same)
                                    else "extra-party" if any(ps > want for ps in same)
                                    else "one-wrong" if any(ps & want for ps in same) else "other-parties")
            elif len(present) == len(want):
                alone, trace = run(["-", "-g", tsv.name, *date], text=sentence, trace=True)
                cause = "all-named/" + ("context-lost" if any(n.get("kind") == "agreement" for n in alone["nodes"])
                                        else "no-frame" if re.search(r"clause: noun Some|verb Some", trace)
                                        else "no-trigger")
            elif present:
                cause = "outside/topic" if topic in want and topic not in present else "outside/other"
            else:
                cause = "none-named"
            counts[cause] += 1
            if verbose:
                examples.append(f"{cause}\t{txt.name}: {sorted(want)} {g.get('kind')} | {sentence}")
    os.unlink(tsv.name)
    return counts, examples


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    dirs = [a for a in args if a != "-v"]
    if not dirs:
        sys.exit(__doc__)
    total = collections.Counter()
    for d in dirs:
        counts, examples = causes(d, verbose)
        total += counts
        print(f"{d}: {sum(counts.values())} missed: "
              + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        for e in sorted(examples):
            print("   ", e)
    if len(dirs) > 1:
        print(f"all: {sum(total.values())} missed: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))


if __name__ == "__main__":
    main()
