//! Wikidata import: SPARQL query results (JSON) turned into gazetteer rows, so
//! a user can build a gazetteer for a field of their own (the query to run is
//! in `gazetteers/README.md`).
//!
//! Takes the standard results format, `{"head": {"vars": [...]}, "results":
//! {"bindings": [...]}}`, one row per item or several (one per alias or
//! type); gives one [`Imported`] entity per item, then TSV text.
//!
//! Columns read (others are ignored): `item` (required, the entity URI),
//! `label` / `itemLabel` and `alias` / `itemAltLabel` (with their `xml:lang`;
//! English and Swedish are kept, others dropped; `itemAltLabel` from the label
//! service is a comma-separated list), `type` / `typeLabel` (the P31 value and
//! its English label), and `countryCode` (P297 of the item's country).

use crate::error::{Error, Result};
use crate::gazetteer::{claim_key, writable_alias, ActorType, Gazetteer, HEADER};
use crate::text::slug;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// P31 values that say the type outright.
const TYPE_QIDS: &[(&str, ActorType)] = &[
    ("Q5", ActorType::Person),            // human
    ("Q6256", ActorType::Country),        // country
    ("Q3624078", ActorType::Country),     // sovereign state
    ("Q7275", ActorType::Country),        // state
    ("Q4830453", ActorType::Company),     // business
    ("Q783794", ActorType::Company),      // company
    ("Q891723", ActorType::Company),      // public company
    ("Q6881511", ActorType::Company),     // enterprise
    ("Q22687", ActorType::Company),       // bank
    ("Q219577", ActorType::Company),      // holding company
    ("Q327333", ActorType::Government),   // government agency
    ("Q192350", ActorType::Government),   // ministry
    ("Q2659904", ActorType::Government),  // government organization
    ("Q43229", ActorType::Organization),  // organization
    ("Q163740", ActorType::Organization), // nonprofit organization
    ("Q3918", ActorType::Organization),   // university
    ("Q31855", ActorType::Organization),  // research institute
    ("Q484652", ActorType::Organization), // international organization
    ("Q5107", ActorType::Region),         // continent
    ("Q82794", ActorType::Region),        // geographic region
];

/// Words of an English type label that give the type, when the QID is not
/// in [`TYPE_QIDS`] ("state-owned enterprise", "regulatory agency").
const TYPE_WORDS: &[(&str, ActorType)] = &[
    ("human", ActorType::Person),
    ("sovereign state", ActorType::Country),
    ("country", ActorType::Country),
    ("ministry", ActorType::Government),
    ("agency", ActorType::Government),
    ("authority", ActorType::Government),
    ("government", ActorType::Government),
    ("municipality", ActorType::Government),
    ("department", ActorType::Government),
    ("company", ActorType::Company),
    ("enterprise", ActorType::Company),
    ("business", ActorType::Company),
    ("corporation", ActorType::Company),
    ("manufacturer", ActorType::Company),
    ("bank", ActorType::Company),
    ("alliance", ActorType::Alliance),
    ("association", ActorType::Alliance),
    ("federation", ActorType::Alliance),
    ("consortium", ActorType::Alliance),
    ("continent", ActorType::Region),
    ("programme", ActorType::Programme),
    ("program", ActorType::Programme),
    ("conference", ActorType::Event),
    ("exhibition", ActorType::Event),
    ("trade fair", ActorType::Event),
    ("organization", ActorType::Organization),
    ("organisation", ActorType::Organization),
    ("university", ActorType::Organization),
    ("institute", ActorType::Organization),
];

/// When an item has several types, the first of these it has wins.
const TYPE_ORDER: [ActorType; 9] = [
    ActorType::Person,
    ActorType::Country,
    ActorType::Government,
    ActorType::Company,
    ActorType::Alliance,
    ActorType::Region,
    ActorType::Programme,
    ActorType::Event,
    ActorType::Organization,
];

/// Languages kept (labels and aliases in others are dropped).
const LANGS: [&str; 2] = ["en", "sv"];

/// One Wikidata item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// `Q…` id.
    pub qid: String,
    /// Labels by language.
    pub labels: BTreeMap<String, String>,
    /// Aliases with their language, in first-seen order.
    pub aliases: Vec<(String, String)>,
    /// P31 values: (QID, English label).
    pub types: BTreeSet<(String, String)>,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: Option<String>,
}

impl Imported {
    /// The type its P31 values give, or `None` when none maps.
    pub fn kind(&self) -> Option<ActorType> {
        let mut found = Vec::new();
        for (qid, label) in &self.types {
            if let Some((_, t)) = TYPE_QIDS.iter().find(|(q, _)| q == qid) {
                found.push(*t);
            } else if let Some((_, t)) = TYPE_WORDS
                .iter()
                .find(|(w, _)| label.to_lowercase().contains(w))
            {
                found.push(*t);
            }
        }
        TYPE_ORDER.into_iter().find(|t| found.contains(t))
    }

    /// The canonical name: the English label, else the Swedish one.
    pub fn name(&self) -> Option<&str> {
        self.labels
            .get("en")
            .or_else(|| self.labels.get("sv"))
            .map(String::as_str)
    }
}

/// Parses SPARQL results JSON (`name` is the file, for errors) into items,
/// in order of their first row.
///
/// # Errors
/// [`Error::Input`] naming the file when it is not SPARQL results JSON, has
/// no `item` column, or a row's `item` is not a Wikidata entity URI.
pub fn parse(name: &str, json: &str) -> Result<Vec<Imported>> {
    let fix = "export the query's results as JSON (the query service's \"JSON\" download, or Accept: application/sparql-results+json); the query to run is in gazetteers/README.md";
    let v: Value = serde_json::from_str(json)
        .map_err(|e| Error::input(name, format!("not JSON ({e}): {fix}")))?;
    let vars: Vec<&str> = v["head"]["vars"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(rows) = v["results"]["bindings"].as_array() else {
        return Err(Error::input(
            name,
            format!("no `results.bindings`: this is not SPARQL results JSON; {fix}"),
        ));
    };
    if !vars.contains(&"item") {
        return Err(Error::input(
            name,
            "the results have no `item` column: the query must SELECT ?item (see gazetteers/README.md)",
        ));
    }
    let mut items: Vec<Imported> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (n, row) in rows.iter().enumerate() {
        let value = |var: &str| row[var]["value"].as_str();
        let lang = |var: &str| row[var]["xml:lang"].as_str().unwrap_or("en").to_string();
        let Some(qid) = value("item")
            .and_then(|u| u.rsplit('/').next())
            .filter(|q| {
                q.starts_with('Q') && q.len() > 1 && q[1..].chars().all(|c| c.is_ascii_digit())
            })
        else {
            return Err(Error::input(
                name,
                format!("result {}: `item` is not a Wikidata item URI (http://www.wikidata.org/entity/Q…)", n + 1),
            ));
        };
        let ix = *index.entry(qid.to_string()).or_insert_with(|| {
            items.push(Imported {
                qid: qid.to_string(),
                ..Default::default()
            });
            items.len() - 1
        });
        let it = &mut items[ix];
        for var in ["label", "itemLabel"] {
            if let Some(l) = value(var).filter(|l| *l != qid) {
                it.labels
                    .entry(lang(var))
                    .or_insert_with(|| l.trim().to_string());
            }
        }
        let mut aliases: Vec<(String, String)> = value("alias")
            .map(|a| vec![(a.trim().to_string(), lang("alias"))])
            .unwrap_or_default();
        if let Some(list) = value("itemAltLabel") {
            let l = lang("itemAltLabel");
            aliases.extend(list.split(", ").map(|a| (a.trim().to_string(), l.clone())));
        }
        for a in aliases {
            if !a.0.is_empty() && !it.aliases.contains(&a) {
                it.aliases.push(a);
            }
        }
        if let Some(t) = value("type") {
            let tq = t.rsplit('/').next().unwrap_or(t).to_string();
            it.types
                .insert((tq, value("typeLabel").unwrap_or("").to_string()));
        }
        if let Some(c) = value("countryCode").filter(|c| c.len() == 2) {
            it.country.get_or_insert_with(|| c.to_ascii_uppercase());
        }
    }
    Ok(items)
}

/// Writes items as a gazetteer file, one row per item with a comment line
/// above it (the Wikidata id and its types). The id is the slug of the name,
/// with the QID added when a shipped entity or an earlier row has it; the
/// QID is also in the note. Aliases in other languages than English and
/// Swedish, or claimed by an earlier row, are left out; an item with no
/// mapped type is an `organization`, said so in its comment.
pub fn to_tsv(items: &[Imported], known: &Gazetteer) -> String {
    let mut out = format!(
        "# Imported from Wikidata by `pactgraph gazetteer import`: review the rows.\n{HEADER}\n"
    );
    let mut ids: HashSet<String> = HashSet::new();
    let mut claims: HashSet<(String, bool)> = HashSet::new();
    for it in items {
        let types: Vec<String> = it
            .types
            .iter()
            .map(|(q, l)| {
                if l.is_empty() {
                    q.clone()
                } else {
                    format!("{l} ({q})")
                }
            })
            .collect();
        let mut head = format!("# wikidata {}: {}", it.qid, types.join(", "));
        let Some(name) = it.name().filter(|n| !n.contains(['\t', '\n'])) else {
            out.push_str(&format!(
                "{head}\n# left out: no English or Swedish label\n"
            ));
            continue;
        };
        if !claims.insert(claim_key(name)) {
            out.push_str(&format!(
                "{head}\n# left out: an earlier row has the name `{name}`\n"
            ));
            continue;
        }
        let kind = it.kind().unwrap_or_else(|| {
            head.push_str("; no type maps, organization assumed");
            ActorType::Organization
        });
        let base = Some(slug(name))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| it.qid.to_lowercase());
        let id = if known.get(&base).is_some() || ids.contains(&base) {
            format!("{base}-{}", it.qid.to_lowercase())
        } else {
            base
        };
        ids.insert(id.clone());
        let mut aliases: Vec<String> = Vec::new();
        let mut candidates: Vec<(&str, &str)> = it
            .labels
            .iter()
            .map(|(l, a)| (a.as_str(), l.as_str()))
            .collect();
        candidates.extend(it.aliases.iter().map(|(a, l)| (a.as_str(), l.as_str())));
        for (a, lang) in candidates {
            if a == name || !LANGS.contains(&lang) {
                continue;
            }
            if !writable_alias(a) {
                head.push_str(&format!(
                    "; alias `{a}` left out (it would be read as flags)"
                ));
            } else if !claims.insert(claim_key(a)) {
                head.push_str(&format!("; alias `{a}` left out (an earlier row has it)"));
            } else {
                aliases.push(format!("{a}@{lang}"));
            }
        }
        out.push_str(&format!(
            "{head}\n{id}\t{kind}\t{name}\t{}\t{}\t\twikidata {}\n",
            aliases.join("|"),
            it.country
                .as_deref()
                .filter(|c| c.chars().all(|c| c.is_ascii_uppercase()))
                .unwrap_or(""),
            it.qid
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(item: &str, label: &str, lang: &str, extra: &str) -> String {
        format!(
            r#"{{"item":{{"type":"uri","value":"http://www.wikidata.org/entity/{item}"}},"label":{{"type":"literal","xml:lang":"{lang}","value":"{label}"}}{extra}}}"#
        )
    }

    fn results(rows: &[String]) -> String {
        format!(
            r#"{{"head":{{"vars":["item","label","alias","type","typeLabel","countryCode"]}},"results":{{"bindings":[{}]}}}}"#,
            rows.join(",")
        )
    }

    #[test]
    fn rows_of_one_item_merge_and_types_map() {
        let ty = |q: &str, l: &str| {
            format!(
                r#","type":{{"type":"uri","value":"http://www.wikidata.org/entity/{q}"}},"typeLabel":{{"type":"literal","xml:lang":"en","value":"{l}"}}"#
            )
        };
        let json = results(&[
            row("Q1", "Kolbrand Mining", "en", &ty("Q999", "mining company")),
            row(
                "Q1",
                "Kolbrand Gruv",
                "sv",
                r#","alias":{"type":"literal","xml:lang":"de","value":"Kolbrand Bergbau"}"#,
            ),
            row(
                "Q1",
                "Kolbrand Mining",
                "en",
                r#","alias":{"type":"literal","xml:lang":"en","value":"KMC"},"countryCode":{"type":"literal","value":"SE"}"#,
            ),
            row("Q2", "Ida Strand", "en", &ty("Q5", "human")),
            row("Q3", "Odd Thing", "en", &ty("Q42", "thing")),
        ]);
        let items = parse("x.json", &json).unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].kind(), Some(ActorType::Company));
        assert_eq!(items[1].kind(), Some(ActorType::Person));
        assert_eq!(items[2].kind(), None);
        let tsv = to_tsv(&items, &Gazetteer::default());
        assert!(tsv.contains("\nkolbrand-mining\tcompany\tKolbrand Mining\tKolbrand Gruv@sv|KMC@en\tSE\t\twikidata Q1\n"), "{tsv}");
        assert!(
            tsv.contains("# wikidata Q3: thing (Q42); no type maps, organization assumed\n"),
            "{tsv}"
        );
        let mut b = Gazetteer::builder();
        b.add_source("imported.tsv", &tsv);
        let g = b.build().unwrap();
        assert_eq!(g.get("ida-strand").unwrap().kind, ActorType::Person);
    }

    #[test]
    fn bad_input_says_what_to_do() {
        for (json, what) in [
            ("id\tname", "x.json: not JSON"),
            (r#"{"head":{"vars":["item"]}}"#, "no `results.bindings`"),
            (
                r#"{"head":{"vars":["x"]},"results":{"bindings":[]}}"#,
                "must SELECT ?item",
            ),
            (
                r#"{"head":{"vars":["item"]},"results":{"bindings":[{"item":{"type":"uri","value":"http://example.org/x"}}]}}"#,
                "result 1: `item` is not a Wikidata item URI",
            ),
        ] {
            let e = parse("x.json", json).unwrap_err().to_string();
            assert!(e.contains(what), "{what}: {e}");
        }
    }
}
