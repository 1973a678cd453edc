//! Fragments: one serializable result per document (its actors with their
//! mentions, its agreements with their evidence), ready to merge into a graph.

use crate::gazetteer::ActorType;
use crate::lexicon::{Kind, Status};
use crate::matcher::How;
use crate::sorted_set::SortedSet;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// An offset or index into a document as records store it. Offsets are
/// `u32`, half the room of `usize` in records a long document holds millions
/// of: documents are at most [`crate::input::MAX_DOCUMENT_BYTES`] (256 MiB)
/// when read. A library caller's document of 4 GiB or more panics here,
/// with this message.
pub(crate) fn offset(x: usize) -> u32 {
    u32::try_from(x).expect("documents of 4 GiB or more are not supported: split the text")
}

/// One mention of an actor, with offsets that slice the original text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Document id (shared by the document's records).
    pub doc: Arc<str>,
    /// Byte offset.
    pub start: u32,
    /// Byte offset (exclusive).
    pub end: u32,
    /// Char (Unicode scalar) offset.
    pub char_start: u32,
    /// Char offset (exclusive).
    pub char_end: u32,
    /// The surface form, exactly as in the text.
    pub text: Arc<str>,
    /// Index of the sentence in the document.
    pub sentence: u32,
    /// The gazetteer alias (or learned form) that matched (shared with the
    /// gazetteer).
    pub alias: Arc<str>,
    /// How it was found.
    pub how: How,
}

/// An actor as seen in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// `actor:<gazetteer id>`, or `actor:x-<slug>` for discovered actors.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// Country code, if known.
    pub country: Option<String>,
    /// Not in the gazetteer: learned from this text.
    pub discovered: bool,
    /// Every name it is known by, the surface forms seen included (shared
    /// with the gazetteer and the mentions).
    pub aliases: SortedSet<Arc<str>>,
    /// Mentions, in text order.
    pub mentions: Vec<MentionRecord>,
    /// Parent organisations (actor ids) from the gazetteer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<String>,
}

/// Where an agreement is stated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id (shared by the document's records).
    pub doc: Arc<str>,
    /// Sentence index.
    pub sentence: u32,
    /// Byte offset of the sentence.
    pub start: u32,
    /// Byte offset (exclusive).
    pub end: u32,
    /// Char offset.
    pub char_start: u32,
    /// Char offset (exclusive).
    pub char_end: u32,
    /// The sentence.
    pub text: Arc<str>,
    /// The rule that fired (`between`, `subject+with`, ...), or `describes` for
    /// sentences that add facts to it.
    pub rule: Arc<str>,
    /// The date this document gives the agreement (`yyyy`, `yyyy-mm`, `yyyy-mm-dd`).
    /// An agreement node aggregates reports from several documents; these
    /// report-level facts let graphs be merged again exactly.
    pub date: Option<String>,
    /// The status this document gives the agreement.
    pub status: Status,
    /// The topics this document gives the agreement.
    #[serde(default, skip_serializing_if = "SortedSet::is_empty")]
    pub topics: SortedSet<String>,
    /// The signatories (actor ids) this document names.
    #[serde(default, skip_serializing_if = "SortedSet::is_empty")]
    pub signatories: SortedSet<String>,
}

/// An agreement as stated in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementRecord {
    /// `agreement:<hash of parties, kind and date>`.
    pub id: String,
    /// A readable label ("MoU: EIB – JBIC (2025-06-02)").
    pub label: String,
    /// Kind.
    pub agreement_kind: Kind,
    /// Status.
    pub status: Status,
    /// `yyyy`, `yyyy-mm` or `yyyy-mm-dd`.
    pub date: Option<String>,
    /// Topics (English).
    pub topics: SortedSet<String>,
    /// Party actor ids.
    pub parties: SortedSet<String>,
    /// Signatory actor ids.
    pub signatories: SortedSet<String>,
    /// The sentences that state and describe it, the stating one first.
    pub evidence: Vec<Evidence>,
}

/// The result for one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// Document id.
    pub doc: String,
    /// Detected or given language.
    pub lang: Option<String>,
    /// Dateline or given document date.
    pub date: Option<String>,
    /// Actors named, sorted by id.
    pub actors: Vec<ActorRecord>,
    /// Agreements stated, sorted by id.
    pub agreements: Vec<AgreementRecord>,
    /// Where the document came from (JSONL `url`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl MentionRecord {
    /// The byte range that slices the document's text.
    pub fn bytes(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl Evidence {
    /// The byte range of the sentence in the document's text.
    pub fn bytes(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl ActorRecord {
    /// Moves the record out, leaving an empty one with the same id.
    fn take(&mut self) -> ActorRecord {
        ActorRecord {
            id: self.id.clone(),
            label: std::mem::take(&mut self.label),
            kind: self.kind,
            country: self.country.take(),
            discovered: self.discovered,
            aliases: std::mem::take(&mut self.aliases),
            mentions: std::mem::take(&mut self.mentions),
            member_of: std::mem::take(&mut self.member_of),
        }
    }

    /// Merges another record of the same actor into this one: mentions and
    /// aliases added, order-independent choices where the records disagree.
    pub fn absorb(&mut self, a: ActorRecord) {
        if a.label < self.label {
            self.label = a.label;
        }
        self.kind = self.kind.min(a.kind);
        self.country = match (self.country.take(), a.country) {
            (Some(p), Some(q)) => Some(p.min(q)),
            (p, q) => p.or(q),
        };
        self.discovered &= a.discovered;
        self.aliases.extend(a.aliases);
        self.mentions.extend(a.mentions);
        // each document repeats a gazetteer actor's affiliations
        for m in a.member_of {
            if !self.member_of.contains(&m) {
                self.member_of.push(m);
            }
        }
    }
}

impl Fragment {
    /// The same fragment in fresh allocations of exactly the size needed:
    /// what a long document's windows keep while the others are extracted
    /// (see `Pipeline::analyze_windowed`). Strings behind an `Arc` (the
    /// document id, surface forms, evidence sentences, rule names) are
    /// shared, not copied.
    pub(crate) fn compacted(self) -> Fragment {
        #[allow(clippy::redundant_clone)] // the copy is the point
        self.clone()
    }

    /// Moves a window's offsets to where the window starts in its document:
    /// `bytes` and `chars` before it, and `sentences` sentences.
    pub(crate) fn shift(&mut self, bytes: usize, chars: usize, sentences: usize) {
        // (a sum past u32 is a document of 4 GiB or more: `offset` says so)
        let at = |x: &mut u32, by: usize| *x = offset(*x as usize + by);
        for m in self.actors.iter_mut().flat_map(|a| a.mentions.iter_mut()) {
            at(&mut m.start, bytes);
            at(&mut m.end, bytes);
            at(&mut m.char_start, chars);
            at(&mut m.char_end, chars);
            at(&mut m.sentence, sentences);
        }
        for e in self
            .agreements
            .iter_mut()
            .flat_map(|g| g.evidence.iter_mut())
        {
            at(&mut e.start, bytes);
            at(&mut e.end, bytes);
            at(&mut e.char_start, chars);
            at(&mut e.char_end, chars);
            at(&mut e.sentence, sentences);
        }
    }

    /// Adds the later windows of the same document, in order: actors merged
    /// by id (their mentions stay in text order), agreements added, an id
    /// already taken getting the next free `-n` suffix as within one document.
    pub(crate) fn absorb(&mut self, others: Vec<Fragment>) {
        let mut ids: rustc_hash::FxHashSet<String> =
            self.agreements.iter().map(|g| g.id.clone()).collect();
        // actors: concatenated in window order, sorted by id (stable: the
        // windows' order is kept among records of one actor), then merged
        let mut actors = std::mem::take(&mut self.actors);
        actors.reserve_exact(others.iter().map(|o| o.actors.len()).sum());
        self.agreements
            .reserve_exact(others.iter().map(|o| o.agreements.len()).sum());
        for other in others {
            actors.extend(other.actors);
            for mut g in other.agreements {
                if ids.contains(&g.id) {
                    // `agreement:` and 16 hex digits, then maybe `-n`
                    let base = g.id.get(..26).unwrap_or(&g.id);
                    g.id = crate::graph::next_free_id(base, |x| ids.contains(x));
                }
                ids.insert(g.id.clone());
                self.agreements.push(g);
            }
        }
        drop(ids);
        // merged one actor at a time, the later records into the first, whose
        // mentions get room for all of them at once: grown window by window,
        // the vector of an actor named in every paragraph would hold up to
        // twice their memory (and both copies while it moves)
        actors.sort_by(|a, b| a.id.cmp(&b.id));
        let mut i = 0;
        while i < actors.len() {
            let run = actors[i..]
                .iter()
                .take_while(|a| a.id == actors[i].id)
                .count();
            let (first, later) = actors[i..i + run].split_at_mut(1);
            first[0]
                .mentions
                .reserve_exact(later.iter().map(|a| a.mentions.len()).sum());
            for a in later {
                first[0].absorb(a.take());
            }
            i += run;
        }
        // the records emptied into the first of their actor
        actors.dedup_by(|later, earlier| later.id == earlier.id);
        actors.shrink_to_fit();
        self.actors = actors;
        self.agreements.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_fit_u32_and_a_larger_one_says_why_it_cannot() {
        assert_eq!(offset(u32::MAX as usize), u32::MAX);
        let past = std::panic::catch_unwind(|| offset(u32::MAX as usize + 1));
        let message = crate::corpus::panic_message(&*past.unwrap_err());
        assert!(message.contains("4 GiB"), "{message}");
    }
}
