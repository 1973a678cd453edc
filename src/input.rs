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
    /// Where it came from (JSONL `url`), if known.
    pub url: Option<String>,
}

impl Document {
    /// A document from an id and its text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
            lang: None,
            url: None,
        }
    }
}

/// Largest input accepted in one document (larger files are refused with advice).
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024 * 1024;

/// Most lines accepted in one document (each may become a block and a
/// sentence: past this, memory rather than the text would be the limit).
pub const MAX_DOCUMENT_LINES: usize = 4 * 1024 * 1024;

/// How much of the start of an input is checked for NUL bytes (binary files).
const SNIFF_BYTES: usize = 8192;

/// The message for an input over [`MAX_DOCUMENT_BYTES`].
fn too_large(name: &str, bytes: Option<u64>) -> Error {
    let size = bytes.map_or("over".to_string(), |b| format!("{} MB,", b >> 20));
    Error::input(
        name,
        format!(
            "the input is {size} over the {} MB limit for one document; split it or give it as JSONL, one document per line",
            MAX_DOCUMENT_BYTES >> 20
        ),
    )
}

/// What a NUL byte near the start means: UTF-16 without a byte-order mark
/// (every other byte NUL in mostly-ASCII text), or a binary file.
fn nul_message(head: &[u8]) -> &'static str {
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    // one of the two byte positions nearly all NUL, the other nearly none
    let half = head.len() / 2;
    let (mostly, few) = (|n: usize| n * 10 >= half * 9, |n: usize| n * 10 <= half);
    let (even, odd) = (zeros(0), zeros(1));
    if half >= 2 && ((mostly(even) && few(odd)) || (mostly(odd) && few(even))) {
        "looks like UTF-16 text without a byte-order mark; convert it to UTF-8 (e.g. `iconv -f utf-16le -t utf-8`)"
    } else {
        "looks like a binary file (it contains NUL bytes); give a UTF-8 text file"
    }
}

/// Reads all of `r` in bounded chunks: the start is checked for NUL bytes
/// before more is read, and reading stops past [`MAX_DOCUMENT_BYTES`], so
/// `/dev/zero` or an endless stream is refused at once and in little memory.
///
/// # Errors
/// [`Error::Io`] when reading fails; [`Error::Input`] for a binary or too large input.
pub fn read_bounded(name: &str, r: impl std::io::Read) -> Result<Vec<u8>> {
    read_bounded_with(name, r, 0)
}

/// [`read_bounded`] into a buffer of `capacity` bytes (the size of a file).
fn read_bounded_with(name: &str, mut r: impl std::io::Read, capacity: usize) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    // the first chunk alone, and checked, before the buffer may grow
    (&mut r)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, e))?;
    let utf16_bom = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if !utf16_bom && bytes.contains(&0) {
        return Err(Error::input(name, nul_message(&bytes)));
    }
    bytes.reserve_exact(
        capacity
            .min(MAX_DOCUMENT_BYTES + 1)
            .saturating_sub(bytes.len()),
    );
    r.take((MAX_DOCUMENT_BYTES + 1 - bytes.len()) as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, e))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(name, None));
    }
    Ok(bytes)
}

/// Decodes UTF-16 with a byte-order mark (`FF FE` little-endian, `FE FF` big-endian).
fn decode_utf16(name: &str, bytes: &[u8]) -> Result<String> {
    let little = bytes.starts_with(&[0xff, 0xfe]);
    let body = &bytes[2..];
    if body.len() % 2 != 0 {
        return Err(Error::input(
            name,
            "UTF-16 (by its byte-order mark) with an odd number of bytes; convert the file to UTF-8",
        ));
    }
    let units = body.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    char::decode_utf16(units)
        .collect::<std::result::Result<String, _>>()
        .map_err(|_| {
            Error::input(
                name,
                "UTF-16 (by its byte-order mark) with an unpaired surrogate; convert the file to UTF-8",
            )
        })
}

/// Checks raw bytes and turns them into text. UTF-16 with a byte-order mark is
/// decoded (evidence offsets then refer to the UTF-8 text).
///
/// # Errors
/// [`Error::Input`] naming `name` when the bytes are empty, binary (NUL bytes) or
/// not UTF-8 (with the line and byte where decoding failed), or too large
/// ([`MAX_DOCUMENT_BYTES`], [`MAX_DOCUMENT_LINES`]).
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(name, Some(bytes.len() as u64)));
    }
    let bytes = if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        decode_utf16(name, &bytes)?.into_bytes()
    } else {
        bytes
    };
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(
            name,
            "the file is empty; give a text file with content",
        ));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(Error::input(name, nul_message(head)));
    }
    let lines = memchr::memchr_iter(b'\n', &bytes).count();
    if lines > MAX_DOCUMENT_LINES {
        return Err(Error::input(
            name,
            format!(
                "the input has {lines} lines, over the limit of {MAX_DOCUMENT_LINES} for one document; split it or give it as JSONL, one document per line"
            ),
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

/// The bytes of a file, read with [`read_bounded`]; a regular file over the
/// limit is refused by its size, before anything is read.
///
/// # Errors
/// [`Error::Io`] for a missing or unreadable file; [`Error::Input`] as [`read_bounded`].
pub fn read_path(path: &Path) -> Result<Vec<u8>> {
    let name = path.display().to_string();
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = f.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::input(
            path,
            "is a directory; give the files in it, or a glob such as DIR/*.txt",
        ));
    }
    if meta.is_file() && meta.len() > MAX_DOCUMENT_BYTES as u64 {
        return Err(too_large(&name, Some(meta.len())));
    }
    // the whole file in one allocation, not a buffer that doubles (whose
    // earlier copies the allocator keeps)
    let len = usize::try_from(meta.len()).unwrap_or(0);
    read_bounded_with(&name, f, if meta.is_file() { len + 1 } else { 0 })
}

/// Reads one file as a [`Document`] whose id is the path as given.
///
/// # Errors
/// A missing or unreadable file gives [`Error::Io`]; bad content gives [`Error::Input`].
pub fn read_file(path: &Path) -> Result<Document> {
    let name = path.display().to_string();
    let bytes = read_path(path)?;
    Ok(Document::new(name.clone(), decode(&name, bytes)?))
}

/// Reads all of stdin as one document with id `-`.
///
/// # Errors
/// As [`decode`].
pub fn read_stdin() -> Result<Document> {
    let bytes = read_bounded("-", std::io::stdin().lock())?;
    Ok(Document::new("-", decode("-", bytes)?))
}

#[cfg(test)]
mod tests {

    /// Issue 18: `examples/` holds the HTML view; reading the folder skips it.
    #[test]
    fn issue18_a_pactgraph_html_view_is_not_read_as_news() {
        let page = crate::export::html::to_string(
            &crate::graph::KnowledgeGraph::default(),
            &Default::default(),
        );
        assert!(is_pactgraph_view(&page));
        assert!(!is_pactgraph_view(
            "<html><head><title>News</title></head></html>"
        ));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("view.html"), &page).unwrap_or_default();
        std::fs::write(dir.path().join("a.html"), "<p>JOGMEC signed an MoU.</p>")
            .unwrap_or_default();
        let items: Vec<Item> =
            Inputs::new(&[dir.path().to_path_buf()], InputFormat::Auto).collect();
        let docs = items.iter().filter(|i| matches!(i, Item::Doc(..))).count();
        assert_eq!(docs, 1);
        assert!(items.iter().any(
            |i| matches!(i, Item::Note(n) if n.contains("view.html") && n.contains("--format html"))
        ));
    }
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

    /// Issue 17: `/dev/zero` (and any endless or huge stream) is refused after
    /// its first chunk, not read into memory.
    #[test]
    fn issue17_endless_input_is_refused_early() {
        let e = read_bounded("zero", std::io::repeat(0))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("zero: ") && e.contains("binary"), "{e}");
        assert!(!e.contains("UTF-16"), "{e}");
        let e = read_bounded("spaces", std::io::repeat(b'a'))
            .unwrap_err()
            .to_string();
        assert!(e.contains("over the 256 MB limit"), "{e}");
        let e = read_path(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(e.contains("/dev/zero") && e.contains("binary"), "{e}");
        let e = decode("big", vec![b'a'; MAX_DOCUMENT_BYTES + 1])
            .unwrap_err()
            .to_string();
        assert!(e.contains("256 MB, over the 256 MB limit"), "{e}");
        let e = decode("lines", b"a\n".repeat(MAX_DOCUMENT_LINES + 1))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("lines: the input has 4194305 lines, over the limit of 4194304"),
            "{e}"
        );
        assert!(decode("lines", b"a\n".repeat(MAX_DOCUMENT_LINES)).is_ok());
    }

    /// Issue 17: UTF-16 with a byte-order mark is decoded; without one it is
    /// named as UTF-16, not "binary".
    #[test]
    fn issue17_utf16() {
        let text = "Sverige och Japan: ö 日本\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode("le", le.clone()).unwrap(), text);
        assert_eq!(decode("be", be).unwrap(), text);
        assert_eq!(read_bounded("le", &le[..]).unwrap(), le);
        let bare: Vec<u8> = le[2..].to_vec();
        let e = read_bounded("bare", &bare[..]).unwrap_err().to_string();
        assert!(e.contains("UTF-16") && e.contains("iconv"), "{e}");
        let e = decode("odd", vec![0xff, 0xfe, b'a'])
            .unwrap_err()
            .to_string();
        assert!(e.contains("UTF-16") && e.contains("odd"), "{e}");
    }

    #[test]
    fn strips_bom() {
        assert_eq!(decode("d", b"\xef\xbb\xbfHej".to_vec()).unwrap(), "Hej");
    }
}

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` as JSONL, `.html`/`.htm` as HTML, anything
    /// else as plain text; stdin by content: JSONL when its first line is a JSON
    /// object with a `text`, else plain text. A graph or fragments written by
    /// pactgraph are refused, with a word on `merge` and `query`.
    Auto,
    /// Plain text (UTF-8), one document per file.
    Text,
    /// HTML, stripped to text.
    Html,
    /// JSON Lines: `{"id", "text", "date"?, "lang"?, "url"?}` per line.
    Jsonl,
}

/// Extensions read when a folder is given.
pub const FOLDER_EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", "jsonl", "ndjson"];

/// What reading the inputs yields, in input order.
#[derive(Debug)]
pub enum Item {
    /// A document, with the input bytes it took (for progress).
    Doc(Document, u64),
    /// An input (a file, or one JSONL line) that could not be used.
    Failed(Error, u64),
    /// Something worth telling the user that is not a failure.
    Note(String),
}

enum Source {
    Stdin,
    File(std::path::PathBuf),
}

/// A lazy, streaming reader over files, folders (recursive, by extension, in
/// sorted order), stdin (`-`) and JSONL dumps: only one document (or one file)
/// is held at a time.
pub struct Inputs {
    format: InputFormat,
    queue: std::collections::VecDeque<Source>,
    notes: std::collections::VecDeque<String>,
    jsonl: Option<JsonlReader>,
    /// Total bytes of the files given, when known (for a progress bar).
    pub total_bytes: Option<u64>,
}

struct JsonlReader {
    name: String,
    reader: Box<dyn std::io::BufRead + Send>,
    line: usize,
    /// The current line (one buffer for all lines).
    buf: Vec<u8>,
}

impl Inputs {
    /// Inputs from paths (`-` is stdin; nothing at all is stdin too).
    pub fn new(paths: &[std::path::PathBuf], format: InputFormat) -> Self {
        let mut queue = std::collections::VecDeque::new();
        let mut notes = std::collections::VecDeque::new();
        let mut total = Some(0u64);
        let paths: Vec<std::path::PathBuf> = if paths.is_empty() {
            vec!["-".into()]
        } else {
            paths.to_vec()
        };
        for p in paths {
            if p.as_os_str() == "-" {
                queue.push_back(Source::Stdin);
                total = None;
            } else if p.is_dir() {
                let (files, skipped) = walk(&p);
                let mut parts = Vec::new();
                if skipped.hidden > 0 {
                    parts.push(format!("{} hidden files", skipped.hidden));
                }
                if skipped.other > 0 {
                    parts.push(format!("{} files of other types", skipped.other));
                }
                if skipped.special > 0 {
                    parts.push(format!("{} FIFOs, sockets or devices", skipped.special));
                }
                if skipped.broken > 0 {
                    parts.push(format!("{} broken symlinks", skipped.broken));
                }
                if skipped.repeated > 0 {
                    parts.push(format!(
                        "{} symlinked files or folders already read (each is read once)",
                        skipped.repeated
                    ));
                }
                if !parts.is_empty() {
                    notes.push_back(format!(
                        "{}: skipped {} (folders are read for .{})",
                        p.display(),
                        parts.join(" and "),
                        FOLDER_EXTENSIONS.join(" .")
                    ));
                }
                for f in files {
                    total = total.map(|t| t + std::fs::metadata(&f).map_or(0, |m| m.len()));
                    queue.push_back(Source::File(f));
                }
            } else {
                total = total.map(|t| t + std::fs::metadata(&p).map_or(0, |m| m.len()));
                queue.push_back(Source::File(p));
            }
        }
        Inputs {
            format,
            queue,
            notes,
            jsonl: None,
            total_bytes: total,
        }
    }

    fn next_jsonl(&mut self) -> Option<Item> {
        let r = self.jsonl.as_mut()?;
        loop {
            r.buf.clear();
            r.line += 1;
            let n = match read_line(&mut r.reader, &mut r.buf, MAX_DOCUMENT_BYTES) {
                Ok(Line::Read(0)) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(Line::Read(n)) => n as u64,
                Ok(stop) => {
                    let why = match stop {
                        Line::Nul => nul_message(&r.buf),
                        _ => "longer than the 256 MB limit for one document",
                    };
                    let err = Error::input(
                        &r.name,
                        format!("line {}: {why}; the rest of the file is skipped", r.line),
                    );
                    self.jsonl = None;
                    return Some(Item::Failed(err, 0));
                }
                Err(e) => {
                    let err = Error::io(&r.name, e);
                    self.jsonl = None;
                    return Some(Item::Failed(err, 0));
                }
            };
            if r.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // fragments (`extract --format jsonl`) are for merge and query
            if r.line == 1 && self.format == InputFormat::Auto {
                if let Sniff::Pactgraph(what) = sniff_line(&r.buf) {
                    let err = Error::input(&r.name, not_news(what));
                    self.jsonl = None;
                    return Some(Item::Failed(err, n));
                }
            }
            return Some(match jsonl_document(&r.name, r.line, &r.buf) {
                Ok(d) => Item::Doc(d, n),
                Err(e) => Item::Failed(e, n),
            });
        }
    }

    fn open(&mut self, src: Source) -> Item {
        let (name, format) = match &src {
            Source::Stdin => ("-".to_string(), self.format),
            Source::File(p) => (p.display().to_string(), self.format),
        };
        // stdin in auto mode: its first line, read ahead, says what it is
        let mut stdin_ahead: Option<Box<dyn std::io::BufRead + Send>> = None;
        let format = match (format, &src) {
            (InputFormat::Auto, Source::File(p)) => by_extension(p),
            (InputFormat::Auto, Source::Stdin) => {
                let mut r = std::io::BufReader::with_capacity(1 << 20, std::io::stdin());
                let mut first = Vec::new();
                match read_line(&mut r, &mut first, MAX_DOCUMENT_BYTES) {
                    Ok(Line::Read(_)) | Ok(Line::TooLong) => {}
                    Ok(Line::Nul) => {
                        return Item::Failed(Error::input(&name, nul_message(&first)), 0)
                    }
                    Err(e) => return Item::Failed(Error::io(&name, e), 0),
                }
                let format = match sniff_line(&first) {
                    Sniff::Document => InputFormat::Jsonl,
                    Sniff::Pactgraph(what) => {
                        return Item::Failed(Error::input(&name, not_news(what)), 0)
                    }
                    Sniff::Other => InputFormat::Text,
                };
                stdin_ahead = Some(Box::new(std::io::BufReader::with_capacity(
                    1 << 20,
                    std::io::Read::chain(std::io::Cursor::new(first), r),
                )));
                format
            }
            (f, _) => f,
        };
        if format == InputFormat::Jsonl {
            let reader: Box<dyn std::io::BufRead + Send> = match (&src, stdin_ahead) {
                (Source::Stdin, Some(r)) => r,
                (Source::Stdin, None) => Box::new(std::io::BufReader::new(std::io::stdin())),
                (Source::File(p), _) => match std::fs::File::open(p) {
                    Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 20, f)),
                    Err(e) => return Item::Failed(Error::io(p, e), 0),
                },
            };
            self.jsonl = Some(JsonlReader {
                name,
                reader,
                line: 0,
                buf: Vec::new(),
            });
            return Item::Note(String::new());
        }
        let read = match (&src, stdin_ahead) {
            (Source::Stdin, Some(r)) => read_bounded("-", r)
                .and_then(|bytes| decode("-", bytes))
                .map(|text| Document::new("-", text)),
            (Source::Stdin, None) => read_stdin(),
            (Source::File(p), _) => read_file(p),
        };
        // a graph given to `extract` is not news (a pretty-printed one shows only whole)
        let read = match read {
            Ok(d) if self.format == InputFormat::Auto => match sniff_document(&d.text) {
                Some(what) => Err(Error::input(&name, not_news(what))),
                None => Ok(d),
            },
            r => r,
        };
        let size = match &src {
            Source::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Source::Stdin => 0,
        };
        match read {
            Ok(d) if format == InputFormat::Html && is_pactgraph_view(&d.text) => Item::Note(
                format!("skipping {name}: a page pactgraph wrote (--format html), not an article"),
            ),
            Ok(mut d) if format == InputFormat::Html => {
                d.text = html_to_text(&d.text);
                if d.text.trim().is_empty() {
                    Item::Failed(
                        Error::input(name, "the HTML has no text outside scripts and markup"),
                        size,
                    )
                } else {
                    Item::Doc(d, size)
                }
            }
            Ok(d) => Item::Doc(d, size),
            Err(e) => Item::Failed(e, size),
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(n) = self.notes.pop_front() {
                return Some(Item::Note(n));
            }
            if self.jsonl.is_some() {
                if let Some(it) = self.next_jsonl() {
                    return Some(it);
                }
                continue;
            }
            let src = self.queue.pop_front()?;
            match self.open(src) {
                Item::Note(n) if n.is_empty() => continue,
                it => return Some(it),
            }
        }
    }
}

/// What the first line of an input is.
#[derive(Debug, PartialEq, Eq)]
enum Sniff {
    /// A JSON object with a `text`: a JSONL document.
    Document,
    /// pactgraph's own output: `"a graph"` or `"fragments"`.
    Pactgraph(&'static str),
    /// Anything else (text, or JSON that is not a document).
    Other,
}

/// Looks at one line: a JSON object with a string `text` is a JSONL
/// document; one with `doc` and `actors` a pactgraph fragment; one with
/// `nodes` and `edges` a graph written on one line.
fn sniff_line(line: &[u8]) -> Sniff {
    let t = line.trim_ascii();
    if !t.starts_with(b"{") || !t.ends_with(b"}") {
        return Sniff::Other;
    }
    match serde_json::from_slice::<serde_json::Value>(t) {
        Ok(serde_json::Value::Object(o)) => {
            if o.contains_key("doc") && o.contains_key("actors") {
                Sniff::Pactgraph("fragments")
            } else if o.contains_key("nodes") && o.contains_key("edges") {
                Sniff::Pactgraph("a graph")
            } else if o.get("text").is_some_and(serde_json::Value::is_string) {
                Sniff::Document
            } else {
                Sniff::Other
            }
        }
        _ => Sniff::Other,
    }
}

/// Is a whole text pactgraph's own output (a graph, a fragment)? Only a text
/// that starts with `{` is parsed.
fn sniff_document(text: &str) -> Option<&'static str> {
    let t = text.trim_start_matches('\u{feff}').trim();
    if !t.starts_with('{') {
        return None;
    }
    if let Sniff::Pactgraph(what) = sniff_line(t.as_bytes()) {
        return Some(what);
    }
    // fragments, one per line
    match sniff_line(t.lines().next().unwrap_or("").as_bytes()) {
        Sniff::Pactgraph(what) => Some(what),
        _ => None,
    }
}

/// The message for pactgraph output given to `extract`.
fn not_news(what: &str) -> String {
    format!(
        "holds {what} written by pactgraph, not text to extract from; read it with `pactgraph merge` or `pactgraph query` (e.g. `pactgraph query FILE stats`)"
    )
}

/// The mark in the head of `--format html` pages, so a folder that holds one
/// (as `examples/` does) is not read as news.
const VIEW_MARK: &str = "<meta name=\"generator\" content=\"pactgraph\">";

/// True for an HTML view pactgraph wrote: its mark within the first 1,024 bytes.
fn is_pactgraph_view(html: &str) -> bool {
    let mut end = html.len().min(1024);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    html[..end].contains(VIEW_MARK)
}

fn by_extension(p: &Path) -> InputFormat {
    let ext = p
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "jsonl" | "ndjson" => InputFormat::Jsonl,
        "html" | "htm" | "xhtml" => InputFormat::Html,
        _ => InputFormat::Text,
    }
}

#[derive(Default)]
struct Skipped {
    hidden: usize,
    other: usize,
    /// FIFOs, sockets and devices: reading one can block forever or never end.
    special: usize,
    /// Symlinks to nothing.
    broken: usize,
    /// Folders and files reached a second time (symlink cycles, several links).
    repeated: usize,
}

/// Files under a folder with a readable extension, sorted; hidden ones,
/// special files (FIFOs, sockets, devices) and broken links skipped. Symlinks
/// are followed, and every folder and file is taken once, by its canonical
/// path, so a symlink cycle ends and no file is read twice.
fn walk(dir: &Path) -> (Vec<std::path::PathBuf>, Skipped) {
    let mut files = Vec::new();
    let mut skipped = Skipped::default();
    let mut seen = std::collections::HashSet::new();
    if let Ok(c) = std::fs::canonicalize(dir) {
        seen.insert(c);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            // unreadable folder: reported when read as a file
            files.push(d);
            continue;
        };
        let mut entries: Vec<std::fs::DirEntry> = rd.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        let mut subdirs = Vec::new();
        for e in entries {
            let path = e.path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                skipped.hidden += 1;
                continue;
            }
            // the type of what a symlink points to
            let Ok(meta) = std::fs::metadata(&path) else {
                skipped.broken += 1;
                continue;
            };
            if meta.is_dir() {
                if std::fs::canonicalize(&path).is_ok_and(|c| seen.insert(c)) {
                    subdirs.push(path);
                } else {
                    skipped.repeated += 1;
                }
            } else if !meta.is_file() {
                skipped.special += 1;
            } else if path.extension().is_some_and(|x| {
                FOLDER_EXTENSIONS.contains(&x.to_string_lossy().to_ascii_lowercase().as_str())
            }) {
                if std::fs::canonicalize(&path).is_ok_and(|c| seen.insert(c)) {
                    files.push(path);
                } else {
                    skipped.repeated += 1;
                }
            } else {
                skipped.other += 1;
            }
        }
        // the first folder in name order is walked first
        stack.extend(subdirs.into_iter().rev());
    }
    files.sort();
    (files, skipped)
}

#[derive(serde::Deserialize)]
struct JsonlDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    url: Option<String>,
}

/// How [`read_line`] ended.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A line (with its line feed, if any) of this many bytes; 0 at the end.
    Read(usize),
    /// The line is longer than the limit (its first bytes are in the buffer).
    TooLong,
    /// The line holds a NUL byte: not JSON, not text.
    Nul,
}

/// `BufRead::read_until(b'\n', buf)`, with the vectorized `memchr` (lines of
/// JSONL are long: a whole document each), stopping at a NUL byte or past
/// `limit` bytes (so `/dev/zero` or a file with no line feeds is not read whole).
fn read_line(
    r: &mut dyn std::io::BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Line> {
    let mut read = 0;
    loop {
        let (done, used) = {
            let avail = match r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let (done, used) = match memchr::memchr(b'\n', avail) {
                Some(i) => (true, i + 1),
                None => (avail.is_empty(), avail.len()),
            };
            if memchr::memchr(0, &avail[..used]).is_some() {
                return Ok(Line::Nul);
            }
            if read + used > limit {
                return Ok(Line::TooLong);
            }
            buf.extend_from_slice(&avail[..used]);
            (done, used)
        };
        r.consume(used);
        read += used;
        if done {
            return Ok(Line::Read(read));
        }
    }
}

/// One JSONL line (`{"id", "text", "date"?, "lang"?, "url"?}`) as a document,
/// as `extract` reads it from file `name` at 1-based `line`: a missing id is
/// `name:line`, a date is normalised to `yyyy-mm-dd`, the language lowercased.
/// Public for the Python bindings, which read JSONL lines (Spark) the same way.
///
/// # Errors
/// [`Error::Input`] naming `name` and the line when the line is not such an object.
pub fn jsonl_document(name: &str, line: usize, bytes: &[u8]) -> Result<Document> {
    let at = |msg: String| Error::input(name, format!("line {line}: {msg}"));
    let s = std::str::from_utf8(bytes).map_err(|e| {
        at(format!(
            "invalid UTF-8 at byte {} of the line; convert the file to UTF-8",
            e.valid_up_to()
        ))
    })?;
    let j: JsonlDoc = serde_json::from_str(s).map_err(|e| {
        at(format!(
            "not a JSON object ({e}); each line must be {{\"id\": ..., \"text\": ...}}"
        ))
    })?;
    let text = j.text.ok_or_else(|| {
        at("no `text` field; each line must be {\"id\": ..., \"text\": ...}".into())
    })?;
    if text.trim().is_empty() {
        return Err(at("the `text` is empty".into()));
    }
    let id = match j.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None => format!("{name}:{line}"),
        Some(other) => return Err(at(format!("`id` must be a string or number, not {other}"))),
    };
    let date = match j.date {
        None => None,
        Some(d) => {
            let day = d.get(..10).unwrap_or(&d);
            match crate::dates::Date::parse(day) {
                Some(x) => Some(x.to_string()),
                None => {
                    return Err(at(format!(
                        "`date` {d:?} is not a date; give yyyy-mm-dd (or an ISO 8601 timestamp)"
                    )))
                }
            }
        }
    };
    let lang = j.lang.map(|l| l.to_ascii_lowercase());
    Ok(Document {
        id,
        text,
        date,
        lang,
        url: j.url,
    })
}

/// How deep HTML elements may nest (as browsers cap it: Blink at 512); deeper
/// start and end tags are dropped before parsing and their text kept, because
/// the HTML parser's scope checks take time in proportion to the depth for
/// every element.
pub const MAX_HTML_DEPTH: usize = 512;

/// Elements with no end tag, or whose end tag may be left out (a new one
/// closes the last): they do not deepen the tree.
fn is_flat_element(name: &[u8]) -> bool {
    const FLAT: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"option",
        b"optgroup",
        b"tr",
        b"td",
        b"th",
        b"tbody",
        b"thead",
        b"tfoot",
        b"rb",
        b"rt",
        b"rp",
        b"colgroup",
        b"caption",
    ];
    FLAT.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// Elements whose content is text up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    const RAW: &[&[u8]] = &[
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"plaintext",
    ];
    RAW.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// The tags of `html`, roughly as a tokenizer sees them: for each, its byte
/// span, whether it is an end tag, and its name (comments, doctypes and the
/// content of raw-text elements are skipped).
fn tags(html: &[u8]) -> impl Iterator<Item = (usize, usize, bool, &[u8])> {
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let lt = i + memchr::memchr(b'<', html.get(i..)?)?;
        let rest = &html[lt..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&rest[4..], b"-->").map_or(html.len(), |k| lt + 4 + k + 3);
            continue;
        }
        let end_tag = rest.get(1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(end_tag);
        if !html.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            // `<!DOCTYPE`, `<?xml`, or a lone `<` in text
            i = if matches!(rest.get(1), Some(b'!' | b'?')) {
                memchr::memchr(b'>', rest).map_or(html.len(), |k| lt + k + 1)
            } else {
                lt + 1
            };
            continue;
        }
        let name_len = html[name_at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .unwrap_or(html.len() - name_at);
        let name = &html[name_at..name_at + name_len];
        // the tag ends at the first `>` outside a quoted attribute value
        let mut k = name_at + name_len;
        let mut quote = None;
        while k < html.len() {
            match (quote, html[k]) {
                (None, b'>') => break,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), b) if b == q => quote = None,
                _ => {}
            }
            k += 1;
        }
        let end = (k + 1).min(html.len());
        i = end;
        if !end_tag && is_raw_text(name) {
            // on to the end tag; `</script` matched without regard to case
            let mut j = end;
            i = loop {
                let Some(at) = memchr::memmem::find(&html[j..], b"</") else {
                    break html.len();
                };
                let n = &html[j + at + 2..];
                if n.len() >= name.len() && n[..name.len()].eq_ignore_ascii_case(name) {
                    break j + at;
                }
                j += at + 2;
            };
        }
        return Some((lt, end, end_tag, name));
    })
}

/// `html` with the start and end tags deeper than [`MAX_HTML_DEPTH`] taken
/// out (their text stays), or `None` when it nests no deeper than that.
fn flatten_deep_html(html: &str) -> Option<String> {
    let b = html.as_bytes();
    // void, optional-end and self-closed (`<path/>`) elements do not nest
    let flat = |e: usize, end_tag: bool, name: &[u8]| {
        is_flat_element(name) || (!end_tag && b[..e].ends_with(b"/>"))
    };
    let mut depth = 0usize;
    let deep = tags(b).any(|(_, e, end_tag, name)| {
        if !flat(e, end_tag, name) {
            depth = if end_tag {
                depth.saturating_sub(1)
            } else {
                depth + 1
            };
        }
        depth > MAX_HTML_DEPTH
    });
    if !deep {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped, mut from) = (0usize, 0usize, 0);
    for (s, e, end_tag, name) in tags(b) {
        if flat(e, end_tag, name) {
            continue;
        }
        let keep = if end_tag {
            if dropped > 0 {
                dropped -= 1;
                false
            } else {
                depth = depth.saturating_sub(1);
                true
            }
        } else if depth >= MAX_HTML_DEPTH {
            dropped += 1;
            false
        } else {
            depth += 1;
            true
        };
        if !keep {
            // tags start at `<` and end after `>`: both are char boundaries
            out.push_str(&html[from..s]);
            from = e;
        }
    }
    out.push_str(&html[from..]);
    Some(out)
}

/// HTML stripped to text: scripts, styles, navigation and forms dropped; block
/// elements become paragraphs, headings and list items their own lines; the
/// `<title>` first. Entities are decoded. Elements nested deeper than
/// [`MAX_HTML_DEPTH`] are read as the text in them; time and stack stay
/// linear in the size, whatever the depth.
pub fn html_to_text(html: &str) -> String {
    use scraper::{Html, Node};
    let flat = flatten_deep_html(html);
    let doc = Html::parse_document(flat.as_deref().unwrap_or(html));
    let mut out = String::new();
    let title = doc
        .select(&scraper::Selector::parse("title").expect("valid selector"))
        .next()
        .map(|t| t.text().collect::<String>());
    if let Some(t) = title {
        push_words(&mut out, &t);
        out.push_str("\n\n");
    }
    /// Skipped with everything in them.
    fn dropped(name: &str) -> bool {
        matches!(
            name,
            "head"
                | "script"
                | "style"
                | "noscript"
                | "template"
                | "nav"
                | "footer"
                | "aside"
                | "form"
                | "svg"
                | "iframe"
                | "button"
                | "select"
        )
    }
    /// Paragraphs of their own.
    fn is_block(name: &str) -> bool {
        matches!(
            name,
            "p" | "div"
                | "section"
                | "article"
                | "main"
                | "header"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "ul"
                | "ol"
                | "li"
                | "table"
                | "tr"
                | "blockquote"
                | "pre"
                | "figure"
                | "figcaption"
                | "dl"
                | "dt"
                | "dd"
                | "address"
                | "hr"
        )
    }
    /// Entering a node, or leaving a block element (to close its paragraph).
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        CloseBlock,
    }
    // an explicit stack, not recursion: nesting depth is the document's to choose
    let mut stack = vec![Step::Enter(doc.tree.root())];
    while let Some(step) = stack.pop() {
        let n = match step {
            Step::CloseBlock => {
                paragraph(&mut out);
                continue;
            }
            Step::Enter(n) => n,
        };
        match n.value() {
            Node::Text(t) => {
                push_words(&mut out, t);
                continue;
            }
            Node::Element(e) => {
                let name = e.name();
                if dropped(name) {
                    continue;
                }
                if name == "br" {
                    out.push('\n');
                }
                if is_block(name) {
                    paragraph(&mut out);
                    stack.push(Step::CloseBlock);
                }
            }
            _ => {}
        }
        // children pushed last first, so they come off the stack in order
        stack.extend(n.children().rev().map(Step::Enter));
    }
    fn paragraph(out: &mut String) {
        while out.ends_with(' ') {
            out.pop();
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
    }
    fn push_words(out: &mut String, t: &str) {
        let space = |out: &mut String| {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        };
        if t.starts_with(char::is_whitespace) {
            space(out);
        }
        for (i, w) in t.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
        if t.ends_with(char::is_whitespace) {
            space(out);
        }
    }
    let t = out.trim().to_string();
    t + "\n"
}

#[cfg(test)]
mod read_line_tests {
    use super::*;
    use std::io::BufRead;

    proptest::proptest! {
        /// `read_line` reads what `read_until(b'\n')` reads, line by line,
        /// whatever the reader's buffer size.
        #[test]
        fn read_line_is_read_until(text in "[a\n{}é]{0,60}", cap in 1usize..8) {
            let mut ours = std::io::BufReader::with_capacity(cap, text.as_bytes());
            let mut theirs = std::io::BufReader::with_capacity(cap, text.as_bytes());
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let n = read_line(&mut ours, &mut a, usize::MAX).unwrap();
                let m = theirs.read_until(b'\n', &mut b).unwrap();
                proptest::prop_assert_eq!((n, &a), (Line::Read(m), &b));
                if m == 0 {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod bounded_tests {
    use super::*;

    /// Issue 17: deep HTML is walked without recursion and in linear time; the
    /// tags past [`MAX_HTML_DEPTH`] are dropped and their text kept.
    #[test]
    fn issue17_deep_html() {
        let deep = |n: usize, tag: &str| {
            format!(
                "<html><body>{}Boliden &amp; Epiroc{}<p>after</p></body></html>",
                format!("<{tag} class='a>b'>").repeat(n),
                format!("</{tag}>").repeat(n)
            )
        };
        let t = std::time::Instant::now();
        assert_eq!(
            html_to_text(&deep(100_000, "div")),
            "Boliden & Epiroc\n\nafter\n"
        );
        assert_eq!(
            html_to_text(&deep(20_000, "span")),
            "Boliden & Epiroc\n\nafter\n"
        );
        // (quadratic, this took minutes; a loose bound for a loaded machine)
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
        // shallow HTML is parsed as it is
        let page = "<div><script>if (a<b) {}</script><!-- <div> --><p>Hej<p>då</div>";
        assert_eq!(flatten_deep_html(page), None);
        assert_eq!(flatten_deep_html(&deep(400, "div")), None);
        let flat = flatten_deep_html(&deep(600, "b")).unwrap();
        // (under <html> and <body>)
        assert_eq!(flat.matches("<b ").count(), MAX_HTML_DEPTH - 2);
        assert_eq!(flat.matches("</b>").count(), MAX_HTML_DEPTH - 2);
    }

    /// Issue 17: a JSONL "line" of NUL bytes, or one past the limit, ends the
    /// file's reading at once (`/dev/zero` used to be read into memory whole).
    #[test]
    fn issue17_jsonl_line_is_bounded() {
        let mut zeros = std::io::BufReader::new(std::io::repeat(0));
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut zeros, &mut buf, 1 << 20).unwrap(), Line::Nul);
        let mut endless = std::io::BufReader::new(std::io::repeat(b'{'));
        assert_eq!(
            read_line(&mut endless, &mut buf, 1 << 20).unwrap(),
            Line::TooLong
        );
        assert!(buf.len() <= 1 << 20);
    }
}
