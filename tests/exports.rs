//! The GraphML, Cytoscape and Neo4j exports read back by the tools that consume
//! them: `tests/consumers/check_exports.py` (networkx, igraph, jsonschema) against
//! the node-link JSON of the same graph.

mod common;

use pactgraph::export::{cytoscape, graphml, json, neo4j};
use pactgraph::fragment::AgreementRecord;
use pactgraph::graph::{KnowledgeGraph, Node};
use pactgraph::{Document, Gazetteer, Lexicon, Pipeline};
use std::path::Path;

/// Actors whose names need escaping: a quote, markup and `&`, a backslash,
/// Swedish letters, a Japanese name.
const GAZETTEER: &str = "id\ttype\tname\taliases\tcountry\taffiliation\tnote
q_co\tcompany\t\"Q\" & <Co>\tQ&Co\tUS\t\t
back_ab\tcompany\tBack\\Slash Batteries AB\t\tSE\t\t
orebro_ater\tcompany\tÖrebro Återvinning AB\tÖrebro Återvinning\tSE\t\t
toyo_denchi\tcompany\t東洋電池株式会社\tToyo Denchi\tJP\t\t
";

const DOC_A: &str = "Stockholm, 3 June 2025

Örebro Återvinning AB signed a battery recycling agreement with \"Q\" & <Co> on 2 June 2025.

Back\\Slash Batteries AB and 東洋電池株式会社 signed a memorandum of understanding on battery materials in May 2025.

JETRO signed a memorandum of understanding with Business Sweden. The agreement was signed in Osaka on 3 October 2025 by JETRO chairman Ingrid Halvorsen. METI welcomed the memorandum.
";

/// A second document: a line break inside a sentence, an agreement without a
/// date, an actor seen in both documents, an agreement between JETRO and METI,
/// the ministry it is part of (a `member_of` and a `partners_with` edge belong
/// on that one pair).
const DOC_B: &str = "Northvolt and Örebro Återvinning AB signed a partnership
on battery cells. METI signed a memorandum of cooperation with JETRO on 5 May 2025.
";

fn graph() -> KnowledgeGraph {
    let mut b = Gazetteer::builder();
    b.add_embedded();
    b.add_source("exports-test.tsv", GAZETTEER);
    let gazetteer = match b.build() {
        Ok(g) => g,
        Err(e) => panic!("test gazetteer: {e}"),
    };
    let p = Pipeline::new(gazetteer, Lexicon::embedded());
    let mut a = p.extract(&Document::new("a", DOC_A));
    let b = p.extract(&Document::new("b", DOC_B));
    // control characters, which no gazetteer or text here carries, in an alias
    for x in &mut a.actors {
        if x.id == "actor:q_co" {
            x.aliases.insert("Q\u{1}\u{1b}Co\tInc.".into());
        }
    }
    KnowledgeGraph::from_fragments([&a, &b])
}

fn write(path: &Path, text: &str) {
    if let Err(e) = pactgraph::export::write_atomic(path, text.as_bytes()) {
        panic!("{e}");
    }
}

#[test]
fn consumers_read_every_export() {
    let kg = graph();
    // what the check needs to be meaningful
    let rels: std::collections::BTreeSet<&str> = kg.edges().iter().map(|e| e.2.as_str()).collect();
    assert_eq!(
        rels.into_iter().collect::<Vec<_>>(),
        ["member_of", "partners_with", "party_to", "signatory_of"]
    );
    for id in [
        "actor:q_co",
        "actor:back_ab",
        "actor:orebro_ater",
        "actor:toyo_denchi",
    ] {
        assert!(kg.index.contains_key(id), "{id} not in the graph");
    }
    let orebro_docs = kg.nodes().find_map(|n| match n {
        Node::Actor(a) if a.id == "actor:orebro_ater" => {
            Some(graphml::node_documents(n).into_iter().collect::<Vec<_>>())
        }
        _ => None,
    });
    assert_eq!(orebro_docs, Some(vec!["a", "b"]));
    let agreements: Vec<&AgreementRecord> = kg.agreements().collect();
    assert!(agreements.iter().any(|g| g.date.is_none()));
    assert!(agreements
        .iter()
        .any(|g| g.evidence.first().is_some_and(|e| e.text.contains('\n'))));

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let d = dir.path();
    write(&d.join("graph.json"), &json::to_string(&kg));
    write(&d.join("graph.graphml"), &graphml::to_string(&kg));
    write(&d.join("cytoscape.json"), &cytoscape::to_string(&kg));
    if let Err(e) = neo4j::write_dir(&kg, &d.join("neo4j")) {
        panic!("{e}");
    }

    common::run_consumer("check_exports.py", &[d]);
}

/// The HTML view of the test corpus in headless Chromium
/// (`tests/consumers/check_html.py`): it loads without a console error, shows
/// every node, search selects, the status filter hides planned agreements,
/// and clicking an agreement shows its evidence. The screenshot is
/// `target/html-view.png`. Fails, never skips, without the browser.
#[test]
fn the_html_view_works_in_a_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let d = dir.path();
    let run = |format: &str, out: &Path| {
        let st = std::process::Command::new(env!("CARGO_BIN_EXE_pactgraph"))
            .args(["extract", "-q", "--format", format, "-o"])
            .arg(out)
            .arg(root.join("tests/corpus/docs"))
            .status()
            .unwrap_or_else(|e| panic!("pactgraph: {e}"));
        assert!(st.success(), "pactgraph extract --format {format}: {st}");
    };
    run("html", &d.join("corpus.html"));
    run("json", &d.join("corpus.json"));
    let page = std::fs::read_to_string(d.join("corpus.html")).unwrap_or_default();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("cytoscape"));
    // the same input gives the same bytes
    run("html", &d.join("again.html"));
    assert_eq!(
        std::fs::read_to_string(d.join("again.html")).unwrap_or_default(),
        page
    );
    let shot = root.join("target/html-view.png");
    common::run_consumer(
        "check_html.py",
        &[&d.join("corpus.html"), &d.join("corpus.json"), &shot],
    );
}

#[test]
fn exports_are_deterministic() {
    let (a, b) = (graph(), graph());
    assert_eq!(graphml::to_string(&a), graphml::to_string(&b));
    assert_eq!(cytoscape::to_string(&a), cytoscape::to_string(&b));
    assert_eq!(neo4j::to_files(&a), neo4j::to_files(&b));
}
