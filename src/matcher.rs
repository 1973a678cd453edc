//! Matching: finds actor mentions in a document with one automaton over every
//! gazetteer alias (a double-array trie, [`crawdad`]), walked from each word
//! start, longest alias first, on Unicode word boundaries, resolving Swedish
//! and English genitives and refusing hyphenated compounds.
//!
//! Takes a document's text (and its offset-preserving folded copy); gives
//! [`Mention`]s with byte spans into the original text.
//!
//! Why not an unanchored aho-corasick scan: a mention must begin on a word
//! boundary, so the automaton is only ever entered there, and it needs no
//! failure transitions. Those are what made building it slow (two thirds of
//! loading a 100,000-entry gazetteer); the trie builds from the sorted keys in
//! a fraction of that, and walking it at word starts only (a few array lookups
//! a character) is faster than scanning every byte.
//! The semantics are those of a leftmost-longest search that falls back to
//! shorter aliases at the same start.

use crate::gazetteer::{CaseRule, Gazetteer};
use crate::text::{ascii_word, boundary, char_at, char_before, fold, word_hash_in};

/// How a mention was found.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// A gazetteer alias.
    Gazetteer,
    /// A gated gazetteer alias (after another mention of the same actor).
    Gated,
    /// An alias learned from this document ("Long Name (ACRONYM)").
    Learned,
    /// An actor discovered in this document (not in the gazetteer).
    Discovered,
}

/// One place where an actor is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte (a genitive ending included).
    pub end: usize,
    /// Actor id (gazetteer id, or `x-...` for discovered actors).
    pub actor: std::sync::Arc<str>,
    /// The alias that matched, as written in the gazetteer (or learned).
    pub alias: std::sync::Arc<str>,
    /// How it was found.
    pub how: How,
    /// The surface form ends in a genitive (`:s`, `s`, `'s`).
    pub genitive: bool,
}

/// A key in the folded-alias buffer: (from, to, entity, alias, variant).
type Key = (u32, u32, u32, u32, u32);

#[derive(Debug, Clone, Copy)]
struct Candidate {
    entity: u32,
    /// The alias as written: an index into `Matcher::aliases`.
    alias: u32,
    /// The text compared with an exact alias: the alias, or the variant of
    /// it the key was made from (an index into `Matcher::aliases`).
    form: u32,
    exact: bool,
    gated: bool,
    /// The key is a variant of the alias ([`crate::gazetteer::variants`]).
    variant: bool,
    /// The alias is the genitive of another of the entity's names ("Europas"
    /// beside "Europa", "Japan's" beside "Japan").
    genitive: bool,
}

/// The compiled automaton over a gazetteer.
#[derive(Clone)]
pub struct Matcher {
    /// Folded alias -> index into `candidates`.
    /// (None for a gazetteer without aliases: crawdad builds no empty trie.)
    keys: Option<std::sync::Arc<crawdad::Trie>>,
    /// Bytes that some key starts with: the automaton is entered only there.
    first: [bool; 256],
    /// The first words of the keys: most word starts are turned away here
    /// without entering the trie.
    words: FirstWords,
    candidates: Vec<Vec<Candidate>>,
    /// Every alias text, as written (shared with the gazetteer).
    aliases: Vec<std::sync::Arc<str>>,
    ids: Vec<std::sync::Arc<str>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("keys", &self.candidates.len())
            .field("bytes", &self.keys.as_ref().map_or(0, |k| k.heap_bytes()))
            .field("entities", &self.ids.len())
            .finish()
    }
}

impl Matcher {
    /// Builds the automaton over every alias: a sort of the folded aliases,
    /// then one pass (on a second thread, while the candidate table is made);
    /// O(n log n) in the number of aliases.
    ///
    /// # Panics
    /// Never: the keys are sorted and unique before they are added.
    pub fn new(g: &Gazetteer) -> Self {
        // every folded alias and variant of one, in one buffer, with its
        // entity, alias index and variant (0 for the alias itself, else 1 +
        // an index into `forms`)
        let mut folded = String::new();
        let mut forms: Vec<std::sync::Arc<str>> = Vec::new();
        // (a form of `gazetteer::exact_variants`: matched as written)
        let mut forms_exact: Vec<bool> = Vec::new();
        let mut all: Vec<Key> = Vec::new();
        for (ix, e) in g.entities().iter().enumerate() {
            for (k, a) in e.aliases.iter().enumerate() {
                let from = folded.len();
                folded.push_str(&a.key());
                if folded.len() > from {
                    all.push((from as u32, folded.len() as u32, ix as u32, k as u32, 0));
                }
                let fold_variants = crate::gazetteer::variants(&a.text);
                let exact = crate::gazetteer::exact_variants_of(&a.text, &fold_variants);
                let n = fold_variants.len();
                for (j, v) in fold_variants.into_iter().chain(exact).enumerate() {
                    let from = folded.len();
                    folded.push_str(&fold(&v));
                    forms.push(v.into());
                    forms_exact.push(j >= n);
                    all.push((
                        from as u32,
                        folded.len() as u32,
                        ix as u32,
                        k as u32,
                        forms.len() as u32,
                    ));
                }
            }
        }
        let key = |x: &Key| &folded.as_bytes()[x.0 as usize..x.1 as usize];
        // by key, then in gazetteer order, aliases before variants
        all.sort_unstable_by(|a, b| {
            key(a)
                .cmp(key(b))
                .then((a.2, a.3, a.4).cmp(&(b.2, b.3, b.4)))
        });
        // one group of (entity, alias) per distinct key, in key order: a slot
        let groups: Vec<&[Key]> = all.chunk_by(|a, b| key(a) == key(b)).collect();
        let (keys, (candidates, aliases)) = std::thread::scope(|scope| {
            let trie =
                scope.spawn(|| {
                    (!groups.is_empty()).then(|| {
                        crawdad::Trie::from_keys(groups.iter().map(|g| {
                            std::str::from_utf8(key(&g[0])).expect("a folded alias is UTF-8")
                        }))
                        .expect("keys are sorted, unique and not empty")
                    })
                });
            let mut aliases = Vec::new();
            let candidates: Vec<Vec<Candidate>> = groups
                .iter()
                .map(|group| {
                    let mut c: Vec<Candidate> = group
                        .iter()
                        .map(|&(_, _, ix, k, v)| {
                            let e = &g.entities()[ix as usize];
                            let a = &e.aliases[k as usize];
                            // (an alias, not the name, written with an
                            // apostrophe genitive is one whatever the other
                            // names: "Britain's" beside "United Kingdom", not
                            // the name "McDonald's")
                            let stem_named = |suffix: &str| {
                                a.text
                                    .strip_suffix(suffix)
                                    .is_some_and(|stem| e.aliases.iter().any(|b| &*b.text == stem))
                            };
                            let apostrophe = k != 0
                                && ["'s", "’s"].iter().any(|x| {
                                    a.text.strip_suffix(x).is_some_and(|stem| !stem.is_empty())
                                });
                            let genitive =
                                apostrophe || ["'s", "’s", ":s", "s"].iter().any(|x| stem_named(x));
                            aliases.push(a.text.clone());
                            let alias = (aliases.len() - 1) as u32;
                            let form = if v == 0 {
                                alias
                            } else {
                                aliases.push(forms[v as usize - 1].clone());
                                (aliases.len() - 1) as u32
                            };
                            Candidate {
                                entity: ix,
                                alias,
                                form,
                                exact: a.case == CaseRule::Exact
                                    || (v != 0 && forms_exact[v as usize - 1]),
                                gated: a.gated,
                                variant: v != 0,
                                genitive,
                            }
                        })
                        .collect();
                    // ungated and written candidates first, later files
                    // (overrides, a user's gazetteer) before earlier ones,
                    // then exact ones
                    c.sort_by_key(|c| (c.gated, c.variant, std::cmp::Reverse(c.entity), !c.exact));
                    c
                })
                .collect();
            let keys = trie.join().expect("the trie build does not panic");
            (keys, (candidates, aliases))
        });
        let mut first = [false; 256];
        let mut words = FirstWords::new();
        for group in &groups {
            first[key(&group[0])[0] as usize] = true;
            words.add(key(&group[0]));
        }
        Matcher {
            keys: keys.map(std::sync::Arc::new),
            first,
            words,
            candidates,
            aliases,
            ids: g.entities().iter().map(|e| e.id.as_str().into()).collect(),
        }
    }

    fn alias(&self, c: &Candidate) -> &std::sync::Arc<str> {
        &self.aliases[c.alias as usize]
    }

    /// Every alias that starts at `at` in `folded`, shortest first: (end, slot).
    fn prefixes(&self, folded: &str, at: usize, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let rest = &folded[at..];
        // the trie counts chars: walk the byte offsets alongside
        let mut chars = rest.char_indices();
        let mut seen = 0;
        let mut end = 0;
        let Some(trie) = &self.keys else { return };
        for (slot, n) in trie.common_prefix_search(rest.chars()) {
            for (b, c) in chars.by_ref().take(n - seen) {
                end = b + c.len_utf8();
            }
            seen = n;
            out.push((at + end, slot as usize));
        }
    }

    /// Whether candidate `c` may name `text[s..e]`: whether it is written
    /// there as the alias asks (the exact case of an acronym), and whether
    /// its actor is named, as a gated alias needs (`seen`: the actors named
    /// so far).
    fn takes(&self, c: &Candidate, text: &str, s: usize, e: usize, seen: &[u32]) -> (bool, bool) {
        let written = !c.exact || text[s..e] == *self.aliases[c.form as usize];
        let named = !c.gated || seen.contains(&c.entity);
        (written, named)
    }

    /// Gazetteer mentions in `text` (whose folded copy is `folded`), in text order.
    ///
    /// A gated alias matches where its actor is named by another alias
    /// anywhere in the document ("Volvo … Volvokoncernen"): when one was
    /// turned away for want of an earlier mention, the text is read again
    /// with every actor the first reading named.
    pub fn find(&self, text: &str, folded: &str) -> Vec<Mention> {
        let (out, seen, gated_missed) = self.find_with(text, folded, Vec::new());
        if !gated_missed || seen.is_empty() {
            return out;
        }
        self.find_with(text, folded, seen).0
    }

    /// [`Matcher::find`] with the actors `seen` already named; also returns
    /// the actors named at the end, and whether a gated alias was turned
    /// away because its actor was not among them.
    fn find_with(
        &self,
        text: &str,
        folded: &str,
        mut seen: Vec<u32>,
    ) -> (Vec<Mention>, Vec<u32>, bool) {
        let mut out = Vec::new();
        let mut gated_missed = false;
        let bytes = folded.as_bytes();
        let mut ends = Vec::new();
        let mut longer = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            // a key's first byte is ASCII or a UTF-8 lead byte: always a char boundary
            let b = bytes[pos];
            let s = pos;
            if b.is_ascii_alphanumeric() && (s == 0 || !bytes[s - 1].is_ascii_alphanumeric()) {
                // the start of an ASCII word: no mention starts inside it, so each
                // way of turning it away goes on past its end
                let n = ascii_word(&bytes[s..]);
                let past = s + n;
                let bounded = s == 0 || bytes[s - 1] < 0x80 || {
                    boundary(char_before(text, s), char_at(text, s))
                };
                if !self.first[b as usize]
                    || !bounded
                    || (bytes.get(past).is_none_or(u8::is_ascii)
                        && !self.words.may_start(bytes, s, past))
                {
                    pos = past;
                    continue;
                }
            } else if b.is_ascii_alphanumeric() {
                // inside an ASCII word (after a non-ASCII letter) no mention starts
                pos += ascii_word(&bytes[s..]);
                continue;
            } else if !self.first[b as usize] {
                pos += 1;
                continue;
            } else if s > 0 && !boundary(char_before(text, s), char_at(text, s)) {
                pos += char_at(text, s).map_or(1, char::len_utf8);
                continue;
            }
            let step = if b < 0x80 {
                1
            } else {
                char_at(text, s).map_or(1, char::len_utf8)
            };
            self.prefixes(folded, s, &mut ends);
            // the longest alias may run into the next word ("Epiroc AB" in "Epiroc about"):
            // then try the shorter aliases that start at the same place
            let accepted = ends.iter().rev().find_map(|&(e, slot)| {
                let c = self.candidates[slot].iter().find(|c| {
                    let (written, named) = self.takes(c, text, s, e, &seen);
                    gated_missed |= written && !named;
                    written && named
                })?;
                // an alias written as a genitive ("Japan's" in a user gazetteer) is one too
                edges(text, s, e).map(|(end, genitive)| (c, end, genitive || c.genitive))
            });
            // "the Maldives Food and Drug Authority": an alias that opens
            // with an article gives way to a longer name that starts at the
            // word after it ("the Maldives" against "Maldives Food and Drug
            // Authority")
            let outrun = accepted.is_some_and(|(_, end, _)| {
                let next = s + 4;
                folded.get(s..next) == Some("the ") && {
                    self.prefixes(folded, next, &mut longer);
                    longer.iter().any(|&(e, slot)| {
                        e > end
                            && edges(text, next, e).is_some()
                            && self.candidates[slot]
                                .iter()
                                .any(|c| self.takes(c, text, next, e, &seen) == (true, true))
                    })
                }
            });
            if outrun {
                pos = s + 4;
                continue;
            }
            match accepted {
                Some((c, end, genitive)) => {
                    if !seen.contains(&c.entity) {
                        seen.push(c.entity);
                    }
                    out.push(Mention {
                        start: s,
                        end,
                        actor: self.ids[c.entity as usize].clone(),
                        alias: self.alias(c).clone(),
                        how: if c.gated { How::Gated } else { How::Gazetteer },
                        genitive,
                    });
                    pos = end;
                }
                None => pos = s + step,
            }
        }
        (out, seen, gated_missed)
    }
}

/// A Bloom-style filter of the first words of the keys, where a word is a run
/// of ASCII letters and digits: at a word start in the text, no key can match
/// unless the text's word (when an ASCII byte or the end follows it) is the
/// first word of some key, or a one-word key with a genitive `s`. No false
/// negatives; it turns away most ordinary words without entering the trie,
/// which costs a cache miss a character.
#[derive(Clone)]
struct FirstWords {
    first: Vec<u64>,
    whole: Vec<u64>,
}

const FIRST_BITS: u32 = 18;
const WHOLE_BITS: u32 = 17;

impl FirstWords {
    fn new() -> Self {
        FirstWords {
            first: vec![0; 1 << (FIRST_BITS - 6)],
            whole: vec![0; 1 << (WHOLE_BITS - 6)],
        }
    }

    /// The hash of the word `t[s..e]`, cut to `bits` bits.
    fn bit(t: &[u8], s: usize, e: usize, bits: u32) -> usize {
        (word_hash_in(t, s, e) >> (64 - bits)) as usize
    }

    fn set(set: &mut [u64], i: usize) {
        set[i / 64] |= 1 << (i % 64);
    }

    fn has(set: &[u64], i: usize) -> bool {
        set[i / 64] & (1 << (i % 64)) != 0
    }

    fn add(&mut self, key: &[u8]) {
        let n = ascii_word(key);
        if n > 0 {
            Self::set(&mut self.first, Self::bit(key, 0, n, FIRST_BITS));
            if n == key.len() {
                Self::set(&mut self.whole, Self::bit(key, 0, n, WHOLE_BITS));
            }
        }
    }

    /// Whether a key may start at the word `text[s..e]`, which is followed
    /// by an ASCII byte or the end.
    fn may_start(&self, text: &[u8], s: usize, e: usize) -> bool {
        Self::has(&self.first, Self::bit(text, s, e, FIRST_BITS))
            || (e > s + 1
                && text[e - 1] == b's'
                && Self::has(&self.whole, Self::bit(text, s, e - 1, WHOLE_BITS)))
    }
}

/// Checks the boundaries of a match at `s..e`; returns the mention's end (past a
/// genitive ending) and whether it is genitive, or `None` if it is not a mention.
pub fn edges(text: &str, s: usize, e: usize) -> Option<(usize, bool)> {
    let first = char_at(text, s)?;
    let last = char_before(text, e)?;
    let before = char_before(text, s);
    if !boundary(before, Some(first)) {
        return None;
    }
    // a hyphenated compound on the left ("anti-EU" is fine, "batteri-EU" is not a name)
    let after = char_at(text, e);
    match after {
        None => Some((e, false)),
        // a currency code: "US$330 million", "A$ 2 billion"
        Some('$') => None,
        Some(c) if boundary(Some(last), Some(c)) => {
            let rest = &text[e..];
            if c == '-' {
                // "EU-kommissionär": a compound of which the match is only the first part
                let next = rest[1..].chars().next();
                if next.is_some_and(|n| n.is_lowercase()) {
                    return None;
                }
                return Some((e, false));
            }
            for suffix in [":s", "'s", "’s", ":n", ":t"] {
                if let Some(r) = rest.strip_prefix(suffix) {
                    if boundary(suffix.chars().last(), r.chars().next()) {
                        return Some((e + suffix.len(), true));
                    }
                }
            }
            Some((e, false))
        }
        // Swedish genitive of a name (never of an acronym: that is `EU:s`, and `EBAs` is a plural)
        Some('s')
            if last.is_alphabetic() && !last.is_uppercase() && !matches!(last, 's' | 'x' | 'z') =>
        {
            // Swedish genitive: Japans, Energimyndighetens
            let r = &text[e + 1..];
            if boundary(Some('s'), r.chars().next()) && !r.starts_with('-') {
                Some((e + 1, true))
            } else {
                None
            }
        }
        Some(_) => None,
    }
}

/// Finds every bounded occurrence of `needle` (exactly as written) in `text`.
pub fn find_exact(text: &str, needle: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find(needle) {
        let s = from + p;
        if let Some((end, gen)) = edges(text, s, s + needle.len()) {
            out.push((s, end, gen));
        }
        from = s + needle.len().max(1);
    }
    out
}

/// Finds every bounded occurrence of `needle` case-insensitively (via the folded text).
pub fn find_folded(text: &str, folded: &str, needle: &str) -> Vec<(usize, usize, bool)> {
    let key = fold(needle);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = folded[from..].find(&key) {
        let s = from + p;
        if let Some((end, gen)) = edges(text, s, s + key.len()) {
            out.push((s, end, gen));
        }
        from = s + key.len().max(1);
    }
    out
}

/// [`find_exact`] of each needle, or [`find_folded`] when `folded` is given,
/// in one pass over the text whatever the number of needles (a long document
/// learns many names; a search per name made it quadratic, issue 17).
pub fn find_all(
    text: &str,
    folded: Option<&str>,
    needles: &[&str],
) -> Vec<Vec<(usize, usize, bool)>> {
    let keys: Vec<String> = needles
        .iter()
        .map(|n| folded.map_or_else(|| n.to_string(), |_| fold(n)))
        .collect();
    // one pattern per distinct non-empty key
    let mut ids: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut patterns: Vec<&str> = Vec::new();
    for k in keys.iter().filter(|k| !k.is_empty()) {
        ids.entry(k.as_str()).or_insert_with(|| {
            patterns.push(k.as_str());
            patterns.len() - 1
        });
    }
    let hay = folded.unwrap_or(text);
    let mut hits: Vec<Vec<(usize, usize, bool)>> = vec![Vec::new(); patterns.len()];
    // (an automaton too large to build, or one that costs more to build than
    // a search per needle of a short text: the search per needle)
    let ac = (hay.len().saturating_mul(patterns.len()) > 1 << 20)
        .then(|| aho_corasick::AhoCorasick::builder().build(&patterns).ok())
        .flatten();
    if let Some(ac) = ac.as_ref().filter(|_| !patterns.is_empty()) {
        // as the search for one needle goes: on from the end of each occurrence
        let mut next_from = vec![0usize; patterns.len()];
        for m in ac.find_overlapping_iter(hay) {
            let p = m.pattern().as_usize();
            if m.start() < next_from[p] {
                continue;
            }
            next_from[p] = m.end();
            if let Some((end, gen)) = edges(text, m.start(), m.end()) {
                hits[p].push((m.start(), end, gen));
            }
        }
    }
    keys.iter()
        .zip(needles)
        .map(|(k, n)| match (ids.get(k.as_str()), &ac, folded) {
            _ if k.is_empty() => Vec::new(),
            (Some(&p), Some(_), _) => hits[p].clone(),
            (_, _, Some(f)) => find_folded(text, f, n),
            (_, _, None) => find_exact(text, n),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `find_all` gives what a search per needle gives.
    #[test]
    fn find_all_is_a_search_per_needle() {
        let text = "Anna Berg och Berg AB; BERGS berg-Berg Bergs. aaaa Anna Bergs";
        let folded = fold(text);
        let needles = ["Berg", "Anna Berg", "berg", "aa", "Berg", "Bergs", "ANNA"];
        let exact = find_all(text, None, &needles);
        let fold_all = find_all(text, Some(&folded), &needles);
        for (k, n) in needles.iter().enumerate() {
            assert_eq!(exact[k], find_exact(text, n), "{n}");
            assert_eq!(fold_all[k], find_folded(text, &folded, n), "{n}");
        }
        // Anna Berg, Berg AB, berg-Berg, Bergs. and Bergs (genitives); not BERGS
        assert_eq!(exact[0].len(), 5);
    }

    fn gz() -> Gazetteer {
        let mut b = Gazetteer::builder();
        b.add_source(
            "t.tsv",
            "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
             eu\tgovernment\tEuropean Union\tEU\n\
             ec\tgovernment\tEuropean Commission\tEU-kommissionen|Kommissionen\n\
             japan\tcountry\tJapan\n\
             meti\tgovernment\tMinistry of Economy, Trade and Industry\tMETI|Ministry of Economy, Trade and Industry of Japan\n\
             eba\talliance\tEuropean Battery Alliance\tEBA\n\
             stena\tcompany\tStena Recycling\tStena?\n\
             malmo\torganization\tMalmö Högskola\n\
             jetro_jp\tgovernment\t日本貿易振興機構\n\
             amp\tcompany\t&Partners\n\
             un\talliance\tFörenta nationerna\n\
             vaxjo\torganization\tVäxjö kommun\tVäxjö\n\
             saab\tcompany\tSaab-Scania\tSaab AB (publ)\n\
             abc\tcompany\tABC東京\n\
             hague\tgovernment\tThe Hague Group\n",
        );
        b.build().unwrap()
    }

    fn run(text: &str) -> Vec<(String, String)> {
        let m = Matcher::new(&gz());
        m.find(text, &fold(text))
            .into_iter()
            .map(|x| (x.actor.to_string(), text[x.start..x.end].to_string()))
            .collect()
    }

    #[test]
    fn a_gazetteer_without_entities_matches_nothing() {
        let g = Gazetteer::builder().build().unwrap();
        assert!(Matcher::new(&g)
            .find("JOGMEC and EU", "jogmec and eu")
            .is_empty());
    }

    #[test]
    fn longest_alias_wins() {
        assert_eq!(
            run("the Ministry of Economy, Trade and Industry of Japan said"),
            [(
                "meti".into(),
                "Ministry of Economy, Trade and Industry of Japan".into()
            )]
        );
    }

    #[test]
    fn genitives_resolve() {
        let got = run("JOGMEC och EU:s plan, Japans roll, Japan's and Japan’s view");
        let forms: Vec<&str> = got.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(forms, ["EU:s", "Japans", "Japan's", "Japan’s"]);
    }

    #[test]
    fn an_alias_spelled_as_a_genitive_is_a_genitive() {
        let mut b = Gazetteer::builder();
        b.add_source(
            "t.tsv",
            "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
             jordan\tcountry\tJordan\tJordan's\n\
             europe\tregion\tEurope\tEuropas|Europa\n\
             mcd\tcompany\tMcDonald's\n\
             uk\tcountry\tUnited Kingdom\tBritain's|UK\n",
        );
        let g = b.build().unwrap();
        // "McDonald's" is a name: no other name of it is its stem; "Britain's"
        // is an alias with an apostrophe genitive, whatever its stem
        let text = "Jordan's ministry and Jordan; Europas industri och Europa; McDonald's deal; Britain's Vodafone";
        let got = Matcher::new(&g).find(text, &fold(text));
        let flags: Vec<bool> = got.iter().map(|m| m.genitive).collect();
        assert_eq!(flags, [true, false, true, false, false, true]);
    }

    #[test]
    fn an_alias_with_an_article_gives_way_to_a_longer_name_after_it() {
        let mut b = Gazetteer::builder();
        b.add_source(
            "t.tsv",
            "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
             mv\tcountry\tMaldives\tthe Maldives\n\
             mfda\tgovernment\tMaldives Food and Drug Authority\n\
             nyt\torganization\tThe New York Times\n",
        );
        let g = b.build().unwrap();
        let text =
            "MoU with the Maldives Food and Drug Authority; the Maldives; The New York Times";
        let got: Vec<(String, &str)> = Matcher::new(&g)
            .find(text, &fold(text))
            .iter()
            .map(|m| (m.actor.to_string(), &text[m.start..m.end]))
            .collect();
        assert_eq!(
            got,
            [
                ("mfda".to_string(), "Maldives Food and Drug Authority"),
                ("mv".to_string(), "the Maldives"),
                ("nyt".to_string(), "The New York Times"),
            ]
        );
    }

    /// A name a later file gives another entity wins over an earlier file's
    /// alias of the same key, also over one matched case-exactly (a user
    /// gazetteer over the shipped one).
    #[test]
    fn a_later_file_wins_an_alias_also_over_an_exact_one() {
        let mut b = Gazetteer::builder();
        b.add_source(
            "shipped.tsv",
            "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
             por\tcompany\tPort of Rotterdam Authority\t=Port of Rotterdam\n",
        );
        b.add_source(
            "user.tsv",
            "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n\
             u_por\tcompany\tPort of Rotterdam\tRotterdams hamn\n",
        );
        let g = b.build().unwrap();
        let text = "an MoU with Port of Rotterdam; Port of Rotterdam Authority";
        let got: Vec<String> = Matcher::new(&g)
            .find(text, &fold(text))
            .iter()
            .map(|m| m.actor.to_string())
            .collect();
        assert_eq!(got, ["u_por", "por"]);
    }

    #[test]
    fn compounds_and_acronym_case() {
        let got = run("EU-kommissionen och EU-kommissionärer, eba och EBA, EU–Japan");
        let forms: Vec<(&str, &str)> = got.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            forms,
            [
                ("ec", "EU-kommissionen"),
                ("eba", "EBA"),
                ("eu", "EU"),
                ("japan", "Japan")
            ]
        );
    }

    #[test]
    fn unicode_boundaries() {
        assert!(run("Japanska företag").is_empty());
        assert!(run("Malmö Högskolas").len() == 1);
        assert!(run("Malmö Högskolaö").is_empty());
        assert_eq!(run("日本の日本貿易振興機構は")[0].0, "jetro_jp");
    }

    #[test]
    fn gated_aliases_need_another_mention_anywhere() {
        assert!(run("Stena grows.").is_empty());
        let got = run("Stena Recycling said Stena's plant");
        assert_eq!(got[1], ("stena".into(), "Stena's".into()));
        // before the other mention too
        let got = run("Stena's plant: Stena Recycling said so");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("stena".into(), "Stena's".into()));
    }

    /// The matcher's semantics written the slow way: every char boundary, every
    /// alias (or variant of one) that the folded text holds there, longest
    /// first; a gated alias where its actor is named anywhere (a second
    /// reading with the actors of the first).
    fn reference(g: &Gazetteer, text: &str) -> Vec<(usize, usize, String)> {
        let (_, seen) = reference_with(g, text, Vec::new());
        reference_with(g, text, seen).0
    }

    fn reference_with(
        g: &Gazetteer,
        text: &str,
        mut seen: Vec<usize>,
    ) -> (Vec<(usize, usize, String)>, Vec<usize>) {
        let folded = fold(text);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            // (end, entity, alias, the form written, is a variant, matched as written)
            let mut hits: Vec<(usize, usize, &crate::gazetteer::Alias, String, bool, bool)> =
                Vec::new();
            for (ix, e) in g.entities().iter().enumerate() {
                for a in &e.aliases {
                    let forms = std::iter::once((a.text.to_string(), false, false))
                        .chain(
                            crate::gazetteer::variants(&a.text)
                                .into_iter()
                                .map(|v| (v, true, false)),
                        )
                        .chain(
                            crate::gazetteer::exact_variants(&a.text)
                                .into_iter()
                                .map(|v| (v, true, true)),
                        );
                    for (form, variant, exact) in forms {
                        let k = fold(&form);
                        if !k.is_empty() && folded[pos..].starts_with(&k) {
                            let exact = exact || a.case == CaseRule::Exact;
                            hits.push((pos + k.len(), ix, a, form, variant, exact));
                        }
                    }
                }
            }
            // longest first; then as the candidate order: ungated, written, exact, later entity
            hits.sort_by_key(|(e, ix, a, _, variant, exact)| {
                (
                    std::cmp::Reverse(*e),
                    a.gated,
                    *variant,
                    !*exact,
                    std::cmp::Reverse(*ix),
                )
            });
            let accepted = hits.iter().find_map(|(e, ix, a, form, _, exact)| {
                let ok = (!*exact || text[pos..*e] == **form) && (!a.gated || seen.contains(ix));
                if !ok {
                    return None;
                }
                edges(text, pos, *e).map(|(end, _)| (*ix, end))
            });
            match accepted {
                Some((ix, end)) => {
                    if !seen.contains(&ix) {
                        seen.push(ix);
                    }
                    out.push((pos, end, g.entities()[ix].id.clone()));
                    pos = end;
                }
                None => pos += char_at(text, pos).map_or(1, char::len_utf8),
            }
        }
        (out, seen)
    }

    #[test]
    fn the_word_filters_let_every_key_through() {
        // each way a key goes on from its first word, with genitives and near misses
        let g = gz();
        let m = Matcher::new(&g);
        for text in [
            "Förenta nationernas råd och Förenta nationerna.",
            "Förenta staterna, förenta och EU",
            "Saab-Scania och Saab AB (publ) men inte Saab AB.",
            "ABC東京 och ABC",
            "Växjös och Växjö kommuns budget; Växjöbor",
            "The Hague Group's report, the Hague Groups and the hague",
            "EU:s och EU’s och EUs",
        ] {
            let got: Vec<(usize, usize, String)> = m
                .find(text, &fold(text))
                .into_iter()
                .map(|x| (x.start, x.end, x.actor.to_string()))
                .collect();
            assert_eq!(got, reference(&g, text), "{text}");
            assert!(!got.is_empty(), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The trie walked at word starts behind the first-word filter finds
        /// exactly what the slow reference finds.
        #[test]
        fn same_mentions_as_the_slow_reference(
            pieces in proptest::collection::vec(0usize..PIECES.len(), 0..40),
            seps in proptest::collection::vec(0usize..SEPS.len(), 40),
        ) {
            let g = gz();
            let m = Matcher::new(&g);
            let mut text = String::new();
            for (i, p) in pieces.iter().enumerate() {
                text.push_str(PIECES[*p]);
                text.push_str(SEPS[seps[i]]);
            }
            let got: Vec<(usize, usize, String)> = m
                .find(&text, &fold(&text))
                .into_iter()
                .map(|x| (x.start, x.end, x.actor.to_string()))
                .collect();
            proptest::prop_assert_eq!(got, reference(&g, &text), "text: {:?}", text);
        }
    }

    /// Alias pieces, their neighbours and near misses, in several cases and scripts.
    const PIECES: &[&str] = &[
        "EU",
        "eu",
        "Eu",
        "EU:s",
        "EUs",
        "EU-kommissionen",
        "EU-kommissionär",
        "anti-EU",
        "European",
        "European Union",
        "European Commission",
        "Kommissionen",
        "kommissionens",
        "Japan",
        "Japans",
        "Japan's",
        "Japan’s",
        "Japanese",
        "JAPAN",
        "japan",
        "Nippon",
        "Ministry of Economy, Trade and Industry",
        "Ministry",
        "of Japan",
        "METI",
        "Meti",
        "EBA",
        "EBAs",
        "eba",
        "European Battery Alliance",
        "Battery",
        "Stena",
        "Stena Recycling",
        "Stena Recyclings",
        "Malmö Högskola",
        "MALMÖ HÖGSKOLA",
        "Malmö",
        "Högskolan",
        "日本貿易振興機構",
        "日本",
        "の",
        "Trade",
        "and",
        "s",
        "the",
        "ÅÄÖ",
        "x1",
        "2025",
        "&Partners",
        "x&Partners",
        "Förenta nationerna",
        "Förenta",
        "nationernas",
        "Växjö",
        "Växjös",
        "Växjöbor",
        "kommun",
        "Saab-Scania",
        "Saab",
        "Saab AB",
        "AB (publ)",
        "ABC東京",
        "ABC",
        "東京",
        "The Hague Group",
        "The Hague",
        "The",
        "Hague Groups",
        "Group",
    ];
    const SEPS: &[&str] = &[
        " ", " ", " ", ", ", ". ", "-", "", "\n", "(", ") ", "’", "'", ":",
    ];
}
