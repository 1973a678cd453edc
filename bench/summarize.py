#!/usr/bin/env python3
"""Turn benchmark results into the markdown tables for BENCHMARKS.md.

    summarize.py [--meta META.json] [--load LOAD.json]... [--big BIG.json] [--paired PAIRED.json] RESULTS.json...

RESULTS.json: written by ../shared/bench/run_bench.py --out (one per corpus).
LOAD.json:    a pactgraph_ref.py --load-runs line, with "entries" added by run.sh.
BIG.json:     run_bench.py output of the 1 GB pactgraph-only run.
PAIRED.json:  run_bench.py output of the paired rounds (the raw scan and pactgraph --jobs 1
              alone, back to back, the order swapped each round).
META.json:    machine / version facts written by run.sh.

Ratios are taken round by round (both runs in the same round, so under the same machine
state) and the median is reported, as run_bench.py does:
  ÷ rust_ac    method MB/s ÷ rust_ac MB/s            (--ref-name, default rust_ac)
  ÷ spaCy PM   method MB/s ÷ spacy_phrasematcher MB/s (--spacy-name)
  j2/j1        pactgraph_j2 MB/s ÷ pactgraph_j1 MB/s  (--jobs-pair)
"""
import argparse
import json
import statistics


def mbps(run):
    return run["bytes"] / run["scan_s"] / 1e6


def round_pairs(runs, a, b):
    """(run of a, run of b, MB/s(a) / MB/s(b)) for each round both ran, in round order."""
    if a not in runs or b not in runs:
        return []
    by_round = {r["round"]: r for r in runs[b]}
    return [(x, by_round[x["round"]], mbps(x) / mbps(by_round[x["round"]]))
            for x in sorted(runs[a], key=lambda r: r["round"]) if x["round"] in by_round]


def paired_ratio(runs, a, b):
    """Median over rounds of MB/s(a) / MB/s(b), pairing runs of the same round."""
    rs = [ratio for _, _, ratio in round_pairs(runs, a, b)]
    return statistics.median(rs) if rs else None


def fmt(v, spec, dash="–"):
    return dash if v is None else format(v, spec)


def fmt_matches(s):
    m = [x for x in s.get("matches", []) if x is not None]
    txt = ",".join(f"{x:,}" for x in m) if m else "–"
    if s.get("matches_bounded") is not None:
        txt += f" raw / {s['matches_bounded']:,} word-bounded"
    return txt


def results_table(res, ref_name, spacy_name, jobs_pair):
    runs, summary = res["runs"], res["summary"]
    names = list(summary)
    first = summary[names[0]]
    lines = [f"### {res['corpus']} corpus ({first['bytes'] / 1e6:.1f} MB, "
             f"{first.get('docs') or 0:,} docs, {res['rounds']} rounds)", "",
             "| method | MB/s (min–max) | docs/s | build s | peak RSS MiB | ÷ rust_ac | ÷ spaCy PM | timing | matches |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for n in names:
        s = summary[n]
        timing = runs[n][0].get("timing", "in-process")
        lines.append(
            f"| {n} | {s['MBps_median']:.2f} ({s['MBps_min']:.2f}–{s['MBps_max']:.2f}) | "
            f"{fmt(s.get('docs_per_s_median'), ',.0f')} | {s['build_s_median']:.2f} | "
            f"{s['peak_rss_MiB_median']:.0f} | "
            f"{'1' if n == ref_name else fmt(paired_ratio(runs, n, ref_name), '.3f')} | "
            f"{'1' if n == spacy_name else fmt(paired_ratio(runs, n, spacy_name), '.2f')} | "
            f"{timing} | {fmt_matches(s)} |")
    a, b = jobs_pair
    sp = paired_ratio(runs, a, b)
    if sp is not None:
        lines += ["", f"{a} / {b} throughput (median of per-round ratios): **{sp:.2f}×**"]
    extra = []
    for n in names:
        r0 = runs[n][0]
        if "pactgraph_wall_s" in r0:
            w = statistics.median(r["pactgraph_wall_s"] for r in runs[n])
            extra.append(f"{n}: pactgraph process end to end {w:.2f} s "
                         f"({first['bytes'] / 1e6 / w:.1f} MB/s incl. load and output)")
        if "memchr_MBps" in r0:
            extra.append(f"{n}: memchr newline count {statistics.median(r['memchr_MBps'] for r in runs[n]):,.0f} MB/s "
                         f"(bandwidth floor); automaton {r0.get('ac_kind')} "
                         f"{r0.get('ac_heap_bytes', 0) / 2**20:.1f} MiB, {r0.get('patterns', 0):,} patterns")
    if extra:
        lines += [""] + [f"- {e}" for e in extra]
    return lines


def paired_table(res, ref_name, name="pactgraph_j1"):
    """Each paired round's MB/s of both and their ratio, and the median ratio."""
    runs = res["runs"]
    pairs = round_pairs(runs, name, ref_name)
    if not pairs:
        return []
    lines = [f"### Paired rounds: {name} and {ref_name} alone, back to back ({res['rounds']} rounds)", "",
             f"| round | first | {ref_name} MB/s | {name} MB/s | ÷ {ref_name} |",
             "|---:|---|---:|---:|---:|"]
    ratios = [ratio for _, _, ratio in pairs]
    for x, ref, ratio in pairs:
        # run_bench.py starts round r with the r-th method (in the order they were given)
        first = list(runs)[x["round"] % len(runs)]
        lines.append(f"| {x['round']} | {first} | {mbps(ref):.2f} | {mbps(x):.2f} | {ratio:.3f} |")
    lines += ["", f"{name} ÷ {ref_name}, median of the paired rounds: **{statistics.median(ratios):.3f}** "
                  f"(min {min(ratios):.3f}, max {max(ratios):.3f})"]
    return lines


def load_table(loads):
    lines = ["### Gazetteer load (fresh process each run)", "",
             "| entries | files | how | runs | median wall s | min wall s | load_s (stats) | peak RSS MiB | check says |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---|"]
    for d in loads:
        lines.append(f"| {d.get('entries', 0):,} | {d['files']} | {d['load_with']} | {d['runs']} | "
                     f"{d['wall_s_median']:.2f} | {d['wall_s_min']:.2f} | "
                     f"{fmt(d.get('load_s_median'), '.2f')} | {d['peak_rss_kb_median'] / 1024:.0f} | "
                     f"{d.get('check_summary', '–')} |")
    return lines


def big_table(res):
    lines = ["### 1 GB corpus, pactgraph only, one run", "",
             "| run | MB | docs | MB/s | scan s | load s | wall s (time -v) | peak RSS MiB | timing | mentions |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    for n, rs in res["runs"].items():
        for r in rs:
            lines.append(f"| {n} | {r['bytes'] / 1e6:,.0f} | {r.get('docs') or 0:,} | {mbps(r):.2f} | "
                         f"{r['scan_s']:.1f} | {r.get('build_s', 0):.2f} | {r['wall_s']:.1f} | "
                         f"{r['peak_rss_kb'] / 1024:,.0f} | {r.get('timing', '–')} | "
                         f"{fmt(r.get('matches'), ',')} |")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", nargs="*")
    ap.add_argument("--meta")
    ap.add_argument("--load", action="append", default=[])
    ap.add_argument("--big")
    ap.add_argument("--paired")
    ap.add_argument("--ref-name", default="rust_ac")
    ap.add_argument("--spacy-name", default="spacy_phrasematcher")
    ap.add_argument("--jobs-pair", default="pactgraph_j2,pactgraph_j1")
    args = ap.parse_args()
    out = []
    if args.meta:
        with open(args.meta) as f:
            m = json.load(f)
        out += ["## Benchmark run", ""] + [f"- {k}: {v}" for k, v in m.items()] + [""]
    for p in args.results:
        with open(p) as f:
            out += results_table(json.load(f), args.ref_name, args.spacy_name,
                                 args.jobs_pair.split(",")) + [""]
    if args.paired:
        with open(args.paired) as f:
            out += paired_table(json.load(f), args.ref_name) + [""]
    loads = []
    for p in args.load:
        with open(p) as f:
            loads += [json.loads(line) for line in f if line.strip()]
    if loads:
        out += load_table(loads) + [""]
    if args.big:
        with open(args.big) as f:
            out += big_table(json.load(f)) + [""]
    out += ["MB/s = 10^6 bytes of UTF-8 text per second of scan time (pactgraph: extract_s from "
            "--stats, or the whole process when timing = wall). Peak RSS from /usr/bin/time -v "
            "includes the corpus held in memory by the Python baselines and rawscan."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
