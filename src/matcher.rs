//! Matching: finds actor mentions in a document with one aho-corasick automaton
//! over every gazetteer alias (leftmost-longest), on Unicode word boundaries,
//! resolving Swedish and English genitives and refusing hyphenated compounds.
//!
//! Takes a document's text (and its offset-preserving folded copy); gives
//! [`Mention`]s with byte spans into the original text.

use crate::gazetteer::{CaseRule, Gazetteer};
use crate::text::{boundary, char_at, char_before, fold};
use aho_corasick::{AhoCorasick, MatchKind};

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
    pub actor: String,
    /// The alias that matched, as written in the gazetteer (or learned).
    pub alias: String,
    /// How it was found.
    pub how: How,
    /// The surface form ends in a genitive (`:s`, `s`, `'s`).
    pub genitive: bool,
}

#[derive(Debug, Clone)]
struct Candidate {
    entity: usize,
    alias: String,
    exact: bool,
    gated: bool,
}

/// The compiled automaton over a gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    candidates: Vec<Vec<Candidate>>,
    ids: Vec<String>,
}

impl Matcher {
    /// Builds the automaton over every alias; O(total alias length).
    ///
    /// # Panics
    /// If the automaton exceeds aho-corasick's size limits (billions of states).
    pub fn new(g: &Gazetteer) -> Self {
        let mut keys: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        for (ix, e) in g.entities().iter().enumerate() {
            for a in &e.aliases {
                let key = a.key();
                let slot = *index.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    candidates.push(Vec::new());
                    candidates.len() - 1
                });
                candidates[slot].push(Candidate {
                    entity: ix,
                    alias: a.text.clone(),
                    exact: a.case == CaseRule::Exact,
                    gated: a.gated,
                });
            }
        }
        // ungated and exact candidates first, later files (overrides) before earlier ones
        for c in &mut candidates {
            c.sort_by_key(|c| (c.gated, !c.exact, std::cmp::Reverse(c.entity)));
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Both)
            .build(&keys)
            .expect("automaton within limits");
        Matcher {
            ac,
            candidates,
            ids: g.entities().iter().map(|e| e.id.clone()).collect(),
        }
    }

    /// Gazetteer mentions in `text` (whose folded copy is `folded`), in text order.
    pub fn find(&self, text: &str, folded: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.ids.len()];
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self
                .ac
                .find(aho_corasick::Input::new(folded).span(pos..text.len()))
            else {
                break;
            };
            let (s, mut e) = (m.start(), m.end());
            let mut pattern = m.pattern().as_usize();
            // the longest alias may run into the next word ("Epiroc AB" in "Epiroc about"):
            // then try the shorter aliases that start at the same place
            let accepted = loop {
                let hit = self.candidates[pattern]
                    .iter()
                    .find(|c| (!c.exact || text[s..e] == c.alias) && (!c.gated || seen[c.entity]));
                if let Some(ok) =
                    hit.and_then(|c| edges(text, s, e).map(|(end, genitive)| (c, end, genitive)))
                {
                    break Some(ok);
                }
                let shorter = self.ac.find(
                    aho_corasick::Input::new(folded)
                        .range(s..e - 1)
                        .anchored(aho_corasick::Anchored::Yes),
                );
                match shorter {
                    Some(m) if m.end() > s => {
                        e = m.end();
                        pattern = m.pattern().as_usize();
                    }
                    _ => break None,
                }
            };
            match accepted {
                Some((c, end, genitive)) => {
                    seen[c.entity] = true;
                    out.push(Mention {
                        start: s,
                        end,
                        actor: self.ids[c.entity].clone(),
                        alias: c.alias.clone(),
                        how: if c.gated { How::Gated } else { How::Gazetteer },
                        genitive,
                    });
                    pos = end;
                }
                None => pos = s + char_at(text, s).map_or(1, char::len_utf8),
            }
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

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
             jetro_jp\tgovernment\t日本貿易振興機構\n",
        );
        b.build().unwrap()
    }

    fn run(text: &str) -> Vec<(String, String)> {
        let m = Matcher::new(&gz());
        m.find(text, &fold(text))
            .into_iter()
            .map(|x| (x.actor, text[x.start..x.end].to_string()))
            .collect()
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
    fn gated_aliases_need_an_earlier_mention() {
        assert!(run("Stena grows.").is_empty());
        let got = run("Stena Recycling said Stena's plant");
        assert_eq!(got[1], ("stena".into(), "Stena's".into()));
    }
}
