//! Fuzz targets as property tests (stable Rust, no cargo-fuzz): HTML input,
//! JSONL lines, gazetteer TSV, the language TOML and graph JSON for `merge`.
//! Each draws from seeds in the repository (the test corpus, the shipped
//! gazetteers and languages) mutated by random edits, or from generators of
//! near-valid input, and asserts no panic, a result or an error that names the
//! input, and an invariant where one is cheap (mention offsets slice the text).
//!
//! Default case counts keep a `cargo test --release` short; a long run:
//! `PROPTEST_CASES=200000 cargo test --release --test fuzz -- --test-threads 1`.

use pactgraph::export::json;
use pactgraph::gazetteer::Gazetteer;
use pactgraph::graph::GraphBuilder;
use pactgraph::input::{html_to_text, InputFormat, Inputs, Item};
use pactgraph::{Document, Error, Fragment, Lexicon, Pipeline};
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::OnceLock;

/// A proptest config of `default` cases, or of `PROPTEST_CASES` when set.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        // shrinking a big seed takes long; what failed is printed either way
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files under `dir` (relative to the repository) whose name ends with one of `exts`.
fn files(dir: &str, exts: &[&str]) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| exts.iter().any(|x| p.to_string_lossy().ends_with(x)))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The test corpus's documents (text and HTML).
fn corpus() -> &'static Vec<String> {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    C.get_or_init(|| files("tests/corpus/docs", &[".txt", ".html"]))
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::embedded)
}

/// A few real gazetteer rows (ids other rows' affiliations and `+` rows can name).
const BASE_TSV: &str = "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
    jogmec\tgovernment\tJOGMEC\tJapan Organization for Metals and Energy Security\tJP\tmeti\t\n\
    meti\tgovernment\tMinistry of Economy, Trade and Industry\tMETI|=Keizai-sangyō-shō@ja\tJP\t\t\n\
    boliden\tcompany\tBoliden\tBoliden AB|Boliden?\tSE\t\t\n\
    ebba_busch\tperson\tEbba Busch\t\tSE\tmeti:minister@2022-10-18..\tnot really\n";

/// A small pipeline to run a fuzzed lexicon with (the full gazetteer would make
/// each case slow).
fn small_gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut b = Gazetteer::builder();
        b.add_source("base.tsv", BASE_TSV);
        b.build().unwrap()
    })
}

/// Every mention slices the text exactly, at the char offsets it gives, and
/// every piece of evidence is on char boundaries.
fn check_spans(text: &str, f: &Fragment) -> Result<(), TestCaseError> {
    for m in f.actors.iter().flat_map(|a| a.mentions.iter()) {
        let (start, end) = (m.bytes().start, m.bytes().end);
        prop_assert!(start <= end && end <= text.len(), "{m:?}");
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        prop_assert_eq!(&text[start..end], &*m.text);
        prop_assert_eq!(m.char_start as usize, text[..start].chars().count());
        prop_assert_eq!(m.char_end as usize, text[..end].chars().count());
    }
    for e in f.agreements.iter().flat_map(|a| a.evidence.iter()) {
        let (start, end) = (e.bytes().start, e.bytes().end);
        prop_assert!(start <= end && end <= text.len(), "{e:?}");
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        prop_assert_eq!(&text[start..end], &*e.text);
        prop_assert_eq!(e.char_start as usize, text[..start].chars().count());
    }
    Ok(())
}

fn extract_checked(p: &Pipeline, text: &str) -> Result<(), TestCaseError> {
    let f = p.extract(&Document::new("fuzz", text.to_string()));
    check_spans(text, &f)
}

// ---- mutation: random edits of a seed ----

/// One edit of a seed: positions are fractions of its length.
#[derive(Debug, Clone)]
enum Edit {
    Delete(Index, usize),
    Insert(Index, String),
    Duplicate(Index, usize),
    /// Flips bits of one byte (may break UTF-8: lossy text, or bytes for JSONL).
    Flip(Index, u8),
    /// Moves a span elsewhere.
    Move(Index, usize, Index),
}

fn edit(tokens: &'static [&'static str]) -> impl Strategy<Value = Edit> {
    let piece = prop_oneof![
        4 => proptest::sample::select(tokens).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[ -~]{0,12}",
    ];
    prop_oneof![
        any::<(Index, usize)>().prop_map(|(i, n)| Edit::Delete(i, n % 40 + 1)),
        (any::<Index>(), piece).prop_map(|(i, s)| Edit::Insert(i, s)),
        any::<(Index, usize)>().prop_map(|(i, n)| Edit::Duplicate(i, n % 200 + 1)),
        any::<(Index, u8)>().prop_map(|(i, b)| Edit::Flip(i, b | 1)),
        any::<(Index, usize, Index)>().prop_map(|(i, n, j)| Edit::Move(i, n % 100 + 1, j)),
    ]
}

fn apply(mut b: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let at = |i: &Index, b: &Vec<u8>| i.index(b.len() + 1);
        match e {
            Edit::Delete(i, n) => {
                let s = at(i, &b);
                let end = (s + n).min(b.len());
                b.drain(s..end);
            }
            Edit::Insert(i, t) => {
                let s = at(i, &b);
                b.splice(s..s, t.bytes());
            }
            Edit::Duplicate(i, n) => {
                let s = at(i, &b);
                let end = (s + n).min(b.len());
                let piece = b[s..end].to_vec();
                b.splice(end..end, piece);
            }
            Edit::Flip(i, x) if !b.is_empty() => {
                let s = i.index(b.len());
                b[s] ^= x;
            }
            Edit::Flip(..) => {}
            Edit::Move(i, n, j) => {
                let s = at(i, &b);
                let end = (s + n).min(b.len());
                let piece: Vec<u8> = b.drain(s..end).collect();
                let to = at(j, &b);
                b.splice(to..to, piece);
            }
        }
    }
    b
}

/// A seed from `seeds`, mutated by up to `max` edits drawn with `tokens`.
fn mutated(
    seeds: Vec<String>,
    tokens: &'static [&'static str],
    max: usize,
) -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::sample::select(seeds),
        proptest::collection::vec(edit(tokens), 0..=max),
    )
        .prop_map(|(s, edits)| apply(s.into_bytes(), &edits))
}

fn lossy(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

// ---- near-valid JSON: a real value with parts replaced ----

/// Any JSON value, small.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        proptest::sample::select(WORDS).prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(
                proptest::sample::select(KEYS).prop_map(str::to_string),
                inner,
                0..4
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces (or removes) the value at a random path in `v`.
#[derive(Debug, Clone)]
struct ValueEdit {
    path: Vec<Index>,
    depth: usize,
    new: Option<serde_json::Value>,
}

fn value_edit() -> impl Strategy<Value = ValueEdit> {
    (
        proptest::collection::vec(any::<Index>(), 6),
        0..6usize,
        proptest::option::weighted(0.8, json_value()),
    )
        .prop_map(|(path, depth, new)| ValueEdit { path, depth, new })
}

fn apply_value_edit(v: &mut serde_json::Value, e: &ValueEdit) {
    use serde_json::Value;
    let mut cur = v;
    for (level, i) in e.path.iter().enumerate() {
        let key = match &*cur {
            Value::Array(a) if !a.is_empty() => Some(serde_json::Value::from(i.index(a.len()))),
            Value::Object(m) if !m.is_empty() => {
                m.keys().nth(i.index(m.len())).cloned().map(Value::from)
            }
            _ => None,
        };
        let Some(key) = key else { break };
        let last = level + 1 >= e.depth;
        let parent = cur;
        if last {
            match (parent, &key, &e.new) {
                (Value::Array(a), Value::Number(n), Some(new)) => {
                    a[n.as_u64().unwrap() as usize] = new.clone()
                }
                (Value::Array(a), Value::Number(n), None) => {
                    a.remove(n.as_u64().unwrap() as usize);
                }
                (Value::Object(m), Value::String(k), Some(new)) => {
                    m.insert(k.clone(), new.clone());
                }
                (Value::Object(m), Value::String(k), None) => {
                    m.remove(k);
                }
                _ => {}
            }
            return;
        }
        cur = match (parent, key) {
            (Value::Array(a), Value::Number(n)) => &mut a[n.as_u64().unwrap() as usize],
            (Value::Object(m), Value::String(k)) => m.get_mut(&k).unwrap(),
            _ => return,
        };
    }
}

/// Words and keys the formats use, for near-valid values.
const WORDS: &[&str] = &[
    "",
    "actor",
    "agreement",
    "mentions",
    "signed",
    "mou",
    "company",
    "person",
    "government",
    "actor:jogmec",
    "actor:boliden",
    "agreement:x",
    "1.0.0",
    "2.0.0",
    "0.9",
    "2024-13-45",
    "2025-06-01",
    "2025",
    "sv",
    "en",
    "xx",
    "JOGMEC",
    "Boliden",
    "\u{2028}",
    "\u{0}",
    "é",
];
const KEYS: &[&str] = &[
    "id",
    "text",
    "date",
    "lang",
    "url",
    "type",
    "label",
    "source",
    "target",
    "nodes",
    "links",
    "graph",
    "schema_version",
    "documents",
    "aliases",
    "evidence",
    "start",
    "end",
    "status",
    "kind",
    "parties",
    "doc",
    "x",
];

// ---- HTML ----

const HTML_TOKENS: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<span>",
    "</span>",
    "<br>",
    "<br/>",
    "<hr>",
    "<b>",
    "</b>",
    "<i>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "</tr>",
    "</table>",
    "<ul>",
    "<li>",
    "</ul>",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "<head>",
    "</head>",
    "<body>",
    "</body>",
    "<html>",
    "</html>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<nav>",
    "</nav>",
    "<template>",
    "</template>",
    "<svg>",
    "</svg>",
    "<math>",
    "</math>",
    "<textarea>",
    "</textarea>",
    "<pre>",
    "</pre>",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "]]>",
    "<a href=\"x\">",
    "</a>",
    "<img src=x alt=\"a>b\">",
    "<p class='a\"b'>",
    "<",
    ">",
    "</",
    "/>",
    "&amp;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&#8232;",
    "&#x2028;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&#x110000;",
    "&unknown;",
    "&",
    "&#",
    "&#x",
    "&amp",
    "\u{0}",
    "\u{2028}",
    "\u{feff}",
    " ",
    "\n",
    "JOGMEC",
    "signed",
    "a memorandum of understanding",
    "with",
    "Boliden",
    ".",
    "tecknade",
    "avtal",
    "med",
];

/// Tags whose content is dropped or read as raw text: a marker inside them
/// may not show.
const HIDING: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "svg",
    "iframe", "button", "select", "title", "textarea", "math", "table", "tr",
];
const NEST: &[&str] = &[
    "div",
    "span",
    "p",
    "b",
    "i",
    "a",
    "li",
    "ul",
    "section",
    "em",
    "font",
    "table",
    "tr",
    "td",
    "blockquote",
    "h2",
    "script",
    "nav",
    "pre",
];

/// Nesting `depth` deep (closed or not) with a marker word at the bottom; also
/// whether the marker must show (no tag that hides its content on the way).
fn nested() -> impl Strategy<Value = (String, bool)> {
    (
        proptest::collection::vec(proptest::sample::select(NEST), 1..6),
        0..2000usize,
        any::<bool>(),
    )
        .prop_map(|(tags, depth, close)| {
            let mut s = String::from("<html><body>");
            for i in 0..depth {
                s.push('<');
                s.push_str(tags[i % tags.len()]);
                s.push('>');
            }
            s.push_str(" zqxmarker ");
            if close {
                for i in (0..depth).rev() {
                    s.push_str("</");
                    s.push_str(tags[i % tags.len()]);
                    s.push('>');
                }
            }
            let used: Vec<&str> = tags.iter().take(depth).copied().collect();
            let shows = !used.iter().any(|t| HIDING.contains(t));
            (s, shows)
        })
}

fn html_seeds() -> Vec<String> {
    corpus()
        .iter()
        .take(12)
        .map(|t| {
            if t.trim_start().starts_with('<') {
                t.clone()
            } else {
                let body: String = t.split("\n\n").map(|p| format!("<p>{p}</p>\n")).collect();
                format!("<html><head><title>T</title></head><body>{body}</body></html>")
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(cases(1000))]

    /// HTML: seeds mutated, tag soup and deep nesting never panic, and the
    /// text they give extracts with exact spans.
    #[test]
    fn fuzz_html(
        input in prop_oneof![
            2 => mutated(html_seeds(), HTML_TOKENS, 12).prop_map(|b| (lossy(b), false)),
            2 => proptest::collection::vec(proptest::sample::select(HTML_TOKENS), 0..120)
                .prop_map(|t| (t.concat(), false)),
            1 => nested(),
        ]
    ) {
        let (html, marker_shows) = input;
        let text = html_to_text(&html);
        prop_assert!(text.ends_with('\n'));
        if marker_shows {
            prop_assert!(text.contains("zqxmarker"), "{}", &html[..html.len().min(300)]);
        }
        extract_checked(pipeline(), &text)?;
    }
}

// ---- JSONL ----

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "\\u2028",
    "\\n",
    "null",
    "true",
    "1e999",
    "-0",
    "\"id\":",
    "\"text\":",
    "\"date\":",
    "\"lang\":",
    "\n",
    "\r\n",
    " ",
    "\u{0}",
    "\u{feff}",
    "2025-06-01",
    "2025-06-01T12:00:00Z",
    "\"2024-13-45\"",
];

/// One near-valid JSONL line: an object with id, text, date and more, some
/// fields of the wrong type or missing, then byte edits.
fn jsonl_line() -> impl Strategy<Value = Vec<u8>> {
    use serde_json::Value;
    let id = prop_oneof![
        6 => "[a-z0-9-]{1,12}".prop_map(Value::from),
        2 => any::<u32>().prop_map(Value::from),
        1 => json_value(),
    ];
    let text = prop_oneof![
        6 => proptest::sample::select((0..33).collect::<Vec<usize>>()).prop_map(|i| {
            let c = &corpus()[i % corpus().len()];
            Value::from(c.chars().take(600).collect::<String>())
        }),
        1 => any::<String>().prop_map(Value::from),
        1 => json_value(),
    ];
    let date = prop_oneof![
        "20[0-3][0-9]-[01][0-9]-[0-3][0-9](T12:00:00Z)?".prop_map(Value::from),
        proptest::sample::select(WORDS).prop_map(Value::from),
        json_value(),
    ];
    (
        proptest::option::weighted(0.9, id),
        proptest::option::weighted(0.9, text),
        proptest::option::weighted(0.5, date),
        proptest::option::weighted(
            0.3,
            prop_oneof![
                4 => proptest::sample::select(&["sv", "en", "SV", ""][..]).prop_map(Value::from),
                1 => json_value(),
            ],
        ),
        mostly(
            Just(vec![]),
            proptest::collection::vec(edit(JSON_TOKENS), 1..3),
        ),
    )
        .prop_map(|(id, text, date, extra, edits)| {
            let mut m = serde_json::Map::new();
            for (k, v) in [("id", id), ("text", text), ("date", date), ("lang", extra)] {
                if let Some(v) = v {
                    m.insert(k.to_string(), v);
                }
            }
            let line = serde_json::to_string(&Value::Object(m)).unwrap();
            apply(line.into_bytes(), &edits)
        })
}

proptest! {
    #![proptest_config(cases(400))]

    /// JSONL: every non-blank line is a document or a failure naming the file
    /// and line; documents extract with exact spans.
    #[test]
    fn fuzz_jsonl(lines in proptest::collection::vec(jsonl_line(), 1..6), crlf in any::<bool>()) {
        let mut bytes = Vec::new();
        for l in &lines {
            bytes.extend_from_slice(l);
            bytes.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        let file = tempfile::Builder::new().suffix(".jsonl").tempfile().unwrap();
        std::fs::write(file.path(), &bytes).unwrap();
        let name = file.path().display().to_string();
        let mut docs = 0;
        let mut failed = 0;
        let mut stopped = false;
        for item in Inputs::new(&[file.path().to_path_buf()], InputFormat::Jsonl) {
            match item {
                Item::Doc(d, _) => {
                    docs += 1;
                    prop_assert!(!d.text.trim().is_empty());
                    if let Some(date) = &d.date {
                        prop_assert!(pactgraph::dates::Date::parse(date).is_some(), "{date}");
                    }
                    extract_checked(pipeline(), &d.text)?;
                }
                Item::Failed(e, _) => {
                    failed += 1;
                    let msg = e.to_string();
                    prop_assert!(msg.starts_with(&name) && msg.contains(": line "), "{msg}");
                    stopped |= msg.contains("the rest of the file is skipped");
                }
                Item::Note(_) => {}
            }
        }
        // a line may hold a line break of its own after the edits
        let lines_in_file = bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .count();
        if !stopped {
            prop_assert_eq!(docs + failed, lines_in_file);
        }
    }
}

// ---- gazetteer TSV ----

const TSV_TOKENS: &[&str] = &[
    "\t",
    "\t\t",
    "|",
    "||",
    "=",
    "~",
    "?",
    "@",
    "@sv",
    "@en",
    "@xx-yy",
    ";",
    ":",
    "..",
    "@2024-01-01..",
    "@..2025",
    "@2024-13-45..1999",
    "+",
    "#",
    "\n",
    "\r",
    " ",
    "company",
    "person",
    "government",
    "meti",
    "jogmec",
    "x",
    "Q",
    "JOGMEC",
    "EU:s",
    "\u{0}",
    "\u{a0}",
    "\u{2028}",
    "日本",
];

/// `valid` most of the time, `any` else: a row that is mostly right, so that
/// whole files load often enough to reach matching.
fn mostly<T: std::fmt::Debug + Clone + 'static>(
    valid: impl Strategy<Value = T> + 'static,
    any: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<T> {
    prop_oneof![12 => valid, 1 => any].boxed()
}

/// One generated gazetteer row, near valid.
fn tsv_row() -> impl Strategy<Value = String> {
    let alias = (
        proptest::sample::select(&["", "", "", "=", "~"][..]),
        mostly(
            prop_oneof![
                "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?",
                "[A-Z]{2,5}",
                "[A-Za-z\\.\\-&' åäöé日本]{1,12}",
            ],
            prop_oneof![
                proptest::sample::select(WORDS).prop_map(str::to_string),
                any::<String>(),
            ],
        ),
        proptest::sample::select(&["", "", "", "?"][..]),
        mostly(
            proptest::sample::select(&["", "", "@sv", "@en"][..]),
            proptest::sample::select(&["@", "@xx-yy", "@SV"][..]),
        ),
    )
        .prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"));
    let date = mostly(
        prop_oneof![Just(String::new()), "20[0-2][0-9](-0[1-9](-[0-2][1-9])?)?"],
        "[0-9-]{0,12}",
    );
    let affiliation = (
        mostly(
            proptest::sample::select(&["meti", "jogmec", "boliden"][..]),
            proptest::sample::select(&["nobody", "", "a b", "META"][..]),
        ),
        proptest::option::of("[a-z ]{1,12}"),
        proptest::option::of((date.clone(), date)),
    )
        .prop_map(|(id, role, term)| {
            let mut s = id.to_string();
            if let Some(r) = role {
                s.push(':');
                s.push_str(&r);
            }
            if let Some((a, b)) = term {
                s.push_str(&format!("@{a}..{b}"));
            }
            s
        });
    (
        mostly(
            "[a-z][a-z0-9_.-]{0,10}",
            prop_oneof!["[A-Za-z0-9 ]{0,6}", Just("meti".to_string())],
        ),
        mostly(
            proptest::sample::select(&["company", "person", "government", "country", "event"][..]),
            proptest::sample::select(&["+", "org", ""][..]),
        ),
        "[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9})?",
        proptest::collection::vec(alias, 0..4),
        mostly(
            proptest::sample::select(&["", "SE", "JP", "EU"][..]),
            proptest::sample::select(&["se", "XYZ"][..]),
        ),
        proptest::collection::vec(affiliation, 0..3),
        mostly(Just(7usize), 1..10usize),
    )
        .prop_map(|(id, ty, name, aliases, country, aff, n)| {
            let mut cols = vec![
                id,
                ty.to_string(),
                name,
                aliases.join("|"),
                country.to_string(),
                aff.join(";"),
                "note".to_string(),
            ];
            // sometimes too few or too many columns
            cols.resize(n, "extra".to_string());
            cols.join("\t")
        })
}

/// Rows of the shipped gazetteers (those with no affiliation: the ids they
/// would name are not loaded here).
fn tsv_lines() -> Vec<String> {
    files("gazetteers/actors", &[".tsv"])
        .iter()
        .flat_map(|f| f.lines().skip(1).map(str::to_string).collect::<Vec<_>>())
        .filter(|l| l.split('\t').nth(5).is_none_or(str::is_empty))
        .collect()
}

const HEADER: &str = "id\ttype\tname\taliases\tcountry\taffiliation\tnote";

proptest! {
    #![proptest_config(cases(800))]

    /// Gazetteer TSV: real and generated rows, mutated, load or give errors
    /// naming the file and a line in it; a gazetteer that loads matches its
    /// own names with exact spans.
    #[test]
    fn fuzz_gazetteer_tsv(
        header in prop_oneof![15 => Just(HEADER.to_string()), 1 => mutated(vec![HEADER.into()], TSV_TOKENS, 3).prop_map(lossy)],
        rows in proptest::collection::vec(
            prop_oneof![
                3 => proptest::sample::select(tsv_lines()),
                6 => tsv_row(),
                1 => mutated(tsv_lines(), TSV_TOKENS, 4).prop_map(lossy),
            ],
            0..6,
        ),
    ) {
        let text = format!("{header}\n{}\n", rows.join("\n"));
        let n_lines = text.lines().count();
        let mut b = Gazetteer::builder();
        b.add_source("base.tsv", BASE_TSV).add_source("fuzz.tsv", &text);
        let mut checked = Gazetteer::builder();
        checked.add_source("base.tsv", BASE_TSV).add_source("fuzz.tsv", &text);
        for d in checked.check(&pipeline().lexicon().common_words) {
            prop_assert!(d.origin.line <= n_lines.max(5) + 1, "{d:?}");
        }
        match b.build() {
            Ok(g) => {
                let names: Vec<String> = g.entities().iter().map(|e| e.name.clone()).collect();
                let sample = format!("{} signed an agreement with {}.", names.join(" and "), names.join(", "));
                let p = Pipeline::new(g, pipeline().lexicon().clone());
                extract_checked(&p, &sample)?;
            }
            Err(Error::Many(errors)) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    match e {
                        Error::Data { path, line, .. } => {
                            prop_assert!(path == "fuzz.tsv" || path == "base.tsv", "{path}");
                            prop_assert!(line <= n_lines + 1, "{line} of {n_lines}");
                        }
                        other => prop_assert!(false, "not a data error: {other}"),
                    }
                }
            }
            Err(other) => prop_assert!(false, "not a list of data errors: {other}"),
        }
    }
}

// ---- language TOML ----

const TOML_TOKENS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "=",
    "\"",
    "'",
    "\"\"\"",
    ",",
    "#",
    "\n",
    "{",
    "}",
    ".",
    "*",
    "[[agreement]]",
    "[status]",
    "[dates]",
    "[discovery]",
    "kind = \"mou\"",
    "lang = \"xx\"",
    "phrases = []",
    "1",
    "true",
    "1979-05-27",
    "\\u0000",
    "\u{0}",
    "\u{2028}",
    "é",
];

fn lang_seeds() -> Vec<String> {
    files("gazetteers/lang", &[".toml"])
}

/// The language files with values replaced at random paths: near-valid TOML
/// that gets past the parser and into the schema and the lexicon's build.
fn toml_value_mutated() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(lang_seeds()),
        proptest::collection::vec(value_edit(), 1..4),
    )
        .prop_map(|(seed, edits)| {
            let value: toml::Value = toml::from_str(&seed).unwrap();
            let mut v = serde_json::to_value(value).unwrap();
            for e in &edits {
                apply_value_edit(&mut v, e);
            }
            // TOML has no null: those edits fall back to the seed's text
            toml::to_string(&v).unwrap_or(seed)
        })
}

proptest! {
    #![proptest_config(cases(250))]

    /// Language TOML: the shipped files mutated, by bytes or by values, give a
    /// lexicon or an error naming the file; a lexicon that loads extracts with
    /// exact spans.
    #[test]
    fn fuzz_language_toml(
        text in prop_oneof![
            mutated(lang_seeds(), TOML_TOKENS, 8).prop_map(lossy),
            toml_value_mutated(),
        ],
        with_other in any::<bool>(),
    ) {
        let mut sources = vec![("fuzz.toml".to_string(), text)];
        if with_other {
            sources.push(("sv.toml".to_string(), lang_seeds().pop().unwrap()));
        }
        // the lines of each file, for the line an error names
        let n_lines: Vec<(String, usize)> =
            sources.iter().map(|(p, t)| (p.clone(), t.lines().count())).collect();
        match Lexicon::from_sources(sources) {
            Ok(lex) => {
                let p = Pipeline::new(small_gazetteer().clone(), lex);
                for s in [
                    "JOGMEC signed a memorandum of understanding with Boliden on 3 June 2025.",
                    "Boliden och JOGMEC tecknade i går ett avtal om litium. Ebba Busch sa det.",
                ] {
                    extract_checked(&p, s)?;
                }
            }
            Err(Error::Data { path, line, .. }) => {
                let lines = n_lines.iter().find(|(p, _)| *p == path).map(|(_, n)| *n);
                prop_assert!(lines.is_some(), "an error in {path}, which is no source");
                let n = lines.unwrap_or(0);
                prop_assert!(line <= n + 1, "line {line} of {path}, which has {n}");
            }
            Err(other) => prop_assert!(false, "not a data error: {other}"),
        }
    }
}

// ---- graph JSON for merge ----

/// Graphs of a few corpus documents each, as `extract` writes them.
fn graph_seeds() -> &'static Vec<String> {
    static G: OnceLock<Vec<String>> = OnceLock::new();
    G.get_or_init(|| {
        let mut v = Vec::new();
        for (i, chunk) in corpus().chunks(4).take(4).enumerate() {
            let mut b = GraphBuilder::new();
            for (j, t) in chunk.iter().enumerate() {
                b.add_fragment(pipeline().extract(&Document::new(format!("d{i}-{j}"), t.clone())));
            }
            v.push(json::to_string(&b.build()));
        }
        v.push(json::to_string(&GraphBuilder::new().build()));
        v
    })
}

proptest! {
    #![proptest_config(cases(1000))]

    /// Graph JSON: mutated graphs read, or fail naming the file; what reads
    /// merges with a real graph, and what pactgraph then writes reads back to
    /// the same bytes.
    #[test]
    fn fuzz_graph_json_for_merge(
        text in prop_oneof![
            mutated(graph_seeds().clone(), JSON_TOKENS, 8).prop_map(lossy),
            (
                proptest::sample::select(graph_seeds().clone()),
                proptest::collection::vec(value_edit(), 1..4),
            )
                .prop_map(|(seed, edits)| {
                    let mut v: serde_json::Value = serde_json::from_str(&seed).unwrap();
                    for e in &edits {
                        apply_value_edit(&mut v, e);
                    }
                    v.to_string()
                }),
        ],
        other in 0..4usize,
    ) {
        match json::read("fuzz.json", &text) {
            Ok(b) => {
                let mut all = json::read("real.json", &graph_seeds()[other]).unwrap();
                all.merge(b);
                let once = json::to_string(&all.build());
                let again = json::read("once.json", &once);
                prop_assert!(again.is_ok(), "{:?}", again.err());
                prop_assert_eq!(json::to_string(&again.unwrap().build()), once);
            }
            Err(Error::Input { path, .. }) => prop_assert_eq!(path, Path::new("fuzz.json")),
            Err(other) => prop_assert!(false, "not an input error: {other}"),
        }
    }
}
