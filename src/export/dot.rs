//! DOT for Graphviz, built with graphviz-rust: actors shaped and coloured by
//! type, agreements as their own nodes labelled with kind, status and date.
//! Every id and label is escaped here (graphviz-rust's own escaping leaves inner
//! quotes alone).

use crate::gazetteer::ActorType;
use crate::graph::{KnowledgeGraph, Node, Relation};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DNode, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// A quoted DOT string with `\`, `"` and line breaks escaped.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

/// Shape and fill colour for an actor type.
pub fn style(t: ActorType) -> (&'static str, &'static str) {
    match t {
        ActorType::Government => ("box", "#cfe2f3"),
        ActorType::Company => ("box", "#fce5cd"),
        ActorType::Organization => ("box", "#d9ead3"),
        ActorType::Alliance => ("hexagon", "#ead1dc"),
        ActorType::Country => ("ellipse", "#fff2cc"),
        ActorType::Region => ("ellipse", "#f3f3f3"),
        ActorType::Person => ("plaintext", "#ffffff"),
        ActorType::Programme => ("component", "#d0e0e3"),
        ActorType::Event => ("cds", "#f4cccc"),
    }
}

/// Builds the DOT graph structure.
pub fn build(kg: &KnowledgeGraph) -> Graph {
    let mut stmts = vec![
        Stmt::Attribute(Attribute(
            Id::Plain("rankdir".into()),
            Id::Plain("LR".into()),
        )),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr(
                "fontname",
                "Noto Sans, IPAGothic, Helvetica, Arial, sans-serif",
            ),
            attr("fontsize", "11"),
            attr("style", "filled"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
            attr("color", "#555555"),
        ])),
    ];
    for n in kg.nodes() {
        let attrs = match n {
            Node::Actor(a) => {
                let (shape, fill) = style(a.kind);
                vec![
                    attr("label", &a.label),
                    attr("shape", shape),
                    attr("fillcolor", fill),
                    attr("tooltip", &format!("{} ({})", a.label, a.kind)),
                ]
            }
            Node::Agreement(g) => {
                let mut label = format!(
                    "{}\n{}",
                    crate::kind_label(g.agreement_kind),
                    g.status.as_str()
                );
                if let Some(d) = &g.date {
                    label.push_str(&format!(" · {d}"));
                }
                let tip = g.evidence.first().map_or(String::new(), |e| e.text.clone());
                vec![
                    attr("label", &label),
                    attr("shape", "note"),
                    attr("fillcolor", "#ffffff"),
                    attr("tooltip", &tip),
                ]
            }
        };
        stmts.push(Stmt::Node(DNode {
            id: NodeId(quote(n.id()), None),
            attributes: attrs,
        }));
    }
    for (s, t, r) in kg.edges() {
        let attrs = match r {
            Relation::PartyTo => vec![attr("arrowhead", "none")],
            Relation::SignatoryOf => vec![
                attr("style", "dashed"),
                attr("label", "signed"),
                attr("arrowhead", "none"),
            ],
            Relation::MemberOf => vec![attr("style", "dotted"), attr("label", "part of")],
            // partners_with is implied by the agreement nodes in this view
            Relation::PartnersWith(_) => continue,
        };
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quote(s), None)),
                Vertex::N(NodeId(quote(t), None)),
            ),
            attributes: attrs,
        }));
    }
    Graph::DiGraph {
        id: quote("pactgraph"),
        strict: false,
        stmts,
    }
}

/// Diagram options (temporary stand-in until the diagram work lands).
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// Actors only.
    pub collapse_agreements: bool,
    /// Country names.
    pub country_names: std::collections::BTreeMap<String, String>,
    /// Legend.
    pub legend: bool,
    /// Clusters.
    pub clusters: bool,
    /// Title.
    pub title: Option<String>,
}

/// Image formats.
#[derive(Debug, Clone, Copy)]
pub enum ImageFormat {
    /// SVG.
    Svg,
    /// PNG.
    Png,
}

/// DOT text.
pub fn to_string(kg: &KnowledgeGraph, _opts: &DotOptions) -> String {
    let mut s = build(kg).print(&mut PrinterContext::default());
    s.push('\n');
    s
}

/// Renders with dot.
pub fn render(
    kg: &KnowledgeGraph,
    _o: &DotOptions,
    f: ImageFormat,
) -> crate::error::Result<Vec<u8>> {
    use graphviz_rust::cmd::{CommandArg, Format};
    let f = match f {
        ImageFormat::Svg => Format::Svg,
        ImageFormat::Png => Format::Png,
    };
    graphviz_rust::exec(
        build(kg),
        &mut PrinterContext::default(),
        vec![CommandArg::Format(f)],
    )
    .map_err(|e| crate::error::Error::Export(format!("dot: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_escape_quotes_and_backslashes() {
        let Id::Escaped(s) = quote("a \"b\" \\ c\nd") else {
            panic!()
        };
        assert_eq!(s, "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
