//! Questions asked of a graph: actors found by any name, partners, agreements,
//! shortest chains through agreements, ego networks, top actors, statistics,
//! and the filters that keep big graphs readable.

use crate::error::{Error, Result};
use crate::fragment::{ActorRecord, AgreementRecord};
use crate::gazetteer::ActorType;
use crate::graph::{KnowledgeGraph, Node};
use crate::lexicon::{Kind, Status};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Lower-cased, with runs of whitespace as one space.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl KnowledgeGraph {
    /// The actor named `name`: by id (with or without `actor:`), label or any
    /// alias, case-insensitively; failing that, by whole words of a name
    /// (`Sumitomo` finds "Sumitomo Metal Mining"); failing that, by the start
    /// of a name or of a word in it (`Sumi`).
    ///
    /// # Errors
    /// [`Error::Ambiguous`] listing the actors when the name fits several at
    /// the first of those levels that any fits; [`Error::NotFound`] with the
    /// nearest actors (their labels, never the surface forms seen) when
    /// nothing fits.
    pub fn find_actor(&self, name: &str) -> Result<NodeIndex> {
        let q = norm(name);
        let id = if q.starts_with("actor:") {
            q.clone()
        } else {
            format!("actor:{q}")
        };
        if let Some(&ix) = self.index.get(&id) {
            if matches!(self.graph[ix], Node::Actor(_)) {
                return Ok(ix);
            }
        }
        let qw = words(&q);
        // exact, whole words, start of words
        let mut hits: [BTreeSet<NodeIndex>; 3] = Default::default();
        let mut names: Vec<(String, String)> = Vec::new(); // (name, label)
        for ix in self.actor_indices() {
            let a = self.actor(ix);
            let all = std::iter::once(a.label.as_str()).chain(a.aliases.iter().map(|x| &**x));
            for n in all {
                let nn = norm(n);
                if nn == q {
                    hits[0].insert(ix);
                } else if !qw.is_empty() {
                    let nw = words(&nn);
                    if fits_words(&nw, &qw, false) {
                        hits[1].insert(ix);
                    } else if fits_words(&nw, &qw, true) {
                        hits[2].insert(ix);
                    }
                }
                names.push((nn, a.label.clone()));
            }
        }
        for level in hits {
            match level.len() {
                0 => continue,
                1 => return Ok(*level.iter().next().expect("one")),
                _ => {
                    let mut choices: Vec<(&str, &str)> = level
                        .iter()
                        .map(|&i| (self.actor(i).label.as_str(), self.actor(i).id.as_str()))
                        .collect();
                    choices.sort();
                    return Err(Error::Ambiguous {
                        name: name.to_string(),
                        choices: choices
                            .into_iter()
                            .map(|(l, id)| format!("{l} ({id})"))
                            .collect(),
                    });
                }
            }
        }
        Err(Error::NotFound {
            name: name.to_string(),
            nearest: nearest(&q, &names),
        })
    }

    /// Actor node indices, sorted by id.
    pub fn actor_indices(&self) -> Vec<NodeIndex> {
        self.index
            .values()
            .copied()
            .filter(|&i| matches!(self.graph[i], Node::Actor(_)))
            .collect()
    }

    /// Agreement node indices, sorted by id.
    pub fn agreement_indices(&self) -> Vec<NodeIndex> {
        self.index
            .values()
            .copied()
            .filter(|&i| matches!(self.graph[i], Node::Agreement(_)))
            .collect()
    }

    /// The actor at `ix` (panics if it is an agreement).
    pub fn actor(&self, ix: NodeIndex) -> &ActorRecord {
        match &self.graph[ix] {
            Node::Actor(a) => a,
            Node::Agreement(g) => panic!("{} is an agreement", g.id),
        }
    }

    /// The agreement at `ix` (panics if it is an actor).
    pub fn agreement(&self, ix: NodeIndex) -> &AgreementRecord {
        match &self.graph[ix] {
            Node::Agreement(g) => g,
            Node::Actor(a) => panic!("{} is an actor", a.id),
        }
    }

    /// Agreements an actor is a party to (its `party_to` edges), sorted by id.
    pub fn agreements_of(&self, actor: NodeIndex) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self
            .graph
            .edges_directed(actor, Direction::Outgoing)
            .filter(|e| e.weight().as_str() == "party_to")
            .map(|e| e.target())
            .collect();
        v.sort_by(|a, b| self.graph[*a].id().cmp(self.graph[*b].id()));
        v.dedup();
        v
    }

    /// The actor's partners, each with the agreements they share, sorted by label.
    pub fn partners(&self, actor: NodeIndex) -> Vec<(NodeIndex, Vec<NodeIndex>)> {
        let me = self.actor(actor).id.clone();
        let mut by: BTreeMap<String, Vec<NodeIndex>> = BTreeMap::new();
        for g in self.agreements_of(actor) {
            for p in &self.agreement(g).parties {
                if *p != me && self.index.contains_key(p) {
                    by.entry(p.clone()).or_default().push(g);
                }
            }
        }
        let mut v: Vec<(NodeIndex, Vec<NodeIndex>)> =
            by.into_iter().map(|(p, gs)| (self.index[&p], gs)).collect();
        v.sort_by(|a, b| {
            (&self.actor(a.0).label, &self.actor(a.0).id)
                .cmp(&(&self.actor(b.0).label, &self.actor(b.0).id))
        });
        v
    }

    /// Party actors of an agreement that are in the graph.
    fn parties_of(&self, g: NodeIndex) -> Vec<NodeIndex> {
        self.graph
            .edges_directed(g, Direction::Incoming)
            .filter(|e| e.weight().as_str() == "party_to")
            .map(|e| e.source())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// Every shortest chain from `a` to `b` through agreements, as alternating
    /// actor, agreement, actor, ... indices (at most `limit` chains, in a stable order).
    pub fn paths(&self, a: NodeIndex, b: NodeIndex, limit: usize) -> Vec<Vec<NodeIndex>> {
        // BFS over actors; predecessors keep every shortest way in
        let mut dist: BTreeMap<NodeIndex, usize> = BTreeMap::new();
        let mut pred: BTreeMap<NodeIndex, Vec<(NodeIndex, NodeIndex)>> = BTreeMap::new();
        let mut q = VecDeque::from([a]);
        dist.insert(a, 0);
        while let Some(x) = q.pop_front() {
            if x == b {
                break;
            }
            let d = dist[&x];
            for g in self.agreements_of(x) {
                for y in self.parties_of(g) {
                    if y == x {
                        continue;
                    }
                    match dist.get(&y) {
                        None => {
                            dist.insert(y, d + 1);
                            pred.entry(y).or_default().push((x, g));
                            q.push_back(y);
                        }
                        Some(&dy) if dy == d + 1 => pred.entry(y).or_default().push((x, g)),
                        _ => {}
                    }
                }
            }
        }
        if !dist.contains_key(&b) || a == b {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut stack = vec![vec![b]];
        while let Some(p) = stack.pop() {
            if out.len() >= limit {
                break;
            }
            let head = p[p.len() - 1];
            if head == a {
                let mut full = p.clone();
                full.reverse();
                out.push(full);
                continue;
            }
            let mut ps = pred.get(&head).cloned().unwrap_or_default();
            ps.sort();
            for (x, g) in ps.into_iter().rev() {
                let mut n = p.clone();
                n.push(g);
                n.push(x);
                stack.push(n);
            }
        }
        out.sort_by_key(|p| {
            p.iter()
                .map(|&i| self.graph[i].id().to_string())
                .collect::<Vec<_>>()
        });
        out
    }

    /// Distinct partners of each actor.
    pub fn degree(&self, actor: NodeIndex) -> usize {
        self.partners(actor).len()
    }

    /// Betweenness centrality of actors in the partner graph: the actors with
    /// at least one partner, joined by their `partners_with` edges taken as
    /// undirected (what `--view partners` writes). Unweighted; Brandes'
    /// algorithm over dense arrays, normalised to 0..1 by the partner graph's
    /// size, as networkx's `betweenness_centrality` does on that graph.
    /// Actors without partners are in the map with 0 and do not count in the
    /// normalisation. O(V·E) time, O(V + E) memory.
    pub fn betweenness(&self) -> BTreeMap<NodeIndex, f64> {
        let mut neighbours: BTreeMap<NodeIndex, BTreeSet<NodeIndex>> = BTreeMap::new();
        for e in self.graph.edge_references() {
            if let crate::graph::Relation::PartnersWith(_) = e.weight() {
                if e.source() != e.target() {
                    neighbours.entry(e.source()).or_default().insert(e.target());
                    neighbours.entry(e.target()).or_default().insert(e.source());
                }
            }
        }
        let actors: Vec<NodeIndex> = neighbours.keys().copied().collect();
        let pos: BTreeMap<NodeIndex, usize> =
            actors.iter().enumerate().map(|(i, &a)| (a, i)).collect();
        let adj: Vec<Vec<usize>> = neighbours
            .values()
            .map(|ns| ns.iter().map(|p| pos[p]).collect())
            .collect();
        let n = actors.len();
        let mut cb = vec![0.0f64; n];
        let (mut sigma, mut dist, mut delta) = (vec![0.0f64; n], vec![-1i64; n], vec![0.0f64; n]);
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut stack: Vec<usize> = Vec::with_capacity(n);
        let mut queue: VecDeque<usize> = VecDeque::with_capacity(n);
        for s in 0..n {
            if adj[s].is_empty() {
                continue;
            }
            for &v in &stack {
                sigma[v] = 0.0;
                dist[v] = -1;
                delta[v] = 0.0;
                pred[v].clear();
            }
            stack.clear();
            sigma[s] = 1.0;
            dist[s] = 0;
            queue.push_back(s);
            while let Some(v) = queue.pop_front() {
                stack.push(v);
                for &w in &adj[v] {
                    if dist[w] < 0 {
                        dist[w] = dist[v] + 1;
                        queue.push_back(w);
                    }
                    if dist[w] == dist[v] + 1 {
                        sigma[w] += sigma[v];
                        pred[w].push(v);
                    }
                }
            }
            for k in (0..stack.len()).rev() {
                let w = stack[k];
                let (dw, sw) = (delta[w], sigma[w]);
                for &v in &pred[w] {
                    delta[v] += sigma[v] / sw * (1.0 + dw);
                }
                if w != s {
                    cb[w] += delta[w];
                }
            }
        }
        let nf = n as f64;
        // undirected: each pair counted twice; normalise by (n-1)(n-2)
        let scale = if nf > 2.0 {
            1.0 / ((nf - 1.0) * (nf - 2.0))
        } else {
            0.0
        };
        let mut out: BTreeMap<NodeIndex, f64> =
            self.actor_indices().into_iter().map(|a| (a, 0.0)).collect();
        out.extend(actors.into_iter().zip(cb).map(|(a, v)| (a, v * scale)));
        out
    }

    /// The subgraph with the given nodes (edges recomputed among them).
    pub fn subgraph(&self, keep: &BTreeSet<NodeIndex>) -> KnowledgeGraph {
        let mut nodes: Vec<Node> = Vec::new();
        for &ix in keep {
            nodes.push(self.graph[ix].clone());
        }
        KnowledgeGraph::from_nodes(self.documents.clone(), nodes)
    }
}

/// The words of a normalised name: runs of letters and digits.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Do the words `q` appear in `name`, one after the other? With `prefix`, the
/// last of them need only start a word (`sumitomo met` fits "Sumitomo Metal").
fn fits_words(name: &[&str], q: &[&str], prefix: bool) -> bool {
    let Some((last, init)) = q.split_last() else {
        return false;
    };
    name.windows(q.len()).any(|w| {
        w[..init.len()] == *init
            && if prefix {
                w[init.len()].starts_with(last)
            } else {
                w[init.len()] == *last
            }
    })
}

/// The labels of the actors nearest to `q` (by Jaro-Winkler similarity to
/// any of their normalised names): canonical names only, never the surface
/// forms an actor was seen in ("Northvolt's").
fn nearest(q: &str, names: &[(String, String)]) -> Vec<String> {
    let mut scored: Vec<(f64, String)> = names
        .iter()
        .map(|(n, label)| (strsim::jaro_winkler(q, n), label.clone()))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, s) in scored {
        if !out.contains(&s) {
            out.push(s);
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

/// What to keep at export or query time.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Actor types to keep (empty: all).
    pub types: BTreeSet<ActorType>,
    /// Agreement statuses to keep (empty: all).
    pub statuses: BTreeSet<Status>,
    /// Agreement kinds to keep (empty: all).
    pub kinds: BTreeSet<Kind>,
    /// Agreements dated on or after (`yyyy`, `yyyy-mm` or `yyyy-mm-dd`).
    pub since: Option<String>,
    /// Agreements dated on or before.
    pub until: Option<String>,
    /// Keep only actor pairs with at least this many shared agreements (and their agreements).
    pub min_weight: usize,
    /// Ego network: the actor (any name) and how many partner hops around it.
    pub ego: Option<(String, usize)>,
    /// Drop actors with no agreement.
    pub connected: bool,
}

/// The earliest and latest day a date may mean (`2025` → 2025-01-01..2025-12-31).
fn bounds(d: &str) -> (String, String) {
    match d.len() {
        4 => (format!("{d}-01-01"), format!("{d}-12-31")),
        7 => (format!("{d}-01"), format!("{d}-31")),
        _ => (d.to_string(), d.to_string()),
    }
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
            && self.statuses.is_empty()
            && self.kinds.is_empty()
            && self.since.is_none()
            && self.until.is_none()
            && self.min_weight <= 1
            && self.ego.is_none()
            && !self.connected
    }

    fn agreement_ok(&self, g: &AgreementRecord) -> bool {
        if !self.statuses.is_empty() && !self.statuses.contains(&g.status) {
            return false;
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&g.agreement_kind) {
            return false;
        }
        if self.since.is_some() || self.until.is_some() {
            let Some(d) = &g.date else { return false };
            let (lo, hi) = bounds(d);
            if let Some(s) = &self.since {
                if hi < bounds(s).0 {
                    return false;
                }
            }
            if let Some(u) = &self.until {
                if lo > bounds(u).1 {
                    return false;
                }
            }
        }
        true
    }

    fn agreement_filters(&self) -> bool {
        !self.statuses.is_empty()
            || !self.kinds.is_empty()
            || self.since.is_some()
            || self.until.is_some()
            || self.min_weight > 1
    }

    /// The filtered graph, taking the graph by value: without filters it is
    /// returned as it is, with no copy.
    ///
    /// # Errors
    /// As [`Filter::apply`].
    pub fn apply_owned(&self, kg: KnowledgeGraph) -> Result<KnowledgeGraph> {
        if self.is_empty() {
            Ok(kg)
        } else {
            self.apply(&kg)
        }
    }

    /// The filtered graph.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the ego actor is not in the graph.
    pub fn apply(&self, kg: &KnowledgeGraph) -> Result<KnowledgeGraph> {
        if self.is_empty() {
            return Ok(kg.clone());
        }
        let actor_ok = |a: &ActorRecord| self.types.is_empty() || self.types.contains(&a.kind);
        let mut keep: BTreeSet<NodeIndex> = BTreeSet::new();
        for ix in kg.agreement_indices() {
            let g = kg.agreement(ix);
            let kept_parties = kg
                .parties_of(ix)
                .into_iter()
                .filter(|&p| actor_ok(kg.actor(p)))
                .count();
            if self.agreement_ok(g) && kept_parties > 0 {
                keep.insert(ix);
            }
        }
        let mut step = kg.subgraph(&{
            let mut k = keep.clone();
            k.extend(
                kg.actor_indices()
                    .into_iter()
                    .filter(|&a| actor_ok(kg.actor(a))),
            );
            k
        });
        if self.min_weight > 1 {
            // agreements that hold at least one pair of partners with enough shared agreements
            let mut strong: BTreeSet<NodeIndex> = BTreeSet::new();
            for a in step.actor_indices() {
                for (_, gs) in step.partners(a) {
                    if gs.len() >= self.min_weight {
                        strong.extend(gs);
                    }
                }
            }
            let mut k = strong;
            k.extend(step.actor_indices());
            step = step.subgraph(&k);
        }
        if self.agreement_filters() || self.connected || self.ego.is_some() {
            // actors with no agreement left are noise in a filtered view
            let mut k: BTreeSet<NodeIndex> = step.agreement_indices().into_iter().collect();
            for a in step.actor_indices() {
                let has = !step.agreements_of(a).is_empty()
                    || step
                        .graph
                        .edges_directed(a, Direction::Outgoing)
                        .any(|e| e.weight().as_str() == "signatory_of");
                if has {
                    k.insert(a);
                }
            }
            step = step.subgraph(&k);
        }
        if let Some((name, depth)) = &self.ego {
            let centre = match step.find_actor(name) {
                Ok(c) => c,
                Err(e) => {
                    return Err(match kg.find_actor(name) {
                        Ok(_) => Error::Export(format!(
                            "`{name}` is in the graph, but the other filters removed it; loosen --type, --status, --kind, --since, --until or --min-weight"
                        )),
                        Err(_) => e,
                    })
                }
            };
            step = step.ego(centre, *depth);
        }
        Ok(step)
    }
}

impl KnowledgeGraph {
    /// The ego network: actors within `depth` partner hops of `centre`, the
    /// agreements among them, and signatories of those agreements.
    pub fn ego(&self, centre: NodeIndex, depth: usize) -> KnowledgeGraph {
        let mut dist: BTreeMap<NodeIndex, usize> = BTreeMap::from([(centre, 0)]);
        let mut q = VecDeque::from([centre]);
        while let Some(x) = q.pop_front() {
            if dist[&x] >= depth {
                continue;
            }
            for (p, _) in self.partners(x) {
                if !dist.contains_key(&p) {
                    dist.insert(p, dist[&x] + 1);
                    q.push_back(p);
                }
            }
        }
        let mut keep: BTreeSet<NodeIndex> = dist.keys().copied().collect();
        for g in self.agreement_indices() {
            let ps = self.parties_of(g);
            if ps.len() >= 2 && ps.iter().filter(|p| dist.contains_key(p)).count() >= 2 {
                keep.insert(g);
                for e in self.graph.edges_directed(g, Direction::Incoming) {
                    if e.weight().as_str() == "signatory_of" {
                        keep.insert(e.source());
                    }
                }
            }
        }
        self.subgraph(&keep)
    }
}

/// Counts for `query stats`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    /// Documents merged in.
    pub documents: usize,
    /// Actor nodes.
    pub actors: usize,
    /// Agreement nodes.
    pub agreements: usize,
    /// Partner pairs.
    pub partner_pairs: usize,
    /// Actors by type.
    pub actors_by_type: BTreeMap<String, usize>,
    /// Agreements by kind.
    pub agreements_by_kind: BTreeMap<String, usize>,
    /// Agreements by status.
    pub agreements_by_status: BTreeMap<String, usize>,
    /// Agreements by year (`undated` for none).
    pub agreements_by_year: BTreeMap<String, usize>,
    /// Mentions of actors.
    pub mentions: usize,
}

impl KnowledgeGraph {
    /// Counts by type, kind, status and year.
    pub fn stats(&self) -> Stats {
        let mut s = Stats {
            documents: self.documents.len(),
            ..Default::default()
        };
        for n in self.nodes() {
            match n {
                Node::Actor(a) => {
                    s.actors += 1;
                    s.mentions += a.mentions.len();
                    *s.actors_by_type.entry(a.kind.as_str().into()).or_default() += 1;
                }
                Node::Agreement(g) => {
                    s.agreements += 1;
                    *s.agreements_by_kind
                        .entry(g.agreement_kind.as_str().into())
                        .or_default() += 1;
                    *s.agreements_by_status
                        .entry(g.status.as_str().into())
                        .or_default() += 1;
                    let y = g
                        .date
                        .as_deref()
                        .map_or("undated", |d| &d[..4.min(d.len())]);
                    *s.agreements_by_year.entry(y.into()).or_default() += 1;
                }
            }
        }
        s.partner_pairs = self
            .edges()
            .iter()
            .filter(|e| e.2.as_str() == "partners_with")
            .count();
        s
    }
}
