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
    after_help = "Examples:\n  pactgraph extract examples/*.txt -o graph.json\n  pactgraph extract article.txt --format dot | dot -Tpng -o graph.png\n  pactgraph extract article.txt --explain\n  pactgraph eval --gold ../shared/eval/dev -v\n  pactgraph gazetteer check my-actors.tsv"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract actors and agreements from text files, folders or stdin.
    Extract(ExtractArgs),
    /// Score extraction against gold annotations (NN.txt + NN.gold.json).
    Eval(EvalArgs),
    /// Check or list gazetteers.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
}

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

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Node-link JSON (networkx-compatible), the documented contract.
    Json,
    /// Graphviz DOT: render with `dot -Tsvg`.
    Dot,
}

/// `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Text files or folders (searched for .txt and .md files); `-` or nothing reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Print each agreement with its sentence, parties marked, and the rule that fired, instead of the graph.
    #[arg(long)]
    pub explain: bool,
    /// The document date (yyyy-mm-dd) for resolving "yesterday" when the text has no dateline.
    #[arg(long, value_name = "DATE")]
    pub doc_date: Option<String>,
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
    /// List the entries (id, type, name, aliases).
    List {
        #[command(flatten)]
        gazetteer: GazetteerArgs,
        /// Only this type (organization, government, company, ...).
        #[arg(short = 't', long = "type", value_name = "TYPE")]
        kind: Option<String>,
    },
}
