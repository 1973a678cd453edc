//! Command-line definition (clap derive). Nothing here is seen by the library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn news, newsletters and press releases into a graph of actors and the agreements between them.
///
/// Actors are found with gazetteers (shipped in the binary; add your own with
/// --gazetteer), agreements with Swedish and English language rules. Every node and
/// edge carries its evidence.
#[derive(Debug, Parser)]
#[command(
    name = "pactgraph",
    version,
    propagate_version = true,
    after_help = "Examples:\n  pactgraph extract examples/ -o graph.json\n  pactgraph extract news/ --format png --collapse-agreements -o partners.png\n  pactgraph extract article.txt --explain\n  pactgraph query graph.json partners JOGMEC\n  pactgraph merge shard1.jsonl shard2.jsonl -o graph.json\n  pactgraph eval --gold ../shared/eval/dev -v\n  pactgraph gazetteer check my-actors.tsv\n\nRun `pactgraph <command> --help` for each command's options and examples."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract actors and agreements from text, HTML and JSONL files, folders or stdin; write the graph.
    #[command(after_help = EXTRACT_HELP)]
    Extract(ExtractArgs),
    /// Merge graphs (JSON written by extract/merge) and fragments (extract --format jsonl) into one graph.
    #[command(after_help = MERGE_HELP)]
    Merge(MergeArgs),
    /// Ask a graph questions: partners, agreements, paths, ego networks, top actors, statistics.
    #[command(after_help = QUERY_HELP)]
    Query(QueryArgs),
    /// Score extraction against gold annotations (NN.txt + NN.gold.json).
    Eval(EvalArgs),
    /// Check or list gazetteers.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a folder.
    #[command(after_help = MAN_HELP)]
    Man {
        /// Write pactgraph.1, pactgraph-extract.1, ... into this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

const COMPLETIONS_HELP: &str = "Examples:
  pactgraph completions bash > ~/.local/share/bash-completion/completions/pactgraph
  pactgraph completions zsh > ~/.zfunc/_pactgraph      # with fpath+=(~/.zfunc) in .zshrc
  pactgraph completions fish > ~/.config/fish/completions/pactgraph.fish";

const MAN_HELP: &str = "Examples:
  pactgraph man | man -l -
  pactgraph man --dir ~/.local/share/man/man1      # then: man pactgraph-extract";

const EXTRACT_HELP: &str = "Examples:
  pactgraph extract examples/ -o graph.json                  # a folder, recursively
  pactgraph extract corpus.jsonl --jobs 2 -o graph.json      # {\"id\",\"text\",\"date\"?} per line
  pactgraph extract article.html --format svg -o graph.svg   # needs Graphviz's dot
  pactgraph extract news/ --format png --collapse-agreements --since 2024 -o partners.png
  pactgraph extract news/ --format html -o graph.html        # explore it offline in a browser
  pactgraph extract news/ --format png --top 60 --by betweenness -o central.png   # big corpora
  pactgraph extract news/ --format jsonl -o shard1.jsonl     # one fragment per document, to merge later
  pactgraph extract article.txt --explain                    # why each agreement was found
  cat dump.jsonl | pactgraph extract | pactgraph query - stats   # stdin: JSONL or text, by content
  pactgraph extract news/ --view partners --format graphml -o partners.graphml

Exit status: 0 ok; 1 some inputs failed (the rest were processed); 2 nothing usable or bad arguments.";

const MERGE_HELP: &str =
    "Merging is associative and commutative: shards extracted anywhere and merged in
any order give the graph one run over all documents would give, byte for byte.

Examples:
  pactgraph merge shard1.jsonl shard2.jsonl -o graph.json
  pactgraph merge a.json b.json --format graphml -o graph.graphml
  pactgraph merge graph.json --format html --title \"Battery deals\" -o graph.html
  pactgraph merge graph.json --format png --top 60 -o top60.png    # big graphs: the 60 most central

  pactgraph extract news/ --format jsonl | pactgraph merge - -o graph.json   # `-` is stdin";

const QUERY_HELP: &str =
    "Actors are found by id, name or any alias, case-insensitively; failing that, by
the start of a name or by whole words in it (`Sumitomo` finds Sumitomo Metal
Mining). A name that fits several actors lists them. GRAPH `-` reads stdin.

Examples:
  pactgraph query graph.json partners JOGMEC
  pactgraph query graph.json agreements Northvolt --status signed --since 2024
  pactgraph query graph.json path \"Business Sweden\" Panasonic
  pactgraph query graph.json ego JETRO --depth 2 --format svg -o jetro.svg
  pactgraph query graph.json ego JETRO --depth 2 --format html -o jetro.html
  pactgraph query graph.json top --by betweenness
  pactgraph query graph.json stats --format json
  pactgraph extract news/ | pactgraph query - top";

const SUGGEST_HELP: &str =
    "Each row has a comment line above it: how often and in how many documents the
actor is named, the type guessed, the rule that found it, and an example sentence.
Review the rows, delete the wrong ones, then pass the file back with -g.

Examples:
  pactgraph gazetteer suggest news/ -o suggested.tsv
  pactgraph extract news/ -g suggested.tsv -o graph.json";

const IMPORT_HELP: &str =
    "Reads the columns item, label/itemLabel, alias/itemAltLabel (English and Swedish),
type/typeLabel (P31) and countryCode (P297); rows of one item are merged.

Examples:
  pactgraph gazetteer import query.json -o wikidata.tsv
  pactgraph gazetteer check wikidata.tsv
  pactgraph extract news/ -g wikidata.tsv -o graph.json";

/// Gazetteer options shared by the subcommands.
#[derive(Debug, Args, Clone)]
pub struct GazetteerArgs {
    /// An extra gazetteer TSV file (repeatable; later files extend or override earlier ones).
    #[arg(short = 'g', long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Do not load the gazetteers shipped in the binary.
    #[arg(long)]
    pub no_default_gazetteers: bool,
}

/// Graph output formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Node-link JSON (networkx `node_link_graph`), the documented contract (schema/pactgraph-graph.schema.json, docs/json.md).
    Json,
    /// One fragment per document, JSON Lines: for streaming and for `merge` (extract only).
    Jsonl,
    /// Graphviz DOT.
    Dot,
    /// SVG drawn by Graphviz's `dot` (must be installed).
    Svg,
    /// PNG drawn by Graphviz's `dot` (must be installed).
    Png,
    /// GraphML with typed keys (networkx, igraph, Gephi, yEd).
    Graphml,
    /// Cytoscape.js elements JSON (also `networkx.cytoscape_graph`).
    Cytoscape,
    /// One self-contained, offline HTML page to explore the graph: search, filters, evidence, PNG export.
    Html,
    /// CSV files for `neo4j-admin database import` (-o names a folder).
    Neo4j,
}

/// Input formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: .jsonl/.ndjson JSONL, .html/.htm HTML, else text; stdin by content (JSONL or text).
    Auto,
    /// Plain UTF-8 text.
    Text,
    /// HTML, stripped to text.
    Html,
    /// JSON Lines, {"id", "text", "date"?, "lang"?, "url"?} per line.
    Jsonl,
}

/// Actor types (for filters).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum TypeArg {
    Organization,
    Government,
    Company,
    Alliance,
    Country,
    Region,
    Person,
    Programme,
    Event,
}

/// Agreement statuses (for filters).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum StatusArg {
    Signed,
    Announced,
    Negotiating,
    Planned,
    Terminated,
}

/// Agreement kinds (for filters).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum KindArg {
    Mou,
    Moc,
    Partnership,
    Cooperation,
    #[value(name = "joint_venture")]
    JointVenture,
    Offtake,
    Investment,
    Association,
    Other,
}

/// Filters applied before writing a graph.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Filters (applied before writing)")]
pub struct FilterArgs {
    /// Keep only actors of these types (comma-separated).
    #[arg(
        long = "type",
        value_enum,
        value_delimiter = ',',
        value_name = "TYPE,..."
    )]
    pub types: Vec<TypeArg>,
    /// Keep only agreements with these statuses.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATUS,...")]
    pub status: Vec<StatusArg>,
    /// Keep only agreements of these kinds.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND,...")]
    pub kind: Vec<KindArg>,
    /// Keep only agreements dated on or after this date (yyyy, yyyy-mm or yyyy-mm-dd); undated ones are dropped.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep only agreements dated on or before this date.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Keep only partner pairs that share at least N agreements.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_weight: usize,
    /// Keep only the ego network of this actor (any name or alias).
    #[arg(long, value_name = "ACTOR")]
    pub ego: Option<String>,
    /// Partner hops around --ego.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "ego")]
    pub depth: usize,
    /// Diagrams (dot, svg, png) leave out actors without agreements; keep them.
    #[arg(long)]
    pub all_actors: bool,
}

/// Diagram options.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Diagrams (dot, svg, png; --title, --top, --max-nodes also html)")]
pub struct DiagramArgs {
    /// Actors only: one edge per partner pair, labelled with its agreements.
    #[arg(long)]
    pub collapse_agreements: bool,
    /// No legend.
    #[arg(long)]
    pub no_legend: bool,
    /// No country clusters.
    #[arg(long)]
    pub no_clusters: bool,
    /// A title at the top of the diagram (or of the HTML page).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Draw only the N most central actors (ranked --by) and the agreements among them;
    /// the caption says what was cut ("60 of 645 actors"). For big graphs: `--top 60`.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub top: Option<u64>,
    /// Draw at most N nodes (actors, plus agreement nodes unless --collapse-agreements),
    /// taking actors in --by order.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_nodes: Option<u64>,
    /// How --top and --max-nodes rank actors: distinct partners, agreements, or
    /// betweenness (the bridges between groups; as `query top --by`).
    #[arg(long, value_enum, default_value_t = TopBy::Degree, value_name = "RANK")]
    pub by: TopBy,
    /// Graphviz layout: auto picks dot (layered, country clusters) up to 40 nodes drawn
    /// and sfdp (force-directed, no overlaps) past that.
    #[arg(long, value_enum, default_value_t = LayoutArg::Auto)]
    pub layout: LayoutArg,
}

/// Graphviz layout programs.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum LayoutArg {
    /// dot for small diagrams, sfdp for large ones.
    #[default]
    Auto,
    /// Layered, left to right, with country clusters.
    Dot,
    /// Force-directed, multiscale; fast on hundreds of nodes.
    Sfdp,
    /// Force-directed (stress); mid-sized graphs.
    Neato,
}

/// Which graph an export writes.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum View {
    /// Actors, agreements and every relation (directed).
    #[default]
    Full,
    /// Actors with partners and one undirected partners_with edge per pair, scalar attributes only.
    Partners,
}

/// Output options shared by extract, merge and query ego.
#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// The whole graph, or the partner graph: actors only, undirected where the format allows.
    #[arg(long, value_enum, default_value_t = View::Full)]
    pub view: View,
    /// Write to this file (atomically; a folder for neo4j) instead of stdout.
    /// Without --format, its extension names the format: .png, .svg, .dot or
    /// .gv, .graphml, .html, .jsonl (extract); any other is JSON.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub diagram: DiagramArgs,
}

/// `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders (recursive: .txt .text .md .html .htm .jsonl .ndjson); `-` or nothing reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input: InputFormat,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Print each agreement with its sentence, parties marked, and the rule that fired, instead of the graph.
    #[arg(long)]
    pub explain: bool,
    /// The date (yyyy-mm-dd) of documents that bring none (no JSONL `date`, no dateline), for "yesterday".
    #[arg(long, value_name = "DATE")]
    pub doc_date: Option<String>,
    /// Extract on N threads (0, the default: one per core). Output is the same for any N.
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Print one JSON line of counts and timings to stderr at the end.
    #[arg(long)]
    pub stats: bool,
    /// No progress bar and no notes (failures are still reported).
    #[arg(short, long)]
    pub quiet: bool,
}

/// `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graph JSON files and fragment JSONL files; `-` reads one from stdin.
    #[arg(value_name = "GRAPH_OR_JSONL", required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Query output formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    /// A readable table.
    Table,
    /// JSON for scripts.
    Json,
}

/// `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// A graph (JSON from extract or merge) or fragments (JSONL); `-` reads stdin.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// The question.
    #[command(subcommand)]
    pub question: Question,
}

/// Query questions.
#[derive(Debug, Subcommand)]
pub enum Question {
    /// An actor's partners, with the agreements, dates and evidence behind each.
    Partners {
        /// The actor (id, name or alias).
        actor: String,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Agreements, of one actor or all, filtered by status, kind and date.
    Agreements {
        /// The actor (id, name or alias); all agreements if left out.
        actor: Option<String>,
        /// Only these statuses.
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<StatusArg>,
        /// Only these kinds.
        #[arg(long, value_enum, value_delimiter = ',')]
        kind: Vec<KindArg>,
        /// Dated on or after (yyyy, yyyy-mm, yyyy-mm-dd).
        #[arg(long)]
        since: Option<String>,
        /// Dated on or before.
        #[arg(long)]
        until: Option<String>,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// The shortest chains of agreements linking two actors.
    Path {
        /// From this actor.
        from: String,
        /// To this actor.
        to: String,
        /// At most this many chains.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// The ego network of an actor, written in any export format.
    Ego {
        /// The actor (id, name or alias).
        actor: String,
        /// Partner hops.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The whole ego network, or its partner graph (actors only).
        #[arg(long, value_enum, default_value_t = View::Full)]
        view: View,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        diagram: DiagramArgs,
    },
    /// The most connected actors.
    Top {
        /// Rank by distinct partners, agreements, or betweenness centrality. Betweenness is
        /// computed on the partner graph (`--view partners`: actors with at least one partner,
        /// one undirected edge per pair), normalised as networkx's betweenness_centrality.
        #[arg(long, value_enum, default_value_t = TopBy::Degree)]
        by: TopBy,
        /// How many.
        #[arg(short = 'n', long, default_value_t = 10)]
        limit: usize,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// All actors, with their type, partner and agreement counts.
    Actors {
        /// Only these types.
        #[arg(long = "type", value_enum, value_delimiter = ',')]
        types: Vec<TypeArg>,
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Counts by type, kind, status and year.
    Stats {
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
}

/// Ranking for `query top`, `--top` and `--max-nodes`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum TopBy {
    #[default]
    /// Distinct partners.
    Degree,
    /// Agreements the actor is a party to.
    Agreements,
    /// Betweenness centrality in the partner graph (actors without partners left out).
    Betweenness,
}

/// Evaluation output formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EvalFormat {
    /// A table per file and totals.
    Table,
    /// JSON.
    Json,
}

/// `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Folder of NN.txt + NN.gold.json pairs.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,
    /// List missed and spurious actors and agreements, and attribute errors.
    #[arg(short, long)]
    pub verbose: bool,
    /// Also print true and false positives per frame pattern (`subject`,
    /// `between`, `with`, ...: the names `--explain` shows).
    #[arg(long)]
    pub by_rule: bool,
    /// Take each gold file's `published` date as the document date (as
    /// `score.py --use-published` does), so relative dates resolve.
    #[arg(long)]
    pub use_published: bool,
    /// Exit with status 1 when a total is below these minimums, e.g. `agreement_f1=0.9,edge_f1=0.92`
    /// (keys: actor_f1, actor_p, actor_r, agreement_f1, edge_f1, kind, status, date).
    #[arg(long, value_name = "KEY=MIN,...")]
    pub min: Option<String>,
}

/// `gazetteer` subcommands.
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Check gazetteer files (with the shipped ones unless --no-default-gazetteers): errors, ordinary-word aliases, near duplicates.
    Check {
        /// Files to check.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Check only the given files.
        #[arg(long)]
        no_default_gazetteers: bool,
    },
    /// Write the actors discovered in a corpus (not in the gazetteers) as gazetteer rows to review.
    #[command(after_help = SUGGEST_HELP)]
    Suggest {
        /// Files or folders, as for `extract`; `-` or nothing reads stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        gazetteer: GazetteerArgs,
        /// How to read the inputs.
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        input: InputFormat,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Turn Wikidata SPARQL results (JSON) into gazetteer rows; the query to run is in gazetteers/README.md.
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// The query's results, downloaded as JSON.
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the entries (id, type, name, aliases).
    List {
        #[command(flatten)]
        gazetteer: GazetteerArgs,
        /// Only this type (organization, government, company, ...).
        #[arg(short = 't', long = "type", value_name = "TYPE")]
        kind: Option<String>,
    },
}
