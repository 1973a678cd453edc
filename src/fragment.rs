//! Fragments: one serializable result per document (its actors with their
//! mentions, its agreements with their evidence), ready to merge into a graph.

use crate::gazetteer::ActorType;
use crate::lexicon::{Kind, Status};
use crate::matcher::How;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

/// One mention of an actor, with offsets that slice the original text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Document id (shared by the document's records).
    pub doc: Arc<str>,
    /// Byte offset.
    pub start: usize,
    /// Byte offset (exclusive).
    pub end: usize,
    /// Char (Unicode scalar) offset.
    pub char_start: usize,
    /// Char offset (exclusive).
    pub char_end: usize,
    /// The surface form, exactly as in the text.
    pub text: Arc<str>,
    /// Index of the sentence in the document.
    pub sentence: usize,
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
    pub aliases: BTreeSet<Arc<str>>,
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
    pub sentence: usize,
    /// Byte offset of the sentence.
    pub start: usize,
    /// Byte offset (exclusive).
    pub end: usize,
    /// Char offset.
    pub char_start: usize,
    /// Char offset (exclusive).
    pub char_end: usize,
    /// The sentence.
    pub text: String,
    /// The rule that fired (`between`, `subject+with`, ...), or `describes` for
    /// sentences that add facts to it.
    pub rule: String,
    /// The date this document gives the agreement (`yyyy`, `yyyy-mm`, `yyyy-mm-dd`).
    /// An agreement node aggregates reports from several documents; these
    /// report-level facts let graphs be merged again exactly.
    pub date: Option<String>,
    /// The status this document gives the agreement.
    pub status: Status,
    /// The topics this document gives the agreement.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub topics: BTreeSet<String>,
    /// The signatories (actor ids) this document names.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub signatories: BTreeSet<String>,
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
    pub topics: BTreeSet<String>,
    /// Party actor ids.
    pub parties: BTreeSet<String>,
    /// Signatory actor ids.
    pub signatories: BTreeSet<String>,
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
