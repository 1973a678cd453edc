#!/usr/bin/env python3
"""Self-test of the benchmark scripts (no pactgraph build, no generated data needed).

    python3 bench/tests/test_bench.py
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
FAKE = os.path.join(HERE, "fake_pactgraph.py")
GAZ = "O000000\tAcme Batteries\tACME|Acme\nP000001\tAnna Berg\tA. Berg\nP000002\tOlof Berg\tO. Berg\nL000003\tJapan\tNippon\nG000004\tEnergimyndigheten\tSwedish Energy Agency\n"
DOCS = [{"id": "d1", "text": "Acme Batteries and Japan signed an MoU."},
        {"id": "d2", "text": "Energimyndigheten och Anna Berg: Åsa väntar."}]


def run(*cmd, env=None, check=True):
    p = subprocess.run([sys.executable, *cmd], capture_output=True, text=True,
                       env={**os.environ, **(env or {})})
    if check and p.returncode != 0:
        raise AssertionError(f"{cmd} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p


class Bench(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        self.gaz = os.path.join(d, "gazetteer.tsv")
        with open(self.gaz, "w", encoding="utf-8") as f:
            f.write(GAZ)
        self.jsonl = os.path.join(d, "corpus.jsonl")
        with open(self.jsonl, "w", encoding="utf-8") as f:
            for doc in DOCS:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        self.out = os.path.join(d, "gazetteer.pactgraph.tsv")
        run(os.path.join(BENCH, "convert_gazetteer.py"), self.gaz, self.out)
        self.files = os.path.join(d, "gazetteer.pactgraph.files")

    def tearDown(self):
        self.tmp.cleanup()

    def test_convert(self):
        with open(self.files) as f:
            files = f.read().split()
        # two persons with the surname Berg: the second goes to a shard
        self.assertEqual(files, [self.out, self.out[:-4] + ".p02.tsv"])
        with open(self.out, encoding="utf-8") as f:
            main = f.read().splitlines()
        self.assertEqual(main[0], "id\ttype\tname\taliases\tcountry\taffiliation\tnote")
        self.assertIn("o000000\torganization\tAcme Batteries\tACME|Acme", main)
        self.assertIn("l000003\tcountry\tJapan\tNippon", main)
        self.assertIn("g000004\tgovernment\tEnergimyndigheten\tSwedish Energy Agency", main)
        self.assertIn("p000001\tperson\tAnna Berg\tA. Berg", main)
        with open(files[1], encoding="utf-8") as f:
            shard = f.read().splitlines()
        self.assertEqual(shard[1:], ["p000002\tperson\tOlof Berg\tO. Berg"])

    def test_convert_rejects_flag_like_aliases(self):
        bad = os.path.join(self.tmp.name, "bad.tsv")
        with open(bad, "w") as f:
            f.write("O000001\tWho\tWho?|=Eq|Tag@sv\n")
        p = run(os.path.join(BENCH, "convert_gazetteer.py"), bad, bad + ".out", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("3 errors", p.stderr)
        self.assertFalse(os.path.exists(bad + ".out"))

    def ref(self, *extra, env=None, check=True):
        p = run(os.path.join(BENCH, "pactgraph_ref.py"), "--bin", FAKE, "--gaz-list", self.files,
                *extra, env=env, check=check)
        if not check:
            return p
        lines = p.stdout.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stdout)
        return json.loads(lines[0])

    def test_ref_with_stats(self):
        r = self.ref("--jobs", "2", self.jsonl)
        self.assertEqual(r["timing"], "stats")
        self.assertEqual(r["docs"], 2)
        self.assertEqual(r["bytes"], sum(len(d["text"].encode()) for d in DOCS))
        # Acme Batteries, Acme (substring), Japan, Energimyndigheten, Anna Berg
        self.assertEqual(r["matches"], 5)
        self.assertEqual(r["jobs"], 2)
        for k in ("scan_s", "build_s", "pactgraph_wall_s", "agreements"):
            self.assertIn(k, r)
        self.assertIn("--stats", r["command"])
        self.assertEqual(r["command"].count("-g"), 2)

    def test_ref_falls_back_to_wall_clock(self):
        r = self.ref(self.jsonl, env={"FAKE_NO_STATS": "1"})
        self.assertEqual(r["timing"], "wall")
        self.assertEqual(r["scan_s"], r["pactgraph_wall_s"])
        self.assertEqual(r["docs"], 2)
        self.assertEqual(r["bytes"], sum(len(d["text"].encode()) for d in DOCS))
        self.assertIsNone(r["matches"])
        p = self.ref("--timing", "stats", self.jsonl, env={"FAKE_NO_STATS": "1"}, check=False)
        self.assertNotEqual(p.returncode, 0)
        r = self.ref("--timing", "wall", "--jobs", "0", self.jsonl)
        self.assertNotIn("--stats", r["command"])
        self.assertNotIn("--jobs", r["command"])

    def test_ref_reports_failure(self):
        p = self.ref(self.jsonl, env={"FAKE_FAIL": "1"}, check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("failing as asked", p.stderr)

    def test_load_timing(self):
        r = self.ref("--load-runs", "3", "--load-with", "check")
        self.assertEqual(r["runs"], 3)
        self.assertEqual(r["files"], 2)
        self.assertEqual(r["check_summary"], "0 errors, 0 warnings")
        r = self.ref("--load-runs", "2", "--load-with", "extract")
        self.assertIn("load_s_median", r)

    def test_paired_table(self):
        # two rounds: rust_ac first in round 0, pactgraph_j1 first in round 1
        res = {"rounds": 2, "runs": {
            "rust_ac": [{"round": 0, "bytes": 100e6, "scan_s": 1.0},
                        {"round": 1, "bytes": 100e6, "scan_s": 1.25}],
            "pactgraph_j1": [{"round": 1, "bytes": 100e6, "scan_s": 2.0},
                             {"round": 0, "bytes": 100e6, "scan_s": 2.5}]}}
        path = os.path.join(self.tmp.name, "paired.json")
        with open(path, "w") as f:
            json.dump(res, f)
        out = run(os.path.join(BENCH, "summarize.py"), "--paired", path).stdout
        self.assertIn("| 0 | rust_ac | 100.00 | 40.00 | 0.400 |", out)
        self.assertIn("| 1 | pactgraph_j1 | 80.00 | 50.00 | 0.625 |", out)
        self.assertIn("median of the paired rounds: **0.512** (min 0.400, max 0.625)", out)


if __name__ == "__main__":
    unittest.main()
