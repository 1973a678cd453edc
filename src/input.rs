//! Input: turns files and stdin into [`Document`]s, rejecting what is not text.

use crate::error::{Error, Result};
use std::path::Path;

/// One text to extract from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Identifier used in evidence (the path as given, or a JSONL `id`).
    pub id: String,
    /// The text, exactly as read (minus a UTF-8 byte-order mark).
    pub text: String,
    /// Document date (`yyyy-mm-dd`), if known; anchors relative dates.
    pub date: Option<String>,
    /// Language code, if known.
    pub lang: Option<String>,
}

impl Document {
    /// A document from an id and its text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
            lang: None,
        }
    }
}

/// Largest input accepted in one document (larger files are refused with advice).
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024 * 1024;

/// Checks raw bytes and turns them into text.
///
/// # Errors
/// [`Error::Input`] naming `name` when the bytes are empty, binary (NUL bytes) or
/// not UTF-8 (with the line and byte where decoding failed), or too large.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(
            name,
            "the file is empty; give a text file with content",
        ));
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::input(
            name,
            format!(
                "the file is {} MB, over the {} MB limit for one document; split it or give it as JSONL, one document per line",
                bytes.len() >> 20,
                MAX_DOCUMENT_BYTES >> 20
            ),
        ));
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Error::input(
            name,
            "looks like a binary file (it contains NUL bytes); give a UTF-8 text file",
        ));
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(Error::input(
                name,
                format!(
                    "line {line}: invalid UTF-8 at byte {at}; convert the file to UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
                ),
            ))
        }
    }
}

/// Reads one file as a [`Document`] whose id is the path as given.
///
/// # Errors
/// A missing or unreadable file gives [`Error::Io`]; bad content gives [`Error::Input`].
pub fn read_file(path: &Path) -> Result<Document> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(Error::input(
            path,
            "is a directory; give the files in it, or a glob such as DIR/*.txt",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(Document::new(name.clone(), decode(&name, bytes)?))
}

/// Reads all of stdin as one document with id `-`.
///
/// # Errors
/// As [`decode`].
pub fn read_stdin() -> Result<Document> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("-", e))?;
    Ok(Document::new("-", decode("-", bytes)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_bytes_with_reasons() {
        let e = decode("a.txt", vec![]).unwrap_err().to_string();
        assert!(e.contains("a.txt") && e.contains("empty"), "{e}");
        let e = decode("b.bin", vec![0x7f, b'E', b'L', b'F', 0, 0, 1])
            .unwrap_err()
            .to_string();
        assert!(e.contains("binary"), "{e}");
        let e = decode("c.txt", b"ok\nline two \xff\xfe".to_vec())
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("UTF-8"), "{e}");
    }

    #[test]
    fn strips_bom() {
        assert_eq!(decode("d", b"\xef\xbb\xbfHej".to_vec()).unwrap(), "Hej");
    }
}
