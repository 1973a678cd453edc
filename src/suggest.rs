//! Suggestions: the actors discovered across a corpus (not in the gazetteer),
//! gathered as gazetteer rows to review and load back with `--gazetteer`.
//!
//! Takes each document's fragment and discovered actors, in input order; gives
//! TSV text in the gazetteer format (`gazetteers/README.md`), one row per actor
//! with a comment line above it: mention and document counts, the type guess,
//! the rule that found it and one example sentence.

use crate::discover::Discovered;
use crate::fragment::Fragment;
use crate::gazetteer::{claim_key as claim, looks_like_acronym, writable_alias as writable};
use crate::gazetteer::{ActorType, Gazetteer, HEADER};
use std::collections::{BTreeMap, HashSet};

/// Longest example sentence written, in chars (longer ones are cut with `…`).
const EXAMPLE_CHARS: usize = 240;

/// One discovered actor, over the whole corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The discovered id (`x-<slug>`).
    pub discovered_id: String,
    /// Type guess (from the first document that found it).
    pub kind: ActorType,
    /// Name.
    pub name: String,
    /// Other names (acronyms, the name without a legal form).
    pub aliases: Vec<String>,
    /// The rule that found it first.
    pub rule: &'static str,
    /// Mentions over the corpus.
    pub count: usize,
    /// Documents that name it.
    pub docs: usize,
    /// The document and sentence of its first mention.
    pub example: (String, String),
}

/// Gathers discovered actors document by document.
#[derive(Debug, Default)]
pub struct Suggestions {
    by_id: BTreeMap<String, Suggestion>,
}

impl Suggestions {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one document: its text, sentence spans, fragment and discovered actors.
    pub fn add(
        &mut self,
        text: &str,
        sentences: &[(usize, usize)],
        fragment: &Fragment,
        discovered: &[Discovered],
    ) {
        for d in discovered {
            let id = format!("actor:{}", d.id);
            let Some(rec) = fragment.actors.iter().find(|a| a.id == id) else {
                continue;
            };
            let Some(first) = rec.mentions.first() else {
                continue;
            };
            let s = self
                .by_id
                .entry(d.id.clone())
                .or_insert_with(|| Suggestion {
                    discovered_id: d.id.clone(),
                    kind: d.kind,
                    name: d.name.clone(),
                    aliases: Vec::new(),
                    rule: d.rule,
                    count: 0,
                    docs: 0,
                    example: (
                        fragment.doc.clone(),
                        sentence_at(text, sentences, first.start as usize),
                    ),
                });
            s.count += rec.mentions.len();
            s.docs += 1;
            for a in &d.aliases {
                if *a != s.name && !s.aliases.contains(a) {
                    s.aliases.push(a.clone());
                }
            }
        }
    }

    /// The suggestions, most mentioned first (then by name and id).
    pub fn finish(self) -> Vec<Suggestion> {
        let mut v: Vec<Suggestion> = self.by_id.into_values().collect();
        v.sort_by(|a, b| {
            (std::cmp::Reverse(a.count), &a.name, &a.discovered_id).cmp(&(
                std::cmp::Reverse(b.count),
                &b.name,
                &b.discovered_id,
            ))
        });
        v
    }
}

/// The sentence around byte `pos`, on one line, cut to [`EXAMPLE_CHARS`].
fn sentence_at(text: &str, sentences: &[(usize, usize)], pos: usize) -> String {
    let (s, e) = sentences
        .iter()
        .copied()
        .find(|&(s, e)| s <= pos && pos < e)
        .unwrap_or((pos, pos));
    let one_line = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= EXAMPLE_CHARS {
        one_line
    } else {
        one_line.chars().take(EXAMPLE_CHARS).collect::<String>() + "…"
    }
}

/// Writes suggestions as a gazetteer file: the header, then per actor a
/// comment line and a row. Ids are the discovered slugs, made unique against
/// `known`; an alias another row already claims is left out (and said so in
/// the comment), as the gazetteer would reject it. Acronyms are plain
/// aliases; other aliases (a company's name without its legal form) are
/// gated with `?`, as discovery uses them only where the full name appears.
pub fn to_tsv(suggestions: &[Suggestion], known: &Gazetteer) -> String {
    let mut out = format!(
        "# Actors discovered by `pactgraph gazetteer suggest`: review each row (name, type,\n\
         # aliases), delete what is wrong, then load the file with --gazetteer.\n{HEADER}\n"
    );
    let mut ids: HashSet<String> = HashSet::new();
    let mut claims: HashSet<(String, bool)> = HashSet::new();
    for s in suggestions {
        let mut notes = Vec::new();
        let base = s.discovered_id.trim_start_matches("x-").to_string();
        let mut id = base.clone();
        let mut n = 2;
        while known.get(&id).is_some() || ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let head = format!(
            "# {} mention{} in {} document{}; {} ({}); {}: \"{}\"",
            s.count,
            if s.count == 1 { "" } else { "s" },
            s.docs,
            if s.docs == 1 { "" } else { "s" },
            s.kind,
            s.rule,
            s.example.0,
            s.example.1
        );
        if s.name.contains(['\t', '|']) || !claims.insert(claim(&s.name)) {
            out.push_str(&format!(
                "{head}\n# left out: the name `{}` cannot be a row (a tab or `|` in it, or another row has it)\n",
                s.name
            ));
            continue;
        }
        ids.insert(id.clone());
        let surname = s.name.split_whitespace().next_back().unwrap_or("");
        let mut aliases = Vec::new();
        for a in &s.aliases {
            if s.kind == ActorType::Person && a == surname {
                continue; // every person's surname is a gated alias already
            }
            if !writable(a) {
                notes.push(format!("alias `{a}` left out (it would be read as flags)"));
                continue;
            }
            if looks_like_acronym(a) {
                if !claims.insert(claim(a)) {
                    notes.push(format!("alias `{a}` left out (another row has it)"));
                    continue;
                }
                aliases.push(a.clone());
            } else {
                aliases.push(format!("{a}?"));
            }
        }
        out.push_str(&head);
        for note in notes {
            out.push_str(&format!("; {note}"));
        }
        out.push('\n');
        out.push_str(&format!(
            "{id}\t{}\t{}\t{}\n",
            s.kind,
            s.name,
            aliases.join("|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sug(id: &str, kind: ActorType, name: &str, aliases: &[&str], count: usize) -> Suggestion {
        Suggestion {
            discovered_id: format!("x-{id}"),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            rule: "legal_form",
            count,
            docs: 1,
            example: ("a.txt".into(), format!("{name} signed.")),
        }
    }

    #[test]
    fn rows_load_back_and_conflicts_are_left_out() {
        let s = vec![
            sug(
                "kolbrand-ab",
                ActorType::Company,
                "Kolbrand AB",
                &["Kolbrand"],
                3,
            ),
            sug(
                "nordvik-energi-oy",
                ActorType::Company,
                "Nordvik Energi Oy",
                &["NEO"],
                2,
            ),
            sug(
                "neo-trading",
                ActorType::Company,
                "Neo Trading",
                &["NEO"],
                1,
            ),
            sug(
                "ida-strand",
                ActorType::Person,
                "Ida Strand",
                &["Strand"],
                1,
            ),
            sug("jogmec", ActorType::Company, "Jogmec Holdings", &[], 1),
        ];
        let known = Gazetteer::embedded();
        let tsv = to_tsv(&s, &known);
        assert!(
            tsv.contains("\nkolbrand-ab\tcompany\tKolbrand AB\tKolbrand?\n"),
            "{tsv}"
        );
        assert!(tsv.contains("\nnordvik-energi-oy\tcompany\tNordvik Energi Oy\tNEO\n"));
        assert!(tsv.contains(
            "alias `NEO` left out (another row has it)\nneo-trading\tcompany\tNeo Trading\t\n"
        ));
        assert!(
            tsv.contains("\nida-strand\tperson\tIda Strand\t\n"),
            "{tsv}"
        );
        // an id the shipped gazetteers use gets a suffix, so it does not override them
        assert!(
            tsv.contains("\njogmec-2\tcompany\tJogmec Holdings\t\n"),
            "{tsv}"
        );
        assert!(tsv.contains(
            "# 3 mentions in 1 document; company (legal_form); a.txt: \"Kolbrand AB signed.\"\n"
        ));
        let mut b = Gazetteer::builder();
        b.add_source("suggested.tsv", &tsv);
        let g = b.build().expect("the suggested rows load");
        assert_eq!(g.get("kolbrand-ab").unwrap().name, "Kolbrand AB");
    }

    #[test]
    fn examples_are_one_line_and_cut() {
        let text = "First one.\nThe  second\nsentence here. ".to_string() + &"x".repeat(400);
        let sentences = [(0, 10), (11, 37), (38, text.len())];
        assert_eq!(
            sentence_at(&text, &sentences, 15),
            "The second sentence here."
        );
        let long = sentence_at(&text, &sentences, 40);
        assert_eq!(long.chars().count(), EXAMPLE_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
