//! Cytoscape.js elements JSON, also read by networkx's `cytoscape_graph`:
//!
//! ```json
//! {"data": {"schema_version": ..., "generator": ..., "documents": [...]},
//!  "directed": true, "multigraph": true,
//!  "elements": {"nodes": [{"data": {"id", "value", "name", ...}}],
//!               "edges": [{"data": {"id", "source", "target", "key", "relation", ...}}]}}
//! ```
//!
//! Every node and edge carries the same fields as in the node-link JSON
//! ([`super::json`]), plus what the consumers need: on nodes `value` (the id:
//! networkx's node key) and `name` (the label), `mention_count` on actors and
//! `documents` (the documents the node was seen in); on edges `id`
//! (`source|relation|target`, unique, as Cytoscape.js requires of element ids)
//! and `key` (the relation: networkx's multigraph edge key). Order is the
//! node-link JSON's: nodes by id, edges by source, target, relation.

use crate::export::graphml::{edge_id, node_documents};
use crate::export::json::{node_link, EdgeOut, GraphMeta, NodeOut};
use crate::graph::{KnowledgeGraph, Node};
use serde::Serialize;

/// Top level.
#[derive(Debug, Serialize)]
pub struct Cytoscape<'a> {
    /// Graph metadata (`G.graph` in networkx).
    pub data: GraphMeta<'a>,
    /// Always true.
    pub directed: bool,
    /// Always true: edges carry a `key`.
    pub multigraph: bool,
    /// Nodes and edges.
    pub elements: Elements<'a>,
}

/// The elements, grouped.
#[derive(Debug, Serialize)]
pub struct Elements<'a> {
    /// Nodes, sorted by id.
    pub nodes: Vec<Element<NodeData<'a>>>,
    /// Edges, sorted by source, target, relation.
    pub edges: Vec<Element<EdgeData<'a>>>,
}

/// One element: Cytoscape.js keeps the attributes under `data`.
#[derive(Debug, Serialize)]
pub struct Element<T> {
    /// The attributes.
    pub data: T,
}

/// A node's attributes.
#[derive(Debug, Serialize)]
pub struct NodeData<'a> {
    /// The node-link fields (`id`, `kind`, `label`, ...).
    #[serde(flatten)]
    pub node: NodeOut<'a>,
    /// The id again: networkx's node key.
    pub value: &'a str,
    /// The label again: the name Cytoscape shows.
    pub name: &'a str,
    /// Actors: how many mentions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention_count: Option<usize>,
    /// The documents the node was seen in, sorted.
    pub documents: Vec<&'a str>,
}

/// An edge's attributes.
#[derive(Debug, Serialize)]
pub struct EdgeData<'a> {
    /// `source|relation|target`.
    pub id: String,
    /// The node-link fields (`source`, `target`, `key`, `relation`, ...).
    #[serde(flatten)]
    pub edge: EdgeOut<'a>,
}

/// The elements document for a graph.
pub fn elements(kg: &KnowledgeGraph) -> Cytoscape<'_> {
    let nl = node_link(kg);
    let nodes = nl
        .nodes
        .into_iter()
        .zip(kg.nodes())
        .map(|(out, n)| Element {
            data: NodeData {
                value: n.id(),
                name: n.label(),
                mention_count: match n {
                    Node::Actor(a) => Some(a.mentions.len()),
                    Node::Agreement(_) => None,
                },
                documents: node_documents(n).into_iter().collect(),
                node: out,
            },
        })
        .collect();
    let edges = nl
        .edges
        .into_iter()
        .zip(kg.edges())
        .map(|(out, (s, t, r))| Element {
            data: EdgeData {
                id: edge_id(s, t, r),
                edge: out,
            },
        })
        .collect();
    Cytoscape {
        data: nl.graph,
        directed: true,
        multigraph: true,
        elements: Elements { nodes, edges },
    }
}

/// Pretty-printed JSON with a final newline.
pub fn to_string(kg: &KnowledgeGraph) -> String {
    let mut s = serde_json::to_string_pretty(&elements(kg)).expect("serializable");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn graph() -> KnowledgeGraph {
        crate::export::awkward_graph("\"Q\" & <Co> \\ \u{1}", &["日本貿易振興機構"])
    }

    #[test]
    fn loads_back_with_every_attribute() {
        let kg = graph();
        let text = to_string(&kg);
        assert_eq!(text, to_string(&graph()));
        assert!(
            text.contains(r#""name": "\"Q\" & <Co> \\ \u0001""#),
            "{text}"
        );
        assert!(text.contains("日本貿易振興機構"));
        let v: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(v["directed"], true);
        assert_eq!(v["multigraph"], true);
        assert_eq!(
            v["data"]["schema_version"],
            crate::export::json::SCHEMA_VERSION
        );
        let nodes = v["elements"]["nodes"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let edges = v["elements"]["edges"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(nodes.len(), kg.nodes().count());
        assert_eq!(edges.len(), kg.edges().len());
        let json: Value =
            serde_json::from_str(&crate::export::json::to_string(&kg)).unwrap_or_default();
        for (c, j) in nodes
            .iter()
            .zip(json["nodes"].as_array().into_iter().flatten())
        {
            let d = &c["data"];
            assert_eq!(d["value"], j["id"]);
            assert_eq!(d["name"], j["label"]);
            for (k, val) in j.as_object().into_iter().flatten() {
                assert_eq!(&d[k], val, "{k}");
            }
        }
        for (c, j) in edges
            .iter()
            .zip(json["edges"].as_array().into_iter().flatten())
        {
            let d = &c["data"];
            for (k, val) in j.as_object().into_iter().flatten() {
                assert_eq!(&d[k], val, "{k}");
            }
            let id = format!(
                "{}|{}|{}",
                j["source"].as_str().unwrap_or(""),
                j["relation"].as_str().unwrap_or(""),
                j["target"].as_str().unwrap_or("")
            );
            assert_eq!(d["id"], id.as_str());
        }
        let boliden = nodes
            .iter()
            .find(|n| n["data"]["id"] == "actor:boliden")
            .cloned()
            .unwrap_or_default();
        assert_eq!(boliden["data"]["mention_count"], 1);
        assert_eq!(boliden["data"]["documents"], serde_json::json!(["d"]));
    }
}
