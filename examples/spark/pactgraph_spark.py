#!/usr/bin/env python3
"""pactgraph on Spark: a news corpus (JSONL or text files, on any path Hadoop
reads: local, hdfs://, s3a://, gs://, ...) to one knowledge graph.

    spark-submit --master local[2] examples/spark/pactgraph_spark.py \\
        corpus.jsonl -o graph.json [-o graph.graphml]

How it runs (as the common news-crawl jobs do):
1. the input is read as lines (JSONL: one `{"id", "text", "date"?, "lang"?,
   "url"?}` per line), numbered so that a line without an `id` is named
   `INPUT:LINE` as `pactgraph extract` names it;
2. `mapPartitions` loads one `pactgraph.Extractor` per partition (the
   gazetteers are compiled once per partition, not per document) and
   extracts the partition's documents into one partial graph (a
   `GraphBuilder`, shipped as its exact state: unlike a graph's JSON, it keeps
   every report's own label, so the merge is exact);
3. `treeReduce` merges the partial graphs pairwise (merging is associative
   and commutative), so the driver receives one;
4. the graph is written as JSON (byte for byte what `pactgraph extract` writes
   for the same documents) or GraphML, chosen by the output's extension or
   `--format`.

A bad line is reported (`pactgraph: skipping ...`, on the executor's stderr)
and counted; the job then exits 1, as the CLI does.
"""

from __future__ import annotations

import argparse
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(prog="pactgraph_spark.py", description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL file(s) or text folder: a path or glob Hadoop can read")
    p.add_argument(
        "-o", "--output", action="append", required=True,
        help="where to write the graph (local path, any Hadoop path, or - for stdout); repeat for several",
    )
    p.add_argument("--format", choices=["json", "graphml"], help="output format (default: by extension; json)")
    p.add_argument(
        "--input-format", choices=["jsonl", "text"], default="jsonl",
        help="jsonl: one document per line (default); text: one document per file (id = the file's URI; .html/.htm stripped)",
    )
    p.add_argument(
        "--gazetteer", action="append", default=[],
        help="a gazetteer file of your own, at a path every executor can read (ship it with --files)",
    )
    p.add_argument("--no-default-gazetteers", action="store_true", help="leave out the shipped gazetteers")
    p.add_argument("--partitions", type=int, default=None, help="minimum number of input partitions")
    p.add_argument("--depth", type=int, default=2, help="depth of the treeReduce merge (default 2)")
    p.add_argument("--master", help="Spark master when run with python rather than spark-submit (e.g. local[2])")
    return p.parse_args(argv)


def extract_jsonl_partition(rows, name, gazetteers, default_gazetteers, docs, failed):
    """One Extractor for the partition; its documents merged into one graph (JSON)."""
    from pactgraph import _pactgraph as native

    ex = native.Extractor(gazetteers, default_gazetteers)
    graph = native.GraphBuilder()
    for line, index in rows:
        if not line.strip():
            continue
        try:
            ex.extract_jsonl_into(graph, line, name, index + 1)
            docs.add(1)
        except native.PactgraphError as e:
            failed.add(1)
            print(f"pactgraph: skipping {e}", file=sys.stderr)
    yield graph.to_state()


def extract_text_partition(files, gazetteers, default_gazetteers, docs, failed):
    """As `extract_jsonl_partition`, for (path, content) pairs of whole files."""
    from pactgraph import _pactgraph as native

    ex = native.Extractor(gazetteers, default_gazetteers)
    graph = native.GraphBuilder()
    for path, text in files:
        try:
            if path.lower().endswith((".html", ".htm", ".xhtml")):
                text = native.html_to_text(text)
            graph.add_json(ex.extract_json(text, path))
            docs.add(1)
        except native.PactgraphError as e:
            failed.add(1)
            print(f"pactgraph: skipping {e}", file=sys.stderr)
    yield graph.to_state()


def merge_pair(a, b):
    from pactgraph import _pactgraph as native

    return native.merge_states(a, b)


def write(spark, path, text):
    """Writes `text` to a local path, stdout (`-`), or any Hadoop path (one file)."""
    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if "://" not in path or path.startswith("file://"):
        local = path[len("file://") :] if path.startswith("file://") else path
        with open(local, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    out = fs.create(hpath, True)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()


def main(argv=None) -> int:
    a = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    from pactgraph import _pactgraph as native

    gazetteers, default = list(a.gazetteer), not a.no_default_gazetteers
    # fail early, on the driver, with the CLI's message
    try:
        native.Extractor(gazetteers, default)
    except native.PactgraphError as e:
        print(f"pactgraph: error: {e}", file=sys.stderr)
        return 2
    builder = SparkSession.builder.appName("pactgraph")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    docs, failed = sc.accumulator(0), sc.accumulator(0)
    t0 = time.time()
    if a.input_format == "jsonl":
        lines = sc.textFile(a.input, a.partitions) if a.partitions else sc.textFile(a.input)
        name = a.input
        partial = lines.zipWithIndex().mapPartitions(
            lambda rows: extract_jsonl_partition(rows, name, gazetteers, default, docs, failed)
        )
    else:
        files = sc.wholeTextFiles(a.input, a.partitions) if a.partitions else sc.wholeTextFiles(a.input)
        partial = files.mapPartitions(lambda fs: extract_text_partition(fs, gazetteers, default, docs, failed))
    state = partial.treeReduce(merge_pair, depth=a.depth)
    merged = native.GraphBuilder()
    merged.add_state(state)
    graph_json = merged.to_json()
    seconds = time.time() - t0
    if docs.value == 0:
        print(f"pactgraph: error: no document could be read ({failed.value} failed)", file=sys.stderr)
        spark.stop()
        return 2
    for out in a.output:
        fmt = a.format or ("graphml" if out.lower().endswith(".graphml") else "json")
        write(spark, out, graph_json if fmt == "json" else merged.to_graphml())
    duplicates = docs.value - merged.document_count
    print(
        f"pactgraph_spark: {docs.value} documents, {failed.value} failed, "
        f"{sc.defaultParallelism} cores, {seconds:.1f} s extract+merge",
        file=sys.stderr,
    )
    spark.stop()
    if duplicates > 0:
        print(
            f"pactgraph: {duplicates} documents share an id with another and were merged into it; "
            "give each document its own id",
            file=sys.stderr,
        )
    return 1 if failed.value > 0 or duplicates > 0 else 0


if __name__ == "__main__":
    sys.exit(main())
