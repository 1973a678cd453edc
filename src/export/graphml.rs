//! GraphML for networkx (`read_graphml`), igraph (`Graph.Read_GraphML`), Gephi
//! and yEd: every attribute declared once as a typed `<key>` whose id is the
//! attribute's name, all nodes (sorted by id) before all edges (sorted by
//! source, target, relation).
//!
//! Set-valued attributes (`aliases`, `topics`, `documents`, `agreements`) are
//! joined with `;`; absent values (an actor's unknown `country`, an agreement's
//! unknown `date`, attributes of the other node kind) are left out rather than
//! written as a placeholder. Characters that XML 1.0 cannot carry (control
//! characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)
//! are written as U+FFFD.

use crate::graph::{KnowledgeGraph, Node, Relation};
use std::collections::BTreeSet;

/// The GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// Node attributes: (key id = `attr.name`, `attr.type`), in declaration order.
pub const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("kind", "string"),
    ("type", "string"),
    ("country", "string"),
    ("discovered", "boolean"),
    ("aliases", "string"),
    ("mention_count", "int"),
    ("agreement_kind", "string"),
    ("status", "string"),
    ("date", "string"),
    ("topics", "string"),
    ("evidence", "string"),
    ("documents", "string"),
];

/// Edge attributes: (key id = `attr.name`, `attr.type`), in declaration order.
pub const EDGE_KEYS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("edge_id", "string"),
    ("weight", "int"),
    ("agreements", "string"),
];

/// Graph attributes: (key id, `attr.name`, `attr.type`). The ids carry a
/// `graph_` prefix because key ids are unique in a document and nodes already
/// have a `documents` key.
pub const GRAPH_KEYS: &[(&str, &str, &str)] = &[
    ("graph_schema_version", "schema_version", "string"),
    ("graph_generator", "generator", "string"),
    ("graph_documents", "documents", "string"),
];

/// Is `c` allowed in an XML 1.0 document?
pub fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes text for XML 1.0 content and attribute values: `&`, `<`, `>`, `"`
/// and `'` as entities; tab, line feed and carriage return as character
/// references (so that attribute-value and line-end normalisation keep them);
/// characters XML 1.0 cannot carry as U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// The documents a node was seen in (from its mentions or its evidence), sorted.
pub fn node_documents(n: &Node) -> BTreeSet<&str> {
    match n {
        Node::Actor(a) => a.mentions.iter().map(|m| &*m.doc).collect(),
        Node::Agreement(g) => g.evidence.iter().map(|e| &*e.doc).collect(),
    }
}

/// The id written as an edge's `edge_id`: `source|relation|target`, unique
/// because a pair has at most one edge per relation.
pub fn edge_id(source: &str, target: &str, r: &Relation) -> String {
    format!("{source}|{}|{target}", r.as_str())
}

fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(";")
}

fn data(out: &mut String, indent: &str, key: &str, value: &str) {
    out.push_str(indent);
    out.push_str("<data key=\"");
    out.push_str(key);
    out.push_str("\">");
    out.push_str(&escape(value));
    out.push_str("</data>\n");
}

/// GraphML text (UTF-8, with the XML declaration and a final newline).
pub fn to_string(kg: &KnowledgeGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<graphml xmlns=\"{NAMESPACE}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd\">\n"
    ));
    for (id, name, ty) in GRAPH_KEYS {
        out.push_str(&format!(
            "  <key id=\"{id}\" for=\"graph\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    for (name, ty) in NODE_KEYS {
        out.push_str(&format!(
            "  <key id=\"{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    for (name, ty) in EDGE_KEYS {
        out.push_str(&format!(
            "  <key id=\"{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    out.push_str("  <graph id=\"pactgraph\" edgedefault=\"directed\">\n");
    let g = "    ";
    data(
        &mut out,
        g,
        "graph_schema_version",
        super::json::SCHEMA_VERSION,
    );
    data(
        &mut out,
        g,
        "graph_generator",
        &format!("pactgraph {}", env!("CARGO_PKG_VERSION")),
    );
    data(
        &mut out,
        g,
        "graph_documents",
        &join(kg.documents.iter().map(String::as_str)),
    );

    let d = "      ";
    for n in kg.nodes() {
        out.push_str(&format!("    <node id=\"{}\">\n", escape(n.id())));
        data(&mut out, d, "label", n.label());
        match n {
            Node::Actor(a) => {
                data(&mut out, d, "kind", "actor");
                data(&mut out, d, "type", a.kind.as_str());
                if let Some(c) = &a.country {
                    data(&mut out, d, "country", c);
                }
                data(&mut out, d, "discovered", bool_str(a.discovered));
                data(
                    &mut out,
                    d,
                    "aliases",
                    &join(a.aliases.iter().map(|x| &**x)),
                );
                data(&mut out, d, "mention_count", &a.mentions.len().to_string());
            }
            Node::Agreement(a) => {
                data(&mut out, d, "kind", "agreement");
                data(&mut out, d, "agreement_kind", a.agreement_kind.as_str());
                data(&mut out, d, "status", a.status.as_str());
                if let Some(date) = &a.date {
                    data(&mut out, d, "date", date);
                }
                data(
                    &mut out,
                    d,
                    "topics",
                    &join(a.topics.iter().map(String::as_str)),
                );
                if let Some(e) = a.evidence.first() {
                    data(&mut out, d, "evidence", &e.text);
                }
            }
        }
        data(&mut out, d, "documents", &join(node_documents(n)));
        out.push_str("    </node>\n");
    }
    for (s, t, r) in kg.edges() {
        out.push_str(&format!(
            "    <edge source=\"{}\" target=\"{}\">\n",
            escape(s),
            escape(t)
        ));
        data(&mut out, d, "relation", r.as_str());
        data(&mut out, d, "edge_id", &edge_id(s, t, r));
        if let Relation::PartnersWith(ags) = r {
            data(&mut out, d, "weight", &ags.len().to_string());
            data(
                &mut out,
                d,
                "agreements",
                &join(ags.iter().map(String::as_str)),
            );
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A graph with two agreements; the Boliden actor renamed to awkward text.
    fn graph() -> KnowledgeGraph {
        crate::export::awkward_graph(
            "\"Q\" & <Co>'s\u{1}\u{7}\tname\r\n",
            &["日本貿易振興機構", "Åkerström & Söner"],
        )
    }

    #[test]
    fn escapes_markup_quotes_and_control_characters() {
        assert_eq!(
            escape("\"Q\" & <Co>'s"),
            "&quot;Q&quot; &amp; &lt;Co&gt;&apos;s"
        );
        assert_eq!(
            escape("a\u{0}b\u{1b}c\u{FFFE}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape("日本貿易振興機構 Åäö 🔋"), "日本貿易振興機構 Åäö 🔋");
    }

    #[test]
    fn awkward_names_are_escaped_in_place() {
        let x = to_string(&graph());
        assert!(x.contains(
            "<data key=\"label\">&quot;Q&quot; &amp; &lt;Co&gt;&apos;s\u{FFFD}\u{FFFD}&#9;name&#13;&#10;</data>"
        ));
        assert!(x.contains("Åkerström &amp; Söner;"), "{x}");
        assert!(x.contains(";日本貿易振興機構</data>"), "{x}");
        assert!(!x.chars().any(|c| !is_xml_char(c)));
        assert!(!x.contains("None"));
    }

    #[test]
    fn counts_order_and_determinism() {
        let kg = graph();
        let x = to_string(&kg);
        assert_eq!(x, to_string(&graph()));
        assert_eq!(x.matches("<node ").count(), kg.nodes().count());
        assert_eq!(x.matches("<edge ").count(), kg.edges().len());
        assert_eq!(
            x.matches("<key ").count(),
            NODE_KEYS.len() + EDGE_KEYS.len() + GRAPH_KEYS.len()
        );
        // all nodes before all edges
        let last_node = x.rfind("<node ").unwrap_or(0);
        let first_edge = x.find("<edge ").unwrap_or(usize::MAX);
        assert!(last_node < first_edge);
        assert_eq!(x.matches("<data key=\"weight\">").count(), 2);
        assert!(x.contains("<data key=\"weight\">1</data>"));
        assert!(x.contains("<data key=\"edge_id\">actor:boliden|party_to|agreement:"));
        // the MoU has no date: no date element for it, and the supply agreement has one
        assert_eq!(x.matches("<data key=\"date\">").count(), 1);
        assert!(x.contains("<data key=\"discovered\">false</data>"));
        assert!(x.trim_end().ends_with("</graphml>"));
    }
}
