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

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` as JSONL, `.html`/`.htm` as HTML, anything
    /// else as plain text; stdin as plain text.
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
            let n = match read_line(&mut r.reader, &mut r.buf) {
                Ok(0) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(n) => n as u64,
                Err(e) => {
                    let err = Error::io(&r.name, e);
                    self.jsonl = None;
                    return Some(Item::Failed(err, 0));
                }
            };
            if r.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
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
        let format = match (format, &src) {
            (InputFormat::Auto, Source::File(p)) => by_extension(p),
            (InputFormat::Auto, Source::Stdin) => InputFormat::Text,
            (f, _) => f,
        };
        if format == InputFormat::Jsonl {
            let reader: Box<dyn std::io::BufRead + Send> = match &src {
                Source::Stdin => Box::new(std::io::BufReader::new(std::io::stdin())),
                Source::File(p) => match std::fs::File::open(p) {
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
        let read = match &src {
            Source::Stdin => read_stdin(),
            Source::File(p) => read_file(p),
        };
        let size = match &src {
            Source::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Source::Stdin => 0,
        };
        match read {
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
}

/// Files under a folder with a readable extension, sorted; hidden ones skipped.
fn walk(dir: &Path) -> (Vec<std::path::PathBuf>, Skipped) {
    let mut files = Vec::new();
    let mut skipped = Skipped::default();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            // unreadable folder: reported when read as a file
            files.push(d);
            continue;
        };
        for e in rd.flatten() {
            let path = e.path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                skipped.hidden += 1;
            } else if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| {
                FOLDER_EXTENSIONS.contains(&x.to_string_lossy().to_ascii_lowercase().as_str())
            }) {
                files.push(path);
            } else {
                skipped.other += 1;
            }
        }
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

/// `BufRead::read_until(b'\n', buf)`, with the vectorized `memchr` (lines of
/// JSONL are long: a whole document each).
fn read_line(r: &mut dyn std::io::BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let (done, used) = {
            let avail = match r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match memchr::memchr(b'\n', avail) {
                Some(i) => {
                    buf.extend_from_slice(&avail[..=i]);
                    (true, i + 1)
                }
                None => {
                    buf.extend_from_slice(avail);
                    (avail.is_empty(), avail.len())
                }
            }
        };
        r.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// One JSONL line as a document; errors name the file and line.
fn jsonl_document(name: &str, line: usize, bytes: &[u8]) -> Result<Document> {
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

/// HTML stripped to text: scripts, styles, navigation and forms dropped; block
/// elements become paragraphs, headings and list items their own lines; the
/// `<title>` first. Entities are decoded.
pub fn html_to_text(html: &str) -> String {
    use scraper::{Html, Node};
    let doc = Html::parse_document(html);
    let mut out = String::new();
    let title = doc
        .select(&scraper::Selector::parse("title").expect("valid selector"))
        .next()
        .map(|t| t.text().collect::<String>());
    if let Some(t) = title {
        push_words(&mut out, &t);
        out.push_str("\n\n");
    }
    fn walk(n: ego_tree::NodeRef<'_, Node>, out: &mut String) {
        match n.value() {
            Node::Text(t) => push_words(out, t),
            Node::Element(e) => {
                let name = e.name();
                if matches!(
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
                ) {
                    return;
                }
                let block = matches!(
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
                );
                if name == "br" {
                    out.push('\n');
                }
                if block {
                    paragraph(out);
                }
                for c in n.children() {
                    walk(c, out);
                }
                if block {
                    paragraph(out);
                }
            }
            _ => {
                for c in n.children() {
                    walk(c, out);
                }
            }
        }
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
    walk(doc.tree.root(), &mut out);
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
                let n = read_line(&mut ours, &mut a).unwrap();
                let m = theirs.read_until(b'\n', &mut b).unwrap();
                proptest::prop_assert_eq!((n, &a), (m, &b));
                if n == 0 {
                    break;
                }
            }
        }
    }
}
