//! The graph: document fragments merged into one petgraph graph with stable ids.
//! Actor and agreement nodes; `party_to`, `signatory_of` and `member_of` edges;
//! `partners_with` edges between co-parties, carrying the agreements behind them.
//!
//! Merging is by id (actors by gazetteer id, agreements by parties + kind + date),
//! so it does not depend on the order fragments arrive in.

use crate::fragment::{ActorRecord, AgreementRecord, Fragment};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet};

/// A node's payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An actor.
    Actor(ActorRecord),
    /// An agreement.
    Agreement(AgreementRecord),
}

impl Node {
    /// The node id.
    pub fn id(&self) -> &str {
        match self {
            Node::Actor(a) => &a.id,
            Node::Agreement(a) => &a.id,
        }
    }
    /// The label.
    pub fn label(&self) -> &str {
        match self {
            Node::Actor(a) => &a.label,
            Node::Agreement(a) => &a.label,
        }
    }
}

/// An edge's relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Actor → agreement.
    PartyTo,
    /// Person → agreement.
    SignatoryOf,
    /// Actor → actor, with the agreement ids behind it.
    PartnersWith(BTreeSet<String>),
    /// Actor → parent body (from the gazetteer), when both are in the graph.
    MemberOf,
}

impl Relation {
    /// The contract's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::PartyTo => "party_to",
            Relation::SignatoryOf => "signatory_of",
            Relation::PartnersWith(_) => "partners_with",
            Relation::MemberOf => "member_of",
        }
    }
}

/// The merged graph.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    /// The petgraph graph (node and edge order is deterministic: sorted by id).
    pub graph: DiGraph<Node, Relation>,
    /// Node index by id.
    pub index: BTreeMap<String, NodeIndex>,
    /// Ids of the documents merged in.
    pub documents: BTreeSet<String>,
}

impl KnowledgeGraph {
    /// Builds the graph from fragments, in any order. O((N + E) log N).
    pub fn from_fragments<'a>(fragments: impl IntoIterator<Item = &'a Fragment>) -> Self {
        let mut actors: BTreeMap<String, ActorRecord> = BTreeMap::new();
        let mut agreements: BTreeMap<String, AgreementRecord> = BTreeMap::new();
        let mut documents = BTreeSet::new();
        for f in fragments {
            documents.insert(f.doc.clone());
            for a in &f.actors {
                match actors.get_mut(&a.id) {
                    Some(x) => {
                        x.aliases.extend(a.aliases.iter().cloned());
                        x.mentions.extend(a.mentions.iter().cloned());
                    }
                    None => {
                        actors.insert(a.id.clone(), a.clone());
                    }
                }
            }
            for g in &f.agreements {
                match agreements.get_mut(&g.id) {
                    Some(x) => {
                        x.evidence.extend(g.evidence.iter().cloned());
                        x.topics.extend(g.topics.iter().cloned());
                        x.signatories.extend(g.signatories.iter().cloned());
                    }
                    None => {
                        agreements.insert(g.id.clone(), g.clone());
                    }
                }
            }
        }
        let mut kg = KnowledgeGraph {
            documents,
            ..Default::default()
        };
        for (id, mut a) in actors {
            a.mentions.sort();
            a.mentions.dedup();
            let ix = kg.graph.add_node(Node::Actor(a));
            kg.index.insert(id, ix);
        }
        for (id, mut g) in agreements {
            g.evidence.sort();
            g.evidence.dedup();
            let ix = kg.graph.add_node(Node::Agreement(g));
            kg.index.insert(id, ix);
        }
        // edges, in a deterministic order
        let mut partners: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
        let agreement_nodes: Vec<NodeIndex> = kg
            .graph
            .node_indices()
            .filter(|&n| matches!(kg.graph[n], Node::Agreement(_)))
            .collect();
        for n in agreement_nodes {
            let Node::Agreement(g) = kg.graph[n].clone() else {
                continue;
            };
            for p in &g.parties {
                if let Some(&a) = kg.index.get(p) {
                    kg.graph.update_edge(a, n, Relation::PartyTo);
                }
            }
            for s in &g.signatories {
                if let Some(&a) = kg.index.get(s) {
                    kg.graph.update_edge(a, n, Relation::SignatoryOf);
                }
            }
            let ps: Vec<&String> = g.parties.iter().collect();
            for i in 0..ps.len() {
                for j in i + 1..ps.len() {
                    partners
                        .entry((ps[i].clone(), ps[j].clone()))
                        .or_default()
                        .insert(g.id.clone());
                }
            }
        }
        for ((a, b), ags) in partners {
            if let (Some(&x), Some(&y)) = (kg.index.get(&a), kg.index.get(&b)) {
                kg.graph.add_edge(x, y, Relation::PartnersWith(ags));
            }
        }
        let actor_nodes: Vec<NodeIndex> = kg
            .graph
            .node_indices()
            .filter(|&n| matches!(kg.graph[n], Node::Actor(_)))
            .collect();
        for n in actor_nodes {
            let Node::Actor(a) = &kg.graph[n] else {
                continue;
            };
            let parents: Vec<NodeIndex> = a
                .member_of
                .iter()
                .filter_map(|p| kg.index.get(p).copied())
                .collect();
            for p in parents {
                kg.graph.update_edge(n, p, Relation::MemberOf);
            }
        }
        kg
    }

    /// Edges as (source id, target id, relation), sorted.
    pub fn edges(&self) -> Vec<(&str, &str, &Relation)> {
        let mut v: Vec<_> = self
            .graph
            .edge_references()
            .map(|e| {
                (
                    self.graph[e.source()].id(),
                    self.graph[e.target()].id(),
                    e.weight(),
                )
            })
            .collect();
        v.sort_by(|a, b| (a.0, a.1, a.2.as_str()).cmp(&(b.0, b.1, b.2.as_str())));
        v
    }

    /// Nodes, sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.index.values().map(|&i| &self.graph[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    #[test]
    fn co_mention_makes_no_edge_and_agreements_do() {
        let p = Pipeline::embedded();
        let f1 = p.extract(&Document::new(
            "a",
            "Boliden and Epiroc were both at the fair in Tokyo.",
        ));
        let kg = KnowledgeGraph::from_fragments([&f1]);
        assert!(kg.edges().is_empty(), "{:?}", kg.edges());
        let f2 = p.extract(&Document::new(
            "b",
            "Boliden signed a supply agreement with Epiroc on 3 May 2025.",
        ));
        let kg = KnowledgeGraph::from_fragments([&f1, &f2]);
        let rels: Vec<&str> = kg.edges().iter().map(|e| e.2.as_str()).collect();
        assert_eq!(rels.iter().filter(|r| **r == "party_to").count(), 2);
        assert_eq!(rels.iter().filter(|r| **r == "partners_with").count(), 1);
    }
}
