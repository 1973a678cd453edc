//! Exports: the merged graph written for the tools people use (node-link JSON,
//! DOT), always to a temporary file that is renamed into place.

pub mod cytoscape;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod neo4j;

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temp file in the same folder, then a rename,
/// so no half-written output is ever left behind.
///
/// # Errors
/// [`Error::Io`] naming the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `f` into a buffered temp
/// file (for output too big to build in memory first).
///
/// # Errors
/// [`Error::Io`] naming the path.
pub fn write_atomic_with(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, tmp);
    f(&mut w).map_err(|e| Error::io(path, e))?;
    let tmp = w
        .into_inner()
        .map_err(|e| Error::io(path, e.into_error()))?;
    // a temp file is private (0600); the output is an ordinary file
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// A test graph with two agreements whose Boliden actor has an awkward label and aliases.
#[cfg(test)]
pub(crate) fn awkward_graph(label: &str, aliases: &[&str]) -> crate::graph::KnowledgeGraph {
    let p = crate::Pipeline::embedded();
    let mut f = p.extract(&crate::Document::new(
        "d",
        "Boliden signed a supply agreement with Epiroc on 3 May 2025. \
         JOGMEC and Mitsubishi Corporation signed a memorandum of understanding on battery recycling.",
    ));
    for a in &mut f.actors {
        if a.id == "actor:boliden" {
            a.label = label.into();
            a.aliases.extend(aliases.iter().map(|x| (*x).into()));
        }
    }
    crate::graph::KnowledgeGraph::from_fragments([&f])
}
