//! Extraction: finds the agreements a document states, sentence by sentence,
//! with their parties, signatories, kind, status, date, topics and evidence.
//!
//! Takes a document's sentences, actor mentions, lexicon phrases and dates; gives
//! [`Agreement`]s. The rules are generic over the language files: coordination
//! chains of actors are found around an agreement noun or verb, and which chain
//! binds is decided by the relation word that governs it (`mellan`/`between`,
//! `med`/`with`, `av`/`by`, `för`/`for`) or by being the clause's subject.
//! Anaphora (`Avtalet`, `the two companies`, `Bolaget`) and numbered references
//! (`[7]`) attach facts to agreements already found.

use crate::dates::{self, Context, Date, DateExpr, DateValue};
use crate::gazetteer::ActorType;
use crate::lexicon::{Kind, PhraseMatch, Relative, SaleRole, Status, Tag};
use crate::matcher::Mention;
use crate::segment::{Block, BlockKind, Sentence};
use crate::spans::{SpanIndex, SpanSet};
use std::collections::{BTreeMap, BTreeSet};

mod frames;
mod members;
mod modality;
mod owners;
mod partners;
mod phrases;

use frames::Clause;

/// An agreement found in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// Kind.
    pub kind: Kind,
    /// Specificity of the description that gave the kind (0 = a verb such as "join forces").
    pub kind_rank: u8,
    /// Status.
    pub status: Status,
    /// Date, if the text makes it certain.
    pub date: Option<Date>,
    /// Party actor ids.
    pub parties: BTreeSet<String>,
    /// Signatory person ids.
    pub signatories: BTreeSet<String>,
    /// English topic names.
    pub topics: BTreeSet<String>,
    /// Indices of the sentences that state or describe it (the first states it).
    pub sentences: Vec<usize>,
    /// The rule that fired.
    pub rule: String,
    /// Numbered references cited where it is stated.
    pub cites: BTreeSet<u32>,
    /// Stated in a reference block `[n]` (its number).
    pub reference: Option<u32>,
    /// Stated in a heading.
    pub heading: bool,
    /// Had an unresolved date expression (so no dateline fallback).
    pub date_expr_seen: bool,
    /// May take the dateline as its date when nothing else dates it.
    pub dateline_fallback: bool,
    /// Stated with an adverb that makes it another agreement than those
    /// before it ("also"): never merged with one of another kind.
    pub another: bool,
    /// How many agreements the statement counts ("signed two loan
    /// agreements": 2); each is output as an agreement of its own.
    pub count: u8,
    /// An earlier agreement between the parties of a later one ("The
    /// previous agreement expired in January"): never merged with one that
    /// is not.
    pub earlier: bool,
    /// Talks with counterparts the text does not name: kept with one party.
    pub unnamed: bool,
}

/// A negated or broken-off agreement, kept for `--explain` and evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAgreement {
    /// Actors involved.
    pub actors: BTreeSet<String>,
    /// Sentence index.
    pub sentence: usize,
}

/// What the extractor needs to know about each actor.
pub trait ActorInfo {
    /// The actor's type.
    fn kind(&self, id: &str) -> ActorType;
    /// The ISO code of the actor's country, when known ("the Norwegian
    /// company" looks for it); none by default, so that an implementation
    /// written before it still compiles.
    fn country(&self, _id: &str) -> Option<&str> {
        None
    }
    /// Ids of organisations a person is affiliated with (gazetteer), in order.
    fn affiliations(&self, id: &str) -> Vec<String>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemKind {
    Mention(usize),
    Phrase(usize),
    Date(usize),
    Word,
    Punct(char),
    Cite,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    start: usize,
    end: usize,
    kind: ItemKind,
}

/// A run of actor mentions joined by coordination.
#[derive(Debug, Clone)]
struct Chain {
    /// Mention indices (modifiers excluded).
    members: Vec<usize>,
    /// Item index of the first and last member.
    first: usize,
    last: usize,
    /// Tags of the governing phrase, if any.
    gov: Gov,
    /// Item index of the governing phrase.
    gov_at: Option<usize>,
    /// A list after a colon ("with the following countries: A, B").
    listed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gov {
    None,
    Between,
    With,
    By,
    OnBehalf,
    NotParty,
    Example,
    Trigger,
    Verb,
}

/// The document-level inputs of extraction.
pub struct Input<'a> {
    /// The text.
    pub text: &'a str,
    /// The text folded with [`crate::text::fold`] (same length, same offsets).
    pub folded: &'a str,
    /// Blocks.
    pub blocks: &'a [Block],
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// All actor mentions, sorted by start.
    pub mentions: &'a [Mention],
    /// All lexicon phrases, sorted by start.
    pub phrases: &'a [PhraseMatch],
    /// The dateline or document date.
    pub dateline: Option<Date>,
    /// The dateline is written in the text (not only given as the document's
    /// date): only then does "has signed" without a date take it.
    pub dateline_in_text: bool,
    /// Actor facts.
    pub actors: &'a dyn ActorInfo,
    /// The language knowledge the phrases were matched with.
    pub lexicon: &'a crate::lexicon::Lexicon,
}

/// Everything extraction finds in a document.
#[derive(Debug, Default)]
pub struct Output {
    /// Agreements, in the order they are first stated.
    pub agreements: Vec<Agreement>,
    /// Negated or broken-off ones.
    pub not_agreements: Vec<NotAgreement>,
}

struct State<'a> {
    inp: &'a Input<'a>,
    dates: Vec<DateExpr>,
    out: Vec<Agreement>,
    not: Vec<NotAgreement>,
    /// Index in `out` of the agreement talked about last, and the sentence where it was last touched.
    last: Option<(usize, usize)>,
    /// A date from a sentence that summarises several agreements ("two agreements were signed in September").
    summary_date: Option<(Date, usize)>,
    /// The date of an opening phrase on an agreement that names no one,
    /// and its sentence: "Under the agreement signed in May 2023, A will
    /// acquire 41 % of B" dates A's purchase.
    opener_date: Option<(Date, usize)>,
    /// The subject of the last agreement stated with a `with` counterpart, and
    /// its sentence: "Similar agreements have been established with A and B".
    last_subject: Option<(BTreeSet<String>, usize)>,
    /// The counterparts of the last agreements stated with two or more of
    /// them, their sentence, and whether each had an agreement of its own:
    /// what "with them" stands for.
    last_counterparts: Option<(Vec<String>, usize, bool)>,
    /// The spans of `inp.mentions`, for overlap look-ups in logarithmic time.
    mention_spans: SpanIndex,
    /// The starts of the heading blocks, in order: where a section opens
    /// for [`State::date_context`].
    heading_starts: Vec<usize>,
    /// Specific descriptions in sentences that state no agreement ("A
    /// forthcoming memorandum of understanding will …", "det nya
    /// samförståndsavtalet") that no agreement near them took: kind and
    /// rank, for [`loose_kinds`].
    loose: Vec<(Kind, u8)>,
    /// Indices in `out` of agreements a later denial took back ("Reuters
    /// reported that A had signed a deal with B. … A denied that any such
    /// agreement had been reached").
    retracted: Vec<usize>,
    /// Terms a document defines for an actor, with where each is defined:
    /// `Isuzu Motors Limited (the "Company")`, `Acme AB (publ) ("Bolaget")`
    /// (see [`defined_terms`]).
    defined: Vec<DefinedTerm>,
}

/// A term a document defines for an actor in parentheses after its name.
#[derive(Debug)]
struct DefinedTerm {
    /// Where the definition ends.
    at: usize,
    /// The term, folded, without an article ("company", "bolaget").
    term: String,
    /// The actor it stands for.
    actor: std::sync::Arc<str>,
}

/// The terms a document defines in parentheses right after a name, as
/// filings and press releases do: `Isuzu Motors Limited (the "Company")`,
/// `Toyota Motor Corporation ("Toyota")`, `Acme AB (publ) ("Bolaget")`,
/// `(hereinafter "the Buyer")`. Every quoted term in the parentheses counts.
fn defined_terms(inp: &Input) -> Vec<DefinedTerm> {
    const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»', '\''];
    let mut out = Vec::new();
    for m in inp.mentions.iter().filter(|m| !m.genitive) {
        let mut rest = inp.text[m.end..].trim_start_matches(' ');
        // (Swedish listed companies: "Acme AB (publ) ("Bolaget")")
        if let Some(r) = rest.strip_prefix("(publ)") {
            rest = r.trim_start_matches(' ');
        }
        let Some(inner) = rest.strip_prefix('(') else {
            continue;
        };
        let Some(close) = inner.find(')').filter(|&c| c <= 80) else {
            continue;
        };
        let base = inp.text.len() - inner.len();
        let (inner, at) = (&inner[..close], base + close + 1);
        // (the quoted pieces are every second one)
        let mut offset = 0;
        for (i, piece) in inner.split(QUOTES).enumerate() {
            let start = base + offset;
            offset += piece.len();
            // (the quote that ends the piece)
            offset += inner[offset..].chars().next().map_or(0, char::len_utf8);
            if i % 2 == 0 || piece.trim().is_empty() {
                continue;
            }
            let term = without_article(&inp.folded[start..start + piece.len()]).trim();
            if !term.is_empty()
                && term
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
            {
                out.push(DefinedTerm {
                    at,
                    term: term.to_string(),
                    actor: m.actor.clone(),
                });
            }
        }
    }
    out
}

/// Whether a word as written is an English "-ing" participle: lower case,
/// longer than four bytes ("agreeing", "contributing"; not "King", "ring").
fn ing_participle(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing") && w.starts_with(char::is_lowercase)
}

/// A folded term without the definite article before it ("the company",
/// "det bolaget").
fn without_article(folded: &str) -> &str {
    ["the ", "den ", "det "]
        .iter()
        .find_map(|a| folded.strip_prefix(a))
        .unwrap_or(folded)
}

/// Extracts the agreements of one document.
pub fn extract(inp: &Input) -> Output {
    let dates = dates::find(inp.text, 0, inp.text.len(), inp.phrases);
    let mut st = State {
        inp,
        dates,
        out: Vec::new(),
        not: Vec::new(),
        last: None,
        summary_date: None,
        opener_date: None,
        last_subject: None,
        last_counterparts: None,
        mention_spans: SpanIndex::new(inp.mentions.iter().map(|m| (m.start, m.end))),
        heading_starts: inp
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.start)
            .collect(),
        loose: Vec::new(),
        retracted: Vec::new(),
        defined: defined_terms(inp),
    };
    // A sentence without a telling word can neither state an agreement nor
    // describe the last one (see `clause` and `continuation`): skip it whole.
    let mut pi = 0;
    for (si, sent) in inp.sentences.iter().enumerate() {
        while pi < inp.phrases.len() && inp.phrases[pi].start < sent.start {
            pi += 1;
        }
        let tells = inp.phrases[pi..]
            .iter()
            .take_while(|p| p.start < sent.end)
            .any(|p| p.tags.iter().any(Tag::tells));
        // "the talks" continue a negotiation without a lexicon phrase
        let talks = st
            .last
            .is_some_and(|(a, _)| st.out[a].status == Status::Negotiating);
        if tells || talks {
            st.sentence(si);
        }
    }
    st.finish()
}

/// A pronoun that may stand for an agreement ("terminated it", "sade upp
/// det", "den undertecknades").
fn agreement_pronoun(w: &str) -> bool {
    matches!(w, "it" | "det" | "den")
}

fn tags<'a>(inp: &'a Input, it: &Item) -> &'a [Tag] {
    match it.kind {
        ItemKind::Phrase(p) => &inp.phrases[p].tags,
        _ => &[],
    }
}

fn has(inp: &Input, it: &Item, f: impl Fn(&Tag) -> bool) -> bool {
    tags(inp, it).iter().any(f)
}

/// The offset from `pos` of the first `]` in `t[pos..e]`. `close` keeps the
/// last search (from where, and the `]` found) so that a run of `[` reads the
/// text once.
fn next_close(
    t: &str,
    pos: usize,
    e: usize,
    close: &mut Option<(usize, Option<usize>)>,
) -> Option<usize> {
    let valid = close.is_some_and(|(from, at)| from <= pos && at.is_none_or(|c| c >= pos));
    if !valid {
        let at = memchr::memchr(b']', &t.as_bytes()[pos..e]).map(|k| pos + k);
        *close = Some((pos, at));
    }
    close.and_then(|(_, at)| at).map(|c| c - pos)
}

impl<'a> State<'a> {
    /// The mentions that start in `start..end` (they are sorted by start).
    fn mentions_in(&self, start: usize, end: usize) -> &'a [Mention] {
        let ms = self.inp.mentions;
        &ms[ms.partition_point(|m| m.start < start)..ms.partition_point(|m| m.start < end)]
    }

    /// The index of the mention that spans exactly `start..end` (a line
    /// that is one name), if there is one.
    fn mention_spanning(&self, start: usize, end: usize) -> Option<usize> {
        let ms = self.inp.mentions;
        let at = ms.partition_point(|m| m.start < start);
        ms.get(at)
            .filter(|m| m.start == start && m.end == end)
            .map(|_| at)
    }

    fn items(&self, s: usize, e: usize) -> Vec<Item> {
        let inp = self.inp;
        let mut items: Vec<Item> = Vec::with_capacity((e - s) / 16 + 1);
        // mentions, dates and phrases are sorted by start: take each one's slice
        let from_m = inp.mentions.partition_point(|m| m.start < s);
        for (i, m) in inp.mentions.iter().enumerate().skip(from_m) {
            if m.start >= e {
                break;
            }
            if m.end <= e {
                items.push(Item {
                    start: m.start,
                    end: m.end,
                    kind: ItemKind::Mention(i),
                });
            }
        }
        let mut taken = SpanSet::default();
        for x in &items {
            taken.insert(x.start, x.end);
        }
        let from_d = self.dates.partition_point(|d| d.start < s);
        for (i, d) in self.dates.iter().enumerate().skip(from_d) {
            if d.start >= e {
                break;
            }
            if d.end <= e && !taken.overlaps(d.start, d.end) {
                taken.insert(d.start, d.end);
                items.push(Item {
                    start: d.start,
                    end: d.end,
                    kind: ItemKind::Date(i),
                });
            }
        }
        let from_p = inp.phrases.partition_point(|p| p.start < s);
        for (i, p) in inp.phrases.iter().enumerate().skip(from_p) {
            if p.start >= e {
                break;
            }
            if p.end <= e && !taken.overlaps(p.start, p.end) {
                taken.insert(p.start, p.end);
                items.push(Item {
                    start: p.start,
                    end: p.end,
                    kind: ItemKind::Phrase(i),
                });
            }
        }
        items.sort_by_key(|x| x.start);
        // remaining words and punctuation, walking the sorted items alongside
        let t = inp.text;
        let mut pos = s;
        let mut next = 0;
        let mut rest: Vec<Item> = Vec::new();
        // the next ']' at or after a position, found once per ']' (not per '[')
        let mut close: Option<(usize, Option<usize>)> = None;
        while pos < e {
            while next < items.len() && items[next].start < pos {
                next += 1;
            }
            if next < items.len() && items[next].start == pos {
                pos = items[next].end;
                next += 1;
                continue;
            }
            let c = t[pos..].chars().next().unwrap();
            if c.is_whitespace() {
                pos += c.len_utf8();
            } else if c == '['
                && next_close(t, pos, e, &mut close).is_some_and(|k| {
                    k > 1
                        && t[pos + 1..pos + k]
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c == '-')
                })
            {
                let k = next_close(t, pos, e, &mut close).expect("a ']'");
                rest.push(Item {
                    start: pos,
                    end: pos + k + 1,
                    kind: ItemKind::Cite,
                });
                pos += k + 1;
            } else if c.is_alphanumeric() {
                let mut q = pos;
                for ch in t[pos..e].chars() {
                    if ch.is_alphanumeric() || ch == '-' || ch == '\'' || ch == '’' {
                        q += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                // stop at the start of an item
                if next < items.len() && items[next].start > pos && items[next].start < q {
                    q = items[next].start;
                }
                rest.push(Item {
                    start: pos,
                    end: q,
                    kind: ItemKind::Word,
                });
                pos = q;
            } else {
                rest.push(Item {
                    start: pos,
                    end: pos + c.len_utf8(),
                    kind: ItemKind::Punct(c),
                });
                pos += c.len_utf8();
            }
        }
        items.extend(rest);
        items.sort_by_key(|x| x.start);
        items
    }

    /// An item's text, case-folded.
    fn folded(&self, it: &Item) -> &'a str {
        &self.inp.folded[it.start..it.end]
    }

    fn mention(&self, it: &Item) -> Option<&'a Mention> {
        match it.kind {
            ItemKind::Mention(i) => Some(&self.inp.mentions[i]),
            _ => None,
        }
    }

    fn is_person(&self, it: &Item) -> bool {
        self.mention(it)
            .is_some_and(|m| self.inp.actors.kind(&m.actor) == ActorType::Person)
    }

    /// A phrase such as "för samtal med" or "tillsammans med" whose last word is a with-word.
    fn phrase_ends_with_with(&self, it: &Item) -> bool {
        let s = self.folded(it);
        matches!(it.kind, ItemKind::Phrase(_)) && crate::lexicon::ends_in_with(s)
    }

    /// Whether the item is a `with` relation word: "with", "med", or a
    /// phrase ending in one ("talks with", "för samtal med") that is not a
    /// `not_party` phrase ("equipped with", "i samband med").
    fn governs_with(&self, it: &Item) -> bool {
        let ts = tags(self.inp, it);
        ts.iter().any(|t| matches!(t, Tag::With))
            || (self.phrase_ends_with_with(it) && !ts.iter().any(|t| matches!(t, Tag::NotParty)))
    }

    /// Whether a company anaphor is the pronoun "it", which after a verb
    /// is its object ("signed it"): the noun anaphora ("the company",
    /// "bolaget") may stand as a subject after the verb or in a `with`
    /// phrase, the pronoun may not.
    fn pronoun(&self, it: &Item) -> bool {
        self.folded(it) == "it"
    }

    /// The first sentence outside a heading: the lead, which a dateline
    /// written in the text dates.
    fn lead_sentence(&self) -> Option<usize> {
        (0..self.inp.sentences.len()).find(|&si| self.block_of(si).kind != BlockKind::Heading)
    }

    fn block_of(&self, si: usize) -> &Block {
        &self.inp.blocks[self.inp.sentences[si].block]
    }

    fn cites(&self, items: &[Item]) -> BTreeSet<u32> {
        items
            .iter()
            .filter(|x| x.kind == ItemKind::Cite)
            .flat_map(|x| {
                self.inp.text[x.start + 1..x.end - 1]
                    .split(',')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect::<Vec<u32>>()
            })
            .collect()
    }

    /// Date `d` resolved in its context, but not against the last
    /// agreement's date: the date a sentence that refers back gives.
    fn unanchored(&self, d: usize) -> Option<Date> {
        let cx = Context {
            anchor: None,
            ..self.date_context(self.dates[d].start)
        };
        dates::resolve(self.dates[d].value, &cx)
    }

    /// A relative phrase that introduces an agreement's counterpart as its
    /// subject ("under which", "enligt vilket"; `relative_with`).
    pub(super) fn relative_with(&self, it: &Item) -> bool {
        has(self.inp, it, |t| matches!(t, Tag::RelativeWith))
    }

    /// A word for talks ("the talks", "förhandlingarna"; `TALK_WORDS`).
    pub(super) fn talk_word(&self, it: &Item) -> bool {
        crate::lexicon::TALK_WORDS.contains(&self.folded(it))
    }

    fn date_context(&self, at: usize) -> Context {
        // (a heading opens a section of its own: a year named before it
        // gives no year to a month after it, as in a column of short items
        // each under its heading; the dateline does, when there is one)
        let section = if self.inp.dateline.is_some() {
            let h = &self.heading_starts;
            h[..h.partition_point(|&start| start < at)]
                .last()
                .copied()
                .unwrap_or(0)
        } else {
            0
        };
        // (dates are sorted by start: those ending before `at` start before it)
        let before = || {
            self.dates[..self.dates.partition_point(|d| d.start < at)]
                .iter()
                .filter(|d| d.end <= at && d.start >= section)
                .filter_map(|d| match d.value {
                    DateValue::Absolute(x) => Some(x),
                    _ => None,
                })
        };
        Context {
            dateline: self.inp.dateline,
            last: before().next_back(),
            last_month: before().rfind(|d| d.m.is_some()),
            anchor: self.last.and_then(|(a, _)| self.out[a].date),
        }
    }

    /// Reads sentence `si`: cuts it into clauses, reads each, and, when none
    /// states an agreement, takes it as a continuation of the last one or
    /// keeps its loose kind.
    fn sentence(&mut self, si: usize) {
        let mut items = self.sentence_items(si);
        // "X, a joint venture of A and B": the owners' venture, out of the clauses
        let mut created = self.venture_appositions(si, &mut items);
        let block = self.block_of(si).clone();
        let adverbial = self.opening_adverbial(&items);
        let (cuts, shares_subject) = self.clause_cuts(&items, adverbial);
        let sentence = CutSentence {
            si,
            items: &items,
            block: &block,
            cuts: &cuts,
            shares_subject: &shares_subject,
            adverbial,
        };
        for w in cuts.windows(2) {
            created |= self.cut_clause(&sentence, w[0], w[1]);
        }
        created |= self.possessive_partners(si, &items);
        created |= self.group_members(si, &items);
        if !created && !self.continuation(si, &items) {
            self.loose_kind(si, &items);
        }
    }

    /// Where the clauses of a sentence start, the end of its items last; and
    /// the cuts that open a clause sharing the subject of the clause before.
    /// Clauses: split at ';' and at ", och/and/men/but" when both sides have
    /// a predicate (see [`ClauseCutter::cut_at`]), and after an opening
    /// adverbial or quote.
    fn clause_cuts(&self, items: &[Item], adverbial: Option<usize>) -> (Vec<usize>, Vec<usize>) {
        let quote_end = self.opening_quote(items);
        let cutter = ClauseCutter {
            st: self,
            items,
            split_verbs: self.split_verbs(items, 0, items.len()),
        };
        let mut cuts = vec![0];
        // clauses that share the subject of the clause before them (by the
        // cut that opens them)
        let mut shares_subject: Vec<usize> = Vec::new();
        for k in 1..items.len() {
            if adverbial == Some(k) || quote_end == Some(k) {
                cuts.push(k);
                continue;
            }
            let lo = *cuts.last().unwrap();
            match cutter.cut_at(k, lo) {
                Cut::No => {}
                Cut::Here => cuts.push(k),
                Cut::SharedSubject => {
                    cuts.push(k);
                    shares_subject.push(k);
                }
                Cut::BeforePreposition => {
                    if lo < k - 1 {
                        cuts.push(k - 1);
                    }
                }
            }
        }
        cuts.push(items.len());
        (cuts, shares_subject)
    }

    /// Reads the clause `lo..hi` of a cut sentence: with a relative clause
    /// inside it, with the subject of the clause before, with the subject
    /// after an opening phrase, or plain. Whether it created an agreement.
    fn cut_clause(&mut self, s: &CutSentence, lo: usize, hi: usize) -> bool {
        let (inp, items, si, block) = (self.inp, s.items, s.si, s.block);
        // a relative clause ", which/som ..." inside this clause
        // (or right after an agreement noun, with a subject of its own:
        // `relative_own_subject`)
        let rel = (lo + 1..hi).find(|&k| {
            has(inp, &items[k], |t| matches!(t, Tag::Which))
                && (self.is_comma(&items[k - 1])
                    || self.relative_own_subject(items, k, hi)
                    || self.with_which(items, lo, k))
        });
        // the subject of a second predicate after "and"/"och" is the first
        // predicate's
        let shared = s.shares_subject.contains(&lo);
        // where the clause before this one starts
        let prev = s.cuts.iter().rev().find(|&&c| c < lo).copied().unwrap_or(0);
        let shared_subject = shared
            .then(|| self.subject_of_clause_before(items, prev, lo))
            .flatten();
        match rel {
            Some(k) => self.relative_and_main(s, lo, hi, k, shared_subject),
            None if shared => {
                // (a company anaphor as the first predicate's subject: the
                // second clause reads as if it opened with it, "It
                // acquired B in 2022, and last year agreed to buy C")
                let anaphor = self.anaphor_subject(items, prev, lo);
                if let Some(a) = anaphor {
                    let mut with_subject = vec![items[a]];
                    with_subject.extend_from_slice(&items[lo + 1..hi]);
                    let n = with_subject.len();
                    return self.clause(Clause::plain(si, &with_subject, 0, n, block));
                }
                self.clause(Clause {
                    si,
                    items,
                    lo: lo + 1,
                    hi,
                    inherited_trigger: None,
                    inherited_subject: shared_subject,
                    inherited_counterparts: false,
                    opener: false,
                    block,
                })
            }
            // the phrase an opener opens, naming an actor, is about the
            // subject right after it ("Following talks with ABB, Scania
            // signed …": Scania's talks)
            None if lo == 0
                && s.adverbial == Some(hi)
                && (has(inp, &items[0], |t| matches!(t, Tag::ClauseOpener))
                    || self.agreement_opener(items).is_some())
                && items[..hi].iter().any(|x| self.mention(x).is_some()) =>
            {
                let subject = self
                    .chains(items, hi + 1, items.len())
                    .into_iter()
                    .find(|c| c.first == hi + 1 && c.gov == Gov::None)
                    .map(|c| c.members);
                self.clause(Clause {
                    inherited_subject: subject,
                    opener: true,
                    ..Clause::plain(si, items, lo, hi, block)
                })
            }
            None => {
                let cl = Clause::plain(si, items, lo, hi, block);
                if lo == 0 && s.adverbial == Some(hi) && self.agreement_opener(items).is_some() {
                    self.opener_date(&cl);
                }
                self.clause(cl)
            }
        }
    }

    /// Whether the relative pronoun at `k` comes right after an agreement
    /// noun and has a subject of its own: "ett avtal där Epiroc levererar
    /// maskiner" (or a company anaphor: "det forskningssamarbete som bolaget
    /// inledde med Eisai").
    fn relative_own_subject(&self, items: &[Item], k: usize, hi: usize) -> bool {
        has(self.inp, &items[k - 1], |t| {
            matches!(t, Tag::Agreement { .. })
        }) && (items.get(k + 1).is_some_and(|x| self.mention(x).is_some())
            || (k + 1 < hi && self.company_anaphor(items, k + 1, k + 1)))
    }

    /// The subject a clause at `lo` shares with the clause before it, which
    /// starts at `prev`: its last ungoverned chain before its first
    /// predicate (a verb-second subject after an opening adverbial: "I
    /// december valde A B som leverantör och avslutade …").
    fn subject_of_clause_before(
        &self,
        items: &[Item],
        prev: usize,
        lo: usize,
    ) -> Option<Vec<usize>> {
        let first_pred = (prev..lo)
            .find(|&k| has(self.inp, &items[k], Tag::predicate))
            .unwrap_or(lo);
        self.chains(items, prev, first_pred)
            .into_iter()
            .rfind(|c| c.gov == Gov::None)
            .or_else(|| {
                let v2 = first_pred + 1;
                (first_pred > prev)
                    .then(|| self.chains(items, v2, lo).into_iter().next())
                    .flatten()
                    .filter(|c| c.first == v2)
            })
            .map(|c| c.members)
    }

    /// Reads the clause `lo..hi` with a relative clause that the pronoun at
    /// `k` opens: first the relative clause, with what it inherits from its
    /// antecedent, then the main clause without it. Whether either created
    /// an agreement.
    fn relative_and_main(
        &mut self,
        s: &CutSentence,
        lo: usize,
        hi: usize,
        k: usize,
        shared_subject: Option<Vec<usize>>,
    ) -> bool {
        let (inp, items, si, block) = (self.inp, s.items, s.si, s.block);
        let (end, rest) = self.relative_end(items, lo, hi, k);
        // antecedent: the trigger or chain just before the comma
        // (a plural one when the relative clause has a subject
        // of its own: "framework agreements that Acme struck
        // with B, C and D")
        let ante_trigger = (lo..k).rev().take(6).find(|&x| {
            has(inp, &items[x], |t| match t {
                Tag::Agreement { plural, .. } => !plural || self.relative_own_subject(items, k, hi),
                _ => false,
            })
        });
        let (before, ante_chain) = self.relative_antecedent(items, lo, k);
        let relative_clause = Clause {
            si,
            items,
            lo: k + 1,
            hi: end,
            inherited_trigger: ante_trigger,
            inherited_counterparts: ante_chain.as_ref().is_some_and(|c| c.gov == Gov::With),
            inherited_subject: ante_chain.map(|c| c.members),
            opener: false,
            block,
        };
        // (the parties of an agreement noun the relative clause is about are
        // those of the main clause, read first: "Åhléns planerade köp av NK
        // Kosmetik, som parterna avbröt …")
        let parties_of_antecedent = ante_trigger.is_some()
            && items
                .get(k + 1)
                .is_some_and(|x| has(inp, x, |t| matches!(t, Tag::PartiesAnaphor)));
        let (relative, deferred) = if parties_of_antecedent {
            (false, Some(relative_clause))
        } else {
            (self.clause(relative_clause), None)
        };
        let mut main: Vec<Item> = items[lo..before].to_vec();
        main.extend_from_slice(&items[rest..hi]);
        // (a second predicate of the first one's subject, with a
        // relative clause of its own: "… och avslutade samarbetet
        // med Huawei, som hade levererat …")
        let main_created = match shared_subject {
            Some(subject) => self.clause(Clause {
                inherited_subject: Some(subject),
                ..Clause::plain(si, &main, 1, main.len(), block)
            }),
            None => {
                // (a second relative clause in the main clause: "A, which
                // …, is backed by B, which plans to take a stake in the
                // company")
                let second = (1..main.len()).find(|&x| {
                    has(inp, &main[x], |t| matches!(t, Tag::Which)) && self.is_comma(&main[x - 1])
                });
                if let Some(x) = second {
                    let cuts = [0, main.len()];
                    let cut = CutSentence {
                        items: &main,
                        cuts: &cuts,
                        shares_subject: &[],
                        adverbial: None,
                        ..*s
                    };
                    self.relative_and_main(&cut, 0, main.len(), x, None)
                } else {
                    self.clause(Clause::plain(si, &main, 0, main.len(), block))
                }
            }
        };
        let deferred_created = deferred.is_some_and(|cl| self.clause(cl));
        relative | main_created | deferred_created
    }

    /// Whether a relative pronoun at `k` follows ", with"/", med": "B,
    /// with which A signed a partnership in 2024".
    fn with_which(&self, items: &[Item], lo: usize, k: usize) -> bool {
        k >= lo + 2
            && has(self.inp, &items[k], |t| matches!(t, Tag::Which))
            && has(self.inp, &items[k - 1], |t| matches!(t, Tag::With))
            && self.is_comma(&items[k - 2])
    }

    /// Where the relative clause that the pronoun at `k` opens ends, in the
    /// clause `lo..hi`; and where the main clause goes on after it.
    fn relative_end(&self, items: &[Item], lo: usize, hi: usize, k: usize) -> (usize, usize) {
        let inp = self.inp;
        let comma = |k: usize| self.is_comma(&items[k]);
        let pred = |it: &Item| has(inp, it, Tag::predicate);
        // the clause ends at a comma that ends no list of names
        // ("som ägs gemensamt av Equinor, Shell och TotalEnergies, om …")
        let in_list = |x: usize| {
            self.mention(&items[x - 1]).is_some()
                && items.get(x + 1).is_some_and(|n| self.mention(n).is_some())
        };
        // (or at ", and" as one phrase, the Oxford comma: "Acme,
        // which operates the field, and Beta signed …", which
        // goes on with the conjunction)
        let on_subject = !items[lo..k].iter().any(pred);
        let comma_and = |x: usize| {
            on_subject
                && inp.text[items[x].start..].starts_with(',')
                && !in_list(x)
                && items.get(x + 1).is_some_and(|n| self.mention(n).is_some())
        };
        // (past names in apposition to the relative clause's
        // noun before its predicate: "whose four members, A, B
        // and C, committed …")
        let apposition = |x: usize| {
            x + 1 < hi
                && self.mention(&items[x - 1]).is_none()
                && self.mention(&items[x + 1]).is_some()
                && !items[k + 1..x].iter().any(pred)
        };
        let mut from = k + 1;
        let end = loop {
            let x = (from..hi)
                .find(|&x| (comma(x) && !in_list(x)) || comma_and(x))
                .unwrap_or(hi);
            match (x < hi && apposition(x))
                .then(|| (x + 1..hi).find(|&y| comma(y) && !in_list(y)))
                .flatten()
            {
                Some(y) => from = y + 1,
                None => break x,
            }
        };
        // (without the comma that closes the relative clause, as
        // without the one that opens it: "Acme, which makes
        // cells, said it …" reads "Acme said it …")
        let rest = if end < hi && comma(k - 1) && !comma_and(end) {
            end + 1
        } else {
            end
        };
        (end, rest)
    }

    /// Where the main clause from `lo` ends before the relative pronoun at
    /// `k`, and the chain just before it that the pronoun stands for.
    fn relative_antecedent(&self, items: &[Item], lo: usize, k: usize) -> (usize, Option<Chain>) {
        let inp = self.inp;
        let comma = |k: usize| self.is_comma(&items[k]);
        // the main clause ends before the comma, or before the pronoun
        let before = if comma(k - 1) { k - 1 } else { k };
        let chains = self.chains(items, lo, before);
        // (past the country that says whose the name is, no chain of its
        // own: "Boliden of Sweden, which …")
        let reach = |c: &Chain| {
            let of_place = c.last + 2 < before
                && matches!(self.folded(&items[c.last + 1]), "of" | "of the")
                && self.mention(&items[c.last + 2]).is_some();
            let last = if of_place { c.last + 2 } else { c.last };
            // (and past a bracketed acronym or gloss: "Business Finland
            // (BF), which …")
            let open = last + 1 < before && self.folded(&items[last + 1]) == "(";
            open.then(|| {
                (last + 2..before)
                    .take(6)
                    .find(|&x| self.folded(&items[x]) == ")")
            })
            .flatten()
            .unwrap_or(last)
        };
        let mut ante_at = chains.iter().rposition(|c| reach(c) + 2 >= k - 1);
        // (not the place in "Viasat of the United States, which
        // agreed …": the name the place phrase hangs on)
        if let Some(i) = ante_at.filter(|&i| i > 0) {
            let c = &chains[i];
            let place = c.members.iter().all(|&m| {
                matches!(
                    inp.actors.kind(&inp.mentions[m].actor),
                    ActorType::Country | ActorType::Region
                )
            });
            if place
                && c.gov == Gov::NotParty
                && c.gov_at.is_some_and(|g| chains[i - 1].last + 1 == g)
            {
                ante_at = Some(i - 1);
            }
        }
        let mut ante_chain = ante_at.map(|i| chains[i].clone());
        // "a venture with Sony Group, Sony Honda Mobility, which
        // plans …": two names that a bare comma joins, with no
        // conjunction to make a list, are a name and the venture
        // or unit it has in apposition; the relative clause is
        // about the second, and the main clause keeps the first
        let apposed = ante_chain
            .as_ref()
            .filter(|c| c.members.len() == 2 && c.last + 1 == before)
            .and_then(|c| {
                let between = c.first + 1..c.last;
                let joined = between
                    .clone()
                    .any(|x| !comma(x) && has(inp, &items[x], |t| matches!(t, Tag::Coord)));
                let mut commas = between.filter(|&x| comma(x));
                match (commas.next(), commas.next(), joined) {
                    (Some(x), None, false) => Some(x),
                    _ => None,
                }
            });
        let before = match apposed {
            Some(x) => {
                if let Some(c) = ante_chain.as_mut() {
                    c.members.remove(0);
                }
                x
            }
            None => before,
        };
        (before, ante_chain)
    }

    /// The conjunction after a comma at `k` (", and", ", men", ", while"),
    /// in lower case: ", and" may be one lexicon phrase (the Oxford comma)
    /// or two items.
    pub(super) fn comma_conj(&self, items: &[Item], k: usize) -> Option<&'static str> {
        let conj = |w: &str| {
            ["och", "and", "men", "but", "while", "medan"]
                .into_iter()
                .find(|c| w.eq_ignore_ascii_case(c))
        };
        let word = |k: usize| &self.inp.text[items[k].start..items[k].end];
        (k > 0 && word(k - 1) == ",")
            .then(|| conj(word(k)))
            .flatten()
            .or_else(|| {
                word(k)
                    .strip_prefix(',')
                    .and_then(|rest| conj(rest.trim_start()))
            })
    }

    /// "The most specific description anywhere in the text decides the kind":
    /// the most specific agreement description of a sentence that states no
    /// agreement and describes none (a singular noun of rank 3 or more,
    /// definite, whose existence is presupposed even under negation, "Saab har
    /// ännu inte fått någon beställning kopplad till det nya
    /// samförståndsavtalet", or in a sentence that negates nothing), when no
    /// agreement of its kind is stated, gives its kind to the vaguer
    /// agreements (at most partnerships or cooperation agreements) stated in
    /// the nearest sentence before it, at most two back ("The EU is working on
    /// partnerships with A and B. A forthcoming memorandum of understanding
    /// will …"). With none there, it is kept for [`loose_kinds`].
    fn loose_kind(&mut self, si: usize, items: &[Item]) {
        let inp = self.inp;
        let negated = items
            .iter()
            .any(|it| has(inp, it, |t| matches!(t, Tag::Negation)));
        let best = items
            .iter()
            .enumerate()
            .filter_map(|(k, it)| {
                tags(inp, it).iter().find_map(|t| match t {
                    Tag::Agreement {
                        kind,
                        rank,
                        plural: false,
                        definite,
                        ..
                    } if *rank >= 3
                        && (!negated || *definite || self.english_definite(items, k, 0)) =>
                    {
                        Some((*kind, *rank))
                    }
                    _ => None,
                })
            })
            .max_by_key(|x| x.1);
        let Some((kind, rank)) = best else {
            return;
        };
        if self.out.iter().any(|a| a.kind == kind) {
            return;
        }
        let first = |a: &Agreement| a.sentences.first().copied().unwrap_or(usize::MAX);
        let nearest = self
            .out
            .iter()
            .filter(|a| vaguer(a, rank))
            .map(first)
            .filter(|&s| s < si && si - s <= 2)
            .max();
        if nearest.is_none() {
            self.loose.push((kind, rank));
        }
        for a in self.out.iter_mut() {
            if vaguer(a, rank) && Some(first(a)) == nearest {
                a.kind = kind;
                a.kind_rank = rank;
            }
        }
    }

    /// A definite determiner at most three words before the noun at `t`, in
    /// its noun phrase: a name, a predicate or punctuation ends the look-back
    /// ("After that Acme expects to sign agreements" is no definite noun).
    pub(super) fn english_definite(&self, items: &[Item], t: usize, lo: usize) -> bool {
        (lo..t)
            .rev()
            .take(3)
            .take_while(|&k| {
                self.mention(&items[k]).is_none()
                    && !matches!(items[k].kind, ItemKind::Punct(_))
                    && !has(self.inp, &items[k], Tag::predicate)
            })
            .any(|k| {
                matches!(
                    self.folded(&items[k]),
                    "the" | "this" | "that" | "its" | "their" | "under the"
                )
            })
    }

    /// The last mention of a company that ends before `before` and that
    /// `take` accepts.
    fn company_named_before(
        &self,
        before: usize,
        take: impl Fn(&str) -> bool,
    ) -> Option<&'a Mention> {
        let inp = self.inp;
        inp.mentions[..inp.mentions.partition_point(|m| m.start < before)]
            .iter()
            .rfind(|m| {
                m.end <= before
                    && inp.actors.kind(&m.actor) == ActorType::Company
                    && !self.names_site(m)
                    && take(&m.actor)
            })
    }

    /// Whether a mention names a site by a project noun right after it
    /// ("the Oyu Tolgoi mine", "the Ringhals plant"): no company an
    /// anaphor stands for.
    fn names_site(&self, m: &Mention) -> bool {
        // (the folded text keeps the text's byte offsets)
        let rest = self.inp.folded[m.end..].trim_start_matches([' ', '-']);
        let word = &rest[..rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len())];
        !word.is_empty() && self.inp.lexicon.is_project_noun(word)
    }

    /// The company an anaphor such as "Bolaget" refers to: this sentence's subject,
    /// else the last company named before.
    ///
    /// A noun anaphor (`salient`: "Bolaget", "the company", not "it") may
    /// also stand for the company the text is about.
    fn last_company(&self, si: usize, items: &[Item], lo: usize, salient: bool) -> Option<String> {
        self.last_company_hops(si, items, lo, (salient, false), ANAPHOR_HOPS)
    }

    /// The actor a term the document defined before item `it` stands for,
    /// when the item is that term: "the Company" after `Isuzu Motors
    /// Limited (the "Company")`.
    fn defined_actor(&self, it: &Item) -> Option<String> {
        let term = without_article(self.folded(it));
        self.defined
            .iter()
            .rfind(|d| d.at <= it.start && d.term == term)
            .map(|d| d.actor.to_string())
    }

    /// Whether an actor is one an anaphor may stand for: "it" any body, a
    /// country too ("China … In September it signed an MoU with Tanzania");
    /// a noun anaphor (`salient`: "the company", "Bolaget") only a company.
    fn anaphor_fits(&self, id: &str, salient: bool) -> bool {
        match self.inp.actors.kind(id) {
            ActorType::Company => true,
            ActorType::Organization
            | ActorType::Government
            | ActorType::Alliance
            | ActorType::Country => !salient,
            _ => false,
        }
    }

    /// The antecedent the sentence before `si` gives an anaphor: for "it",
    /// a body that is no company and opens it ("China … is pushing a rival
    /// route. In September it signed …"); for any anaphor, when it names no
    /// company but opens with a company anaphor, what that one stands for
    /// ("The operator then turned to a competitor. It signed …"), with that
    /// anaphor's salience, after the subject of the sentence that names the
    /// last company ("The privately owned group has been expanding. Last
    /// December it …" after "MSC … runs").
    fn previous_sentence_antecedent(&self, si: usize, salient: bool, hops: u8) -> Option<String> {
        let inp = self.inp;
        let prev = si.checked_sub(1)?;
        let ps = &inp.sentences[prev];
        let prev_items = self.sentence_items(prev);
        if let Some(c) = self
            .chains(&prev_items, 0, prev_items.len())
            .into_iter()
            .next()
            .filter(|c| !salient && c.gov == Gov::None && c.first <= 1)
        {
            let id = &inp.mentions[c.members[0]].actor;
            let company = inp.actors.kind(id) == ActorType::Company;
            if self.anaphor_fits(id, salient)
                && !company
                && !self.modifies_noun(&prev_items, c.first)
            {
                return Some(id.to_string());
            }
        }
        let names_company = self
            .mentions_in(ps.start, ps.end)
            .iter()
            .any(|m| inp.actors.kind(&m.actor) == ActorType::Company);
        let opening = self.opening_company_anaphor(&prev_items);
        match (names_company, opening, hops) {
            (false, Some(k), 1..) => {
                let noun = !self.pronoun(&prev_items[k]);
                self.last_company_hops(prev, &prev_items, k, (noun, true), hops - 1)
            }
            _ => None,
        }
    }

    /// Whether `c` is the subject right after the verb of a sentence that
    /// opens with an adverbial, in Swedish word order ("I juni bildade Volvo
    /// ett samriskbolag …"): nothing before the verb is a name or an anaphor
    /// (in English a subject stands there: "In June it formed …").
    pub(super) fn verb_second_subject(&self, items: &[Item], c: &Chain) -> bool {
        c.gov == Gov::Verb
            && c.first <= 5
            && c.gov_at.is_some_and(|g| {
                g + 1 == c.first
                    && (0..g).all(|k| {
                        self.mention(&items[k]).is_none()
                            && !self.company_anaphor(items, k, 0)
                            && !has(self.inp, &items[k], |t| {
                                matches!(t, Tag::PartiesAnaphor | Tag::FirstPerson)
                            })
                    })
            })
    }

    /// [`State::last_company`], following at most `hops` sentences whose
    /// subject is itself an anaphor (bounded: a long run of sentences that
    /// each open with "It" costs a few steps each, not one per sentence).
    /// `subject_first`: the subject of the sentence naming the last company
    /// comes before the company the text is about (when an anaphor is
    /// followed back through a sentence that names no company).
    fn last_company_hops(
        &self,
        si: usize,
        items: &[Item],
        lo: usize,
        (salient, subject_first): (bool, bool),
        hops: u8,
    ) -> Option<String> {
        let inp = self.inp;
        let fits = |id: &str| self.anaphor_fits(id, salient);
        let sent_items = self.sentence_items(si);
        if let Some(c) = self
            .chains(&sent_items, 0, sent_items.len())
            .into_iter()
            .find(|c| c.gov == Gov::None || self.verb_second_subject(&sent_items, c))
        {
            let id = &inp.mentions[c.members[0]].actor;
            if fits(id) && sent_items[c.first].start < items.get(lo).map_or(usize::MAX, |x| x.start)
            {
                return Some(id.to_string());
            }
        }
        if let Some(id) = self.previous_sentence_antecedent(si, salient, hops) {
            return Some(id);
        }
        let last = self.company_named_before(inp.sentences[si].start, |_| true)?;
        // the subject that opens the sentence naming it is the likelier
        // antecedent ("Equinor will work with KNOC, … The Norwegian company
        // has signed …"): after the company the text is about, unless asked
        // first
        let psi = inp.sentences[..si].partition_point(|s| s.end <= last.start);
        let prev = inp
            .sentences
            .get(psi)
            .filter(|_| psi < si)
            .map(|_| self.sentence_items(psi));
        // (or the name right after the verb that opens it in Swedish word
        // order: "År 2019 köpte Sobi Dova Pharmaceuticals"; after an
        // English opening adverbial it cost the unread set an agreement)
        // (after a dateline too: "ESPOO, 12 November 2026 - Finnish refiner
        // Neste said …")
        let after_dateline = |prev: &[Item], first: usize| {
            first <= 8
                && (0..first).any(|k| matches!(prev[k].kind, ItemKind::Date(_)))
                && (0..first).all(|k| !has(inp, &prev[k], Tag::predicate))
        };
        let opening_subject = prev.as_ref().and_then(|prev| {
            // (past bullets and symbols that open it, and a genitive word
            // right before the name: "⚡ Lisbon's Powerdot, which …, raised …")
            let lead = prev
                .iter()
                .take_while(|it| matches!(it.kind, ItemKind::Punct(_)))
                .count();
            let genitive_before = |first: usize| {
                first > 0
                    && matches!(prev[first - 1].kind, ItemKind::Word)
                    && crate::discover::genitive_suffix(
                        &inp.text[prev[first - 1].start..prev[first - 1].end],
                    ) > 0
            };
            self.chains(prev, 0, prev.len())
                .into_iter()
                .next()
                .filter(|c| {
                    (c.gov == Gov::None
                        && (c.first <= 1 + lead + usize::from(genitive_before(c.first))
                            || after_dateline(prev, c.first)))
                        || (c.gov == Gov::Verb
                            && c.first <= 4
                            && c.gov_at.is_some_and(|g| g + 1 == c.first))
                })
                .map(|c| inp.mentions[c.members[0]].actor.to_string())
                .filter(|id| fits(id))
        });
        if let (true, Some(id)) = (subject_first, &opening_subject) {
            return Some(id.clone());
        }
        // the company the text is about, twice as often named as the last
        // one ("H2 Green Steel … leveransavtal med Mercedes-Benz, Scania och
        // Porsche. … beviljat bolaget ett bidrag"), unless a sentence right
        // before brought in another company alone (`only_company_before`)
        if salient {
            let counts = self.company_counts(si);
            // (the company named last is a company: it is counted)
            let last_count = counts.get(&*last.actor).copied().unwrap_or(0);
            if let Some((top, n)) = topic_in(&counts)
                .filter(|&(top, _)| !self.only_company_before(si, psi, &last.actor, top))
            {
                if n >= 2 * last_count {
                    return Some(top.to_string());
                }
                // (and the company named last when it is the one the text
                // is about, more often named than the sentence's opening
                // subject: "Only last Friday, Amazon said it would offer
                // Mistral's models, and Mistral sells them itself. The
                // start-up closed a round …" is Mistral's)
                let opening_count = opening_subject
                    .as_ref()
                    .map_or(0, |o| counts.get(o.as_str()).copied().unwrap_or(0));
                if top == &*last.actor && n > opening_count {
                    return Some(top.to_string());
                }
            }
        }
        if opening_subject.is_some() {
            return opening_subject;
        }
        if let Some(prev) = &prev {
            // (a subject that is itself a company anaphor, before any name,
            // stands for what that one does: "The Anglo-Swedish drugmaker
            // said it had licensed Beta. Separately, it struck a deal with
            // C" is the drugmaker's deal, not Beta's)
            let opening = self.opening_company_anaphor(prev);
            if let (Some(k), 1..) = (opening, hops) {
                return self.last_company_hops(psi, prev, k, (false, false), hops - 1);
            }
        }
        Some(last.actor.to_string())
    }

    /// The company the text is about up to sentence `si` (see [`topic_in`]).
    fn topic_company(&self, si: usize) -> Option<String> {
        topic_in(&self.company_counts(si)).map(|(id, _)| id.to_string())
    }

    /// Whether the company named last, `last` in sentence `psi`, is the only
    /// company of the sentence right before `si`, and the company the text
    /// is about (`top`) is not named in the sentence before that one: a
    /// company just brought in, which a noun anaphor then stands for ("Och
    /// i Kiruna närmar sig kopparbolaget Viscaria en återstart. Laevas
    /// sameby har tecknat ett samarbetsavtal med bolaget").
    fn only_company_before(&self, si: usize, psi: usize, last: &str, top: &str) -> bool {
        let inp = self.inp;
        let in_sentence = |s: usize| {
            self.mentions_in(inp.sentences[s].start, inp.sentences[s].end)
                .iter()
                .filter(|m| inp.actors.kind(&m.actor) == ActorType::Company)
        };
        psi + 1 == si
            && top != last
            && in_sentence(psi).all(|m| &*m.actor == last)
            && (psi == 0 || in_sentence(psi - 1).all(|m| &*m.actor != top))
    }

    /// How often each company is named in the fifteen sentences before `si`.
    fn company_counts(&self, si: usize) -> BTreeMap<&'a str, usize> {
        let inp = self.inp;
        let from = inp.sentences[si.saturating_sub(15)].start;
        let mut counts = BTreeMap::new();
        for m in self.mentions_in(from, inp.sentences[si].start) {
            if inp.actors.kind(&m.actor) == ActorType::Company {
                *counts.entry(&*m.actor).or_default() += 1;
            }
        }
        counts
    }

    /// A company anaphor that is the subject of a sentence's items, before
    /// any company is named: at its start, after an opening adverbial ("In
    /// March, the heat business signed …"), or right after the verb in
    /// Swedish word order ("I mars tecknade energibolaget …").
    fn opening_company_anaphor(&self, items: &[Item]) -> Option<usize> {
        let inp = self.inp;
        let n = items.len().min(8);
        let verb = (0..n).find(|&k| has(inp, &items[k], Tag::predicate));
        let before = (0..verb.unwrap_or(n))
            .take_while(|&k| {
                self.mention(&items[k])
                    .is_none_or(|m| inp.actors.kind(&m.actor) != ActorType::Company)
            })
            .find(|&k| self.company_anaphor(items, k, 0));
        before.or_else(|| {
            let v = verb?;
            // (the verb may end the sentence: `company_anaphor` refuses an
            // index past the items)
            let k = self.after_verb(items, v, items.len());
            ((0..v).all(|k| self.mention(&items[k]).is_none()) && self.company_anaphor(items, k, 0))
                .then_some(k)
        })
    }

    /// The item right after the verb at `v` (before `hi`), or the head of a
    /// compound there: the subject slot of Swedish word order ("I mars
    /// tecknade energibolaget …": "energi" and "bolaget" are two items).
    pub(super) fn after_verb(&self, items: &[Item], v: usize, hi: usize) -> usize {
        let k = v + 1;
        if k + 1 < hi
            && matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
            && items[k].end == items[k + 1].start
        {
            k + 1
        } else {
            k
        }
    }

    fn topics(&self, si: usize) -> BTreeSet<String> {
        let s = &self.inp.sentences[si];
        let from = self.inp.phrases.partition_point(|p| p.start < s.start);
        let mut out: BTreeSet<String> = self.inp.phrases[from..]
            .iter()
            .take_while(|p| p.start < s.end)
            .filter(|p| p.end <= s.end)
            .filter(|p| {
                self.mention_spans
                    .first_overlapping(p.start, p.end)
                    .is_none()
            })
            .flat_map(|p| {
                p.tags.iter().filter_map(|t| match t {
                    Tag::Topic(x) => Some(x.to_string()),
                    _ => None,
                })
            })
            .collect();
        // a sentence ending in ':' introduces the list items after it
        if self.inp.text[s.start..s.end].trim_end().ends_with(':') {
            let mut b = s.block + 1;
            while b < self.inp.blocks.len() && self.inp.blocks[b].kind == BlockKind::ListItem {
                let k = self.inp.sentences.partition_point(|x| x.block < b);
                if self.inp.sentences.get(k).is_some_and(|x| x.block == b) {
                    out.extend(self.topics(k));
                }
                b += 1;
            }
        }
        out
    }

    /// A sentence without an agreement of its own may describe the last one.
    fn continuation(&mut self, si: usize, items: &[Item]) -> bool {
        let inp = self.inp;
        let Some((a, touched)) = self.last else {
            return false;
        };
        let a = self.continued_agreement(items, a);
        if si > touched + 3 {
            return false;
        }
        // references continue nothing; headings neither
        let block = self.block_of(si);
        if matches!(block.kind, BlockKind::Reference | BlockKind::Heading) {
            return false;
        }
        let cues = self.continuation_cues(si, items, a);
        // "The talks broke down in May": no agreement came of them
        if cues.talks_ref
            && items
                .iter()
                .any(|it| has(inp, it, |t| matches!(t, Tag::BreakOff)))
        {
            if !self.retracted.contains(&a) {
                self.retracted.push(a);
            }
            self.last = None;
            return true;
        }
        if !cues.refers() || cues.plural_ref && !cues.parties_ref {
            return false;
        }
        if cues.singular_def && self.earlier_noun(items) {
            self.earlier_agreement(si, items, a);
            return true;
        }
        self.continue_agreement(si, items, a, cues);
        true
    }

    /// The agreement a continuation describes, when `a` was the last one
    /// talked about: "the memorandum" refers to the last memorandum, not to
    /// the last agreement of any kind.
    fn continued_agreement(&self, items: &[Item], a: usize) -> usize {
        let specific = items.iter().find_map(|it| {
            tags(self.inp, it).iter().find_map(|t| match t {
                Tag::Agreement {
                    kind,
                    rank,
                    plural: false,
                    ..
                } if *rank >= 3 => Some(*kind),
                _ => None,
            })
        });
        if let Some(k) = specific {
            if self.out[a].kind != k {
                if let Some(b) = self
                    .out
                    .iter()
                    .rposition(|x| x.kind == k && x.reference.is_none())
                {
                    return b;
                }
            }
        }
        a
    }

    /// The words by which sentence `si` may refer back to agreement `a`.
    fn continuation_cues(&self, si: usize, items: &[Item], a: usize) -> ContinuationCues {
        let inp = self.inp;
        let has_tag = |f: &dyn Fn(&Tag) -> bool| items.iter().any(|it| has(inp, it, f));
        let singular_def = self.singular_definite(items, a);
        let plural_ref = items.iter().any(|it| {
            has(inp, it, |t| {
                matches!(
                    t,
                    Tag::Agreement { plural: true, .. } | Tag::PluralQuantifier
                )
            }) && has(inp, it, |t| matches!(t, Tag::Agreement { .. }))
        });
        let parties_ref = has_tag(&|t| matches!(t, Tag::PartiesAnaphor));
        let counterpart = has_tag(&|t| matches!(t, Tag::Counterpart));
        let joins = has_tag(&|t| matches!(t, Tag::Joins));
        let talks_ref = self.out[a].status == Status::Negotiating
            && items.iter().any(|it| {
                self.talk_word(it)
                    || has(inp, it, |t| matches!(t, Tag::Status(Status::Negotiating)))
            });
        let first_word = inp.folded[inp.sentences[si].start..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let pronoun_passive = (agreement_pronoun(first_word) || first_word == "its")
            && has_tag(&|t| matches!(t, Tag::Passive | Tag::Status(Status::Signed)));
        let signing = has_tag(&|t| matches!(t, Tag::Status(Status::Signed) | Tag::Passive));
        let persons: Vec<String> = items
            .iter()
            .filter(|it| self.is_person(it))
            .map(|it| self.mention(it).unwrap().actor.to_string())
            .collect();
        let on_behalf_party = items.iter().enumerate().any(|(k, it)| {
            has(inp, it, |t| matches!(t, Tag::OnBehalf))
                && items
                    .get(k + 1)
                    .and_then(|x| self.mention(x))
                    .is_some_and(|m| self.out[a].parties.contains(&*m.actor))
        });
        ContinuationCues {
            singular_def,
            plural_ref,
            parties_ref,
            counterpart,
            joins,
            talks_ref,
            pronoun_passive,
            signed_on_behalf: signing && !persons.is_empty() && on_behalf_party,
            persons,
        }
    }

    /// Whether a definite singular agreement noun in `items` may stand for
    /// agreement `a`: one of its kind, or any when `a`'s kind is vague.
    fn singular_definite(&self, items: &[Item], a: usize) -> bool {
        items.iter().enumerate().any(|(k, it)| {
            tags(self.inp, it).iter().any(|t| match t {
                Tag::Agreement {
                    definite,
                    plural,
                    kind,
                    ..
                } => {
                    !plural
                        && (*definite || self.english_definite(items, k, 0))
                        && (*kind == self.out[a].kind
                            || self.out[a].kind_rank <= 1
                            || *kind == Kind::Cooperation
                            // "the memorandum" after a memorandum of cooperation
                            || (*kind == Kind::Mou && self.out[a].kind == Kind::Moc))
                }
                _ => false,
            })
        })
    }

    /// Adds what sentence `si`, a continuation, says of agreement `a`: its
    /// evidence, topics, citations, new parties, a more specific kind, a
    /// date, signatories and an ending.
    fn continue_agreement(&mut self, si: usize, items: &[Item], a: usize, cues: ContinuationCues) {
        let inp = self.inp;
        let has_tag = |f: &dyn Fn(&Tag) -> bool| items.iter().any(|it| has(inp, it, f));
        let cites = self.cites(items);
        let topics = self.topics(si);
        let date = items.iter().find_map(|it| match it.kind {
            ItemKind::Date(d) => Some(d),
            _ => None,
        });
        let comment = has_tag(&|t| matches!(t, Tag::Comment));
        let predicate =
            has_tag(&|t| matches!(t, Tag::Status(_) | Tag::Passive | Tag::AgreementVerb { .. }));
        let negated = has_tag(&|t| matches!(t, Tag::Negation));
        let joins = cues.joins && cues.singular_def && !negated;
        let new_parties = self.parties_added(items, a, cues.counterpart, joins);
        let upgrade = self.specific_description(items);
        let ended = self.ends_agreement(items);
        let date_val = date.map(|d| (self.dates[d].value, self.unanchored(d)));
        // (a plan or talks do not date a signing: "Avtalet är inte bindande,
        // och parterna räknar med att teckna ett slutligt avtal under 2026")
        let unsigned =
            has_tag(&|t| matches!(t, Tag::Status(Status::Planned | Status::Negotiating)));
        let ag = &mut self.out[a];
        ag.sentences.push(si);
        ag.topics.extend(topics);
        ag.cites.extend(cites);
        ag.parties.extend(new_parties);
        if let Some((k, r)) = upgrade {
            if ag.kind_rank <= 1 && r > ag.kind_rank {
                ag.kind = k;
                ag.kind_rank = r;
            }
        }
        if ag.date.is_none() && predicate && !(unsigned && ag.status == Status::Signed) {
            if let Some((v, resolved)) = date_val {
                if let Some(d) = resolved {
                    ag.date = Some(d);
                } else if !matches!(v, DateValue::Relative(Relative::Weekday)) {
                    ag.date_expr_seen = true;
                }
            }
        }
        if predicate && !comment {
            ag.signatories.extend(cues.persons);
        }
        if ended {
            ag.status = Status::Terminated;
        }
        self.last = Some((a, si));
    }

    /// A more specific description ("the three organisations signed a
    /// memorandum"): the kind and rank of the highest-ranked singular
    /// agreement noun.
    fn specific_description(&self, items: &[Item]) -> Option<(Kind, u8)> {
        items
            .iter()
            .filter_map(|it| {
                tags(self.inp, it).iter().find_map(|t| match t {
                    Tag::Agreement {
                        kind,
                        rank,
                        plural: false,
                        ..
                    } => Some((*kind, *rank)),
                    _ => None,
                })
            })
            .max_by_key(|x| x.1)
    }

    /// Whether a continuation ends the agreement it describes: "the
    /// agreement was terminated", "avtalet sades upp"; not under negation,
    /// and not what a clause of its own, after "and" and a new subject,
    /// ends: "Avtalet omfattar patent, och parterna drar tillbaka sina
    /// stämningar".
    fn ends_agreement(&self, items: &[Item]) -> bool {
        let inp = self.inp;
        let ended_at = (0..items.len()).find(|&k| {
            has(inp, &items[k], |t| {
                matches!(t, Tag::Status(Status::Terminated))
            })
        });
        let agreement_at = |k: usize| has(inp, &items[k], |t| matches!(t, Tag::Agreement { .. }));
        let first_agreement = (0..items.len()).find(|&k| agreement_at(k));
        let ended_elsewhere = ended_at.is_some_and(|t| {
            let new_subject = (0..t).any(|k| {
                first_agreement.is_some_and(|a| a < k)
                    && has(inp, &items[k - 1], |t| matches!(t, Tag::Coord))
                    && (self.mention(&items[k]).is_some()
                        || has(inp, &items[k], |t| {
                            matches!(t, Tag::PartiesAnaphor | Tag::CompanyAnaphor)
                        }))
            });
            new_subject
                && !(t + 1..items.len())
                    .any(|k| agreement_at(k) || agreement_pronoun(self.folded(&items[k])))
        });
        let negated = items
            .iter()
            .any(|it| has(inp, it, |t| matches!(t, Tag::Negation)));
        ended_at.is_some() && !negated && !ended_elsewhere
    }

    /// A definite singular agreement noun with an `earlier_agreement` word
    /// at most two words before it ("the previous agreement", "det tidigare
    /// licensavtalet"; not "an earlier planned tie-up").
    fn earlier_noun(&self, items: &[Item]) -> bool {
        let earlier = &self.inp.lexicon.earlier_agreement;
        items.iter().enumerate().any(|(k, it)| {
            let definite = tags(self.inp, it).iter().any(|t| {
                matches!(
                    t,
                    Tag::Agreement {
                        plural: false,
                        definite: true,
                        ..
                    }
                )
            });
            let noun = has(self.inp, it, |t| {
                matches!(t, Tag::Agreement { plural: false, .. })
            });
            noun && (definite || self.english_definite(items, k, 0))
                && items[k.saturating_sub(2)..k]
                    .iter()
                    .any(|x| earlier.contains(self.folded(x)))
        })
    }

    /// The `earlier` pattern: "They signed a new licence agreement. The
    /// previous agreement, signed in 2015, expired in January" states an
    /// agreement between the parties of agreement `a` before it, of its
    /// kind: ended when the sentence ends it (dated by its last date, the
    /// ending's), else signed (dated by its first).
    fn earlier_agreement(&mut self, si: usize, items: &[Item], a: usize) {
        let inp = self.inp;
        let any = |f: fn(&Tag) -> bool| items.iter().any(|it| has(inp, it, f));
        let ended = any(|t| matches!(t, Tag::Status(Status::Terminated)))
            && !any(|t| matches!(t, Tag::Negation));
        let mut dates = items.iter().filter_map(|it| match it.kind {
            ItemKind::Date(d) => Some(d),
            _ => None,
        });
        let at = if ended {
            dates.next_back()
        } else {
            dates.next()
        };
        let date = at.and_then(|d| self.unanchored(d));
        let ag = Agreement {
            status: if ended {
                Status::Terminated
            } else {
                Status::Signed
            },
            date,
            signatories: BTreeSet::new(),
            topics: self.topics(si),
            sentences: vec![si],
            rule: "earlier".into(),
            cites: self.cites(items),
            reference: None,
            heading: false,
            date_expr_seen: at.is_some(),
            dateline_fallback: false,
            count: 1,
            earlier: true,
            unnamed: false,
            ..self.out[a].clone()
        };
        self.out.push(ag);
    }

    /// Parties a continuation adds to agreement `a`: the other party of one that
    /// had only one ("its counterpart is X"), and the subject of "X joined the
    /// agreement" (`joins`).
    fn parties_added(
        &self,
        items: &[Item],
        a: usize,
        counterpart: bool,
        joins: bool,
    ) -> Vec<String> {
        let inp = self.inp;
        let at = |f: fn(&Tag) -> bool| items.iter().position(|it| has(inp, it, f)).unwrap_or(0);
        let mut added = Vec::new();
        if counterpart && self.out[a].parties.len() < 2 {
            let from = at(|t| matches!(t, Tag::Counterpart));
            if let Some(c) = self.chains(items, from, items.len()).into_iter().next() {
                added.extend(self.party_ids(&c.members));
            }
        }
        // "EIT InnoEnergy joined the agreement": the subject becomes a party
        if joins {
            let to = at(|t| matches!(t, Tag::Joins));
            if let Some(c) = self
                .chains(items, 0, to)
                .into_iter()
                .rfind(|c| c.gov == Gov::None)
            {
                added.extend(self.party_ids(&c.members));
            }
        }
        added
    }

    /// Whether `items[at]` (`and`, `och`) joins a second agreement noun with a
    /// counterpart of its own to a clause that stated one with a `with`
    /// counterpart: "signed an MoU with B and a supply agreement with C",
    /// "tecknade en avsiktsförklaring med B och ett leveransavtal med C".
    fn second_agreement(&self, items: &[Item], lo: usize, at: usize) -> bool {
        let inp = self.inp;
        let noun = |it: &Item| {
            has(inp, it, |t| {
                matches!(t, Tag::Agreement { plural: false, .. })
            })
        };
        let with = |it: &Item| has(inp, it, |t| matches!(t, Tag::With));
        let left = (lo..at).find(|&k| noun(&items[k]));
        let left_with = left.is_some_and(|n| {
            (n + 1..at).any(|k| {
                with(&items[k]) && items.get(k + 1).is_some_and(|x| self.mention(x).is_some())
            })
        });
        // "… tapped B to supply copper, and its … joint venture with C": a
        // verb that states an agreement with a named object
        let left_verb = (lo..at).any(|k| {
            has(inp, &items[k], |t| matches!(t, Tag::AgreementVerb { .. }))
                || (has(inp, &items[k], |t| matches!(t, Tag::Status(_)))
                    && items.get(k + 1).is_some_and(|x| self.mention(x).is_some()))
        });
        // (the venture's own name may stand before the noun: "its Novo Energy joint venture")
        let right = (at + 1..items.len().min(at + 5)).find(|&k| noun(&items[k]));
        // (descriptors may stand before the name: "med indiska X")
        let right_with = right.is_some_and(|n| {
            items.get(n + 1).is_some_and(with)
                && items
                    .iter()
                    .skip(n + 2)
                    .take(3)
                    .find(|x| !self.descriptor(x))
                    .is_some_and(|x| self.mention(x).is_some())
        });
        (left_with || left_verb) && right_with
    }

    /// The company anaphor that is the subject of the clause `lo..k`: the
    /// first of its items, before any predicate ("It acquired B …", "The
    /// company bought B …", after an opening date or adverb).
    fn anaphor_subject(&self, items: &[Item], lo: usize, k: usize) -> Option<usize> {
        let inp = self.inp;
        (lo..k)
            .take_while(|&j| {
                !has(inp, &items[j], Tag::predicate) && self.mention(&items[j]).is_none()
            })
            .find(|&j| self.company_anaphor(items, j, lo))
    }

    /// Whether the predicate after the conjunction at `k` has an object,
    /// seller or buyer of its own right after its agreement verb ("… and
    /// agreed to take over C", "… and agreed to buy hydrogen from C"), and
    /// the clause from `lo` names its subject before its predicate, or is
    /// a company anaphor ("It acquired B …"), which the second predicate
    /// shares.
    fn second_verb_object(&self, items: &[Item], lo: usize, k: usize) -> bool {
        let inp = self.inp;
        let trade_prep = |x: &Item| {
            inp.lexicon
                .sale_prepositions
                .get(self.folded(x))
                .is_some_and(|r| {
                    r.iter()
                        .any(|r| matches!(r, SaleRole::Seller | SaleRole::Buyer))
                })
        };
        // (a name, or a company anaphor, before the first predicate)
        let subject = (lo..k)
            .take_while(|&j| !has(inp, &items[j], Tag::predicate))
            .any(|j| self.mention(&items[j]).is_some() || self.company_anaphor(items, j, lo));
        subject
            && (k + 1..items.len()).take(6).any(|v| {
                has(inp, &items[v], |t| matches!(t, Tag::AgreementVerb { .. }))
                    && (items[v + 1..]
                        .iter()
                        .take(4)
                        .find(|x| {
                            (!self.descriptor(x) && !trade_prep(x)) || self.mention(x).is_some()
                        })
                        // (a genitive too: "and agreed to take over C's
                        // wealth portfolio", C the seller)
                        .is_some_and(|x| self.mention(x).is_some())
                        // (or a buyer or seller after what is traded: "and
                        // has agreed to sell its Finnish unit to C", "and
                        // licensed seven candidates from China's C")
                        || (v + 2..items.len()).take(8).any(|j| {
                            let named = |i: usize| {
                                items.get(i).and_then(|x| self.mention(x)).map(|m| m.genitive)
                            };
                            trade_prep(&items[j - 1])
                                && match named(j) {
                                    Some(false) => true,
                                    Some(true) => named(j + 1) == Some(false),
                                    None => false,
                                }
                        }))
            })
    }

    /// Where direct speech that opens the sentence ends: the item after its
    /// closing quotation mark, when the quote names no actor and no agreement
    /// ("\"We are buying it for now,\" X told reporters, adding that the
    /// agency would sign …": the quote's verb is not the clause's).
    fn opening_quote(&self, items: &[Item]) -> Option<usize> {
        let inp = self.inp;
        let quote = |x: &Item| matches!(&inp.text[x.start..x.end], "\"" | "“" | "”" | "«" | "»");
        if !items.first().is_some_and(quote) {
            return None;
        }
        let close = (1..items.len()).find(|&k| quote(&items[k]))?;
        let plain = items[1..close].iter().all(|x| {
            self.mention(x).is_none() && !has(inp, x, |t| matches!(t, Tag::Agreement { .. }))
        });
        (plain && close + 1 < items.len()).then_some(close + 1)
    }

    /// The items of sentence `si`. A dateline before the first sentence of a
    /// block names a place, no party ("DRESDEN, Germany, Aug 8, 2023 – TSMC
    /// will build …"): it is left out but for its date, which stays as the
    /// sentence's opening date.
    fn sentence_items(&self, si: usize) -> Vec<Item> {
        let sent = &self.inp.sentences[si];
        let mut items = self.items(sent.start, sent.end);
        if let Some(k) = self.dateline_prefix(si, &items) {
            let dates: Vec<Item> = items[..k]
                .iter()
                .filter(|x| matches!(x.kind, ItemKind::Date(_)))
                .cloned()
                .collect();
            items.splice(..k, dates);
        }
        items
    }

    /// The items of a dateline that opens sentence `si` (the first of its
    /// block): a place, a date, then a dash ("DRESDEN, Germany, Aug 8, 2023 –",
    /// "STOCKHOLM, 4 June 2025 —", "TOKYO, Oct 22, 2024 --"): the index
    /// after the dash.
    fn dateline_prefix(&self, si: usize, items: &[Item]) -> Option<usize> {
        let inp = self.inp;
        let sent = &inp.sentences[si];
        if inp.blocks[sent.block].start != sent.start {
            return None;
        }
        let is_dash = |x: &Item| matches!(x.kind, ItemKind::Punct('–' | '—' | '-'));
        let dash = items.iter().take(DATELINE_ITEMS).position(is_dash)?;
        let dated = dash > 0 && matches!(items[dash - 1].kind, ItemKind::Date(_));
        let place = items
            .first()
            .is_some_and(|x| inp.text[x.start..x.end].starts_with(char::is_uppercase));
        let after = dash + 1 + items[dash + 1..].iter().take_while(|x| is_dash(x)).count();
        (dated && place && (0..dash).any(|k| self.is_comma(&items[k]))).then_some(after)
    }

    /// "Following talks in Stockholm, A and B signed …", "Efter långa
    /// förhandlingar, A och B …": a phrase that opens the sentence with a
    /// preposition, names no actor and no agreement, and ends at a comma
    /// before names and their predicate is a clause of its own (its "talks"
    /// do not make the signing a negotiation). The comma's index.
    fn opening_adverbial(&self, items: &[Item]) -> Option<usize> {
        let inp = self.inp;
        // (a preposition of the lexicon, or one of the participles and
        // prepositions that only open such phrases: `clause_openers`)
        let opens = has(inp, items.first()?, |t| {
            matches!(t, Tag::NotParty | Tag::ClauseOpener | Tag::AgreementOpener)
        });
        if !opens {
            return None;
        }
        let bare = |c: usize| {
            items[..c].iter().all(|x| {
                self.mention(x).is_none() && !has(inp, x, |t| matches!(t, Tag::Agreement { .. }))
            })
        };
        // the agreement noun an agreement opener opens on ("Under the MoU …")
        let on_agreement = self.agreement_opener(items);
        let Some(c) = (1..items.len().min(16)).find(|&k| self.is_comma(&items[k])) else {
            // (on an agreement with a counterpart, any verb a name follows:
            // "Enligt ett avtal med B står A värd för …")
            if let Some(n) = on_agreement {
                let plain_verb = |j: usize| {
                    matches!(items[j].kind, ItemKind::Word)
                        && inp.text[items[j].start..].starts_with(char::is_lowercase)
                };
                let v = (n + 2..items.len().min(16).saturating_sub(1)).find(|&j| {
                    plain_verb(j)
                        && self.mention(&items[j + 1]).is_some()
                        && (n + 1..j).any(|m| self.mention(&items[m]).is_some())
                });
                if v.is_some() {
                    return v;
                }
            }
            // verb second, no comma: "Efter flera års samtal har bolaget
            // tecknat …" ends at the auxiliary that a subject follows
            let k = (2..items.len().min(16))
                .find(|&k| inp.lexicon.is_auxiliary(self.folded(&items[k])))?;
            // (or on an agreement, naming its other party: "Inom ramen för
            // avtalet med B ska A bygga …")
            let names_other = on_agreement.is_some_and(|n| n < k)
                && items.get(k + 1).is_some_and(|x| self.mention(x).is_some());
            return ((bare(k) && self.subject_then_predicate(items, k + 1)) || names_other)
                .then_some(k);
        };
        // (a phrase a clause opener opens may name actors and agreements when
        // it has no predicate but a noun of talks: "Following the deal with
        // Beta, Acme signed …", "Following talks with Beta, …")
        // (so may one an agreement opener opens on an agreement noun, with
        // a participle right after the noun: "Under the MoU signed with B
        // in 2023, A aims to …")
        let participle = |k: usize| on_agreement.is_some_and(|n| k == n + 1);
        let opener = (has(inp, &items[0], |t| matches!(t, Tag::ClauseOpener))
            || on_agreement.is_some())
            && !items[..c].iter().enumerate().any(|(k, x)| {
                !participle(k)
                    && has(inp, x, |t| {
                        Tag::predicate(t) && !matches!(t, Tag::Status(Status::Negotiating))
                    })
            });
        let bare = bare(c) || opener;
        // "On 8 November 2022, A and B formed …": a date there dates the clause
        let (from, to) = (items[0].start, items[c].start);
        let dated = self.dates[self.dates.partition_point(|d| d.start < from)..]
            .first()
            .is_some_and(|d| d.start < to);
        // (after an agreement opener, the date is the agreement's and any
        // name or anaphor after the comma its subject)
        if on_agreement.is_some() && opener {
            let subject = items.get(c + 1).is_some_and(|x| {
                self.mention(x).is_some()
                    || (has(inp, x, |t| matches!(t, Tag::CompanyAnaphor)) && !self.pronoun(x))
            });
            return subject.then_some(c);
        }
        (bare && !dated && self.subject_then_predicate(items, c + 1)).then_some(c)
    }

    /// The agreement noun right after a sentence-initial agreement opener
    /// ("Under the memorandum …", "Inom ramen för avtalet …"), past at most
    /// two words.
    fn agreement_opener(&self, items: &[Item]) -> Option<usize> {
        let inp = self.inp;
        if !has(inp, items.first()?, |t| matches!(t, Tag::AgreementOpener)) {
            return None;
        }
        (1..items.len().min(4))
            .find(|&k| has(inp, &items[k], |t| matches!(t, Tag::Agreement { .. })))
    }

    /// [`Self::names_then_predicate`], or an anaphor standing for the
    /// subject ("the company", "de två bolagen") followed, within five words,
    /// by a predicate ("har bolaget nu skrivit under ett avtal").
    fn subject_then_predicate(&self, items: &[Item], from: usize) -> bool {
        let inp = self.inp;
        self.names_then_predicate(items, from)
            || items.get(from).is_some_and(|it| {
                has(inp, it, |t| {
                    matches!(t, Tag::CompanyAnaphor | Tag::PartiesAnaphor)
                }) && !self.pronoun(it)
                    && items[from + 1..]
                        .iter()
                        .take(5)
                        .any(|x| has(inp, x, Tag::predicate))
            })
    }

    /// Whether an item belongs to a list of names: a name, a comma or a
    /// coordinating word ("A, B and C").
    pub(super) fn in_name_list(&self, it: &Item) -> bool {
        self.mention(it).is_some()
            || self.is_comma(it)
            || has(self.inp, it, |t| matches!(t, Tag::Coord))
    }

    /// Whether the items from `from` are names (with commas and `and`
    /// between) followed, at most one word later, by a status or agreement
    /// predicate: the subject of a clause of their own.
    pub(super) fn names_then_predicate(&self, items: &[Item], from: usize) -> bool {
        let inp = self.inp;
        // (descriptors may open the names: "när de tyska mejerierna A och B
        // gick samman")
        let mut from = from;
        let mut skipped = 0;
        while from < items.len()
            && skipped < 4
            && self.descriptor(&items[from])
            && items[from + 1..]
                .iter()
                .take(4)
                .any(|x| self.mention(x).is_some())
        {
            from += 1;
            skipped += 1;
        }
        let mut j = from;
        while j < items.len() && self.in_name_list(&items[j]) {
            j += 1;
        }
        // (and a description after the names that a company head ends:
        // "after the Unione 0 real-estate fund signed …")
        let described = (j..items.len().min(j + 3))
            .take_while(|&k| self.descriptor(&items[k]) && !has(inp, &items[k], Tag::predicate))
            .filter(|&k| self.head_noun(&items[k]))
            .last();
        if let Some(h) = described.filter(|_| j > from) {
            j = h + 1;
        }
        j > from
            && items[j..]
                .iter()
                .take(2)
                .any(|it| has(inp, it, Tag::predicate))
    }

    /// A name at `from` right before a word that looks like a finite verb
    /// (`Lexicon::finite_verb`), with no name right after it ("C opened a
    /// plant", "C har också"; not "C partner D").
    fn name_then_finite_verb(&self, items: &[Item], from: usize) -> bool {
        let j = from + 1;
        items.get(from).is_some_and(|x| self.mention(x).is_some())
            && items.get(j).is_some_and(|x| {
                // (a phrase by its first word: "said", "has signed")
                matches!(x.kind, ItemKind::Word | ItemKind::Phrase(_))
                    && self.inp.text[x.start..x.end]
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| self.inp.lexicon.finite_verb(w))
            })
            && !items[j + 1..]
                .iter()
                .take(2)
                .any(|x| self.mention(x).is_some())
    }

    // indices into `out` are compared pairwise, so the loops index
    #[allow(clippy::needless_range_loop)]
    fn finish(mut self) -> Output {
        let dateline = self.inp.dateline;
        let dateline_in_text = self.inp.dateline_in_text;
        // references cited where an agreement is stated merge into it
        // (an agreement a denial took back is gone, absorbed by none)
        let mut merged_away = vec![false; self.out.len()];
        for &i in &self.retracted {
            merged_away[i] = true;
        }
        // (absorbing never gives an agreement a reference: the references are known once)
        let refs: Vec<usize> = (0..self.out.len())
            .filter(|&j| self.out[j].reference.is_some())
            .collect();
        for i in 0..self.out.len() {
            if self.out[i].reference.is_some() {
                continue;
            }
            for &j in &refs {
                let Some(n) = self.out[j].reference else {
                    continue;
                };
                if merged_away[j] || !self.out[i].cites.contains(&n) {
                    continue;
                }
                let (a, b) = (&self.out[i].parties, &self.out[j].parties);
                if a.len() < 2 || a == b || a.is_subset(b) {
                    let r = self.out[j].clone();
                    absorb(&mut self.out[i], r);
                    merged_away[j] = true;
                }
            }
        }
        let list: Vec<Agreement> = self
            .out
            .into_iter()
            .zip(merged_away)
            .filter(|(_, m)| !m)
            .map(|(a, _)| a)
            .collect();
        // the same agreement stated twice in the document: `same` needs the same
        // parties (which absorbing keeps), so each is compared within its group;
        // fewer than two parties are dropped below whatever they absorb
        let mut groups: std::collections::HashMap<BTreeSet<String>, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, a) in list
            .iter()
            .enumerate()
            .filter(|(_, a)| a.parties.len() >= 2)
        {
            groups.entry(a.parties.clone()).or_default().push(i);
        }
        // (two items of a list state two agreements: "i. Agreement between
        // A and B on …; ii. Amendatory Agreement between A and B …";
        // `items_of` is the list item each is first stated in)
        let items_of: Vec<Option<usize>> = list
            .iter()
            .map(|a| a.sentences.first().and_then(|&s| list_item(self.inp, s)))
            .collect();
        let mut slots: Vec<Option<Agreement>> = list.into_iter().map(Some).collect();
        for group in groups.values() {
            for (gi, &i) in group.iter().enumerate() {
                for &j in &group[gi + 1..] {
                    let (Some(a), Some(b)) = (&slots[i], &slots[j]) else {
                        continue;
                    };
                    let apart = matches!((items_of[i], items_of[j]), (Some(x), Some(y)) if x != y);
                    if same(a, b) && !apart {
                        let b = slots[j].take();
                        if let (Some(a), Some(b)) = (slots[i].as_mut(), b) {
                            absorb(a, b);
                        }
                    } else if restated_in_relative(a, b) {
                        // the main clause's agreement absorbs the relative
                        // clause's restatement, whatever its date
                        let (Some(mut a), Some(mut b)) = (slots[i].take(), slots[j].take()) else {
                            continue;
                        };
                        if a.rule == "relative" {
                            std::mem::swap(&mut a, &mut b);
                        }
                        absorb(&mut a, b);
                        slots[i] = Some(a);
                    }
                }
            }
        }
        let mut list: Vec<Agreement> = slots.into_iter().flatten().collect();
        list.retain(|a| a.parties.len() >= 2 || (a.unnamed && a.parties.len() == 1));
        // headings restate or summarise: keep what the body states too (merged
        // above), and what the body says nothing about; a heading whose parties
        // the body's agreements share is the body's agreement in vaguer words
        // (not a body's frame of one party, which names no agreement: "A och
        // B fördjupar samarbetet" over "ministern och B:s minister undertecknade")
        let body: BTreeSet<BTreeSet<String>> = list
            .iter()
            .filter(|a| !a.heading)
            .map(|a| a.parties.clone())
            .collect();
        list.retain(|a| {
            !a.heading
                || body.contains(&a.parties)
                || body.iter().all(|b| b.is_disjoint(&a.parties))
        });
        loose_kinds(&mut list, &self.loose);
        // "two loan agreements": the second (and third …) after the first
        let mut list: Vec<Agreement> = list
            .into_iter()
            .flat_map(|a| {
                let n = usize::from(a.count.max(1));
                std::iter::repeat_n(a, n)
            })
            .collect();
        for a in &mut list {
            if a.date.is_none() && !a.date_expr_seen && a.dateline_fallback && dateline_in_text {
                a.date = dateline.filter(|d| d.d.is_some());
            }
        }
        Output {
            agreements: list,
            not_agreements: self.not,
        }
    }
}

/// A sentence cut into clauses, with what reading each clause needs to
/// know of the others.
struct CutSentence<'s> {
    si: usize,
    items: &'s [Item],
    block: &'s Block,
    /// Where each clause starts, and the end of the items last.
    cuts: &'s [usize],
    /// The cuts that open a clause sharing the subject of the clause before.
    shares_subject: &'s [usize],
    /// Where an opening adverbial ends.
    adverbial: Option<usize>,
}

/// What the clause reader does at an item of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// No clause starts here.
    No,
    /// A clause starts here.
    Here,
    /// A clause starts here with the subject of the clause before.
    SharedSubject,
    /// A clause starts at the preposition before the item (a relative
    /// clause opened by a preposition, "under which").
    BeforePreposition,
}

/// A sentence's items while the clause reader looks for where one clause
/// ends and the next begins.
struct ClauseCutter<'s, 'a> {
    st: &'s State<'a>,
    items: &'s [Item],
    /// Swedish particle verbs split by their subject: (verb, particle)
    split_verbs: Vec<(usize, usize, Status)>,
}

impl ClauseCutter<'_, '_> {
    /// Whether a clause starts at item `k`, when the clause before it starts
    /// at `lo`.
    fn cut_at(&self, k: usize, lo: usize) -> Cut {
        let (st, items) = (self.st, self.items);
        let splits =
            matches!(items[k].kind, ItemKind::Punct(';')) || st.comma_conj(items, k).is_some();
        let and = self.and_at(k);
        let listed = self.listed(k, and);
        let negated_rest = self.negated_contrast(k);
        let left_pred = self.left_pred(lo, k);
        let fresh = !left_pred && self.fresh_after(k);
        let prep_rel = self.prep_relative(k);
        let subordinate = self.subordinate(k, lo);
        let restrictive = left_pred && self.restrictive(k, lo);
        // "signed an MoU with B and a supply agreement with C": a second
        // agreement noun with a counterpart of its own
        let second_noun = left_pred && and && st.second_agreement(items, lo, k);
        // (or after an agreement noun, the verb right after the
        // conjunction: "utnyttjade en option i kontraktet med B och
        // beställde 20 tåg från C"; not "…, och nu går A samman med B",
        // where an adverb first puts the subject after the verb)
        let shared = and
            && (left_pred
                || (items.get(k + 1).is_some_and(|x| self.pred(x)) && self.noun_in(lo, k)))
            && self.shared_predicate(k, lo, splits);
        if splits && and && self.named_next(k) && self.closes_relative(k, lo) {
            return Cut::No;
        }
        if shared || (left_pred && self.subordinate_participle(k)) {
            Cut::SharedSubject
        } else if prep_rel && left_pred && items[k..].iter().any(|x| self.pred(x)) {
            Cut::BeforePreposition
        } else if self.unsigned_relative_with(k, lo, left_pred) {
            // "pointing to the June contract under which A will supply B":
            // with no predicate before it, the relative clause names both
            // sides of the agreement
            Cut::Here
        } else if (subordinate && (left_pred || self.noun_in(lo, k))) || second_noun || restrictive
        {
            // (an agreement noun before the subordinator stands for a
            // predicate: "För BMS är avtalet ett steg, sedan koncernen i
            // mars slutförde köpet av Karuna")
            Cut::Here
        } else if self.colon_opens_clause(k, lo, left_pred) {
            // "… är Hydro kund: i november skrev Hydro ett elavtal med B"
            Cut::Here
        } else if splits
            && (self.anaphor_opens_clause(k) || (and && left_pred && self.anaphor_then_finite(k)))
        {
            Cut::Here
        } else if splits
            && !left_pred
            && !self.noun_in(lo, k)
            && items
                .get(k + 1)
                .is_some_and(|x| has(st.inp, x, |t| matches!(t, Tag::PartiesAnaphor)))
            && items[k + 2..].iter().any(|x| self.pred(x))
        {
            // "A byggs av B i samarbete med C, och de två bolagen har kommit
            // överens om …": a parties anaphor with a predicate of its own
            // after a clause with neither predicate nor agreement noun
            Cut::Here
        } else if and
            && left_pred
            && items
                .get(k + 1)
                .is_some_and(|x| has(st.inp, x, |t| matches!(t, Tag::Complementizer)))
            && items[k + 2..].iter().any(|x| self.pred(x))
        {
            // "… att samarbetet med A upphör och att bolaget i stället har
            // tecknat avtal med B": a second complement clause with a
            // predicate of its own
            Cut::Here
        } else if splits
            && and
            && (left_pred || self.noun_in(lo, k))
            && self.adverbial_then_verb_subject(k)
        {
            // "I augusti fick A kontraktet från B, och i september slöt C
            // ett avtal med D": a time adverbial, a finite verb and its
            // subject after it open a main clause of their own
            Cut::Here
        } else if splits && listed && left_pred && st.name_then_finite_verb(items, k + 1) {
            // "A signed a deal with B, and C opened a plant": names after
            // ", and" with a verb of their own are its subject, not the
            // end of B's list, whatever the verb
            Cut::Here
        } else if splits
            && (!listed || (left_pred && st.names_then_predicate(items, k + 1)))
            && (left_pred || fresh || (self.noun_in(lo, k) && self.named_next(k)))
            && (items[k..].iter().any(|x| self.pred(x))
                || negated_rest
                || (self.named_next(k) && self.noun_in(k + 1, items.len())))
        {
            // (an agreement noun on both sides stands for a predicate:
            // "A har valt B som ny leverantör, och C är samarbetspartner
            // till D", "…, and C is a long-time partner of D")
            // "A signed an MoU with B, and C signed a deal with D": after a
            // predicate, names right before a predicate of their own start
            // a clause, not the end of B's list
            Cut::Here
        } else {
            Cut::No
        }
    }

    /// The text of item `k`.
    fn word(&self, k: usize) -> &str {
        &self.st.inp.text[self.items[k].start..self.items[k].end]
    }

    /// The word at `k` without the comma that may open it (", and" may be
    /// one phrase).
    fn bare(&self, k: usize) -> &str {
        self.word(k).trim_start_matches(',').trim_start()
    }

    /// A status or agreement verb.
    fn pred(&self, it: &Item) -> bool {
        has(self.st.inp, it, Tag::predicate)
    }

    /// Whether an agreement noun stands in `a..b`.
    fn noun_in(&self, a: usize, b: usize) -> bool {
        self.items[a..b]
            .iter()
            .any(|x| has(self.st.inp, x, |t| matches!(t, Tag::Agreement { .. })))
    }

    /// Whether a name at `k` opens a relative clause after "under which" or
    /// "enligt vilket" (`relative_with`) on an agreement noun with no
    /// predicate before it, and a predicate of its own: "the June contract
    /// under which A will supply B" is A's deal with B. Not when a company
    /// stands before it, which may be a party ("the state miner's board
    /// approved a partnership under which B will buy 49 % of C").
    fn unsigned_relative_with(&self, k: usize, lo: usize, left_pred: bool) -> bool {
        let (st, items) = (self.st, self.items);
        k > lo + 1
            && !left_pred
            && st.relative_with(&items[k - 1])
            && st.mention(&items[k]).is_some()
            && self.noun_in(lo, k - 1)
            && items[k + 1..].iter().any(|x| self.pred(x))
            && (lo..k - 1).all(|j| {
                // (a person and the organisation named with the person's
                // title may stand there: "Air Products CEO X pointed to …")
                let titled = || (j + 1..k.min(j + 4)).any(|p| st.is_person(&items[p]));
                (st.mention(&items[j]).is_none() || st.is_person(&items[j]) || titled())
                    && !st.company_anaphor(items, j, lo)
            })
    }

    /// Whether a name, not a genitive, follows item `k`.
    fn named_next(&self, k: usize) -> bool {
        self.items
            .get(k + 1)
            .and_then(|x| self.st.mention(x))
            .is_some_and(|m| !m.genitive)
    }

    /// Whether item `k` is "and", "och" or "samt", after a comma or not.
    fn and_at(&self, k: usize) -> bool {
        // (the words are ASCII: an ASCII comparison is the folded one)
        let bare = self.bare(k);
        ["and", "och", "samt"]
            .iter()
            .any(|c| bare.eq_ignore_ascii_case(c))
    }

    /// Whether the conjunction at `k` (`and`) goes on with a list of names.
    fn listed(&self, k: usize, and: bool) -> bool {
        let st = self.st;
        // "A, B, and C": the serial comma continues a list, it cuts no clause
        let list = st.mention(&self.items[k - 1]).is_some()
            || (k >= 2 && st.mention(&self.items[k - 2]).is_some() && self.word(k - 1) == ",");
        list && and
            && self
                .items
                .get(k + 1)
                .is_some_and(|x| st.mention(x).is_some())
    }

    /// Whether a contrast ("men", "but") at `k` opens a negated rest of the
    /// clause: "…, men de nådde inte hela vägen" is a clause of its own,
    /// whatever its verb.
    fn negated_contrast(&self, k: usize) -> bool {
        let (one, bare) = (self.word(k), self.bare(k));
        let contrast = ["men", "but"].iter().any(|c| {
            bare.eq_ignore_ascii_case(c) || (self.word(k - 1) == "," && one.eq_ignore_ascii_case(c))
        });
        contrast
            && self.items[k..]
                .iter()
                .take_while(|x| !matches!(x.kind, ItemKind::Punct(';')))
                .any(|x| has(self.st.inp, x, |t| matches!(t, Tag::Negation)))
    }

    /// Whether the clause from `lo` has a predicate before `k`.
    fn left_pred(&self, lo: usize, k: usize) -> bool {
        // (a Swedish particle verb split by its subject is one too:
        // "sade Ørsted upp ett avtal med B, och …")
        self.items[lo..k].iter().any(|x| self.pred(x))
            || self.split_verbs.iter().any(|&(v, p, _)| v >= lo && p < k)
    }

    /// Whether an adverb follows the item at `k`, not a determiner or a name.
    /// "A är en av investerarna bakom B, och nu går C samman med D": a
    /// clause that opens with an adverb, not with a party of a predicate
    /// before it, is a clause of its own.
    fn fresh_after(&self, k: usize) -> bool {
        let inp = self.st.inp;
        self.items.get(k + 1).is_some_and(|x| {
            matches!(x.kind, ItemKind::Word)
                && !has(inp, x, |t| matches!(t, Tag::Determiner | Tag::Coord))
                && self.st.mention(x).is_none()
        })
    }

    /// "… an agreement with B under which C will supply …": a relative
    /// clause opened by a preposition has a subject of its own.
    fn prep_relative(&self, k: usize) -> bool {
        let (inp, items) = (self.st.inp, self.items);
        k >= 2
            && has(inp, &items[k], |t| matches!(t, Tag::Which))
            && has(inp, &items[k - 1], |t| matches!(t, Tag::NotParty | Tag::By))
    }

    /// "… signed an MoU with B after C pulled out of the talks": a
    /// subordinate clause at `k` with a subject and a predicate of its own
    /// (or with no predicate at all, but a name after a preposition: "…
    /// signed an MoU, pledging to pool resources while their ties with C
    /// were frozen": C is no party of the MoU).
    fn subordinate(&self, k: usize, lo: usize) -> bool {
        let (st, items) = (self.st, self.items);
        has(st.inp, &items[k], |t| matches!(t, Tag::Subordinator))
            && (st.names_then_predicate(items, k + 1)
                || self.anaphor_then_predicate(k, lo)
                || self.names_without_predicate(k))
    }

    /// Whether the subordinator at `k` opens a participle phrase with an
    /// agreement of its own, whose subject is the clause's: "A signed with
    /// B last week, months after agreeing a licensing deal with C", "…,
    /// efter att ha tecknat ett avtal med C".
    fn subordinate_participle(&self, k: usize) -> bool {
        let (st, items) = (self.st, self.items);
        if !has(st.inp, &items[k], |t| matches!(t, Tag::Subordinator)) {
            return false;
        }
        let mut j = k + 1;
        // (Swedish: "efter att ha", "innan ha"; not "efter att bolaget …",
        // a clause with a subject of its own)
        while j < items.len() && matches!(st.folded(&items[j]), "att" | "ha") {
            j += 1;
        }
        let participle = items.get(j).is_some_and(|x| {
            (j > k + 1 && st.folded(&items[j - 1]) == "ha")
                || (matches!(x.kind, ItemKind::Word | ItemKind::Phrase(_))
                    && st.inp.text[x.start..x.end]
                        .split(' ')
                        .next()
                        .is_some_and(ing_participle))
        });
        let end = (j..items.len())
            .find(|&e| st.is_comma(&items[e]) || matches!(items[e].kind, ItemKind::Punct(';')))
            .unwrap_or(items.len());
        participle && (j..end).any(|e| self.pred(&items[e]) || self.noun_in(e, e + 1))
    }

    /// Whether a company anaphor and a predicate follow the subordinator at
    /// `k`: "… agreed to sell its stake to B, weeks after it signed an MoU
    /// with C"; not after a date, whose time it tells: "blev storägare 2018,
    /// då bolaget köpte …".
    fn anaphor_then_predicate(&self, k: usize, lo: usize) -> bool {
        let items = self.items;
        k + 2 < items.len()
            && self.st.company_anaphor(items, k + 1, lo)
            && items[k + 2..].iter().take(3).any(|x| self.pred(x))
            && !items[k.saturating_sub(2)..k]
                .iter()
                .any(|x| matches!(x.kind, ItemKind::Date(_)))
    }

    /// Whether the colon at `k` opens a clause of its own, when the clause
    /// before it starts at `lo` and has a predicate (`left_pred`) or not.
    fn colon_opens_clause(&self, k: usize, lo: usize, left_pred: bool) -> bool {
        let (st, items) = (self.st, self.items);
        if !matches!(items[k].kind, ItemKind::Punct(':')) {
            return false;
        }
        // "… är Hydro kund: i november skrev Hydro ett elavtal med B": a
        // time adverbial, a finite verb and its subject
        if self.adverbial_then_verb_subject(k) {
            return true;
        }
        // "A has a foothold there: B builds … under a licence agreed with
        // the Korean group": a name and a predicate of its own (not a list
        // with none: "deals with three firms: A, B and C"); with no
        // predicate before the colon, a name that no comma follows ("…
        // under samma tak: A och B slogs ihop", not "… in Asia: A, the
        // venture it formed with B"); or a company anaphor ("…: the Indian
        // low-cost giant has codeshared with A")
        let named = items.get(k + 1).is_some_and(|x| st.mention(x).is_some())
            && (left_pred || !items.get(k + 2).is_some_and(|x| st.is_comma(x)));
        let described = (left_pred || self.noun_in(lo, k)) && self.described_company_at(k + 1);
        (named || described) && items[k + 1..].iter().any(|x| self.pred(x))
    }

    /// Whether the phrase after the subordinator at `k`, up to a comma or
    /// ';', names an actor after "with" and has no predicate or agreement
    /// noun. Not after a date: "since 2021 with B" is a preposition's
    /// phrase of time, and B the clause's counterpart.
    fn names_without_predicate(&self, k: usize) -> bool {
        let (st, items) = (self.st, self.items);
        if items
            .get(k + 1)
            .is_some_and(|x| matches!(x.kind, ItemKind::Date(_)))
        {
            return false;
        }
        let end = (k + 1..items.len())
            .find(|&j| st.is_comma(&items[j]) || matches!(items[j].kind, ItemKind::Punct(';')))
            .unwrap_or(items.len());
        let any_pred = items[k + 1..end]
            .iter()
            .any(|x| self.pred(x) || has(st.inp, x, |t| matches!(t, Tag::Agreement { .. })));
        let any_with = (k + 2..end).any(|j| {
            st.mention(&items[j]).is_some()
                && (j.saturating_sub(3).max(k + 1)..j).any(|w| st.governs_with(&items[w]))
        });
        any_with && !any_pred
    }

    /// "… to supply doses of the vaccine that the company develops together
    /// with C": a restrictive relative clause at `k` with a subject of its
    /// own and a counterpart after "with" is a clause of its own (C is no
    /// party of the main clause's agreement).
    fn restrictive(&self, k: usize, lo: usize) -> bool {
        let (st, items) = (self.st, self.items);
        let inp = st.inp;
        has(inp, &items[k], |t| matches!(t, Tag::Which))
            && !st.is_comma(&items[k - 1])
            && st.mention(&items[k - 1]).is_none()
            && !has(inp, &items[k - 1], |t| matches!(t, Tag::Agreement { .. }))
            && (items.get(k + 1).is_some_and(|x| st.mention(x).is_some())
                || (k + 1 < items.len() && st.company_anaphor(items, k + 1, lo)))
            && (k + 2..items.len())
                .take(6)
                .any(|j| st.governs_with(&items[j]))
    }

    /// "A expected to sign a contract with B and was still negotiating with
    /// C": whether the conjunction at `k` opens a second predicate of the
    /// same subject, with a counterpart of its own.
    fn shared_predicate(&self, k: usize, lo: usize, splits: bool) -> bool {
        let (st, items) = (self.st, self.items);
        let inp = st.inp;
        // (auxiliaries and adverbs may come first: "and was still
        // negotiating", "och förhandlar nu")
        let aux = |x: &Item| {
            matches!(x.kind, ItemKind::Word)
                && inp.text[x.start..x.end].starts_with(|c: char| c.is_lowercase())
        };
        // (or with an object, seller or buyer of its own right after an
        // agreement verb: "A acquired B in 2022 and agreed to take over C
        // last year"; a date may come first: ", and last year agreed to
        // take over C", ", and in 2022 agreed to …")
        // (or a date between commas: "and, in October 2023, agreed to …")
        let pred_first = items[k + 1..]
            .iter()
            .take(5)
            .find(|x| {
                !aux(x)
                    && !matches!(x.kind, ItemKind::Date(_))
                    && !has(inp, x, |t| matches!(t, Tag::NotParty))
                    && !st.is_comma(x)
            })
            .is_some_and(|x| self.pred(x));
        pred_first && {
            let with_near = items[k + 1..]
                .iter()
                .take(8)
                .any(|x| has(inp, x, |t| matches!(t, Tag::With)));
            (with_near && !splits)
                || st.second_verb_object(items, lo, k)
                || self.possessed_object_after(k)
        }
    }

    /// "A signed an agreement with B and then withdrew its appeal": after
    /// the conjunction at `k`, a predicate whose object is a possessive and
    /// a noun that is no agreement, with no name and no agreement noun to
    /// the sentence's end, is a predicate of its own (its status is not the
    /// agreement's).
    fn possessed_object_after(&self, k: usize) -> bool {
        let (st, items) = (self.st, self.items);
        let inp = st.inp;
        let Some(p) = (k + 1..items.len().min(k + 6)).find(|&j| self.pred(&items[j])) else {
            return false;
        };
        // (a particle may follow the verb: "drog tillbaka sitt överklagande")
        let Some(o) = (p + 1..items.len().min(p + 3))
            .find(|&j| has(inp, &items[j], |t| matches!(t, Tag::Possessive)))
        else {
            return false;
        };
        o + 1 < items.len()
            && items[o + 1..].iter().all(|x| {
                st.mention(x).is_none()
                    && !has(inp, x, |t| {
                        matches!(t, Tag::Agreement { .. } | Tag::CompanyAnaphor)
                    })
            })
    }

    /// "Acme, which operates the field, and Beta signed …": whether ", and"
    /// at `k`, after a relative clause on the first name of the clause from
    /// `lo`, before any predicate, closes it and goes on with the subject's
    /// list.
    fn closes_relative(&self, k: usize, lo: usize) -> bool {
        let (st, items) = (self.st, self.items);
        let first_pred = (lo..k).find(|&j| self.pred(&items[j])).unwrap_or(k);
        (lo + 2..first_pred).any(|j| {
            has(st.inp, &items[j], |t| matches!(t, Tag::Which))
                && st.is_comma(&items[j - 1])
                && st.mention(&items[j - 2]).is_some()
        })
    }

    /// Whether a company anaphor opens the words at `k`, after a
    /// determiner and plain words only ("the Indian low-cost giant").
    fn described_company_at(&self, k: usize) -> bool {
        let (st, items) = (self.st, self.items);
        k < items.len()
            && has(st.inp, &items[k], |t| matches!(t, Tag::Determiner))
            && (k + 1..(k + 6).min(items.len())).any(|j| {
                st.company_anaphor(items, j, k)
                    && (k + 1..j).all(|d| {
                        matches!(items[d].kind, ItemKind::Word) && st.mention(&items[d]).is_none()
                    })
            })
    }

    /// "A granted B €1 billion, and the university has partnerships with C
    /// and D": whether a company anaphor (or a project noun) after the
    /// conjunction at `k` opens a clause of its own, with a predicate or
    /// agreement noun after it.
    fn anaphor_opens_clause(&self, k: usize) -> bool {
        let (st, items) = (self.st, self.items);
        let inp = st.inp;
        (k + 1..(k + 8).min(items.len())).any(|j| {
            // (after determiners, or after an adverbial of time and
            // the verb in Swedish word order: "och sedan 2021 har
            // koncernen en allians med …")
            let determiners =
                (k + 1..j).all(|d| has(inp, &items[d], |t| matches!(t, Tag::Determiner)));
            let timed = self.time_adverbial(k + 1, j);
            // (or after any adverbial and the verb right before it: "och
            // under de senaste månaderna har bolaget …")
            let verb_second =
                j >= k + 3 && self.verb_at(j - 1) && (k + 1..j - 1).all(|d| self.lower_word(d));
            // (so does a project noun: "…, and the project has
            // received a grant from B", "och projektet har fått")
            let project = determiners
                && matches!(items[j].kind, ItemKind::Word | ItemKind::Phrase(_))
                && inp.lexicon.is_project_noun(st.folded(&items[j]));
            let anaphor = st.company_anaphor(items, j, k + 1);
            (j < k + 5 && ((anaphor && (determiners || timed)) || project))
                || (anaphor && verb_second)
        }) && items[k + 2..]
            .iter()
            .any(|x| self.pred(x) || has(inp, x, |t| matches!(t, Tag::Agreement { .. })))
    }

    /// "…, and in October 2022 it exercised its option on …": after ", and"
    /// and a predicate, a company anaphor (after an adverbial of time at
    /// most) with a finite verb right after it opens a clause of its own,
    /// whether or not that clause states an agreement.
    fn anaphor_then_finite(&self, k: usize) -> bool {
        const REACH: usize = 5;
        let (inp, items) = (self.st.inp, self.items);
        (k + 1..(k + REACH).min(items.len())).any(|j| {
            (j == k + 1 || self.time_adverbial(k + 1, j))
                && has(inp, &items[j], |t| matches!(t, Tag::CompanyAnaphor))
                && j + 1 < items.len()
                && self.finite_at(j + 1)
        })
    }

    /// Whether a time adverbial after the conjunction at `k` is followed
    /// by a finite verb and then a name, its subject ("…, och i september
    /// slöt C ett avtal").
    fn adverbial_then_verb_subject(&self, k: usize) -> bool {
        const REACH: usize = 5;
        let items = self.items;
        (k + 2..(k + REACH).min(items.len().saturating_sub(1))).any(|j| {
            self.time_adverbial(k + 1, j)
                && self.finite_at(j)
                && self.st.mention(&items[j + 1]).is_some_and(|m| !m.genitive)
        })
    }

    /// Whether `items[from..to]` is an adverbial of time: a date, with only
    /// lower-case words that name no one beside it ("in October 2022",
    /// "sedan 2021").
    fn time_adverbial(&self, from: usize, to: usize) -> bool {
        let date = |d: usize| matches!(self.items[d].kind, ItemKind::Date(_));
        (from..to).any(date) && (from..to).all(|d| date(d) || self.lower_word(d))
    }

    /// Whether item `d` is written in lower case and names no one.
    fn lower_word(&self, d: usize) -> bool {
        let x = &self.items[d];
        self.st.inp.text[x.start..x.end].starts_with(char::is_lowercase)
            && self.st.mention(x).is_none()
    }

    /// Whether item `d` is a status or agreement verb or an auxiliary.
    fn verb_at(&self, d: usize) -> bool {
        let x = &self.items[d];
        self.pred(x) || self.st.inp.lexicon.is_auxiliary(self.st.folded(x))
    }

    /// Whether item `d` is such a verb or any other finite verb.
    fn finite_at(&self, d: usize) -> bool {
        let (inp, x) = (self.st.inp, &self.items[d]);
        self.verb_at(d)
            || (matches!(x.kind, ItemKind::Word)
                && inp.lexicon.finite_verb(&inp.text[x.start..x.end]))
    }
}

/// The words by which a sentence without an agreement of its own refers
/// back to the last agreement ([`State::continuation`]).
struct ContinuationCues {
    /// A definite singular agreement noun that may stand for it.
    singular_def: bool,
    /// A plural agreement noun or quantifier: other agreements.
    plural_ref: bool,
    /// "the parties", "parterna".
    parties_ref: bool,
    /// "its counterpart".
    counterpart: bool,
    /// "X joined the agreement".
    joins: bool,
    /// "the talks" after a negotiation.
    talks_ref: bool,
    /// "It was signed …", "Its …" with a signing or a passive.
    pronoun_passive: bool,
    /// A signing by persons on behalf of a party of the agreement.
    signed_on_behalf: bool,
    /// The persons named, in order.
    persons: Vec<String>,
}

impl ContinuationCues {
    /// Whether the sentence refers back to the agreement at all.
    fn refers(&self) -> bool {
        (self.singular_def && !self.plural_ref)
            || self.parties_ref
            || self.counterpart
            || self.talks_ref
            || self.pronoun_passive
            || self.signed_on_behalf
    }
}

/// The rest of [`State::loose_kind`]: a specific description that no
/// agreement near it took gives its kind to the document's only agreement of
/// a lower rank (at most a partnership or cooperation agreement), when no
/// agreement of its kind is stated.
fn loose_kinds(list: &mut [Agreement], loose: &[(Kind, u8)]) {
    for &(kind, rank) in loose {
        if list.iter().any(|a| a.kind == kind) {
            continue;
        }
        let mut vaguer = list.iter_mut().filter(|a| vaguer(a, rank));
        if let (Some(a), None) = (vaguer.next(), vaguer.next()) {
            a.kind = kind;
            a.kind_rank = rank;
        }
    }
}

/// An agreement a specific description of `rank` may refine: one of a lower
/// rank that is at most a partnership or cooperation agreement.
fn vaguer(a: &Agreement, rank: u8) -> bool {
    a.kind_rank < rank && a.kind_rank <= 3
}

/// The index of the `)` closing a short parenthetical that opens at `at`.
fn parenthetical(items: &[Item], at: usize, hi: usize) -> Option<usize> {
    parenthetical_within(items, at, hi, 8)
}

/// The index of the `)` closing a parenthetical of fewer than `reach` items
/// that opens at `at`.
fn parenthetical_within(items: &[Item], at: usize, hi: usize, reach: usize) -> Option<usize> {
    if !matches!(items.get(at).map(|x| x.kind), Some(ItemKind::Punct('('))) {
        return None;
    }
    (at + 1..hi.min(at + reach)).find(|&k| matches!(items[k].kind, ItemKind::Punct(')')))
}

/// How far into a block's first sentence a dateline's dash may stand
/// (items: place words, commas, the date).
const DATELINE_ITEMS: usize = 16;

/// How many sentences whose subject is itself an anaphor an anaphor's
/// antecedent may be followed back through ([`State::last_company_hops`]).
const ANAPHOR_HOPS: u8 = 3;

/// The rank of the vaguest descriptions ("agreement", "deal", and the weak
/// "cooperation", "in collaboration with"): they restate a more specific
/// agreement with the same parties rather than add one.
const WEAK_RANK: u8 = 2;

fn same(a: &Agreement, b: &Agreement) -> bool {
    a.parties == b.parties
        && a.earlier == b.earlier
        && !signed_and_planned(a, b)
        && (a.kind == b.kind
            // of another kind only when neither is stated as another ("also")
            || (!a.another
                && !b.another
                && (a.kind_rank <= WEAK_RANK
                    || b.kind_rank <= WEAK_RANK
                    || a.reference.is_some()
                    || b.reference.is_some()
                    // a heading restates what the body states, in vaguer words
                    || (a.heading && !b.heading && a.kind_rank < b.kind_rank)
                    || (b.heading && !a.heading && b.kind_rank < a.kind_rank)
                    || prospective_restatement(a, b))))
        && match (a.date, b.date) {
            // (talks, dated when they were held, and their signing, dated
            // when it was: "A held talks with B in March. The two firms
            // signed a supply agreement on May 3")
            (Some(x), Some(y)) => x.compatible(y) || talks_and_signing(a, b),
            _ => true,
        }
}

/// The block of sentence `si` when it is an item of a list: a bulleted
/// line, or one opened by an enumerator ([`crate::segment::enumerated`]).
fn list_item(inp: &Input, si: usize) -> Option<usize> {
    let b = inp.sentences[si].block;
    let block = &inp.blocks[b];
    (block.kind == BlockKind::ListItem).then_some(b)
}

/// One of the two is signed and the other a plan of another kind, each
/// stated in its own words: "Ericsson bought a stake in Einride. As part of
/// the deal the two companies intend to set up a joint venture" is two. (A
/// memorandum is the form of what it is about, and an acquisition and a
/// stake may be one deal: "the proposed acquisition of ITA by Lufthansa …
/// Under the agreement signed in May, Lufthansa will acquire 41 % of ITA".)
fn signed_and_planned(a: &Agreement, b: &Agreement) -> bool {
    let stated = |x: &Agreement| x.reference.is_none() && !x.heading;
    let is = |x: &Agreement, s: Status| x.status == s && stated(x);
    let kinds_apart = !matches!(
        (a.kind, b.kind),
        (Kind::Mou | Kind::Moc, _)
            | (_, Kind::Mou | Kind::Moc)
            | (Kind::Other, Kind::Investment)
            | (Kind::Investment, Kind::Other)
    );
    a.kind != b.kind
        && kinds_apart
        && ((is(a, Status::Signed) && is(b, Status::Planned))
            || (is(a, Status::Planned) && is(b, Status::Signed)))
}

/// One of the two is talks and the other the signing.
fn talks_and_signing(a: &Agreement, b: &Agreement) -> bool {
    let is = |x: &Agreement, s: Status| x.status == s && x.reference.is_none() && !x.heading;
    (is(a, Status::Negotiating) && is(b, Status::Signed))
        || (is(a, Status::Signed) && is(b, Status::Negotiating))
}

/// "The agreement between A and B, which was signed in 2015, was terminated
/// in June": a relative clause that restates the agreement of its sentence's
/// main clause, with the same parties, is that agreement, whatever its date.
fn restated_in_relative(a: &Agreement, b: &Agreement) -> bool {
    a.parties == b.parties
        && a.earlier == b.earlier
        && a.sentences.first() == b.sentences.first()
        && ((a.rule == "relative") != (b.rule == "relative"))
}

/// Talks on a deal and the plan to sign "the definitive agreement" between
/// the same parties are one prospective agreement: both unsigned, one of the
/// generic kind (`other`).
fn prospective_restatement(a: &Agreement, b: &Agreement) -> bool {
    let unsigned = |x: &Agreement| matches!(x.status, Status::Negotiating | Status::Planned);
    unsigned(a) && unsigned(b) && (a.kind == Kind::Other) != (b.kind == Kind::Other)
}

fn absorb(a: &mut Agreement, b: Agreement) {
    if prospective_restatement(a, &b) {
        // the talks say what the deal is, and that it is not yet signed
        if a.kind == Kind::Other {
            a.kind = b.kind;
            a.kind_rank = b.kind_rank;
        }
        if b.status == Status::Negotiating {
            a.status = b.status;
        }
    } else if b.kind_rank > a.kind_rank
        && (a.kind_rank <= WEAK_RANK || a.reference.is_some() || (a.heading && !b.heading))
    {
        a.kind = b.kind;
        a.kind_rank = b.kind_rank;
    }
    // (a plan or talks restated after a signing do not date it: "signed an
    // MoU with B in May. The two companies plan to sign a binding deal in
    // 2026")
    let unsigned = matches!(b.status, Status::Planned | Status::Negotiating);
    a.date = match (a.date, b.date) {
        // (a heading's or a reference's status gives way to the body's)
        _ if a.status == Status::Signed && unsigned && !a.heading && a.reference.is_none() => {
            a.date
        }
        (Some(x), Some(y)) if y.compatible(x) && y.precision() > x.precision() => Some(y),
        (None, y) => y,
        (x, _) => x,
    };
    // what the body says outranks a heading's or a reference's restatement
    if (a.reference.is_some() && b.reference.is_none()) || (a.heading && !b.heading) {
        a.status = b.status;
        a.reference = None;
        a.rule = b.rule.clone();
        let mut s = b.sentences.clone();
        s.append(&mut a.sentences);
        a.sentences = s;
    }
    // an announcement of what is then stated as signed is the signing, and
    // so are talks ("A and B have been in talks since January. The two firms
    // on Tuesday signed …"), which then take the signing's date, not the
    // talks'
    // (a cited title or a heading restates; it does not report the signing)
    if matches!(a.status, Status::Announced | Status::Negotiating)
        && b.status == Status::Signed
        && b.reference.is_none()
        && !b.heading
    {
        if a.status == Status::Negotiating {
            a.date = b.date;
        }
        a.status = Status::Signed;
    }
    a.heading &= b.heading;
    a.count = a.count.max(b.count);
    a.parties.extend(b.parties);
    a.signatories.extend(b.signatories);
    a.topics.extend(b.topics);
    a.sentences.extend(b.sentences);
    a.cites.extend(b.cites);
    a.date_expr_seen |= b.date_expr_seen;
    a.dateline_fallback |= b.dateline_fallback;
}

/// The company the text is about, from how often each company is named in the
/// fifteen sentences before (a newsletter tells several stories): named at
/// least three times, and more often than any other; with its count.
fn topic_in<'c>(counts: &BTreeMap<&'c str, usize>) -> Option<(&'c str, usize)> {
    let (top, n) = counts
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))?;
    let unique = counts.values().filter(|&m| m == n).count() == 1;
    (unique && *n >= 3).then_some((*top, *n))
}
