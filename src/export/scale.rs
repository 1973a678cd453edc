//! Cutting a graph down for a diagram: the most central actors and the
//! agreements among them (`--top N --by ...`, `--max-nodes N`).
//!
//! Actors are ranked by partners, agreements or betweenness (the same scores
//! as `query top`); ties go to the label, then the id, so the cut is
//! deterministic. An agreement is kept when at least two of its parties are
//! kept (one, when it has only one party); an actor left with no kept
//! agreement is dropped.

use crate::graph::{KnowledgeGraph, Node};
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet};

/// What actors are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rank {
    /// Distinct partners.
    #[default]
    Degree,
    /// Agreements the actor is a party to.
    Agreements,
    /// Betweenness centrality in the partner graph.
    Betweenness,
}

impl Rank {
    /// The name used on the command line and in captions.
    pub fn as_str(self) -> &'static str {
        match self {
            Rank::Degree => "degree",
            Rank::Agreements => "agreements",
            Rank::Betweenness => "betweenness",
        }
    }
}

/// Every actor with its score, best first (ties by label, then id).
/// Betweenness is O(V·E); the others O(E log V).
pub fn scores(kg: &KnowledgeGraph, by: Rank) -> Vec<(NodeIndex, f64)> {
    let bc = (by == Rank::Betweenness).then(|| kg.betweenness());
    let mut rows: Vec<(NodeIndex, f64)> = kg
        .actor_indices()
        .into_iter()
        .map(|a| {
            let score = match by {
                Rank::Degree => kg.degree(a) as f64,
                Rank::Agreements => kg.agreements_of(a).len() as f64,
                Rank::Betweenness => bc.as_ref().map_or(0.0, |m| m[&a]),
            };
            (a, score)
        })
        .collect();
    rows.sort_by(|x, y| {
        y.1.total_cmp(&x.1).then_with(|| {
            let (a, b) = (kg.actor(x.0), kg.actor(y.0));
            (&a.label, &a.id).cmp(&(&b.label, &b.id))
        })
    });
    rows
}

/// How to cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limit {
    /// Keep at most this many actors (the best ranked).
    pub top: Option<usize>,
    /// Keep at most this many nodes drawn: actors, plus agreement nodes
    /// unless `actors_only`.
    pub max_nodes: Option<usize>,
    /// The ranking.
    pub by: Rank,
    /// Only actors are drawn (the collapsed view): agreements do not count
    /// towards `max_nodes`.
    pub actors_only: bool,
}

impl Limit {
    /// True when nothing is cut.
    pub fn is_none(&self) -> bool {
        self.top.is_none() && self.max_nodes.is_none()
    }

    /// "top 60 by betweenness", "at most 200 nodes, by degree".
    pub fn describe(&self) -> String {
        match (self.top, self.max_nodes) {
            (Some(n), Some(m)) => format!("top {n} by {}, at most {m} nodes", self.by.as_str()),
            (Some(n), None) => format!("top {n} by {}", self.by.as_str()),
            (None, Some(m)) => format!("at most {m} nodes, by {}", self.by.as_str()),
            (None, None) => String::new(),
        }
    }
}

/// The graph cut to the best-ranked actors and their agreements.
pub fn cut(kg: &KnowledgeGraph, limit: &Limit) -> KnowledgeGraph {
    if limit.is_none() {
        return kg.clone();
    }
    let ranked = scores(kg, limit.by);
    let top = limit.top.unwrap_or(usize::MAX);
    let max_nodes = limit.max_nodes.unwrap_or(usize::MAX);
    // per agreement: parties in the graph, and how many of them are kept
    let needed: BTreeMap<NodeIndex, usize> = kg
        .agreement_indices()
        .into_iter()
        .map(|g| {
            let n = kg
                .agreement(g)
                .parties
                .iter()
                .filter(|p| kg.index.contains_key(*p))
                .count();
            (g, n.min(2))
        })
        .collect();
    let mut have: BTreeMap<NodeIndex, usize> = BTreeMap::new();
    let mut actors: BTreeSet<NodeIndex> = BTreeSet::new();
    let mut agreements: BTreeSet<NodeIndex> = BTreeSet::new();
    for &(a, _) in ranked.iter().take(top) {
        let gained: Vec<NodeIndex> = kg
            .agreements_of(a)
            .into_iter()
            .filter(|g| have.get(g).copied().unwrap_or(0) + 1 == needed[g])
            .collect();
        let drawn = actors.len()
            + 1
            + if limit.actors_only {
                0
            } else {
                agreements.len() + gained.len()
            };
        if drawn > max_nodes {
            break;
        }
        for g in kg.agreements_of(a) {
            *have.entry(g).or_default() += 1;
        }
        agreements.extend(gained);
        actors.insert(a);
    }
    // actors with no kept agreement would stand alone
    let mut keep: BTreeSet<NodeIndex> = agreements.clone();
    for &a in &actors {
        if kg.agreements_of(a).iter().any(|g| agreements.contains(g)) {
            keep.insert(a);
        }
    }
    kg.subgraph(&keep)
}

/// Actors and agreements in a graph.
pub fn counts(kg: &KnowledgeGraph) -> (usize, usize) {
    let actors = kg.nodes().filter(|n| matches!(n, Node::Actor(_))).count();
    (actors, kg.index.len() - actors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn graph() -> KnowledgeGraph {
        let f = Pipeline::embedded().extract(&Document::new(
            "d",
            "JOGMEC signed a memorandum of understanding with Boliden on 3 May 2025. \
             JOGMEC signed a memorandum of cooperation with Epiroc on 4 May 2025. \
             JOGMEC and Mitsubishi Corporation signed a joint venture agreement on 5 May 2025. \
             Business Sweden and JETRO signed a cooperation agreement on 6 May 2025.",
        ));
        KnowledgeGraph::from_fragments([&f])
    }

    fn ids(kg: &KnowledgeGraph) -> Vec<&str> {
        kg.actors().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn top_keeps_the_hub_and_the_agreements_among_the_kept() {
        let kg = graph();
        assert_eq!(counts(&kg), (6, 4));
        let ranked = scores(&kg, Rank::Degree);
        assert_eq!(kg.actor(ranked[0].0).id, "actor:jogmec");
        assert_eq!(ranked[0].1, 3.0);
        let top2 = cut(
            &kg,
            &Limit {
                top: Some(2),
                ..Default::default()
            },
        );
        // JOGMEC and the first of its partners by label, with their one agreement
        assert_eq!(ids(&top2), ["actor:boliden", "actor:jogmec"]);
        assert_eq!(counts(&top2), (2, 1));
    }

    #[test]
    fn max_nodes_counts_agreement_nodes_unless_collapsed() {
        let kg = graph();
        let limit = |actors_only| Limit {
            max_nodes: Some(5),
            actors_only,
            ..Default::default()
        };
        // JOGMEC, Boliden and their MoU; Business Sweden fits but has no
        // partner kept, and Epiroc with its MoC would make six
        let drawn = cut(&kg, &limit(false));
        assert_eq!(ids(&drawn), ["actor:boliden", "actor:jogmec"]);
        assert_eq!(counts(&drawn), (2, 1));
        let collapsed = cut(&kg, &limit(true));
        assert_eq!(counts(&collapsed).0, 5);
        assert_eq!(cut(&kg, &Limit::default()).index.len(), kg.index.len());
    }

    #[test]
    fn betweenness_ranks_the_bridge_first() {
        let kg = graph();
        let ranked = scores(&kg, Rank::Betweenness);
        assert_eq!(kg.actor(ranked[0].0).id, "actor:jogmec");
        assert!(ranked[0].1 > 0.0 && ranked[1].1 == 0.0);
    }
}
