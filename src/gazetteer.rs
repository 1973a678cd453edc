//! Gazetteers: the dictionary of known actors, read from TSV files
//! (format in `gazetteers/README.md`). The shipped files are compiled in.
//!
//! Takes TSV sources in order; gives a [`Gazetteer`] of [`Entity`] records, or
//! errors that name `file:line`.

use crate::error::{Error, Result};
use crate::text::fold;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The shipped actor gazetteers, in load order.
pub const EMBEDDED: &[(&str, &str)] = &include!(concat!(env!("OUT_DIR"), "/embedded_actors.rs"));

/// The expected header of every gazetteer file.
pub const HEADER: &str = "id\ttype\tname\taliases\tcountry\taffiliation\tnote";

/// What kind of actor an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    /// Non-commercial bodies: institutes, universities, news outlets.
    Organization,
    /// Ministries, agencies, state bodies, the EU and its institutions.
    Government,
    /// Firms, including joint-venture companies.
    Company,
    /// Alliances, industry associations and federations.
    Alliance,
    /// States.
    Country,
    /// Areas above country level (not the EU).
    Region,
    /// People.
    Person,
    /// Funding programmes and policy plans.
    Programme,
    /// Named fairs, expos and days.
    Event,
}

impl ActorType {
    /// All types, in declaration order.
    pub const ALL: [ActorType; 9] = [
        ActorType::Organization,
        ActorType::Government,
        ActorType::Company,
        ActorType::Alliance,
        ActorType::Country,
        ActorType::Region,
        ActorType::Person,
        ActorType::Programme,
        ActorType::Event,
    ];

    /// The lower-case name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Organization => "organization",
            ActorType::Government => "government",
            ActorType::Company => "company",
            ActorType::Alliance => "alliance",
            ActorType::Country => "country",
            ActorType::Region => "region",
            ActorType::Person => "person",
            ActorType::Programme => "programme",
            ActorType::Event => "event",
        }
    }

    /// Parses a type name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Can this actor be a party to an agreement? (Programmes and events cannot.)
    pub fn can_be_party(self) -> bool {
        !matches!(
            self,
            ActorType::Person | ActorType::Programme | ActorType::Event
        )
    }
}

impl fmt::Display for ActorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an alias is compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Exactly as written (acronyms, `=`-flagged names).
    Exact,
    /// Unicode simple case folding.
    Fold,
}

/// One name an entity is known by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as written in the gazetteer (flags removed); shared with the
    /// matcher and every record of a mention by it.
    pub text: std::sync::Arc<str>,
    /// Case rule.
    pub case: CaseRule,
    /// Matched only after the entity was named otherwise in the same document.
    pub gated: bool,
    /// Language tag, if any.
    pub lang: Option<String>,
}

impl Alias {
    /// Parses an alias with its flags (`=`, `~`, `?`, `@lang`).
    fn parse(raw: &str) -> std::result::Result<Alias, String> {
        let mut s = raw.trim();
        let mut lang = None;
        // `@` followed by no space is a language tag, and must be a valid one
        // (`Bar@`, `Foo@xx-yy` used to pass as names with an `@` in them);
        // an `@` that opens the name is a social-media handle (`@Volvo_Cars`)
        let handle = |at: usize| s[..at].trim_start_matches(['=', '~']).is_empty();
        if let Some(at) = s.rfind('@').filter(|&at| !handle(at)) {
            let tag = &s[at + 1..];
            if (2..=3).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_lowercase()) {
                lang = Some(tag.to_string());
                s = &s[..at];
            } else if !tag.contains(char::is_whitespace) {
                return Err(format!("alias `{raw}`: unknown language tag `@{tag}` (use a 2- or 3-letter lower-case code such as @sv)"));
            }
        }
        let mut forced = None;
        if let Some(rest) = s.strip_prefix('=') {
            forced = Some(CaseRule::Exact);
            s = rest;
        } else if let Some(rest) = s.strip_prefix('~') {
            forced = Some(CaseRule::Fold);
            s = rest;
        }
        let gated = s.ends_with('?');
        let s = s.trim_end_matches('?').trim();
        if s.is_empty() {
            return Err(format!("empty alias `{raw}`"));
        }
        let case = forced.unwrap_or(if looks_like_acronym(s) {
            CaseRule::Exact
        } else {
            CaseRule::Fold
        });
        Ok(Alias {
            text: s.into(),
            case,
            gated,
            lang,
        })
    }

    /// The alias an entity's canonical name gives (case rule by its shape, no flags).
    fn canonical(name: &str) -> Alias {
        let case = if looks_like_acronym(name) {
            CaseRule::Exact
        } else {
            CaseRule::Fold
        };
        Alias {
            text: name.into(),
            case,
            gated: false,
            lang: None,
        }
    }

    /// The key this alias is looked up by in folded text.
    pub fn key(&self) -> String {
        fold(&self.text)
    }
}

/// No lower-case letter and at least two upper-case ones: `EU`, `JOGMEC`, `EXPO 2025`.
pub fn looks_like_acronym(s: &str) -> bool {
    !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Whether `s` can be written in a gazetteer file as an alias without being
/// read as flags or split into several (`|`, a tab, an `@`, a leading `=`
/// or `~`, a trailing `?`, a leading `#`).
pub fn writable_alias(s: &str) -> bool {
    !s.trim().is_empty()
        && s.trim() == s
        && !s.contains(['|', '\t', '\n', '@'])
        && !s.starts_with(['=', '~', '#'])
        && !s.ends_with('?')
}

/// The key under which an unflagged, ungated alias claims its text: two
/// entities of one file must not claim the same key.
pub fn claim_key(s: &str) -> (String, bool) {
    if looks_like_acronym(s) {
        (s.to_string(), true)
    } else {
        (fold(s), false)
    }
}

/// Legal-form words a name may end with, in their spellings: each is also
/// matched written as the others (`Ltd` ↔ `Ltd.` ↔ `Limited`).
const LEGAL_SPELLINGS: &[&[&str]] = &[
    &["Ltd", "Ltd.", "Limited"],
    &["Corp", "Corp.", "Corporation"],
    &["Co.", "Co", "Company"],
    &["Inc", "Inc."],
    &["Plc", "plc", "PLC"],
];

/// Most variants made of one alias (its spellings multiply).
const MAX_VARIANTS: usize = 12;

/// The ways of writing `alias` that should match it without being listed:
/// typographic and straight apostrophes and quotes, `&` for `and` (and
/// `och`), with and without a serial comma ("Economy, Trade, and Industry"),
/// a final legal form spelt out or short (`Ltd`/`Limited`, `Corp`/
/// `Corporation`, `Co.`/`Company`), and a hyphen or a space between the
/// capitalised words of a compound ("Rolls-Royce", "Hitachi Zosen"). The
/// alias itself is not among them; at most [`MAX_VARIANTS`]. They match as
/// the alias does; [`exact_variants`] match only as written.
pub fn variants(alias: &str) -> Vec<String> {
    type Step = fn(&str) -> Vec<String>;
    const STEPS: [Step; 5] = [
        quote_forms,
        and_forms,
        serial_comma_forms,
        legal_forms,
        hyphen_forms,
    ];
    if !alias.contains([
        ' ', '-', '\'', '\u{2018}', '\u{2019}', '"', '\u{201c}', '\u{201d}', '\u{201e}',
    ]) {
        return Vec::new();
    }
    let mut all = vec![alias.to_string()];
    for step in STEPS {
        for k in 0..all.len() {
            for v in step(&all[k]) {
                if all.len() > MAX_VARIANTS {
                    break;
                }
                if !all.contains(&v) {
                    all.push(v);
                }
            }
        }
    }
    all.remove(0);
    all
}

fn quote_forms(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    if s.contains('\'') {
        out.push(s.replace('\'', "\u{2019}"));
    }
    if s.contains(['\u{2019}', '\u{2018}']) {
        out.push(s.replace(['\u{2019}', '\u{2018}'], "'"));
    }
    if s.matches('"').count() == 2 {
        out.push(s.replacen('"', "\u{201c}", 1).replacen('"', "\u{201d}", 1));
    }
    if s.contains(['\u{201c}', '\u{201d}', '\u{201e}']) {
        out.push(s.replace(['\u{201c}', '\u{201d}', '\u{201e}'], "\""));
    }
    out
}

fn and_forms(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    if s.contains(" & ") {
        out.push(s.replace(" & ", " and "));
    }
    for w in [" and ", " och "] {
        if s.contains(w) {
            out.push(s.replace(w, " & "));
        }
    }
    out
}

/// "A, B and C" ↔ "A, B, and C".
fn serial_comma_forms(s: &str) -> Vec<String> {
    if let Some(i) = s.rfind(", and ") {
        return vec![format!("{}{}", &s[..i], &s[i + 1..])];
    }
    match (s.find(", "), s.rfind(" and ")) {
        (Some(c), Some(a)) if c < a => vec![format!("{},{}", &s[..a], &s[a..])],
        _ => Vec::new(),
    }
}

/// The last word's other legal-form spellings ("Toyota Tsusho Corp." ↔ "… Corporation").
fn legal_forms(s: &str) -> Vec<String> {
    let Some((head, last)) = s.rsplit_once(' ') else {
        return Vec::new();
    };
    LEGAL_SPELLINGS
        .iter()
        .find(|set| set.contains(&last))
        .map(|set| {
            set.iter()
                .filter(|w| **w != last)
                .map(|w| format!("{head} {w}"))
                .collect()
        })
        .unwrap_or_default()
}

/// The ways of writing `alias` that match only as written, case and all:
/// the two words of a name written as one ("FirstGroup" as "First Group",
/// "ArcelorMittal S.A." as "Arcelor Mittal S.A."), of the alias and of its
/// [`variants`]. (Folded, "black rock" would be BlackRock.) At most
/// [`MAX_VARIANTS`].
pub fn exact_variants(alias: &str) -> Vec<String> {
    exact_variants_of(alias, &variants(alias))
}

/// [`exact_variants`] of `alias` whose [`variants`] are already made.
pub(crate) fn exact_variants_of(alias: &str, variants: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !has_camel(alias) {
        return out;
    }
    for v in std::iter::once(alias).chain(variants.iter().map(String::as_str)) {
        for c in camel_forms(v) {
            if out.len() < MAX_VARIANTS && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// A lower-case letter followed by a capital: what [`camel_forms`] needs
/// (checked without allocating, as almost no alias has one).
fn has_camel(s: &str) -> bool {
    let mut lower = false;
    for c in s.chars() {
        if lower && c.is_uppercase() {
            return true;
        }
        lower = c.is_lowercase();
    }
    false
}

/// "FirstGroup" → "First Group", "ArcelorMittal" → "Arcelor Mittal": a word
/// of two capitalised parts of three letters or more, as two words. (Each
/// word of an alias is tried; "JFE FirstGroup" → "JFE First Group".)
fn camel_forms(s: &str) -> Vec<String> {
    let split = |w: &str| -> Option<String> {
        let b: Vec<char> = w.chars().collect();
        if !b.iter().all(|c| c.is_alphabetic()) || !b.first()?.is_uppercase() {
            return None;
        }
        let cuts: Vec<usize> = (1..b.len())
            .filter(|&i| b[i].is_uppercase() && b[i - 1].is_lowercase())
            .collect();
        match cuts.as_slice() {
            [i] if *i >= 3 && b.len() - i >= 3 && b[i + 1..].iter().all(|c| c.is_lowercase()) => {
                let (l, r) = (
                    b[..*i].iter().collect::<String>(),
                    b[*i..].iter().collect::<String>(),
                );
                Some(format!("{l} {r}"))
            }
            _ => None,
        }
    };
    let words: Vec<&str> = s.split(' ').collect();
    (0..words.len())
        .filter_map(|k| {
            split(words[k]).map(|two| {
                let mut out = words.clone();
                out[k] = &two;
                out.join(" ")
            })
        })
        .collect()
}

/// "Rolls-Royce" ↔ "Rolls Royce": hyphens between letters as spaces, and the
/// space of a name of two capitalised words as a hyphen.
fn hyphen_forms(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    if s.contains('-') {
        let b: Vec<char> = s.chars().collect();
        let inner = |i: usize| {
            b[i] == '-'
                && i > 0
                && i + 1 < b.len()
                && b[i - 1].is_alphabetic()
                && b[i + 1].is_alphabetic()
        };
        if (0..b.len()).any(inner) {
            out.push(
                (0..b.len())
                    .map(|i| if inner(i) { ' ' } else { b[i] })
                    .collect(),
            );
        }
    }
    let capital_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphanumeric)
    };
    if let Some((a, b)) = s.split_once(' ') {
        if capital_word(a) && capital_word(b) {
            out.push(format!("{a}-{b}"));
        }
    }
    out
}

/// A link to a parent body or, for a person, an organisation with a role and term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliation {
    /// Id of the organisation.
    pub id: String,
    /// Role, e.g. `prime minister`.
    pub role: Option<String>,
    /// Start of the term (`yyyy[-mm[-dd]]`).
    pub from: Option<String>,
    /// End of the term.
    pub to: Option<String>,
}

/// Where a record was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// File name.
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A known actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable id (`jogmec`).
    pub id: String,
    /// Its type.
    pub kind: ActorType,
    /// Canonical English name.
    pub name: String,
    /// Every alias, the canonical name first.
    pub aliases: Vec<Alias>,
    /// ISO 3166-1 alpha-2 code or `EU`.
    pub country: Option<String>,
    /// Parent bodies, or a person's organisations.
    pub affiliations: Vec<Affiliation>,
    /// Free text.
    pub note: String,
    /// Where it was defined (and last changed).
    pub origin: Origin,
}

/// A problem found while loading or linting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where.
    pub origin: Origin,
    /// Error (load fails) or warning (lint).
    pub severity: Severity,
    /// What and what to do.
    pub message: String,
}

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Informational (e.g. a user file overriding a shipped entry).
    Note,
    /// Suspicious but usable.
    Warning,
    /// The gazetteer cannot be used.
    Error,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}: {}: {}", self.origin, sev, self.message)
    }
}

/// The loaded dictionary.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: FxHashMap<String, usize>,
}

impl Gazetteer {
    /// The shipped gazetteers.
    ///
    /// # Panics
    /// Never in a released build: the shipped files are checked by the test suite.
    pub fn embedded() -> Self {
        let mut b = GazetteerBuilder::new();
        b.add_embedded();
        b.build().expect("the embedded gazetteers are valid")
    }

    /// A builder for loading several files.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// Index of the entity with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// Loads gazetteer files in order, merging and checking them.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    entities: Vec<Entity>,
    by_id: FxHashMap<String, usize>,
    /// Which file each entity (or extension of it) came from, by file order.
    file_of: Vec<usize>,
    files: usize,
    /// Pending affiliation checks (origin, id).
    affiliation_refs: Vec<(Origin, String)>,
    diagnostics: Vec<Diagnostic>,
}

/// One checked data row of a gazetteer file; a `kind` of `None` is `+`
/// (extend an entity from an earlier file).
struct Row {
    id: String,
    kind: Option<ActorType>,
    name: String,
    aliases: Vec<Alias>,
    country: Option<String>,
    affiliations: Vec<Affiliation>,
    note: String,
    origin: Origin,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the shipped files.
    pub fn add_embedded(&mut self) -> &mut Self {
        for (name, text) in EMBEDDED {
            self.add_source(&format!("<embedded>/{name}"), text);
        }
        self
    }

    /// Reads a file from disk and adds it.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; content problems are collected
    /// and reported by [`build`](Self::build).
    pub fn add_file(&mut self, path: &std::path::Path) -> Result<&mut Self> {
        let bytes = crate::input::read_path(path)?;
        let name = path.display().to_string();
        let text = crate::input::decode(&name, bytes)?;
        self.add_source(&name, &text);
        Ok(self)
    }

    fn diag(&mut self, file: &str, line: usize, severity: Severity, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            origin: Origin {
                file: file.to_string(),
                line,
            },
            severity,
            message: message.into(),
        });
    }

    /// Adds one source (a file's name and text). Problems are collected.
    pub fn add_source(&mut self, file: &str, text: &str) -> &mut Self {
        let file_no = self.files;
        self.files += 1;
        let mut header_seen = false;
        let mut ids_here: HashMap<String, usize> = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if !header_seen {
                header_seen = true;
                if line.trim() != HEADER {
                    self.diag(
                        file,
                        line_no,
                        Severity::Error,
                        format!(
                            "the first line must be the header `{}` (tab-separated); found `{}`",
                            HEADER.replace('\t', "<TAB>"),
                            line.replace('\t', "<TAB>")
                        ),
                    );
                    return self;
                }
                continue;
            }
            if let Some(row) = self.parse_row(file, line_no, line, &mut ids_here) {
                self.add_row(file, file_no, row);
            }
        }
        if !header_seen {
            self.diag(
                file,
                1,
                Severity::Error,
                format!(
                    "no header; the first line must be `{}`",
                    HEADER.replace('\t', "<TAB>")
                ),
            );
        }
        self
    }

    /// One data row of a file, checked column by column; `None` (with the
    /// problems noted) when it cannot be used. `ids_here` holds the ids
    /// defined so far in the file, with their lines.
    fn parse_row(
        &mut self,
        file: &str,
        line_no: usize,
        line: &str,
        ids_here: &mut HashMap<String, usize>,
    ) -> Option<Row> {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() > 7 {
            self.diag(file, line_no, Severity::Error, format!("{} tab-separated columns, expected at most 7 ({}); is there a tab inside a field?", cols.len(), HEADER.replace('\t', ", ")));
            return None;
        }
        if cols.len() < 2 {
            self.diag(file, line_no, Severity::Error, "expected tab-separated columns `id, type, name, aliases, country, affiliation, note` (are the separators spaces instead of tabs?)");
            return None;
        }
        let col = |k: usize| cols.get(k).map(|s| s.trim()).unwrap_or("");
        let id = col(0).to_string();
        if !valid_id(&id) {
            self.diag(file, line_no, Severity::Error, format!("malformed id `{id}`: use lower-case letters, digits, `_`, `.` or `-`, starting with a letter or digit"));
            return None;
        }
        if let Some(prev) = ids_here.get(&id) {
            self.diag(file, line_no, Severity::Error, format!("duplicate id `{id}` (first defined on line {prev}); give it another id, or merge the rows"));
            return None;
        }
        ids_here.insert(id.clone(), line_no);
        let origin = Origin {
            file: file.to_string(),
            line: line_no,
        };
        let type_s = col(1);
        let extend = type_s == "+" || type_s.is_empty();
        let kind = if extend {
            None
        } else {
            match ActorType::parse(type_s) {
                Some(t) => Some(t),
                None => {
                    self.diag(file, line_no, Severity::Error, format!(
                        "unknown type `{type_s}`; use one of {}, or `+` to extend an entity from an earlier file",
                        ActorType::ALL.map(|t| t.as_str()).join(", ")));
                    return None;
                }
            }
        };
        let name = col(2).to_string();
        if kind.is_some() && name.is_empty() {
            self.diag(
                file,
                line_no,
                Severity::Error,
                format!("entity `{id}` has no name (third column)"),
            );
            return None;
        }
        let aliases = self.parse_aliases(file, line_no, col(3))?;
        let country = Some(col(4).to_string()).filter(|s| !s.is_empty());
        if let Some(c) = &country {
            if !(c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase())) {
                self.diag(file, line_no, Severity::Error, format!("country `{c}` should be an ISO 3166-1 alpha-2 code such as SE or JP (or EU)"));
                return None;
            }
        }
        let affiliations = self.parse_affiliations(&origin, col(5))?;
        Some(Row {
            id,
            kind,
            name,
            aliases,
            country,
            affiliations,
            note: col(6).to_string(),
            origin,
        })
    }

    /// The `|`-separated aliases of a row; `None` when any is malformed (each
    /// problem noted).
    fn parse_aliases(&mut self, file: &str, line_no: usize, column: &str) -> Option<Vec<Alias>> {
        let mut aliases = Vec::new();
        let mut bad = false;
        if !column.is_empty() {
            for a in column.split('|') {
                match Alias::parse(a) {
                    Ok(a) => aliases.push(a),
                    Err(m) => {
                        self.diag(file, line_no, Severity::Error, m);
                        bad = true;
                    }
                }
            }
        }
        (!bad).then_some(aliases)
    }

    /// The `;`-separated affiliations of the row at `origin`, each id noted
    /// for [`build`](Self::build) to check; `None` when any is malformed
    /// (each problem noted).
    fn parse_affiliations(&mut self, origin: &Origin, column: &str) -> Option<Vec<Affiliation>> {
        let mut affiliations = Vec::new();
        let mut bad = false;
        for a in column.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            match parse_affiliation(a) {
                Ok(af) => {
                    self.affiliation_refs.push((origin.clone(), af.id.clone()));
                    affiliations.push(af);
                }
                Err(m) => {
                    self.diag(&origin.file, origin.line, Severity::Error, m);
                    bad = true;
                }
            }
        }
        (!bad).then_some(affiliations)
    }

    /// Adds a checked row of file number `file_no`: a new entity when it has
    /// a type and its id is new, else an update of the entity from an earlier
    /// file (a type overrides it, `+` extends it).
    fn add_row(&mut self, file: &str, file_no: usize, row: Row) {
        let line_no = row.origin.line;
        match (self.by_id.get(&row.id).copied(), row.kind) {
            (None, None) => {
                self.diag(file, line_no, Severity::Error, format!("`+` extends an entity, but no earlier file defines `{}`; give a type to define it", row.id));
            }
            (None, Some(kind)) => {
                let mut all = vec![Alias::canonical(&row.name)];
                for a in row.aliases {
                    // an explicit alias equal to the name sets the name's flags (`=Japan`)
                    match all.iter_mut().find(|x| x.text == a.text) {
                        Some(x) => *x = a,
                        None => all.push(a),
                    }
                }
                if kind == ActorType::Person {
                    add_surname(&row.name, &mut all);
                }
                self.by_id.insert(row.id.clone(), self.entities.len());
                self.file_of.push(file_no);
                self.entities.push(Entity {
                    id: row.id,
                    kind,
                    name: row.name,
                    aliases: all,
                    country: row.country,
                    affiliations: row.affiliations,
                    note: row.note,
                    origin: row.origin,
                });
            }
            (Some(ix), kind) => {
                if self.file_of[ix] == file_no {
                    unreachable!("same-file duplicates are caught above");
                }
                let Row {
                    name,
                    aliases,
                    country,
                    affiliations,
                    note,
                    origin,
                    ..
                } = row;
                let e = &mut self.entities[ix];
                if let Some(kind) = kind {
                    let msg = format!("overrides `{}` from {}", e.id, e.origin);
                    e.kind = kind;
                    if !name.is_empty() && name != e.name {
                        e.name = name.clone();
                        if !e.aliases.iter().any(|a| *a.text == *name) {
                            e.aliases.insert(0, Alias::canonical(&name));
                        }
                    }
                    if country.is_some() {
                        e.country = country;
                    }
                    if !affiliations.is_empty() {
                        e.affiliations = affiliations;
                    }
                    if !note.is_empty() {
                        e.note = note;
                    }
                    e.origin = origin;
                    self.diag(file, line_no, Severity::Note, msg);
                } else {
                    if e.country.is_none() {
                        e.country = country;
                    }
                    if e.affiliations.is_empty() {
                        e.affiliations = affiliations;
                    }
                    if e.note.is_empty() {
                        e.note = note;
                    }
                }
                let e = &mut self.entities[ix];
                for a in aliases {
                    if !e.aliases.iter().any(|x| x.text == a.text) {
                        e.aliases.push(a);
                    }
                }
                self.file_of[ix] = file_no;
            }
        }
    }

    /// Checks cross-entity rules (alias claims, affiliations) and returns all diagnostics.
    fn cross_check(&mut self) {
        // An alias claimed by two entities with the same case rule. Gated aliases
        // (used only once their entity is named in full) may be shared: the text
        // decides, and an ungated claim wins over a gated one.
        let mut claims: Vec<(String, bool, usize)> = Vec::new();
        for (ix, e) in self.entities.iter().enumerate() {
            for a in e.aliases.iter().filter(|a| !a.gated) {
                claims.push(match a.case {
                    CaseRule::Exact => (a.text.to_string(), true, ix),
                    CaseRule::Fold => (a.key(), false, ix),
                });
            }
        }
        claims.sort_unstable();
        claims.dedup();
        let mut found = Vec::new();
        for group in claims.chunk_by(|x, y| (&x.0, x.1) == (&y.0, y.1)) {
            let [(alias, _, a), (_, _, b), ..] = group else {
                continue;
            };
            let (a, b) = (*a, *b);
            let (ea, eb) = (&self.entities[a], &self.entities[b]);
            let severity = if self.file_of[a] == self.file_of[b] {
                Severity::Error
            } else {
                Severity::Note
            };
            let msg = if severity == Severity::Error {
                format!("alias `{alias}` is claimed by `{}` (line {}) and `{}`; there is no rule to choose: keep it on one, or mark one gated with `?`", ea.id, ea.origin.line, eb.id)
            } else {
                format!(
                    "alias `{alias}` is claimed by `{}` ({}) and `{}`; the later file wins",
                    ea.id, ea.origin, eb.id
                )
            };
            found.push(Diagnostic {
                origin: eb.origin.clone(),
                severity,
                message: msg,
            });
        }
        self.diagnostics.extend(found);
        for (origin, id) in std::mem::take(&mut self.affiliation_refs) {
            if !self.by_id.contains_key(&id) {
                self.diagnostics.push(Diagnostic {
                    origin,
                    severity: Severity::Error,
                    message: format!("affiliation to unknown id `{id}`"),
                });
            }
        }
    }

    /// Lints: aliases that are ordinary words, near-duplicate entries.
    pub fn lint(&mut self, common_words: &std::collections::HashSet<String>) {
        let mut names: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (ix, e) in self.entities.iter().enumerate() {
            names.entry(normalize_name(&e.name)).or_default().push(ix);
            for a in &e.aliases {
                if !a.gated && a.text.chars().count() == 1 {
                    self.diagnostics.push(Diagnostic {
                        origin: e.origin.clone(),
                        severity: Severity::Warning,
                        message: format!("alias `{}` of `{}` is a single letter, which initials and list letters match too; drop it or write `{}?` (gated)", a.text, e.id, a.text),
                    });
                } else if a.case == CaseRule::Fold && !a.gated && common_words.contains(&a.key()) {
                    self.diagnostics.push(Diagnostic {
                        origin: e.origin.clone(),
                        severity: Severity::Warning,
                        message: format!("alias `{}` of `{}` is an ordinary word; write `={}` (exact case) or `{}?` (gated)", a.text, e.id, a.text, a.text),
                    });
                }
            }
        }
        for ixs in names.values().filter(|v| v.len() > 1) {
            let a = &self.entities[ixs[0]];
            let b = &self.entities[ixs[1]];
            self.diagnostics.push(Diagnostic {
                origin: b.origin.clone(),
                severity: Severity::Warning,
                message: format!("`{}` and `{}` ({}) have nearly the same name; merge them if they are one actor", b.id, a.id, a.origin),
            });
        }
    }

    /// Finishes loading, returning the gazetteer and the non-fatal diagnostics.
    ///
    /// # Errors
    /// [`Error::Many`] with every error (each `file:line: message`) when any was found.
    pub fn build_with_diagnostics(mut self) -> Result<(Gazetteer, Vec<Diagnostic>)> {
        self.cross_check();
        let (errors, rest): (Vec<_>, Vec<_>) = self
            .diagnostics
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        if !errors.is_empty() {
            return Err(Error::Many(
                errors
                    .into_iter()
                    .map(|d| Error::data(&d.origin.file, d.origin.line, d.message))
                    .collect(),
            ));
        }
        Ok((
            Gazetteer {
                entities: self.entities,
                by_id: self.by_id,
            },
            rest,
        ))
    }

    /// Finishes loading.
    ///
    /// # Errors
    /// As [`build_with_diagnostics`](Self::build_with_diagnostics).
    pub fn build(self) -> Result<Gazetteer> {
        self.build_with_diagnostics().map(|(g, _)| g)
    }

    /// All diagnostics so far, errors included (for `gazetteer check`).
    pub fn check(mut self, common_words: &std::collections::HashSet<String>) -> Vec<Diagnostic> {
        self.cross_check();
        self.lint(common_words);
        let mut d = self.diagnostics;
        d.sort_by(|a, b| {
            (&a.origin.file, a.origin.line, b.severity).cmp(&(
                &b.origin.file,
                b.origin.line,
                a.severity,
            ))
        });
        d
    }
}

fn add_surname(name: &str, aliases: &mut Vec<Alias>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2 {
        let last = words[words.len() - 1];
        if last.chars().count() >= 3 && !aliases.iter().any(|a| &*a.text == last) {
            aliases.push(Alias {
                text: last.into(),
                case: CaseRule::Exact,
                gated: true,
                lang: None,
            });
        }
    }
}

fn normalize_name(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn valid_id(id: &str) -> bool {
    let mut cs = id.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && cs.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-'))
}

/// `yyyy`, `yyyy-mm` or `yyyy-mm-dd`, with a real month and day (`2024-13-45` is none).
fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    (1..=3).contains(&parts.len())
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts.iter().skip(1).all(|p| p.len() == 2)
        && crate::dates::Date::parse(s).is_some()
}

fn parse_affiliation(s: &str) -> std::result::Result<Affiliation, String> {
    let (head, term) = match s.split_once('@') {
        Some((h, t)) => (h, Some(t)),
        None => (s, None),
    };
    let (id, role) = match head.split_once(':') {
        Some((i, r)) => (
            i.trim(),
            Some(r.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (head.trim(), None),
    };
    if !valid_id(id) {
        return Err(format!(
            "affiliation `{s}`: malformed id `{id}` (expected ID[:role][@FROM..TO])"
        ));
    }
    let (mut from, mut to) = (None, None);
    if let Some(t) = term {
        let Some((f, e)) = t.split_once("..") else {
            return Err(format!("affiliation `{s}`: the term must be FROM..TO (either may be empty), e.g. @2022-10-18.."));
        };
        for (d, slot) in [(f, &mut from), (e, &mut to)] {
            let d = d.trim();
            if d.is_empty() {
                continue;
            }
            if !valid_date(d) {
                return Err(format!(
                    "affiliation `{s}`: `{d}` is not a date (yyyy, yyyy-mm or yyyy-mm-dd)"
                ));
            }
            *slot = Some(d.to_string());
        }
        // compared at the coarser of the two precisions (2024 is not after 2024-05)
        if let (Some(f), Some(e)) = (&from, &to) {
            let n = f.len().min(e.len());
            if f[..n] > e[..n] {
                return Err(format!(
                    "affiliation `{s}`: the term ends ({e}) before it starts ({f})"
                ));
            }
        }
    }
    Ok(Affiliation {
        id: id.to_string(),
        role,
        from,
        to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(files: &[(&str, &str)]) -> Result<Gazetteer> {
        let mut b = Gazetteer::builder();
        for (n, t) in files {
            b.add_source(n, t);
        }
        b.build()
    }

    const H: &str = "id\ttype\tname\taliases\tcountry\taffiliation\tnote\n";

    #[test]
    fn parses_aliases_and_flags() {
        let g = load(&[("a.tsv", &format!("{H}eba\talliance\tEuropean Battery Alliance\tEBA|=Turkey|Stena?|Kommissionen@sv|~RISE\tEU\t\tnote\n"))]).unwrap();
        let e = g.get("eba").unwrap();
        assert_eq!(
            e.aliases[1],
            Alias {
                text: "EBA".into(),
                case: CaseRule::Exact,
                gated: false,
                lang: None
            }
        );
        assert_eq!(e.aliases[2].case, CaseRule::Exact);
        assert!(e.aliases[3].gated);
        assert_eq!(e.aliases[4].lang.as_deref(), Some("sv"));
        assert_eq!(e.aliases[5].case, CaseRule::Fold);
        assert_eq!(e.aliases[0].case, CaseRule::Fold);
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            (
                format!("{H}a\tcompany\tA\n\na\tcompany\tB\n"),
                "x.tsv:4",
                "duplicate id",
            ),
            (format!("{H}a\tfirm\tA\n"), "x.tsv:2", "unknown type `firm`"),
            (
                format!("{H}a\tcompany\tA\tB||C\n"),
                "x.tsv:2",
                "empty alias",
            ),
            (
                format!("{H}a\tcompany\tA\tSame\nb\tcompany\tB\tsame\n"),
                "x.tsv:3",
                "claimed by",
            ),
            (format!("{H}A B\tcompany\tA\n"), "x.tsv:2", "malformed id"),
            ("id type name\n".to_string(), "x.tsv:1", "header"),
            (
                format!("{H}p\tperson\tP Q\t\t\tnobody:role\n"),
                "x.tsv:2",
                "unknown id `nobody`",
            ),
        ];
        for (text, at, what) in cases {
            let e = load(&[("x.tsv", &text)]).unwrap_err().to_string();
            assert!(
                e.contains(at) && e.contains(what),
                "expected `{at}` and `{what}` in: {e}"
            );
        }
    }

    /// Issue 17: malformed language tags, impossible dates and reversed terms
    /// are errors; single-letter aliases are warned about.
    #[test]
    fn issue17_check_rejects_bad_tags_and_dates() {
        for (alias_or_aff, what) in [
            ("\tBar@", "unknown language tag `@`"),
            ("\tFoo@xx-yy", "unknown language tag `@xx-yy`"),
            ("\tFoo@Bar_Baz", "unknown language tag `@Bar_Baz`"),
            ("\tFoo@s", "unknown language tag `@s`"),
            ("\t\t\ta@2024-13-45..", "`2024-13-45` is not a date"),
            ("\t\t\ta@2024-02-30..", "`2024-02-30` is not a date"),
            ("\t\t\ta@2024..1999", "ends (1999) before it starts (2024)"),
            ("\t\t\ta@2024-05..2024-04-30", "ends (2024-04-30) before"),
        ] {
            let text = format!("{H}a\tcompany\tA Co\nb\tcompany\tB Co{alias_or_aff}\n");
            let e = load(&[("x.tsv", &text)]).unwrap_err().to_string();
            assert!(e.contains("x.tsv:3") && e.contains(what), "{what}: {e}");
        }
        // still fine: a name with `@ ` inside, a handle, an open term, a
        // coarser end
        let ok = format!(
            "{H}a\tcompany\tA Co\tA @ Home|Ab@sv|@A_Co|@A_Se@sv\nb\tcompany\tB Co\t\t\ta@2024..2024-05\n"
        );
        let g = load(&[("x.tsv", &ok)]).unwrap();
        let aliases: Vec<_> = g.entities()[0]
            .aliases
            .iter()
            .map(|a| (a.text.to_string(), a.lang.clone()))
            .collect();
        assert!(
            aliases.contains(&("@A_Co".to_string(), None)),
            "{aliases:?}"
        );
        assert!(
            aliases.contains(&("@A_Se".to_string(), Some("sv".to_string()))),
            "{aliases:?}"
        );
        let mut b = Gazetteer::builder();
        b.add_source("x.tsv", &format!("{H}a\tcompany\tA Co\tX|Y?\n"));
        let d = b.check(&Default::default());
        let single: Vec<_> = d
            .iter()
            .filter(|d| d.message.contains("single letter"))
            .collect();
        assert_eq!(single.len(), 1, "{d:?}");
        assert!(single[0].message.contains("alias `X` of `a`"));
        assert_eq!(single[0].severity, Severity::Warning);
    }

    #[test]
    fn later_files_extend_and_override() {
        let g = load(&[
            ("base.tsv", &format!("{H}jogmec\tgovernment\tJOGMEC\tJapan Organization for Metals and Energy Security\tJP\n")),
            ("user.tsv", &format!("{H}jogmec\t+\t\tJOGMEC Japan\nnew\tcompany\tNew Co\n")),
        ])
        .unwrap();
        let e = g.get("jogmec").unwrap();
        assert_eq!(e.kind, ActorType::Government);
        assert!(e.aliases.iter().any(|a| &*a.text == "JOGMEC Japan"));
        let g = load(&[
            ("base.tsv", &format!("{H}x\tcompany\tX Co\n")),
            ("user.tsv", &format!("{H}x\torganization\tX Org\n")),
        ])
        .unwrap();
        assert_eq!(g.get("x").unwrap().kind, ActorType::Organization);
        assert_eq!(g.get("x").unwrap().name, "X Org");
        let e = load(&[("user.tsv", &format!("{H}ghost\t+\t\tG\n"))])
            .unwrap_err()
            .to_string();
        assert!(e.contains("no earlier file defines `ghost`"), "{e}");
    }

    #[test]
    fn persons_get_gated_surnames() {
        let g = load(&[("p.tsv", &format!("{H}eb\tperson\tEbba Busch\n"))]).unwrap();
        let a = g.get("eb").unwrap().aliases.last().unwrap();
        assert_eq!((&*a.text, a.gated), ("Busch", true));
    }

    /// Issue 16: the ways of writing a name that match it unlisted.
    #[test]
    fn issue16_name_variants() {
        let has = |alias: &str, v: &str| {
            let all = variants(alias);
            assert!(all.iter().any(|x| x == v), "{alias} → {v} not in {all:?}");
        };
        has(
            "Ministry of Economy, Trade and Industry",
            "Ministry of Economy, Trade, and Industry",
        );
        has(
            "Ministry of Economy, Trade, and Industry",
            "Ministry of Economy, Trade and Industry",
        );
        has("Procter & Gamble", "Procter and Gamble");
        has(
            "Ministry of Trade and Industry",
            "Ministry of Trade & Industry",
        );
        has("Forskning och Innovation", "Forskning & Innovation");
        has("Harbeck Minerals Ltd", "Harbeck Minerals Limited");
        has("Harbeck Minerals Limited", "Harbeck Minerals Ltd.");
        has("Toyota Tsusho Corporation", "Toyota Tsusho Corp.");
        has("Toyota Tsusho Corp", "Toyota Tsusho Corporation");
        has("Kawar Energy Company", "Kawar Energy Co.");
        has("Kawar Energy Co.", "Kawar Energy Company");
        has("Moody's Analytics", "Moody\u{2019}s Analytics");
        has("Moody\u{2019}s Analytics", "Moody's Analytics");
        has("The \"Blue\" Fund", "The \u{201c}Blue\u{201d} Fund");
        has("The \u{201c}Blue\u{201d} Fund", "The \"Blue\" Fund");
        has("Rolls-Royce", "Rolls Royce");
        has("Hitachi Zosen", "Hitachi-Zosen");
        // a name written as one word: its two words, as written only
        assert!(variants("FirstGroup").is_empty());
        assert_eq!(exact_variants("FirstGroup"), ["First Group"]);
        assert!(exact_variants("ArcelorMittal S.A.").contains(&"Arcelor Mittal S.A.".to_string()));
        // not of short parts, acronyms or more than two parts
        for one in [
            "McKinsey",
            "JinkoSolarX",
            "BASF",
            "LanzaJetFuel",
            "Northvolt",
        ] {
            assert!(exact_variants(one).is_empty(), "{one}");
        }
        // combined: serial comma and a spelt-out legal form
        has(
            "Alpha, Beta and Gamma Co.",
            "Alpha, Beta, and Gamma Company",
        );
        // no variant of a plain word, no hyphens in a phrase with lower-case words
        assert!(variants("Northvolt").is_empty());
        assert!(!variants("Ministry of Energy")
            .iter()
            .any(|v| v.contains('-')));
        assert!(
            variants("Ministry of Economy, Trade and Industry of Japan, Co.").len() <= MAX_VARIANTS
        );
    }

    #[test]
    fn embedded_gazetteers_load() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 50);
        assert_eq!(g.get("jogmec").unwrap().kind, ActorType::Government);
    }
}
