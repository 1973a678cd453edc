//! `pactgraph query`: answers as readable tables, or JSON for scripts.

use super::args::{QueryArgs, Question, TableFormat, TopBy, TypeArg};
use anyhow::Result;
use pactgraph::fragment::AgreementRecord;
use pactgraph::graph::KnowledgeGraph;
use pactgraph::query::Filter;
use petgraph::graph::NodeIndex;
use serde_json::{json, Value};

/// The width tables must fit: the terminal's when stdout is one (its size,
/// else `COLUMNS`); none when stdout is a pipe or file, so piped tables are
/// plain and whole.
fn terminal_width() -> Option<usize> {
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return None;
    }
    terminal_size::terminal_size()
        .map(|(w, _)| w.0 as usize)
        .filter(|&w| w > 0)
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
                .filter(|&w: &usize| w > 0)
        })
}

/// Narrowest a column is cut to (a shorter header keeps its own width).
const MIN_COLUMN: usize = 8;

/// Column widths cut, widest first, until the row (columns two spaces apart)
/// fits `max`, or every column is at its minimum.
fn fit(mut w: Vec<usize>, head: &[&str], max: usize) -> Vec<usize> {
    let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
    let min: Vec<usize> = head
        .iter()
        .zip(&w)
        .map(|(h, &x)| x.min(MIN_COLUMN.max(h.chars().count())))
        .collect();
    while total(&w) > max {
        // the widest column that can give, the last of equals
        let Some(i) = (0..w.len())
            .filter(|&i| w[i] > min[i])
            .max_by_key(|&i| (w[i], i))
        else {
            break;
        };
        let second = (0..w.len())
            .filter(|&j| j != i)
            .map(|j| w[j])
            .max()
            .unwrap_or(0);
        let cut = (total(&w) - max)
            .min(w[i] - min[i])
            .min((w[i] - second).max(1));
        w[i] -= cut;
    }
    w
}

/// `s` cut to `n` characters, the last one an ellipsis when anything is cut.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// Left-aligned columns, two spaces apart; the last column is not padded.
/// On a terminal, the widest columns are cut (with `…`) to fit its width.
fn table(head: &[&str], rows: &[Vec<String>]) -> String {
    table_in(head, rows, terminal_width())
}

fn table_in(head: &[&str], rows: &[Vec<String>], width: Option<usize>) -> String {
    let n = head.len();
    let mut w: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            w[i] = w[i].max(c.chars().count());
        }
    }
    if let Some(max) = width {
        w = fit(w, head, max);
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let c = cut(c, w[i]);
            s.push_str(&c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(w[i] - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(head.to_vec());
    out.push_str(&line(
        w.iter()
            .map(|&k| "-".repeat(k))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

fn agreement_json(kg: &KnowledgeGraph, g: &AgreementRecord) -> Value {
    let label = |id: &String| {
        kg.index
            .get(id)
            .map_or(id.clone(), |&i| kg.graph[i].label().to_string())
    };
    json!({
        "id": g.id,
        "label": g.label,
        "agreement_kind": g.agreement_kind.as_str(),
        "status": g.status.as_str(),
        "date": g.date,
        "parties": g.parties.iter().map(|p| json!({"id": p, "label": label(p)})).collect::<Vec<_>>(),
        "signatories": g.signatories.iter().map(|p| json!({"id": p, "label": label(p)})).collect::<Vec<_>>(),
        "topics": g.topics,
        "evidence": g.evidence.iter().map(|e| json!({"doc": e.doc, "sentence": e.sentence, "text": e.text})).collect::<Vec<_>>(),
    })
}

fn party_names(kg: &KnowledgeGraph, g: &AgreementRecord) -> String {
    g.parties
        .iter()
        .map(|p| {
            kg.index
                .get(p)
                .map_or(p.clone(), |&i| kg.graph[i].label().to_string())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn first_evidence(g: &AgreementRecord) -> String {
    g.evidence.first().map_or(String::new(), |e| {
        let t: String = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String = t.chars().take(110).collect();
        let more = if short.len() < t.len() { "…" } else { "" };
        format!("{}: {short}{more}", e.doc)
    })
}

fn emit(s: &str) -> Result<()> {
    super::print_out(s)
}

fn emit_json(v: &Value) -> Result<()> {
    emit(&(serde_json::to_string_pretty(v)? + "\n"))
}

/// Runs a query; returns the exit code.
pub fn run(a: QueryArgs) -> Result<i32> {
    let (b, failed) = super::read_graphs(std::slice::from_ref(&a.graph))?;
    let kg = b.build();
    match a.question {
        Question::Partners { actor, format } => partners(&kg, &actor, format)?,
        Question::Agreements {
            actor,
            status,
            kind,
            since,
            until,
            format,
        } => {
            let filter = super::filter_of(
                &super::args::FilterArgs {
                    status,
                    kind,
                    since,
                    until,
                    ..Default::default()
                },
                false,
            )?;
            agreements(&kg, actor.as_deref(), &filter, format)?;
        }
        Question::Path {
            from,
            to,
            limit,
            format,
        } => {
            if !path(&kg, &from, &to, limit, format)? {
                return Ok(1);
            }
        }
        Question::Ego {
            actor,
            depth,
            format,
            view: which,
            output,
            diagram,
        } => {
            let f = Filter {
                ego: Some((actor, depth)),
                ..Default::default()
            };
            let view = f.apply(&kg)?;
            let totals = pactgraph::export::scale::counts(&kg);
            super::write_graph(&view, format, which, output.as_deref(), &diagram, totals)?;
        }
        Question::Top { by, limit, format } => top(&kg, by, limit, format)?,
        Question::Actors { types, format } => actors(&kg, types, format)?,
        Question::Stats { format } => stats(&kg, format)?,
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

/// `query partners`: an actor's partners, each with the agreements behind it.
fn partners(kg: &KnowledgeGraph, actor: &str, format: TableFormat) -> Result<()> {
    let me = kg.find_actor(actor)?;
    let partners = kg.partners(me);
    if format == TableFormat::Json {
        emit_json(&json!({
            "actor": {"id": kg.actor(me).id, "label": kg.actor(me).label},
            "partners": partners.iter().map(|(p, gs)| json!({
                "id": kg.actor(*p).id,
                "label": kg.actor(*p).label,
                "type": kg.actor(*p).kind.as_str(),
                "agreements": gs.iter().map(|&g| agreement_json(kg, kg.agreement(g))).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }))
    } else {
        let mut rows = Vec::new();
        for (p, gs) in &partners {
            for (k, &g) in gs.iter().enumerate() {
                let g = kg.agreement(g);
                rows.push(vec![
                    if k == 0 {
                        kg.actor(*p).label.clone()
                    } else {
                        String::new()
                    },
                    pactgraph::kind_label(g.agreement_kind).to_string(),
                    g.status.as_str().to_string(),
                    g.date.clone().unwrap_or_else(|| "-".into()),
                    first_evidence(g),
                ]);
            }
        }
        emit(&format!(
            "{} ({}): {}\n\n{}",
            kg.actor(me).label,
            kg.actor(me).id,
            super::plural(partners.len(), "partner"),
            table(
                &["partner", "agreement", "status", "date", "evidence"],
                &rows
            )
        ))
    }
}

/// `query agreements`: the agreements `filter` keeps, of one actor or all, by
/// date and label.
fn agreements(
    kg: &KnowledgeGraph,
    actor: Option<&str>,
    filter: &Filter,
    format: TableFormat,
) -> Result<()> {
    let view = filter.apply(kg)?;
    let list: Vec<NodeIndex> = match actor {
        Some(name) => {
            let me = kg.find_actor(name)?;
            let id = &kg.actor(me).id;
            match view.index.get(id) {
                Some(&i) => view.agreements_of(i),
                None => Vec::new(),
            }
        }
        None => view.agreement_indices(),
    };
    let mut list: Vec<&AgreementRecord> = list.iter().map(|&g| view.agreement(g)).collect();
    list.sort_by(|a, b| (&a.date, &a.label).cmp(&(&b.date, &b.label)));
    if format == TableFormat::Json {
        emit_json(&Value::Array(
            list.iter().map(|g| agreement_json(&view, g)).collect(),
        ))
    } else {
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|g| {
                vec![
                    g.date.clone().unwrap_or_else(|| "-".into()),
                    pactgraph::kind_label(g.agreement_kind).to_string(),
                    g.status.as_str().to_string(),
                    party_names(&view, g),
                    g.evidence.len().to_string(),
                ]
            })
            .collect();
        emit(&format!(
            "{}\n\n{}",
            super::plural(list.len(), "agreement"),
            table(&["date", "kind", "status", "parties", "reports"], &rows)
        ))
    }
}

/// `query path`: the shortest chains of agreements from one actor to
/// another; false when no chain links them in a table (the exit code is 1).
fn path(
    kg: &KnowledgeGraph,
    from: &str,
    to: &str,
    limit: usize,
    format: TableFormat,
) -> Result<bool> {
    let a = kg.find_actor(from)?;
    let b = kg.find_actor(to)?;
    let paths = kg.paths(a, b, limit);
    if format == TableFormat::Json {
        emit_json(&json!({
            "from": kg.actor(a).id, "to": kg.actor(b).id,
            "hops": paths.first().map(|p| p.len() / 2),
            "paths": paths.iter().map(|p| p.iter().map(|&i| match &kg.graph[i] {
                pactgraph::graph::Node::Actor(x) => json!({"actor": x.id, "label": x.label}),
                pactgraph::graph::Node::Agreement(g) => json!({"agreement": g.id, "label": g.label, "date": g.date, "status": g.status.as_str()}),
            }).collect::<Vec<_>>()).collect::<Vec<_>>(),
        }))?;
    } else if paths.is_empty() {
        emit(&format!(
            "no chain of agreements links {} and {}\n",
            kg.actor(a).label,
            kg.actor(b).label
        ))?;
        return Ok(false);
    } else {
        let mut s = format!(
            "{} of {} from {} to {}\n",
            super::plural(paths.len(), "shortest chain"),
            super::plural(paths[0].len() / 2, "agreement"),
            kg.actor(a).label,
            kg.actor(b).label
        );
        for p in &paths {
            s.push('\n');
            for (k, &i) in p.iter().enumerate() {
                if k % 2 == 0 {
                    s.push_str(&format!("  {}\n", kg.actor(i).label));
                } else {
                    let g = kg.agreement(i);
                    s.push_str(&format!(
                        "    └─ {} ({}{})\n",
                        pactgraph::kind_label(g.agreement_kind),
                        g.status.as_str(),
                        g.date
                            .as_deref()
                            .map(|d| format!(", {d}"))
                            .unwrap_or_default()
                    ));
                }
            }
        }
        emit(&s)?;
    }
    Ok(true)
}

/// `query top`: the `limit` actors ranked highest `by` partners, agreements
/// or betweenness (those scoring 0 left out).
fn top(kg: &KnowledgeGraph, by: TopBy, limit: usize, format: TableFormat) -> Result<()> {
    let mut rows: Vec<(f64, NodeIndex)> = pactgraph::export::scale::scores(kg, super::rank_of(by))
        .into_iter()
        .filter(|(_, s)| *s > 0.0)
        .map(|(a, s)| (s, a))
        .collect();
    rows.truncate(limit);
    let name = match by {
        TopBy::Degree => "partners",
        TopBy::Agreements => "agreements",
        TopBy::Betweenness => "betweenness",
    };
    if format == TableFormat::Json {
        emit_json(&Value::Array(
            rows.iter()
                .map(|(s, a)| {
                    let score = if by == TopBy::Betweenness { json!(s) } else { json!(*s as u64) };
                    json!({"id": kg.actor(*a).id, "label": kg.actor(*a).label, "type": kg.actor(*a).kind.as_str(), name: score})
                })
                .collect(),
        ))
    } else {
        let t: Vec<Vec<String>> = rows
            .iter()
            .enumerate()
            .map(|(k, (s, a))| {
                vec![
                    (k + 1).to_string(),
                    kg.actor(*a).label.clone(),
                    kg.actor(*a).kind.as_str().to_string(),
                    if by == TopBy::Betweenness {
                        format!("{s:.3}")
                    } else {
                        format!("{s}")
                    },
                ]
            })
            .collect();
        emit(&table(&["#", "actor", "type", name], &t))
    }
}

/// `query actors`: every actor (of `types`, when given) with its counts.
fn actors(kg: &KnowledgeGraph, types: Vec<TypeArg>, format: TableFormat) -> Result<()> {
    let types: Vec<pactgraph::ActorType> = types.into_iter().map(super::type_of).collect();
    let list: Vec<NodeIndex> = kg
        .actor_indices()
        .into_iter()
        .filter(|&a| types.is_empty() || types.contains(&kg.actor(a).kind))
        .collect();
    if format == TableFormat::Json {
        emit_json(&Value::Array(
            list.iter()
                .map(|&a| {
                    let x = kg.actor(a);
                    json!({"id": x.id, "label": x.label, "type": x.kind.as_str(), "country": x.country,
                        "aliases": x.aliases, "mentions": x.mentions.len(),
                        "partners": kg.degree(a), "agreements": kg.agreements_of(a).len()})
                })
                .collect(),
        ))
    } else {
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|&a| {
                let x = kg.actor(a);
                vec![
                    x.label.clone(),
                    x.kind.as_str().to_string(),
                    x.country.clone().unwrap_or_default(),
                    x.mentions.len().to_string(),
                    kg.degree(a).to_string(),
                    kg.agreements_of(a).len().to_string(),
                    x.id.clone(),
                ]
            })
            .collect();
        emit(&table(
            &[
                "actor",
                "type",
                "country",
                "mentions",
                "partners",
                "agreements",
                "id",
            ],
            &rows,
        ))
    }
}

/// `query stats`: the graph's counts, by type, kind, status and year.
fn stats(kg: &KnowledgeGraph, format: TableFormat) -> Result<()> {
    let s = kg.stats();
    if format == TableFormat::Json {
        emit_json(&serde_json::to_value(&s)?)
    } else {
        let mut out = format!(
            "documents      {}\nactors         {}\nagreements     {}\npartner pairs  {}\nmentions       {}\n",
            s.documents, s.actors, s.agreements, s.partner_pairs, s.mentions
        );
        for (title, m) in [
            ("actors by type", &s.actors_by_type),
            ("agreements by kind", &s.agreements_by_kind),
            ("agreements by status", &s.agreements_by_status),
            ("agreements by year", &s.agreements_by_year),
        ] {
            out.push_str(&format!("\n{title}\n"));
            for (k, v) in m {
                out.push_str(&format!("  {k:<14} {v}\n"));
            }
        }
        emit(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 19: a table on an 80-column terminal is at most 80 columns wide,
    /// the widest columns cut with `…`; without a width nothing is cut.
    #[test]
    fn issue19_tables_fit_the_terminal() {
        let rows = vec![
            vec![
                "Sumitomo Metal Mining".to_string(),
                "MoU".to_string(),
                "signed".to_string(),
                "2024-01-23".to_string(),
                "a.txt: ".to_string() + &"JOGMEC and Sumitomo Metal Mining signed ".repeat(5),
            ],
            vec![
                "Boliden".to_string(),
                "Cooperation".to_string(),
                "negotiating".to_string(),
                "-".to_string(),
                "b.txt: short".to_string(),
            ],
        ];
        let head = ["partner", "agreement", "status", "date", "evidence"];
        let fitted = table_in(&head, &rows, Some(80));
        for line in fitted.lines() {
            assert!(
                line.chars().count() <= 80,
                "{} wide: {line}",
                line.chars().count()
            );
        }
        assert!(fitted.contains('…'), "{fitted}");
        // the widest columns are cut to one width (the partner's and the evidence's)
        assert!(fitted.contains("Sumitomo Metal Mini…  MoU"), "{fitted}");
        assert!(fitted.contains("a.txt: JOGMEC and S…\n"), "{fitted}");
        assert!(fitted.contains("b.txt: short"), "{fitted}");
        let whole = table_in(&head, &rows, None);
        assert!(!whole.contains('…'));
        assert!(whole.lines().any(|l| l.chars().count() > 200));
        // too narrow for the minimums: columns stop at them
        let narrow = table_in(&head, &rows, Some(20));
        assert!(
            narrow.lines().nth(2).unwrap().starts_with("Sumitom…"),
            "{narrow}"
        );
    }
}
