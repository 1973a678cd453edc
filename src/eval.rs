//! Evaluation against gold annotations (`NN.txt` + `NN.gold.json`, format in the
//! shared `eval/FORMAT.md`): actor, agreement and partner-edge precision, recall
//! and F1, trap hits, and kind/status/date/signatory accuracy on matched
//! agreements. It reads pactgraph's own JSON export, as the independent scorer does.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Counts of true positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn p(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall (1 when nothing was expected).
    pub fn r(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Attribute accuracy on matched agreements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Attrs {
    /// Matched agreements.
    pub matched: usize,
    /// Kind equal.
    pub kind: usize,
    /// Status equal.
    pub status: usize,
    /// Date equal.
    pub date: usize,
    /// Signatory sets equal.
    pub signatories: usize,
}

/// The score of one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocScore {
    /// Document name (`NN`).
    pub doc: String,
    /// Actors.
    pub actors: Counts,
    /// Agreements (party sets, one-to-one).
    pub agreements: Counts,
    /// Partner edges.
    pub edges: Counts,
    /// Predicted agreements that match a `not_agreements` trap.
    pub trap_hits: usize,
    /// Attribute accuracy.
    pub attrs: Attrs,
    /// Gold actors not found.
    pub missed_actors: Vec<String>,
    /// Predicted actors not in the gold.
    pub extra_actors: Vec<String>,
    /// Gold agreements (party sets) not found.
    pub missed_agreements: Vec<Vec<String>>,
    /// Predicted agreements with no gold match.
    pub spurious_agreements: Vec<Vec<String>>,
    /// Attribute mismatches on matched agreements ("kind: got x, want y").
    pub attribute_errors: Vec<String>,
    /// Predicted agreements by the frame pattern that found them (the names in
    /// their first evidence's `rule`): `tp` matched a gold agreement, `fp` did
    /// not. A rule such as `subject+with` counts for both patterns.
    pub by_rule: BTreeMap<String, Counts>,
}

/// Totals over documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Per document.
    pub documents: Vec<DocScore>,
    /// Actors, micro-averaged.
    pub actors: Counts,
    /// Agreements.
    pub agreements: Counts,
    /// Partner edges.
    pub edges: Counts,
    /// Trap hits.
    pub trap_hits: usize,
    /// Attributes.
    pub attrs: Attrs,
    /// Predicted agreements by pattern, summed over documents.
    pub by_rule: BTreeMap<String, Counts>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    /// The article's publication date, when the gold gives one.
    #[serde(default)]
    published: Option<String>,
    actors: Vec<GoldActor>,
    #[serde(default)]
    optional_actors: Vec<String>,
    agreements: Vec<GoldAgreement>,
    #[serde(default)]
    not_agreements: Vec<GoldNot>,
}
#[derive(Debug, Deserialize)]
struct GoldActor {
    names: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct GoldAgreement {
    parties: Vec<String>,
    #[serde(default)]
    alt_parties: Vec<Vec<String>>,
    kind: Option<String>,
    status: Option<String>,
    date: Option<String>,
    #[serde(default)]
    signatories: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct GoldNot {
    actors: Vec<String>,
}

/// Normalises a name as the scorer does: NFC, ’→', trimmed, case-folded,
/// whitespace collapsed, a final genitive removed.
pub fn norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s.nfc().collect::<String>().replace('’', "'");
    let s = s.trim().to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for suf in [":s", "'s", "'"] {
        if let Some(x) = s.strip_suffix(suf) {
            return x.to_string();
        }
    }
    s
}

fn pairs(v: &BTreeSet<String>) -> BTreeSet<(String, String)> {
    let v: Vec<&String> = v.iter().collect();
    let mut out = BTreeSet::new();
    for i in 0..v.len() {
        for j in i + 1..v.len() {
            out.insert((v[i].clone(), v[j].clone()));
        }
    }
    out
}

/// Scores one document's node-link JSON against its gold file's text.
///
/// # Errors
/// [`Error::Data`] when the gold JSON is malformed.
pub fn score_doc(doc: &str, gold_text: &str, graph: &Value) -> Result<DocScore> {
    let gold: Gold = serde_json::from_str(gold_text)
        .map_err(|e| Error::data(&format!("{doc}.gold.json"), e.line(), e.to_string()))?;
    let empty = vec![];
    let nodes = graph["nodes"].as_array().unwrap_or(&empty);
    let edges = graph["edges"].as_array().unwrap_or(&empty);
    let mut ds = DocScore {
        doc: doc.to_string(),
        ..Default::default()
    };
    let pmap = match_actors(&gold, nodes, &mut ds);
    let pred = predicted(nodes, edges, &pmap);
    let (matches, used) = match_agreements(&gold.agreements, &pred.agreements);
    ds.agreements = Counts {
        tp: matches.len(),
        fp: pred.agreements.len() - matches.len(),
        fn_: gold.agreements.len() - matches.len(),
    };
    ds.edges = edge_counts(&gold.agreements, &pred.edges);
    for (g, pi) in &matches {
        score_attributes(g, pred.agreements[*pi].0, &pred.signers, &mut ds);
    }
    // traps
    for (pi, (_, ps)) in pred.agreements.iter().enumerate() {
        if used.contains(&pi) {
            continue;
        }
        let hit = gold.not_agreements.iter().any(|t| {
            let set: BTreeSet<String> = t.actors.iter().cloned().collect();
            if set.len() == 1 {
                ps.contains(set.iter().next().unwrap())
            } else {
                *ps == set
            }
        });
        ds.trap_hits += hit as usize;
    }
    ds.missed_agreements = gold
        .agreements
        .iter()
        .filter(|g| !matches.iter().any(|(m, _)| std::ptr::eq(*m, *g)))
        .map(|g| g.parties.clone())
        .collect();
    for (pi, (n, _)) in pred.agreements.iter().enumerate() {
        let rule = n["evidence"][0]["rule"].as_str().unwrap_or("predicate");
        for pattern in rule.split('+') {
            let c = ds.by_rule.entry(pattern.to_string()).or_default();
            if used.contains(&pi) {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
    }
    ds.spurious_agreements = pred
        .agreements
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, (_, ps))| ps.iter().cloned().collect())
        .collect();
    Ok(ds)
}

/// A node's label ("" when it has none).
fn label(n: &Value) -> String {
    n["label"].as_str().unwrap_or("").to_string()
}

/// Matches the graph's actors to the gold's by any shared name (label, alias
/// or mention), and scores them in `ds`; returns the gold name (its first) of
/// each matched node id.
fn match_actors(gold: &Gold, nodes: &[Value], ds: &mut DocScore) -> HashMap<String, String> {
    let gactors: Vec<(String, BTreeSet<String>)> = gold
        .actors
        .iter()
        .map(|a| {
            (
                a.names[0].clone(),
                a.names.iter().map(|n| norm(n)).collect(),
            )
        })
        .collect();
    let optional: BTreeSet<String> = gold.optional_actors.iter().map(|n| norm(n)).collect();
    let empty = vec![];
    let mut pmap: HashMap<String, String> = HashMap::new();
    for n in nodes.iter().filter(|n| n["kind"] == "actor") {
        let mut names: BTreeSet<String> = BTreeSet::new();
        names.insert(norm(&label(n)));
        for a in n["aliases"].as_array().unwrap_or(&empty) {
            names.insert(norm(a.as_str().unwrap_or("")));
        }
        for m in n["mentions"].as_array().unwrap_or(&empty) {
            if let Some(t) = m["text"].as_str() {
                names.insert(norm(t));
            }
        }
        names.remove("");
        match gactors.iter().find(|(_, g)| !g.is_disjoint(&names)) {
            Some((g, _)) => {
                pmap.insert(n["id"].as_str().unwrap_or("").to_string(), g.clone());
            }
            None if names.is_disjoint(&optional) => ds.extra_actors.push(label(n)),
            None => {}
        }
    }
    let found: BTreeSet<&String> = pmap.values().collect();
    ds.missed_actors = gactors
        .iter()
        .filter(|(g, _)| !found.contains(g))
        .map(|(g, _)| g.clone())
        .collect();
    ds.actors = Counts {
        tp: found.len(),
        fp: ds.extra_actors.len(),
        fn_: ds.missed_actors.len(),
    };
    pmap
}

/// The agreements, signatories and partner pairs of a graph, its actors named
/// by their gold names where matched (else `?label`).
struct Predicted<'a> {
    /// Each agreement node with its set of parties.
    agreements: Vec<(&'a Value, BTreeSet<String>)>,
    /// The signatories of each agreement, by node id.
    signers: BTreeMap<String, BTreeSet<String>>,
    /// Partner pairs, each (lesser, greater): the `partners_with` edges, or
    /// the pairs of each agreement's parties when there are none.
    edges: BTreeSet<(String, String)>,
}

/// What the graph's nodes and edges predict, with `pmap`'s gold names.
fn predicted<'a>(
    nodes: &'a [Value],
    edges: &[Value],
    pmap: &HashMap<String, String>,
) -> Predicted<'a> {
    let label_of: HashMap<&str, String> = nodes
        .iter()
        .map(|n| (n["id"].as_str().unwrap_or(""), label(n)))
        .collect();
    let map = |id: &str| {
        pmap.get(id).cloned().unwrap_or_else(|| {
            format!(
                "?{}",
                label_of.get(id).cloned().unwrap_or_else(|| id.to_string())
            )
        })
    };
    let mut parties: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut signers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut pe: BTreeSet<(String, String)> = BTreeSet::new();
    let mut any_pw = false;
    for e in edges {
        let (s, t) = (
            e["source"].as_str().unwrap_or(""),
            e["target"].as_str().unwrap_or(""),
        );
        match e["relation"].as_str() {
            Some("party_to") => {
                parties.entry(t.to_string()).or_default().insert(map(s));
            }
            Some("signatory_of") => {
                signers.entry(t.to_string()).or_default().insert(map(s));
            }
            Some("partners_with") => {
                any_pw = true;
                let (a, b) = (map(s), map(t));
                if a != b {
                    pe.insert(if a < b { (a, b) } else { (b, a) });
                }
            }
            _ => {}
        }
    }
    let preds: Vec<(&Value, BTreeSet<String>)> = nodes
        .iter()
        .filter(|n| n["kind"] == "agreement")
        .map(|n| {
            (
                n,
                parties
                    .get(n["id"].as_str().unwrap_or(""))
                    .cloned()
                    .unwrap_or_default(),
            )
        })
        .collect();
    if !any_pw {
        for (_, ps) in &preds {
            pe.extend(pairs(ps));
        }
    }
    Predicted {
        agreements: preds,
        signers,
        edges: pe,
    }
}

/// Matches gold agreements to predicted ones (indices), one to one, by party
/// set (or an alternative one); among equal sets, the first with the most of
/// kind and status right. Returns the matches and the predictions used.
fn match_agreements<'g>(
    gold: &'g [GoldAgreement],
    preds: &[(&Value, BTreeSet<String>)],
) -> (Vec<(&'g GoldAgreement, usize)>, BTreeSet<usize>) {
    let mut used = BTreeSet::new();
    let mut matches: Vec<(&GoldAgreement, usize)> = Vec::new();
    for g in gold {
        let options: Vec<BTreeSet<String>> = std::iter::once(&g.parties)
            .chain(g.alt_parties.iter())
            .map(|o| o.iter().cloned().collect())
            .collect();
        let mut best: Option<(usize, usize)> = None;
        for (pi, (n, ps)) in preds.iter().enumerate() {
            if used.contains(&pi) || !options.contains(ps) {
                continue;
            }
            let s = (n["agreement_kind"].as_str() == g.kind.as_deref()) as usize
                + (n["status"].as_str() == g.status.as_deref()) as usize;
            if best.is_none_or(|b| s > b.0) {
                best = Some((s, pi));
            }
        }
        if let Some((_, pi)) = best {
            used.insert(pi);
            matches.push((g, pi));
        }
    }
    (matches, used)
}

/// Partner-edge counts: a gold agreement gives the pairs of its party set
/// that overlaps the predicted pairs `pe` most; a predicted pair is false
/// only when no party set of any gold agreement has it.
fn edge_counts(gold: &[GoldAgreement], pe: &BTreeSet<(String, String)>) -> Counts {
    let mut ge: BTreeSet<(String, String)> = BTreeSet::new();
    let mut alt_ok: BTreeSet<(String, String)> = BTreeSet::new();
    for g in gold {
        let options: Vec<BTreeSet<(String, String)>> = std::iter::once(&g.parties)
            .chain(g.alt_parties.iter())
            .map(|o| pairs(&o.iter().cloned().collect()))
            .collect();
        for o in &options {
            alt_ok.extend(o.iter().cloned());
        }
        // like max(): the first option with the most overlap
        let mut best = &options[0];
        for o in &options {
            if o.intersection(pe).count() > best.intersection(pe).count() {
                best = o;
            }
        }
        ge.extend(best.iter().cloned());
    }
    Counts {
        tp: pe.intersection(&ge).count(),
        fp: pe.difference(&alt_ok).count(),
        fn_: ge.difference(pe).count(),
    }
}

/// Scores the kind, status, date and signatories of the agreement node `n`
/// matched to the gold agreement `g`, noting each mismatch in `ds`.
fn score_attributes(
    g: &GoldAgreement,
    n: &Value,
    signers: &BTreeMap<String, BTreeSet<String>>,
    ds: &mut DocScore,
) {
    ds.attrs.matched += 1;
    let mut check = |what: &str, ok: bool, got: String, want: String, slot: &mut usize| {
        if ok {
            *slot += 1;
        } else {
            ds.attribute_errors.push(format!(
                "{}: {what}: got {got}, want {want}",
                g.parties.join(" + ")
            ));
        }
    };
    let kind = n["agreement_kind"].as_str().map(str::to_string);
    check(
        "kind",
        kind == g.kind,
        format!("{kind:?}"),
        format!("{:?}", g.kind),
        &mut ds.attrs.kind,
    );
    let status = n["status"].as_str().map(str::to_string);
    check(
        "status",
        status == g.status,
        format!("{status:?}"),
        format!("{:?}", g.status),
        &mut ds.attrs.status,
    );
    let date = n["date"].as_str().map(str::to_string);
    check(
        "date",
        date == g.date,
        format!("{date:?}"),
        format!("{:?}", g.date),
        &mut ds.attrs.date,
    );
    let got: BTreeSet<String> = signers
        .get(n["id"].as_str().unwrap_or(""))
        .cloned()
        .unwrap_or_default();
    let want: BTreeSet<String> = g.signatories.iter().cloned().collect();
    check(
        "signatories",
        got == want,
        format!("{got:?}"),
        format!("{want:?}"),
        &mut ds.attrs.signatories,
    );
}

/// The publication date of a gold file (`published`, when it is a full
/// `yyyy-mm-dd` date), which `eval --use-published` passes as the document date.
pub fn published(gold_text: &str) -> Option<String> {
    let g: Gold = serde_json::from_str(gold_text).ok()?;
    g.published
        .filter(|d| crate::dates::Date::parse(d).is_some_and(|x| x.d.is_some()))
}

/// Scores every `*.gold.json` in `dir` with `extract` giving the node-link JSON
/// of a text file, given the text's path and its gold publication date.
///
/// # Errors
/// [`Error::Io`] when the folder or a file cannot be read; the first extraction error.
pub fn evaluate(
    dir: &Path,
    mut extract: impl FnMut(&Path, Option<String>) -> Result<Value>,
) -> Result<Report> {
    let mut golds: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    if golds.is_empty() {
        return Err(Error::input(
            dir,
            "no NN.gold.json files here; point --gold at a folder of NN.txt + NN.gold.json pairs",
        ));
    }
    let mut rep = Report::default();
    for gp in golds {
        let name = gp
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".gold.json")
            .to_string();
        let txt = gp.with_file_name(format!("{name}.txt"));
        let gold_text = std::fs::read_to_string(&gp).map_err(|e| Error::io(&gp, e))?;
        let graph = extract(&txt, published(&gold_text))?;
        let ds = score_doc(&name, &gold_text, &graph).map_err(|e| match e {
            Error::Data { line, message, .. } => {
                Error::data(&gp.display().to_string(), line, message)
            }
            e => e,
        })?;
        rep.actors.add(ds.actors);
        rep.agreements.add(ds.agreements);
        rep.edges.add(ds.edges);
        rep.trap_hits += ds.trap_hits;
        rep.attrs.matched += ds.attrs.matched;
        rep.attrs.kind += ds.attrs.kind;
        rep.attrs.status += ds.attrs.status;
        rep.attrs.date += ds.attrs.date;
        rep.attrs.signatories += ds.attrs.signatories;
        for (k, c) in &ds.by_rule {
            rep.by_rule.entry(k.clone()).or_default().add(*c);
        }
        rep.documents.push(ds);
    }
    Ok(rep)
}

fn frac(n: usize, d: usize) -> String {
    if d == 0 {
        "-".into()
    } else {
        format!("{:.2}", n as f64 / d as f64)
    }
}

/// Predicted agreements per frame pattern: matched (true positives), not
/// matched (false positives) and precision, most used first.
pub fn rule_table(rep: &Report) -> String {
    let mut rows: Vec<(&String, &Counts)> = rep.by_rule.iter().collect();
    rows.sort_by(|a, b| (b.1.tp + b.1.fp).cmp(&(a.1.tp + a.1.fp)).then(a.0.cmp(b.0)));
    let mut s = String::from("pattern            TP    FP  precision\n");
    for (name, c) in rows {
        s.push_str(&format!(
            "{name:<16} {:>4}  {:>4}       {:.2}\n",
            c.tp,
            c.fp,
            c.p()
        ));
    }
    s.push_str("(an agreement found by `subject+with` counts for both patterns;\n missed gold agreements have no pattern and are in the totals above)\n");
    s
}

/// A readable table; with `verbose`, what was missed and what was spurious.
pub fn table(rep: &Report, verbose: bool) -> String {
    let mut s = String::new();
    s.push_str("doc      actor P   R    F1  | agr P   R    F1  | edge P  R    F1  | traps | kind status date  sign\n");
    let row = |name: &str, a: &Counts, g: &Counts, e: &Counts, traps: usize, at: &Attrs| {
        format!(
            "{name:<8} {:.2} {:.2} {:.2} | {:.2} {:.2} {:.2} | {:.2} {:.2} {:.2} | {traps:>5} | {:>4} {:>6} {:>4} {:>5}\n",
            a.p(), a.r(), a.f1(), g.p(), g.r(), g.f1(), e.p(), e.r(), e.f1(),
            frac(at.kind, at.matched), frac(at.status, at.matched), frac(at.date, at.matched), frac(at.signatories, at.matched)
        )
    };
    for d in &rep.documents {
        s.push_str(&row(
            &d.doc,
            &d.actors,
            &d.agreements,
            &d.edges,
            d.trap_hits,
            &d.attrs,
        ));
        if verbose {
            for (what, v) in [
                ("missed actors", &d.missed_actors),
                ("extra actors", &d.extra_actors),
                ("attributes", &d.attribute_errors),
            ] {
                if !v.is_empty() {
                    s.push_str(&format!("         {what}: {}\n", v.join("; ")));
                }
            }
            for (what, v) in [
                ("missed agreements", &d.missed_agreements),
                ("spurious agreements", &d.spurious_agreements),
            ] {
                if !v.is_empty() {
                    s.push_str(&format!(
                        "         {what}: {}\n",
                        v.iter()
                            .map(|x| format!("[{}]", x.join(", ")))
                            .collect::<Vec<_>>()
                            .join(" ")
                    ));
                }
            }
        }
    }
    s.push_str(&row(
        "TOTAL",
        &rep.actors,
        &rep.agreements,
        &rep.edges,
        rep.trap_hits,
        &rep.attrs,
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_strips_genitives_and_case() {
        assert_eq!(norm(" JOGMEC:s "), "jogmec");
        assert_eq!(norm("Japan’s"), "japan");
        assert_eq!(norm("Stena  Recycling's"), "stena recycling");
    }

    #[test]
    fn scores_a_tiny_document() {
        let gold = r#"{"doc":"t","lang":"en","actors":[{"names":["A Co","A"],"type":"company"},{"names":["B Co"],"type":"company"}],
            "agreements":[{"parties":["A Co","B Co"],"kind":"mou","status":"signed","date":"2025","signatories":[],"topics":[],"evidence":""}],"not_agreements":[]}"#;
        let graph = serde_json::json!({"nodes":[
            {"id":"actor:a","kind":"actor","label":"A Co","aliases":[],"mentions":[]},
            {"id":"actor:b","kind":"actor","label":"B Co","aliases":[],"mentions":[]},
            {"id":"actor:c","kind":"actor","label":"C Co","aliases":[],"mentions":[]},
            {"id":"agreement:1","kind":"agreement","label":"x","agreement_kind":"mou","status":"signed","date":"2024"}],
            "edges":[{"source":"actor:a","target":"agreement:1","relation":"party_to"},{"source":"actor:b","target":"agreement:1","relation":"party_to"},
                     {"source":"actor:a","target":"actor:b","relation":"partners_with"}]});
        let d = score_doc("t", gold, &graph).unwrap();
        assert_eq!(
            d.actors,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            d.agreements,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            d.edges,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!((d.attrs.kind, d.attrs.date), (1, 0));
    }
}
