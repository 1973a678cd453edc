//! CLI glue: turns parsed arguments into library calls and prints results.

mod args;
mod query;

use anyhow::{bail, Context, Result};
use args::{Cli, Command, EvalFormat, ExtractArgs, Format, GazetteerArgs, GazetteerCommand};
use pactgraph::export::{dot, json, write_atomic, Target};
use pactgraph::gazetteer::{Gazetteer, Severity};
use pactgraph::graph::KnowledgeGraph;
use pactgraph::{Document, Lexicon, Pipeline};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs the command line; returns the exit code.
pub fn run() -> Result<i32> {
    let matches = <Cli as clap::CommandFactory>::command().get_matches();
    let mut cli =
        <Cli as clap::FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    format_from_extension(&mut cli, &matches);
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Merge(a) => merge(a),
        Command::Query(a) => query::run(a),
        Command::Eval(a) => eval(a),
        Command::Gazetteer(GazetteerCommand::Check {
            paths,
            no_default_gazetteers,
        }) => check(&paths, no_default_gazetteers),
        Command::Gazetteer(GazetteerCommand::Suggest {
            paths,
            gazetteer,
            input,
            output,
        }) => suggest(&paths, &gazetteer, input, output.as_deref()),
        Command::Gazetteer(GazetteerCommand::Import { file, output }) => {
            import(&file, output.as_deref())
        }
        Command::Gazetteer(GazetteerCommand::List { gazetteer, kind }) => {
            list(&gazetteer, kind.as_deref())
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "pactgraph", &mut out);
            print_bytes(&out)?;
            Ok(0)
        }
        Command::Man { dir } => man(dir.as_deref()),
    }
}

/// `man`: the page of `pactgraph` on stdout, or every command's page in `dir`.
fn man(dir: Option<&Path>) -> Result<i32> {
    let cmd = <Cli as clap::CommandFactory>::command();
    match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
            clap_mangen::generate_to(cmd, dir)
                .with_context(|| format!("{}: cannot write the man pages", dir.display()))?;
            eprintln!("pactgraph: man pages written to {}", dir.display());
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            print_bytes(&out)?;
        }
    }
    Ok(0)
}

/// `1 partner`, `2 partners`.
pub(crate) fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else if let Some(stem) = one.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {one}s")
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

/// Library filter from the command line's.
fn filter_of(f: &args::FilterArgs, diagram: bool) -> Result<pactgraph::query::Filter> {
    use pactgraph::query::Filter;
    for (flag, d) in [("--since", &f.since), ("--until", &f.until)] {
        if let Some(d) = d {
            if pactgraph::dates::Date::parse(d).is_none() {
                bail!("{flag} `{d}`: give a date as yyyy, yyyy-mm or yyyy-mm-dd");
            }
        }
    }
    Ok(Filter {
        types: f.types.iter().map(|t| type_of(*t)).collect(),
        statuses: f.status.iter().map(|s| status_of(*s)).collect(),
        kinds: f.kind.iter().map(|k| kind_of(*k)).collect(),
        since: f.since.clone(),
        until: f.until.clone(),
        min_weight: f.min_weight,
        ego: f.ego.clone().map(|e| (e, f.depth)),
        connected: diagram && !f.all_actors,
    })
}

fn type_of(t: args::TypeArg) -> pactgraph::ActorType {
    use args::TypeArg as T;
    use pactgraph::ActorType as A;
    match t {
        T::Organization => A::Organization,
        T::Government => A::Government,
        T::Company => A::Company,
        T::Alliance => A::Alliance,
        T::Country => A::Country,
        T::Region => A::Region,
        T::Person => A::Person,
        T::Programme => A::Programme,
        T::Event => A::Event,
    }
}

fn status_of(s: args::StatusArg) -> pactgraph::lexicon::Status {
    use args::StatusArg as S;
    use pactgraph::lexicon::Status;
    match s {
        S::Signed => Status::Signed,
        S::Announced => Status::Announced,
        S::Negotiating => Status::Negotiating,
        S::Planned => Status::Planned,
        S::Terminated => Status::Terminated,
    }
}

fn kind_of(k: args::KindArg) -> pactgraph::lexicon::Kind {
    use args::KindArg as K;
    use pactgraph::lexicon::Kind;
    match k {
        K::Mou => Kind::Mou,
        K::Moc => Kind::Moc,
        K::Partnership => Kind::Partnership,
        K::Cooperation => Kind::Cooperation,
        K::JointVenture => Kind::JointVenture,
        K::Offtake => Kind::Offtake,
        K::Investment => Kind::Investment,
        K::Association => Kind::Association,
        K::Other => Kind::Other,
    }
}

fn is_diagram(f: Format) -> bool {
    matches!(f, Format::Dot | Format::Svg | Format::Png)
}

/// Country code → name, from the shipped gazetteers' country rows (for diagram
/// clusters); read straight from the embedded TSV, without building a gazetteer.
fn country_names() -> std::collections::BTreeMap<String, String> {
    let mut m = std::collections::BTreeMap::new();
    for (_, text) in pactgraph::gazetteer::EMBEDDED {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [_, "country", name, _, code, ..] = cols.as_slice() {
                if !code.is_empty() {
                    m.entry(code.to_string())
                        .or_insert_with(|| name.to_string());
                }
            }
        }
    }
    m.insert("EU".into(), "European Union".into());
    m
}

/// Writes a graph in a format, to a file (atomically) or stdout; a panic in a
/// writer is an error with a message (and no output file), not a crash.
///
/// `totals` are the actors and agreements of the graph before filters, so a
/// diagram's caption can say how many are drawn of how many.
fn write_graph(
    kg: &KnowledgeGraph,
    format: Format,
    view: args::View,
    output: Option<&Path>,
    d: &args::DiagramArgs,
    totals: (usize, usize),
) -> Result<()> {
    no_panic("writing the output", || {
        if view == args::View::Partners {
            write_partners(kg, format, output, d)
        } else {
            write_graph_unguarded(kg, format, output, d, totals)
        }
    })
}

fn dot_options(d: &args::DiagramArgs) -> dot::DotOptions {
    dot::DotOptions {
        collapse_agreements: d.collapse_agreements,
        country_names: country_names(),
        legend: !d.no_legend,
        clusters: !d.no_clusters,
        title: d.title.clone(),
        layout: match d.layout {
            args::LayoutArg::Auto => dot::Layout::Auto,
            args::LayoutArg::Dot => dot::Layout::Dot,
            args::LayoutArg::Sfdp => dot::Layout::Sfdp,
            args::LayoutArg::Neato => dot::Layout::Neato,
        },
        totals: None,
        cut: None,
    }
}

/// `--view partners`: the actor-only graph in a format.
fn write_partners(
    kg: &KnowledgeGraph,
    format: Format,
    output: Option<&Path>,
    d: &args::DiagramArgs,
) -> Result<()> {
    use pactgraph::export::{neo4j, partners};
    let bytes: Vec<u8> = match format {
        Format::Json => partners::to_json(kg).into_bytes(),
        Format::Dot => partners::to_dot(kg, &dot_options(d)).into_bytes(),
        Format::Svg => dot::render_graph(
            partners::dot_graph(kg, &dot_options(d)),
            dot::ImageFormat::Svg,
        )?,
        Format::Png => dot::render_graph(
            partners::dot_graph(kg, &dot_options(d)),
            dot::ImageFormat::Png,
        )?,
        Format::Graphml => partners::to_graphml(kg).into_bytes(),
        Format::Cytoscape => partners::to_cytoscape(kg).into_bytes(),
        Format::Neo4j => {
            let Some(dir) = output else {
                bail!("--format neo4j writes several files: give a folder with -o DIR");
            };
            neo4j::write_dir(&partners::graph(kg), dir)?;
            return Ok(());
        }
        Format::Html => bail!(
            "--view partners is for graph files and diagrams; the HTML view (--format html) shows the full graph, with its own filters"
        ),
        Format::Jsonl => bail!(
            "--format jsonl writes one fragment per document; --view partners is for graph formats"
        ),
    };
    write_bytes(format, output, &bytes)
}

/// The library's ranking for `--by` and `query top --by`.
pub(crate) fn rank_of(by: args::TopBy) -> pactgraph::export::scale::Rank {
    use pactgraph::export::scale::Rank;
    match by {
        args::TopBy::Degree => Rank::Degree,
        args::TopBy::Agreements => Rank::Agreements,
        args::TopBy::Betweenness => Rank::Betweenness,
    }
}

/// Runs `f`, turning a panic into an error that says what was being done.
fn no_panic<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => bail!(
            "internal error while {what} ({}); the output is incomplete (no -o file is written); please report this",
            pactgraph::corpus::panic_message(&*p)
        ),
    }
}

fn write_graph_unguarded(
    kg: &KnowledgeGraph,
    format: Format,
    output: Option<&Path>,
    d: &args::DiagramArgs,
    totals: (usize, usize),
) -> Result<()> {
    use pactgraph::export::{cytoscape, graphml, html, neo4j, scale};
    let limit = scale::Limit {
        top: d.top.map(|n| n as usize),
        max_nodes: d.max_nodes.map(|n| n as usize),
        by: rank_of(d.by),
        actors_only: d.collapse_agreements && format != Format::Html,
    };
    let cut_graph;
    let kg = if limit.is_none() {
        kg
    } else if is_diagram(format) || format == Format::Html {
        cut_graph = scale::cut(kg, &limit);
        &cut_graph
    } else {
        bail!(
            "--top and --max-nodes cut diagrams (dot, svg, png) and html pages; to make a smaller graph file, filter with --type, --status, --kind, --since, --min-weight or --ego"
        );
    };
    let opts = || dot::DotOptions {
        totals: Some(totals),
        cut: (!limit.is_none()).then(|| limit.describe()),
        ..dot_options(d)
    };
    let image = |f: dot::ImageFormat| -> Result<Vec<u8>> {
        let r = dot::render_checked(kg, &opts(), f)?;
        for w in &r.warnings {
            eprintln!("pactgraph: warning: {w}");
        }
        Ok(r.bytes)
    };
    if format == Format::Json {
        // streamed: a big graph is never held twice (once as a string)
        let write = |w: &mut dyn std::io::Write| json::write(kg, w);
        match output {
            Some(path) => pactgraph::export::write_atomic_with(path, write)?,
            None => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                write(&mut out)?;
                out.flush()?;
            }
        }
        return Ok(());
    }
    let bytes: Vec<u8> = match format {
        Format::Json => unreachable!("streamed above"),
        Format::Dot => dot::to_string(kg, &opts()).into_bytes(),
        Format::Svg => image(dot::ImageFormat::Svg)?,
        Format::Png => image(dot::ImageFormat::Png)?,
        Format::Html => html::to_string(
            kg,
            &html::HtmlOptions {
                title: d.title.clone(),
                country_names: country_names(),
            },
        )
        .into_bytes(),
        Format::Graphml => graphml::to_string(kg).into_bytes(),
        Format::Cytoscape => cytoscape::to_string(kg).into_bytes(),
        Format::Neo4j => {
            let Some(dir) = output else {
                bail!("--format neo4j writes several files: give a folder with -o DIR");
            };
            neo4j::write_dir(kg, dir)?;
            return Ok(());
        }
        Format::Jsonl => bail!(
            "--format jsonl writes one fragment per document and is for `extract`; merged graphs are written as json"
        ),
    };
    write_bytes(format, output, &bytes)
}

/// Writes an export's bytes to a file (atomically) or stdout.
fn write_bytes(format: Format, output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match output {
        Some(path) => write_atomic(path, bytes)?,
        None => {
            if format == Format::Png && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                bail!("PNG is binary: give -o FILE.png (or redirect stdout)");
            }
            print_bytes(bytes)?
        }
    }
    Ok(())
}

/// Writes `s` to stdout and flushes it: a write error (a full disk) is an error.
pub(crate) fn print_out(s: &str) -> Result<()> {
    print_bytes(s.as_bytes())
}

fn print_bytes(b: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(b).context("writing to stdout")?;
    out.flush().context("writing to stdout")?;
    Ok(())
}

/// Counts and timings printed by `--stats`.
#[derive(Debug, Default, serde::Serialize)]
struct RunStats {
    docs: usize,
    bytes: u64,
    failed: usize,
    jobs: usize,
    load_s: f64,
    extract_s: f64,
    write_s: f64,
    actors: usize,
    agreements: usize,
    mentions: usize,
}

fn extract(a: ExtractArgs) -> Result<i32> {
    use pactgraph::corpus::{run, RunOptions};
    use pactgraph::input::Inputs;
    let t0 = std::time::Instant::now();
    let filter = extract_filter(&a)?;
    let jobs = if a.jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        a.jobs
    };
    // a long document's windows share the same threads as the documents
    let p = pipeline(&a.gazetteer)?.with_window_threads(jobs);
    let mut stats = RunStats {
        load_s: t0.elapsed().as_secs_f64(),
        jobs,
        ..Default::default()
    };
    let inputs = Inputs::new(&a.paths, input_format(a.input));
    let bar = progress_bar(inputs.total_bytes, a.quiet);
    // jsonl streams fragments out as they come; everything else builds the graph
    let mut jsonl = if a.out.format == Format::Jsonl && !a.explain {
        Some(JsonlOutput::open(a.out.output.as_deref())?)
    } else {
        None
    };
    let mut sink = Sink {
        bar: &bar,
        quiet: a.quiet,
        stats: &mut stats,
        jsonl: jsonl.as_mut(),
        builder: pactgraph::graph::GraphBuilder::new(),
        explained: std::io::stdout().lock(),
        write_err: None,
        ids: std::collections::HashSet::new(),
    };
    let t1 = std::time::Instant::now();
    run(
        &p,
        inputs,
        RunOptions {
            jobs,
            explain: a.explain,
        },
        a.doc_date.as_deref(),
        |o| sink.take(o),
    );
    bar.finish_and_clear();
    let (builder, write_err) = sink.finish();
    stats.extract_s = t1.elapsed().as_secs_f64();
    if let Some(e) = write_err {
        return Err(e.context("writing the output"));
    }
    if stats.docs == 0 {
        bail!(
            "no document could be read ({} failed); give text, HTML or JSONL files, folders, or stdin",
            stats.failed
        );
    }
    let t2 = std::time::Instant::now();
    if let Some(w) = jsonl {
        w.finish()?;
    } else if !a.explain {
        let kg = builder.build();
        stats.actors = kg.actor_indices().len();
        stats.agreements = kg.agreement_indices().len();
        stats.mentions = kg.actors().map(|x| x.mentions.len()).sum();
        let totals = (stats.actors, stats.agreements);
        write_filtered(kg, &filter, &a.out, totals)?;
    }
    stats.write_s = t2.elapsed().as_secs_f64();
    if a.stats {
        eprintln!("{}", serde_json::to_string(&stats)?);
    }
    if stats.failed > 0 {
        eprintln!(
            "pactgraph: {} of {} failed; the others were processed",
            stats.failed,
            plural(stats.failed + stats.docs, "input")
        );
    }
    if !a.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        eprintln!("{}", summary(&stats, a.explain, t0.elapsed()));
    }
    Ok(if stats.failed > 0 { 1 } else { 0 })
}

/// The filter of `extract`'s arguments, once the arguments are checked
/// (a `--doc-date` that is a day; no view or filter with `--format jsonl`).
fn extract_filter(a: &ExtractArgs) -> Result<pactgraph::query::Filter> {
    if let Some(d) = &a.doc_date {
        if pactgraph::dates::Date::parse(d).is_none_or(|x| x.d.is_none()) {
            bail!("--doc-date `{d}`: give a date as yyyy-mm-dd");
        }
    }
    let filter = filter_of(&a.out.filter, is_diagram(a.out.format))?;
    if a.out.format == Format::Jsonl && a.out.view == args::View::Partners {
        bail!("--format jsonl writes unmerged fragments; --view partners is for graph formats (json, graphml, dot, ...)");
    }
    if a.out.format == Format::Jsonl && !filter.is_empty() {
        bail!("filters apply to graphs; --format jsonl writes unfiltered fragments (filter when you merge)");
    }
    Ok(filter)
}

/// The library's input format for `--input`.
fn input_format(f: args::InputFormat) -> pactgraph::input::InputFormat {
    use pactgraph::input::InputFormat as IF;
    match f {
        args::InputFormat::Auto => IF::Auto,
        args::InputFormat::Text => IF::Text,
        args::InputFormat::Html => IF::Html,
        args::InputFormat::Jsonl => IF::Jsonl,
    }
}

/// Where `extract --format jsonl` streams its fragments: a temp file renamed
/// over the output at the end, a special file (`/dev/stdout`), or stdout.
struct JsonlOutput {
    w: Box<dyn std::io::Write>,
    /// The temp file and the output it becomes.
    tmp: Option<(pactgraph::export::TempOutput, PathBuf)>,
}

impl JsonlOutput {
    /// Opens the output `-o` names, or stdout.
    fn open(output: Option<&Path>) -> Result<Self> {
        match output.map(pactgraph::export::target) {
            Some(Ok(Target::File(path))) => {
                let tmp = pactgraph::export::TempOutput::new_for(&path)
                    .context("writing the fragments")?;
                Ok(JsonlOutput {
                    w: Box::new(std::io::BufWriter::new(tmp.reopen()?)),
                    tmp: Some((tmp, path)),
                })
            }
            Some(Ok(Target::Special(path))) => {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                Ok(JsonlOutput {
                    w: Box::new(std::io::BufWriter::new(f)),
                    tmp: None,
                })
            }
            Some(Err(e)) => Err(e.into()),
            None => Ok(JsonlOutput {
                w: Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
                tmp: None,
            }),
        }
    }

    /// Flushes the fragments and puts the temp file in place.
    fn finish(self) -> Result<()> {
        let JsonlOutput { mut w, tmp } = self;
        w.flush().context("writing the fragments")?;
        drop(w);
        if let Some((tmp, path)) = tmp {
            pactgraph::export::finish(tmp, &path).context("writing the fragments")?;
        }
        Ok(())
    }
}

/// What `extract` does with each outcome of the run as it comes: counts it,
/// reports it, and explains it, streams it as a fragment line or adds it to
/// the graph.
struct Sink<'a> {
    bar: &'a indicatif::ProgressBar,
    quiet: bool,
    stats: &'a mut RunStats,
    jsonl: Option<&'a mut JsonlOutput>,
    builder: pactgraph::graph::GraphBuilder,
    explained: std::io::StdoutLock<'static>,
    /// The first error writing the output.
    write_err: Option<anyhow::Error>,
    /// The ids of the documents taken so far.
    ids: std::collections::HashSet<String>,
}

impl Sink<'_> {
    /// Takes one outcome of the run.
    fn take(&mut self, o: pactgraph::corpus::Outcome) {
        use pactgraph::corpus::Outcome;
        let bar = self.bar;
        match o {
            Outcome::Done {
                fragment,
                not,
                doc,
                bytes,
                text_bytes,
                cut_sentences,
            } => {
                bar.inc(bytes);
                if cut_sentences > 0 && !self.quiet {
                    bar.suspend(|| {
                        eprintln!(
                            "pactgraph: warning: {}: {cut_sentences} sentences longer than {} bytes were cut at whitespace; the rules read each piece alone",
                            fragment.doc,
                            pactgraph::segment::MAX_SENTENCE_BYTES
                        )
                    });
                }
                // a second document with the same id would merge into the first
                if !self.ids.insert(fragment.doc.clone()) {
                    self.stats.failed += 1;
                    bar.suspend(|| {
                        eprintln!(
                            "pactgraph: skipping {}: an earlier document has the same id; give each document its own id",
                            fragment.doc
                        )
                    });
                    return;
                }
                self.stats.docs += 1;
                self.stats.bytes += text_bytes;
                if let Some(doc) = doc {
                    if let Err(e) = self
                        .explained
                        .write_all(explain(&doc, &fragment, &not).as_bytes())
                    {
                        self.write_err.get_or_insert(e.into());
                    }
                } else if let Some(out) = self.jsonl.as_mut() {
                    let line = serde_json::to_string(&fragment).expect("serializable");
                    if let Err(e) = writeln!(out.w, "{line}") {
                        self.write_err.get_or_insert(e.into());
                    }
                } else {
                    self.builder.add_fragment(*fragment);
                }
            }
            Outcome::Failed(e, bytes) => {
                bar.inc(bytes);
                self.stats.failed += 1;
                bar.suspend(|| eprintln!("pactgraph: skipping {e}"));
            }
            Outcome::Note(n) => {
                if !self.quiet {
                    bar.suspend(|| eprintln!("pactgraph: {n}"));
                }
            }
        }
    }

    /// Flushes the explanations; returns the graph built and the first
    /// error writing the output.
    fn finish(mut self) -> (pactgraph::graph::GraphBuilder, Option<anyhow::Error>) {
        if let Err(e) = self.explained.flush() {
            self.write_err.get_or_insert(e.into());
        }
        drop(self.explained);
        (self.builder, self.write_err)
    }
}

/// The line that ends a run on a terminal: `pactgraph: 12 documents, 40
/// actors, 9 agreements, 0 failures in 1.2 s`.
fn summary(s: &RunStats, explain: bool, took: std::time::Duration) -> String {
    let mut parts = vec![plural(s.docs, "document")];
    if !explain {
        parts.push(plural(s.actors, "actor"));
        parts.push(plural(s.agreements, "agreement"));
    }
    parts.push(plural(s.failed, "failure"));
    format!(
        "pactgraph: {} in {:.1} s",
        parts.join(", "),
        took.as_secs_f64()
    )
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
fn progress_bar(total: Option<u64>, quiet: bool) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    if quiet || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let style = if total.is_some() {
        "{spinner} {bytes}/{total_bytes} {wide_bar} {bytes_per_sec} eta {eta}"
    } else {
        "{spinner} {bytes} {bytes_per_sec}"
    };
    bar.set_style(
        ProgressStyle::with_template(style).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Reads graphs and fragment files into one builder; returns it and the number
/// of bad shards and fragment lines (each reported and skipped).
///
/// # Errors
/// When no shard at all could be read.
pub(crate) fn read_graphs(paths: &[PathBuf]) -> Result<(pactgraph::graph::GraphBuilder, usize)> {
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("`-` (stdin) is given more than once; stdin can be read once");
    }
    let mut b = pactgraph::graph::GraphBuilder::new();
    let mut failed = 0;
    let mut read = 0;
    for path in paths {
        match read_graph(path, &mut b) {
            Ok(bad_lines) => {
                failed += bad_lines;
                read += 1;
            }
            Err(e) if paths.len() == 1 => return Err(e),
            Err(e) => {
                eprintln!("pactgraph: skipping {:#}", e);
                failed += 1;
            }
        }
    }
    if read == 0 && !paths.is_empty() {
        bail!("no graph or fragment file could be read ({failed} failed)");
    }
    Ok((b, failed))
}

/// Adds one graph or fragment file to `b`; returns its bad fragment lines
/// (reported and skipped).
fn read_graph(path: &Path, b: &mut pactgraph::graph::GraphBuilder) -> Result<usize> {
    use std::io::BufRead;
    let mut r: Box<dyn BufRead> = if path.as_os_str() == "-" {
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            bail!("-: stdin is a terminal; pipe a graph in (`pactgraph extract ... | pactgraph query - stats`) or give a file");
        }
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(path)
            .with_context(|| format!("{}: cannot open", path.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    let name = path.display().to_string();
    let mut failed = 0;
    // a graph is one JSON document; fragments are one JSON object per line
    let mut first = String::new();
    r.read_line(&mut first)
        .with_context(|| format!("{name}: cannot read (is it UTF-8?)"))?;
    let is_fragments = serde_json::from_str::<serde_json::Value>(first.trim())
        .is_ok_and(|v| v.get("doc").is_some());
    if is_fragments {
        let mut line = first;
        let mut n = 1;
        loop {
            if !line.trim().is_empty() {
                match serde_json::from_str::<pactgraph::Fragment>(&line) {
                    Ok(f) => b.add_fragment(f),
                    Err(e) => {
                        eprintln!(
                            "pactgraph: skipping {name}: line {n}: not a pactgraph fragment ({e})"
                        );
                        failed += 1;
                    }
                }
            }
            line.clear();
            n += 1;
            if r.read_line(&mut line)
                .with_context(|| format!("{name}: line {n}: cannot read (is it UTF-8?)"))?
                == 0
            {
                break;
            }
        }
    } else {
        let mut text = first;
        std::io::Read::read_to_string(&mut r, &mut text)
            .with_context(|| format!("{name}: cannot read (is it UTF-8 JSON?)"))?;
        b.merge(json::read(&name, &text)?);
    }
    Ok(failed)
}

fn merge(a: args::MergeArgs) -> Result<i32> {
    let filter = filter_of(&a.out.filter, is_diagram(a.out.format))?;
    let (b, failed) = read_graphs(&a.inputs)?;
    let kg = b.build();
    let totals = pactgraph::export::scale::counts(&kg);
    write_filtered(kg, &filter, &a.out, totals)?;
    Ok(if failed > 0 { 1 } else { 0 })
}

/// The output of `extract` and `merge`: the graph filtered, then written as
/// `out` says; `totals` (actors, agreements) are the counts before the filter,
/// for a diagram's caption.
fn write_filtered(
    kg: KnowledgeGraph,
    filter: &pactgraph::query::Filter,
    out: &args::OutputArgs,
    totals: (usize, usize),
) -> Result<()> {
    let kg = filter.apply_owned(kg)?;
    let written = write_graph(
        &kg,
        out.format,
        out.view,
        out.output.as_deref(),
        &out.diagram,
        totals,
    );
    // the command ends after this: the OS takes the graph back at once, where
    // dropping it frees its records one by one (half a second at 100 MB)
    std::mem::forget(kg);
    written
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
        "== {} ({}, {})\n",
        doc.id,
        plural(f.actors.len(), "actor"),
        plural(f.agreements.len(), "agreement")
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
                        .map(|m| (m.bytes().start, m.bytes().end))
                })
                .collect();
            marks.sort();
            let mut text = String::new();
            let mut pos = e.bytes().start;
            for (ms, me) in marks {
                if ms < pos {
                    continue;
                }
                text.push_str(&doc.text[pos..ms]);
                text.push_str(&format!("[[{}]]", &doc.text[ms..me]));
                pos = me;
            }
            text.push_str(&doc.text[pos..e.bytes().end]);
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
    let rep = pactgraph::eval::evaluate(&a.gold, |txt: &Path, published| {
        let mut doc = pactgraph::input::read_file(txt)?;
        if a.use_published && doc.date.is_none() {
            doc.date = published;
        }
        let f = p.extract(&doc);
        let kg = KnowledgeGraph::from_fragments([&f]);
        Ok(serde_json::to_value(json::node_link(&kg)).expect("serializable"))
    })?;
    match a.format {
        EvalFormat::Table if a.by_rule => print_out(&format!(
            "{}\n{}",
            pactgraph::eval::table(&rep, a.verbose),
            pactgraph::eval::rule_table(&rep)
        ))?,
        EvalFormat::Table => print_out(&pactgraph::eval::table(&rep, a.verbose))?,
        EvalFormat::Json => print_out(&(serde_json::to_string_pretty(&rep)? + "\n"))?,
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
    let mut out = String::new();
    for d in &shown {
        out.push_str(&format!("{d}\n"));
    }
    print_out(&out)?;
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = shown
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    eprintln!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    Ok(if errors > 0 { 1 } else { 0 })
}

/// `gazetteer suggest`: the discovered actors of a corpus as gazetteer rows.
fn suggest(
    paths: &[PathBuf],
    g: &GazetteerArgs,
    input: args::InputFormat,
    output: Option<&Path>,
) -> Result<i32> {
    use pactgraph::input::{Inputs, Item};
    let p = pipeline(g)?;
    let format = input_format(input);
    let mut found = pactgraph::suggest::Suggestions::new();
    let (mut docs, mut failed) = (0, 0);
    for item in Inputs::new(paths, format) {
        match item {
            Item::Doc(doc, _) => {
                let (fragment, discovered) = p.discover(&doc);
                found.add(&doc.text, &p.sentences(&doc.text), &fragment, &discovered);
                docs += 1;
            }
            Item::Failed(e, _) => {
                failed += 1;
                eprintln!("pactgraph: skipping {e}");
            }
            Item::Note(n) => eprintln!("pactgraph: {n}"),
        }
    }
    if docs == 0 {
        bail!("no document could be read ({failed} failed); give text, HTML or JSONL files, folders, or stdin");
    }
    let rows = found.finish();
    let tsv = pactgraph::suggest::to_tsv(&rows, p.gazetteer());
    match output {
        Some(path) => write_atomic(path, tsv.as_bytes())?,
        None => print_out(&tsv)?,
    }
    eprintln!(
        "{} discovered in {}",
        plural(rows.len(), "actor"),
        plural(docs, "document")
    );
    Ok(if failed > 0 { 1 } else { 0 })
}

/// `gazetteer import`: Wikidata SPARQL results as gazetteer rows.
fn import(file: &Path, output: Option<&Path>) -> Result<i32> {
    let name = file.display().to_string();
    let text = pactgraph::input::decode(&name, pactgraph::input::read_path(file)?)?;
    let items = pactgraph::wikidata::parse(&name, &text)?;
    if items.is_empty() {
        bail!("{name}: the results have no rows: run the query again (see gazetteers/README.md)");
    }
    let tsv = pactgraph::wikidata::to_tsv(&items, &Gazetteer::embedded());
    match output {
        Some(path) => write_atomic(path, tsv.as_bytes())?,
        None => print_out(&tsv)?,
    }
    eprintln!("{} imported from {name}", plural(items.len(), "item"));
    Ok(0)
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
                let mut s = a.text.to_string();
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
    out.flush()?;
    Ok(0)
}

/// `-o graph.png` without `--format` writes the format its extension names
/// (`.png`, `.svg`, `.dot`/`.gv`, `.graphml`, `.html`, and `.jsonl` for
/// `extract`), not JSON into a file called `.png`.
fn format_from_extension(cli: &mut Cli, matches: &clap::ArgMatches) {
    let (out, sub, jsonl) = match &mut cli.command {
        Command::Extract(a) => (&mut a.out, "extract", true),
        Command::Merge(a) => (&mut a.out, "merge", false),
        _ => return,
    };
    let given = matches
        .subcommand_matches(sub)
        .and_then(|m| m.value_source("format"))
        .is_some_and(|s| s != clap::parser::ValueSource::DefaultValue);
    if given {
        return;
    }
    let ext = out
        .output
        .as_deref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    out.format = match ext.as_deref() {
        Some("png") => Format::Png,
        Some("svg") => Format::Svg,
        Some("dot" | "gv") => Format::Dot,
        Some("graphml") => Format::Graphml,
        Some("html" | "htm") => Format::Html,
        Some("jsonl") if jsonl => Format::Jsonl,
        _ => return,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_extension_gives_the_format_unless_one_is_given() {
        let format = |argv: &[&str]| {
            let m = <Cli as clap::CommandFactory>::command()
                .try_get_matches_from(argv)
                .unwrap();
            let mut cli = <Cli as clap::FromArgMatches>::from_arg_matches(&m).unwrap();
            format_from_extension(&mut cli, &m);
            match cli.command {
                Command::Extract(a) => a.out.format,
                Command::Merge(a) => a.out.format,
                _ => unreachable!(),
            }
        };
        let cases: [(&[&str], Format); 8] = [
            (&["pg", "extract", "x.txt", "-o", "g.PNG"], Format::Png),
            (&["pg", "extract", "x.txt", "-o", "g.gv"], Format::Dot),
            (&["pg", "extract", "x.txt", "-o", "s.jsonl"], Format::Jsonl),
            (&["pg", "merge", "a.json", "-o", "g.html"], Format::Html),
            // jsonl is extract's only; an explicit --format wins; else JSON
            (&["pg", "merge", "a.json", "-o", "s.jsonl"], Format::Json),
            (
                &["pg", "extract", "x.txt", "--format", "json", "-o", "g.png"],
                Format::Json,
            ),
            (&["pg", "extract", "x.txt", "-o", "g.out"], Format::Json),
            (&["pg", "extract", "x.txt"], Format::Json),
        ];
        for (argv, want) in cases {
            assert_eq!(format(argv), want, "{argv:?}");
        }
    }

    /// Issue 17: a panic in a writer is an error with a message, not a crash.
    #[test]
    fn issue17_a_writer_panic_is_an_error() {
        let r: Result<()> = no_panic("writing the output", || panic!("bad label"));
        let e = format!("{:#}", r.unwrap_err());
        assert!(
            e.contains("internal error while writing the output (bad label)"),
            "{e}"
        );
        assert_eq!(no_panic("x", || Ok(3)).unwrap(), 3);
    }
}
