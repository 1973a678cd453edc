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
use crate::lexicon::{Lexicon, PhraseMatch, Tag};
use crate::matcher::{find_exact, find_folded, How, Mention};
use crate::text::{is_word_char, slug};
use std::collections::BTreeMap;

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

/// Learns acronym definitions and discovers people in `text`.
///
/// `sentences` are byte spans; `mentions` are the gazetteer's (sorted);
/// `phrases` are the lexicon's matches over the whole text.
pub fn discover(
    text: &str,
    folded: &str,
    sentences: &[(usize, usize)],
    mentions: &[Mention],
    phrases: &[PhraseMatch],
    lexicon: &Lexicon,
) -> Found {
    let mut found = Found::default();
    let mut actors: BTreeMap<String, Discovered> = BTreeMap::new();
    let mention_at = |s: usize, e: usize| {
        mentions
            .iter()
            .find(|m| m.start <= s && m.end >= e && m.start < e)
    };
    let ending_at = |e: usize| mentions.iter().find(|m| m.end == e);
    let is_head = |s: usize, e: usize| {
        phrases
            .iter()
            .any(|p| p.start == s && p.end == e && p.tags.contains(&Tag::OrgHead))
    };
    let is_coord = |s: usize, e: usize| {
        phrases
            .iter()
            .any(|p| p.start == s && p.end == e && p.tags.contains(&Tag::Coord))
    };
    let connector = |w: &str| {
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
    };

    let mut learned: Vec<(String, String, bool)> = Vec::new(); // (surface, actor, exact)
    for (ss, se) in sentences.iter().copied() {
        // only "(" starts a definition
        if !text[ss..se].contains('(') {
            continue;
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
            let before_end = toks[i - 1].end;
            if close == i + 2
                && looks_like_acronym(inner_text.trim_end_matches(|c: char| !c.is_alphanumeric()))
                && inner_text.len() <= 12
            {
                // "Long Name (ACR)"
                let acr_m = mention_at(inner.0, inner.1);
                let prev_m = ending_at(before_end);
                match (prev_m, acr_m) {
                    (Some(p), None) => {
                        learned.push((inner_text.to_string(), p.actor.to_string(), true))
                    }
                    (None, acr) => {
                        let Some(ls) = long_form_start(
                            text,
                            &toks[..i],
                            mentions,
                            &is_head,
                            &is_coord,
                            &connector,
                            inner_text,
                        ) else {
                            continue;
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
                                let kind = match lexicon.type_for(&long) {
                                    Some("none") => continue,
                                    Some(t) => {
                                        ActorType::parse(t).unwrap_or(ActorType::Organization)
                                    }
                                    None if capitalized(&long) => ActorType::Organization,
                                    None => continue,
                                };
                                let id = format!("x-{}", slug(inner_text));
                                found.replaced.push((ls, before_end));
                                found.mentions.push(Mention {
                                    start: ls,
                                    end: before_end,
                                    actor: id.as_str().into(),
                                    alias: long.as_str().into(),
                                    how: How::Discovered,
                                    genitive: false,
                                });
                                learned.push((long.clone(), id.clone(), false));
                                learned.push((inner_text.to_string(), id.clone(), true));
                                actors.entry(id.clone()).or_insert(Discovered {
                                    id,
                                    kind,
                                    name: normalize_ws(&long),
                                    aliases: vec![inner_text.to_string()],
                                });
                            }
                        }
                    }
                    _ => {}
                }
            } else if close > i + 2 && capitalized(inner_text) {
                // "ACR (Long Name)"
                let prev = &text[toks[i - 1].start..toks[i - 1].end];
                if !looks_like_acronym(prev) {
                    continue;
                }
                let inner_m = mentions
                    .iter()
                    .find(|m| m.start == inner.0 && m.end >= inner.1);
                let prev_m = mention_at(toks[i - 1].start, toks[i - 1].end);
                match (prev_m, inner_m) {
                    (Some(p), None) => {
                        learned.push((inner_text.to_string(), p.actor.to_string(), false))
                    }
                    (None, Some(m)) => learned.push((prev.to_string(), m.actor.to_string(), true)),
                    _ => {}
                }
            }
        }
    }
    // every later occurrence of a learned form
    let covered = |s: usize, e: usize, found: &Found| {
        mentions
            .iter()
            .chain(found.mentions.iter())
            .any(|m| m.start < e && s < m.end)
    };
    for (surface, actor, exact) in &learned {
        let hits = if *exact {
            find_exact(text, surface)
        } else {
            find_folded(text, folded, surface)
        };
        let alias: std::sync::Arc<str> = surface.as_str().into();
        let actor_id: std::sync::Arc<str> = actor.as_str().into();
        for (s, e, genitive) in hits {
            if !covered(s, e, &found) {
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
    discover_people(text, sentences, mentions, phrases, &mut found, &mut actors);
    found.actors = actors.into_values().collect();
    found.mentions.sort_by_key(|m| (m.start, m.end));
    found
}

fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the long form of an acronym starts, scanning back from the `(`.
#[allow(clippy::too_many_arguments)]
fn long_form_start(
    text: &str,
    toks: &[Tok],
    mentions: &[Mention],
    is_head: &dyn Fn(usize, usize) -> bool,
    is_coord: &dyn Fn(usize, usize) -> bool,
    connector: &dyn Fn(&str) -> bool,
    acronym: &str,
) -> Option<usize> {
    let in_mention = |t: &Tok| {
        mentions
            .iter()
            .any(|m| m.start <= t.start && t.end <= m.end)
    };
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

fn discover_people(
    text: &str,
    sentences: &[(usize, usize)],
    mentions: &[Mention],
    phrases: &[PhraseMatch],
    found: &mut Found,
    actors: &mut BTreeMap<String, Discovered>,
) {
    let phrase_at = |s: usize| phrases.iter().find(|p| p.start == s);
    let phrase_ending = |e: usize| phrases.iter().find(|p| p.end == e);
    let is_lex = |t: &Tok| phrases.iter().any(|p| p.start <= t.start && t.end <= p.end);
    let in_mention = |s: usize, e: usize, found: &Found| {
        mentions
            .iter()
            .chain(found.mentions.iter())
            .any(|m| m.start < e && s < m.end)
    };
    let name_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !w.contains(':')
    };
    let mut names: Vec<String> = Vec::new();
    // a person is recognised by a role word, an apposition with a role, or a
    // signing or speaking verb: sentences with none of these are skipped
    let cue = |p: &PhraseMatch| {
        p.tags
            .iter()
            .any(|t| matches!(t, Tag::Role | Tag::Status(_) | Tag::Comment))
    };
    for (ss, se) in sentences.iter().copied() {
        let from = phrases.partition_point(|p| p.start < ss);
        let genitive = mentions
            .iter()
            .skip(mentions.partition_point(|m| m.start < ss))
            .take_while(|m| m.start < se)
            .any(|m| m.genitive);
        if !genitive && !phrases[from..].iter().take_while(|p| p.start < se).any(cue) {
            continue;
        }
        let toks = tokens(text, ss, se);
        let mut i = 0;
        while i < toks.len() {
            let mut j = i;
            while j < toks.len()
                && j - i < 3
                && toks[j].word
                && name_word(&text[toks[j].start..toks[j].end])
                && !is_lex(&toks[j])
                && !in_mention(toks[j].start, toks[j].end, found)
            {
                j += 1;
            }
            if j - i < 2 {
                i += 1;
                continue;
            }
            let (s, e) = (toks[i].start, toks[j - 1].end);
            // context before: a role word right before (optionally with a comma)
            let mut before = s;
            while before > ss && text[..before].ends_with(|c: char| c.is_whitespace() || c == ',') {
                before -= 1;
            }
            let role_before = phrase_ending(before).is_some_and(|p| p.tags.contains(&Tag::Role));
            // context after: ", <role|genitive mention>" or a signing/speaking verb
            let rest = text[e..se].trim_start();
            let after_at = se - rest.len();
            let appos = rest.starts_with(',') && {
                let r2 = rest[1..].trim_start();
                let at = se - r2.len();
                mentions.iter().any(|m| m.start == at && m.genitive)
                    || phrase_at(at).is_some_and(|p| {
                        p.tags
                            .iter()
                            .any(|t| matches!(t, Tag::Role | Tag::Determiner))
                            && phrases.iter().any(|q| {
                                q.start >= at && q.start < at + 40 && q.tags.contains(&Tag::Role)
                            })
                    })
            };
            let verb_after = phrase_at(after_at).is_some_and(|p| {
                p.tags
                    .iter()
                    .any(|t| matches!(t, Tag::Status(_) | Tag::Comment))
            });
            if role_before || appos || verb_after {
                let name = normalize_ws(&text[s..e]);
                let id = format!("x-{}", slug(&name));
                if !names.contains(&name) {
                    names.push(name.clone());
                }
                let surname = name.split(' ').next_back().unwrap_or("").to_string();
                actors.entry(id.clone()).or_insert(Discovered {
                    id,
                    kind: ActorType::Person,
                    name,
                    aliases: vec![surname],
                });
            }
            i = j;
        }
    }
    // every occurrence of the full name, then the surname after the first mention
    for name in names {
        let id = format!("x-{}", slug(&name));
        let hits = find_exact(text, &name);
        let Some(first) = hits.first().map(|h| h.0) else {
            continue;
        };
        let alias: std::sync::Arc<str> = name.as_str().into();
        let actor: std::sync::Arc<str> = id.as_str().into();
        for (s, e, g) in hits {
            if !in_mention(s, e, found) {
                found.mentions.push(Mention {
                    start: s,
                    end: e,
                    actor: actor.clone(),
                    alias: alias.clone(),
                    how: How::Discovered,
                    genitive: g,
                });
            }
        }
        let surname = name.split(' ').next_back().unwrap_or("").to_string();
        let alias: std::sync::Arc<str> = surname.as_str().into();
        for (s, e, g) in find_exact(text, &surname) {
            if s > first && !in_mention(s, e, found) {
                found.mentions.push(Mention {
                    start: s,
                    end: e,
                    actor: actor.clone(),
                    alias: alias.clone(),
                    how: How::Discovered,
                    genitive: g,
                });
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
