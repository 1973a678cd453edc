"""Shared fixtures: the repository, the CLI binary, and tests/corpus/docs read
as the CLI reads it (ids are the paths as given from the repository root)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = "tests/corpus/docs"


def cli_path() -> Path:
    p = Path(os.environ.get("PACTGRAPH_BIN", ROOT / "target" / "release" / "pactgraph"))
    if not p.exists():
        raise RuntimeError(f"{p}: no pactgraph binary; run `cargo build --release` (or set PACTGRAPH_BIN)")
    return p


def run_cli(*args, check=True, input=None):
    """Runs `pactgraph ARGS` from the repository root; returns the CompletedProcess (bytes)."""
    r = subprocess.run([str(cli_path()), *map(str, args)], cwd=ROOT, capture_output=True, input=input)
    if check and r.returncode != 0:
        raise AssertionError(f"pactgraph {' '.join(map(str, args))} exited {r.returncode}: {r.stderr.decode()}")
    return r


def cli_error(*args) -> str:
    """The message the CLI prints after `pactgraph: error: ` (exit code 2)."""
    r = run_cli(*args, check=False)
    assert r.returncode == 2, (r.returncode, r.stderr)
    err = r.stderr.decode().strip()
    assert err.startswith("pactgraph: error: "), err
    return err[len("pactgraph: error: ") :]


def corpus_docs():
    """The corpus as JSONL documents: id = the CLI's id, text = what it extracts from."""
    import pactgraph

    docs = []
    for p in sorted((ROOT / CORPUS).iterdir()):
        if p.suffix not in (".txt", ".html") or p.name.startswith("."):
            continue
        text = p.read_text(encoding="utf-8-sig")
        if p.suffix == ".html":
            text = pactgraph.html_to_text(text)
        docs.append({"id": f"{CORPUS}/{p.name}", "text": text})
    assert len(docs) == 34
    return docs


@pytest.fixture(scope="session")
def extractor():
    import pactgraph

    return pactgraph.Extractor()


@pytest.fixture(scope="session")
def docs():
    return corpus_docs()


@pytest.fixture(scope="session")
def cli_graph_bytes():
    return run_cli("extract", CORPUS, "--quiet").stdout


@pytest.fixture(scope="session")
def fragments(extractor, docs):
    return list(extractor.extract_many(docs))


@pytest.fixture
def corpus_jsonl(tmp_path, docs):
    p = tmp_path / "corpus.jsonl"
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return p
