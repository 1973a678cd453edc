//! Temp files for atomic output. Each is named `.{name}.pactgraph-tmp-{pid}-{random}`
//! beside the output it will replace, and registered while it lives, so that a
//! signal handler can remove every live one ([`remove_live`]) and a later run can
//! find the ones a killed run (SIGKILL, a power cut) left behind and remove them
//! before it writes the same output again.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The paths of the temp files this process has created and not yet renamed or removed.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// What comes between the output's name and the process id in a temp file's name.
const MARK: &str = ".pactgraph-tmp-";

/// The longest part of the output's name kept in a temp file's name.
const MAX_NAME: usize = 200;

/// Where the process ids of running processes can be checked: Linux's `/proc`.
#[cfg(target_os = "linux")]
const PROC: &str = "/proc";

/// Age past which a temp file is taken as stale when its process cannot be
/// checked (no `/proc`).
const STALE_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A temp file being written for one output; removed when dropped, or renamed
/// onto the output by [`TempOutput::persist`].
#[derive(Debug)]
pub struct TempOutput {
    file: Option<tempfile::NamedTempFile>,
}

impl TempOutput {
    /// Creates the temp file for `path` in `path`'s folder, after removing the
    /// stale temp files of earlier runs for the same output.
    ///
    /// # Errors
    /// [`Error::Io`] naming the folder when the file cannot be created there.
    pub fn new_for(path: &Path) -> Result<Self> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        // room for the mark, the id and the random part in a 255-byte name
        if name.len() > MAX_NAME {
            let cut = (0..=MAX_NAME).rev().find(|&i| name.is_char_boundary(i));
            name.truncate(cut.unwrap_or(0));
        }
        let prefix = format!(".{name}{MARK}");
        // the lock is held from the sweep to the registration, so a signal
        // handler sees every file that exists, and a sweep never takes a live one
        let mut live = live();
        remove_stale(dir, &prefix, &live);
        let file = tempfile::Builder::new()
            .prefix(&format!("{prefix}{}-", std::process::id()))
            .rand_bytes(6)
            .tempfile_in(dir)
            .map_err(|e| Error::io(dir, e))?;
        live.push(file.path().to_path_buf());
        Ok(TempOutput { file: Some(file) })
    }

    /// The temp file's path.
    pub fn path(&self) -> &Path {
        self.inner().path()
    }

    /// The open temp file.
    pub fn as_file(&self) -> &std::fs::File {
        self.inner().as_file()
    }

    /// A second handle to the temp file, for a writer that must own one.
    ///
    /// # Errors
    /// [`Error::Io`] naming the temp file.
    pub fn reopen(&self) -> Result<std::fs::File> {
        self.inner().reopen().map_err(|e| Error::io(self.path(), e))
    }

    /// Renames the temp file onto `path`.
    ///
    /// # Errors
    /// [`Error::Io`] naming `path`; the temp file is then removed.
    pub fn persist(mut self, path: &Path) -> Result<()> {
        let file = self.file.take().expect("a temp file until persisted");
        let mut live = live();
        let tmp = file.path().to_path_buf();
        let done = file.persist(path);
        live.retain(|p| *p != tmp);
        // on failure the temp file is dropped (removed) here, under the lock
        done.map(drop).map_err(|e| Error::io(path, e.error))
    }

    fn inner(&self) -> &tempfile::NamedTempFile {
        self.file.as_ref().expect("a temp file until persisted")
    }
}

impl Write for TempOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("live").write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("live").flush()
    }
}

impl Drop for TempOutput {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut live = live();
            live.retain(|p| p != file.path());
            drop(file);
        }
    }
}

/// Proof that every live temp file was removed; while it is held no temp file
/// can be created or renamed into place. Hold it until the process exits.
#[must_use = "drop this only at exit: temp files could be created again"]
pub struct Halted {
    _live: MutexGuard<'static, Vec<PathBuf>>,
}

/// Removes every temp file this process has created and not yet renamed, for a
/// signal handler that is about to exit. Files it cannot remove are skipped: the
/// next run's sweep will find them.
pub fn remove_live() -> Halted {
    let mut live = live();
    remove_registered(&mut live, |_| true);
    Halted { _live: live }
}

/// Removes the registered files that `which` picks, and forgets them.
fn remove_registered(live: &mut Vec<PathBuf>, which: impl Fn(&Path) -> bool) {
    live.retain(|p| {
        if which(p) {
            let _ = std::fs::remove_file(p);
            false
        } else {
            true
        }
    });
}

/// Removes the temp files in `dir` starting with `prefix` (`.{name}.pactgraph-tmp-`)
/// whose process is gone. Errors are ignored: a sweep is a courtesy, and a file
/// it cannot see or remove does not stop the write.
fn remove_stale(dir: &Path, prefix: &str, live: &[PathBuf]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        // by name: the folder may be spelled another way in the registry
        if live.iter().any(|p| p.file_name() == Some(&name)) {
            continue;
        }
        let old = || {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_AGE)
        };
        // our own id on a file we do not know: an earlier process had this id
        let stale = pid == std::process::id()
            || match process_alive(pid) {
                Some(alive) => !alive,
                None => old(),
            };
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` is running, or `None` where that cannot be told.
fn process_alive(pid: u32) -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        let proc = Path::new(PROC);
        if proc.join("self").exists() {
            return Some(proc.join(pid.to_string()).exists());
        }
    }
    let _ = pid;
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(MARK))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn issue17_temp_file_named_registered_and_removed_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        let t = TempOutput::new_for(&out).unwrap();
        let name = t.path().file_name().unwrap().to_string_lossy().into_owned();
        let want = format!(".out.json{MARK}{}-", std::process::id());
        assert!(name.starts_with(&want), "{name}");
        assert!(live().contains(&t.path().to_path_buf()));
        let p = t.path().to_path_buf();
        drop(t);
        assert!(!p.exists());
        assert!(!live().contains(&p));
    }

    #[test]
    fn issue17_long_output_name_still_gets_a_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join(format!("{}.json", "é".repeat(120)));
        let t = TempOutput::new_for(&out).unwrap();
        t.persist(&out).unwrap();
        assert!(out.exists());
    }

    #[test]
    fn issue17_persist_renames_and_unregisters() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        let mut t = TempOutput::new_for(&out).unwrap();
        t.write_all(b"{}").unwrap();
        let p = t.path().to_path_buf();
        t.persist(&out).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"{}");
        assert!(!live().contains(&p));
        assert!(temp_names(dir.path()).is_empty());
    }

    #[test]
    fn issue17_stale_temp_files_swept_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("g.json");
        // a live file of this process is kept; a file with our id that is not
        // registered (an earlier process with the same id) is stale
        let keep = TempOutput::new_for(&out).unwrap();
        let ours = dir
            .path()
            .join(format!(".g.json{MARK}{}-zzzzzz", std::process::id()));
        std::fs::write(&ours, "x").unwrap();
        // another output's temp file and an unrelated dot file are never touched
        let other = dir.path().join(format!(".h.json{MARK}{}-aaaaaa", u32::MAX));
        let unrelated = dir.path().join(".g.json.bak");
        std::fs::write(&other, "x").unwrap();
        std::fs::write(&unrelated, "x").unwrap();
        #[cfg(target_os = "linux")]
        let dead = {
            // u32::MAX is above any pid_max, so no process has it
            let p = dir.path().join(format!(".g.json{MARK}{}-bbbbbb", u32::MAX));
            std::fs::write(&p, "x").unwrap();
            p
        };
        let t = TempOutput::new_for(&out).unwrap();
        assert!(keep.path().exists());
        assert!(!ours.exists());
        assert!(other.exists() && unrelated.exists());
        #[cfg(target_os = "linux")]
        assert!(!dead.exists());
        drop((t, keep));
    }

    #[test]
    fn issue17_remove_registered_removes_and_forgets() {
        // only this test's files: other tests in this process write at the same time
        let dir = tempfile::tempdir().unwrap();
        let a = TempOutput::new_for(&dir.path().join("a")).unwrap();
        let b = TempOutput::new_for(&dir.path().join("b")).unwrap();
        let (pa, pb) = (a.path().to_path_buf(), b.path().to_path_buf());
        remove_registered(&mut live(), |p| p.starts_with(dir.path()));
        assert!(!pa.exists() && !pb.exists());
        assert!(!live().iter().any(|p| p.starts_with(dir.path())));
        // dropping the handles afterwards is harmless
        drop((a, b));
    }
}
