//! CLI glue: turns parsed arguments into library calls and prints results.

mod args;

use anyhow::{bail, Context, Result};
use args::{Cli, Command, EvalFormat, ExtractArgs, Format, GazetteerArgs, GazetteerCommand};
use clap::Parser;
use pactgraph::export::{dot, json, write_atomic};
use pactgraph::gazetteer::{Gazetteer, Severity};
use pactgraph::graph::KnowledgeGraph;
use pactgraph::{Document, Lexicon, Pipeline};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs the command line; returns the exit code.
pub fn run() -> Result<i32> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Eval(a) => eval(a),
        Command::Gazetteer(GazetteerCommand::Check {
            paths,
            no_default_gazetteers,
        }) => check(&paths, no_default_gazetteers),
        Command::Gazetteer(GazetteerCommand::List { gazetteer, kind }) => {
            list(&gazetteer, kind.as_deref())
        }
    }
}

fn load_gazetteer(a: &GazetteerArgs) -> Result<Gazetteer> {
    let mut b = Gazetteer::builder();
    if !a.no_default_gazetteers {
        b.add_embedded();
    }
    for p in &a.gazetteers {
        b.add_file(p)?;
    }
    let g = b
        .build()
        .context("the gazetteers have errors (run `pactgraph gazetteer check` on your files)")?;
    if g.is_empty() {
        bail!("no gazetteer entries: give --gazetteer PATH, or drop --no-default-gazetteers");
    }
    Ok(g)
}

fn pipeline(a: &GazetteerArgs) -> Result<Pipeline> {
    Ok(Pipeline::new(load_gazetteer(a)?, Lexicon::embedded()))
}

/// Expands folders (recursively, .txt and .md files, hidden ones skipped) in a stable order.
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut files = Vec::new();
            while let Some(d) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&d) else {
                    files.push(d);
                    continue;
                };
                for e in rd.flatten() {
                    let path = e.path();
                    let hidden = path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                    if hidden {
                        continue;
                    }
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|x| x == "txt" || x == "md") {
                        files.push(path);
                    }
                }
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn extract(a: ExtractArgs) -> Result<i32> {
    let p = pipeline(&a.gazetteer)?;
    if let Some(d) = &a.doc_date {
        if pactgraph::dates::Date::parse(d).is_none_or(|x| x.d.is_none()) {
            bail!("--doc-date `{d}`: give a date as yyyy-mm-dd");
        }
    }
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        expand(&a.paths)
    };
    let mut fragments = Vec::new();
    let mut failed = 0;
    let mut explained = String::new();
    for path in &paths {
        let doc = if path.as_os_str() == "-" {
            pactgraph::input::read_stdin()
        } else {
            pactgraph::input::read_file(path)
        };
        let mut doc: Document = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("pactgraph: skipping {e}");
                failed += 1;
                continue;
            }
        };
        doc.date = a.doc_date.clone();
        if a.explain {
            let (f, not) = p.analyze(&doc);
            explained.push_str(&explain(&doc, &f, &not));
        } else {
            fragments.push(p.extract(&doc));
        }
    }
    if fragments.is_empty() && !a.explain {
        bail!("no document could be read ({failed} failed)");
    }
    let out = if a.explain {
        explained
    } else {
        let kg = KnowledgeGraph::from_fragments(&fragments);
        match a.format {
            Format::Json => json::to_string(&kg),
            Format::Dot => dot::to_string(&kg),
        }
    };
    match &a.output {
        Some(path) => write_atomic(path, out.as_bytes())?,
        None => std::io::stdout().lock().write_all(out.as_bytes())?,
    }
    if failed > 0 {
        eprintln!(
            "pactgraph: {failed} of {} inputs failed; the others were processed",
            paths.len()
        );
        return Ok(1);
    }
    Ok(0)
}

fn explain(
    doc: &Document,
    f: &pactgraph::Fragment,
    not: &[pactgraph::extract::NotAgreement],
) -> String {
    let label = |id: &str| {
        f.actors
            .iter()
            .find(|a| a.id == id)
            .map_or(id.to_string(), |a| a.label.clone())
    };
    let mut s = format!(
        "== {} ({} actors, {} agreements)\n",
        doc.id,
        f.actors.len(),
        f.agreements.len()
    );
    for g in &f.agreements {
        s.push_str(&format!(
            "\n{} [{}] {} {}\n  parties: {}\n",
            g.label,
            g.agreement_kind.as_str(),
            g.status.as_str(),
            g.date.as_deref().unwrap_or("(no date)"),
            g.parties
                .iter()
                .map(|p| label(p))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if !g.signatories.is_empty() {
            s.push_str(&format!(
                "  signatories: {}\n",
                g.signatories
                    .iter()
                    .map(|p| label(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !g.topics.is_empty() {
            s.push_str(&format!(
                "  topics: {}\n",
                g.topics.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        for e in &g.evidence {
            // mark the parties' mentions inside the sentence with [[ ]]
            let mut marks: Vec<(usize, usize)> = f
                .actors
                .iter()
                .filter(|a| g.parties.contains(&a.id) || g.signatories.contains(&a.id))
                .flat_map(|a| {
                    a.mentions
                        .iter()
                        .filter(|m| m.start >= e.start && m.end <= e.end)
                        .map(|m| (m.start, m.end))
                })
                .collect();
            marks.sort();
            let mut text = String::new();
            let mut pos = e.start;
            for (ms, me) in marks {
                if ms < pos {
                    continue;
                }
                text.push_str(&doc.text[pos..ms]);
                text.push_str(&format!("[[{}]]", &doc.text[ms..me]));
                pos = me;
            }
            text.push_str(&doc.text[pos..e.end]);
            s.push_str(&format!(
                "  {:<10} sentence {}: {}\n",
                e.rule, e.sentence, text
            ));
        }
    }
    for n in not {
        s.push_str(&format!(
            "\nnot an agreement (negated or broken off), sentence {}: {}\n",
            n.sentence,
            n.actors
                .iter()
                .map(|p| label(&format!("actor:{p}")))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    s
}

fn eval(a: args::EvalArgs) -> Result<i32> {
    let p = pipeline(&a.gazetteer)?;
    let rep = pactgraph::eval::evaluate(&a.gold, |txt: &Path| {
        let doc = pactgraph::input::read_file(txt)?;
        let f = p.extract(&doc);
        let kg = KnowledgeGraph::from_fragments([&f]);
        Ok(serde_json::to_value(json::node_link(&kg)).expect("serializable"))
    })?;
    match a.format {
        EvalFormat::Table => print!("{}", pactgraph::eval::table(&rep, a.verbose)),
        EvalFormat::Json => println!("{}", serde_json::to_string_pretty(&rep)?),
    }
    if let Some(min) = &a.min {
        let acc = |n: usize| {
            if rep.attrs.matched == 0 {
                0.0
            } else {
                n as f64 / rep.attrs.matched as f64
            }
        };
        let mut failed = Vec::new();
        for kv in min.split(',').filter(|s| !s.is_empty()) {
            let Some((k, v)) = kv.split_once('=') else {
                bail!("--min: expected KEY=MIN, got `{kv}`")
            };
            let v: f64 = v
                .trim()
                .parse()
                .with_context(|| format!("--min: `{v}` is not a number"))?;
            let got = match k.trim() {
                "actor_f1" => rep.actors.f1(),
                "actor_p" => rep.actors.p(),
                "actor_r" => rep.actors.r(),
                "agreement_f1" => rep.agreements.f1(),
                "edge_f1" => rep.edges.f1(),
                "kind" => acc(rep.attrs.kind),
                "status" => acc(rep.attrs.status),
                "date" => acc(rep.attrs.date),
                other => bail!("--min: unknown key `{other}` (actor_f1, actor_p, actor_r, agreement_f1, edge_f1, kind, status, date)"),
            };
            if got + 1e-9 < v {
                failed.push(format!("{k} = {got:.3} < {v}"));
            }
        }
        if !failed.is_empty() {
            eprintln!("pactgraph: below the minimum: {}", failed.join("; "));
            return Ok(1);
        }
    }
    Ok(0)
}

fn check(paths: &[PathBuf], no_default: bool) -> Result<i32> {
    let mut b = Gazetteer::builder();
    if !no_default {
        b.add_embedded();
    }
    for p in paths {
        b.add_file(p)?;
    }
    let lx = Lexicon::embedded();
    let diags = b.check(&lx.common_words);
    let shown: Vec<_> = diags
        .iter()
        .filter(|d| {
            no_default
                || paths.is_empty()
                || !d.origin.file.starts_with("<embedded>")
                || d.severity == Severity::Error
        })
        .collect();
    for d in &shown {
        println!("{d}");
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = shown
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    eprintln!("{errors} errors, {warnings} warnings");
    Ok(if errors > 0 { 1 } else { 0 })
}

fn list(a: &GazetteerArgs, kind: Option<&str>) -> Result<i32> {
    let g = load_gazetteer(a)?;
    if let Some(k) = kind {
        if pactgraph::ActorType::parse(k).is_none() {
            bail!(
                "unknown type `{k}`; use one of {}",
                pactgraph::ActorType::ALL.map(|t| t.as_str()).join(", ")
            );
        }
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "id\ttype\tname\taliases\tcountry\tsource")?;
    for e in g
        .entities()
        .iter()
        .filter(|e| kind.is_none_or(|k| e.kind.as_str() == k))
    {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .skip(1)
            .map(|a| {
                let mut s = a.text.clone();
                if a.gated {
                    s.push('?');
                }
                if let Some(l) = &a.lang {
                    s.push_str(&format!("@{l}"));
                }
                s
            })
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            e.id,
            e.kind,
            e.name,
            aliases.join("|"),
            e.country.as_deref().unwrap_or(""),
            e.origin
        )?;
    }
    Ok(0)
}
