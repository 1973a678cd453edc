//! Discovery: actors and aliases learned from the document itself.
//!
//! - "Long Name (ACRONYM)" and "ACRONYM (Long Name)" teach that the short form
//!   means the long one in this document; when the gazetteer knows neither, a new
//!   actor is made (type from cue words in the name).
//! - People named next to a role ("executive officer Daisuke Ono"), an
//!   apposition ("Johan Ekdahl, Stena's head of ...") or a signing or speaking
//!   verb ("Hiroshi Tanabe undertecknade för Sojitz") become person actors.
//!
//! Takes the gazetteer mentions and phrase matches; gives extra mentions and the
//! discovered actors.

use crate::gazetteer::{looks_like_acronym, ActorType};
use crate::lexicon::{FormCue, FormEntry, Forms, Lexicon, PhraseMatch, Tag};
use crate::matcher::{find_all, How, Mention};
use crate::spans::{SpanIndex, SpanSet};
use crate::text::{fold, is_word_char, slug};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};

/// An actor found in the document but not in the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    /// `x-<slug>` id.
    pub id: String,
    /// Its type (from cue words, or `person`).
    pub kind: ActorType,
    /// Name (the long form, or the person's full name).
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// The rule that found it: `acronym`, `person_context` (a role, an
    /// apposition or a verb next to a full name), `legal_form`, `given_name`
    /// (a common given name and a surname), `institution`,
    /// `honorific`, `role`, `descriptor`, `apposition` or `party` (a name in
    /// the party slot of an agreement).
    pub rule: &'static str,
}

/// A word or punctuation token.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

fn tokens(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let b = text.as_bytes();
    let char_at = |i: usize| -> char {
        if b[i] < 0x80 {
            b[i] as char
        } else {
            text[i..].chars().next().expect("a char starts here")
        }
    };
    // about a token every six bytes of running text: room for most without growing
    let mut out = Vec::with_capacity((end - start) / 6 + 1);
    let mut i = start;
    while i < end {
        let c = char_at(i);
        if is_word_char(c) {
            // letters and digits, joined by one of - ' ’ : . & before another
            let s = i;
            let mut e = i + c.len_utf8();
            while e < end {
                e += crate::text::ascii_word(&b[e..end]);
                if e >= end {
                    break;
                }
                let d = char_at(e);
                let n = e + d.len_utf8();
                if is_word_char(d)
                    || (matches!(d, '-' | '\'' | '’' | ':' | '.' | '&')
                        && n < end
                        && is_word_char(char_at(n)))
                {
                    e = n;
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: s,
                end: e,
                word: true,
            });
            i = e;
        } else {
            if !c.is_whitespace() {
                out.push(Tok {
                    start: i,
                    end: i + c.len_utf8(),
                    word: false,
                });
            }
            i += c.len_utf8();
        }
    }
    out
}

fn capitalized(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
}

/// Everything discovery adds to a document.
#[derive(Debug, Default)]
pub struct Found {
    /// New mentions (to be merged with the gazetteer's).
    pub mentions: Vec<Mention>,
    /// Spans of gazetteer mentions replaced by a learned long form.
    pub replaced: Vec<(usize, usize)>,
    /// Discovered actors.
    pub actors: Vec<Discovered>,
}

/// A mention of `actor`, written `alias`, that discovery found at `start..end`.
fn discovered_mention(
    start: usize,
    end: usize,
    actor: std::sync::Arc<str>,
    alias: std::sync::Arc<str>,
    genitive: bool,
) -> Mention {
    Mention {
        start,
        end,
        actor,
        alias,
        how: How::Discovered,
        genitive,
    }
}

impl Found {
    /// Records a discovered mention of `actor`, written `alias`, at the hit
    /// `(start, end, genitive)`, and takes its span.
    fn push_discovered(
        &mut self,
        taken: &mut SpanSet,
        (start, end, genitive): (usize, usize, bool),
        actor: &std::sync::Arc<str>,
        alias: &std::sync::Arc<str>,
    ) {
        taken.insert(start, end);
        self.mentions.push(discovered_mention(
            start,
            end,
            actor.clone(),
            alias.clone(),
            genitive,
        ));
    }
}

/// The type of the actor with this id (`None` for an unknown id).
pub type KindOf<'a> = &'a dyn Fn(&str) -> Option<ActorType>;

/// Whether `kind_of` says the actor is a country or region.
fn is_place(kind_of: KindOf<'_>, id: &str) -> bool {
    matches!(kind_of(id), Some(ActorType::Country | ActorType::Region))
}

/// Learns acronym definitions and discovers people in `text`.
///
/// `sentences` are byte spans; `mentions` are the gazetteer's (sorted);
/// `phrases` are the lexicon's matches over the whole text; `kind_of` gives
/// the type of a mention's actor.
pub fn discover(
    text: &str,
    folded: &str,
    sentences: &[(usize, usize)],
    (mentions, kind_of): (&[Mention], KindOf<'_>),
    phrases: &[PhraseMatch],
    lexicon: &Lexicon,
) -> Found {
    let mut found = Found::default();
    let mut actors: BTreeMap<String, Discovered> = BTreeMap::new();
    let mix = SpanIndex::new(mentions.iter().map(|m| (m.start, m.end)));
    let pix = SpanIndex::new(phrases.iter().map(|p| (p.start, p.end)));
    let acronyms = Acronyms {
        doc: DocView {
            text,
            mentions,
            phrases,
            mix: &mix,
            pix: &pix,
        },
        lexicon,
        ends: first_by_end(mentions.iter().map(|m| m.end)),
    };
    let mut learned: Vec<Learned> = Vec::new();
    for sentence in sentences.iter().copied() {
        acronyms.learn_in(sentence, &mut learned, &mut found, &mut actors);
    }
    let mut taken = learned_mentions(text, folded, &mix, learned, &mut found);
    let ix = (&mix, &pix);
    discover_people(
        text,
        sentences,
        mentions,
        phrases,
        ix,
        &lexicon.forms,
        &mut found,
        &mut taken,
        &mut actors,
    );
    discover_parties(
        text,
        sentences,
        (mentions, kind_of),
        phrases,
        ix,
        lexicon,
        &mut found,
        &mut taken,
        &mut actors,
    );
    found.actors = actors.into_values().collect();
    found.mentions.sort_by_key(|m| (m.start, m.end));
    found
}

/// A form learned from an acronym's definition: (surface, actor id, matched
/// as written rather than folded).
type Learned = (String, String, bool);

/// A word that may join the words of an acronym's long form ("of", "för",
/// "und").
fn long_form_connector(w: &str) -> bool {
    matches!(
        crate::text::fold(w).as_str(),
        "of" | "for"
            | "and"
            | "the"
            | "on"
            | "in"
            | "de"
            | "du"
            | "för"
            | "och"
            | "på"
            | "i"
            | "av"
            | "&"
            | "für"
            | "und"
            | "des"
            | "la"
            | "le"
    )
}

/// What the acronym, party and people rules read: the text, the
/// gazetteer's mentions and the lexicon's phrases, with their span indexes.
#[derive(Clone, Copy)]
struct DocView<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    phrases: &'a [PhraseMatch],
    /// The span index of `mentions`.
    mix: &'a SpanIndex,
    /// The span index of `phrases`.
    pix: &'a SpanIndex,
}

impl<'a> DocView<'a> {
    /// The text of token `t`.
    fn word(&self, t: &Tok) -> &'a str {
        &self.text[t.start..t.end]
    }
}

/// What acronym learning reads: the text, the gazetteer's mentions and the
/// lexicon's phrases, with their indexes.
struct Acronyms<'a> {
    doc: DocView<'a>,
    lexicon: &'a Lexicon,
    /// For each end, the first mention that ends there.
    ends: FxHashMap<usize, usize>,
}

impl<'a> Acronyms<'a> {
    /// The first gazetteer mention that holds `s..e`.
    fn mention_at(&self, s: usize, e: usize) -> Option<&'a Mention> {
        self.doc
            .mix
            .first_holding(s, e)
            .map(|i| &self.doc.mentions[i])
    }

    /// The first gazetteer mention that ends at `e`.
    fn ending_at(&self, e: usize) -> Option<&'a Mention> {
        self.ends.get(&e).map(|&i| &self.doc.mentions[i])
    }

    /// Whether a phrase spanning `s..e` has `tag`.
    fn phrase_is(&self, s: usize, e: usize, tag: &Tag) -> bool {
        self.doc
            .pix
            .starting_at(s)
            .any(|i| self.doc.phrases[i].end == e && self.doc.phrases[i].tags.contains(tag))
    }

    /// Learns the acronyms the sentence `ss..se` defines, "Long Name (ACR)"
    /// or "ACR (Long Name)", into `learned`.
    fn learn_in(
        &self,
        (ss, se): (usize, usize),
        learned: &mut Vec<Learned>,
        found: &mut Found,
        actors: &mut BTreeMap<String, Discovered>,
    ) {
        let text = self.doc.text;
        // only "(" starts a definition
        if !text[ss..se].contains('(') {
            return;
        }
        let toks = tokens(text, ss, se);
        for (i, t) in toks.iter().enumerate() {
            if &text[t.start..t.end] != "(" {
                continue;
            }
            let Some(close) = toks[i + 1..]
                .iter()
                .position(|x| &text[x.start..x.end] == ")")
                .map(|p| i + 1 + p)
            else {
                continue;
            };
            if close == i + 1 || i == 0 {
                continue;
            }
            let inner = (toks[i + 1].start, toks[close - 1].end);
            let inner_text = &text[inner.0..inner.1];
            if close == i + 2
                && looks_like_acronym(inner_text.trim_end_matches(|c: char| !c.is_alphanumeric()))
                && inner_text.len() <= 12
            {
                // "Long Name (ACR)"
                self.long_then_acronym(&toks, i, learned, found, actors);
            } else if close > i + 2 && capitalized(inner_text) {
                // "ACR (Long Name)"
                self.acronym_then_long(&toks, i, inner, learned);
            }
        }
    }

    /// "Long Name (ACR)", the "(" at token `i`: the acronym is the actor
    /// named right before it; or the long form is the acronym's actor (a
    /// learned mention), or a new actor (rule `acronym`) when neither is known.
    fn long_then_acronym(
        &self,
        toks: &[Tok],
        i: usize,
        learned: &mut Vec<Learned>,
        found: &mut Found,
        actors: &mut BTreeMap<String, Discovered>,
    ) {
        let text = self.doc.text;
        let inner_text = &text[toks[i + 1].start..toks[i + 1].end];
        let before_end = toks[i - 1].end;
        let acr_m = self.mention_at(toks[i + 1].start, toks[i + 1].end);
        let prev_m = self.ending_at(before_end);
        match (prev_m, acr_m) {
            (Some(p), None) => learned.push((inner_text.to_string(), p.actor.to_string(), true)),
            (None, acr) => {
                let Some(ls) = long_form_start(
                    text,
                    &toks[..i],
                    self.doc.mix,
                    &|s, e| self.phrase_is(s, e, &Tag::OrgHead),
                    &|s, e| self.phrase_is(s, e, &Tag::Coord),
                    &long_form_connector,
                    inner_text,
                ) else {
                    return;
                };
                let long = text[ls..before_end].to_string();
                match acr {
                    Some(a) => {
                        found.replaced.push((ls, before_end));
                        found.mentions.push(Mention {
                            start: ls,
                            end: before_end,
                            actor: a.actor.clone(),
                            alias: long.as_str().into(),
                            how: How::Learned,
                            genitive: false,
                        });
                        learned.push((long, a.actor.to_string(), false));
                    }
                    None => {
                        let kind = match self.lexicon.type_for(&long) {
                            Some("none") => return,
                            Some(t) => ActorType::parse(t).unwrap_or(ActorType::Organization),
                            None if capitalized(&long) => ActorType::Organization,
                            None => return,
                        };
                        let id = format!("x-{}", slug(inner_text));
                        found.replaced.push((ls, before_end));
                        found.mentions.push(discovered_mention(
                            ls,
                            before_end,
                            id.as_str().into(),
                            long.as_str().into(),
                            false,
                        ));
                        learned.push((long.clone(), id.clone(), false));
                        learned.push((inner_text.to_string(), id.clone(), true));
                        actors.entry(id.clone()).or_insert(Discovered {
                            id,
                            kind,
                            name: normalize_ws(&long),
                            aliases: vec![inner_text.to_string()],
                            rule: "acronym",
                        });
                    }
                }
            }
            _ => {}
        }
    }

    /// "ACR (Long Name)", the "(" at token `i` and the long name at `inner`:
    /// whichever of the two is a known actor's teaches the other.
    fn acronym_then_long(
        &self,
        toks: &[Tok],
        i: usize,
        inner: (usize, usize),
        learned: &mut Vec<Learned>,
    ) {
        let text = self.doc.text;
        let inner_text = &text[inner.0..inner.1];
        let prev = &text[toks[i - 1].start..toks[i - 1].end];
        if !looks_like_acronym(prev) {
            return;
        }
        let inner_m = self
            .doc
            .mix
            .starting_at(inner.0)
            .map(|k| &self.doc.mentions[k])
            .find(|m| m.end >= inner.1);
        let prev_m = self.mention_at(toks[i - 1].start, toks[i - 1].end);
        match (prev_m, inner_m) {
            (Some(p), None) => learned.push((inner_text.to_string(), p.actor.to_string(), false)),
            (None, Some(m)) => learned.push((prev.to_string(), m.actor.to_string(), true)),
            _ => {}
        }
    }
}

/// Makes every occurrence of a learned form that no mention covers a
/// mention; gives the spans of `found.mentions`.
fn learned_mentions(
    text: &str,
    folded: &str,
    mix: &SpanIndex,
    mut learned: Vec<Learned>,
    found: &mut Found,
) -> SpanSet {
    // every later occurrence of a learned form (once each: a form learned
    // again finds nothing new, each of its occurrences being covered by then)
    let mut seen = FxHashSet::default();
    learned.retain(|l| seen.insert(l.clone()));
    let mut taken = SpanSet::default();
    for m in &found.mentions {
        taken.insert(m.start, m.end);
    }
    let covered = |s: usize, e: usize, taken: &SpanSet| {
        mix.first_overlapping(s, e).is_some() || taken.overlaps(s, e)
    };
    let forms_of = |exact: bool| -> Vec<&str> {
        learned
            .iter()
            .filter(|l| l.2 == exact)
            .map(|l| l.0.as_str())
            .collect()
    };
    let mut exact_hits = find_all(text, None, &forms_of(true)).into_iter();
    let mut folded_hits = find_all(text, Some(folded), &forms_of(false)).into_iter();
    for (surface, actor, exact) in &learned {
        let hits = if *exact {
            exact_hits.next()
        } else {
            folded_hits.next()
        };
        let alias: std::sync::Arc<str> = surface.as_str().into();
        let actor_id: std::sync::Arc<str> = actor.as_str().into();
        for (s, e, genitive) in hits.unwrap_or_default() {
            if !covered(s, e, &taken) {
                taken.insert(s, e);
                let how = if actor.starts_with("x-") {
                    How::Discovered
                } else {
                    How::Learned
                };
                found.mentions.push(Mention {
                    start: s,
                    end: e,
                    actor: actor_id.clone(),
                    alias: alias.clone(),
                    how,
                    genitive,
                });
            }
        }
    }
    taken
}

/// A word of the rules that ends a name: a relation word, a verb, a comment.
fn rule_tag(g: &Tag) -> bool {
    matches!(
        g,
        Tag::Coord
            | Tag::With
            | Tag::Between
            | Tag::By
            | Tag::OnBehalf
            | Tag::NotParty
            | Tag::Status(_)
            | Tag::AgreementVerb { .. }
            | Tag::Passive
            | Tag::Comment
            | Tag::Which
    )
}

/// Names in the party slots of a sentence that states an agreement (an
/// agreement noun or verb and a status): a run of capitalised words (digits
/// may follow: "Agtech 2030") right after `with`/`between`/`med`/`mellan`,
/// coordinated with an actor ("Lidköping och Rockford slöt"), in a list of
/// actors, or right before the status verb ("Utico signed"). Each becomes an
/// actor (type from cue words in the name, else organisation; rule `party`).
///
/// `ix`: the span indexes of the gazetteer mentions and of `phrases`;
/// `taken`: the spans of `found.mentions`.
#[allow(clippy::too_many_arguments)]
fn discover_parties(
    text: &str,
    sentences: &[(usize, usize)],
    (mentions, kind_of): (&[Mention], KindOf<'_>),
    phrases: &[PhraseMatch],
    (mix, pix): (&SpanIndex, &SpanIndex),
    lexicon: &Lexicon,
    found: &mut Found,
    taken: &mut SpanSet,
    actors: &mut BTreeMap<String, Discovered>,
) {
    let scan = PartyScan {
        doc: DocView {
            text,
            mentions,
            phrases,
            mix,
            pix,
        },
        sentences,
        kind_of,
        lexicon,
        forms: &lexicon.forms,
        ends: first_by_end(phrases.iter().map(|p| p.end)),
        taken,
    };
    let mut finds = PartyFinds {
        names: Vec::new(),
        slots: Vec::new(),
        inside_memo: FxHashMap::default(),
        by_name: scan.known_names(actors),
    };
    for (ss, se) in sentences.iter().copied() {
        scan.sentence_parties(ss, se, &mut finds, found, actors);
    }
    let PartyFinds {
        mut names, slots, ..
    } = finds;
    for m in slots {
        taken.insert(m.start, m.end);
        found.mentions.push(m);
    }
    // every occurrence of each name
    let mut seen = FxHashSet::default();
    names.retain(|n| seen.insert(n.clone()));
    let needles: Vec<&str> = names.iter().map(|n| n.0.as_str()).collect();
    for ((name, id), hits) in names.iter().zip(find_all(text, None, &needles)) {
        let alias: std::sync::Arc<str> = name.as_str().into();
        let actor: std::sync::Arc<str> = id.as_str().into();
        for (s, e, g) in hits {
            if mix.first_overlapping(s, e).is_none() && !taken.overlaps(s, e) {
                found.push_discovered(taken, (s, e, g), &actor, &alias);
            }
        }
    }
}

/// What the party rules read: the text and its sentences, the gazetteer's
/// mentions, the lexicon's phrases, their indexes, and the spans of the
/// mentions found before (which do not grow while sentences are read).
struct PartyScan<'a> {
    doc: DocView<'a>,
    sentences: &'a [(usize, usize)],
    kind_of: KindOf<'a>,
    lexicon: &'a Lexicon,
    forms: &'a Forms,
    /// For each end, the first phrase that ends there.
    ends: FxHashMap<usize, usize>,
    taken: &'a SpanSet,
}

/// What the party rules gather over the sentences.
struct PartyFinds<'a> {
    /// (name, id) of each party named, to find again.
    names: Vec<(String, String)>,
    /// The mentions in the party slots.
    slots: Vec<Mention>,
    /// named_inside reads the whole text: once per word, not once per sentence
    inside_memo: FxHashMap<&'a str, bool>,
    /// (name, id) of the non-person actors discovered so far, for "a short form
    /// of a name discovered in full" without scanning every actor per name
    /// (and of the gazetteer's actors named in the document, as written:
    /// "RZ" after "RZ Resources", "JX" after "JX Advanced Metals")
    by_name: BTreeSet<(String, String)>,
}

impl<'a> PartyScan<'a> {
    /// Whether a phrase starting at `s` has a tag for which `f` holds.
    fn tagged_at(&self, s: usize, f: &dyn Fn(&Tag) -> bool) -> bool {
        self.doc
            .pix
            .starting_at(s)
            .any(|i| self.doc.phrases[i].tags.iter().any(f))
    }

    /// Whether the first phrase ending at `e` has a tag for which `f` holds.
    fn tagged_ending(&self, e: usize, f: &dyn Fn(&Tag) -> bool) -> bool {
        self.ends
            .get(&e)
            .is_some_and(|&i| self.doc.phrases[i].tags.iter().any(f))
    }

    /// The starting set of `by_name` (see `PartyFinds`): the non-person
    /// actors in `actors` and the gazetteer's actors named in the document.
    fn known_names(&self, actors: &BTreeMap<String, Discovered>) -> BTreeSet<(String, String)> {
        actors
            .values()
            .filter(|d| d.kind != ActorType::Person)
            .map(|d| (d.name.clone(), d.id.clone()))
            .chain(
                self.doc
                    .mentions
                    .iter()
                    .filter(|m| !is_place(self.kind_of, &m.actor))
                    .map(|m| {
                        let w = &self.doc.text[m.start..m.end];
                        let bare = if m.genitive {
                            &w[..w.len() - genitive_suffix(w)]
                        } else {
                            w
                        };
                        (normalize_ws(bare), m.actor.to_string())
                    }),
            )
            .collect()
    }

    /// Whether the sentence `ss..se` states an agreement: an agreement noun
    /// or verb and a status, and no negation.
    fn states_agreement(&self, ss: usize, se: usize) -> bool {
        let phrases = self.doc.phrases;
        let from = phrases.partition_point(|p| p.start < ss);
        let here = || phrases[from..].iter().take_while(|p| p.start < se);
        let agreement = here().any(|p| {
            p.tags
                .iter()
                .any(|t| matches!(t, Tag::Agreement { .. } | Tag::AgreementVerb { .. }))
        });
        let status = here().any(|p| {
            p.tags
                .iter()
                .any(|t| matches!(t, Tag::Status(_) | Tag::AgreementVerb { .. }))
        });
        let negated = here().any(|p| p.tags.contains(&Tag::Negation));
        agreement && status && !negated
    }

    /// Finds the parties named in the sentence `ss..se` when it states an
    /// agreement: each name in a party slot is an actor, a slot mention and
    /// a name to find again.
    fn sentence_parties(
        &self,
        ss: usize,
        se: usize,
        finds: &mut PartyFinds<'a>,
        found: &mut Found,
        actors: &mut BTreeMap<String, Discovered>,
    ) {
        if !self.states_agreement(ss, se) {
            return;
        }
        let toks = tokens(self.doc.text, ss, se);
        // in a heading in title case ("X Signs Pact With Norwegian Owner")
        // capitals say nothing about names
        if title_case(self.doc.text, &toks) {
            return;
        }
        let runs = self.name_runs(&toks);
        for &(i, j) in &runs {
            let j = self.end_at_place(&toks, j);
            if !self.name_may_end(&toks, j) || self.in_complement(&toks, i) {
                continue;
            }
            if self.lone_opener(&toks, &runs, (i, j), &mut finds.inside_memo) {
                continue;
            }
            let i = self.start_at_known(&toks, i);
            if !(self.slot_before(&toks, &runs, (i, j)) || self.slot_after(&toks, &runs, j)) {
                continue;
            }
            self.add_party(&toks, (i, j), finds, found, actors);
        }
    }

    /// Whether a mention (of the gazetteer or found before) overlaps token `t`.
    fn known(&self, t: &Tok) -> bool {
        self.doc.mix.first_overlapping(t.start, t.end).is_some()
            || self.taken.overlaps(t.start, t.end)
    }

    /// Whether token `t` overlaps a rule word (not a topic or kind cue:
    /// "Energy" may be part of a name).
    fn lex(&self, t: &Tok) -> bool {
        self.doc
            .pix
            .starting_in(t.start.saturating_sub(40), t.end)
            .any(|q| {
                let p = &self.doc.phrases[q];
                p.start < t.end
                    && t.start < p.end
                    && p.tags
                        .iter()
                        .any(|g| !matches!(g, Tag::Topic(_) | Tag::KindCue(_)))
            })
    }

    /// Whether token `t` may open a name: a capitalised word, no genitive, no
    /// word of `not_names`, no rule word and in no mention.
    fn first_word(&self, t: &Tok) -> bool {
        let w = self.doc.word(t);
        t.word
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_alphabetic)
            && genitive_suffix(w) == 0
            && !self.forms.not_name(w)
            && !self.lex(t)
            && !self.known(t)
    }

    /// Whether token `t` may go on a name: as it may open one, or a number of
    /// up to four digits.
    fn more_word(&self, t: &Tok) -> bool {
        let w = self.doc.word(t);
        self.first_word(t) || (t.word && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
    }

    /// A word after a name that lets it end there: punctuation, an actor,
    /// a rule word that is no noun ("and", "with", "signed", "in"), or a
    /// function word in lower case ("with X on hydrogen").
    fn ender(&self, t: &Tok) -> bool {
        !t.word
            || self.known(t)
            || (!capitalized(self.doc.word(t)) && self.forms.not_name(self.doc.word(t)))
            || self.tagged_at(t.start, &|g| rule_tag(g))
    }

    /// Whether token `t` coordinates: a comma or a coordinating word.
    fn is_coord(&self, t: &Tok) -> bool {
        self.doc.word(t) == "," || self.tagged_at(t.start, &|g| *g == Tag::Coord)
    }

    /// Whether an actor (known or a run) starts at token `k`.
    fn actor_starts(&self, toks: &[Tok], runs: &[(usize, usize)], k: usize) -> bool {
        k < toks.len() && (self.known(&toks[k]) || runs.iter().any(|r| r.0 == k))
    }

    /// Whether an actor (known or a run) ends at token `k`.
    fn actor_ends(&self, toks: &[Tok], runs: &[(usize, usize)], k: usize) -> bool {
        self.known(&toks[k]) || runs.iter().any(|r| r.1 == k + 1)
    }

    /// The runs of name words: (first token, one past the last), up to five
    /// tokens each.
    fn name_runs(&self, toks: &[Tok]) -> Vec<(usize, usize)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !self.first_word(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && j - i < 5 {
                if self.more_word(&toks[j]) {
                    j += 1;
                } else if j + 1 < toks.len()
                    && toks[j].word
                    && self.known(&toks[j])
                    && !self.taken.overlaps(toks[j].start, toks[j].end)
                    && self.first_word(&toks[j + 1])
                {
                    // a known word inside a longer name: "Amarenco MENA Services"
                    j += 2;
                } else if j + 1 < toks.len()
                    && self.forms.is_connector(self.doc.word(&toks[j]))
                    && self.first_word(&toks[j + 1])
                {
                    // "Port of Shenzhen"
                    j += 2;
                } else {
                    break;
                }
            }
            runs.push((i, j));
            i = j;
        }
        runs
    }

    /// The end of a run that ends at token `j`, past a place that joins it.
    fn end_at_place(&self, toks: &[Tok], j: usize) -> usize {
        // "H2 Energy Europe", "Acme Mining Chile": a country or region right
        // after a run, and nothing more of a name after it, ends the name
        // (a company's arm there; the `subsidiary` rule's form)
        let place = toks
            .get(j)
            .filter(|t| t.word && &self.doc.text[toks[j - 1].end..t.start] == " ")
            .and_then(|t| place_at(t, (self.doc.mentions, self.kind_of), self.doc.mix));
        match place {
            Some(m) => {
                let after = toks.partition_point(|t| t.start < m.end);
                if after == toks.len() || (self.ender(&toks[after]) && !self.known(&toks[after])) {
                    after
                } else {
                    j
                }
            }
            None => j,
        }
    }

    /// Whether a name may end before token `j`: what follows ends it, and
    /// the run is no adjective, no word before a name, no word describing one.
    fn name_may_end(&self, toks: &[Tok], j: usize) -> bool {
        let word = |t: &Tok| self.doc.word(t);
        // what follows ends a name: punctuation, a rule word or an actor
        let ends_ok = j == toks.len() || self.ender(&toks[j]);
        // an adjective coordinated with another: "the Polish and Swedish industries"
        let adjective = j + 2 < toks.len()
            && self.is_coord(&toks[j])
            && capitalized(word(&toks[j + 1]))
            && !self.known(&toks[j + 1])
            && toks[j + 2].word
            && !capitalized(word(&toks[j + 2]))
            && !self.ender(&toks[j + 2]);
        // "Korean East-West Power (EWP)": a word before a name is part of it
        let prefix = j < toks.len() && toks[j].word && self.known(&toks[j]);
        // "Zambian state miner ZCCM", "Swedish state utility Vattenfall": a
        // word before lower-case descriptor words and an actor describes it
        let describes = {
            let lower = |t: &Tok| {
                t.word && !capitalized(word(t)) && !self.tagged_at(t.start, &|g| rule_tag(g))
            };
            let k = (j..toks.len().min(j + 4))
                .find(|&k| !lower(&toks[k]))
                .unwrap_or(toks.len());
            k > j
                && k < toks.len()
                && (self.known(&toks[k]) || self.taken.overlaps(toks[k].start, toks[k].end))
        };
        ends_ok && !adjective && !prefix && !describes
    }

    /// Whether the run from token `i` is the complement of a word before it
    /// (or one of a list of them), which is no name of its own.
    fn in_complement(&self, toks: &[Tok], i: usize) -> bool {
        let word = |t: &Tok| self.doc.word(t);
        // "Minister of Mining signed", "Region Skåne i Malmö": the
        // complement of a word before is no name of its own
        if i >= 2
            && self.forms.is_connector(word(&toks[i - 1]))
            && toks[i - 2].word
            && capitalized(word(&toks[i - 2]))
        {
            return true;
        }
        // ... and so are the words listed after a role's: "Minister for
        // Energy, Business and Industry Ebba Busch signed"
        let mut k = i;
        while k >= 2
            && (word(&toks[k - 1]) == "," || self.is_coord(&toks[k - 1]))
            && toks[k - 2].word
            && capitalized(word(&toks[k - 2]))
        {
            k -= 2;
        }
        // (the word before the connector is a role: a title)
        k < i
            && k >= 2
            && self.forms.is_connector(word(&toks[k - 1]))
            && toks[k - 2].word
            && self.tagged_at(toks[k - 2].start, &|g| matches!(g, Tag::Role))
    }

    /// Whether the run `i..j` is one plain word opening the sentence that
    /// the text gives no other reason to take for a name.
    fn lone_opener(
        &self,
        toks: &[Tok],
        runs: &[(usize, usize)],
        (i, j): (usize, usize),
        inside_memo: &mut FxHashMap<&'a str, bool>,
    ) -> bool {
        // "Officials signed", "Kommunen har tecknat": one word opening the
        // sentence is a name only if the text also writes it so inside one,
        // or coordinates it with another ("Madrid and Lisbon signed")
        let opens = toks[..i].iter().all(|t| !t.word);
        let coordinated = j + 1 < toks.len()
            && self.doc.word(&toks[j]) != ","
            && self.is_coord(&toks[j])
            && self.actor_starts(toks, runs, j + 1);
        opens
            && j == i + 1
            && !coordinated
            && plain_word(self.doc.word(&toks[i]))
            && !*inside_memo
                .entry(self.doc.word(&toks[i]))
                .or_insert_with(|| {
                    named_inside(self.doc.text, self.sentences, self.doc.word(&toks[i]))
                })
    }

    /// The first token of a name whose run starts at token `i`.
    fn start_at_known(&self, toks: &[Tok], i: usize) -> usize {
        // "Vodafone Idea", "Taiwan Power": a known name right before the
        // run starts a longer name
        match i.checked_sub(1).map(|p| (p, &toks[p])) {
            Some((p, t))
                if t.word
                    && !self.taken.overlaps(t.start, t.end)
                    && self.doc.text[t.end..toks[i].start]
                        .chars()
                        .all(char::is_whitespace) =>
            {
                self.doc
                    .mix
                    .first_holding(t.start, t.end)
                    .map(|k| &self.doc.mentions[k])
                    .filter(|m| m.end == t.end && !m.genitive)
                    .and_then(|m| toks[..=p].iter().position(|x| x.start == m.start))
                    .unwrap_or(i)
            }
            _ => i,
        }
    }

    /// Whether `with`/`between`/`med`/`mellan` ends at token k
    /// (or a phrase ending in one: "has partnered with Zorbo").
    fn relation(&self, toks: &[Tok], k: usize) -> bool {
        self.tagged_ending(toks[k].end, &|g| matches!(g, Tag::With | Tag::Between))
            || self.ends.get(&toks[k].end).is_some_and(|&q| {
                let p = &self.doc.phrases[q];
                crate::lexicon::ends_in_with(&self.doc.text[p.start..p.end])
                    && !p.tags.contains(&Tag::NotParty)
            })
    }

    /// Whether a party slot opens before the name `i..j`: a relation word
    /// (with one lower-case word after it), or a list of actors after one.
    fn slot_before(&self, toks: &[Tok], runs: &[(usize, usize)], (i, j): (usize, usize)) -> bool {
        // "med finska Vaasan Sähkö", "with state-owned Ruhr Gas": one
        // lower-case word between the relation word and the name
        let adjective_slot = i >= 2 && {
            let a = &toks[i - 1];
            a.word
                && !self.lex(a)
                && self
                    .doc
                    .word(a)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && self.relation(toks, i - 2)
        };
        i > 0 && {
            let p = &toks[i - 1];
            adjective_slot
                || self.relation(toks, i - 1)
                || (self.is_coord(p) && i >= 2 && self.actor_ends(toks, runs, i - 2) && {
                    // a list: "with A, B and C", "mellan A, B och C"
                    let mut k = i - 2;
                    while k > 0 && !(toks[k].word && self.relation(toks, k)) && i - k < 24 {
                        k -= 1;
                    }
                    self.relation(toks, k)
                        || (j < toks.len()
                            && self.tagged_at(toks[j].start, &|g| {
                                matches!(g, Tag::Status(_) | Tag::AgreementVerb { .. })
                            }))
                })
        }
    }

    /// Whether the name ending before token `j` is in a party slot by what
    /// follows: the status verb, or a coordinated actor before it.
    fn slot_after(&self, toks: &[Tok], runs: &[(usize, usize)], j: usize) -> bool {
        j < toks.len() && {
            let n = &toks[j];
            // "X signed", but not "Redan 2018 undertecknade EU": an actor
            // right after the verb is its subject
            let verb = self.doc.pix.starting_at(n.start).find(|&q| {
                self.doc.phrases[q]
                    .tags
                    .iter()
                    .any(|g| matches!(g, Tag::Status(_) | Tag::AgreementVerb { .. }))
            });
            verb.is_some_and(|q| {
                let e = self.doc.phrases[q].end;
                let k = toks.partition_point(|t| t.start < e);
                !self.actor_starts(toks, runs, k)
            }) || (self.is_coord(n) && self.doc.word(n) != "," && {
                // "A och [norska] B skrev under"
                let mut k = j + 1;
                if k < toks.len()
                    && toks[k].word
                    && !self.lex(&toks[k])
                    && !capitalized(self.doc.word(&toks[k]))
                {
                    k += 1;
                }
                self.actor_starts(toks, runs, k) && {
                    let end = runs.iter().find(|r| r.0 == k).map_or(k + 1, |r| r.1);
                    (end..toks.len().min(end + 4)).any(|q| {
                        self.tagged_at(toks[q].start, &|g| {
                            matches!(g, Tag::Status(_) | Tag::AgreementVerb { .. })
                        })
                    })
                }
            })
        }
    }

    /// Records the party named by tokens `i..j`: a slot mention (of a place
    /// when the name is one in a country), and the actor it names.
    fn add_party(
        &self,
        toks: &[Tok],
        (i, j): (usize, usize),
        finds: &mut PartyFinds<'a>,
        found: &mut Found,
        actors: &mut BTreeMap<String, Discovered>,
    ) {
        let (s, e) = (toks[i].start, toks[j - 1].end);
        let name = normalize_ws(&self.doc.text[s..e]);
        // "med Midwest, USA.", "with Rockford, Illinois.": a name with no
        // cue to its type and a country after a comma that ends the
        // clause is a place in that country, which is the party: the
        // whole apposition names the country
        // (", and" is one phrase: its "and" ends a coordination)
        let coord = |t: &Tok| self.is_coord(t) || self.tagged_ending(t.end, &|g| *g == Tag::Coord);
        if self.lexicon.type_for(&name).is_none() {
            let actors_here = (self.doc.mentions, self.kind_of);
            if let Some(m) =
                place_follows(self.doc.text, toks, j, actors_here, self.doc.mix, &coord)
            {
                found.replaced.push((m.start, m.end));
                finds.slots.push(Mention {
                    start: s,
                    ..m.clone()
                });
                return;
            }
        }
        // a legal form alone ("AB" of "Northvolt Ett AB", "Ltd" of
        // "Panasonic Energy Co., Ltd.") is the tail of a name, never one
        if self.forms.is_legal(&name) || self.forms.is_legal(&format!("{name}.")) {
            return;
        }
        // a name joined by a hyphen to a lower-case word is a compound
        // common noun or adjective ("Yeezy-skorna", "Tesla-fabriken",
        // "Volvo-owned"), not a name
        if lower_compound_tail(&name) {
            return;
        }
        // an adjective of nationality alone ("the Company's Ghanaian
        // interests") is no name
        if self.lexicon.demonyms.contains_key(&fold(&name)) {
            return;
        }
        let kind = match self.lexicon.type_for(&name) {
            Some("none") => return,
            Some(t) => ActorType::parse(t).unwrap_or(ActorType::Organization),
            None => ActorType::Organization,
        };
        let Some(id) = party_id(&name, kind, &mut finds.by_name, actors) else {
            return;
        };
        for m in self
            .doc
            .mix
            .starting_in(s, e)
            .map(|k| &self.doc.mentions[k])
        {
            if m.end <= e {
                found.replaced.push((m.start, m.end));
            }
        }
        finds.slots.push(discovered_mention(
            s,
            e,
            id.as_str().into(),
            name.as_str().into(),
            false,
        ));
        finds.names.push((name, id));
    }
}

/// The id of the party `name`: a short form of a name discovered in full
/// ("Qingdao Jinhui" of "Qingdao Jinhui Graphite") is that actor, else the
/// party is a new actor of `kind` (rule `party`). `None` for a name with no slug.
fn party_id(
    name: &str,
    kind: ActorType,
    by_name: &mut BTreeSet<(String, String)>,
    actors: &mut BTreeMap<String, Discovered>,
) -> Option<String> {
    let prefix = format!("{name} ");
    let longer = by_name
        .range((prefix.clone(), String::new())..)
        .take_while(|(n, _)| n.starts_with(&prefix))
        .map(|(_, id)| id)
        .min()
        .cloned();
    if longer.is_some() {
        return longer;
    }
    let id = format!("x-{}", slug(name));
    if id == "x-" {
        return None;
    }
    if let std::collections::btree_map::Entry::Vacant(v) = actors.entry(id.clone()) {
        if kind != ActorType::Person {
            by_name.insert((name.to_string(), id.clone()));
        }
        v.insert(Discovered {
            id: id.clone(),
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            rule: "party",
        });
    }
    Some(id)
}

/// Whether `name` ends in a hyphen and a lower-case word of three letters or
/// more ("Yeezy-skorna"; not "Mercedes-Benz", "Wal-Mart", "e-on").
fn lower_compound_tail(name: &str) -> bool {
    name.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty()
            && tail.chars().next().is_some_and(char::is_lowercase)
            && tail.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && tail.chars().all(char::is_alphabetic)
    })
}

/// Whether a sentence is a heading in title case: three or more words of five
/// letters or more, none of them in lower case.
fn title_case(text: &str, toks: &[Tok]) -> bool {
    let (mut upper, mut lower) = (0, 0);
    for t in toks.iter().filter(|t| t.word) {
        let w = &text[t.start..t.end];
        if w.chars().count() < 5 || !w.chars().all(char::is_alphabetic) {
            continue;
        }
        if capitalized(w) {
            upper += 1;
        } else {
            lower += 1;
        }
    }
    upper >= 3 && lower == 0
}

/// A capitalised word with no other capital and no digit ("Officials",
/// "Kommunen"; not "MENA", "McKay", "H2").
fn plain_word(w: &str) -> bool {
    w.chars()
        .skip(1)
        .all(|c| c.is_alphabetic() && !c.is_uppercase())
}

/// Whether `w` is written with its capital somewhere after the first word of a
/// sentence or opens two sentences or more, and is nowhere written with a
/// lower-case initial ("kommunen").
fn named_inside(text: &str, sentences: &[(usize, usize)], w: &str) -> bool {
    let bounded = |s: usize, e: usize| {
        !text[..s].chars().next_back().is_some_and(is_word_char)
            && !text[e..].chars().next().is_some_and(is_word_char)
    };
    let mut cs = w.chars();
    let lower: String = cs
        .next()
        .into_iter()
        .flat_map(char::to_lowercase)
        .chain(cs)
        .collect();
    if text
        .match_indices(lower.as_str())
        .any(|(s, _)| bounded(s, s + lower.len()))
    {
        return false;
    }
    let mut opening = 0;
    for (s, _) in text.match_indices(w) {
        if !bounded(s, s + w.len()) {
            continue;
        }
        let k = sentences.partition_point(|sp| sp.1 <= s);
        let inside = sentences
            .get(k)
            .is_some_and(|&(ss, _)| ss <= s && text[ss..s].chars().any(is_word_char));
        opening += usize::from(!inside);
        if inside || opening >= 2 {
            return true;
        }
    }
    false
}

/// The mention of a country or region that starts at token `t`, in the nominative.
fn place_at<'m>(
    t: &Tok,
    (mentions, kind_of): (&'m [Mention], KindOf<'_>),
    mix: &SpanIndex,
) -> Option<&'m Mention> {
    mix.first_holding(t.start, t.end)
        .map(|k| &mentions[k])
        .filter(|m| m.start == t.start && !m.genitive && is_place(kind_of, &m.actor))
}

/// The country or region after token `j` when `j` is a comma and the end of
/// the sentence or of the clause follows the place: a stop, a semicolon, a
/// dash, or a comma before a word in lower case. A word or a name after it
/// may go on a list ("with Acme, Norway and Sweden"); `coord` says which
/// tokens coordinate.
fn place_follows<'m>(
    text: &str,
    toks: &[Tok],
    j: usize,
    actors: (&'m [Mention], KindOf<'_>),
    mix: &SpanIndex,
    coord: &dyn Fn(&Tok) -> bool,
) -> Option<&'m Mention> {
    let word = |k: usize| toks.get(k).map(|t| &text[t.start..t.end]);
    if word(j) != Some(",") {
        return None;
    }
    place_at(toks.get(j + 1)?, actors, mix).filter(|m| {
        let after = toks.partition_point(|t| t.start < m.end);
        match word(after) {
            None | Some("." | ";" | "–" | "—" | "!" | "?") => true,
            // "with Queensland, Australia, on minerals"; not "with A,
            // Norway, and Sweden" nor "with A, Norway, Sweden"
            Some(",") => toks
                .get(after + 1)
                .is_some_and(|t| t.word && !capitalized(&text[t.start..t.end]) && !coord(t)),
            _ => false,
        }
    })
}

/// For each end, the index of the first span (in order) that ends there.
fn first_by_end(ends: impl Iterator<Item = usize>) -> FxHashMap<usize, usize> {
    let mut out = FxHashMap::default();
    for (i, e) in ends.enumerate() {
        out.entry(e).or_insert(i);
    }
    out
}

/// The byte length of a genitive ending ("'s", "’s", ":s" or a bare "'"),
/// 0 when `w` has none; cut at it, a name keeps whole characters.
pub(crate) fn genitive_suffix(w: &str) -> usize {
    ["'s", "’s", ":s", "'"]
        .iter()
        .find(|g| w.ends_with(*g))
        .map_or(0, |g| g.len())
}

fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the long form of an acronym starts, scanning back from the `(`.
#[allow(clippy::too_many_arguments)]
fn long_form_start(
    text: &str,
    toks: &[Tok],
    mentions: &SpanIndex,
    is_head: &dyn Fn(usize, usize) -> bool,
    is_coord: &dyn Fn(usize, usize) -> bool,
    connector: &dyn Fn(&str) -> bool,
    acronym: &str,
) -> Option<usize> {
    let in_mention = |t: &Tok| mentions.first_holding(t.start, t.end).is_some();
    let first = acronym.chars().next()?.to_lowercase().next()?;
    // 1. a run of capitalised words and connectors whose first word starts like the acronym
    let mut run: Vec<&Tok> = Vec::new();
    for t in toks.iter().rev() {
        let w = &text[t.start..t.end];
        if in_mention(t) {
            break;
        }
        if (t.word && (capitalized(w) || connector(w))) || w == "," {
            run.push(t);
        } else {
            break;
        }
    }
    run.reverse();
    while let Some(t) = run.first() {
        let w = &text[t.start..t.end];
        let starts = w.chars().next().and_then(|c| c.to_lowercase().next()) == Some(first);
        if t.word && capitalized(w) && starts {
            break;
        }
        run.remove(0);
    }
    if run
        .iter()
        .filter(|t| capitalized(&text[t.start..t.end]))
        .count()
        >= 2
    {
        return Some(run[0].start);
    }
    // 2. back to the leftmost organisation head noun ("ministerium för ekonomi ...")
    let mut head = None;
    for (k, t) in toks.iter().enumerate().rev().take(14) {
        let w = &text[t.start..t.end];
        if !t.word && w != "," && w != "-" {
            break;
        }
        if in_mention(t) {
            if head.is_some() {
                break;
            }
            continue;
        }
        if is_coord(t.start, t.end) && k > 0 && in_mention(&toks[k - 1]) {
            break;
        }
        if is_head(t.start, t.end) {
            head = Some(t.start);
        }
    }
    head
}

/// Records a person found by context (a role, an apposition, a verb): its
/// name for the mention search, and the actor with its surname as an alias.
fn add_person(
    name: String,
    names: &mut Vec<String>,
    named: &mut FxHashSet<String>,
    actors: &mut BTreeMap<String, Discovered>,
) {
    if named.insert(name.clone()) {
        names.push(name.clone());
    }
    let id = format!("x-{}", slug(&name));
    let surname = name.split(' ').next_back().unwrap_or("").to_string();
    actors.entry(id.clone()).or_insert(Discovered {
        id,
        kind: ActorType::Person,
        name,
        aliases: vec![surname],
        rule: "person_context",
    });
}

/// People named next to a role, in an apposition with a role, or before a
/// signing or speaking verb: each becomes a person actor (rule
/// `person_context`), found again by full name and, after that, by surname.
///
/// `ix`: the span indexes of `mentions` and `phrases`; `taken`: the spans of
/// `found.mentions`.
#[allow(clippy::too_many_arguments)]
fn discover_people(
    text: &str,
    sentences: &[(usize, usize)],
    mentions: &[Mention],
    phrases: &[PhraseMatch],
    (mix, pix): (&SpanIndex, &SpanIndex),
    forms: &Forms,
    found: &mut Found,
    taken: &mut SpanSet,
    actors: &mut BTreeMap<String, Discovered>,
) {
    let scan = PeopleScan {
        doc: DocView {
            text,
            mentions,
            phrases,
            mix,
            pix,
        },
        forms,
        ends: first_by_end(phrases.iter().map(|p| p.end)),
    };
    let mut names: Vec<String> = Vec::new();
    let mut named: FxHashSet<String> = FxHashSet::default();
    for (ss, se) in sentences.iter().copied() {
        if !scan.has_cue(ss, se) {
            continue;
        }
        let toks = tokens(text, ss, se);
        for name in scan.names_after_complement(&toks, taken) {
            add_person(name, &mut names, &mut named, actors);
        }
        for name in scan.names_in_context((ss, se), &toks, taken) {
            add_person(name, &mut names, &mut named, actors);
        }
    }
    scan.person_mentions(&names, found, taken);
}

/// A word of a person's full name found by its context.
fn person_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        // "Anna", "Lind-Berg", "Jae-Heon", "O'Neil", "B'Hamel"
        && w.split(['-', '\'', '’']).all(|part| {
            let mut cs = part.chars();
            cs.next().is_some_and(char::is_alphabetic) && cs.all(char::is_lowercase)
        })
        && !w.contains(':')
}

/// What the people rules read: the text, the gazetteer's mentions and the
/// lexicon's phrases, with their indexes.
struct PeopleScan<'a> {
    doc: DocView<'a>,
    forms: &'a Forms,
    /// For each end, the first phrase that ends there.
    ends: FxHashMap<usize, usize>,
}

impl<'a> PeopleScan<'a> {
    /// The first phrase that starts at `s`.
    fn phrase_at(&self, s: usize) -> Option<&'a PhraseMatch> {
        self.doc
            .pix
            .starting_at(s)
            .next()
            .map(|i| &self.doc.phrases[i])
    }

    /// The first phrase that ends at `e`.
    fn phrase_ending(&self, e: usize) -> Option<&'a PhraseMatch> {
        self.ends.get(&e).map(|&i| &self.doc.phrases[i])
    }

    /// Whether a phrase holds token `t`.
    fn is_lex(&self, t: &Tok) -> bool {
        self.doc.pix.first_holding(t.start, t.end).is_some()
    }

    /// Whether a gazetteer mention or a span of `taken` overlaps `s..e`.
    fn in_mention(&self, s: usize, e: usize, taken: &SpanSet) -> bool {
        self.doc.mix.first_overlapping(s, e).is_some() || taken.overlaps(s, e)
    }

    /// Whether the sentence `ss..se` may name a person: it has a genitive
    /// mention, a role word, or a signing or speaking verb.
    fn has_cue(&self, ss: usize, se: usize) -> bool {
        let (mentions, phrases) = (self.doc.mentions, self.doc.phrases);
        // a person is recognised by a role word, an apposition with a role, or a
        // signing or speaking verb: sentences with none of these are skipped
        let cue = |p: &PhraseMatch| {
            p.tags
                .iter()
                .any(|t| matches!(t, Tag::Role | Tag::Status(_) | Tag::Comment))
        };
        let from = phrases.partition_point(|p| p.start < ss);
        let genitive = mentions
            .iter()
            .skip(mentions.partition_point(|m| m.start < ss))
            .take_while(|m| m.start < se)
            .any(|m| m.genitive);
        genitive || phrases[from..].iter().take_while(|p| p.start < se).any(cue)
    }

    /// Whether the tokens `prev` end in a role word, then only its "of ..."
    /// complement, then a comma.
    fn role_of_before(&self, prev: &[Tok]) -> bool {
        // "the Transport Minister of the Republic of X (RX), Name": a role
        // word, then only its "of ..." complement, before the comma
        let mut k = prev.len();
        // the comma
        if k == 0 || self.doc.word(&prev[k - 1]) != "," {
            return false;
        }
        k -= 1;
        let lo = k.saturating_sub(12);
        while k > lo {
            let t = &prev[k - 1];
            let w = self.doc.word(t);
            if t.word
                && self
                    .phrase_ending(t.end)
                    .is_some_and(|p| p.tags.contains(&Tag::Role))
            {
                return true;
            }
            let ok = if t.word {
                capitalized(w)
                    || matches!(
                        w,
                        "of" | "the" | "for" | "and" | "för" | "vid" | "och" | "i" | "på"
                    )
            } else {
                matches!(w, "(" | ")")
            };
            if !ok {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// The full names right after a role's "of ..." complement, with no
    /// comma: "Minister of Economy, Trade and Industry Yoji Muto".
    fn names_after_complement(&self, toks: &[Tok], taken: &SpanSet) -> Vec<String> {
        let text = self.doc.text;
        let mut out = Vec::new();
        // "Minister of Economy, Trade and Industry Yoji Muto": a role, its
        // "of ..." complement, and a full name right after it, with no comma
        for (k, t) in toks.iter().enumerate() {
            if !(t.word
                && self
                    .phrase_ending(t.end)
                    .is_some_and(|p| p.tags.contains(&Tag::Role))
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(&text[n.start..n.end], "of" | "for")))
            {
                continue;
            }
            // the capitalised words after the last connector of the complement
            let mut tail: Vec<usize> = Vec::new();
            // the word that last cleared the tail: after a comma, the name is an
            // apposition ("Minister of X, Anna Berg,"), another rule's
            let mut cleared_by = "";
            let mut q = k + 2;
            while q < toks.len() && q - k < 16 {
                let w = &text[toks[q].start..toks[q].end];
                if toks[q].word && capitalized(w) && !w.contains(':') {
                    tail.push(q);
                } else if matches!(w, "and" | "&" | "," | "of" | "for" | "the") {
                    // "... Industry Anna Berg and the Minister of ...": the name
                    // closed the complement
                    if tail.len() >= 3 {
                        break;
                    }
                    tail.clear();
                    cleared_by = w;
                    // ", and" closes a list of people: "Rector of X, and Anna Berg"
                    if w == ","
                        && toks
                            .get(q + 1)
                            .is_some_and(|n| matches!(&text[n.start..n.end], "and" | "&"))
                    {
                        break;
                    }
                } else {
                    break;
                }
                q += 1;
            }
            if tail.len() < 3 || cleared_by == "," {
                continue;
            }
            let last2 = &tail[tail.len() - 2..];
            if !last2.iter().all(|&x| {
                let t = &toks[x];
                person_name_word(&text[t.start..t.end])
                    && !self.is_lex(t)
                    && !self.in_mention(t.start, t.end, taken)
                    && !self.forms.not_name(&text[t.start..t.end])
            }) {
                continue;
            }
            out.push(normalize_ws(
                &text[toks[last2[0]].start..toks[last2[1]].end],
            ));
        }
        out
    }

    /// The full names of the sentence `ss..se` (two or three name words)
    /// with a person's context before or after them.
    fn names_in_context(
        &self,
        (ss, se): (usize, usize),
        toks: &[Tok],
        taken: &SpanSet,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let (j, count) = self.name_run(toks, i, taken);
            if count < 2 {
                i += 1;
                continue;
            }
            if self.person_context((ss, se), toks, (i, j)) {
                let (s, e) = (toks[i].start, toks[j - 1].end);
                out.push(normalize_ws(&self.doc.text[s..e]));
            }
            i = j;
        }
        out
    }

    /// The name words from token `i`, up to three: one past the last and
    /// how many.
    fn name_run(&self, toks: &[Tok], i: usize, taken: &SpanSet) -> (usize, usize) {
        let is_name = |t: &Tok| {
            t.word
                && person_name_word(self.doc.word(t))
                && !self.is_lex(t)
                && !self.in_mention(t.start, t.end, taken)
        };
        let mut j = i;
        let mut count = 0;
        while j < toks.len() && count < 3 {
            if is_name(&toks[j]) {
                j += 1;
                count += 1;
                continue;
            }
            // particles between name words: "Maria de la Luz", "Ursula von der Leyen"
            let mut k = j;
            while count > 0
                && k < toks.len()
                && k - j < 2
                && toks[k].word
                && self.forms.is_particle(self.doc.word(&toks[k]))
            {
                k += 1;
            }
            if k > j && k < toks.len() && is_name(&toks[k]) {
                j = k;
                continue;
            }
            break;
        }
        (j, count)
    }

    /// Whether the name of tokens `i..j` in the sentence `ss..se` is a
    /// person's by its context: a role or speaking verb before it, an
    /// apposition with a role after it, or a signing or speaking verb after it.
    fn person_context(
        &self,
        (ss, se): (usize, usize),
        toks: &[Tok],
        (i, j): (usize, usize),
    ) -> bool {
        let text = self.doc.text;
        let (s, e) = (toks[i].start, toks[j - 1].end);
        // context before: a role word right before (optionally with a comma)
        let before = ss
            + text[ss..s]
                .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
                .len();
        // or a speaking verb right before, as in quotes ("…, säger Anna Lind", "said Anna Lind")
        let role_before = self.phrase_ending(before).is_some_and(|p| {
            p.tags.contains(&Tag::Role)
                || (text[before..s].chars().count() == 1 && p.tags.contains(&Tag::Comment))
        }) || (text[before..s].contains(',') && self.role_of_before(&toks[..i]));
        // context after: ", <role|genitive mention>" or a signing/speaking verb
        let rest = text[e..se].trim_start();
        let after_at = se - rest.len();
        let appos = rest.starts_with(',') && self.role_apposition(&rest[1..], se);
        let verb_after = self.phrase_at(after_at).is_some_and(|p| {
            p.tags
                .iter()
                .any(|t| matches!(t, Tag::Status(_) | Tag::Comment))
        });
        // "Acme Engineering signed": a company's name before the verb
        let org_name = text[s..e]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| self.forms.is_org_word(w));
        role_before || appos || (verb_after && !org_name)
    }

    /// Whether `rest`, what follows the comma after a name up to the end `se`
    /// of its sentence, is an apposition with a role or a genitive mention.
    fn role_apposition(&self, rest: &str, se: usize) -> bool {
        let (mentions, phrases, pix) = (self.doc.mentions, self.doc.phrases, self.doc.pix);
        let r2 = rest.trim_start();
        let at = se - r2.len();
        let word_end = at + r2.find(|c: char| !is_word_char(c)).unwrap_or(r2.len());
        self.doc.mix.starting_at(at).any(|k| {
            let m = &mentions[k];
            // "Anna Berg, Volvo's ...", "Anna Berg, European Investment Bank Vice President"
            m.genitive || {
                let r3 = self.doc.text[m.end..se].trim_start();
                let at3 = se - r3.len();
                pix.starting_at(at3)
                    .any(|q| phrases[q].tags.contains(&Tag::Role))
            }
        })
            // a compound role word: "Kent Ek, regiondirektör vid ..."
            || pix
                .starting_in(at + 1, word_end)
                .any(|q| phrases[q].end == word_end && phrases[q].tags.contains(&Tag::Role))
            || self.phrase_at(at).is_some_and(|p| {
                p.tags
                    .iter()
                    .any(|t| matches!(t, Tag::Role | Tag::Determiner))
                    && pix
                        .starting_in(at, at + 40)
                        .any(|k| phrases[k].tags.contains(&Tag::Role))
            })
    }

    /// Every occurrence of each person's full name, then of the surname
    /// after the first mention, that no mention covers.
    fn person_mentions(&self, names: &[String], found: &mut Found, taken: &mut SpanSet) {
        let text = self.doc.text;
        // every occurrence of the full name, then the surname after the first mention
        let surnames: Vec<&str> = names
            .iter()
            .map(|n| n.split(' ').next_back().unwrap_or(""))
            .collect();
        let needles: Vec<&str> = names.iter().map(String::as_str).chain(surnames).collect();
        let mut hits = find_all(text, None, &needles);
        let surname_hits = hits.split_off(names.len());
        for ((name, hits), surname_hits) in names.iter().zip(hits).zip(surname_hits) {
            let id = format!("x-{}", slug(name));
            let Some(first) = hits.first().map(|h| h.0) else {
                continue;
            };
            let alias: std::sync::Arc<str> = name.as_str().into();
            let actor: std::sync::Arc<str> = id.as_str().into();
            for (s, e, g) in hits {
                if !self.in_mention(s, e, taken) {
                    found.push_discovered(taken, (s, e, g), &actor, &alias);
                }
            }
            let surname = name.split(' ').next_back().unwrap_or("").to_string();
            let alias: std::sync::Arc<str> = surname.as_str().into();
            for (s, e, g) in surname_hits {
                if s > first && !self.in_mention(s, e, taken) {
                    found.push_discovered(taken, (s, e, g), &actor, &alias);
                }
            }
        }
    }
}

/// A name found by its form or by the word before it.
struct Candidate {
    start: usize,
    end: usize,
    name: String,
    aliases: Vec<String>,
    kind: ActorType,
    rule: &'static str,
    genitive: bool,
}

/// Whether `w` ends in a genitive ending ("Volvo's", "JOGMEC:s").
fn genitive_word(w: &str) -> bool {
    genitive_suffix(w) > 0
}

/// What the form rules read: the text, the lexicon and the gazetteer's
/// mentions with their index.
struct FormScan<'a> {
    text: &'a str,
    folded: &'a str,
    lexicon: &'a Lexicon,
    forms: &'a Forms,
    mentions: &'a [Mention],
    kind_of: KindOf<'a>,
    /// The span index of `mentions`.
    mix: SpanIndex,
}

/// A form cue in its sentence: the sentence's tokens, the cue's span `s..e`,
/// `before` (the first token that ends after the cue starts) and `after`
/// (the first token from the cue's end on).
struct CueSite<'t> {
    toks: &'t [Tok],
    s: usize,
    e: usize,
    before: usize,
    after: usize,
}

impl<'t> CueSite<'t> {
    /// The cue at `s..e` among the tokens of its sentence.
    fn new(toks: &'t [Tok], s: usize, e: usize) -> Self {
        // tokens before the cue and from its end on
        let before = toks.partition_point(|t| t.end <= s);
        let mut after = toks.partition_point(|t| t.start < e);
        // the cue's own token(s) end with a '.' that is a token of its own
        while after < toks.len() && toks[after].start < e {
            after += 1;
        }
        CueSite {
            toks,
            s,
            e,
            before,
            after,
        }
    }
}

/// Discovers actors from the form of their names and the words before them,
/// with the `[discovery]` tables of the language files:
///
/// - capitalised words before a legal-form suffix ("Grafintec Oy",
///   "Qingdao Hensen Graphite Co., Ltd.") → company (`legal_form`);
/// - a capitalised institution head with its capitalised words ("UAE Space
///   Agency", "Ministry of Energy and Mineral Resources", "Umeå universitet",
///   "Region Västerbotten", "Näringsdepartementet") → the head's type (`institution`);
/// - a name after an honorific ("Mr. TAKAHARA", "förbundskansler Angela
///   Merkel") → person (`honorific`), or a full name after a role ("CEO Anna
///   Berg", "vd Karin Lind") → person (`role`);
/// - a name after a descriptor noun ("Australian miner Lynas",
///   "vätgasleverantören Lhyfe") → the descriptor's type (`descriptor`).
///
/// A name never starts with a word of `not_names` (function words, months,
/// sentence openers), and a candidate that only repeats a gazetteer mention
/// with a suffix ("Northvolt AB") is left to the gazetteer. Gazetteer mentions
/// inside a longer discovered name ("Japan" in "Ministry of Foreign Affairs of
/// Japan") are replaced by it. Later occurrences of the name (and of a
/// company's name without its suffix, a person's surname) are mentions too.
pub fn discover_forms(
    text: &str,
    folded: &str,
    sentences: &[(usize, usize)],
    (mentions, kind_of): (&[Mention], KindOf<'_>),
    lexicon: &Lexicon,
) -> Found {
    let forms = &lexicon.forms;
    let mut found = Found::default();
    let cues = forms.find(text, folded, 0, text.len());
    if cues.is_empty() {
        return found;
    }
    let scan = FormScan {
        text,
        folded,
        lexicon,
        forms,
        mentions,
        kind_of,
        mix: SpanIndex::new(mentions.iter().map(|m| (m.start, m.end))),
    };
    let mut cands: Vec<Candidate> = Vec::new();
    let mut cached: Option<(usize, Vec<Tok>)> = None;
    for (s, e, entry) in cues {
        let k = sentences.partition_point(|sp| sp.1 <= s);
        let Some(&(ss, se)) = sentences.get(k) else {
            continue;
        };
        if s < ss || e > se {
            continue;
        }
        if cached.as_ref().is_none_or(|(c, _)| *c != k) {
            cached = Some((k, tokens(text, ss, se)));
        }
        let at = CueSite::new(&cached.as_ref().expect("cached").1, s, e);
        let cand = match entry.cue {
            FormCue::LegalForm => scan.legal_form(&at),
            FormCue::Head(kind) => scan.head(&at, entry, kind, &mut found),
            FormCue::GenitiveHead(kind) => scan.genitive_head(&at, kind),
            FormCue::GivenName => scan.given_name(&at),
            FormCue::Honorific | FormCue::Role | FormCue::Descriptor(_) => {
                scan.name_after_cue(&at, entry)
            }
        };
        cands.extend(cand);
    }
    let kept = longest_candidates(text, cands);
    let mut actors: BTreeMap<String, Discovered> = BTreeMap::new();
    let names = scan.add_candidates(&kept, &mut found, &mut actors);
    scan.later_occurrences(names, &mut found);
    found.actors = actors.into_values().collect();
    found.mentions.sort_by_key(|m| (m.start, m.end));
    found
}

/// The longest of overlapping candidates, in text order.
fn longest_candidates(text: &str, mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    let mut kept: Vec<Candidate> = Vec::new();
    let mut kept_spans = SpanSet::default();
    for c in cands {
        // "Long Name (ACR)" is the acronym rule's: it names the actor by its acronym
        // (a stock ticker, "(ASX:MGT)", defines no acronym)
        if text[c.end..].trim_start().starts_with('(') && !crate::text::opens_ticker(&text[c.end..])
        {
            continue;
        }
        if !kept_spans.overlaps(c.start, c.end) {
            kept_spans.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

impl<'a> FormScan<'a> {
    /// The text of token `t`.
    fn word(&self, t: &Tok) -> &'a str {
        &self.text[t.start..t.end]
    }

    /// The first gazetteer mention that overlaps `s..e`.
    fn mention_over(&self, s: usize, e: usize) -> Option<&'a Mention> {
        self.mix.first_overlapping(s, e).map(|i| &self.mentions[i])
    }

    /// One step back over the name word `toks[i - 1]`: to the first token
    /// of a whole mention that ends there, with the mention, or to the word
    /// itself when no mention covers it. `None` when a mention covers it
    /// that the name cannot take whole: a genitive, one running past the
    /// word, or one that starts inside a token.
    fn name_step(&self, toks: &[Tok], i: usize) -> Option<(usize, Option<&'a Mention>)> {
        let t = &toks[i - 1];
        let Some(m) = self.mention_over(t.start, t.end) else {
            return Some((i - 1, None));
        };
        let ms = toks[..i].iter().position(|x| x.start == m.start)?;
        (!m.genitive && m.end <= t.end).then_some((ms, Some(m)))
    }

    /// The form cues in token `t`.
    fn cues_in(&self, t: &Tok) -> Vec<(usize, usize, &'a FormEntry)> {
        self.forms.find(self.text, self.folded, t.start, t.end)
    }

    /// A word that may be part of an organisation's name.
    fn org_word(&self, w: &str) -> bool {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && w.chars().any(char::is_alphabetic)
            && !self.forms.not_name(w)
    }

    /// A word of a person's name: "Anna", "Lind-Berg", "McKay", "TAKAHARA"
    /// (in capitals only when `caps`).
    fn person_word(&self, w: &str, caps: bool) -> bool {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            && (w.chars().skip(1).any(char::is_lowercase) || caps)
            && !self.forms.not_name(w)
            && self.lexicon.type_for(w).is_none()
    }

    /// Capitalised words after position `from`: up to `max`, the name
    /// ending at the last accepted word; stops at a mention.
    fn forward(
        &self,
        toks: &[Tok],
        from: usize,
        max: usize,
        ok: &dyn Fn(&str) -> bool,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = from;
        while i < toks.len() && out.len() < max {
            let t = &toks[i];
            let w = self.word(t);
            if !t.word || !ok(w) || self.mention_over(t.start, t.end).is_some() {
                break;
            }
            out.push(i);
            if genitive_word(w) {
                break;
            }
            i += 1;
        }
        out
    }

    /// "NAME, a [adjectives] <descriptor>": the name's first and last
    /// tokens, when the descriptor at token `at` opens an apposition.
    fn appositive(&self, toks: &[Tok], at: usize) -> Option<(usize, usize)> {
        let forms = self.forms;
        let mut i = at;
        // up to three adjectives ("a Norwegian", "ett norskt statligt")
        while i > 0 && at - i < 3 && toks[i - 1].word && !forms.is_article(self.word(&toks[i - 1]))
        {
            i -= 1;
        }
        if i < 3 || !forms.is_article(self.word(&toks[i - 1])) || self.word(&toks[i - 2]) != "," {
            return None;
        }
        let l = i - 3;
        let mut f = None;
        let mut j = i - 2;
        while j > 0 && i - 2 - j < 4 {
            let t = &toks[j - 1];
            let w = self.word(t);
            if !t.word
                || !self.org_word(w)
                || genitive_word(w)
                || self.mention_over(t.start, t.end).is_some()
            {
                break;
            }
            f = Some(j - 1);
            j -= 1;
        }
        f.map(|f| (f, l))
    }

    /// A legal-form suffix: the capitalised words before it name a company
    /// (`legal_form`), also known without the suffix.
    fn legal_form(&self, at: &CueSite) -> Option<Candidate> {
        let (toks, forms) = (at.toks, self.forms);
        // back over chained forms and commas ("Co., Ltd."): the name ends before them
        let mut b = at.before;
        while b > 0 {
            let t = &toks[b - 1];
            let w = self.word(t);
            let legal = t.word
                && (forms.is_legal(w)
                    || (forms.is_legal(&format!("{w}."))
                        && toks.get(b).is_some_and(|n| self.word(n) == ".")));
            if w == "," || legal || w == "." {
                b -= 1;
            } else {
                break;
            }
        }
        // the name: capitalised words, "&" and "and" between them
        let mut first = None;
        let mut i = b;
        let mut outside = 0;
        while i > 0 {
            let t = &toks[i - 1];
            let w = self.word(t);
            // "(Ningbo)" inside a name
            if w == ")"
                && first.is_some()
                && i >= 3
                && self.word(&toks[i - 3]) == "("
                && self.org_word(self.word(&toks[i - 2]))
            {
                i -= 3;
                continue;
            }
            let joiner = (w == "&" || w == "-")
                && first.is_some()
                && i >= 2
                && toks[i - 2].word
                && self.org_word(self.word(&toks[i - 2]));
            if t.word && self.org_word(w) && !genitive_word(w) {
                // (a whole mention joins the name: "Toyota Tsusho Corporation")
                let Some((to, m)) = self.name_step(toks, i) else {
                    break;
                };
                outside += usize::from(m.is_none());
                first = Some(to);
                i = to;
            } else if joiner {
                i -= 1;
            } else {
                break;
            }
            if b - i > 6 {
                break;
            }
        }
        let f = first?;
        if outside == 0 {
            return None;
        }
        let base_end = toks[b - 1].end;
        let start = toks[f].start;
        Some(Candidate {
            start,
            end: at.e,
            name: normalize_ws(&self.text[start..at.e]),
            aliases: vec![normalize_ws(&self.text[start..base_end])],
            kind: ActorType::Company,
            rule: "legal_form",
            genitive: false,
        })
    }

    /// An institution head (`institution`, of the head's type) with the
    /// capitalised words before it and the "of ..." words after it. A company
    /// head right after a known company's name grows that mention in `found`
    /// instead.
    fn head(
        &self,
        at: &CueSite,
        entry: &FormEntry,
        kind: ActorType,
        found: &mut Found,
    ) -> Option<Candidate> {
        let (toks, s, e) = (at.toks, at.s, at.e);
        let capital = entry.written.chars().next().is_some_and(char::is_uppercase);
        if entry.compound {
            return self.compound_head(at, kind);
        }
        if self.mention_over(s, e).is_some() {
            return None;
        }
        let (first, mut outside, joined) = self.words_before_head(at, capital);
        // "of/for X and Y" after it ("Ministry of Energy and Mineral Resources"),
        // or, for a capitalised head with nothing before, a name right after ("Region Skåne")
        let mut last = None;
        if capital {
            let (words, l) = self.words_after_head(at);
            outside += words;
            last = l;
        }
        // a company head right after a known company's name is part
        // of it: "Hyundai Motor Group", "Epiroc Group" (the mention
        // grows over it; a genitive "Group's" is left alone)
        if let (0, None, Some(m), ActorType::Company) = (outside, last, joined, kind) {
            let next = self.text[e..].chars().next();
            if capital
                && first == toks.iter().position(|x| x.start == m.start)
                && !next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | ':'))
            {
                found.replaced.push((m.start, m.end));
                found.mentions.push(Mention {
                    end: e,
                    ..m.clone()
                });
            }
            return None;
        }
        if outside == 0 || (first.is_none() && last.is_none()) {
            return None;
        }
        let start = first.map_or(s, |f| toks[f].start);
        let end = last.map_or(e, |l| toks[l].end);
        let surface = &self.text[start..end];
        let gen = genitive_word(surface) && last.is_some();
        let name_end = if gen {
            end - genitive_suffix(surface)
        } else {
            end
        };
        let name = normalize_ws(&self.text[start..name_end]);
        if self.lexicon.type_for(&name) == Some("none") {
            return None;
        }
        let mut aliases = Vec::new();
        if first.is_some() && last.is_some() {
            // "Japanese Ministry of Defence" is also "Ministry of Defence"
            aliases.push(normalize_ws(&self.text[s..name_end]));
        }
        // "\"Carol Davila\" University" is also "Carol Davila University"
        if name.contains(['"', '“', '”', '«', '»']) {
            aliases.push(name.replace(['"', '“', '”', '«', '»'], ""));
        }
        Some(Candidate {
            start,
            end,
            name,
            aliases,
            kind,
            rule: "institution",
            genitive: gen,
        })
    }

    /// The tail of a compound institution head: the word it ends names the
    /// institution ("Näringsdepartementet"), or, in lower case, with the
    /// place's genitive before it.
    fn compound_head(&self, at: &CueSite, kind: ActorType) -> Option<Candidate> {
        let (toks, s, e) = (at.toks, at.s, at.e);
        // the word the tail ends: "Näringsdepartementet"
        let ti = toks.iter().position(|t| t.start < s && s < t.end)?;
        let t = &toks[ti];
        let w = self.word(t);
        if t.end > e + 1 || self.mention_over(t.start, t.end).is_some() {
            return None;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            // a lower-case compound after a place's genitive
            // (Swedish: an -s without apostrophe): "Sommens
            // fiskevårdsområdesförening", "Skaraborgs
            // kommunalförbund"
            let p = ti.checked_sub(1).map(|i| &toks[i])?;
            let pw = self.word(p);
            if t.end == e
                && p.word
                && self.org_word(pw)
                && pw.ends_with('s')
                && pw.chars().count() >= 4
                && self.mention_over(p.start, p.end).is_none()
            {
                return Some(Candidate {
                    start: p.start,
                    end: e,
                    name: self.text[p.start..e].to_string(),
                    aliases: Vec::new(),
                    kind,
                    rule: "institution",
                    genitive: false,
                });
            }
            return None;
        }
        let gen = t.end > e;
        Some(Candidate {
            start: t.start,
            end: t.end,
            name: self.text[t.start..e].to_string(),
            aliases: Vec::new(),
            kind,
            rule: "institution",
            genitive: gen,
        })
    }

    /// The capitalised words before an institution head ("UAE Space Agency",
    /// "Umeå universitet"): the first of them, how many are in no mention,
    /// and the mention that ends right before the head.
    fn words_before_head(
        &self,
        at: &CueSite,
        capital: bool,
    ) -> (Option<usize>, usize, Option<&'a Mention>) {
        let (toks, before) = (at.toks, at.before);
        let mut first = None;
        let mut outside = 0;
        let mut joined: Option<&Mention> = None;
        let mut i = before;
        while i > 0 && before - i < 5 {
            let t = &toks[i - 1];
            let w = self.word(t);
            // a quoted name right before the head: "the \"Carol
            // Davila\" University of Medicine", "\"Ion Mincu\"
            // University"
            if i == before && !t.word && matches!(w, "\"" | "”" | "»") {
                let open = (i.saturating_sub(6)..i - 1)
                    .rev()
                    .find(|&j| !toks[j].word && matches!(self.word(&toks[j]), "\"" | "“" | "«"));
                if let Some(o) = open.filter(|&o| {
                    o + 1 < i - 1
                        && toks[o + 1..i - 1].iter().all(|x| {
                            x.word
                                && self.org_word(self.word(x))
                                && self.mention_over(x.start, x.end).is_none()
                        })
                }) {
                    outside += i - 1 - (o + 1);
                    first = Some(o);
                }
                break;
            }
            if !t.word || !self.org_word(w) || (genitive_word(w) && capital) {
                break;
            }
            let Some((to, m)) = self.name_step(toks, i) else {
                break;
            };
            match m {
                Some(m) if i == before => joined = Some(m),
                Some(_) => {}
                None => outside += 1,
            }
            first = Some(to);
            i = to;
        }
        (first, outside, joined)
    }

    /// The words of a name after a capitalised institution head: "of/for X
    /// and Y" ("Ministry of Energy and Mineral Resources") or a name right
    /// after it ("Region Skåne"). Gives how many words it took and the last.
    fn words_after_head(&self, at: &CueSite) -> (usize, Option<usize>) {
        let (toks, after) = (at.toks, at.after);
        let mut outside = 0;
        let mut last = None;
        let mut j = after;
        // "and" joins words of a name only after "of": "Ministry of Energy and Mines"
        let mut of = false;
        loop {
            let conn = j < toks.len()
                && matches!(
                    self.word(&toks[j]),
                    "of" | "for" | "on" | "and" | "&" | "för" | "och" | "i"
                );
            // a name right after the head: "Region Skåne", "Platinum Group Metals"
            let direct = j == after && !conn;
            if !(conn || direct) || (conn && j == after && self.word(&toks[j]) == "and") {
                break;
            }
            let from = if conn { j + 1 } else { j };
            let and = conn && matches!(self.word(&toks[j]), "and" | "&" | "och");
            if and && (last.is_none() || !of) {
                break;
            }
            of |= conn && !and;
            let words = self.forward(toks, from, if direct { 2 } else { 5 }, &|w: &str| {
                self.org_word(w)
            });
            // a known actor after "and" is the next item of a list
            if words.is_empty() {
                break;
            }
            if conn
                && matches!(self.word(&toks[j]), "and" | "&" | "och")
                && self
                    .mention_over(toks[from].start, toks[from].end)
                    .is_some()
            {
                break;
            }
            outside += words.len();
            last = words.last().copied();
            j = last.expect("a word") + 1;
            if genitive_word(self.word(&toks[last.expect("a word")])) {
                break;
            }
            // after a name right after the head only "of"/"for" go
            // on ("University Politehnica of Bucharest"): "Region
            // Skåne i Malmö" is the region in a place
            if direct && !(j < toks.len() && matches!(self.word(&toks[j]), "of" | "for")) {
                break;
            }
        }
        (outside, last)
    }

    /// A lower-case head after a place's genitive ("Norges ambassad",
    /// "Japans nationella ministerium") names an institution of the head's
    /// type (`institution`), with a place after "i"/"in".
    fn genitive_head(&self, at: &CueSite, kind: ActorType) -> Option<Candidate> {
        let (toks, s, e) = (at.toks, at.s, at.e);
        // the word the head is (or ends, for a compound tail), in
        // lower case and with nothing glued after it
        // (`before` is the first token that ends after the cue starts)
        let hi = at.before;
        let h = toks.get(hi).filter(|t| t.start <= s)?;
        if h.end != e
            || !self.word(h).starts_with(char::is_lowercase)
            || self.mention_over(h.start, h.end).is_some()
        {
            return None;
        }
        // up to three lower-case words before it ("nationella",
        // "trade and industry"), then a place's genitive
        let mut i = hi;
        while i > 0 && hi - i < 3 && {
            let t = &toks[i - 1];
            t.word
                && self.word(t).starts_with(char::is_lowercase)
                && !self.forms.not_name(self.word(t))
                && self.mention_over(t.start, t.end).is_none()
        } {
            i -= 1;
        }
        let m = (i > 0)
            .then(|| self.mention_over(toks[i - 1].start, toks[i - 1].end))
            .flatten()
            .filter(|m| {
                m.genitive && m.end == toks[i - 1].end && is_place(self.kind_of, &m.actor)
            })?;
        // a name that goes on ("Japans ministerium för ekonomi, …
        // (METI)") is the other rules'; a place after "i"/"in" ends
        // it ("Norges ambassad i Stockholm")
        let next = |k: usize| toks.get(k).map(|t| self.word(t));
        let mut end = e;
        match next(hi + 1) {
            Some("för" | "for" | "of" | "on" | "om" | "(") => return None,
            // (a place the gazetteer knows, or a capitalised word
            // that names nothing else: "i Stockholm", "in Tokyo")
            Some("i" | "in") => {
                if let Some(t) = toks.get(hi + 2).filter(|t| t.word) {
                    match self.mention_over(t.start, t.end) {
                        Some(p)
                            if p.start == t.start
                                && !p.genitive
                                && is_place(self.kind_of, &p.actor) =>
                        {
                            end = p.end;
                        }
                        None if self.word(t).starts_with(char::is_uppercase)
                            && !genitive_word(self.word(t))
                            && !self.forms.not_name(self.word(t)) =>
                        {
                            end = t.end;
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        Some(Candidate {
            start: m.start,
            end,
            name: normalize_ws(&self.text[m.start..end]),
            aliases: Vec::new(),
            kind,
            rule: "institution",
            genitive: false,
        })
    }

    /// A common given name with one or two surname words after it names a
    /// person (`given_name`), also known by the surname.
    fn given_name(&self, at: &CueSite) -> Option<Candidate> {
        let (toks, s, e, before, after) = (at.toks, at.s, at.e, at.before, at.after);
        // the given name is a word of its own, not inside a known name
        if self.mention_over(s, e).is_some()
            || toks.get(before).is_none_or(|t| t.start != s || t.end != e)
        {
            return None;
        }
        // one or two surname words, none of them a cue ("Anna
        // University", "Victoria Energy"), and no head or legal form
        // right after them ("Ingrid Capacity AB")
        // (each part of a double name capitalised: "Lind-Berg", not the
        // compound "Per Geijer-fyndigheten")
        // A known person's one-word alias right after another given
        // name is someone else's surname: "Mikael Granholm" is not
        // Jennifer Granholm (whose full name, had it been written,
        // would have held this given name in its mention).
        let other_surname = toks.get(after).is_some_and(|t| {
            self.mention_over(t.start, t.end).is_some_and(|m| {
                m.start == t.start
                    && m.end == t.end
                    && !m.alias.contains(' ')
                    && (self.kind_of)(&m.actor) == Some(ActorType::Person)
                    && self.person_word(self.word(t), false)
            })
        });
        let rest = if other_surname {
            vec![after]
        } else {
            self.forward(toks, after, 2, &|w| {
                self.person_word(w, false)
                    && w.split('-')
                        .all(|p| p.chars().next().is_some_and(char::is_uppercase))
            })
        };
        let cue_at = |t: &Tok| {
            self.cues_in(t)
                .iter()
                .any(|c| !matches!(c.2.cue, FormCue::GivenName))
        };
        let (Some(&l), true) = (rest.last(), rest.iter().all(|&i| !cue_at(&toks[i]))) else {
            return None;
        };
        if toks.get(l + 1).is_some_and(|t| t.word && cue_at(t)) {
            return None;
        }
        let (start, end) = (toks[before].start, toks[l].end);
        let surface = &self.text[start..end];
        let gen = genitive_word(surface);
        let name_end = end - if gen { genitive_suffix(surface) } else { 0 };
        let name = normalize_ws(&self.text[start..name_end]);
        if self.lexicon.type_for(&name) == Some("none") {
            return None;
        }
        let surname = normalize_ws(&self.text[toks[l].start..name_end]);
        Some(Candidate {
            start,
            end,
            name,
            aliases: vec![surname],
            kind: ActorType::Person,
            rule: "given_name",
            genitive: gen,
        })
    }

    /// The name after an honorific (`honorific`) or a role (`role`: a full
    /// name) is a person's; after a descriptor noun, or before one opening
    /// an apposition (`apposition`), it is an actor of the descriptor's type
    /// (`descriptor`).
    fn name_after_cue(&self, at: &CueSite, entry: &FormEntry) -> Option<Candidate> {
        let toks = at.toks;
        if self.mention_over(at.s, at.e).is_some() {
            return None;
        }
        let mut from = at.after;
        if from < toks.len() && self.word(&toks[from]) == "." {
            from += 1;
        }
        if let FormCue::Descriptor(kind) = entry.cue {
            // "Greenstat, a Norwegian company": the name before the apposition
            if let Some((f, l)) = self.appositive(toks, at.before) {
                let (start, end) = (toks[f].start, toks[l].end);
                let name = normalize_ws(&self.text[start..end]);
                if self.lexicon.type_for(&name) == Some("none") {
                    return None;
                }
                return Some(Candidate {
                    start,
                    end,
                    name,
                    aliases: Vec::new(),
                    kind,
                    rule: "apposition",
                    genitive: false,
                });
            }
        }
        let (mut words, kind, rule) = match entry.cue {
            FormCue::Honorific => (
                self.forward(toks, from, 3, &|w| self.person_word(w, true)),
                ActorType::Person,
                "honorific",
            ),
            FormCue::Role => (
                self.forward(toks, from, 3, &|w| self.person_word(w, true)),
                ActorType::Person,
                "role",
            ),
            FormCue::Descriptor(kind) => (
                self.forward(toks, from, 4, &|w| self.org_word(w)),
                kind,
                "descriptor",
            ),
            _ => unreachable!("matched above"),
        };
        // the name is on the cue's line: in a form's lines, "…, President"
        // ends one line and "Business: …" opens the next
        if words
            .first()
            .is_some_and(|&f| self.text[at.e..toks[f].start].contains('\n'))
        {
            return None;
        }
        self.cut_at_cue(toks, &mut words, rule == "descriptor");
        if rule == "role" && words.len() < 2 {
            return None;
        }
        let (Some(&f), Some(&l)) = (words.first(), words.last()) else {
            return None;
        };
        let start = toks[f].start;
        let end = toks[l].end;
        let surface = &self.text[start..end];
        let gen = genitive_word(surface);
        let name_end = if gen {
            end - genitive_suffix(surface)
        } else {
            end
        };
        let name = normalize_ws(&self.text[start..name_end]);
        if kind == ActorType::Person
            && rule == "honorific"
            && words.len() == 1
            && entry.written.chars().next().is_some_and(char::is_lowercase)
        {
            // "statsminister Kristersson" is too little to go on
            return None;
        }
        if self.lexicon.type_for(&name) == Some("none") {
            return None;
        }
        let aliases = if kind == ActorType::Person && words.len() > 1 {
            vec![self
                .word(&toks[l])
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()]
        } else {
            Vec::new()
        };
        Some(Candidate {
            start,
            end,
            name,
            aliases,
            kind,
            rule,
            genitive: gen,
        })
    }

    /// Cuts the name `words` (token indexes) at the first word with a cue of
    /// its own; a head that is not the first word stays in a `descriptor`'s name.
    fn cut_at_cue(&self, toks: &[Tok], words: &mut Vec<usize>, descriptor: bool) {
        // a role word or descriptor ends the name; a capitalised head
        // ends it too but belongs to it ("operator First Group")
        if let Some(k) = words.iter().position(|&i| {
            self.cues_in(&toks[i])
                .iter()
                .any(|c| !matches!(c.2.cue, FormCue::LegalForm))
        }) {
            let i = words[k];
            let head = self
                .cues_in(&toks[i])
                .iter()
                .all(|c| c.0 == toks[i].start && matches!(c.2.cue, FormCue::Head(_)));
            let keep = if head && k > 0 && descriptor {
                k + 1
            } else {
                k
            };
            words.truncate(keep);
        }
    }

    /// Makes each kept candidate a mention and an actor (the gazetteer
    /// mentions inside it are replaced). Gives the names and aliases to look
    /// for again: (surface, id, after the actor's first mention only).
    fn add_candidates(
        &self,
        kept: &[Candidate],
        found: &mut Found,
        actors: &mut BTreeMap<String, Discovered>,
    ) -> Vec<(String, String, bool)> {
        let mut names: Vec<(String, String, bool)> = Vec::new(); // (surface, id, after first only)
        for c in kept {
            let id = format!("x-{}", slug(&c.name));
            // (an institution's head may be the tail: "Wallenberg-stiftelserna")
            if id == "x-"
                || (c.rule != "institution" && lower_compound_tail(&c.name))
                || self.lexicon.demonyms.contains_key(&fold(&c.name))
            {
                continue;
            }
            for m in self
                .mix
                .starting_in(c.start, c.end)
                .map(|k| &self.mentions[k])
                .filter(|m| m.end <= c.end)
            {
                found.replaced.push((m.start, m.end));
            }
            found.mentions.push(discovered_mention(
                c.start,
                c.end,
                id.as_str().into(),
                c.name.as_str().into(),
                c.genitive,
            ));
            let d = actors.entry(id.clone()).or_insert_with(|| Discovered {
                id: id.clone(),
                kind: c.kind,
                name: c.name.clone(),
                aliases: Vec::new(),
                rule: c.rule,
            });
            for a in &c.aliases {
                if !d.aliases.contains(a) && *a != d.name {
                    d.aliases.push(a.clone());
                }
            }
            names.push((c.name.clone(), id.clone(), false));
            for a in &c.aliases {
                names.push((a.clone(), id.clone(), c.kind == ActorType::Person));
            }
        }
        names
    }

    /// Later occurrences of each name and alias of `names` (see
    /// `add_candidates`) that no mention left in `found` covers.
    fn later_occurrences(&self, names: Vec<(String, String, bool)>, found: &mut Found) {
        // later occurrences of each name and alias
        let mut first_of: FxHashMap<std::sync::Arc<str>, usize> = FxHashMap::default();
        let mut taken = SpanSet::default();
        for m in &found.mentions {
            let f = first_of.entry(m.actor.clone()).or_insert(m.start);
            *f = (*f).min(m.start);
            taken.insert(m.start, m.end);
        }
        let replaced: FxHashSet<(usize, usize)> = found.replaced.iter().copied().collect();
        let left = SpanIndex::new(
            self.mentions
                .iter()
                .map(|m| (m.start, m.end))
                .filter(|sp| !replaced.contains(sp)),
        );
        // (a name found again, with the same id and rule, finds nothing new: every
        // occurrence of it is a mention by then; a long document repeats names)
        let mut seen = FxHashSet::default();
        let names: Vec<_> = names
            .into_iter()
            .filter(|n| n.0.chars().count() >= 3 && seen.insert(n.clone()))
            .collect();
        let surfaces: Vec<&str> = names.iter().map(|n| n.0.as_str()).collect();
        for ((surface, id, after_first), hits) in
            names.iter().zip(find_all(self.text, None, &surfaces))
        {
            let alias: std::sync::Arc<str> = surface.as_str().into();
            let actor: std::sync::Arc<str> = id.as_str().into();
            let first = first_of.get(&actor).copied().unwrap_or(0);
            for (s, e, g) in hits {
                if *after_first && s < first {
                    continue;
                }
                if !(left.first_overlapping(s, e).is_some() || taken.overlaps(s, e)) {
                    let f = first_of.entry(actor.clone()).or_insert(s);
                    *f = (*f).min(s);
                    found.push_discovered(&mut taken, (s, e, g), &actor, &alias);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char tokenizer the quick one replaced.
    fn tokens_by_chars(text: &str, start: usize, end: usize) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut it = text[start..end].char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let s = start + i;
            if c.is_alphanumeric() {
                let mut e = s + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    let at = start + j;
                    let joins = d.is_alphanumeric()
                        || (matches!(d, '-' | '\'' | '’' | ':' | '.' | '&')
                            && text[at + d.len_utf8()..end]
                                .chars()
                                .next()
                                .is_some_and(|n| n.is_alphanumeric()));
                    if !joins {
                        break;
                    }
                    e = at + d.len_utf8();
                    it.next();
                }
                out.push(Tok {
                    start: s,
                    end: e,
                    word: true,
                });
            } else if !c.is_whitespace() {
                out.push(Tok {
                    start: s,
                    end: s + c.len_utf8(),
                    word: false,
                });
            }
        }
        out
    }

    #[test]
    fn tokens_are_those_of_the_char_by_char_reading() {
        let texts = [
            "JOGMEC:s och EU-kommissionen, AT&T's  O'Neil – t.ex. 3.5% (METI) 東京都 x-",
            "Malmö-Åre’s väg; e.g. U.S.-led a.b.c. -x &y z&",
            "",
            " ",
            "ändå",
        ];
        let key = |v: Vec<Tok>| {
            v.into_iter()
                .map(|x| (x.start, x.end, x.word))
                .collect::<Vec<_>>()
        };
        for t in texts {
            for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for end in (start..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    assert_eq!(
                        key(tokens(t, start, end)),
                        key(tokens_by_chars(t, start, end)),
                        "{t:?} {start}..{end}"
                    );
                }
            }
        }
    }
}
