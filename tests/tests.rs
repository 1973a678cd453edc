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
                        && &c.text[m.bytes()] == surface
                        && c.text[..m.bytes().start].chars().count() == m.char_start as usize
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
    // one to one, as the scorer matches: among the unused agreements with the
    // parties, the one that agrees on most of date, kind and status
    let mut used = vec![false; got.len()];
    for e in &c.agreements {
        let want: BTreeSet<String> = e.parties.iter().cloned().collect();
        let fits = |g: &pactgraph::fragment::AgreementRecord| {
            usize::from(e.date.is_none() || g.date == e.date)
                + usize::from(
                    e.kind
                        .as_deref()
                        .is_none_or(|k| g.agreement_kind.as_str() == k),
                )
                + usize::from(e.status.as_deref().is_none_or(|s| g.status.as_str() == s))
        };
        let Some(i) = (0..got.len())
            .filter(|&i| !used[i] && got[i].0 == want)
            .max_by_key(|&i| (fits(got[i].1), std::cmp::Reverse(i)))
        else {
            errs.push(format!("missing agreement {want:?}"));
            continue;
        };
        used[i] = true;
        let g = got[i].1;
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
    let ag = agreement_nodes(&v)[0];
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

/// The agreement nodes of a node-link JSON graph, in output order.
fn agreement_nodes(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    v["nodes"]
        .as_array()
        .expect("a nodes array")
        .iter()
        .filter(|n| n["kind"] == "agreement")
        .collect()
}

/// Issue 18: `--top N` draws the most central actors, the caption says what
/// was cut, and a cut is refused for data formats.
#[test]
fn issue18_top_cuts_diagrams_and_the_caption_says_so() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/docs");
    let docs = docs.to_str().unwrap();
    let o = run(&[
        "extract", docs, "-q", "--format", "dot", "--top", "5", "--by", "degree",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dot = String::from_utf8(o.stdout).unwrap();
    let drawn = dot
        .lines()
        .filter(|l| {
            l.trim_start().starts_with("\"actor:") && l.contains("label=") && !l.contains("->")
        })
        .count();
    assert!((2..=5).contains(&drawn), "{drawn} actors drawn\n{dot}");
    assert!(dot.contains(&format!("{drawn} of 48 actors")), "{dot}");
    assert!(dot.contains("drawn (top 5 by degree)"), "{dot}");
    assert!(dot.contains("actor:jogmec"), "JOGMEC has the most partners");
    // without a cut, the caption still says the actors with no agreement are not drawn
    let o = run(&["extract", docs, "-q", "--format", "dot"]);
    let all = String::from_utf8(o.stdout).unwrap();
    assert!(all.contains(" of 48 actors · 27 agreements drawn"), "{all}");
    let o = run(&["extract", docs, "-q", "--format", "json", "--top", "5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--top and --max-nodes cut diagrams"));
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
fn eval_by_rule_counts_patterns_and_use_published_dates_relative_words() {
    let d = tmpdir("eval-rules");
    // 01: `subject+with` right; 02: a `between` agreement the gold does not have
    std::fs::write(
        d.join("01.txt"),
        "Boliden signed a supply agreement with Epiroc yesterday.\n",
    )
    .unwrap();
    std::fs::write(d.join("01.gold.json"), r#"{"doc":"01","lang":"en","published":"2024-05-07","actors":[{"names":["Boliden"],"type":"company"},{"names":["Epiroc"],"type":"company"}],
      "agreements":[{"parties":["Boliden","Epiroc"],"kind":"offtake","status":"signed","date":"2024-05-06","signatories":[],"topics":[],"evidence":"x"}],"not_agreements":[]}"#).unwrap();
    std::fs::write(
        d.join("02.txt"),
        "An MoU between Saab and Hitachi was signed.\n",
    )
    .unwrap();
    std::fs::write(d.join("02.gold.json"), r#"{"doc":"02","lang":"en","actors":[{"names":["Saab"],"type":"company"},{"names":["Hitachi"],"type":"company"}],
      "agreements":[],"not_agreements":[]}"#).unwrap();
    let gold = d.to_str().unwrap();
    let o = run(&["eval", "--gold", gold, "--by-rule", "--use-published"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    let row = |name: &str| {
        out.lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .map(|l| {
                l.split_whitespace()
                    .skip(1)
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
    };
    assert_eq!(row("subject").as_deref(), Some("1 0"), "{out}");
    assert_eq!(row("with").as_deref(), Some("1 0"), "{out}");
    assert_eq!(row("between").as_deref(), Some("0 1"), "{out}");
    // the date of "yesterday" comes from `published`: date accuracy 1.00 on 01
    assert!(
        out.lines()
            .any(|l| l.starts_with("01") && l.ends_with("1.00   1.00 1.00  1.00")),
        "{out}"
    );
    let o = run(&["eval", "--gold", gold]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.lines()
            .any(|l| l.starts_with("01") && l.ends_with("1.00   1.00 0.00  1.00")),
        "{out}"
    );
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

// ---- issue 17: no input may crash, hang or blow up a run; outputs never lose data ----

/// Runs the binary with `stdin` as its input, killing it after `secs` seconds
/// (a hang is a test failure, not a stuck test run).
fn run_timed(args: &[&str], stdin: &[u8], secs: u64) -> (Output, std::time::Duration) {
    use std::io::Write;
    let t = std::time::Instant::now();
    let mut child = bin()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let id = child.id();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(secs));
        // (the child may be gone: then this fails and does nothing)
        let _ = Command::new("kill").args(["-9", &id.to_string()]).status();
    });
    let out = child.wait_with_output().unwrap();
    let elapsed = t.elapsed();
    feeder.join().unwrap();
    assert!(
        elapsed.as_secs() < secs,
        "pactgraph {args:?} hung (killed after {secs} s)"
    );
    drop(watchdog);
    (out, elapsed)
}

#[test]
fn issue17_period_after_line_separator_does_not_panic() {
    for ws in ["\u{2028}", "\u{0085}"] {
        let text = format!("e <{ws}. T p w s n o y e M u I a e l s n s t");
        let (o, _) = run_timed(&["extract", "-"], text.as_bytes(), 60);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{err}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["graph"]["documents"][0], "-");
    }
}

/// A long run of sentences that each open with "It" resolves each pronoun in
/// a few steps: following every anaphoric subject back (stop 42's first
/// version) overflowed the stack at 20,000 sentences.
#[test]
fn issue17_long_run_of_pronoun_subjects_does_not_overflow() {
    let mut text =
        String::from("Boliden makes metals. The company said it signed a deal with Epiroc.\n");
    for _ in 0..20_000 {
        text.push_str("It signed a deal with Epiroc.\n");
    }
    let (o, _) = run_timed(&["extract", "-", "-q"], text.as_bytes(), 120);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let agreement = *agreement_nodes(&v).first().expect("an agreement");
    assert_eq!(
        agreement["parties"],
        serde_json::json!(["actor:boliden", "actor:epiroc"])
    );
}

#[test]
fn issue17_deep_html_on_two_threads() {
    let d = tmpdir("deep");
    let f = d.join("deep.html");
    let n = 20_000;
    std::fs::write(
        &f,
        format!(
            "<html><body>{}Boliden signed a supply agreement with Epiroc.{}</body></html>",
            "<span>".repeat(n),
            "</span>".repeat(n)
        ),
    )
    .unwrap();
    let g = d.join("divs.html");
    std::fs::write(
        &g,
        format!(
            "<html><body>{}JOGMEC and Sojitz signed a memorandum of understanding.{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    )
    .unwrap();
    let (o, _) = run_timed(
        &[
            "extract",
            "--jobs",
            "2",
            f.to_str().unwrap(),
            g.to_str().unwrap(),
        ],
        b"",
        60,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let agreements = agreement_nodes(&v).len();
    assert_eq!(agreements, 2);
}

#[test]
fn issue17_dev_zero_is_refused_at_once() {
    for args in [
        &["extract", "/dev/zero"][..],
        &["extract", "--input", "jsonl", "/dev/zero"][..],
    ] {
        let (o, took) = run_timed(args, b"", 30);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("/dev/zero") && err.contains("binary"), "{err}");
        assert!(took.as_secs() < 5, "{args:?} took {took:?}");
    }
    // stdin: a large stream of zeros is not read to its end
    let (o, _) = run_timed(&["extract", "-"], &vec![0u8; 64 << 20], 30);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("-: looks like a binary file"), "{err}");
}

#[test]
fn issue17_utf16_is_decoded_or_named() {
    let d = tmpdir("utf16");
    let text = "Boliden signed a supply agreement with Epiroc.\n";
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let with_bom = d.join("bom.txt");
    std::fs::write(&with_bom, &le).unwrap();
    let bare = d.join("bare.txt");
    std::fs::write(&bare, &le[2..]).unwrap();
    let o = run(&[
        "extract",
        with_bom.to_str().unwrap(),
        bare.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("bare.txt: looks like UTF-16") && !err.contains("binary"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["graph"]["documents"].as_array().unwrap().len(), 1);
    assert!(v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "actor:epiroc"));
}

#[test]
fn issue17_output_to_special_files_and_symlinks() {
    use std::os::unix::fs::FileTypeExt;
    let d = tmpdir("special-out");
    let t = d.join("t.txt");
    std::fs::write(&t, "Boliden signed a supply agreement with Epiroc.\n").unwrap();
    let t = t.to_str().unwrap();

    // a full device: an error with a message, never exit 0
    for format in ["json", "jsonl", "dot", "graphml"] {
        let o = run(&["extract", t, "--format", format, "-o", "/dev/full"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{format}: {err}");
        assert!(err.contains("No space left on device"), "{format}: {err}");
    }
    assert!(std::fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());
    // stdout on a full device too
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = bin().args(["extract", t]).stdout(full).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("No space left on device"));

    // a FIFO is written to, not replaced
    let fifo = d.join("graph.fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let o = run(&["extract", t, "-o", fifo.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&reader.join().unwrap()).unwrap();
    assert_eq!(got["graph"]["documents"][0], t);
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());

    // a symlink is followed: the target gets the output and the link stays
    let target = d.join("real.json");
    std::fs::write(&target, "old").unwrap();
    let link = d.join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    for format in ["json", "jsonl"] {
        let o = run(&[
            "extract",
            t,
            "--format",
            format,
            "-o",
            link.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::read_to_string(&target)
            .unwrap()
            .contains("actor:epiroc"));
    }
    // /dev/stdout (a link to the pipe) is written in place
    let o = run(&["extract", t, "-o", "/dev/stdout"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["graph"]["documents"][0], t);
    // a dangling link is refused with a message, and left as it is
    let dangling = d.join("dangling.json");
    std::os::unix::fs::symlink("nowhere/x.json", &dangling).unwrap();
    let o = run(&["extract", t, "-o", dangling.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("dangling.json") && err.contains("symlink to a missing file"),
        "{err}"
    );
    assert!(std::fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn issue17_folder_walk_skips_special_files_and_symlink_cycles() {
    let d = tmpdir("walk");
    let docs = d.join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        "Boliden signed a supply agreement with Epiroc.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("sub/b.txt"),
        "JOGMEC and Sojitz signed a memorandum of understanding.\n",
    )
    .unwrap();
    // a cycle back to the top, a second link to a file, and a FIFO that
    // would block a reader forever
    std::os::unix::fs::symlink("..", docs.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("a.txt", docs.join("again.txt")).unwrap();
    assert!(Command::new("mkfifo")
        .arg(docs.join("pipe.txt"))
        .status()
        .unwrap()
        .success());
    let (o, _) = run_timed(&["extract", docs.to_str().unwrap()], b"", 60);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("1 FIFOs, sockets or devices"), "{err}");
    assert!(
        err.contains("2 symlinked files or folders already read"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs_read: Vec<&str> = v["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(docs_read.len(), 2, "{docs_read:?}");
    assert!(docs_read[0].ends_with("docs/a.txt") && docs_read[1].ends_with("docs/sub/b.txt"));
    let boliden = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "actor:boliden")
        .unwrap();
    assert_eq!(boliden["mentions"].as_array().unwrap().len(), 1);
}

#[test]
fn issue17_duplicate_jsonl_ids_are_reported() {
    let d = tmpdir("dup-ids");
    let f = d.join("dump.jsonl");
    std::fs::write(
        &f,
        concat!(
            r#"{"id": "n1", "text": "Boliden signed a supply agreement with Epiroc."}"#,
            "\n",
            r#"{"id": "n2", "text": "JOGMEC and Sojitz signed a memorandum of understanding."}"#,
            "\n",
            r#"{"id": "n1", "text": "Sandvik signed a cooperation agreement with Epiroc."}"#,
            "\n"
        ),
    )
    .unwrap();
    let o = run(&["extract", f.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("skipping n1: an earlier document has the same id"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["graph"]["documents"], serde_json::json!(["n1", "n2"]));
}

#[test]
fn issue17_merge_goes_on_past_a_bad_shard() {
    let d = tmpdir("merge-bad");
    let t = d.join("t.txt");
    std::fs::write(&t, "Boliden signed a supply agreement with Epiroc.\n").unwrap();
    let good = d.join("good.json");
    let o = run(&["extract", t.to_str().unwrap(), "-o", good.to_str().unwrap()]);
    assert!(o.status.success());
    let bad = d.join("bad.json");
    std::fs::write(&bad, "{\"nodes\": [").unwrap();
    let missing = d.join("missing.json");
    let o = run(&[
        "merge",
        bad.to_str().unwrap(),
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("bad.json") && err.contains("missing.json"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["graph"]["documents"].as_array().unwrap().len(), 1);
    // nothing readable: exit 2
    let o = run(&["merge", bad.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    // offsets are u32 (a document is at most 256 MiB): a graph edited to
    // hold a larger one is refused with where it is, not cut short
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&good).unwrap()).unwrap();
    let mention = v["nodes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find_map(|n| n["mentions"].get_mut(0))
        .unwrap();
    mention["start"] = serde_json::json!(5_000_000_000u64);
    let huge = d.join("huge.json");
    std::fs::write(&huge, serde_json::to_string(&v).unwrap()).unwrap();
    let o = run(&["merge", huge.to_str().unwrap(), good.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("huge.json") && err.contains("5000000000"),
        "{err}"
    );
}

#[test]
fn issue17_gazetteer_check_rejects_bad_tags_and_dates() {
    let d = tmpdir("gaz-check");
    let g = d.join("mine.tsv");
    std::fs::write(
        &g,
        "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
         acme\tcompany\tAcme Widgets\tBar@\n\
         beta\tcompany\tBeta Widgets\tFoo@xx-yy\n\
         gamma\tperson\tGamma Person\t\t\tacme@2024-13-45..1999\n\
         delta\tcompany\tDelta Widgets\tQ\n",
    )
    .unwrap();
    let o = run(&["gazetteer", "check", g.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("mine.tsv:2: error") && out.contains("`@`"),
        "{out}"
    );
    assert!(
        out.contains("mine.tsv:3: error") && out.contains("`@xx-yy`"),
        "{out}"
    );
    assert!(
        out.contains("mine.tsv:4: error") && out.contains("`2024-13-45` is not a date"),
        "{out}"
    );
    assert!(
        out.contains("mine.tsv:5: warning") && out.contains("single letter"),
        "{out}"
    );
}

/// The names of the pactgraph temp files in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".pactgraph-tmp-"))
        .collect()
}

/// `docs` JSONL documents with an agreement each, about 650 bytes a line.
fn write_big_jsonl(path: &Path, docs: usize) {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..docs {
        let text =
            "JOGMEC signed a memorandum of understanding with Sojitz in June 2025 on lithium. \
                    Boliden and Epiroc agreed a supply deal. "
                .repeat(5);
        writeln!(
            w,
            "{}",
            serde_json::json!({"id": format!("d{i}"), "text": text})
        )
        .unwrap();
    }
    w.flush().unwrap();
}

#[test]
fn issue17_sigint_and_sigterm_remove_the_temp_file() {
    use std::time::{Duration, Instant};
    let d = tmpdir("signals");
    let input = d.join("in.jsonl");
    let out = d.join("out.jsonl");
    for (signal, code) in [("TERM", 143), ("INT", 130)] {
        // the JSONL writer holds its temp file for the whole run; a bigger input
        // when the run ended before the signal could be sent (a fast machine)
        let mut docs = 10_000;
        loop {
            assert!(
                docs <= 640_000,
                "{signal}: every run ended before the signal"
            );
            write_big_jsonl(&input, docs);
            let mut child = bin()
                .args(["extract", "--format", "jsonl", "-q", "-o"])
                .arg(&out)
                .arg(&input)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            let t = Instant::now();
            let mut ended_first = false;
            while temp_files(&d).is_empty() {
                if child.try_wait().unwrap().is_some() {
                    ended_first = true;
                    break;
                }
                assert!(
                    t.elapsed() < Duration::from_secs(120),
                    "no temp file appeared"
                );
                std::thread::sleep(Duration::from_millis(5));
            }
            if !ended_first {
                let pid = child.id().to_string();
                assert!(Command::new("kill")
                    .args([&format!("-{signal}"), &pid])
                    .status()
                    .unwrap()
                    .success());
            }
            let t = Instant::now();
            let status = loop {
                if let Some(s) = child.try_wait().unwrap() {
                    break s;
                }
                if t.elapsed() > Duration::from_secs(60) {
                    let _ = child.kill();
                    panic!("{signal}: still running 60 s after the signal");
                }
                std::thread::sleep(Duration::from_millis(10));
            };
            if status.code() == Some(0) {
                let _ = std::fs::remove_file(&out);
                docs *= 4;
                continue;
            }
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            assert_eq!(status.code(), Some(code), "{signal}: {err}");
            assert_eq!(temp_files(&d), Vec::<String>::new(), "{signal}");
            assert!(
                !out.exists(),
                "{signal}: a half output was renamed into place"
            );
            break;
        }
    }
}

#[test]
#[cfg(target_os = "linux")]
fn issue17_stale_temp_files_of_dead_runs_are_removed() {
    let d = tmpdir("stale");
    let t = d.join("t.txt");
    std::fs::write(&t, "Boliden signed a supply agreement with Epiroc.\n").unwrap();
    // a run killed with SIGKILL leaves its temp file; process ids are below pid_max
    let pid_max: u64 = std::fs::read_to_string("/proc/sys/kernel/pid_max")
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let dead = format!(".out.json.pactgraph-tmp-{pid_max}-AbC123");
    // a live process's file (this test's), another output's, and a look-alike stay
    let live = format!(".out.json.pactgraph-tmp-{}-AbC123", std::process::id());
    let other = format!(".other.json.pactgraph-tmp-{pid_max}-AbC123");
    let lookalike = ".out.json.pactgraph-tmp-notapid".to_string();
    for name in [&dead, &live, &other, &lookalike] {
        std::fs::write(d.join(name), "half a graph").unwrap();
    }
    let out = d.join("out.json");
    for format in ["json", "jsonl"] {
        std::fs::write(d.join(&dead), "half a graph").unwrap();
        let o = run(&[
            "extract",
            t.to_str().unwrap(),
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let mut left = temp_files(&d);
        left.sort();
        let mut want = vec![live.clone(), other.clone(), lookalike.clone()];
        want.sort();
        assert_eq!(left, want, "{format}");
        assert!(out.exists());
    }
}

/// The actors of an extracted graph: label → discovered.
fn actor_labels(graph: &[u8]) -> std::collections::BTreeMap<String, bool> {
    let v: serde_json::Value = serde_json::from_slice(graph).unwrap();
    v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "actor" && !n["mentions"].as_array().unwrap().is_empty())
        .map(|n| {
            (
                n["label"].as_str().unwrap().to_string(),
                n["discovered"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

/// Issue 16: `gazetteer suggest` writes the discovered actors as rows that,
/// passed back with -g, make the same names gazetteer actors.
#[test]
fn issue16_suggest_then_gazetteer_reproduces_discovered_actors() {
    let d = tmpdir("suggest");
    let corpus = d.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    // names invented for this test, one per discovery rule, in both languages
    std::fs::write(
        corpus.join("en.txt"),
        "Brackwell Cobalt Ltd signed a memorandum of understanding with Torvane Graphite Oy in May 2025. \
         The Ministry of Ports and Shipping of Valdoria welcomed it, said CEO Helena Maritz. \
         Canadian miner Quillon Resources and the Institute for Marine Batteries (IMB) will join. \
         Mr. OKABARI attended. Brackwell Cobalt said more would follow.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("sv.txt"),
        "Fjällgruvan AB och Sälens kommun har tecknat ett samarbetsavtal. \
         Vätgasleverantören Norrväder deltar, sade vd Ingrid Solberg.\n",
    )
    .unwrap();
    let c = corpus.to_str().unwrap();
    let before = run(&["extract", c, "-q"]);
    assert!(
        before.status.success(),
        "{}",
        String::from_utf8_lossy(&before.stderr)
    );
    let discovered: Vec<String> = actor_labels(&before.stdout)
        .into_iter()
        .filter(|(_, d)| *d)
        .map(|(l, _)| l)
        .collect();
    for want in [
        "Brackwell Cobalt Ltd",
        "Torvane Graphite Oy",
        "Helena Maritz",
        "Quillon Resources",
        "Institute for Marine Batteries",
        "Fjällgruvan AB",
        "Sälens kommun",
        "Norrväder",
        "Ingrid Solberg",
    ] {
        assert!(
            discovered.iter().any(|l| l == want),
            "{want} not in {discovered:?}"
        );
    }
    let tsv = d.join("suggested.tsv");
    let o = run(&["gazetteer", "suggest", c, "-o", tsv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = std::fs::read_to_string(&tsv).unwrap();
    assert!(
        rows.contains("# 2 mentions in 1 document; company (legal_form); ")
            && rows.contains(
                "\nbrackwell-cobalt-ltd\tcompany\tBrackwell Cobalt Ltd\tBrackwell Cobalt?\n"
            ),
        "{rows}"
    );
    assert!(
        rows.contains("\tInstitute for Marine Batteries\tIMB\n"),
        "{rows}"
    );
    // deterministic, and the same on stdout
    let o2 = run(&["gazetteer", "suggest", c]);
    assert_eq!(o2.stdout, rows.as_bytes());
    let check = run(&["gazetteer", "check", tsv.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let after = run(&["extract", c, "-q", "-g", tsv.to_str().unwrap()]);
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
    let now = actor_labels(&after.stdout);
    for l in &discovered {
        assert_eq!(
            now.get(l),
            Some(&false),
            "{l} is not a gazetteer actor now: {now:?}"
        );
    }
}

/// Issue 16: `gazetteer import` turns Wikidata SPARQL results into rows that
/// load and match; bad input names the file and what to do.
#[test]
fn issue16_gazetteer_import_reads_wikidata_results() {
    let d = tmpdir("import");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikidata_sample.json");
    let tsv = d.join("wikidata.tsv");
    let o = run(&[
        "gazetteer",
        "import",
        fixture.to_str().unwrap(),
        "-o",
        tsv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = std::fs::read_to_string(&tsv).unwrap();
    // rows of one item merged; Swedish label and aliases kept with their language
    assert!(
        rows.contains("\tcountry\tSweden\tSverige@sv|Konungariket Sverige@sv|Kingdom of Sweden@en\tSE\t\twikidata Q34\n"),
        "{rows}"
    );
    assert!(
        rows.contains("\nolaf-scholz\tperson\tOlaf Scholz\t\tDE\t\twikidata Q61053\n"),
        "{rows}"
    );
    assert!(
        rows.contains("\tcompany\tToyota\tToyota Motor Corporation@en\tJP\t\twikidata Q53268\n"),
        "{rows}"
    );
    let check = run(&["gazetteer", "check", tsv.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let text = d.join("a.txt");
    std::fs::write(
        &text,
        "Olaf Scholz besökte Sverige. Scholz träffade Toyota Motor Corporation.\n",
    )
    .unwrap();
    let o = run(&[
        "extract",
        text.to_str().unwrap(),
        "-q",
        "--no-default-gazetteers",
        "-g",
        tsv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let node = |label: &str| {
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["label"] == label)
            .cloned()
    };
    let scholz = node("Olaf Scholz").expect("Olaf Scholz found");
    assert_eq!(scholz["type"], "person");
    assert_eq!(scholz["mentions"].as_array().unwrap().len(), 2);
    assert_eq!(
        node("Sweden").expect("Sverige is Sweden")["type"],
        "country"
    );
    assert_eq!(node("Toyota").expect("Toyota found")["type"], "company");
    // not SPARQL results: an error naming the file and what to do
    let bad = d.join("bad.json");
    std::fs::write(&bad, "{\"items\": []}").unwrap();
    let o = run(&["gazetteer", "import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.json: no `results.bindings`") && err.contains("gazetteers/README.md"),
        "{err}"
    );
}
