#!/usr/bin/env python3
"""Quality gate over the independent scorer: runs ../shared/eval/score.py with the
given arguments (plus --json) and fails when a figure is below its minimum.

usage: gate.py KEY=MIN[,KEY=MIN...] -- SCORE_ARGS...
KEY is agreement_f1, edge_f1, actor_p, actor_r, actor_f1, or kind, status or
date (accuracy on matched agreements).
"""
import json, pathlib, subprocess, sys

def main():
    if len(sys.argv) < 3 or sys.argv[2] != "--":
        sys.exit(__doc__)
    mins = dict(kv.split("=") for kv in sys.argv[1].split(","))
    score = pathlib.Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"
    r = subprocess.run([sys.executable, str(score), *sys.argv[3:], "--json"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"gate: score.py failed ({r.returncode}): {r.stderr.strip()}")
    out = json.loads(r.stdout)
    if out.get("errors"):
        sys.exit(f"gate: pactgraph failed on some files: {out['errors']}")
    got = {"agreement_f1": out["agreements"]["f1"], "edge_f1": out["edges"]["f1"],
           "actor_p": out["actors"]["p"], "actor_r": out["actors"]["r"], "actor_f1": out["actors"]["f1"]}
    for k in ("kind", "status", "date"):
        right, matched = (int(x) for x in out["attributes_on_matched"][k].split("/"))
        got[k] = right / matched if matched else 1.0
    unknown = [k for k in mins if k not in got]
    if unknown:
        sys.exit(f"gate: unknown key(s) {unknown}; known: {sorted(got)}")
    bad = [f"{k} {got[k]:.3f} < {float(v):.3f}" for k, v in mins.items() if got[k] < float(v)]
    print("gate:", ", ".join(f"{k}={got[k]:.3f} (min {float(v):.3f})" for k, v in mins.items()))
    if bad:
        sys.exit("gate: below the minimum: " + "; ".join(bad))

if __name__ == "__main__":
    main()
