//! The partner view (`--view partners`): the actor-only graph, for "who works
//! with whom". Takes the merged graph; gives the actors that have at least one
//! partner and one `partners_with` edge per pair, carrying the agreements
//! behind it, in every export format, undirected where the format can say so:
//! node-link and Cytoscape JSON with `"directed": false`, GraphML with
//! `edgedefault="undirected"`, DOT as a `graph` with `--` edges. Neo4j
//! relationships always have a direction: each pair is one `PARTNERS_WITH`,
//! to be matched without one (`(a)-[:PARTNERS_WITH]-(b)`).
//!
//! Every attribute is a scalar (string, number or boolean): sets are joined
//! with `;` and unknown values left out, so that networkx can write back what
//! it reads (`write_graphml` and `write_gexf` refuse lists and `None`).

use super::graphml::{escape, NAMESPACE};
use super::json::SCHEMA_VERSION;
use crate::graph::{KnowledgeGraph, Node, Relation};
use petgraph::graph::DiGraph;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The view's name, written as the graph attribute `view`.
pub const VIEW: &str = "partners";

/// The actor-only graph: the actors with at least one partner, and the
/// `partners_with` edges among them (no agreements, no `member_of`).
pub fn graph(kg: &KnowledgeGraph) -> KnowledgeGraph {
    let edges: Vec<(&str, &str, &Relation)> = kg
        .edges()
        .into_iter()
        .filter(|e| matches!(e.2, Relation::PartnersWith(_)))
        .collect();
    let with_partner: BTreeSet<&str> = edges.iter().flat_map(|e| [e.0, e.1]).collect();
    let mut graph = DiGraph::new();
    let mut index = BTreeMap::new();
    for n in kg.nodes() {
        if let Node::Actor(a) = n {
            if with_partner.contains(a.id.as_str()) {
                index.insert(a.id.clone(), graph.add_node(n.clone()));
            }
        }
    }
    for (s, t, r) in edges {
        graph.add_edge(index[s], index[t], r.clone());
    }
    KnowledgeGraph {
        graph,
        index,
        documents: kg.documents.clone(),
    }
}

/// The graph a partner diagram is drawn from: the actors with a partner
/// (without their `member_of`, which is not a partnership) and every agreement.
fn diagram_graph(kg: &KnowledgeGraph) -> KnowledgeGraph {
    let with_partner: BTreeSet<&str> = kg
        .edges()
        .into_iter()
        .filter(|e| matches!(e.2, Relation::PartnersWith(_)))
        .flat_map(|e| [e.0, e.1])
        .collect();
    let nodes: Vec<Node> = kg
        .nodes()
        .filter_map(|n| match n {
            Node::Actor(a) if with_partner.contains(a.id.as_str()) => {
                let mut a = a.clone();
                a.member_of.clear();
                Some(Node::Actor(a))
            }
            Node::Actor(_) => None,
            Node::Agreement(_) => Some(n.clone()),
        })
        .collect();
    KnowledgeGraph::from_nodes(kg.documents.clone(), nodes)
}

/// The partner diagram: the collapsed view (one line per pair, labelled with
/// its agreements) as an undirected DOT `graph`.
pub fn dot_graph(
    kg: &KnowledgeGraph,
    opts: &super::dot::DotOptions,
) -> graphviz_rust::dot_structures::Graph {
    use graphviz_rust::dot_structures::Graph;
    let opts = super::dot::DotOptions {
        collapse_agreements: true,
        ..opts.clone()
    };
    match super::dot::build(&diagram_graph(kg), &opts) {
        Graph::DiGraph { id, strict, stmts } | Graph::Graph { id, strict, stmts } => {
            Graph::Graph { id, strict, stmts }
        }
    }
}

/// DOT text of the partner diagram.
pub fn to_dot(kg: &KnowledgeGraph, opts: &super::dot::DotOptions) -> String {
    use graphviz_rust::printer::{DotPrinter, PrinterContext};
    let mut s = dot_graph(kg, opts).print(&mut PrinterContext::default());
    s.push('\n');
    s
}

/// Graph metadata (`G.graph` in networkx): scalars only.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// Version of the JSON contract.
    pub schema_version: &'static str,
    /// `pactgraph <version>`.
    pub generator: String,
    /// Always `partners`.
    pub view: &'static str,
    /// Documents merged in.
    pub document_count: usize,
}

/// An actor.
#[derive(Debug, Serialize)]
pub struct ActorOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Always `actor`.
    pub kind: &'static str,
    /// Label.
    pub label: &'a str,
    /// Actor type.
    #[serde(rename = "type")]
    pub actor_type: &'static str,
    /// ISO country code, left out when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<&'a str>,
    /// Discovered in the text (not in a gazetteer).
    pub discovered: bool,
    /// Every name it is known by, joined with `;`.
    pub aliases: String,
    /// Mentions over the corpus.
    pub mention_count: usize,
    /// Distinct partners.
    pub partner_count: usize,
    /// Agreements with at least one partner.
    pub agreement_count: usize,
}

/// A partner pair.
#[derive(Debug, Serialize)]
pub struct PairOut<'a> {
    /// One actor id (the smaller).
    pub source: &'a str,
    /// The other.
    pub target: &'a str,
    /// Always `partners_with`.
    pub relation: &'static str,
    /// How many agreements the pair shares.
    pub weight: usize,
    /// Their ids, joined with `;`.
    pub agreements: String,
}

fn meta(kg: &KnowledgeGraph) -> Meta {
    Meta {
        schema_version: SCHEMA_VERSION,
        generator: format!("pactgraph {}", env!("CARGO_PKG_VERSION")),
        view: VIEW,
        document_count: kg.documents.len(),
    }
}

/// The actors and pairs of the partner view, sorted by id.
fn parts(kg: &KnowledgeGraph) -> (Vec<ActorOut<'_>>, Vec<PairOut<'_>>) {
    let mut pairs = Vec::new();
    let mut partners: BTreeMap<&str, usize> = BTreeMap::new();
    let mut agreements: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (s, t, r) in kg.edges() {
        let Relation::PartnersWith(gs) = r else {
            continue;
        };
        for x in [s, t] {
            *partners.entry(x).or_default() += 1;
            agreements
                .entry(x)
                .or_default()
                .extend(gs.iter().map(String::as_str));
        }
        pairs.push(PairOut {
            source: s,
            target: t,
            relation: "partners_with",
            weight: gs.len(),
            agreements: join(gs.iter().map(String::as_str)),
        });
    }
    let actors = kg
        .actors()
        .filter(|a| partners.contains_key(a.id.as_str()))
        .map(|a| ActorOut {
            id: &a.id,
            kind: "actor",
            label: &a.label,
            actor_type: a.kind.as_str(),
            country: a.country.as_deref(),
            discovered: a.discovered,
            aliases: join(a.aliases.iter().map(|x| &**x)),
            mention_count: a.mentions.len(),
            partner_count: partners[a.id.as_str()],
            agreement_count: agreements[a.id.as_str()].len(),
        })
        .collect();
    (actors, pairs)
}

fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(";")
}

/// Node-link JSON of the partner view (`networkx.node_link_graph` gives an
/// undirected `nx.Graph`), pretty-printed with a final newline.
pub fn to_json(kg: &KnowledgeGraph) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        directed: bool,
        multigraph: bool,
        graph: Meta,
        nodes: Vec<ActorOut<'a>>,
        edges: Vec<PairOut<'a>>,
    }
    let (nodes, edges) = parts(kg);
    let doc = Doc {
        directed: false,
        multigraph: false,
        graph: meta(kg),
        nodes,
        edges,
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("serializable");
    s.push('\n');
    s
}

/// Cytoscape.js elements JSON of the partner view (`networkx.cytoscape_graph`
/// gives an undirected `nx.Graph`), pretty-printed with a final newline.
pub fn to_cytoscape(kg: &KnowledgeGraph) -> String {
    #[derive(Serialize)]
    struct NodeData<'a> {
        value: &'a str,
        name: &'a str,
        #[serde(flatten)]
        actor: ActorOut<'a>,
    }
    #[derive(Serialize)]
    struct EdgeData<'a> {
        id: String,
        #[serde(flatten)]
        pair: PairOut<'a>,
    }
    #[derive(Serialize)]
    struct El<T> {
        data: T,
    }
    #[derive(Serialize)]
    struct Elements<'a> {
        nodes: Vec<El<NodeData<'a>>>,
        edges: Vec<El<EdgeData<'a>>>,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        data: Meta,
        directed: bool,
        multigraph: bool,
        elements: Elements<'a>,
    }
    let (nodes, edges) = parts(kg);
    let doc = Doc {
        data: meta(kg),
        directed: false,
        multigraph: false,
        elements: Elements {
            nodes: nodes
                .into_iter()
                .map(|a| El {
                    data: NodeData {
                        value: a.id,
                        name: a.label,
                        actor: a,
                    },
                })
                .collect(),
            edges: edges
                .into_iter()
                .map(|p| El {
                    data: EdgeData {
                        id: format!("{}|partners_with|{}", p.source, p.target),
                        pair: p,
                    },
                })
                .collect(),
        },
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("serializable");
    s.push('\n');
    s
}

/// GraphML of the partner view: `edgedefault="undirected"`, typed keys.
pub fn to_graphml(kg: &KnowledgeGraph) -> String {
    const NODE_KEYS: &[(&str, &str)] = &[
        ("label", "string"),
        ("kind", "string"),
        ("type", "string"),
        ("country", "string"),
        ("discovered", "boolean"),
        ("aliases", "string"),
        ("mention_count", "int"),
        ("partner_count", "int"),
        ("agreement_count", "int"),
    ];
    const EDGE_KEYS: &[(&str, &str)] = &[
        ("relation", "string"),
        ("weight", "int"),
        ("agreements", "string"),
    ];
    fn data(out: &mut String, indent: &str, key: &str, value: &str) {
        out.push_str(&format!(
            "{indent}<data key=\"{key}\">{}</data>\n",
            escape(value)
        ));
    }
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<graphml xmlns=\"{NAMESPACE}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd\">\n"
    ));
    for (id, name, ty) in [
        ("graph_schema_version", "schema_version", "string"),
        ("graph_generator", "generator", "string"),
        ("graph_view", "view", "string"),
        ("graph_document_count", "document_count", "int"),
    ] {
        out.push_str(&format!(
            "  <key id=\"{id}\" for=\"graph\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    for (for_, keys) in [("node", NODE_KEYS), ("edge", EDGE_KEYS)] {
        for (name, ty) in keys {
            out.push_str(&format!(
                "  <key id=\"{name}\" for=\"{for_}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
            ));
        }
    }
    out.push_str("  <graph id=\"pactgraph\" edgedefault=\"undirected\">\n");
    let m = meta(kg);
    let g = "    ";
    data(&mut out, g, "graph_schema_version", m.schema_version);
    data(&mut out, g, "graph_generator", &m.generator);
    data(&mut out, g, "graph_view", m.view);
    data(
        &mut out,
        g,
        "graph_document_count",
        &m.document_count.to_string(),
    );
    let (actors, pairs) = parts(kg);
    let d = "      ";
    for a in &actors {
        out.push_str(&format!("    <node id=\"{}\">\n", escape(a.id)));
        data(&mut out, d, "label", a.label);
        data(&mut out, d, "kind", a.kind);
        data(&mut out, d, "type", a.actor_type);
        if let Some(c) = a.country {
            data(&mut out, d, "country", c);
        }
        data(
            &mut out,
            d,
            "discovered",
            if a.discovered { "true" } else { "false" },
        );
        data(&mut out, d, "aliases", &a.aliases);
        data(&mut out, d, "mention_count", &a.mention_count.to_string());
        data(&mut out, d, "partner_count", &a.partner_count.to_string());
        data(
            &mut out,
            d,
            "agreement_count",
            &a.agreement_count.to_string(),
        );
        out.push_str("    </node>\n");
    }
    for p in &pairs {
        out.push_str(&format!(
            "    <edge source=\"{}\" target=\"{}\">\n",
            escape(p.source),
            escape(p.target)
        ));
        data(&mut out, d, "relation", p.relation);
        data(&mut out, d, "weight", &p.weight.to_string());
        data(&mut out, d, "agreements", &p.agreements);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_view_is_actors_and_one_edge_per_pair() {
        let kg = crate::export::awkward_graph("Boliden", &[]);
        let pg = graph(&kg);
        let ids: Vec<&str> = pg.nodes().map(|n| n.id()).collect();
        assert_eq!(
            ids,
            [
                "actor:boliden",
                "actor:epiroc",
                "actor:jogmec",
                "actor:mitsubishi_corporation"
            ]
        );
        assert!(pg.edges().iter().all(|e| e.2.as_str() == "partners_with"));
        assert_eq!(pg.edges().len(), 2);
        let json: serde_json::Value = serde_json::from_str(&to_json(&kg)).unwrap();
        assert_eq!(json["directed"], false);
        assert_eq!(json["graph"]["view"], "partners");
        for x in json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .chain(json["edges"].as_array().unwrap())
        {
            for (k, v) in x.as_object().unwrap() {
                assert!(!v.is_array() && !v.is_object() && !v.is_null(), "{k}: {v}");
            }
        }
        let gml = to_graphml(&kg);
        assert!(gml.contains("edgedefault=\"undirected\""), "{gml}");
        let dot = to_dot(&kg, &Default::default());
        assert!(dot.starts_with("graph "), "{dot}");
        assert!(dot.contains(" -- ") && !dot.contains("->"), "{dot}");
    }
}
