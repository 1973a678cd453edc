"""The Spark job on local[2] against `pactgraph extract`, byte for byte.

PySpark and a Java runtime are installed here when missing (pip; apt-get,
with sudo when not root); without them the tests fail, never skip.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
JOB = ROOT / "examples" / "spark" / "pactgraph_spark.py"
sys.path.insert(0, str(ROOT / "python" / "tests"))

from conftest import CORPUS, corpus_docs, run_cli  # noqa: E402


def _have_java() -> bool:
    java = shutil.which("java")
    return java is not None and subprocess.run([java, "-version"], capture_output=True).returncode == 0


@pytest.fixture(scope="session")
def spark_env():
    """Installs pyspark and a JRE if missing; fails (never skips) without them."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyspark"], capture_output=True, text=True)
        if r.returncode != 0:
            pytest.fail(f"pyspark is missing and `pip install pyspark` failed:\n{r.stderr}")
    if not _have_java():
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "default-jre-headless"]):
            r = subprocess.run(sudo + cmd, capture_output=True, text=True)
            if r.returncode != 0:
                pytest.fail(f"no Java runtime, and `{' '.join(sudo + cmd)}` failed:\n{r.stderr}")
    if not _have_java():
        pytest.fail("no Java runtime after installing default-jre-headless: the Spark tests need `java`")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return env


def run_job(env, *args):
    r = subprocess.run(
        [sys.executable, str(JOB), "--master", "local[2]", *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    return r


@pytest.fixture(scope="session")
def corpus_jsonl(tmp_path_factory):
    p = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in corpus_docs()), encoding="utf-8")
    return p


def test_spark_job_gives_the_cli_graph_byte_for_byte(spark_env, corpus_jsonl, tmp_path):
    out_json, out_graphml = tmp_path / "graph.json", tmp_path / "graph.graphml"
    # 5 partitions: documents of one agreement land in different partitions,
    # and treeReduce merges partial graphs (not only fragments)
    r = run_job(spark_env, corpus_jsonl, "--partitions", "5", "-o", out_json, "-o", out_graphml)
    assert r.returncode == 0, r.stderr
    assert "pactgraph_spark: 34 documents, 0 failed" in r.stderr
    cli_jsonl = run_cli("extract", corpus_jsonl, "--quiet").stdout
    cli_folder = run_cli("extract", CORPUS, "--quiet").stdout
    assert cli_jsonl == cli_folder
    assert out_json.read_bytes() == cli_folder
    assert out_graphml.read_bytes() == run_cli("extract", CORPUS, "--quiet", "--format", "graphml").stdout
    g = json.loads(out_json.read_bytes())
    assert len(g["graph"]["documents"]) == 34


def test_spark_job_reports_bad_lines_and_unnamed_documents_as_the_cli(spark_env, tmp_path):
    docs = corpus_docs()[:4]
    p = tmp_path / "mixed.jsonl"
    lines = [json.dumps(docs[0]), '{"id": "broken"}', "", json.dumps({"text": docs[1]["text"]}), json.dumps(docs[2])]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "graph.json"
    r = run_job(spark_env, p, "--partitions", "2", "-o", out)
    assert r.returncode == 1, r.stderr
    assert f"pactgraph: skipping {p}: line 2: no `text` field" in r.stderr
    cli = run_cli("extract", p, "--quiet", check=False)
    assert cli.returncode == 1
    # the line without an id is `PATH:4` in both
    assert out.read_bytes() == cli.stdout
    assert f"{p}:4" in json.loads(out.read_bytes())["graph"]["documents"]


def test_spark_job_fails_with_the_cli_message_on_a_bad_gazetteer(spark_env, corpus_jsonl, tmp_path):
    missing = tmp_path / "missing.tsv"
    r = run_job(spark_env, corpus_jsonl, "--gazetteer", missing, "-o", tmp_path / "g.json")
    assert r.returncode == 2
    cli = run_cli("extract", "--gazetteer", missing, corpus_jsonl, check=False)
    assert cli.stderr.decode().strip() in r.stderr
    assert not (tmp_path / "g.json").exists()


def test_spark_job_reads_text_files(spark_env, tmp_path):
    """--input-format text: one document per file (HTML stripped), id = the file's URI."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in ["01-jogmec-boliden-mou.txt", "23-boliden-jogmec-sv.txt", "34-boliden-umicore-offtake.html"]:
        (folder / n).write_bytes((ROOT / CORPUS / n).read_bytes())
    out = tmp_path / "graph.json"
    r = run_job(spark_env, folder, "--input-format", "text", "-o", out)
    assert r.returncode == 0, r.stderr
    assert "pactgraph_spark: 3 documents, 0 failed" in r.stderr
    # the CLI names the files by the path given; the job by their URI
    cli = run_cli("extract", folder, "--quiet").stdout.decode()
    assert out.read_text(encoding="utf-8").replace('"file:/', '"/') == cli
