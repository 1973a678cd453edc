//! A self-contained interactive HTML view of the graph: one file with
//! Cytoscape.js, the viewer script and the graph data inside, that works
//! offline.
//!
//! The page offers search by any alias, live filters (status, kind, actor
//! type, country, date range), a details panel (an actor's partners and
//! agreements; an agreement's parties, signatories, date, status, topics and
//! every evidence sentence with its document, the actors in it marked),
//! neighbourhood highlight, a choice of layout and an export of the view to
//! PNG. Colours, shapes and status borders are the DOT diagrams' own
//! ([`super::dot::style`], [`super::dot::status_look`]).
//!
//! Cytoscape.js (MIT, `vendor/cytoscape-VERSION.min.js` with its licence) is
//! embedded at build time; nothing is fetched at run time. The graph travels
//! as JSON in a `<script type="application/json">` block, with `<`, `>` and
//! `&` written as `\u003c`, `\u003e`, `\u0026` so no name or sentence can end
//! the block. The output is byte-identical for the same graph.

use crate::export::dot::{self, STATUSES};
use crate::fragment::{ActorRecord, AgreementRecord, Evidence};
use crate::gazetteer::ActorType;
use crate::graph::{KnowledgeGraph, Relation};
use crate::lexicon::Kind;
use crate::sorted_set::SortedSet;
use serde::Serialize;
use std::collections::BTreeMap;

/// The version of the Cytoscape.js file embedded in every page.
pub const CYTOSCAPE_VERSION: &str = "3.35.0";
/// Cytoscape.js, minified, as published on npm (`cytoscape@3.35.0`, `dist/cytoscape.min.js`).
const CYTOSCAPE_JS: &str = include_str!("../../vendor/cytoscape-3.35.0.min.js");
const VIEWER_JS: &str = include_str!("html/viewer.js");
const VIEWER_CSS: &str = include_str!("html/viewer.css");
const PAGE: &str = include_str!("html/page.html");

/// Agreement kinds in the order the filters list them.
const KINDS: [Kind; 9] = [
    Kind::Mou,
    Kind::Moc,
    Kind::Partnership,
    Kind::Cooperation,
    Kind::JointVenture,
    Kind::Offtake,
    Kind::Investment,
    Kind::Association,
    Kind::Other,
];

/// What the page shows besides the graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// The page title (default: "pactgraph").
    pub title: Option<String>,
    /// ISO country code → display name, for the country filter.
    pub country_names: BTreeMap<String, String>,
}

#[derive(Serialize)]
struct Data<'a> {
    title: String,
    generator: String,
    cytoscape: &'static str,
    documents: usize,
    palette: Palette,
    countries: BTreeMap<&'a str, &'a str>,
    actors: Vec<ActorOut<'a>>,
    agreements: Vec<AgreementOut<'a>>,
    /// `[source, target, relation]`: party_to, signatory_of, member_of.
    edges: Vec<[&'a str; 3]>,
}

#[derive(Serialize)]
struct Palette {
    types: Vec<TypeLook>,
    statuses: Vec<StatusOut>,
    kinds: Vec<[&'static str; 2]>,
}

#[derive(Serialize)]
struct TypeLook {
    #[serde(rename = "type")]
    actor_type: &'static str,
    label: &'static str,
    shape: &'static str,
    fill: &'static str,
}

#[derive(Serialize)]
struct StatusOut {
    status: &'static str,
    colour: &'static str,
    width: f64,
    line: &'static str,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    actor_type: &'static str,
    country: Option<&'a str>,
    discovered: bool,
    aliases: Vec<&'a str>,
    mentions: usize,
}

#[derive(Serialize)]
struct AgreementOut<'a> {
    id: &'a str,
    label: &'a str,
    kind: &'static str,
    status: &'static str,
    date: Option<&'a str>,
    topics: &'a SortedSet<String>,
    parties: Vec<&'a str>,
    signatories: Vec<&'a str>,
    evidence: Vec<EvidenceOut<'a>>,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    doc: &'a str,
    sentence: u32,
    rule: &'a str,
    /// The sentence cut into `[text, actor id or null]` parts.
    parts: Vec<(&'a str, Option<&'a str>)>,
}

/// The Cytoscape.js shape closest to a Graphviz one.
fn shape(graphviz: &str) -> &'static str {
    match graphviz {
        "box" => "round-rectangle",
        "hexagon" => "hexagon",
        "component" => "rectangle",
        "cds" => "tag",
        _ => "ellipse",
    }
}

fn palette() -> Palette {
    Palette {
        types: ActorType::ALL
            .iter()
            .map(|&t| {
                let (s, fill) = dot::style(t);
                TypeLook {
                    actor_type: t.as_str(),
                    label: dot::type_label(t),
                    shape: shape(s),
                    fill,
                }
            })
            .collect(),
        statuses: STATUSES
            .iter()
            .map(|&s| {
                let l = dot::status_look(s);
                StatusOut {
                    status: s.as_str(),
                    colour: l.colour,
                    width: l.width,
                    line: l.line,
                }
            })
            .collect(),
        kinds: KINDS
            .iter()
            .map(|&k| [k.as_str(), crate::kind_label(k)])
            .collect(),
    }
}

/// Mentions by document: (start, end, actor id), sorted.
type MentionIndex<'a> = BTreeMap<&'a str, Vec<(u32, u32, &'a str)>>;

fn mention_index<'a>(actors: &[&'a ActorRecord]) -> MentionIndex<'a> {
    let mut m: MentionIndex = BTreeMap::new();
    for a in actors {
        for x in &a.mentions {
            m.entry(&x.doc)
                .or_default()
                .push((x.start, x.end, a.id.as_str()));
        }
    }
    for v in m.values_mut() {
        v.sort();
        v.dedup();
    }
    m
}

/// The evidence sentence cut at the actors mentioned in it (the first of
/// overlapping mentions wins). A sentence whose text does not span its
/// offsets (a graph edited by hand) is one unmarked part.
fn parts<'a>(e: &'a Evidence, mentions: &MentionIndex<'a>) -> Vec<(&'a str, Option<&'a str>)> {
    let text: &str = &e.text;
    let whole = vec![(text, None)];
    if e.end < e.start || (e.end - e.start) as usize != text.len() {
        return whole;
    }
    let Some(ms) = mentions.get(&*e.doc) else {
        return whole;
    };
    let from = ms.partition_point(|m| m.0 < e.start);
    let mut out = Vec::new();
    let mut pos = 0;
    for &(s, t, id) in ms[from..].iter().take_while(|m| m.0 < e.end) {
        if t > e.end {
            continue;
        }
        let (s, t) = ((s - e.start) as usize, (t - e.start) as usize);
        if s < pos || !text.is_char_boundary(s) || !text.is_char_boundary(t) {
            continue;
        }
        if s > pos {
            out.push((&text[pos..s], None));
        }
        out.push((&text[s..t], Some(id)));
        pos = t;
    }
    if pos < text.len() {
        out.push((&text[pos..], None));
    }
    out
}

fn agreement_out<'a>(g: &'a AgreementRecord, mentions: &MentionIndex<'a>) -> AgreementOut<'a> {
    AgreementOut {
        id: &g.id,
        label: &g.label,
        kind: g.agreement_kind.as_str(),
        status: g.status.as_str(),
        date: g.date.as_deref(),
        topics: &g.topics,
        parties: g.parties.iter().map(String::as_str).collect(),
        signatories: g.signatories.iter().map(String::as_str).collect(),
        evidence: g
            .evidence
            .iter()
            .map(|e| EvidenceOut {
                doc: &e.doc,
                sentence: e.sentence,
                rule: &e.rule,
                parts: parts(e, mentions),
            })
            .collect(),
    }
}

/// The graph data the page reads, as JSON safe inside a `<script>` element.
fn data_json(kg: &KnowledgeGraph, opts: &HtmlOptions) -> String {
    let actors: Vec<&ActorRecord> = kg.actors().collect();
    let mentions = mention_index(&actors);
    let countries = actors
        .iter()
        .filter_map(|a| a.country.as_deref())
        .map(|c| {
            let name = opts.country_names.get(c).map_or(c, |n| n.trim());
            (c, name)
        })
        .collect();
    let edges = kg
        .edges()
        .into_iter()
        .filter(|e| !matches!(e.2, Relation::PartnersWith(_)))
        .map(|(s, t, r)| [s, t, r.as_str()])
        .collect();
    let data = Data {
        title: opts
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "pactgraph".into()),
        generator: format!("pactgraph {}", env!("CARGO_PKG_VERSION")),
        cytoscape: CYTOSCAPE_VERSION,
        documents: kg.documents.len(),
        palette: palette(),
        countries,
        actors: actors
            .iter()
            .map(|a| ActorOut {
                id: &a.id,
                label: &a.label,
                actor_type: a.kind.as_str(),
                country: a.country.as_deref(),
                discovered: a.discovered,
                aliases: a.aliases.iter().map(|x| &**x).collect(),
                mentions: a.mentions.len(),
            })
            .collect(),
        agreements: kg
            .agreements()
            .map(|g| agreement_out(g, &mentions))
            .collect(),
        edges,
    };
    script_safe(&serde_json::to_string(&data).expect("serializable"))
}

/// JSON with `<`, `>` and `&` escaped: it cannot close its `<script>`
/// element or open a comment, and it parses to the same value.
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Text escaped for an HTML element or attribute.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The page.
pub fn to_string(kg: &KnowledgeGraph, opts: &HtmlOptions) -> String {
    let title = match opts.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => format!("{t} · pactgraph"),
        _ => "pactgraph".to_string(),
    };
    // one pass over the template: a placeholder inside inserted text stays text
    let mut out = String::with_capacity(CYTOSCAPE_JS.len() + VIEWER_JS.len() + (1 << 16));
    let mut rest = PAGE;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find("}}") else {
            break;
        };
        match &rest[i + 2..i + j] {
            "title" => out.push_str(&escape_html(&title)),
            "css" => out.push_str(VIEWER_CSS),
            "cytoscape" => out.push_str(CYTOSCAPE_JS),
            "viewer" => out.push_str(VIEWER_JS),
            "data" => out.push_str(&data_json(kg, opts)),
            "cytoscape_version" => out.push_str(CYTOSCAPE_VERSION),
            other => panic!("unknown placeholder {other} in html/page.html"),
        }
        rest = &rest[i + j + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn graph() -> KnowledgeGraph {
        crate::export::awkward_graph(
            "</script><!-- \"Q\" & <Co> \u{2028}",
            &["日本貿易振興機構", "</SCRIPT >"],
        )
    }

    fn data_of(page: &str) -> Value {
        let open = "<script type=\"application/json\" id=\"pactgraph-data\">";
        let i = page.find(open).map(|i| i + open.len()).unwrap_or(0);
        let j = page[i..].find("</script>").map_or(page.len(), |j| i + j);
        serde_json::from_str(&page[i..j]).unwrap_or_default()
    }

    #[test]
    fn names_cannot_end_the_data_block_and_read_back_whole() {
        let kg = graph();
        let page = to_string(&kg, &HtmlOptions::default());
        let d = data_of(&page);
        let actors = d["actors"].as_array().cloned().unwrap_or_default();
        let agreements = d["agreements"].as_array().cloned().unwrap_or_default();
        assert_eq!(
            actors.len() + agreements.len(),
            kg.nodes().count(),
            "every node is in the page"
        );
        let boliden = actors
            .iter()
            .find(|a| a["id"] == "actor:boliden")
            .cloned()
            .unwrap_or_default();
        assert_eq!(boliden["label"], "</script><!-- \"Q\" & <Co> \u{2028}");
        assert!(boliden["aliases"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "</SCRIPT >")));
        // four script elements: cytoscape, the data, the viewer, and no more
        assert_eq!(page.matches("</script>").count(), 3);
        assert!(!page.to_lowercase().contains("</script><!--"));
        assert!(!page.contains("src=\"http") && !page.contains("src='http"));
        assert!(page.contains(&format!("Cytoscape.js {CYTOSCAPE_VERSION}")));
    }

    #[test]
    fn evidence_marks_the_actors_in_it() {
        let kg = graph();
        let d = data_of(&to_string(&kg, &HtmlOptions::default()));
        let g = d["agreements"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|g| g["kind"] == "offtake")
            .cloned()
            .unwrap_or_default();
        let parts = g["evidence"][0]["parts"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let text: String = parts.iter().filter_map(|p| p[0].as_str()).collect();
        assert_eq!(
            text,
            "Boliden signed a supply agreement with Epiroc on 3 May 2025."
        );
        let marked: Vec<(&str, &str)> = parts
            .iter()
            .filter_map(|p| Some((p[0].as_str()?, p[1].as_str()?)))
            .collect();
        assert_eq!(
            marked,
            [("Boliden", "actor:boliden"), ("Epiroc", "actor:epiroc")]
        );
    }

    #[test]
    fn same_graph_same_bytes_and_the_title_is_escaped() {
        let o = HtmlOptions {
            title: Some("A & <B>".into()),
            ..Default::default()
        };
        let a = to_string(&graph(), &o);
        assert_eq!(a, to_string(&graph(), &o));
        assert!(
            a.contains("<title>A &amp; &lt;B&gt; · pactgraph</title>"),
            "title"
        );
    }

    #[test]
    fn the_palette_is_the_diagrams() {
        let p = palette();
        let company = p.types.iter().find(|t| t.actor_type == "company");
        assert_eq!(
            company.map(|t| t.fill),
            Some(dot::style(ActorType::Company).1)
        );
        let looks: std::collections::BTreeSet<(&str, &str)> =
            p.statuses.iter().map(|s| (s.colour, s.line)).collect();
        assert_eq!(looks.len(), STATUSES.len(), "each status looks different");
    }
}
