//! One integration test binary: data-driven extraction cases (`tests/cases/*.toml`)
//! and the CLI driven through `CARGO_BIN_EXE_pactgraph`.

use pactgraph::{Document, Pipeline};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    /// Actor ids that must be found (without the `actor:` prefix).
    #[serde(default)]
    actors: Vec<String>,
    /// Actor ids that must not be found.
    #[serde(default)]
    not_actors: Vec<String>,
    /// Surface forms that must be mentions of the given actor: ["jogmec", "JOGMEC:s"].
    #[serde(default)]
    mentions: Vec<[String; 2]>,
    /// Actors with the type they must have: ["x-grafintec-oy", "company"].
    #[serde(default)]
    types: Vec<[String; 2]>,
    /// Exactly these agreements (by party set), with the attributes given.
    #[serde(default)]
    agreements: Vec<ExpectedAgreement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedAgreement {
    parties: Vec<String>,
    kind: Option<String>,
    status: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    no_date: bool,
    #[serde(default)]
    signatories: Option<Vec<String>>,
}

fn run_case(p: &Pipeline, file: &str, c: &Case) -> Vec<String> {
    let mut doc = Document::new(c.name.clone(), c.text.clone());
    doc.date = c.date.clone();
    let f = p.extract(&doc);
    let mut errs = Vec::new();
    let ids: BTreeSet<String> = f
        .actors
        .iter()
        .filter(|a| !a.mentions.is_empty())
        .map(|a| a.id.trim_start_matches("actor:").to_string())
        .collect();
    for a in &c.actors {
        if !ids.contains(a) {
            errs.push(format!("missing actor {a} (found {ids:?})"));
        }
    }
    for a in &c.not_actors {
        if ids.contains(a) {
            errs.push(format!("unexpected actor {a}"));
        }
    }
    for [id, ty] in &c.types {
        match f.actors.iter().find(|a| a.id == format!("actor:{id}")) {
            Some(a) if a.kind.as_str() == ty => {}
            Some(a) => errs.push(format!("{id} is a {}, expected {ty}", a.kind.as_str())),
            None => errs.push(format!("no actor {id} to have type {ty}")),
        }
    }
    for [id, surface] in &c.mentions {
        let ok = f.actors.iter().any(|a| {
            a.id == format!("actor:{id}")
                && a.mentions.iter().any(|m| {
                    *m.text == **surface
                        && &c.text[m.start..m.end] == surface
                        && c.text[..m.start].chars().count() == m.char_start
                })
        });
        if !ok {
            errs.push(format!("no mention `{surface}` of {id} with exact offsets"));
        }
    }
    let got: Vec<(BTreeSet<String>, &pactgraph::fragment::AgreementRecord)> = f
        .agreements
        .iter()
        .map(|g| {
            (
                g.parties
                    .iter()
                    .map(|p| p.trim_start_matches("actor:").to_string())
                    .collect(),
                g,
            )
        })
        .collect();
    if got.len() != c.agreements.len() {
        errs.push(format!(
            "{} agreements, expected {}: {:?}",
            got.len(),
            c.agreements.len(),
            got.iter().map(|g| &g.0).collect::<Vec<_>>()
        ));
    }
    for e in &c.agreements {
        let want: BTreeSet<String> = e.parties.iter().cloned().collect();
        let same_date =
            |g: &pactgraph::fragment::AgreementRecord| e.date.is_none() || g.date == e.date;
        let Some((_, g)) = got
            .iter()
            .find(|(p, g)| *p == want && same_date(g))
            .or_else(|| got.iter().find(|(p, _)| *p == want))
        else {
            errs.push(format!("missing agreement {want:?}"));
            continue;
        };
        if let Some(k) = &e.kind {
            if g.agreement_kind.as_str() != k {
                errs.push(format!(
                    "{want:?}: kind {} != {k}",
                    g.agreement_kind.as_str()
                ));
            }
        }
        if let Some(s) = &e.status {
            if g.status.as_str() != s {
                errs.push(format!("{want:?}: status {} != {s}", g.status.as_str()));
            }
        }
        if (e.date.is_some() || e.no_date) && g.date != e.date {
            errs.push(format!("{want:?}: date {:?} != {:?}", g.date, e.date));
        }
        if let Some(sig) = &e.signatories {
            let got_s: BTreeSet<String> = g
                .signatories
                .iter()
                .map(|p| p.trim_start_matches("actor:").to_string())
                .collect();
            let want_s: BTreeSet<String> = sig.iter().cloned().collect();
            if got_s != want_s {
                errs.push(format!("{want:?}: signatories {got_s:?} != {want_s:?}"));
            }
        }
    }
    errs.into_iter()
        .map(|e| format!("{file} / {}: {e}", c.name))
        .collect()
}

#[test]
fn extraction_cases() {
    let p = Pipeline::embedded();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    let mut n = 0;
    for f in files {
        let cf: CaseFile = toml::from_str(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for c in &cf.case {
            n += 1;
            failures.extend(run_case(&p, &f.file_name().unwrap().to_string_lossy(), c));
        }
    }
    assert!(n >= 20, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} failures in {n} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- CLI ----

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pactgraph"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pactgraph-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn extract_json_contract() {
    let d = tmpdir("json");
    let f = d.join("a.txt");
    std::fs::write(&f, "Tokyo, 3 June 2025\n\nThe European Investment Bank (EIB) and JBIC signed a memorandum of understanding on battery finance yesterday.\n").unwrap();
    let o = run(&["extract", f.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["graph"]["schema_version"], "1.0.0");
    let ag = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "agreement")
        .unwrap();
    assert_eq!(ag["agreement_kind"], "mou");
    assert_eq!(ag["date"], "2025-06-02");
    assert_eq!(ag["evidence"][0]["rule"], "subject");
    let eib = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "actor:european_investment_bank")
        .unwrap();
    let m = &eib["mentions"][0];
    let text = std::fs::read_to_string(&f).unwrap();
    assert_eq!(
        &text[m["start"].as_u64().unwrap() as usize..m["end"].as_u64().unwrap() as usize],
        m["text"].as_str().unwrap()
    );
    let rels: Vec<&str> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["relation"].as_str().unwrap())
        .collect();
    assert_eq!(rels.iter().filter(|r| **r == "partners_with").count(), 1);
    // deterministic
    let o2 = run(&["extract", f.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.stdout, o2.stdout);
}

#[test]
fn dot_output_is_accepted_by_graphviz() {
    let d = tmpdir("dot");
    let f = d.join("q.txt");
    std::fs::write(&f, "id\ttype\tname\taliases\tcountry\taffiliation\tnote\nq\tcompany\tQuote \"Co\" \\ Ltd\tQuoteCo\nj\tcompany\t日本電池株式会社\n").unwrap();
    let t = d.join("t.txt");
    std::fs::write(
        &t,
        "QuoteCo tecknade ett avtal med 日本電池株式会社 i maj 2025. Också Malmö högskola.\n",
    )
    .unwrap();
    let o = run(&[
        "extract",
        t.to_str().unwrap(),
        "--gazetteer",
        f.to_str().unwrap(),
        "--format",
        "dot",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dot = String::from_utf8(o.stdout).unwrap();
    assert!(dot.contains("Quote \\\"Co\\\" \\\\ Ltd"), "{dot}");
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the `dot` program (graphviz) must be installed: apt-get install -y graphviz");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot rejected the DOT: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("日本電池株式会社"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let d = tmpdir("bad");
    let good = d.join("good.txt");
    std::fs::write(&good, "Boliden signed a supply agreement with Epiroc.\n").unwrap();
    let empty = d.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let latin1 = d.join("latin1.txt");
    std::fs::write(&latin1, b"Sverige och Japan\n\xe5r\n").unwrap();
    let binary = d.join("bin.txt");
    std::fs::write(&binary, b"\x7fELF\x00\x01\x02").unwrap();
    let missing = d.join("missing.txt");
    let out = d.join("out.json");
    let o = run(&[
        "extract",
        good.to_str().unwrap(),
        empty.to_str().unwrap(),
        latin1.to_str().unwrap(),
        binary.to_str().unwrap(),
        missing.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(
        err.contains("latin1.txt") && err.contains("line 2") && err.contains("UTF-8"),
        "{err}"
    );
    assert!(err.contains("bin.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["graph"]["documents"].as_array().unwrap().len(), 1);
    // no temp files left behind
    let left: Vec<_> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // all inputs bad: exit 2, no output file
    let out2 = d.join("out2.json");
    let o = run(&[
        "extract",
        empty.to_str().unwrap(),
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out2.exists());
}

/// A malformed gazetteer line is named with its file and line; a missing
/// gazetteer with its file and the system's reason, said once (the reason is
/// also the error's cause, and it used to be printed twice).
#[test]
fn malformed_or_missing_gazetteer_names_file_and_line() {
    let d = tmpdir("gaz");
    let g = d.join("mine.tsv");
    std::fs::write(&g, "id\ttype\tname\taliases\tcountry\taffiliation\tnote\nacme\tcompany\tAcme\n\nacme2\tfirm\tAcme Two\n").unwrap();
    let t = d.join("t.txt");
    std::fs::write(&t, "Acme.\n").unwrap();
    let o = run(&[
        "extract",
        t.to_str().unwrap(),
        "--gazetteer",
        g.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains(&format!("{}:4", g.display())) && err.contains("unknown type `firm`"),
        "{err}"
    );
    let o = run(&["gazetteer", "check", g.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("mine.tsv:4: error"));
    let missing = d.join("nope.tsv");
    let o = run(&[
        "extract",
        t.to_str().unwrap(),
        "--gazetteer",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("nope.tsv"))
        .unwrap_or_else(|| panic!("no line names the file in:\n{err}"));
    assert!(line.starts_with("pactgraph: error: "), "{line}");
    assert_eq!(
        line.matches("No such file or directory").count(),
        1,
        "{line}"
    );
}

#[test]
fn shipped_gazetteers_check_clean() {
    let o = run(&["gazetteer", "check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "{}\n{err}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(err.starts_with("0 errors"), "{err}");
    let o = run(&["gazetteer", "list"]);
    let n = String::from_utf8_lossy(&o.stdout).lines().count();
    assert!(n > 500, "only {n} entries");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let o = run(&["extract", "-", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("possible values"));
}

#[test]
fn eval_reports_and_gates() {
    let d = tmpdir("eval");
    std::fs::write(
        d.join("01.txt"),
        "Boliden signed a supply agreement with Epiroc.\n",
    )
    .unwrap();
    std::fs::write(d.join("01.gold.json"), r#"{"doc":"01","lang":"en","actors":[{"names":["Boliden"],"type":"company"},{"names":["Epiroc"],"type":"company"}],
      "agreements":[{"parties":["Boliden","Epiroc"],"kind":"offtake","status":"signed","date":null,"signatories":[],"topics":[],"evidence":"x"}],"not_agreements":[]}"#).unwrap();
    let o = run(&[
        "eval",
        "--gold",
        d.to_str().unwrap(),
        "--min",
        "agreement_f1=0.9,edge_f1=0.9",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("TOTAL    1.00 1.00 1.00 | 1.00 1.00 1.00"),
        "{out}"
    );
    std::fs::write(d.join("02.txt"), "Boliden and Epiroc met in Tokyo.\n").unwrap();
    std::fs::write(d.join("02.gold.json"), r#"{"doc":"02","lang":"en","actors":[{"names":["Boliden"],"type":"company"},{"names":["Epiroc"],"type":"company"}],
      "agreements":[{"parties":["Boliden","Epiroc"],"kind":"mou","status":"signed","date":null,"signatories":[],"topics":[],"evidence":"x"}],"not_agreements":[]}"#).unwrap();
    let o = run(&[
        "eval",
        "--gold",
        d.to_str().unwrap(),
        "--min",
        "agreement_f1=0.9",
        "-v",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("missed agreements: [Boliden, Epiroc]"));
}

#[test]
fn svg_without_graphviz_says_how_to_install_it() {
    let dir = tmpdir("nodot");
    let txt = dir.join("a.txt");
    std::fs::write(&txt, "Boliden signed a supply agreement with Epiroc.\n").unwrap();
    let out = dir.join("a.svg");
    // a PATH with no `dot` on it
    let o = bin()
        .args(["extract", txt.to_str().unwrap(), "--format", "svg", "-o"])
        .arg(&out)
        .env("PATH", &dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("apt-get install graphviz") && err.contains("--format dot"),
        "{err}"
    );
    assert!(!out.exists(), "no output file is left behind");
}
