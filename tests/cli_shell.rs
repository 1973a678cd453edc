//! Issue 19, "a CLI that fits the shell": stdin read by content, pipes
//! between commands, the partner view in every format, betweenness on the
//! partner graph, tables that fit a terminal, plurals, names found by prefix
//! and word, the summary line, completions, the man page and the binary size.
//! Terminals are real ones: a pseudo-terminal opened by `python3`'s `pty`.

mod common;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pactgraph"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

/// Runs with `stdin` piped in.
fn run_in(args: &[&str], stdin: &[u8]) -> Output {
    let mut c = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut i = c.stdin.take().unwrap();
    // a refused input may close stdin before all is written
    let _ = i.write_all(stdin);
    drop(i);
    c.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        text(&o.stderr)
    );
    text(&o.stdout)
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pactgraph-shell-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A chain Boliden - Epiroc - LKAB, a pair of Toyota companies, and two
/// actors without partners (Northvolt also seen as "Northvolt's").
const DOC: &str = "Boliden signed a cooperation agreement with Epiroc on 3 May 2025. \
Epiroc signed a memorandum of understanding with LKAB on 4 June 2025. \
Toyota Tsusho and Toyota Motor Corporation signed a joint venture agreement on 5 June 2025.

Sumitomo Metal Mining was also mentioned. Northvolt's plant is in Skellefteå.
";

/// The graph of [`DOC`], written to `dir/graph.json`.
fn graph(dir: &Path) -> PathBuf {
    let t = dir.join("doc.txt");
    std::fs::write(&t, DOC).unwrap();
    let g = dir.join("graph.json");
    ok(&run(&["extract", s(&t), "-o", s(&g)]));
    g
}

/// Runs pactgraph with stdout (`which` = "stdout") or stderr ("stderr") on
/// an 80x24 pseudo-terminal; gives what the terminal showed and the other
/// stream. The exit status must be 0.
fn on_terminal(which: &str, args: &[&str]) -> (String, String) {
    const PTY: &str = r#"
import fcntl, os, pty, struct, subprocess, sys, termios
which, args = sys.argv[1], sys.argv[2:]
m, s = pty.openpty()
fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
other = "stderr" if which == "stdout" else "stdout"
p = subprocess.Popen(args, stdin=subprocess.DEVNULL, **{which: s, other: subprocess.PIPE})
os.close(s)
seen = b""
while True:
    try:
        chunk = os.read(m, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
rest = getattr(p, other).read()
code = p.wait()
sys.stdout.buffer.write(seen.replace(b"\r\n", b"\n"))
sys.stderr.buffer.write(rest)
sys.exit(code)
"#;
    let o = Command::new("python3")
        .args(["-c", PTY, which, env!("CARGO_BIN_EXE_pactgraph")])
        .args(args)
        .env_remove("COLUMNS")
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", text(&o.stderr));
    (text(&o.stdout), text(&o.stderr))
}

/// Issue 19: JSONL on stdin is read line by line, by content.
#[test]
fn issue19_jsonl_on_stdin_is_read_as_documents() {
    let lines = [
        r#"{"id": "d1", "text": "Boliden signed a cooperation agreement with Epiroc on 3 May 2025."}"#,
        r#"{"id": "d2", "text": "Epiroc signed a memorandum of understanding with LKAB on 4 June 2025."}"#,
        r#"{"id": "d3", "text": "LKAB and JOGMEC signed a memorandum of understanding in 2024."}"#,
    ];
    let o = run_in(&["extract"], (lines.join("\n") + "\n").as_bytes());
    let g: Value = serde_json::from_str(&ok(&o)).unwrap();
    assert_eq!(
        g["graph"]["documents"],
        serde_json::json!(["d1", "d2", "d3"])
    );
    let agreements = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "agreement")
        .count();
    assert_eq!(agreements, 3);
    // text on stdin is still one document, `-`
    let o = run_in(&["extract"], DOC.as_bytes());
    let g: Value = serde_json::from_str(&ok(&o)).unwrap();
    assert_eq!(g["graph"]["documents"], serde_json::json!(["-"]));
}

/// Issue 19: a graph or fragments given to `extract` are refused, saying
/// to use merge or query; from a file or from stdin.
#[test]
fn issue19_extract_refuses_pactgraph_output() {
    let d = tmpdir("refuse");
    let g = graph(&d);
    let shard = d.join("shard.jsonl");
    ok(&run(&[
        "extract",
        s(&d.join("doc.txt")),
        "--format",
        "jsonl",
        "-o",
        s(&shard),
    ]));
    let graph_text = std::fs::read(&g).unwrap();
    let shard_text = std::fs::read(&shard).unwrap();
    for (what, o) in [
        ("a graph", run(&["extract", s(&g)])),
        ("fragments", run(&["extract", s(&shard)])),
        ("a graph", run_in(&["extract"], &graph_text)),
        ("fragments", run_in(&["extract"], &shard_text)),
        ("a graph", run_in(&["extract", "-"], &graph_text)),
    ] {
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!("holds {what} written by pactgraph"))
                && err.contains("`pactgraph merge` or `pactgraph query`"),
            "{err}"
        );
        assert!(o.stdout.is_empty());
    }
}

/// Issue 19: `query -` and `merge -` read from stdin, so commands pipe.
#[test]
fn issue19_query_and_merge_read_stdin() {
    let d = tmpdir("stdin");
    let g = graph(&d);
    let graph_text = std::fs::read(&g).unwrap();
    let o = run_in(&["query", "-", "stats", "--format", "json"], &graph_text);
    let st: Value = serde_json::from_str(&ok(&o)).unwrap();
    assert_eq!(st["documents"], 1);
    assert_eq!(st["actors"], 7);
    // fragments through merge, then the graph through query
    let frags = ok(&run(&[
        "extract",
        s(&d.join("doc.txt")),
        "--format",
        "jsonl",
    ]));
    let merged = ok(&run_in(&["merge", "-"], frags.as_bytes()));
    assert_eq!(merged.as_bytes(), &graph_text[..]);
    let o = run_in(&["query", "-", "partners", "Epiroc"], merged.as_bytes());
    assert!(ok(&o).starts_with("Epiroc (actor:epiroc): 2 partners\n"));
    // stdin once only
    let o = run_in(&["merge", "-", "-"], &graph_text);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("more than once"));
}

/// Issue 19: `--view partners` writes the actor-only graph, undirected, with
/// scalar attributes, in every format; networkx sees each partner from both
/// sides and writes GraphML and GEXF of it (tests/consumers/check_partners.py).
#[test]
fn issue19_partner_view_in_every_format() {
    let d = tmpdir("partners");
    let g = graph(&d);
    let export = |format: &str| ok(&run(&["merge", s(&g), "--view", "partners", "-f", format]));
    let json: Value = serde_json::from_str(&export("json")).unwrap();
    assert_eq!(json["directed"], false);
    assert_eq!(json["multigraph"], false);
    assert_eq!(json["graph"]["view"], "partners");
    let ids: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "actor:boliden",
            "actor:epiroc",
            "actor:lkab",
            "actor:toyota_motor",
            "actor:toyota_tsusho"
        ]
    );
    let pairs: Vec<(&str, &str, i64)> = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["relation"], "partners_with");
            (
                e["source"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
                e["weight"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("actor:boliden", "actor:epiroc", 1),
            ("actor:epiroc", "actor:lkab", 1),
            ("actor:toyota_motor", "actor:toyota_tsusho", 1)
        ]
    );
    let graphml = export("graphml");
    assert!(graphml.contains("<graph id=\"pactgraph\" edgedefault=\"undirected\">"));
    assert_eq!(graphml.matches("<node ").count(), 5);
    assert_eq!(graphml.matches("<edge ").count(), 3);
    let dot = export("dot");
    assert!(dot.starts_with("graph \"pactgraph\" {"), "{dot}");
    assert_eq!(dot.matches("\" -- \"actor:").count(), 3, "{dot}");
    assert!(!dot.contains("->"));
    let cy: Value = serde_json::from_str(&export("cytoscape")).unwrap();
    assert_eq!(cy["directed"], false);
    assert_eq!(cy["elements"]["edges"].as_array().unwrap().len(), 3);
    let neo = d.join("neo4j");
    ok(&run(&[
        "merge",
        s(&g),
        "--view",
        "partners",
        "-f",
        "neo4j",
        "-o",
        s(&neo),
    ]));
    let rels = std::fs::read_to_string(neo.join("relationships.csv")).unwrap();
    assert_eq!(rels.lines().count(), 4, "{rels}");
    assert!(
        rels.lines().skip(1).all(|l| l.contains(",PARTNERS_WITH,")),
        "{rels}"
    );
    let svg = ok(&run(&["merge", s(&g), "--view", "partners", "-f", "svg"]));
    assert!(svg.contains("<svg") && svg.contains("Toyota Tsusho"));
    // extract and query ego take the view too
    let t = d.join("doc.txt");
    let from_extract = ok(&run(&["extract", s(&t), "--view", "partners"]));
    assert_eq!(from_extract, export("json"));
    let ego: Value = serde_json::from_str(&ok(&run(&[
        "query",
        s(&g),
        "ego",
        "Epiroc",
        "--view",
        "partners",
    ])))
    .unwrap();
    assert_eq!(ego["nodes"].as_array().unwrap().len(), 3);
    // fragments are not a graph
    let o = run(&["extract", s(&t), "--view", "partners", "-f", "jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--view partners is for graph formats"));
    // the view is not a graph to merge
    let pj = d.join("partners.json");
    std::fs::write(&pj, export("json")).unwrap();
    let o = run(&["query", s(&pj), "stats"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("is a partner view"),
        "{}",
        text(&o.stderr)
    );
    // networkx: neighbours both ways, GraphML and GEXF written, betweenness as ours
    std::fs::write(d.join("partners.graphml"), export("graphml")).unwrap();
    std::fs::write(d.join("partners.cytoscape.json"), export("cytoscape")).unwrap();
    let top = ok(&run(&[
        "query",
        s(&g),
        "top",
        "--by",
        "betweenness",
        "--format",
        "json",
    ]));
    std::fs::write(d.join("top.json"), top).unwrap();
    common::run_consumer("check_partners.py", &[&d]);
}

/// Issue 19: betweenness is computed on the partner graph: the actors
/// without partners do not count. Epiroc is between Boliden and LKAB in a
/// partner graph of five actors: 1 pair of the 4·3/2 others, 1/6 (it was 1/15,
/// with the two actors without partners counted).
#[test]
fn issue19_betweenness_on_the_partner_graph() {
    let d = tmpdir("betweenness");
    let g = graph(&d);
    let top: Value = serde_json::from_str(&ok(&run(&[
        "query",
        s(&g),
        "top",
        "--by",
        "betweenness",
        "--format",
        "json",
    ])))
    .unwrap();
    let top = top.as_array().unwrap();
    assert_eq!(top.len(), 1, "{top:?}");
    assert_eq!(top[0]["id"], "actor:epiroc");
    let b = top[0]["betweenness"].as_f64().unwrap();
    assert!((b - 1.0 / 6.0).abs() < 1e-12, "{b}");
    let help = ok(&run(&["query", "-", "top", "--help"]));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("Betweenness is computed on the partner graph"),
        "{help}"
    );
}

/// Issue 19: "1 partner", "1 agreement", "1 shortest chain of 2 agreements".
#[test]
fn issue19_plurals() {
    let d = tmpdir("plurals");
    let g = graph(&d);
    let out = ok(&run(&["query", s(&g), "partners", "Boliden"]));
    assert!(
        out.starts_with("Boliden (actor:boliden): 1 partner\n"),
        "{out}"
    );
    let out = ok(&run(&["query", s(&g), "partners", "Epiroc"]));
    assert!(
        out.starts_with("Epiroc (actor:epiroc): 2 partners\n"),
        "{out}"
    );
    let out = ok(&run(&["query", s(&g), "agreements", "Boliden"]));
    assert!(out.starts_with("1 agreement\n"), "{out}");
    let out = ok(&run_in(
        &["extract", "--explain"],
        b"JOGMEC signed an MoU with Boliden.",
    ));
    assert!(out.starts_with("== - (2 actors, 1 agreement)\n"), "{out}");
    let out = ok(&run(&["query", s(&g), "path", "Boliden", "LKAB"]));
    assert!(
        out.starts_with("1 shortest chain of 2 agreements from Boliden to LKAB\n"),
        "{out}"
    );
}

/// Issue 19: on an 80-column terminal no table line is wider than 80; piped,
/// the table is whole (the evidence sentence is not cut).
#[test]
fn issue19_tables_fit_the_terminal_and_are_whole_when_piped() {
    let d = tmpdir("tables");
    let g = graph(&d);
    let long = format!(
        "{}: Boliden signed a cooperation agreement with Epiroc on 3 May 2025.",
        s(&d.join("doc.txt"))
    );
    let piped = ok(&run(&["query", s(&g), "partners", "Boliden"]));
    assert!(piped.contains(&long), "{piped}");
    assert!(piped.lines().any(|l| l.chars().count() > 80));
    for args in [
        vec!["query", s(&g), "partners", "Boliden"],
        vec!["query", s(&g), "actors"],
        vec!["query", s(&g), "agreements"],
    ] {
        let (shown, _) = on_terminal("stdout", &args);
        assert!(shown.lines().count() >= 3, "{shown}");
        for line in shown.lines() {
            assert!(
                line.chars().count() <= 80,
                "{} wide: {line}",
                line.chars().count()
            );
        }
    }
    let (shown, _) = on_terminal("stdout", &["query", s(&g), "partners", "Boliden"]);
    assert!(
        shown.contains("Epiroc   Cooperation  signed  2025-05-03"),
        "{shown}"
    );
    assert!(shown.contains('…') && !shown.contains(&long), "{shown}");
}

/// Issue 19: names match by whole words and by prefix; an ambiguous prefix
/// lists the actors; suggestions are canonical names, never surface forms.
#[test]
fn issue19_names_match_by_prefix_and_word() {
    let d = tmpdir("names");
    let g = graph(&d);
    for name in [
        "Sumitomo",
        "sumitomo metal",
        "Sumi",
        "Metal Mining",
        "Sumitomo Met",
    ] {
        let out = ok(&run(&[
            "query",
            s(&g),
            "partners",
            name,
            "--format",
            "json",
        ]));
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["actor"]["id"], "actor:sumitomo_metal_mining", "{name}");
    }
    // the whole name is that actor, though `Toyota` starts two
    let out = ok(&run(&[
        "query",
        s(&g),
        "partners",
        "Toyota Tsusho",
        "--format",
        "json",
    ]));
    assert!(out.contains("\"actor:toyota_tsusho\""));
    let o = run(&["query", s(&g), "partners", "Toyo"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("`Toyo` fits several actors: Toyota Motor Corporation (actor:toyota_motor), Toyota Tsusho (actor:toyota_tsusho)"),
        "{err}"
    );
    let o = run(&["query", s(&g), "partners", "Northvolts"]);
    let err = text(&o.stderr);
    let (_, nearest) = err.trim().split_once("; nearest: ").expect("suggestions");
    let labels = [
        "Boliden",
        "Epiroc",
        "LKAB",
        "Northvolt",
        "Sumitomo Metal Mining",
        "Toyota Motor Corporation",
        "Toyota Tsusho",
    ];
    let shown: Vec<&str> = nearest.split(", ").collect();
    assert_eq!(shown[0], "Northvolt", "{err}");
    assert!(shown.iter().all(|n| labels.contains(n)), "{err}");
    assert!(!err.contains("Northvolt's"), "{err}");
}

/// Issue 19: a run with stderr on a terminal ends with a one-line summary;
/// piped, it does not.
#[test]
fn issue19_summary_line_on_a_terminal() {
    let d = tmpdir("summary");
    let t = d.join("doc.txt");
    std::fs::write(&t, DOC).unwrap();
    let out = d.join("g.json");
    let (shown, _) = on_terminal("stderr", &["extract", s(&t), "-o", s(&out)]);
    let last = shown.trim_end().lines().last().unwrap_or("").to_string();
    assert!(
        last.contains("pactgraph: 1 document, 7 actors, 3 agreements, 0 failures in "),
        "{shown:?}"
    );
    assert!(last.trim_end().ends_with(" s"), "{last:?}");
    let o = run(&["extract", s(&t), "-o", s(&out)]);
    assert!(o.status.success());
    assert!(text(&o.stderr).is_empty(), "{}", text(&o.stderr));
    let (shown, _) = on_terminal("stderr", &["extract", s(&t), "-o", s(&out), "-q"]);
    assert!(!shown.contains("document"), "{shown:?}");
}

/// Issue 19: shell completions and man pages.
#[test]
fn issue19_completions_and_man_page() {
    let bash = ok(&run(&["completions", "bash"]));
    assert!(bash.contains("_pactgraph()") && bash.contains("complete -F _pactgraph"));
    assert!(bash.contains("--view"));
    let zsh = ok(&run(&["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef pactgraph"));
    let fish = ok(&run(&["completions", "fish"]));
    assert!(fish.contains("complete -c pactgraph"));
    let o = run(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    let man = ok(&run(&["man"]));
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq") || man.contains(".TH pactgraph 1"),
        "{man}"
    );
    assert!(man.contains(".TH pactgraph 1") && man.contains("extract"));
    let d = tmpdir("man");
    ok(&run(&["man", "--dir", s(&d)]));
    for page in [
        "pactgraph.1",
        "pactgraph-extract.1",
        "pactgraph-query.1",
        "pactgraph-query-top.1",
    ] {
        let p = std::fs::read_to_string(d.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(p.contains(".TH"), "{page}");
    }
}

/// Issue 19: the release binary (what `cargo install` ships) is under 15 MB;
/// with `debug = 1` it was 52 MB.
#[test]
fn issue19_release_binary_under_15_mb() {
    if cfg!(debug_assertions) {
        // a debug build is not what ships; `cargo test --release` checks it
        return;
    }
    let size = std::fs::metadata(env!("CARGO_BIN_EXE_pactgraph"))
        .unwrap()
        .len();
    assert!(size < 15 << 20, "{size} bytes");
}
