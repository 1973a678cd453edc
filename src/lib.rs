//! pactgraph turns news, policy newsletters and press releases into a knowledge
//! graph of actors (organisations, government bodies, companies, countries,
//! people ...) and the agreements between them.
//!
//! ```
//! use pactgraph::{Document, Pipeline};
//!
//! let pipeline = Pipeline::embedded();
//! let doc = Document::new("note", "JOGMEC signed a memorandum of understanding with Sojitz in June 2025.");
//! let fragment = pipeline.extract(&doc);
//! let ag = &fragment.agreements[0];
//! assert_eq!(ag.agreement_kind.as_str(), "mou");
//! assert_eq!(ag.date.as_deref(), Some("2025-06"));
//! assert!(ag.parties.contains("actor:jogmec") && ag.parties.contains("actor:sojitz"));
//! ```
//!
//! The pipeline runs one way: [`input`] → [`segment`] → [`matcher`] (+ [`discover`])
//! → [`extract`] → [`fragment`] → [`graph`] → [`export`]. Design notes are in the
//! repository's README and `gazetteers/README.md`.
#![deny(missing_docs)]

pub mod corpus;
pub mod dates;
pub mod discover;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod fragment;
pub mod gazetteer;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod matcher;
pub mod query;
pub mod segment;
pub mod sorted_set;
mod spans;
pub mod suggest;
pub mod text;
pub mod wikidata;

pub use error::{Error, Result};
pub use fragment::Fragment;
pub use gazetteer::{ActorType, Gazetteer};
pub use input::Document;
pub use lexicon::Lexicon;

use crate::dates::Date;
use crate::fragment::{offset, ActorRecord, AgreementRecord, Evidence, MentionRecord};
use crate::matcher::Matcher;
use crate::segment::{BlockKind, Segmenter};
use crate::text::{fold, CharIndex};
use sorted_set::SortedSet;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Sentences after one that names an actor in which anaphora ("the agreement",
/// "it was signed") are still followed.
const ANAPHORA_WINDOW: usize = 4;

/// Documents longer than this many bytes are extracted in windows of at most
/// this size ([`segment::windows`]), which bounds the memory and the time of
/// one document's layers. `PACTGRAPH_WINDOW_BYTES` overrides it (for tests and
/// benchmarks; not a user setting).
pub const WINDOW_BYTES: usize = 256 * 1024;

fn window_bytes() -> usize {
    static W: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *W.get_or_init(|| {
        std::env::var("PACTGRAPH_WINDOW_BYTES")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&w| w > 0)
            .unwrap_or(WINDOW_BYTES)
    })
}

/// `f` of each item on up to `threads` threads, the results in the items'
/// order. A panic in `f` is raised again in the caller (the corpus runner
/// isolates it per document).
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut out: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break mine };
                        mine.push((i, f(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    out.sort_unstable_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, r)| r).collect()
}

/// Where a dateline is looked for: a heading among the first blocks, or the
/// start (this many bytes) of one of the first blocks or of its second line
/// ("STOCKHOLM, 4 June 2025 – ...", "Jan 9, 2024 (Reuters) - ...").
/// The lexicon always reads these places.
const DATELINE_HEADINGS: usize = 6;
const DATELINE_BLOCKS: usize = 3;
const DATELINE_PREFIX: usize = 120;

/// What extracting one document gives: its fragment, its negated or
/// cancelled agreements, the actors discovered in it (only for `gazetteer
/// suggest`), and the number of sentences cut for their length.
type Analysis = (
    Fragment,
    Vec<extract::NotAgreement>,
    HashMap<String, discover::Discovered>,
    usize,
);

/// Gazetteer, language knowledge and the compiled automata: build once, extract many.
#[derive(Debug, Clone)]
pub struct Pipeline {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    matcher: Matcher,
    segmenter: Segmenter,
    /// Gated aliases (as written, and whether of a person) that name one
    /// entity each, and its index: a name discovered as a party or by its
    /// form that is one of them is that entity ("Getinge och Elekta har
    /// ingått …" names Getinge AB; Ann Linde's surname does not stand in
    /// Linde plc's way).
    gated: HashMap<(String, bool), usize>,
    /// The country of an entity with no country of its own, from another
    /// entity with its name (a user gazetteer's "Equinor" without a country
    /// is the shipped gazetteer's Norwegian one), by folded name: what
    /// "the Norwegian company" may stand for.
    borrowed_countries: HashMap<String, String>,
    /// Threads that extract the windows of one long document side by side.
    window_threads: usize,
}

/// For each folded name of an entity with no country, the country of the
/// first entity with a country that has it as its name or an alias.
fn borrowed_countries(g: &Gazetteer) -> HashMap<String, String> {
    let wanted: HashSet<String> = g
        .entities()
        .iter()
        .filter(|e| e.country.is_none())
        .map(|e| fold(&e.name))
        .collect();
    let mut out = HashMap::new();
    for e in g.entities() {
        let Some(c) = &e.country else { continue };
        for name in std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(|a| &*a.text)) {
            let f = fold(name);
            if wanted.contains(&f) {
                out.entry(f).or_insert_with(|| c.clone());
            }
        }
    }
    out
}

/// One document's text as the stages read it: folded once, cut into blocks
/// and sentences once.
#[derive(Clone, Copy)]
struct Segmented<'a> {
    text: &'a str,
    folded: &'a str,
    blocks: &'a [segment::Block],
    sentences: &'a [segment::Sentence],
    /// The sentences' byte spans.
    spans: &'a [(usize, usize)],
}

/// What a document's records are made from.
struct RecordSource<'a> {
    seg: Segmented<'a>,
    /// Char offsets into the text.
    cix: CharIndex,
    /// One copy of the id for all the document's records.
    doc_id: std::sync::Arc<str>,
    /// The actors discovered in the document, by id.
    discovered: &'a HashMap<String, discover::Discovered>,
}

struct Actors<'a> {
    g: &'a Gazetteer,
    discovered: &'a HashMap<String, discover::Discovered>,
    borrowed_countries: &'a HashMap<String, String>,
}

impl extract::ActorInfo for Actors<'_> {
    fn kind(&self, id: &str) -> ActorType {
        self.g
            .get(id)
            .map(|e| e.kind)
            .or_else(|| self.discovered.get(id).map(|d| d.kind))
            .unwrap_or(ActorType::Organization)
    }
    fn country(&self, id: &str) -> Option<&str> {
        let e = self.g.get(id)?;
        e.country.as_deref().or_else(|| {
            self.borrowed_countries
                .get(&fold(&e.name))
                .map(String::as_str)
        })
    }
    fn affiliations(&self, id: &str) -> Vec<String> {
        self.g
            .get(id)
            .map(|e| e.affiliations.iter().map(|a| a.id.clone()).collect())
            .unwrap_or_default()
    }
}

impl Pipeline {
    /// A pipeline over a gazetteer and lexicon.
    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon) -> Self {
        let matcher = Matcher::new(&gazetteer);
        let segmenter = Segmenter::new(&lexicon.abbreviations);
        let mut gated: HashMap<(String, bool), Option<usize>> = HashMap::new();
        for (i, e) in gazetteer.entities().iter().enumerate() {
            for a in e.aliases.iter().filter(|a| a.gated) {
                gated
                    .entry((a.text.to_string(), e.kind == ActorType::Person))
                    .and_modify(|x| {
                        if *x != Some(i) {
                            *x = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        let gated = gated
            .into_iter()
            .filter_map(|(a, i)| Some((a, i?)))
            .collect();
        let borrowed_countries = borrowed_countries(&gazetteer);
        Pipeline {
            gazetteer,
            lexicon,
            matcher,
            segmenter,
            gated,
            borrowed_countries,
            window_threads: 1,
        }
    }

    /// Extracts the windows of a long document (over [`WINDOW_BYTES`]) on up to
    /// `n` threads (default 1). Output does not depend on `n`: the windows are
    /// independent but for the dateline, which the first window gives.
    pub fn with_window_threads(mut self, n: usize) -> Self {
        self.window_threads = n.max(1);
        self
    }

    /// The shipped gazetteers and languages.
    pub fn embedded() -> Self {
        Self::new(Gazetteer::embedded(), Lexicon::embedded())
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts one document's actors and agreements.
    pub fn extract(&self, doc: &Document) -> Fragment {
        self.analyze(doc).0
    }

    /// Extracts one document, also returning its negated agreements (for `--explain`).
    pub fn analyze(&self, doc: &Document) -> (Fragment, Vec<extract::NotAgreement>) {
        let (fragment, not, _, _) = self.analyze_all(doc, false);
        (fragment, not)
    }

    /// [`Pipeline::analyze`], also counting the sentences cut because they
    /// were longer than [`segment::MAX_SENTENCE_BYTES`] (for a warning).
    pub fn analyze_counting_cuts(
        &self,
        doc: &Document,
    ) -> (Fragment, Vec<extract::NotAgreement>, usize) {
        let (fragment, not, _, cut) = self.analyze_all(doc, false);
        (fragment, not, cut)
    }

    /// Extracts one document, also returning the actors discovered in it (not
    /// in the gazetteer) with the rule that found each, sorted by id (for
    /// `gazetteer suggest`).
    pub fn discover(&self, doc: &Document) -> (Fragment, Vec<discover::Discovered>) {
        let (f, _, d, _) = self.analyze_all(doc, true);
        let mut d: Vec<discover::Discovered> = d.into_values().collect();
        d.sort_by(|a, b| a.id.cmp(&b.id));
        (f, d)
    }

    /// The sentences of `text`, as byte spans.
    pub fn sentences(&self, text: &str) -> Vec<(usize, usize)> {
        let blocks = self.segmenter.blocks(text);
        self.segmenter
            .sentences(text, &blocks)
            .iter()
            .map(|s| (s.start, s.end))
            .collect()
    }

    fn analyze_all(&self, doc: &Document, keep_discovered: bool) -> Analysis {
        self.analyze_windowed(doc, window_bytes(), keep_discovered)
    }

    /// [`Pipeline::analyze`] with windows of at most `window` bytes: a
    /// longer document is extracted window by window ([`segment::windows`]),
    /// each window's offsets and sentence numbers shifted back to the
    /// document's, and the results combined into one fragment. Nothing is
    /// carried across windows but the dateline (anaphora, names discovered and
    /// agreements restated in another window are not linked). The actors
    /// discovered are returned only if `keep_discovered` (for `gazetteer
    /// suggest`): in a long document with a new name in every paragraph they
    /// are as many as its agreements.
    #[doc(hidden)]
    pub fn analyze_windowed(
        &self,
        doc: &Document,
        window: usize,
        keep_discovered: bool,
    ) -> Analysis {
        self.windowed(Cow::Borrowed(doc), window, keep_discovered)
    }

    /// [`Pipeline::analyze_counting_cuts`] of a document the caller gives up:
    /// the text of a long one is freed once its windows are extracted, before
    /// their records are combined (at 100 MB of text, the input is an eighth
    /// of the heap at its peak).
    pub fn analyze_owned(&self, doc: Document) -> (Fragment, Vec<extract::NotAgreement>, usize) {
        let (fragment, not, _, cut) = self.windowed(Cow::Owned(doc), window_bytes(), false);
        (fragment, not, cut)
    }

    fn windowed(&self, doc: Cow<'_, Document>, window: usize, keep_discovered: bool) -> Analysis {
        // the discovered actors are dropped where they are made, not carried
        // to the end of a long document
        let kept = |d: HashMap<String, discover::Discovered>| {
            if keep_discovered {
                d
            } else {
                HashMap::new()
            }
        };
        if doc.text.len() <= window {
            let (f, not, d, cut, _) = self.analyze_one(&doc);
            return (f, not, kept(d), cut);
        }
        let spans = segment::windows(&doc.text, window);
        // where each window starts, in bytes and in chars
        let mut starts = Vec::with_capacity(spans.len());
        let (mut chars, mut done) = (0, 0);
        for &(a, _) in &spans {
            chars += doc.text[done..a].chars().count();
            done = a;
            starts.push((a, chars));
        }
        let piece = |(a, b): (usize, usize), date: Option<String>| Document {
            id: doc.id.clone(),
            text: doc.text[a..b].to_string(),
            date,
            lang: doc.lang.clone(),
            url: doc.url.clone(),
        };
        // each window's records are copied into fresh allocations
        // (`Fragment::compacted`): they are kept to the end of the document,
        // and left where they were made they would pin the pages of the
        // window's short-lived working data (at 100 MB of prose, 25 % of the
        // peak RSS)
        let one = |span: (usize, usize), date: Option<String>| {
            let (f, not, d, cut, count) = self.analyze_one(&piece(span, date));
            (f.compacted(), not, kept(d), cut, count)
        };
        // the document's dateline is in its opening: the first window first
        let first = one(spans[0], doc.date.clone());
        let date = doc.date.clone().or_else(|| first.0.date.clone());
        let rest = parallel_map(&spans[1..], self.window_threads, |&span| {
            one(span, date.clone())
        });
        drop(doc);
        let (mut whole, mut rest_fragments): (Option<Fragment>, Vec<Fragment>) = (None, Vec::new());
        let (mut not, mut discovered, mut cut) = (Vec::new(), HashMap::new(), 0);
        let mut sentences = 0;
        for (&(a, chars), (mut f, n, d, c, count)) in
            starts.iter().zip(std::iter::once(first).chain(rest))
        {
            f.shift(a, chars, sentences);
            not.extend(n.into_iter().map(|mut x| {
                x.sentence += sentences;
                x
            }));
            for (id, x) in d {
                discovered.entry(id).or_insert(x);
            }
            cut += c;
            sentences += count;
            match whole {
                None => whole = Some(f),
                Some(_) => rest_fragments.push(f),
            }
        }
        let mut whole = whole.expect("a long text has windows");
        whole.absorb(rest_fragments);
        (whole, not, discovered, cut)
    }

    /// Extracts one document (or window) whole: the fragment, negated
    /// agreements, discovered actors, sentences cut, and the sentence count.
    #[allow(clippy::type_complexity)]
    fn analyze_one(
        &self,
        doc: &Document,
    ) -> (
        Fragment,
        Vec<extract::NotAgreement>,
        HashMap<String, discover::Discovered>,
        usize,
        usize,
    ) {
        let text = doc.text.as_str();
        let folded = fold(text);
        let blocks = self.segmenter.blocks(text);
        let sentences = self.segmenter.sentences(text, &blocks);
        let cut = sentences.iter().filter(|s| s.cut).count();
        let spans: Vec<(usize, usize)> = sentences.iter().map(|s| (s.start, s.end)).collect();
        let seg = Segmented {
            text,
            folded: &folded,
            blocks: &blocks,
            sentences: &sentences,
            spans: &spans,
        };
        let (mut mentions, form_actors) = self.named_mentions(seg);
        let active = self.active_sentences(seg, &mentions);
        let phrases = self.active_phrases(seg, &active);
        let discovered = self.discover_actors(seg, &active, &phrases, form_actors, &mut mentions);
        let actors = Actors {
            g: &self.gazetteer,
            discovered: &discovered,
            borrowed_countries: &self.borrowed_countries,
        };
        self.extend_over_legal_forms(text, &mut mentions, &actors);
        drop_places_inside_names(text, &mut mentions, &actors);
        let phrases = self.rule_phrases(&folded, phrases, &mentions, &actors);
        // a dateline written in the text dates "has signed"; a document date
        // given from outside (`--doc-date`, JSONL `date`) only anchors
        // relative dates ("yesterday", "on Tuesday")
        let doc_date = doc.date.as_deref().and_then(Date::parse);
        let text_dateline = self.dateline(text, &blocks, &phrases, doc_date);
        let dateline = doc_date.or(text_dateline);
        let lang = doc.lang.clone().or_else(|| self.lexicon.detect(&folded));
        let out = extract::extract(&extract::Input {
            text,
            folded: &folded,
            blocks: &blocks,
            sentences: &sentences,
            mentions: &mentions,
            phrases: &phrases,
            dateline,
            dateline_in_text: text_dateline.is_some(),
            actors: &actors,
            lexicon: &self.lexicon,
        });

        let src = RecordSource {
            seg,
            cix: CharIndex::new(text),
            doc_id: doc.id.as_str().into(),
            discovered: &discovered,
        };
        let mut records = self.actor_records(&src, &mentions);
        let agreements = self.agreement_records(&src, &out.agreements, &mut records);
        let actors: Vec<ActorRecord> = records
            .into_values()
            .map(|mut r| {
                r.id = format!("actor:{}", r.id);
                r
            })
            .collect();
        let frag = Fragment {
            doc: doc.id.clone(),
            lang,
            date: dateline.map(|d| d.to_string()),
            actors,
            agreements,
            url: doc.url.clone(),
        };
        (frag, out.not_agreements, discovered, cut, sentences.len())
    }

    /// The gazetteer's mentions and the names known by their form, with the
    /// actors the latter name.
    fn named_mentions(&self, seg: Segmented) -> (Vec<matcher::Mention>, Vec<discover::Discovered>) {
        let (text, folded) = (seg.text, seg.folded);
        let mut mentions = self.matcher.find(text, folded);
        // an ordinary word in lower case is no name, whatever case an alias
        // allows: "three of its sites" does not name Three
        mentions.retain(|m| {
            let surface = &text[m.start..m.end];
            !(m.alias.chars().next().is_some_and(char::is_uppercase)
                && !surface.chars().any(char::is_uppercase)
                && self.lexicon.common_words.contains(&folded[m.start..m.end]))
        });
        // names known by their form or the word before them ("Grafintec Oy",
        // "Ministry of X", "Mr. TAKAHARA", "miner Lynas"), before the rules
        // decide which sentences name an actor
        let kind_of = |id: &str| self.gazetteer.get(id).map(|e| e.kind);
        let forms = discover::discover_forms(
            text,
            folded,
            seg.spans,
            (&mentions, &kind_of),
            &self.lexicon,
        );
        if !forms.mentions.is_empty() {
            let replaced: rustc_hash::FxHashSet<(usize, usize)> =
                forms.replaced.iter().copied().collect();
            mentions.retain(|m| !replaced.contains(&(m.start, m.end)));
            mentions.extend(forms.mentions);
            mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
            mentions.dedup_by(|b, a| b.start < a.end);
        }
        (mentions, forms.actors)
    }

    /// Which sentences the rules read, by sentence: those that may hold an
    /// agreement, and the opening (datelines).
    fn active_sentences(&self, seg: Segmented, mentions: &[matcher::Mention]) -> Vec<bool> {
        let (text, sentences) = (seg.text, seg.sentences);
        // The rules need the lexicon only where an agreement can be: sentences
        // that name an actor or define an acronym, the few after them that hold
        // an agreement word, a status verb, an anaphor or a person cue
        // (anaphora: "It was signed in June"), and the opening blocks
        // (datelines). Elsewhere the text is skipped, which is most of a long
        // article.
        let mut active = vec![false; sentences.len()];
        let mut window = vec![false; sentences.len()];
        let mut mi = 0;
        for (k, sp) in sentences.iter().enumerate() {
            while mi < mentions.len() && mentions[mi].start < sp.start {
                mi += 1;
            }
            let named = mi < mentions.len() && mentions[mi].start < sp.end;
            if named || memchr::memchr(b'(', &text.as_bytes()[sp.start..sp.end]).is_some() {
                active[k] = true;
                for w in window.iter_mut().skip(k + 1).take(ANAPHORA_WINDOW) {
                    *w = true;
                }
            }
        }
        // where `dateline` looks: headings among the first blocks, and the
        // start of the first three and of their second lines ("STOCKHOLM, 4
        // June 2025 – ...")
        let opening: Vec<(usize, usize)> = seg
            .blocks
            .iter()
            .take(DATELINE_HEADINGS)
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| (b.start, b.end))
            .chain(
                dateline_lines(seg.text, seg.blocks)
                    .map(|(start, end)| (start, end.min(start + DATELINE_PREFIX))),
            )
            .collect();
        for (k, sp) in sentences.iter().enumerate() {
            active[k] |= opening.iter().any(|&(a, b)| sp.start < b && a < sp.end)
                || (window[k] && self.lexicon.may_matter(seg.folded, sp.start, sp.end));
        }
        active
    }

    /// The phrases of the active sentences, found run by run of adjacent ones.
    fn active_phrases(&self, seg: Segmented, active: &[bool]) -> Vec<lexicon::PhraseMatch> {
        let mut phrases = Vec::new();
        let mut active_spans: Vec<(usize, usize)> = Vec::new();
        for (k, sp) in seg.spans.iter().enumerate() {
            if !active[k] {
                continue;
            }
            match active_spans.last_mut() {
                Some(last) if k > 0 && active[k - 1] => last.1 = sp.1,
                _ => active_spans.push(*sp),
            }
        }
        for &(a, b) in &active_spans {
            phrases.extend(self.lexicon.find_joined(seg.text, seg.folded, a, b));
        }
        phrases
    }

    /// The actors discovered in the active sentences, with those known by
    /// their form (`form_actors`), by a gated alias, as a subsidiary or in a
    /// byline; their mentions replace or join those in `mentions`.
    fn discover_actors(
        &self,
        seg: Segmented,
        active: &[bool],
        phrases: &[lexicon::PhraseMatch],
        form_actors: Vec<discover::Discovered>,
        mentions: &mut Vec<matcher::Mention>,
    ) -> HashMap<String, discover::Discovered> {
        let live: Vec<(usize, usize)> = seg
            .spans
            .iter()
            .zip(active)
            .filter(|(_, a)| **a)
            .map(|(s, _)| *s)
            .collect();
        let kind_of = |id: &str| self.gazetteer.get(id).map(|e| e.kind);
        // (discovery's mentions are the gazetteer's: no discovered actor yet)
        let found = discover::discover(
            seg.text,
            seg.folded,
            &live,
            (mentions, &kind_of),
            phrases,
            &self.lexicon,
        );
        let mut replaced = found.replaced.clone();
        replaced.sort_unstable();
        let replaced = spans::SpanIndex::new(replaced);
        mentions.retain(|m| replaced.first_holding(m.start, m.end).is_none());
        mentions.extend(found.mentions);
        mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        mentions.dedup_by(|b, a| b.start < a.end);
        let mut discovered: HashMap<String, discover::Discovered> = form_actors
            .into_iter()
            .chain(found.actors)
            .map(|d| (d.id.clone(), d))
            .collect();
        self.known_by_gated_alias(mentions, &mut discovered);
        self.subsidiaries(seg.text, mentions, &mut discovered);
        bylines(seg.text, seg.blocks, mentions, &mut discovered);
        discovered
    }

    /// The phrases the rules read: those outside actor names, marked where
    /// they found a company, choose a party or count the parties.
    fn rule_phrases(
        &self,
        folded: &str,
        phrases: Vec<lexicon::PhraseMatch>,
        mentions: &[matcher::Mention],
        actors: &Actors,
    ) -> Vec<lexicon::PhraseMatch> {
        // phrases inside actor names are part of the name, not rules' words
        let named = spans::SpanIndex::new(mentions.iter().map(|m| (m.start, m.end)));
        let mut phrases: Vec<_> = phrases
            .into_iter()
            .filter(|p| named.first_overlapping(p.start, p.end).is_none())
            .collect();
        let companies: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|m| {
                !m.genitive && extract::ActorInfo::kind(actors, &m.actor) == ActorType::Company
            })
            .map(|m| (m.start, m.end))
            .collect();
        self.lexicon.mark_founding(folded, &mut phrases, &companies);
        let parties: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|m| !m.genitive && extract::ActorInfo::kind(actors, &m.actor).can_be_party())
            .map(|m| (m.start, m.end))
            .collect();
        self.lexicon
            .mark_choosing(folded, &mut phrases, &parties, &companies);
        self.lexicon
            .mark_counted_anaphora(folded, &mut phrases, |a, b| {
                named.first_overlapping(a, b).is_some()
            });
        phrases
    }

    /// The record of each actor mentioned, with its mentions, by id.
    fn actor_records(
        &self,
        src: &RecordSource,
        mentions: &[matcher::Mention],
    ) -> BTreeMap<std::sync::Arc<str>, ActorRecord> {
        let text = src.seg.text;
        let by_sentence = spans::SpanIndex::new(
            src.seg
                .sentences
                .iter()
                .map(|s| (s.start, s.end.max(s.start + 1))),
        );
        let sentence_of = |pos: usize| by_sentence.first_holding(pos, pos + 1).unwrap_or(0);
        let mut records: BTreeMap<std::sync::Arc<str>, ActorRecord> = BTreeMap::new();
        for m in mentions {
            let rec = records
                .entry(m.actor.clone())
                .or_insert_with(|| self.actor_record(&m.actor, src.discovered));
            let surface = &text[m.start..m.end];
            // most mentions are written as the alias: share its text
            let surface: std::sync::Arc<str> = if *m.alias == *surface {
                m.alias.clone()
            } else {
                surface.into()
            };
            rec.aliases.insert(surface.clone());
            rec.mentions.push(MentionRecord {
                doc: src.doc_id.clone(),
                start: offset(m.start),
                end: offset(m.end),
                char_start: offset(src.cix.char_offset(text, m.start)),
                char_end: offset(src.cix.char_offset(text, m.end)),
                text: surface,
                sentence: offset(sentence_of(m.start)),
                alias: m.alias.clone(),
                how: m.how,
            });
        }
        records
    }

    /// The record of each agreement found, sorted by id, with its evidence;
    /// parties and signatories without a record get one in `records`.
    fn agreement_records(
        &self,
        src: &RecordSource,
        found: &[extract::Agreement],
        records: &mut BTreeMap<std::sync::Arc<str>, ActorRecord>,
    ) -> Vec<AgreementRecord> {
        let (text, sentences, cix) = (src.seg.text, src.seg.sentences, &src.cix);
        let mut agreements: Vec<AgreementRecord> = Vec::new();
        let mut used_ids: BTreeSet<String> = BTreeSet::new();
        // one copy of a sentence for the agreements it states or describes,
        // and of each rule name for the document
        let mut sentence_texts: HashMap<usize, std::sync::Arc<str>> = HashMap::new();
        let mut rule_names: HashMap<&str, std::sync::Arc<str>> = HashMap::new();
        for a in found {
            let parties: SortedSet<String> =
                a.parties.iter().map(|p| format!("actor:{p}")).collect();
            let signatories: SortedSet<String> =
                a.signatories.iter().map(|p| format!("actor:{p}")).collect();
            for id in a.parties.iter().chain(&a.signatories) {
                if !records.contains_key(id.as_str()) {
                    records.insert(id.as_str().into(), self.actor_record(id, src.discovered));
                }
            }
            let date = a.date.map(|d| d.to_string());
            let topics: SortedSet<String> = a.topics.iter().cloned().collect();
            let mut id = graph::agreement_id(a.kind, date.as_deref(), &parties);
            // (an earlier agreement of the parties of a later one is never
            // its node, whatever the dates: "The previous agreement expired")
            if used_ids.contains(&id) || a.earlier {
                id = graph::next_free_id(&id, |x| used_ids.contains(x));
            }
            used_ids.insert(id.clone());
            let mut seen = BTreeSet::new();
            let evidence = a
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| seen.insert(**s))
                .map(|(k, &s)| {
                    let sp = &sentences[s];
                    let rule = if k == 0 { a.rule.as_str() } else { "describes" };
                    Evidence {
                        doc: src.doc_id.clone(),
                        sentence: offset(s),
                        start: offset(sp.start),
                        end: offset(sp.end),
                        char_start: offset(cix.char_offset(text, sp.start)),
                        char_end: offset(cix.char_offset(text, sp.end)),
                        text: sentence_texts
                            .entry(s)
                            .or_insert_with(|| text[sp.start..sp.end].into())
                            .clone(),
                        rule: rule_names
                            .entry(rule)
                            .or_insert_with(|| rule.into())
                            .clone(),
                        date: date.clone(),
                        status: a.status,
                        topics: topics.clone(),
                        signatories: signatories.clone(),
                    }
                })
                .collect();
            let names: Vec<String> = a
                .parties
                .iter()
                .map(|p| records.get(p.as_str()).map_or(p.clone(), short_name))
                .collect();
            let label = format!(
                "{}: {}{}",
                kind_label(a.kind),
                names.join(" – "),
                date.as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            );
            agreements.push(AgreementRecord {
                id,
                label,
                agreement_kind: a.kind,
                status: a.status,
                date,
                topics,
                parties,
                signatories,
                evidence,
            });
        }
        agreements.sort_by(|a, b| a.id.cmp(&b.id));
        agreements
    }

    /// A discovered actor whose name is a known entity's gated alias is that
    /// entity: "Getinge och Elekta har ingått ett partnerskap" names Getinge
    /// AB, whose one-word name is gated because it is a town too.
    fn known_by_gated_alias(
        &self,
        mentions: &mut [matcher::Mention],
        discovered: &mut HashMap<String, discover::Discovered>,
    ) {
        let known: HashMap<String, std::sync::Arc<str>> = discovered
            .values()
            .filter_map(|d| {
                // (a person's name is no company's; else the discovered
                // type is a guess from the cue words)
                let key = (d.name.clone(), d.kind == ActorType::Person);
                let e = &self.gazetteer.entities()[*self.gated.get(&key)?];
                Some((d.id.clone(), e.id.as_str().into()))
            })
            .collect();
        if known.is_empty() {
            return;
        }
        for m in mentions.iter_mut() {
            if let Some(id) = known.get(&*m.actor) {
                m.actor = id.clone();
            }
        }
        discovered.retain(|id, _| !known.contains_key(id));
    }

    /// A company's legal form written after its name belongs to the mention
    /// ("Magnetite Mines Ltd (ASX:MGT)", "Beta Pty Ltd", "Qingdao Hensen
    /// Graphite Co., Ltd."), so that what follows it (a ticker in brackets, an
    /// apposition) attaches to the name. Countries, regions and people keep
    /// their span.
    fn extend_over_legal_forms(
        &self,
        text: &str,
        mentions: &mut Vec<matcher::Mention>,
        actors: &Actors,
    ) {
        use extract::ActorInfo;
        for i in 0..mentions.len() {
            let m = &mentions[i];
            if m.genitive
                || matches!(
                    actors.kind(&m.actor),
                    ActorType::Country | ActorType::Region | ActorType::Person
                )
            {
                continue;
            }
            // a "name" made only of legal forms ("Pty Ltd") is no limit
            let only_forms = |n: &matcher::Mention| {
                text[n.start..n.end]
                    .split([' ', ','])
                    .all(|w| w.is_empty() || self.lexicon.forms.is_legal(w))
            };
            let limit = mentions[i + 1..]
                .iter()
                .find(|n| !only_forms(n))
                .map_or(text.len(), |n| n.start);
            let mut end = m.end;
            // up to three forms: "Pty Ltd", "Co., Ltd."
            for _ in 0..3 {
                let rest = &text[end..limit];
                let gap = if rest.starts_with(' ') {
                    1
                } else if end > m.end && rest.starts_with(", ") {
                    2
                } else {
                    break;
                };
                let word: &str = rest[gap..]
                    .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
                    .next()
                    .unwrap_or("");
                if word.is_empty() || !self.lexicon.forms.is_legal(word) {
                    break;
                }
                end += gap + word.len();
            }
            mentions[i].end = end;
        }
        let mut end = 0;
        mentions.retain(|m| {
            let keep = m.start >= end;
            end = end.max(m.end);
            keep
        });
    }

    /// A company named with a country or region after it ("Telia Norway",
    /// "Toyota Motor Europe", "Hitachi Energy Sweden") is its subsidiary
    /// there: an actor of its own (rule `subsidiary`), not the company and the
    /// country. Only with one space between, and no word glued after.
    fn subsidiaries(
        &self,
        text: &str,
        mentions: &mut Vec<matcher::Mention>,
        discovered: &mut HashMap<String, discover::Discovered>,
    ) {
        use extract::ActorInfo;
        let actors = Actors {
            g: &self.gazetteer,
            discovered,
            borrowed_countries: &self.borrowed_countries,
        };
        let mut joined: Vec<(usize, matcher::Mention, discover::Discovered)> = Vec::new();
        for i in 1..mentions.len() {
            let (a, b) = (&mentions[i - 1], &mentions[i]);
            let place = matches!(
                actors.kind(&b.actor),
                ActorType::Country | ActorType::Region
            );
            if a.genitive
                || actors.kind(&a.actor) != ActorType::Company
                || !place
                || text.get(a.end..b.start) != Some(" ")
                || text[b.end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let end = if b.genitive {
                b.end - discover::genitive_suffix(&text[b.start..b.end])
            } else {
                b.end
            };
            let name = text[a.start..end].to_string();
            let id = format!("x-{}", text::slug(&name));
            let m = matcher::Mention {
                start: a.start,
                end: b.end,
                actor: id.as_str().into(),
                alias: name.as_str().into(),
                how: b.how,
                genitive: b.genitive,
            };
            let d = discover::Discovered {
                id,
                kind: ActorType::Company,
                name,
                aliases: Vec::new(),
                rule: "subsidiary",
            };
            joined.push((i - 1, m, d));
        }
        for (i, m, d) in joined.into_iter().rev() {
            mentions.splice(i..i + 2, [m]);
            discovered.entry(d.id.clone()).or_insert(d);
        }
    }

    fn actor_record(
        &self,
        id: &str,
        discovered: &HashMap<String, discover::Discovered>,
    ) -> ActorRecord {
        if let Some(e) = self.gazetteer.get(id) {
            ActorRecord {
                id: id.to_string(),
                label: e.name.clone(),
                kind: e.kind,
                country: e.country.clone(),
                discovered: false,
                aliases: e
                    .aliases
                    .iter()
                    .filter(|a| !a.gated)
                    .map(|a| a.text.clone())
                    .collect(),
                mentions: Vec::new(),
                member_of: e
                    .affiliations
                    .iter()
                    .filter(|_| e.kind != ActorType::Person)
                    .map(|a| format!("actor:{}", a.id))
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
            }
        } else {
            let d = &discovered[id];
            let mut aliases: SortedSet<std::sync::Arc<str>> =
                d.aliases.iter().map(|a| a.as_str().into()).collect();
            aliases.insert(d.name.as_str().into());
            ActorRecord {
                id: id.to_string(),
                label: d.name.clone(),
                kind: d.kind,
                country: None,
                discovered: true,
                aliases,
                mentions: Vec::new(),
                member_of: Vec::new(),
            }
        }
    }

    /// A dateline: a heading near the top that is (optionally "City, ") a full
    /// date, perhaps followed by its news agency ("Stockholm, 10 december
    /// 2024 (TT)"). A day and month without a year ("WARSAW, Aug 26
    /// (Reuters) - …") take their year from the document's date, when it has
    /// one.
    fn dateline(
        &self,
        text: &str,
        blocks: &[segment::Block],
        phrases: &[lexicon::PhraseMatch],
        doc_date: Option<Date>,
    ) -> Option<Date> {
        // the date found in `text[from..to]`, when it is all there is but an agency
        let only_date = |from: usize, to: usize| {
            let found = dates::find(text, from, to, phrases);
            let [d] = found.as_slice() else {
                return None;
            };
            let x = match d.value {
                dates::DateValue::Absolute(x) => x,
                dates::DateValue::NoYear { m, d: Some(day) } => {
                    let doc = doc_date?;
                    // (a dateline of December in a document of January)
                    let y = if doc.m.is_some_and(|dm| m > dm) {
                        doc.y - 1
                    } else {
                        doc.y
                    };
                    Date {
                        y,
                        m: Some(m),
                        d: Some(day),
                    }
                }
                _ => return None,
            };
            let rest = without_agency(text[from..to].trim());
            (x.d.is_some() && rest.len() <= d.end - d.start + 2).then_some(x)
        };
        // (each line of a heading: "Headline\n2 February 2024")
        let heading_lines = blocks
            .iter()
            .take(DATELINE_HEADINGS)
            .filter(|b| b.kind == BlockKind::Heading)
            .flat_map(|b| {
                let mut start = b.start;
                text[b.start..b.end].split('\n').map(move |l| {
                    let line = (start, start + l.len());
                    start += l.len() + 1;
                    line
                })
            });
        for (start, end) in heading_lines {
            let line = &text[start..end];
            // (a date alone, "February 2, 2024", or after a place, "Tokyo, 5
            // december 2024")
            let body_start = line.find(',').map_or(start, |c| start + c + 1);
            if let Some(x) = only_date(start, end).or_else(|| only_date(body_start, end)) {
                return Some(x);
            }
            // a press release's line, the date after a bullet and before a
            // time ("Pressmeddelande • Jan 11, 2019 15:55 CET")
            if let Some(bullet) = line.rfind(['•', '|', '·']) {
                let from = start + bullet + line[bullet..].chars().next().map_or(1, char::len_utf8);
                if let Some(x) = only_date(from, start + without_time(line).len()) {
                    return Some(x);
                }
            }
        }
        // "STOCKHOLM, 4 June 2025 – EIT InnoEnergy and ..." at the start of the text
        // (or a plain-text "--")
        for (start, end) in dateline_lines(text, blocks) {
            let mut cut = (end - start).min(DATELINE_PREFIX);
            while !text.is_char_boundary(start + cut) {
                cut -= 1;
            }
            let line = &text[start..start + cut];
            // (a date on a line of its own under a headline line:
            // "Headline\n2 February 2024\nA signed …")
            if let Some(x) = line.find('\n').and_then(|nl| only_date(start, start + nl)) {
                return Some(x);
            }
            let Some(dash) = [" – ", " — ", " -- ", " - "]
                .iter()
                .filter_map(|d| line.find(d))
                .min()
                .filter(|&d| d <= 80)
            else {
                continue;
            };
            // (no place: "Jan 9, 2024 (Reuters) - …", "9 January 2024 – …")
            if let Some(x) = only_date(start, start + dash) {
                return Some(x);
            }
            let Some(comma) = line[..dash].find(',') else {
                continue;
            };
            let place = &line[..comma];
            if !place.chars().next().is_some_and(char::is_uppercase) || place.contains('.') {
                continue;
            }
            let (from, to) = (start + comma + 1, start + dash);
            if let Some(x) = only_date(from, to) {
                return Some(x);
            }
        }
        None
    }
}

/// Where a dateline may open a line: the first [`DATELINE_BLOCKS`] blocks,
/// each from its start and, under a headline line, from its second line
/// ("Deals of the day\nJan 9, 2024 (Reuters) - …"); each to the block's end.
fn dateline_lines<'a>(
    text: &'a str,
    blocks: &'a [segment::Block],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    blocks.iter().take(DATELINE_BLOCKS).flat_map(|b| {
        let second = text[b.start..b.end]
            .find('\n')
            .map(|n| b.start + n + 1)
            .filter(|&s| s < b.end);
        std::iter::once((b.start, b.end)).chain(second.map(|s| (s, b.end)))
    })
}

/// `line` without a time at its end ("15:55 CET", "09:30").
fn without_time(line: &str) -> &str {
    let mut rest = line.trim_end();
    if let Some((head, zone)) = rest.rsplit_once(' ') {
        if (2..=5).contains(&zone.len()) && zone.bytes().all(|b| b.is_ascii_uppercase()) {
            rest = head.trim_end();
        }
    }
    match rest.rsplit_once(' ') {
        Some((head, time))
            if time.len() <= 5
                && time.split_once(':').is_some_and(|(h, m)| {
                    !h.is_empty()
                        && h.len() <= 2
                        && m.len() == 2
                        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
                }) =>
        {
            head.trim_end()
        }
        _ => rest,
    }
}

/// A dateline's text without the news agency after its date: "10 december
/// 2024 (TT)" is "10 december 2024" (a short parenthesis with no digit).
fn without_agency(s: &str) -> &str {
    match s
        .strip_suffix(')')
        .and_then(|x| x.rfind('(').map(|o| (o, x)))
    {
        Some((o, x)) if x.len() - o <= 20 && !x[o..].chars().any(|c| c.is_ascii_digit()) => {
            s[..o].trim_end()
        }
        _ => s,
    }
}

/// A country or region named inside a longer place name is no actor: "New
/// South Wales", "South Australia", "Western Australia", "New Mexico" (a
/// compass word or "New" written right before it). Names that are places in
/// their own right ("South Korea", "South Africa") are one mention of the
/// gazetteer and never reach this.
fn drop_places_inside_names(text: &str, mentions: &mut Vec<matcher::Mention>, actors: &Actors) {
    use extract::ActorInfo;
    const BEFORE: &[&str] = &[
        "New ",
        "South ",
        "North ",
        "West ",
        "East ",
        "Western ",
        "Eastern ",
        "Northern ",
        "Southern ",
        "Central ",
    ];
    mentions.retain(|m| {
        !matches!(
            actors.kind(&m.actor),
            ActorType::Country | ActorType::Region
        ) || !BEFORE.iter().any(|w| text[..m.start].ends_with(w))
    });
}

/// The author of a byline: a block of its own that is "By Name Surname" or
/// "Av Name Surname", with a date before it or not ("March 25, 2025, by Ajsa
/// Habibic"): a person (rule `byline`). Two or three capitalised words, no
/// more text after them.
fn bylines(
    text: &str,
    blocks: &[segment::Block],
    mentions: &mut Vec<matcher::Mention>,
    discovered: &mut HashMap<String, discover::Discovered>,
) {
    static BYLINE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = BYLINE.get_or_init(|| {
        regex::Regex::new(
            r"^(?:[^\n]{0,40}\d{4},?\s+)?(?:[Bb]y|[Aa]v)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\.?$",
        )
        .expect("a valid byline pattern")
    });
    for b in blocks {
        let Some(line) = text.get(b.start..b.end) else {
            continue;
        };
        if line.len() > 120 {
            continue;
        }
        let Some(name) = re.captures(line).and_then(|c| c.get(1)) else {
            continue;
        };
        let (start, end) = (b.start + name.start(), b.start + name.end());
        if mentions.iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        let name = name.as_str().to_string();
        let id = format!("x-{}", text::slug(&name));
        let at = mentions.partition_point(|m| m.start < start);
        mentions.insert(
            at,
            matcher::Mention {
                start,
                end,
                actor: id.as_str().into(),
                alias: name.as_str().into(),
                how: matcher::How::Discovered,
                genitive: false,
            },
        );
        discovered
            .entry(id.clone())
            .or_insert(discover::Discovered {
                id,
                kind: ActorType::Person,
                name,
                aliases: Vec::new(),
                rule: "byline",
            });
    }
}

fn short_name(r: &ActorRecord) -> String {
    // the shortest acronym-like alias reads best in labels
    r.aliases
        .iter()
        .filter(|a| gazetteer::looks_like_acronym(a) && a.len() <= 8 && !a.contains(':'))
        .min_by_key(|a| a.len())
        .map_or_else(|| r.label.clone(), |a| a.to_string())
}

/// A human label for a kind.
pub fn kind_label(k: lexicon::Kind) -> &'static str {
    use lexicon::Kind::*;
    match k {
        Mou => "MoU",
        Moc => "MoC",
        Partnership => "Partnership",
        Cooperation => "Cooperation",
        JointVenture => "Joint venture",
        Offtake => "Offtake",
        Investment => "Investment",
        Association => "Association",
        Other => "Agreement",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// A proptest config of `default` cases, or of `PROPTEST_CASES` when set
    /// (a long run: `PROPTEST_CASES=100000 cargo test --release issue17`).
    pub(crate) fn cases(default: u32) -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(default);
        ProptestConfig::with_cases(cases)
    }

    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(Pipeline::embedded)
    }

    #[test]
    fn without_time_drops_a_clock_time_and_its_zone() {
        assert_eq!(without_time("Jan 11, 2019 15:55 CET"), "Jan 11, 2019");
        assert_eq!(without_time("3 mars 2024 09:30"), "3 mars 2024");
        assert_eq!(without_time("14 oktober 2025"), "14 oktober 2025");
        // (a year is no time, nor is a word in capitals without one)
        assert_eq!(without_time("Pressmeddelande 2025"), "Pressmeddelande 2025");
        assert_eq!(without_time("10 december 2024 TT"), "10 december 2024");
        assert_eq!(without_time("at 123:45"), "at 123:45");
    }

    /// Every phrase of the embedded language files (agreement nouns, verbs,
    /// anaphora, prepositions, status words ...), as written and capitalised,
    /// so that random text reaches the rules written since the list in
    /// [`piece`] was.
    fn rule_words() -> Vec<String> {
        fn strings(v: &toml::Value, out: &mut Vec<String>) {
            match v {
                toml::Value::String(s) if s.chars().any(char::is_alphabetic) => {
                    out.push(s.clone());
                    let mut c = s.chars();
                    if let Some(f) = c.next() {
                        out.push(f.to_uppercase().chain(c).collect());
                    }
                }
                toml::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                toml::Value::Table(t) => t.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for (_, text) in lexicon::EMBEDDED {
            let v: toml::Value = toml::from_str(text).expect("an embedded language file");
            strings(&v, &mut out);
        }
        out.sort();
        out.dedup();
        out
    }

    /// Pieces of text that stress the stages: multi-byte whitespace (U+2028,
    /// U+0085, NBSP, ideographic space), combining marks, CJK, letters whose
    /// case folding changes length, sentence marks, abbreviations, and the
    /// words the rules look for (a list, and every phrase of the language
    /// files); and any char at all; each mostly followed by a space.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            2 => proptest::sample::select(rule_words()),
            3 => proptest::sample::select(vec![
                " ", " ", "\n", "\n\n", "\t", "\u{2028}", "\u{2029}", "\u{0085}", "\u{00a0}",
                "\u{3000}", "\u{200b}", "\u{feff}", ".", ". ", "!", "?", "…", "\"", "”", "«",
                "(", ")", "[7]", "]", "-", "–", "•", ":", "'s", ":s", "\u{0301}", "e\u{0308}",
                "日本", "株式会社", "한국", "İ", "ẞ", "\u{212a}", "å", "Ö", "😀", "Inc.", "t.ex.",
                "Dr.", "U.S.", "J.", "JOGMEC", "Boliden", "Epiroc", "Sojitz", "Japan", "Sverige",
                "signed", "tecknade", "memorandum of understanding", "avtal", "agreement",
                "with", "med", "mellan", "between", "and", "och", "2024", "den 5 maj", "'", "’s",
                "12 June 2025", "i går", "the agreement", "Avtalet", "CEO", "vd:n", "Karin",
                "joint venture", "owned in equal shares by", "som ägs av", "among them",
                "bland dem", "Alliance of", "kom", "överens", "förbundsregeringen",
                "the two companies", "signed by", "agreed to merge", "to explore a",
                "settlement", "rederiet", "together with", "tillsammans med", "which", "som",
            ])
            .prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ]
        .prop_flat_map(|word| {
            // mostly a space after it, so that phrases stand as words and
            // the rules fire; sometimes glued to the next piece
            proptest::sample::select(vec![" ", " ", " ", " ", "", ", ", ". ", "\n"])
                .prop_map(move |sep| format!("{word}{sep}"))
        })
    }

    proptest! {
        #![proptest_config(cases(2000))]
        /// Issue 17: no text makes the stages before the rules panic (folding,
        /// blocks and sentences, matching, char offsets, HTML), and sentences
        /// and mentions are on char boundaries.
        #[test]
        fn issue17_random_unicode_never_panics_before_the_rules(
            pieces in proptest::collection::vec(piece(), 0..60)
        ) {
            let text: String = pieces.concat();
            let p = pipeline();
            let folded = fold(&text);
            prop_assert_eq!(folded.len(), text.len());
            let blocks = p.segmenter.blocks(&text);
            for s in p.segmenter.sentences(&text, &blocks) {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            let chars = CharIndex::new(&text);
            for m in p.matcher.find(&text, &folded) {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert_eq!(chars.char_offset(&text, m.start), text[..m.start].chars().count());
            }
            let _ = input::html_to_text(&format!("<p>{text}</p>"));
        }

        /// Issue 17: no text makes extraction panic, and every span it gives
        /// is on char boundaries of the text.
        #[test]
        fn issue17_random_unicode_never_panics(pieces in proptest::collection::vec(piece(), 0..60)) {
            let text: String = pieces.concat();
            let doc = Document::new("fuzz", text.clone());
            let f = pipeline().extract(&doc);
            for m in f.actors.iter().flat_map(|a| a.mentions.iter()) {
                prop_assert!(text.is_char_boundary(m.bytes().start) && text.is_char_boundary(m.bytes().end));
            }
            for e in f.agreements.iter().flat_map(|a| a.evidence.iter()) {
                prop_assert!(text.is_char_boundary(e.bytes().start) && text.is_char_boundary(e.bytes().end));
            }
            let _ = input::html_to_text(&format!("<p>{text}</p>"));
        }
    }

    /// A user alias that is an ordinary word ("Three", a number word; "Kina"
    /// is none) names its actor only where the text capitalises it.
    #[test]
    fn an_ordinary_word_in_lower_case_names_no_actor() {
        let mut b = Gazetteer::builder();
        b.add_embedded().add_source(
            "user.tsv",
            "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
             three_uk\tcompany\tThree UK\tThree\tGB\t\t\n\
             sodra_user\tcompany\tSödra\tSödra\tSE\t\t\n",
        );
        let p = Pipeline::new(b.build().unwrap(), Lexicon::embedded());
        let text = "Novo Nordisk will buy three of the sites. Three signed a deal with Nokia. \
                    Avtalet med kina gäller. Ronneby har en vänort i södra Tyskland.";
        let f = p.extract(&Document::new("ordinary", text.to_string()));
        let mentions: Vec<(&str, &str)> = f
            .actors
            .iter()
            .flat_map(|a| {
                a.mentions
                    .iter()
                    .map(move |m| (a.id.as_str(), &text[m.bytes()]))
            })
            .collect();
        assert!(
            mentions.contains(&("actor:three_uk", "Three")),
            "{mentions:?}"
        );
        assert!(!mentions.iter().any(|m| m.1 == "three"), "{mentions:?}");
        // (nor a point of the compass: "södra Tyskland" is no Södra)
        assert!(
            !mentions.iter().any(|m| m.1.starts_with("södra")),
            "{mentions:?}"
        );
        // (a country written in lower case is still the country)
        assert!(mentions.contains(&("actor:china", "kina")), "{mentions:?}");
    }

    /// "The Norwegian company" stands for the Norwegian company named before,
    /// also when a user gazetteer lists it without a country: it takes the
    /// country of the shipped entry with its name.
    #[test]
    fn a_nationality_anaphor_finds_a_user_entry_by_its_shipped_country() {
        let text = "Equinor will supply gas to Uniper from 2026. Uniper is one of the largest \
                    utilities. The Norwegian company also signed an agreement with Petrobras.";
        let parties = |p: &Pipeline| -> Vec<Vec<String>> {
            let f = p.extract(&Document::new("n", text.to_string()));
            f.agreements
                .iter()
                .map(|a| a.parties.iter().cloned().collect())
                .collect()
        };
        let mut b = Gazetteer::builder();
        b.add_embedded().add_source(
            "user.tsv",
            "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
             u_equinor\tcompany\tEquinor\t\t\t\t\n\
             u_uniper\tcompany\tUniper\t\t\t\t\n",
        );
        let user = Pipeline::new(b.build().unwrap(), Lexicon::embedded());
        for (p, equinor, uniper) in [
            (pipeline(), "actor:equinor", "actor:uniper"),
            (&user, "actor:u_equinor", "actor:u_uniper"),
        ] {
            let got = parties(p);
            assert!(
                got.iter().any(|ps| ps.iter().any(|x| x == equinor)
                    && ps.iter().any(|x| x == "actor:petrobras")),
                "{got:?}"
            );
            assert!(
                !got.iter().any(|ps| ps.iter().any(|x| x == uniper)
                    && ps.iter().any(|x| x == "actor:petrobras")),
                "{got:?}"
            );
        }
    }

    /// Issue 17: a multi-byte space (NBSP) between a word and a name made the
    /// person rule step back by one byte into it and panic (discover.rs).
    #[test]
    fn issue17_nbsp_before_a_name_does_not_panic() {
        let text = ":\u{a0}İå\tAden 5 maj signed ";
        let f = pipeline().extract(&Document::new("nbsp", text.to_string()));
        assert!(f.agreements.is_empty());
        for m in f.actors.iter().flat_map(|a| a.mentions.iter()) {
            assert!(text.is_char_boundary(m.bytes().start) && text.is_char_boundary(m.bytes().end));
        }
    }

    /// Issue 17 (found by the random-text fuzz in stop 48): a sentence whose
    /// verb is its last word, after a company anaphor's sentence, made the
    /// look for a verb-second subject read one item past its end.
    #[test]
    fn issue17_a_sentence_ending_in_its_verb_does_not_panic() {
        let text = "- agreed to merge\nrederiet, financing round\n";
        let f = pipeline().extract(&Document::new("verb-last", text.to_string()));
        assert!(f.agreements.is_empty());
    }

    /// Issue 17: a document longer than the window is extracted window by
    /// window; it gives the agreements of its windows extracted by hand, with
    /// byte, char and sentence offsets into the whole document.
    #[test]
    fn issue17_windows_give_the_agreements_of_the_parts_at_document_offsets() {
        let pairs = [
            ("Boliden", "Epiroc"),
            ("LKAB", "Vattenfall"),
            ("JOGMEC", "Sojitz"),
        ];
        let mut text = String::new();
        for i in 0..24 {
            let (a, b) = pairs[i % 3];
            text.push_str(&format!(
                "Ärendet i Östersund, del {i}. {a} signed a supply agreement with {b} on {} May 2025. The deal runs for five years.\n\n",
                i + 1
            ));
        }
        let p = pipeline();
        let window = 1024;
        let parts = segment::windows(&text, window);
        assert!(parts.len() > 2, "{parts:?}");
        let doc = Document::new("long", text.clone());
        let (whole, ..) = p.analyze_windowed(&doc, window, false);
        // the same text, its windows extracted as documents of their own
        let mut by_hand = Vec::new();
        for &(a, b) in &parts {
            let f = p.extract(&Document::new("long", text[a..b].to_string()));
            for g in f.agreements {
                let ev: Vec<(usize, String)> = g
                    .evidence
                    .iter()
                    .map(|e| (e.bytes().start + a, e.text.to_string()))
                    .collect();
                by_hand.push((g.agreement_kind, g.parties, g.date, ev));
            }
        }
        let mut got: Vec<_> = whole
            .agreements
            .iter()
            .map(|g| {
                let ev: Vec<(usize, String)> = g
                    .evidence
                    .iter()
                    .map(|e| (e.bytes().start, e.text.to_string()))
                    .collect();
                (g.agreement_kind, g.parties.clone(), g.date.clone(), ev)
            })
            .collect();
        got.sort();
        by_hand.sort();
        assert_eq!(got.len(), 24);
        assert_eq!(got, by_hand);
        // offsets slice the whole text; sentence numbers count from its start
        let sentences = p.sentences(&text);
        let chars = |b: usize| text[..b].chars().count() as u32;
        for g in &whole.agreements {
            for e in &g.evidence {
                let (start, end) = (e.bytes().start, e.bytes().end);
                assert_eq!(&text[start..end], &*e.text);
                assert_eq!((e.char_start, e.char_end), (chars(start), chars(end)));
                assert_eq!(sentences[e.sentence as usize], (start, end));
            }
        }
        let mentions: Vec<_> = whole.actors.iter().flat_map(|a| &a.mentions).collect();
        assert!(mentions.len() >= 48);
        for m in mentions {
            let (start, end) = (m.bytes().start, m.bytes().end);
            assert_eq!(&text[start..end], &*m.text);
            assert_eq!((m.char_start, m.char_end), (chars(start), chars(end)));
            let (s, e) = sentences[m.sentence as usize];
            assert!(s <= start && end <= e);
        }
        // a document within the window is extracted whole, as before
        assert_eq!(
            p.analyze_windowed(&doc, text.len(), false).0,
            p.extract(&doc)
        );
        // windows extracted side by side give the same fragment, and the
        // dateline of the first window still dates the later ones
        let dated = Document::new("long", format!("STOCKHOLM, 4 June 2025\n\n{text}"));
        let one = p.analyze_windowed(&dated, window, false).0;
        assert_eq!(one.date.as_deref(), Some("2025-06-04"));
        for n in [2, 3, 8] {
            let q = p.clone().with_window_threads(n);
            assert_eq!(
                q.analyze_windowed(&dated, window, false).0,
                one,
                "{n} threads"
            );
        }
    }
}
