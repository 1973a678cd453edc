#!/usr/bin/env python3
"""pactgraph as a `run_bench.py --ref` command, and gazetteer load timing.

Extract mode (default) runs

    BIN extract --no-default-gazetteers -g GAZ [-g GAZ2 ...] CORPUS.jsonl --jobs N -o OUT --stats

reads the `--stats` line (the last JSON object on stderr:
{"docs","bytes","failed","load_s","extract_s","actors","agreements","mentions"}) and prints one
JSON line on stdout for run_bench.py:

    bytes, docs, build_s (= load_s), scan_s (= extract_s), matches (= mentions), agreements,
    actors, failed, jobs, timing ("stats" or "wall"), pactgraph_wall_s (the pactgraph process
    alone, end to end), pactgraph_peak_rss_kb, wall_s (run_bench.py replaces it with
    /usr/bin/time's figure, which includes this wrapper's start-up)

If there is no stats line (a binary without --stats, or --no-stats) the wrapper falls back to
wall-clock: scan_s = pactgraph_wall_s, build_s = 0, bytes/docs counted from the JSONL texts
(UTF-8 bytes of "text", like bench_baselines.py), matches = null. `--timing stats` makes a
missing stats line an error instead.

Load mode (--load-runs K) times gazetteer loading K times and prints the medians:
  --load-with check    BIN gazetteer check --no-default-gazetteers GAZ...   (wall clock)
  --load-with extract  BIN extract ... on a one-document JSONL with --stats (load_s and wall)

Examples:
  pactgraph_ref.py --bin target/release/pactgraph --gaz-list target/bench-data/gazetteer.pactgraph.files \\
      --jobs 2 target/bench-data/corpus_slice.jsonl
  pactgraph_ref.py --bin target/release/pactgraph --gaz-list GAZ.files --load-runs 5 --load-with check
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BIN = os.path.join(os.path.dirname(HERE), "target", "release", "pactgraph")
STATS_KEYS = ("docs", "bytes", "load_s", "extract_s")


def gazetteer_args(args):
    paths = list(args.gaz)
    for lst in args.gaz_list:
        base = os.path.dirname(lst)
        with open(lst, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    # paths in a list file are as the converter wrote them (relative to the
                    # cwd it ran in); fall back to the list's own folder
                    paths.append(line if os.path.exists(line) else os.path.join(base, os.path.basename(line)))
    if not paths:
        raise SystemExit("pactgraph_ref: give a gazetteer with -g/--gaz or --gaz-list")
    out = []
    for p in paths:
        out += ["-g", p]
    return out, paths


def stats_line(stderr):
    """The last stderr line that is a JSON object with the --stats keys, or None."""
    for line in reversed(stderr.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                d = json.loads(line)
            except ValueError:
                continue
            if isinstance(d, dict) and all(k in d for k in STATS_KEYS):
                return d
    return None


def run_timed(cmd):
    """Runs cmd; returns (CompletedProcess, wall seconds, peak RSS KiB of the children so far)."""
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    wall = time.perf_counter() - t
    return p, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def fail(cmd, p):
    sys.stderr.write(p.stderr[-3000:])
    raise SystemExit(f"pactgraph_ref: command failed ({p.returncode}): {' '.join(cmd)}")


def count_jsonl(path):
    docs = nbytes = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs += 1
                nbytes += len(json.loads(line)["text"].encode("utf-8"))
    return docs, nbytes


def extract(args):
    gargs, _ = gazetteer_args(args)
    with tempfile.TemporaryDirectory(prefix="pactgraph_ref.") as tmp:
        out = args.output or os.path.join(tmp, "graph.json")
        cmd = [args.bin, "extract", "--no-default-gazetteers", *gargs, args.corpus]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        cmd += ["-o", out]
        if args.timing != "wall":
            cmd.append("--stats")
        cmd += args.extra
        p, wall, rss = run_timed(cmd)
        if p.returncode != 0:
            fail(cmd, p)
        st = stats_line(p.stderr) if args.timing != "wall" else None
        if st is None and args.timing == "stats":
            sys.stderr.write(p.stderr[-2000:])
            raise SystemExit("pactgraph_ref: no --stats JSON line on stderr")
        wall = round(wall, 6)
        res = {"jobs": args.jobs, "pactgraph_wall_s": wall, "wall_s": wall,
               "pactgraph_peak_rss_kb": rss, "command": cmd}
        if st is not None:
            res.update(timing="stats", bytes=st["bytes"], docs=st["docs"], build_s=st["load_s"],
                       scan_s=st["extract_s"], matches=st.get("mentions"),
                       agreements=st.get("agreements"), actors=st.get("actors"),
                       failed=st.get("failed"))
        else:
            docs, nbytes = count_jsonl(args.corpus)
            res.update(timing="wall", bytes=nbytes, docs=docs, build_s=0.0, scan_s=wall,
                       matches=None)
        if args.output is None:
            res["output_bytes"] = os.path.getsize(out) if os.path.exists(out) else None
    print(json.dumps(res))


def load_timing(args):
    gargs, paths = gazetteer_args(args)
    runs = []
    with tempfile.TemporaryDirectory(prefix="pactgraph_ref.") as tmp:
        if args.load_with == "check":
            cmd = [args.bin, "gazetteer", "check", "--no-default-gazetteers", *paths]
        else:
            doc = os.path.join(tmp, "one.jsonl")
            with open(doc, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": "d1", "text": "Japan and Sweden signed a memorandum of understanding."}) + "\n")
            cmd = [args.bin, "extract", "--no-default-gazetteers", *gargs, doc,
                   "--jobs", "1", "-o", os.path.join(tmp, "out.json"), "--stats"]
        for _ in range(args.load_runs):
            # a fresh process each time; RSS measured per run with wait4
            t = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _, status, ru = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t
            out, err = proc.stdout.read(), proc.stderr.read().decode("utf-8", "replace")
            proc.stdout.close()
            proc.stderr.close()
            code = os.waitstatus_to_exitcode(status)
            if code != 0:
                sys.stderr.write(err[-3000:])
                raise SystemExit(f"pactgraph_ref: command failed ({code}): {' '.join(cmd)}")
            r = {"wall_s": wall, "peak_rss_kb": ru.ru_maxrss}
            if args.load_with == "extract":
                st = stats_line(err)
                if st is None:
                    raise SystemExit("pactgraph_ref: no --stats JSON line on stderr")
                r["load_s"] = st["load_s"]
            else:
                r["summary"] = err.strip().splitlines()[-1] if err.strip() else ""
            runs.append(r)
    res = {"load_with": args.load_with, "runs": len(runs), "files": len(paths),
           "wall_s_median": statistics.median(r["wall_s"] for r in runs),
           "wall_s_min": min(r["wall_s"] for r in runs),
           "peak_rss_kb_median": statistics.median(r["peak_rss_kb"] for r in runs),
           "per_run": runs, "command": cmd}
    if args.load_with == "extract":
        res["load_s_median"] = statistics.median(r["load_s"] for r in runs)
    else:
        res["check_summary"] = runs[-1]["summary"]
    print(json.dumps(res))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", help="CORPUS.jsonl (extract mode)")
    ap.add_argument("--bin", default=DEFAULT_BIN, help="the pactgraph binary (default: %(default)s)")
    ap.add_argument("-g", "--gaz", action="append", default=[], help="a gazetteer file (repeatable)")
    ap.add_argument("--gaz-list", action="append", default=[],
                    help="a file listing gazetteer files, one a line (convert_gazetteer.py writes one)")
    ap.add_argument("--jobs", type=int, default=1, help="--jobs N for extract (0: leave the flag out)")
    ap.add_argument("-o", "--output", help="keep extract's output here (default: a temp file, removed)")
    ap.add_argument("--timing", choices=["auto", "stats", "wall"], default="auto",
                    help="auto: use --stats, fall back to wall clock without a stats line; "
                         "stats: require it; wall: do not pass --stats")
    ap.add_argument("--load-runs", type=int, default=0, metavar="K", help="load mode: K timed runs")
    ap.add_argument("--load-with", choices=["check", "extract"], default="check")
    ap.add_argument("extra", nargs=argparse.REMAINDER, help="after --: extra arguments for extract")
    args = ap.parse_args()
    if args.extra and args.extra[0] == "--":
        args.extra = args.extra[1:]
    if args.load_runs:
        load_timing(args)
    elif args.corpus:
        extract(args)
    else:
        ap.error("give CORPUS.jsonl, or --load-runs K")


if __name__ == "__main__":
    main()
