#!/usr/bin/env python3
"""A stand-in for `pactgraph` with the benchmark flags, for testing bench/pactgraph_ref.py.

Understands `extract --no-default-gazetteers -g GAZ... CORPUS.jsonl --jobs N -o OUT --stats` and
`gazetteer check --no-default-gazetteers PATH...`. Counts every gazetteer name/alias occurrence
(case-sensitive substring, for a deterministic number) as a "mention". FAKE_NO_STATS=1 makes it
ignore --stats (like a binary without the flag); FAKE_FAIL=1 makes extract exit 1.
"""
import json
import os
import sys
import time


def main():
    argv = sys.argv[1:]
    if argv[:2] == ["gazetteer", "check"]:
        paths = [a for a in argv[2:] if not a.startswith("--")]
        for p in paths:
            open(p).close()
        print("0 errors, 0 warnings", file=sys.stderr)
        return 0
    if not argv or argv[0] != "extract":
        print(f"fake_pactgraph: unsupported {argv}", file=sys.stderr)
        return 2
    if os.environ.get("FAKE_FAIL"):
        print("fake_pactgraph: failing as asked", file=sys.stderr)
        return 1
    gaz, inputs, out, stats, jobs = [], [], None, False, 1
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("-g", "--gazetteer"):
            gaz.append(argv[i + 1]); i += 2
        elif a in ("-o", "--output"):
            out = argv[i + 1]; i += 2
        elif a == "--jobs":
            jobs = int(argv[i + 1]); i += 2
        elif a == "--stats":
            stats = True; i += 1
        elif a.startswith("--"):
            i += 1
        else:
            inputs.append(a); i += 1
    t0 = time.perf_counter()
    names = []
    for g in gaz:
        for line in open(g, encoding="utf-8").read().splitlines()[1:]:
            cols = line.split("\t")
            names.append(cols[2])
            names += [a for a in (cols[3].split("|") if len(cols) > 3 and cols[3] else [])]
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = nbytes = mentions = 0
    for p in inputs:
        for line in open(p, encoding="utf-8"):
            text = json.loads(line)["text"]
            docs += 1
            nbytes += len(text.encode("utf-8"))
            mentions += sum(text.count(n) for n in names)
    extract_s = time.perf_counter() - t0
    with open(out, "w") as f:
        json.dump({"directed": True, "nodes": [], "links": [], "jobs": jobs}, f)
    print("fake_pactgraph: some progress chatter", file=sys.stderr)
    if stats and not os.environ.get("FAKE_NO_STATS"):
        print(json.dumps({"docs": docs, "bytes": nbytes, "failed": 0, "load_s": load_s,
                          "extract_s": extract_s, "actors": 0, "agreements": 0,
                          "mentions": mentions}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
