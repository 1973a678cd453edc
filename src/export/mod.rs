//! Exports: the merged graph written for the tools people use (node-link JSON,
//! DOT, SVG/PNG, a self-contained HTML view, GraphML, Cytoscape, Neo4j CSV),
//! always to a temporary file that is renamed into place (see [`temp`]).

pub mod cytoscape;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
pub mod partners;
pub mod scale;
pub mod temp;

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
pub use temp::TempOutput;

/// Writes `bytes` to `path` atomically: a temp file in the same folder, then a rename,
/// so no half-written output is ever left behind. See [`write_atomic_with`] for
/// special files and symlinks.
///
/// # Errors
/// [`Error::Io`] naming the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Where output for a `-o` path goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A regular file (or a new one): written to a temp file in its folder,
    /// then renamed onto it. For a symlink, this is the file it points to.
    File(PathBuf),
    /// A device, FIFO or socket: opened and written in place, never replaced.
    Special(PathBuf),
}

/// What writing to `path` means: a symlink is followed to the file it points
/// to (so the link stays and its target gets the output), a device, FIFO or
/// socket is written in place, anything else is a file replaced atomically.
///
/// # Errors
/// [`Error::Input`] for a folder or a symlink whose target is missing.
pub fn target(path: &Path) -> Result<Target> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target::File(path.to_path_buf()))
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    if meta.file_type().is_symlink() {
        let missing = || {
            Error::input(
                path,
                "is a symlink to a missing file; give the target path with -o, or remove the link",
            )
        };
        let to = std::fs::metadata(path).map_err(|_| missing())?;
        return if to.is_dir() {
            Err(Error::input(
                path,
                "is a symlink to a folder; give a file name with -o",
            ))
        } else if to.is_file() {
            Ok(Target::File(
                std::fs::canonicalize(path).map_err(|_| missing())?,
            ))
        } else {
            // `/dev/stdout` on a pipe: a link to something with no path
            Ok(Target::Special(path.to_path_buf()))
        };
    }
    if meta.is_dir() {
        return Err(Error::input(path, "is a folder; give a file name with -o"));
    }
    if meta.is_file() {
        Ok(Target::File(path.to_path_buf()))
    } else {
        Ok(Target::Special(path.to_path_buf()))
    }
}

/// Like [`write_atomic`], with the content written by `f` into a buffered temp
/// file (for output too big to build in memory first). Every write, the flush
/// and the sync to disk are checked, so a full disk is an error, not a short
/// file. A device, FIFO or socket (`-o /dev/stdout`, a named pipe) is written
/// in place; a symlink's target is written and the link kept.
///
/// # Errors
/// [`Error::Io`] naming the path.
pub fn write_atomic_with(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let path = match target(path)? {
        Target::Special(p) => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&p)
                .map_err(|e| Error::io(&p, e))?;
            let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
            f(&mut w).map_err(|e| Error::io(&p, e))?;
            w.flush().map_err(|e| Error::io(&p, e))?;
            return Ok(());
        }
        Target::File(p) => p,
    };
    let tmp = TempOutput::new_for(&path)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, tmp);
    f(&mut w).map_err(|e| Error::io(&path, e))?;
    let tmp = w
        .into_inner()
        .map_err(|e| Error::io(&path, e.into_error()))?;
    finish(tmp, &path)
}

/// Syncs a finished temp file (a full disk can surface only here), makes it
/// an ordinary file (a temp file is private, 0600) and renames it onto `path`.
///
/// # Errors
/// [`Error::Io`] naming the path.
pub fn finish(tmp: TempOutput, path: &Path) -> Result<()> {
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path)
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
            a.aliases
                .extend(aliases.iter().map(|x| std::sync::Arc::<str>::from(*x)));
        }
    }
    crate::graph::KnowledgeGraph::from_fragments([&f])
}
