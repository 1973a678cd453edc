//! The library's error type: every failure names the input it came from.

use std::path::PathBuf;

/// What went wrong, with the file (and line, where one applies) it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A gazetteer or lexicon file is malformed.
    #[error("{path}:{line}: {message}")]
    Data {
        /// File name (or `<embedded>/NAME` for compiled-in data).
        path: String,
        /// 1-based line number; 0 when the whole file is concerned.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// An input document cannot be used.
    #[error("{path}: {message}")]
    Input {
        /// The document's path (or `-` for stdin).
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// An export could not be produced (e.g. the `dot` program is missing).
    #[error("{0}")]
    Export(String),
    /// No actor has this name.
    #[error("no actor named `{name}` in the graph{}", if .nearest.is_empty() { String::new() } else { format!("; nearest: {}", .nearest.join(", ")) })]
    NotFound {
        /// The name asked for.
        name: String,
        /// The nearest names (or, for an ambiguous name, the actors it names).
        nearest: Vec<String>,
    },
    /// A name that fits several actors (by prefix or by words).
    #[error("`{name}` fits several actors: {}; give more of the name, or the id", .choices.join(", "))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The actors it fits, as `label (id)`.
        choices: Vec<String>,
    },
    /// Several gazetteer problems at once (from a load that checks everything).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

impl Error {
    pub(crate) fn data(path: &str, line: usize, message: impl Into<String>) -> Self {
        Error::Data {
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }
    pub(crate) fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            message: message.into(),
        }
    }
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
