//! The JSON contract: real outputs of the binary (`extract` to a graph and to
//! JSONL fragments, `merge`, `query ... ego --format json`) checked against the
//! JSON Schemas in `schema/` by `tests/consumers/check_schema.py` (jsonschema,
//! networkx), and the schemas' `$id`s against [`json::SCHEMA_VERSION`].

mod common;

use pactgraph::export::json;
use std::path::{Path, PathBuf};
use std::process::Command;

const SCHEMAS: [&str; 2] = [
    "schema/pactgraph-graph.schema.json",
    "schema/pactgraph-fragment.schema.json",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Runs pactgraph (in the repository, so document ids are relative paths).
fn pactgraph(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_pactgraph"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run pactgraph: {e}"));
    assert!(
        out.status.success(),
        "pactgraph {} failed ({}):\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs the schema check on a graph and a fragments file.
fn check(graph: &Path, fragments: &Path) {
    common::run_consumer("check_schema.py", &[graph, fragments]);
}

fn path_str(p: &Path) -> &str {
    p.to_str()
        .unwrap_or_else(|| panic!("temp path {} is not UTF-8", p.display()))
}

#[test]
fn schema_ids_carry_the_schema_version() {
    for rel in SCHEMAS {
        let schema = read_json(&root().join(rel));
        let id = schema["$id"]
            .as_str()
            .unwrap_or_else(|| panic!("{rel} has no string `$id`"));
        let file = rel.trim_start_matches("schema/");
        assert_eq!(
            id,
            format!(
                "https://github.com/pactgraph/pactgraph/schema/{}/{file}",
                json::SCHEMA_VERSION
            ),
            "{rel}: `$id` must carry SCHEMA_VERSION"
        );
        assert!(id.contains(json::SCHEMA_VERSION));
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{rel}"
        );
    }
}

#[test]
fn outputs_match_the_schemas() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let t = |name: &str| -> PathBuf { dir.path().join(name) };

    // JSONL input with every optional field, so that `url` is written too
    let input = t("input.jsonl");
    let lines = [
        serde_json::json!({"id": "web-1", "url": "https://example.com/news/1", "lang": "EN", "date": "2025-06-03",
            "text": "Boliden signed a memorandum of understanding with JOGMEC on 2 June 2025."}),
        serde_json::json!({"id": 2, "text": "Northvolt och Vattenfall tecknade ett samarbetsavtal i maj 2025."}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&input, text).unwrap_or_else(|e| panic!("{e}"));

    let [examples, examples_l, corpus, corpus_l, web, web_l, merged, ego] = [
        "examples.json",
        "examples.jsonl",
        "corpus.json",
        "corpus.jsonl",
        "web.json",
        "web.jsonl",
        "merged.json",
        "ego.json",
    ]
    .map(t);
    let s = path_str;
    pactgraph(&["extract", "examples/", "-o", s(&examples)]);
    pactgraph(&[
        "extract",
        "examples/",
        "--format",
        "jsonl",
        "-o",
        s(&examples_l),
    ]);
    pactgraph(&["extract", "tests/corpus/docs", "-o", s(&corpus)]);
    pactgraph(&[
        "extract",
        "tests/corpus/docs",
        "--format",
        "jsonl",
        "-o",
        s(&corpus_l),
    ]);
    pactgraph(&["extract", s(&input), "-o", s(&web)]);
    pactgraph(&["extract", s(&input), "--format", "jsonl", "-o", s(&web_l)]);
    pactgraph(&[
        "merge",
        s(&corpus_l),
        s(&examples),
        s(&web_l),
        "-o",
        s(&merged),
    ]);
    pactgraph(&[
        "query",
        s(&corpus),
        "ego",
        "JOGMEC",
        "--format",
        "json",
        "-o",
        s(&ego),
    ]);

    // what the checks need to mean something
    for g in [&examples, &corpus, &web, &merged, &ego] {
        let v = read_json(g);
        assert_eq!(
            v["graph"]["schema_version"],
            json::SCHEMA_VERSION,
            "{}",
            g.display()
        );
        let n = v["nodes"].as_array().map_or(0, Vec::len);
        assert!(n > 0, "{}: no nodes", g.display());
    }
    let web_text = std::fs::read_to_string(&web_l).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        web_text.contains("\"url\":\"https://example.com/news/1\""),
        "{web_text}"
    );
    let corpus_v = read_json(&corpus);
    let relations: std::collections::BTreeSet<&str> = corpus_v["edges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["relation"].as_str())
        .collect();
    assert_eq!(
        relations.into_iter().collect::<Vec<_>>(),
        ["member_of", "partners_with", "party_to", "signatory_of"]
    );

    check(&examples, &examples_l);
    check(&corpus, &corpus_l);
    check(&web, &web_l);
    check(&merged, &corpus_l);
    check(&ego, &corpus_l);
}
