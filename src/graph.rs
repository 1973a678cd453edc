//! The graph: document fragments merged into one petgraph graph with stable ids.
//! Actor and agreement nodes; `party_to`, `signatory_of` and `member_of` edges;
//! `partners_with` edges between co-parties, carrying the agreements behind them.
//!
//! Merging is by id (actors by gazetteer id, agreements by parties + kind + date),
//! so it does not depend on the order fragments arrive in.

use crate::fragment::{ActorRecord, AgreementRecord, Evidence, Fragment};
use crate::lexicon::{Kind, Status};
use crate::sorted_set::SortedSet;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;
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
    /// Actor → actor, with the agreement ids behind it (sorted, each once:
    /// a vector, since most pairs share one agreement, and a tree's node
    /// holds room for eleven).
    PartnersWith(Vec<String>),
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

/// Accumulates actors and agreement reports from fragments (or from graphs read
/// back), then builds the graph. Every merge is a set union or an
/// order-independent choice, so the result does not depend on the order inputs
/// arrive in: shards merged in any order give the graph one run would give.
///
/// A builder serializes (serde) to an exact, internal form of a partial merge,
/// for shipping partial results between processes (the Spark job in
/// `examples/spark/`). Unlike a graph's JSON, it keeps each report's own label:
/// a graph read back labels a report whose date differs from its node's by the
/// node's label.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct GraphBuilder {
    documents: BTreeSet<String>,
    /// By id; hashed, since every mention's actor is looked up here, and
    /// sorted by id when the graph is built.
    actors: FxHashMap<String, ActorRecord>,
    /// (kind, parties) -> what was reported of agreements of that kind
    /// between those parties. Hashed: comparing sets of party ids in a tree
    /// was most of merging.
    #[serde(with = "pairs")]
    /// Keyed by kind, parties and ordinal (the `-n` of an id: the second of
    /// "two loan agreements" between the same parties is a node of its own).
    reports: FxHashMap<(Kind, SortedSet<String>, u32), Reports>,
}

/// A map with tuple keys as a list of (key, value) pairs (JSON keys are strings).
mod pairs {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::hash::Hash;

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        m: &rustc_hash::FxHashMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(m.iter())
    }

    pub fn deserialize<'de, K, V, D>(d: D) -> Result<rustc_hash::FxHashMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Eq + Hash,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
    }
}

/// The reports of agreements of one kind between the same parties.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct Reports {
    /// Each carrying what its document reported (as added: sorted and
    /// deduplicated when the graph is built).
    evidence: Vec<Evidence>,
    /// (date, the label: the smallest, for determinism), sorted by date.
    /// Most report sets have one date, so a sorted vector, not a tree (whose
    /// every node holds room for eleven).
    labels: Vec<(Option<String>, String)>,
}

impl Reports {
    fn label(&mut self, date: Option<String>, label: String) {
        match self.labels.binary_search_by(|(d, _)| d.cmp(&date)) {
            Ok(i) if self.labels[i].1 <= label => {}
            Ok(i) => self.labels[i].1 = label,
            Err(i) => {
                // room for one more, not the four a growing vector takes
                self.labels.reserve_exact(1);
                self.labels.insert(i, (date, label));
            }
        }
    }

    fn label_of(&self, date: &Option<String>) -> Option<&String> {
        let i = self.labels.binary_search_by(|(d, _)| d.cmp(date)).ok()?;
        Some(&self.labels[i].1)
    }

    /// Takes a batch of evidence. Into an empty set it is moved whole, without
    /// the spare room a collected vector has (most sets hold one or two
    /// reports, and a vector is made with room for four).
    fn add_evidence(&mut self, mut evidence: Vec<Evidence>) {
        if self.evidence.is_empty() {
            evidence.shrink_to_fit();
            self.evidence = evidence;
        } else {
            self.evidence.extend(evidence);
        }
    }
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of documents added.
    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    /// Adds a document's fragment.
    pub fn add_fragment(&mut self, f: Fragment) {
        self.documents.insert(f.doc);
        for a in f.actors {
            self.add_actor(a);
        }
        for g in f.agreements {
            self.add_agreement(g);
        }
    }

    /// Adds a document id without content (a graph read back lists its documents).
    pub fn add_document(&mut self, id: String) {
        self.documents.insert(id);
    }

    /// Adds an actor, merging with what is known under its id.
    pub fn add_actor(&mut self, a: ActorRecord) {
        match self.actors.get_mut(&a.id) {
            None => {
                self.actors.insert(a.id.clone(), a);
            }
            Some(x) => x.absorb(a),
        }
    }

    /// Adds an agreement as reported (its evidence carries the report's date,
    /// status, topics and signatories).
    pub fn add_agreement(&mut self, g: AgreementRecord) {
        let ordinal = ordinal_of(&g.id);
        let r = self
            .reports
            .entry((g.agreement_kind, g.parties, ordinal))
            .or_default();
        for e in &g.evidence {
            // a graph read back holds reports of other dates under one node
            let label = if e.date == g.date {
                g.label.clone()
            } else {
                label_for(&g.label, e.date.as_deref())
            };
            r.label(e.date.clone(), label);
        }
        r.add_evidence(g.evidence);
    }

    /// Adds everything another builder holds.
    pub fn merge(&mut self, other: GraphBuilder) {
        self.documents.extend(other.documents);
        for a in other.actors.into_values() {
            self.add_actor(a);
        }
        for (k, o) in other.reports {
            let r = self.reports.entry(k).or_default();
            for (d, l) in o.labels {
                r.label(d, l);
            }
            r.add_evidence(o.evidence);
        }
    }

    /// Builds the graph. Agreements with the same kind and parties are one node
    /// when their dates are compatible: a less specific date (none, a year, a
    /// month) joins the one more specific date it is a prefix of, when there is
    /// exactly one. O((N + E) log N).
    pub fn build(self) -> KnowledgeGraph {
        let mut kg = KnowledgeGraph {
            documents: self.documents,
            ..Default::default()
        };
        let mut agreements: Vec<AgreementRecord> = Vec::with_capacity(self.reports.len());
        let mut reports: Vec<_> = self.reports.into_iter().collect();
        reports.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for ((kind, mut parties, ordinal), mut r) in reports {
            let mut evidence = std::mem::take(&mut r.evidence);
            evidence.sort_unstable();
            evidence.dedup();
            let clusters = cluster(evidence);
            let n = clusters.len();
            // the parties are moved into the last (most often the only) node
            for (k, (date, mut evidence)) in clusters.into_iter().enumerate() {
                let parties = if k + 1 == n {
                    std::mem::take(&mut parties)
                } else {
                    parties.clone()
                };
                let label = r.label_of(&date).cloned().unwrap_or_default();
                let mut id = agreement_id(kind, date.as_deref(), &parties);
                if ordinal > 1 {
                    id = format!("{id}-{ordinal}");
                }
                // the most advanced report; an ending outranks every other
                let status = if evidence.iter().any(|e| e.status == Status::Terminated) {
                    Status::Terminated
                } else {
                    evidence
                        .iter()
                        .map(|e| e.status)
                        .min()
                        .unwrap_or(Status::Signed)
                };
                let topics = evidence
                    .iter()
                    .flat_map(|e| e.topics.iter().cloned())
                    .collect();
                let signatories = evidence
                    .iter()
                    .flat_map(|e| e.signatories.iter().cloned())
                    .collect();
                // the stating sentence of each report first, then in document order
                evidence.sort_by(|a, b| {
                    (&a.doc, &*a.rule == "describes", a.sentence, a).cmp(&(
                        &b.doc,
                        &*b.rule == "describes",
                        b.sentence,
                        b,
                    ))
                });
                agreements.push(AgreementRecord {
                    id,
                    label,
                    agreement_kind: kind,
                    status,
                    date,
                    topics,
                    parties,
                    signatories,
                    evidence,
                });
            }
        }
        // by id; of two with one id (a hash collision), the later one, as a
        // map would keep
        agreements.sort_by(|a, b| a.id.cmp(&b.id));
        agreements.dedup_by(|later, earlier| {
            later.id == earlier.id && {
                std::mem::swap(later, earlier);
                true
            }
        });
        let mut actors: Vec<(String, ActorRecord)> = self.actors.into_iter().collect();
        actors.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // room for every node at once: growing by doubling would hold two
        // copies of the nodes at the switch
        kg.graph
            .reserve_exact_nodes(actors.len() + agreements.len());
        let mut index: Vec<(String, NodeIndex)> =
            Vec::with_capacity(actors.len() + agreements.len());
        for (id, mut a) in actors {
            a.mentions.sort();
            a.mentions.dedup();
            a.member_of.sort();
            a.member_of.dedup();
            index.push((id, kg.graph.add_node(Node::Actor(a))));
        }
        for g in agreements {
            let id = g.id.clone();
            index.push((id, kg.graph.add_node(Node::Agreement(g))));
        }
        // built at once from the sorted ids (one insertion each searches the tree)
        kg.index = index.into_iter().collect();
        kg.add_edges();
        kg
    }
}

/// The ordinal of an agreement id: `n` of `agreement:<16 hex digits>-n`, else 1.
fn ordinal_of(id: &str) -> u32 {
    id.strip_prefix("agreement:")
        .and_then(|rest| rest.get(16..))
        .and_then(|tail| tail.strip_prefix('-'))
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 1)
        .unwrap_or(1)
}

/// The id of an agreement: a hash of its kind, date and parties.
pub fn agreement_id<'a>(
    kind: Kind,
    date: Option<&'a str>,
    parties: impl IntoIterator<Item = &'a String>,
) -> String {
    let mut key = vec![kind.as_str(), date.unwrap_or("")];
    key.extend(parties.into_iter().map(String::as_str));
    format!("agreement:{:016x}", crate::text::fnv1a(&key))
}

/// The first of `base-2`, `base-3`, … that `taken` does not hold: the id of
/// another agreement of one kind, date and parties in the same document, or
/// of an earlier agreement of the parties of a later one.
pub(crate) fn next_free_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some suffix is free")
}

/// `a` is `b` or a less specific form of it (`None` ⊑ `2025` ⊑ `2025-06` ⊑ `2025-06-02`).
pub fn date_within(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => {
            b.starts_with(a) && (b.len() == a.len() || b.as_bytes()[a.len()] == b'-')
        }
    }
}

/// Groups evidence (sorted, each once) by compatible dates (see
/// [`GraphBuilder::build`]); each group stays sorted.
fn cluster(evidence: Vec<Evidence>) -> BTreeMap<Option<String>, Vec<Evidence>> {
    let mut dates: Vec<&Option<String>> = evidence.iter().map(|e| &e.date).collect();
    dates.sort_unstable();
    dates.dedup();
    if dates.len() == 1 {
        let date = dates[0].clone();
        return BTreeMap::from([(date, evidence)]);
    }
    let maximal: Vec<&Option<String>> = dates
        .iter()
        .copied()
        .filter(|d| {
            !dates
                .iter()
                .any(|o| o != d && date_within(d.as_deref(), o.as_deref()))
        })
        .collect();
    let target = |d: &Option<String>| -> Option<String> {
        let fits: Vec<&&Option<String>> = maximal
            .iter()
            .filter(|m| date_within(d.as_deref(), m.as_deref()))
            .collect();
        match fits.as_slice() {
            [one] => (**one).clone(),
            _ => d.clone(),
        }
    };
    let targets: Vec<Option<String>> = evidence.iter().map(|e| target(&e.date)).collect();
    let mut out: BTreeMap<Option<String>, Vec<Evidence>> = BTreeMap::new();
    for (e, t) in evidence.into_iter().zip(targets) {
        out.entry(t).or_default().push(e);
    }
    out
}

/// A label with its trailing ` (date)` replaced for another date.
fn label_for(label: &str, date: Option<&str>) -> String {
    let base = match label.rfind(" (") {
        Some(i) if label.ends_with(')') => &label[..i],
        _ => label,
    };
    match date {
        Some(d) => format!("{base} ({d})"),
        None => base.to_string(),
    }
}

impl KnowledgeGraph {
    /// Builds the graph from fragments, in any order. O((N + E) log N).
    pub fn from_fragments<'a>(fragments: impl IntoIterator<Item = &'a Fragment>) -> Self {
        let mut b = GraphBuilder::new();
        for f in fragments {
            b.add_fragment(f.clone());
        }
        b.build()
    }

    /// A graph of the given nodes (edges derived from them), e.g. a filtered view.
    pub fn from_nodes(documents: BTreeSet<String>, mut nodes: Vec<Node>) -> Self {
        nodes.sort_by(|a, b| a.id().cmp(b.id()));
        let mut kg = KnowledgeGraph {
            documents,
            ..Default::default()
        };
        for n in nodes {
            let id = n.id().to_string();
            let ix = kg.graph.add_node(n);
            kg.index.insert(id, ix);
        }
        kg.add_edges();
        kg
    }

    /// Adds an edge unless the same relation already joins the pair (another
    /// relation between the same pair is a separate edge: a multigraph).
    /// `added` holds the edges added so far (a hub actor has one edge per
    /// agreement: scanning them per edge was quadratic).
    fn add_unique(
        &mut self,
        added: &mut rustc_hash::FxHashSet<(NodeIndex, NodeIndex, &'static str)>,
        a: NodeIndex,
        b: NodeIndex,
        r: Relation,
    ) {
        if added.insert((a, b, r.as_str())) {
            self.graph.add_edge(a, b, r);
        }
    }

    /// Adds party, signatory, partner and membership edges (nodes must be in place).
    fn add_edges(&mut self) {
        let kg = self;
        debug_assert_eq!(kg.graph.edge_count(), 0);
        let mut added = rustc_hash::FxHashSet::default();
        // by node index: nodes are added in id order, so this is id order too
        // agreements come in id order, so each pair's list is sorted
        let mut partners: BTreeMap<(NodeIndex, NodeIndex), Vec<String>> = BTreeMap::new();
        let agreement_nodes: Vec<NodeIndex> = kg
            .graph
            .node_indices()
            .filter(|&n| matches!(kg.graph[n], Node::Agreement(_)))
            .collect();
        for n in agreement_nodes {
            let Node::Agreement(g) = &kg.graph[n] else {
                continue;
            };
            let nodes = |ids: &SortedSet<String>| -> Vec<NodeIndex> {
                ids.iter()
                    .filter_map(|p| kg.index.get(p).copied())
                    .collect()
            };
            let (parties, signatories) = (nodes(&g.parties), nodes(&g.signatories));
            for (i, &a) in parties.iter().enumerate() {
                for &b in &parties[i + 1..] {
                    let ids = partners.entry((a, b)).or_default();
                    if ids.last() != Some(&g.id) {
                        ids.push(g.id.clone());
                    }
                }
            }
            for a in parties {
                kg.add_unique(&mut added, a, n, Relation::PartyTo);
            }
            for a in signatories {
                kg.add_unique(&mut added, a, n, Relation::SignatoryOf);
            }
        }
        for ((x, y), mut ags) in partners {
            ags.shrink_to_fit();
            kg.graph.add_edge(x, y, Relation::PartnersWith(ags));
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
                kg.add_unique(&mut added, n, p, Relation::MemberOf);
            }
        }
    }

    /// Edges as (source id, target id, relation), sorted.
    pub fn edges(&self) -> Vec<(&str, &str, &Relation)> {
        // ids are unique, so sorting by each node's rank in id order sorts by
        // id, without comparing strings
        let mut rank = vec![0usize; self.graph.node_count()];
        for (r, i) in self.index.values().enumerate() {
            rank[i.index()] = r;
        }
        let mut v: Vec<_> = self
            .graph
            .edge_references()
            .map(|e| (rank[e.source().index()], rank[e.target().index()], e))
            .collect();
        v.sort_by(|a, b| (a.0, a.1, a.2.weight().as_str()).cmp(&(b.0, b.1, b.2.weight().as_str())));
        v.into_iter()
            .map(|(_, _, e)| {
                (
                    self.graph[e.source()].id(),
                    self.graph[e.target()].id(),
                    e.weight(),
                )
            })
            .collect()
    }

    /// Nodes, sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.index.values().map(|&i| &self.graph[i])
    }

    /// Actor records, sorted by id.
    pub fn actors(&self) -> impl Iterator<Item = &ActorRecord> {
        self.nodes().filter_map(|n| match n {
            Node::Actor(a) => Some(a),
            Node::Agreement(_) => None,
        })
    }

    /// Agreement records, sorted by id.
    pub fn agreements(&self) -> impl Iterator<Item = &AgreementRecord> {
        self.nodes().filter_map(|n| match n {
            Node::Agreement(g) => Some(g),
            Node::Actor(_) => None,
        })
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

    fn mou(doc: &str, when: &str) -> Fragment {
        Pipeline::embedded().extract(&Document::new(
            doc,
            format!("Boliden and Epiroc signed a memorandum of understanding{when}."),
        ))
    }

    fn json_of(b: GraphBuilder) -> String {
        crate::export::json::to_string(&b.build())
    }

    #[test]
    fn compatible_dates_merge_and_ambiguous_ones_stay_apart() {
        let (undated, june, june2, july) = (
            mou("a", ""),
            mou("b", " in June 2025"),
            mou("c", " on 2 June 2025"),
            mou("d", " on 1 July 2025"),
        );
        // undated + month + day: one agreement, dated 2025-06-02, with all evidence
        let kg = KnowledgeGraph::from_fragments([&undated, &june, &june2]);
        let ags: Vec<&AgreementRecord> = kg.agreements().collect();
        assert_eq!(ags.len(), 1);
        assert_eq!(ags[0].date.as_deref(), Some("2025-06-02"));
        assert_eq!(ags[0].evidence.len(), 3);
        // with July too, the undated report could be either: it stays on its own
        let kg = KnowledgeGraph::from_fragments([&undated, &june, &june2, &july]);
        let dates: Vec<Option<String>> = kg
            .agreements()
            .map(|g| g.date.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(
            dates,
            vec![None, Some("2025-06-02".into()), Some("2025-07-01".into())]
        );
        // and a graph that merged the undated report earlier splits it again
        let mut early = GraphBuilder::new();
        early.add_fragment(undated.clone());
        early.add_fragment(june2.clone());
        let early = crate::export::json::read("early", &json_of(early)).unwrap();
        let mut later = GraphBuilder::new();
        later.add_fragment(june.clone());
        later.add_fragment(july.clone());
        let mut both = early;
        both.merge(later);
        let mut once = GraphBuilder::new();
        for f in [undated, june, june2, july] {
            once.add_fragment(f);
        }
        assert_eq!(json_of(both), json_of(once));
    }

    /// A builder's serialized state merges exactly (as the fragments would),
    /// where the graph JSON relabels a report that changed nodes.
    #[test]
    fn a_serialized_builder_merges_exactly() {
        let (undated, june, july) = (
            mou("a", ""),
            mou("b", " on 2 June 2025"),
            mou("c", " on 1 July 2025"),
        );
        let mut once = GraphBuilder::new();
        let mut first = GraphBuilder::new();
        let mut second = GraphBuilder::new();
        for f in [&undated, &june] {
            once.add_fragment(f.clone());
            first.add_fragment(f.clone());
        }
        once.add_fragment(july.clone());
        second.add_fragment(july);
        let ship = |b: &GraphBuilder| -> GraphBuilder {
            serde_json::from_str(&serde_json::to_string(b).unwrap()).unwrap()
        };
        let mut merged = ship(&second);
        merged.merge(ship(&first));
        assert_eq!(json_of(merged), json_of(once));
    }

    #[test]
    fn membership_and_partnership_between_one_pair_are_two_edges() {
        let f = Pipeline::embedded().extract(&Document::new(
            "m",
            "METI signed a memorandum of cooperation with JETRO on 1 April 2025.",
        ));
        let kg = KnowledgeGraph::from_fragments([&f]);
        let rels: Vec<(&str, &str, &str)> = kg
            .edges()
            .into_iter()
            .map(|(a, b, r)| (a, b, r.as_str()))
            .filter(|(a, b, _)| {
                [*a, *b].contains(&"actor:meti") && [*a, *b].contains(&"actor:jetro")
            })
            .collect();
        assert!(rels.iter().any(|r| r.2 == "member_of"), "{rels:?}");
        assert!(rels.iter().any(|r| r.2 == "partners_with"), "{rels:?}");
    }
}
