//! Node-link JSON (networkx `node_link_graph` compatible), schema version
//! [`SCHEMA_VERSION`]; the schema is `schema/pactgraph-graph.schema.json`
//! (fragments: `schema/pactgraph-fragment.schema.json`); fields in `docs/json.md`.

use crate::error::{Error, Result};
use crate::fragment::{ActorRecord, AgreementRecord, Evidence, MentionRecord};
use crate::gazetteer::ActorType;
use crate::graph::GraphBuilder;
use crate::graph::{KnowledgeGraph, Node, Relation};
use crate::lexicon::{Kind, Status};
use crate::sorted_set::SortedSet;
use serde::{Deserialize, Serialize};

/// Version of the JSON contract (semver).
pub const SCHEMA_VERSION: &str = "1.0.0";

/// Top level.
#[derive(Debug, Serialize)]
pub struct NodeLink<'a> {
    /// Always true: edges have a direction (actor → agreement).
    pub directed: bool,
    /// Always true: edges carry a `key`.
    pub multigraph: bool,
    /// Graph metadata.
    pub graph: GraphMeta<'a>,
    /// Nodes, sorted by id.
    pub nodes: Vec<NodeOut<'a>>,
    /// Edges, sorted by source, target, relation.
    pub edges: Vec<EdgeOut<'a>>,
}

/// Graph metadata (`G.graph` in networkx).
#[derive(Debug, Serialize)]
pub struct GraphMeta<'a> {
    /// Version of this contract.
    pub schema_version: &'static str,
    /// `pactgraph <version>`.
    pub generator: String,
    /// Documents merged in.
    pub documents: Vec<&'a str>,
}

/// A node.
#[derive(Debug, Serialize)]
pub struct NodeOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// `actor` or `agreement`.
    pub kind: &'static str,
    /// Label.
    pub label: &'a str,
    /// Actor type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub actor_type: Option<&'static str>,
    /// Actor country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Option<&'a str>>,
    /// Actor: discovered in the text (not in the gazetteer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovered: Option<bool>,
    /// Actor aliases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aliases: Option<&'a SortedSet<std::sync::Arc<str>>>,
    /// Actor mentions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentions: Option<&'a [MentionRecord]>,
    /// Actor: parent bodies (actor ids), from the gazetteer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_of: Option<&'a [String]>,
    /// Agreement kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_kind: Option<&'static str>,
    /// Agreement status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// Agreement date (null when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Option<&'a str>>,
    /// Agreement topics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topics: Option<&'a SortedSet<String>>,
    /// Agreement parties (actor ids; also the `party_to` edges).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parties: Option<&'a SortedSet<String>>,
    /// Agreement signatories (actor ids; also the `signatory_of` edges).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatories: Option<&'a SortedSet<String>>,
    /// Agreement evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<&'a [Evidence]>,
}

/// An edge.
#[derive(Debug, Serialize)]
pub struct EdgeOut<'a> {
    /// Source node id.
    pub source: &'a str,
    /// Target node id.
    pub target: &'a str,
    /// Multigraph key (the relation: at most one edge per relation and pair).
    pub key: &'static str,
    /// Relation.
    pub relation: &'static str,
    /// For `partners_with`: the agreements behind it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreements: Option<&'a [String]>,
    /// For `partners_with`: how many agreements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<usize>,
}

/// The node-link document for a graph.
pub fn node_link(kg: &KnowledgeGraph) -> NodeLink<'_> {
    NodeLink {
        directed: true,
        multigraph: true,
        graph: graph_meta(kg),
        nodes: kg.nodes().map(node_out).collect(),
        edges: kg.edges().into_iter().map(edge_out).collect(),
    }
}

fn graph_meta(kg: &KnowledgeGraph) -> GraphMeta<'_> {
    GraphMeta {
        schema_version: SCHEMA_VERSION,
        generator: format!("pactgraph {}", env!("CARGO_PKG_VERSION")),
        documents: kg.documents.iter().map(String::as_str).collect(),
    }
}

/// A node as written.
fn node_out(n: &Node) -> NodeOut<'_> {
    match n {
        Node::Actor(a) => NodeOut {
            id: &a.id,
            kind: "actor",
            label: &a.label,
            actor_type: Some(a.kind.as_str()),
            country: Some(a.country.as_deref()),
            discovered: Some(a.discovered),
            aliases: Some(&a.aliases),
            mentions: Some(&a.mentions),
            member_of: Some(&a.member_of),
            agreement_kind: None,
            status: None,
            date: None,
            topics: None,
            parties: None,
            signatories: None,
            evidence: None,
        },
        Node::Agreement(g) => NodeOut {
            id: &g.id,
            kind: "agreement",
            label: &g.label,
            actor_type: None,
            country: None,
            discovered: None,
            aliases: None,
            mentions: None,
            member_of: None,
            agreement_kind: Some(g.agreement_kind.as_str()),
            status: Some(g.status.as_str()),
            date: Some(g.date.as_deref()),
            topics: Some(&g.topics),
            parties: Some(&g.parties),
            signatories: Some(&g.signatories),
            evidence: Some(&g.evidence),
        },
    }
}

/// An edge as written.
fn edge_out<'a>((s, t, r): (&'a str, &'a str, &'a Relation)) -> EdgeOut<'a> {
    let ags = match r {
        Relation::PartnersWith(a) => Some(a.as_slice()),
        _ => None,
    };
    EdgeOut {
        source: s,
        target: t,
        key: r.as_str(),
        relation: r.as_str(),
        agreements: ags,
        weight: ags.map(|a| a.len()),
    }
}

/// The node-link document made node by node as it is written: the same
/// fields as [`NodeLink`], without a vector of every node and edge.
struct Streamed<'a>(&'a KnowledgeGraph);

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// A sequence written from an iterator, once.
        struct Seq<I>(std::cell::Cell<Option<I>>);
        impl<I: Iterator<Item = T>, T: Serialize> Serialize for Seq<I> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                s.collect_seq(self.0.take().into_iter().flatten())
            }
        }
        let kg = self.0;
        let mut st = s.serialize_struct("NodeLink", 5)?;
        st.serialize_field("directed", &true)?;
        st.serialize_field("multigraph", &true)?;
        st.serialize_field("graph", &graph_meta(kg))?;
        let nodes = kg.nodes().map(node_out);
        st.serialize_field("nodes", &Seq(std::cell::Cell::new(Some(nodes))))?;
        let edges = kg.edges().into_iter().map(edge_out);
        st.serialize_field("edges", &Seq(std::cell::Cell::new(Some(edges))))?;
        st.end()
    }
}

/// Writes the pretty-printed JSON, with a final newline, to `w` as it is
/// serialized: node by node, with no copy of the document, or of its list of
/// nodes, in memory.
///
/// # Errors
/// The writer's errors.
pub fn write(kg: &KnowledgeGraph, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &Streamed(kg))?;
    w.write_all(b"\n")
}

/// Pretty-printed JSON with a final newline.
pub fn to_string(kg: &KnowledgeGraph) -> String {
    let mut s = serde_json::to_string_pretty(&node_link(kg)).expect("serializable");
    s.push('\n');
    s
}

/// A node-link document as read back (`merge`, `query`).
#[derive(Debug, Deserialize)]
struct NodeLinkIn {
    graph: GraphMetaIn,
    nodes: Vec<NodeIn>,
}

#[derive(Debug, Deserialize)]
struct GraphMetaIn {
    schema_version: String,
    #[serde(default)]
    documents: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct NodeIn {
    id: String,
    kind: String,
    label: String,
    #[serde(rename = "type")]
    actor_type: Option<ActorType>,
    country: Option<String>,
    #[serde(default)]
    discovered: bool,
    #[serde(default)]
    aliases: SortedSet<std::sync::Arc<str>>,
    #[serde(default)]
    mentions: Vec<MentionRecord>,
    #[serde(default)]
    member_of: Vec<String>,
    agreement_kind: Option<Kind>,
    status: Option<Status>,
    date: Option<String>,
    #[serde(default)]
    topics: SortedSet<String>,
    #[serde(default)]
    parties: SortedSet<String>,
    #[serde(default)]
    signatories: SortedSet<String>,
    #[serde(default)]
    evidence: Vec<Evidence>,
}

/// Is `text` the node-link JSON of the partner view ([`super::partners`])?
fn is_partner_view(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Doc {
        graph: Meta,
    }
    #[derive(Deserialize)]
    struct Meta {
        view: Option<String>,
    }
    serde_json::from_str::<Doc>(text)
        .is_ok_and(|d| d.graph.view.as_deref() == Some(super::partners::VIEW))
}

/// Reads a node-link document written by pactgraph into a [`GraphBuilder`], so
/// that it can be merged with others or queried. `name` is used in errors.
///
/// # Errors
/// [`Error::Input`] when the text is not pactgraph's node-link JSON or its
/// schema's major version differs from [`SCHEMA_VERSION`]'s.
pub fn read(name: &str, text: &str) -> Result<GraphBuilder> {
    let doc: NodeLinkIn = serde_json::from_str(text).map_err(|e| {
        if is_partner_view(text) {
            return Error::input(
                name,
                "is a partner view (--view partners), which holds no agreements: merge and query read the full graph (--view full, the default)",
            );
        }
        Error::input(
            name,
            format!(
                "line {}: not a pactgraph graph ({e}); give a JSON file written by `pactgraph extract` or `merge`",
                e.line()
            ),
        )
    })?;
    let major = |v: &str| v.split('.').next().unwrap_or("").to_string();
    if major(&doc.graph.schema_version) != major(SCHEMA_VERSION) {
        return Err(Error::input(
            name,
            format!(
                "schema version {} cannot be read by this pactgraph (reads {}.x); re-run the extraction with this version",
                doc.graph.schema_version,
                major(SCHEMA_VERSION)
            ),
        ));
    }
    let mut b = GraphBuilder::new();
    for d in doc.graph.documents {
        b.add_document(d);
    }
    for n in doc.nodes {
        let bad = |what: &str| {
            Error::input(
                name,
                format!(
                    "node `{}`: {what}; the file was not written by pactgraph or was edited",
                    n.id
                ),
            )
        };
        match n.kind.as_str() {
            "actor" => b.add_actor(ActorRecord {
                kind: n.actor_type.ok_or_else(|| bad("an actor without `type`"))?,
                id: n.id,
                label: n.label,
                country: n.country,
                discovered: n.discovered,
                aliases: n.aliases,
                mentions: n.mentions,
                member_of: n.member_of,
            }),
            "agreement" => b.add_agreement(AgreementRecord {
                agreement_kind: n
                    .agreement_kind
                    .ok_or_else(|| bad("an agreement without `agreement_kind`"))?,
                status: n
                    .status
                    .ok_or_else(|| bad("an agreement without `status`"))?,
                id: n.id,
                label: n.label,
                date: n.date,
                topics: n.topics,
                parties: n.parties,
                signatories: n.signatories,
                evidence: n.evidence,
            }),
            other => return Err(bad(&format!("unknown node kind `{other}`"))),
        }
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `write` streams is what serializing the whole node-link document gives.
    #[test]
    fn streamed_writing_gives_the_node_link_document() {
        let full = crate::export::awkward_graph("Boliden AB", &["Boliden \"Mines\""]);
        let empty = KnowledgeGraph::default();
        for kg in [&full, &empty] {
            let mut streamed = Vec::new();
            write(kg, &mut streamed).unwrap();
            let mut whole = serde_json::to_string_pretty(&node_link(kg)).unwrap();
            whole.push('\n');
            assert_eq!(String::from_utf8(streamed).unwrap(), whole);
        }
        assert!(to_string(&full).contains("\"partners_with\""));
    }
}
