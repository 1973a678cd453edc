#!/usr/bin/env python3
"""Generate one large document for the single-document benchmarks (issue 17).

usage: large_doc.py KIND SIZE_MB OUT [--from DIR ...]

KIND:
  prose       paragraphs of synthetic agreement news, blank lines between them
  line        the same prose on one line (no line feed at all)
  agreements  "Acme Lomi AB signed a memorandum of understanding with JOGMEC on
              3 May 2024." with varying names, one a line, in one block
  repeated    four agreement sentences (three English, one Swedish) repeated,
              three to a paragraph: the issue's "repeated agreement sentences"
  news        the .txt files of the --from folders, concatenated until SIZE_MB
The output is deterministic (a fixed seed).
"""
import pathlib
import random
import sys

COMPANIES = ["Acme", "Norrgas", "Kemvia", "Boreal", "Tessla", "Nordvolt", "Kirunit",
             "Vattenkraft", "Skogsberg", "Lumera", "Orion", "Fjällstål"]
FORMS = ["AB", "Inc.", "Ltd", "GmbH", "Corp.", "Oyj", "ASA"]
PARTNERS = ["JOGMEC", "Sojitz", "Boliden", "Epiroc", "LKAB", "Vattenfall", "Northvolt",
            "the European Commission", "Japan", "Sweden"]
KINDS = ["a memorandum of understanding", "a supply agreement", "a joint venture agreement",
         "a letter of intent", "an offtake agreement", "a framework agreement"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FILLER = [
    "Demand for batteries has grown with the spread of electric vehicles.",
    "The companies did not disclose the value of the deal.",
    "Analysts said the market for critical minerals remains tight this year.",
    "The plant is expected to start production before the end of the decade.",
    "Officials said talks on further cooperation would continue in the autumn.",
    "Det nya avtalet gäller i fem år och kan förlängas.",
    "Enligt bolaget är målet att minska beroendet av import.",
]


REPEATED = [
    "Boliden signed a supply agreement with Epiroc on 5 May 2025.",
    "Vattenfall and Northvolt have entered into a strategic partnership for battery recycling.",
    "JOGMEC signed a memorandum of understanding with Boliden on critical minerals.",
    "Sandvik tecknade ett samarbetsavtal med ABB om elektrifiering av gruvor.",
]


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "so", "ta", "vi"]


def code(i):
    """A capitalised word for `i` ("Ka", "Lomi", ...): a name word whatever
    the size of `i`. (Until 2026-12-02 the number itself was written; from
    10,000 on its five digits were not a name word, and those lines stated no
    agreement the rules could take.)"""
    out = SYLLABLES[i % 8]
    i //= 8
    while i:
        out += SYLLABLES[i % 8]
        i //= 8
    return out.capitalize()


def name(r, i):
    return f"{r.choice(COMPANIES)} {code(i)} {r.choice(FORMS)}"


def date(r):
    return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2019, 2026)}"


def agreement(r, i):
    return (f"{name(r, i)} signed {r.choice(KINDS)} with {r.choice(PARTNERS)} "
            f"on {date(r)}.")


def paragraph(r, i):
    sents = [agreement(r, i)] + r.sample(FILLER, r.randint(2, 5))
    r.shuffle(sents)
    return " ".join(sents)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    kind, size, out = sys.argv[1], int(float(sys.argv[2]) * 1_000_000), sys.argv[3]
    r = random.Random(17)
    parts, n, i = [], 0, 0
    if kind == "news":
        dirs = sys.argv[sys.argv.index("--from") + 1:]
        texts = [p.read_text() for d in dirs for p in sorted(pathlib.Path(d).glob("*.txt"))]
        if not texts:
            sys.exit("no .txt files in --from folders")
        while n < size:
            t = texts[i % len(texts)]
            parts.append(t)
            n += len(t.encode()) + 2
            i += 1
        body = "\n\n".join(parts)
    elif kind == "repeated":
        while n < size:
            p = " ".join(REPEATED[(3 * i + j) % len(REPEATED)] for j in range(3))
            parts.append(p)
            n += len(p.encode()) + 2
            i += 1
        body = "\n\n".join(parts)
    else:
        make = agreement if kind == "agreements" else paragraph
        sep = {"prose": "\n\n", "line": " ", "agreements": "\n"}[kind]
        while n < size:
            p = make(r, i)
            parts.append(p)
            n += len(p.encode()) + len(sep)
            i += 1
        body = sep.join(parts)
    pathlib.Path(out).write_text(body + ("" if kind == "line" else "\n"))


if __name__ == "__main__":
    main()
