#!/usr/bin/env python3
"""Convert the benchmark gazetteer to pactgraph's gazetteer TSV (gazetteers/README.md).

The bench generator (../shared/bench/gen_bench_data.py) writes `id<TAB>name<TAB>alias1|alias2`
with no header; the id's first letter gives the type. pactgraph wants

    id	type	name	aliases	country	affiliation	note

- type: O -> organization, G -> government, P -> person, L -> country
- id:   lower-cased bench id (`O000123` -> `o000123`), which is a valid `[a-z0-9][a-z0-9_.-]*`
- name and aliases are kept verbatim, without flags, so pactgraph applies its own case rules
  (an alias with no lower-case letter and >= 2 capitals is an acronym and is matched
  case-sensitively; everything else is Unicode case-folded). An alias equal to the name is
  dropped (the name is matched anyway). An alias that pactgraph would read as flags
  (leading `=`/`~`, trailing `?`, `@xx` tag) cannot be written and is an error.

Person shards. pactgraph adds every person's surname (last word of the name, >= 3 chars) as a
gated alias, and `gazetteer check` / loading reject two entities of the *same file* claiming one
alias, even when both claims are these automatic gated surnames (the bench has 152 surnames for
3,987 persons). Across files the same claim is only a note, and the matcher keeps every claimant
anyway (a gated candidate is taken only for an entity already named in the document), so by
default the converter writes OUT with every non-person and the first person of each surname, and
OUT-stem.pNN.tsv shards so that no shard repeats a surname. All files, in load order, are listed
in OUT-stem.files (one path per line); pass each with `-g`. `--single-file` writes everything
into OUT (which pactgraph rejects while that rule stands).

Usage:
  convert_gazetteer.py IN.tsv OUT.tsv
  convert_gazetteer.py --scale 100000 [--seed 42] [--gen-dir DIR] OUT.tsv
      generates a gazetteer with N entries first (gen_bench_data.py --entries N --corpus-mb 1
      --slice-mb 0 into --gen-dir, default target/bench-data-<N>) and converts it.

Prints a one-line JSON summary (entries by type, aliases) on stderr.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_bench_data.py")
TYPES = {"O": "organization", "G": "government", "P": "person", "L": "country"}
HEADER = "id\ttype\tname\taliases\tcountry\taffiliation\tnote"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
LANG_TAG_RE = re.compile(r"@[A-Za-z]+$")


def flag_problem(alias):
    """Why pactgraph would not read this alias back verbatim, or None."""
    if alias != alias.strip():
        return "leading or trailing white space"
    if alias[:1] in "=~":
        return f"starts with `{alias[0]}` (a case flag)"
    if alias.endswith("?"):
        return "ends with `?` (the gated flag)"
    if LANG_TAG_RE.search(alias):
        return "ends with `@letters` (a language tag)"
    if any(c in alias for c in "\t|\n\r"):
        return "contains a tab, `|` or a line break"
    return None


def auto_surname(name, aliases):
    """The gated alias pactgraph adds for a person (gazetteer.rs add_surname), or None."""
    words = name.split()
    if len(words) >= 2 and len(words[-1]) >= 3 and words[-1] not in aliases:
        return words[-1]
    return None


def convert(src, dst, single_file=False):
    counts = collections.Counter()
    shards = []  # [(surnames in this shard, rows)]; shard 0 is OUT itself
    errors = []
    seen_ids = set()
    out_lines = [HEADER]
    with open(src, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) not in (2, 3):
                errors.append(f"{src}:{n}: expected 2 or 3 tab-separated columns, found {len(cols)}")
                continue
            bid, name = cols[0].strip(), cols[1].strip()
            kind = TYPES.get(bid[:1])
            pid = bid.lower()
            if kind is None:
                errors.append(f"{src}:{n}: id `{bid}` does not start with one of {''.join(TYPES)}")
                continue
            if not ID_RE.match(pid):
                errors.append(f"{src}:{n}: id `{bid}` does not make a valid pactgraph id")
                continue
            if pid in seen_ids:
                errors.append(f"{src}:{n}: duplicate id `{bid}`")
                continue
            seen_ids.add(pid)
            if not name or any(c in name for c in "\t\n\r"):
                errors.append(f"{src}:{n}: empty or malformed name")
                continue
            aliases = []
            for a in (cols[2].split("|") if len(cols) > 2 and cols[2] else []):
                why = flag_problem(a) if a else "empty alias"
                if why:
                    errors.append(f"{src}:{n}: alias `{a}` of `{bid}` cannot be written: {why}")
                    continue
                if a != name and a not in aliases:
                    aliases.append(a)
            counts[kind] += 1
            counts["aliases"] += len(aliases)
            row = f"{pid}\t{kind}\t{name}\t{'|'.join(aliases)}"
            sur = auto_surname(name, aliases) if kind == "person" and not single_file else None
            if sur is None:
                out_lines.append(row)
                continue
            for names, rows in shards:
                if sur not in names:
                    break
            else:
                shards.append((set(), [] if shards else out_lines))
                names, rows = shards[-1]
            names.add(sur)
            rows.append(row)
    if errors:
        for e in errors[:20]:
            print(e, file=sys.stderr)
        raise SystemExit(f"convert_gazetteer: {len(errors)} errors, nothing written")
    os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
    stem = dst[:-4] if dst.endswith(".tsv") else dst
    for old in glob.glob(glob.escape(stem) + ".p[0-9][0-9]*.tsv"):
        os.remove(old)
    files = [(dst, out_lines)]
    for k, (_, rows) in enumerate(shards[1:], 2):
        files.append((f"{stem}.p{k:02d}.tsv", [HEADER] + rows))
    for path, lines in files + [(stem + ".files", [p for p, _ in files])]:
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    summary = {"in": src, "out": dst, "files": len(files), "list": stem + ".files",
               "entries": sum(len(lines) - 1 for _, lines in files),
               **{k: counts[k] for k in sorted(counts)}}
    print(json.dumps(summary), file=sys.stderr)
    return summary


def generate(n, seed, gen_dir, gen_script):
    """Run the bench generator for an N-entry gazetteer (1 MB corpus, no slice) unless done."""
    meta_path = os.path.join(gen_dir, "corpus.gold.json")
    want = {"entries": n, "corpus_mb": 1.0, "slice_mb": 0.0, "seed": seed}
    try:
        with open(meta_path) as f:
            have = json.load(f)["args"]
        if all(have.get(k) == v for k, v in want.items()):
            return os.path.join(gen_dir, "gazetteer.tsv")
    except (OSError, ValueError, KeyError):
        pass
    subprocess.run([sys.executable, gen_script, "--out", gen_dir, "--entries", str(n),
                    "--corpus-mb", "1", "--slice-mb", "0", "--seed", str(seed)], check=True)
    return os.path.join(gen_dir, "gazetteer.tsv")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", metavar="IN OUT", help="IN.tsv OUT.tsv, or only OUT.tsv with --scale")
    ap.add_argument("--scale", type=int, metavar="N", help="generate an N-entry bench gazetteer first")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--gen-dir", help="where --scale generates (default target/bench-data-<N>)")
    ap.add_argument("--gen-script", default=DEFAULT_GEN)
    ap.add_argument("--single-file", action="store_true",
                    help="no person shards: everything in OUT (see 'Person shards' above)")
    args = ap.parse_args()
    if args.scale:
        if len(args.paths) != 1:
            ap.error("with --scale give only OUT.tsv")
        gen_dir = args.gen_dir or os.path.join(ROOT, "target", f"bench-data-{args.scale}")
        src = generate(args.scale, args.seed, gen_dir, args.gen_script)
        convert(src, args.paths[0], args.single_file)
    else:
        if len(args.paths) != 2:
            ap.error("give IN.tsv OUT.tsv")
        convert(*args.paths, single_file=args.single_file)


if __name__ == "__main__":
    main()
