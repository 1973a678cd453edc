//! CSV for Neo4j's offline bulk importer (`neo4j-admin database import full`):
//! `actors.csv` and `agreements.csv` (nodes) and `relationships.csv`, each with
//! a header in the importer's syntax (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`,
//! `:TYPE`, `name:type`, `name:type[]`).
//!
//! Node ids are the graph's ids (`actor:...`, `agreement:...`), unique across
//! both node files, so one global id space serves. Labels are `Actor` plus the
//! actor type (`Actor;Company`) and `Agreement` plus the kind
//! (`Agreement;Mou`, `Agreement;JointVenture`); relationship types are the
//! relations in upper case (`PARTY_TO`, `SIGNATORY_OF`, `PARTNERS_WITH`,
//! `MEMBER_OF`). Arrays are joined with `;`, the importer's default array
//! delimiter (an element that itself contains `;` would be split by it).
//! Absent values (unknown country or date, empty arrays, `weight` on other
//! relations than `partners_with`) are empty fields, which the importer leaves
//! unset. Quoting is RFC 4180 (`"` doubled); evidence sentences may span lines.
//!
//! Import (Neo4j 5; the database must not exist yet):
//!
//! ```sh
//! neo4j-admin database import full \
//!     --nodes=DIR/actors.csv --nodes=DIR/agreements.csv \
//!     --relationships=DIR/relationships.csv \
//!     --multiline-fields=true --legacy-style-quoting=false \
//!     neo4j
//! ```
//!
//! (`--multiline-fields=true` because an evidence sentence can contain a line
//! break; `--legacy-style-quoting=false` so that a backslash before a quote is
//! kept as text.)

use crate::error::{Error, Result};
use crate::export::graphml::node_documents;
use crate::graph::{KnowledgeGraph, Node, Relation};
use std::path::Path;

/// The node file for actors.
pub const ACTORS: &str = "actors.csv";
/// The node file for agreements.
pub const AGREEMENTS: &str = "agreements.csv";
/// The relationship file.
pub const RELATIONSHIPS: &str = "relationships.csv";

/// Header of [`ACTORS`].
pub const ACTOR_HEADER: &[&str] = &[
    "id:ID",
    ":LABEL",
    "label",
    "type",
    "country",
    "discovered:boolean",
    "aliases:string[]",
    "mention_count:int",
    "documents:string[]",
];

/// Header of [`AGREEMENTS`].
pub const AGREEMENT_HEADER: &[&str] = &[
    "id:ID",
    ":LABEL",
    "label",
    "agreement_kind",
    "status",
    "date",
    "topics:string[]",
    "evidence",
    "documents:string[]",
];

/// Header of [`RELATIONSHIPS`].
pub const RELATIONSHIP_HEADER: &[&str] = &[
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "weight:int",
    "agreements:string[]",
];

/// `joint_venture` → `JointVenture`: a label from a snake-case name.
pub fn label_name(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

/// `party_to` → `PARTY_TO`: the relationship type for a relation.
pub fn relationship_type(r: &Relation) -> String {
    r.as_str().to_ascii_uppercase()
}

fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(";")
}

fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // writing to memory cannot fail, and every row has the header's length
    w.write_record(header).expect("CSV to memory");
    for r in rows {
        w.write_record(r).expect("CSV to memory");
    }
    let bytes = w.into_inner().expect("CSV to memory");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The three files as (file name, content), in the order
/// [`ACTORS`], [`AGREEMENTS`], [`RELATIONSHIPS`]; rows sorted as the graph's
/// nodes and edges are.
pub fn to_files(kg: &KnowledgeGraph) -> Vec<(String, String)> {
    let mut actors = Vec::new();
    let mut agreements = Vec::new();
    for n in kg.nodes() {
        let documents = join(node_documents(n));
        match n {
            Node::Actor(a) => actors.push(vec![
                a.id.clone(),
                format!("Actor;{}", label_name(a.kind.as_str())),
                a.label.clone(),
                a.kind.as_str().to_string(),
                a.country.clone().unwrap_or_default(),
                a.discovered.to_string(),
                join(a.aliases.iter().map(|x| &**x)),
                a.mentions.len().to_string(),
                documents,
            ]),
            Node::Agreement(g) => agreements.push(vec![
                g.id.clone(),
                format!("Agreement;{}", label_name(g.agreement_kind.as_str())),
                g.label.clone(),
                g.agreement_kind.as_str().to_string(),
                g.status.as_str().to_string(),
                g.date.clone().unwrap_or_default(),
                join(g.topics.iter().map(String::as_str)),
                g.evidence
                    .first()
                    .map(|e| e.text.to_string())
                    .unwrap_or_default(),
                documents,
            ]),
        }
    }
    let relationships: Vec<Vec<String>> = kg
        .edges()
        .into_iter()
        .map(|(s, t, r)| {
            let (weight, ags) = match r {
                Relation::PartnersWith(a) => {
                    (a.len().to_string(), join(a.iter().map(String::as_str)))
                }
                _ => (String::new(), String::new()),
            };
            vec![
                s.to_string(),
                t.to_string(),
                relationship_type(r),
                weight,
                ags,
            ]
        })
        .collect();
    vec![
        (ACTORS.to_string(), csv_text(ACTOR_HEADER, &actors)),
        (
            AGREEMENTS.to_string(),
            csv_text(AGREEMENT_HEADER, &agreements),
        ),
        (
            RELATIONSHIPS.to_string(),
            csv_text(RELATIONSHIP_HEADER, &relationships),
        ),
    ]
}

/// Writes the three files into `dir` (created if missing): all three to temp
/// files first, then renamed into place, so a full disk leaves the old set
/// (or none), never a mix.
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) naming the folder or file that could not be written.
pub fn write_dir(kg: &KnowledgeGraph, dir: &Path) -> Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut done = Vec::new();
    for (name, text) in to_files(kg) {
        let path = dir.join(name);
        let mut tmp = super::TempOutput::new_for(&path)?;
        tmp.write_all(text.as_bytes())
            .and_then(|()| tmp.flush())
            .map_err(|e| Error::io(&path, e))?;
        done.push((tmp, path));
    }
    for (tmp, path) in done {
        super::finish(tmp, &path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> KnowledgeGraph {
        crate::export::awkward_graph(
            "\"Q\" & <Co>, \\ \u{1}\nname",
            &["日本貿易振興機構", "Åkerström"],
        )
    }

    fn read(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.map(|r| r.iter().map(String::from).collect()))
            .collect::<std::result::Result<_, _>>()
            .unwrap_or_default()
    }

    #[test]
    fn labels_and_types() {
        assert_eq!(label_name("joint_venture"), "JointVenture");
        assert_eq!(label_name("mou"), "Mou");
        assert_eq!(relationship_type(&Relation::PartyTo), "PARTY_TO");
        assert_eq!(
            relationship_type(&Relation::PartnersWith(Default::default())),
            "PARTNERS_WITH"
        );
    }

    #[test]
    fn files_round_trip_through_a_csv_reader() {
        let kg = graph();
        let files = to_files(&kg);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, [ACTORS, AGREEMENTS, RELATIONSHIPS]);
        assert_eq!(files, to_files(&graph()));

        let actors = read(&files[0].1);
        assert_eq!(actors[0], ACTOR_HEADER);
        let n_actors = kg.nodes().filter(|n| matches!(n, Node::Actor(_))).count();
        assert_eq!(actors.len(), n_actors + 1);
        let boliden = actors
            .iter()
            .find(|r| r[0] == "actor:boliden")
            .cloned()
            .unwrap_or_default();
        assert_eq!(boliden[1], "Actor;Company");
        assert_eq!(boliden[2], "\"Q\" & <Co>, \\ \u{1}\nname");
        assert_eq!(boliden[5], "false");
        assert_eq!(boliden[6], "Boliden;Boliden AB;Åkerström;日本貿易振興機構");
        assert!(files[0].1.contains("\"\"\"Q\"\" & <Co>, \\ \u{1}\nname\""));

        let agreements = read(&files[1].1);
        assert_eq!(agreements[0], AGREEMENT_HEADER);
        assert_eq!(agreements.len(), 3);
        assert!(agreements
            .iter()
            .any(|r| r[1] == "Agreement;Mou" && r[5].is_empty()));

        let rels = read(&files[2].1);
        assert_eq!(rels[0], RELATIONSHIP_HEADER);
        assert_eq!(rels.len(), kg.edges().len() + 1);
        for r in &rels[1..] {
            let partners = r[2] == "PARTNERS_WITH";
            assert_eq!(!r[3].is_empty(), partners, "{r:?}");
            assert_eq!(!r[4].is_empty(), partners, "{r:?}");
            assert!(r[0].starts_with("actor:"));
        }
    }

    #[test]
    fn write_dir_writes_three_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("neo4j");
        write_dir(&graph(), &out).expect("written");
        for name in [ACTORS, AGREEMENTS, RELATIONSHIPS] {
            let text = std::fs::read_to_string(out.join(name)).expect("readable");
            assert!(text.ends_with('\n'));
        }
    }
}
