//! Segmentation: text → blocks (heading, paragraph, list item, numbered reference)
//! → sentences, as byte spans into the original text.
//!
//! Sentence breaks are abbreviation-aware: the abbreviation list comes from the
//! language files (`t.ex.`, `bl.a.`, `Inc.`, `U.S.` ...).

use crate::text::WordTable;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A short line without final punctuation (titles, section heads, datelines).
    Heading,
    /// Running text.
    Paragraph,
    /// A bulleted line.
    ListItem,
    /// A numbered reference such as `[7] Memorandum of ...`.
    Reference,
}

/// A block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Its kind.
    pub kind: BlockKind,
    /// Byte span (trimmed).
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// The number of a `[n]` reference.
    pub number: Option<u32>,
}

/// A sentence inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span (trimmed).
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// Index of its block.
    pub block: usize,
    /// Whether it was cut from a sentence longer than [`MAX_SENTENCE_BYTES`].
    pub cut: bool,
}

/// The longest sentence the rules read, in bytes (real sentences stay under
/// 500). A longer one (a table dump, a text without sentence marks) is cut at
/// the last whitespace before the limit, or at a character boundary when it
/// has none, so that no rule scans more than this at once (issue 17).
pub const MAX_SENTENCE_BYTES: usize = 2048;

/// Splits text into blocks and sentences.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    /// Folded abbreviations, each ending in `.` (`t.ex.`, `inc.`).
    abbreviations: WordTable,
    /// The longest of them, in bytes: a longer word is none of them.
    longest: usize,
}

/// A line longer than this, in bytes, is no line of hard-wrapped text
/// (wrapped text runs to 72–80 characters): the line breaks before and after
/// it end blocks.
pub const UNWRAPPED_LINE_BYTES: usize = 120;

const BULLETS: &[char] = &['•', '·', '-', '*', '–', '—', '▪', '◦', '‣', '●'];

/// Whether a line opens with an enumerator and a space: a number under 100,
/// a roman numeral or a letter with a full stop or a bracket ("1. ", "ii. ",
/// "b) ", "(3) "), as the items of a list of signed documents are.
pub fn enumerated(line: &str) -> bool {
    let Some((head, rest)) = line.split_once(' ') else {
        return false;
    };
    let core = head
        .trim_start_matches('(')
        .strip_suffix(['.', ')'])
        .unwrap_or("");
    !rest.trim().is_empty()
        && !core.is_empty()
        && core.len() <= 4
        && ((core.len() <= 2 && core.bytes().all(|c| c.is_ascii_digit()))
            || core.bytes().all(|c| b"ivxl".contains(&c))
            || (core.len() == 1 && core.bytes().all(|c| c.is_ascii_lowercase())))
}

impl Segmenter {
    /// A segmenter knowing these abbreviations (any case; with their final dot).
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(abbreviations: I) -> Self {
        let folded: Vec<String> = abbreviations
            .into_iter()
            .map(|a| crate::text::fold(a.as_ref()))
            .collect();
        Segmenter {
            longest: folded.iter().map(String::len).max().unwrap_or(0),
            abbreviations: WordTable::new(folded),
        }
    }

    /// Blocks of `text`: blank lines separate blocks; bulleted and `[n]` lines are
    /// blocks of their own; other consecutive lines are joined (wrapped paragraphs),
    /// except next to a line longer than [`UNWRAPPED_LINE_BYTES`] (a text with a
    /// paragraph on each line).
    pub fn blocks(&self, text: &str) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut cur: Option<(usize, usize, usize)> = None; // start, end, lines
        let flush = |cur: &mut Option<(usize, usize, usize)>, blocks: &mut Vec<Block>| {
            if let Some((s, e, lines)) = cur.take() {
                let body = &text[s..e];
                let kind = if lines == 1 && looks_like_heading(body) {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                blocks.push(Block {
                    kind,
                    start: s,
                    end: e,
                    number: None,
                });
            }
        };
        let mut pos = 0;
        // the length of the last line joined to `cur`
        let mut prev_len = 0;
        // whether that line is a date alone
        let mut prev_date = false;
        for line in lines_inclusive(text) {
            let lstart = pos;
            pos += line.len();
            let trimmed = line.trim();
            if trimmed.is_empty() {
                flush(&mut cur, &mut blocks);
                continue;
            }
            let s = lstart + (line.len() - line.trim_start().len());
            let e = s + trimmed.len();
            if let Some(n) = reference_number(trimmed) {
                flush(&mut cur, &mut blocks);
                blocks.push(Block {
                    kind: BlockKind::Reference,
                    start: s,
                    end: e,
                    number: Some(n),
                });
            } else if (trimmed.starts_with(BULLETS)
                && trimmed.chars().nth(1).is_some_and(|c| {
                    c.is_whitespace() || BULLETS.contains(&c) || c.is_alphabetic()
                })
                && !trimmed.starts_with("--"))
                || enumerated(trimmed)
            {
                flush(&mut cur, &mut blocks);
                blocks.push(Block {
                    kind: BlockKind::ListItem,
                    start: s,
                    end: e,
                    number: None,
                });
            } else {
                // next to a line longer than wrapped text runs, a line break
                // ends a block: the text has a paragraph on each line, and a
                // heading line is one of its own ("EU / Japan – Hydrogen
                // partnership" between two paragraphs)
                let is_date = date_line(trimmed);
                if trimmed.len() > UNWRAPPED_LINE_BYTES
                    || prev_len > UNWRAPPED_LINE_BYTES
                    || cur.is_some_and(|(s0, e0, lines)| {
                        lines == 1 && headline_before(&text[s0..e0], trimmed)
                    })
                    || is_date
                    || prev_date
                {
                    flush(&mut cur, &mut blocks);
                }
                prev_len = trimmed.len();
                prev_date = is_date;
                match &mut cur {
                    Some((_, end, lines)) => {
                        *end = e;
                        *lines += 1;
                    }
                    None => cur = Some((s, e, 1)),
                }
            }
        }
        flush(&mut cur, &mut blocks);
        blocks
    }

    /// Sentences of all blocks, in text order.
    pub fn sentences(&self, text: &str, blocks: &[Block]) -> Vec<Sentence> {
        // about a sentence every hundred bytes: room for most without growing
        let mut out = Vec::with_capacity(blocks.len() + text.len() / 100);
        for (bi, b) in blocks.iter().enumerate() {
            // a list item (or a "– " quote line) may hold several sentences
            if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem) {
                push_trimmed(text, b.start, b.end, bi, &mut out);
                continue;
            }
            let mut s = b.start;
            for cut in self.breaks(&text[b.start..b.end]) {
                let e = b.start + cut;
                push_trimmed(text, s, e, bi, &mut out);
                s = e;
            }
            push_trimmed(text, s, b.end, bi, &mut out);
        }
        out
    }

    /// Byte offsets (relative to `t`) just after each sentence-final punctuation run.
    fn breaks(&self, t: &str) -> Vec<usize> {
        let mut cuts = Vec::with_capacity(t.len() / 100 + 1);
        let mut from = 0;
        // jump from one sentence-final mark to the next (memchr); no per-character buffer
        let ellipsis_at = |from: usize| memchr::memmem::find(&t.as_bytes()[from..], "…".as_bytes());
        let mut ellipsis = ellipsis_at(0);
        loop {
            if ellipsis.is_some_and(|e| e < from) {
                ellipsis = ellipsis_at(from).map(|e| from + e);
            }
            let mark = memchr::memchr3(b'.', b'!', b'?', &t.as_bytes()[from..]).map(|m| from + m);
            let Some(bi) = [mark, ellipsis].into_iter().flatten().min() else {
                break;
            };
            let c = t[bi..].chars().next().unwrap_or('.');
            // extend over closing quotes/brackets and repeated punctuation
            let mut end = bi + c.len_utf8();
            for ch in t[end..].chars() {
                if matches!(ch, '.' | '!' | '?' | '"' | '”' | '’' | '»' | ')' | ']') {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            // and over footnote marks right after it, as encyclopedia text
            // has them: "… in 2021.[6][7] The same month …"
            end += footnote_marks(&t[end..]);
            // needs whitespace then an upper-case letter, digit, quote or bracket
            let rest = &t[end..];
            let after = rest.trim_start();
            let saw_space = after.len() < rest.len();
            let next_ok = after.chars().next().is_some_and(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '”' | '«' | '»' | '(' | '[' | '–' | '—')
            });
            if saw_space && next_ok && !(c == '.' && self.is_abbreviation(t, bi)) {
                cuts.push(end);
            }
            from = end;
        }
        cuts
    }

    /// Is the `.` at byte `dot` the end of an abbreviation or an initial?
    fn is_abbreviation(&self, t: &str, dot: usize) -> bool {
        // after the separator, whatever its length (U+2028 and U+0085 are
        // whitespace of three and two bytes)
        // (looking back no further than the longest word that can matter, so a
        // long run without spaces is read once, not once per dot)
        let mut from = dot.saturating_sub(self.longest.max(4) + 4);
        while !t.is_char_boundary(from) {
            from -= 1;
        }
        let start = t[from..dot]
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace() || c == '(')
            .map_or(from, |(p, c)| from + p + c.len_utf8());
        let word = &t[start..dot + 1];
        let letters = word.trim_end_matches('.');
        if letters.chars().count() == 1 && letters.chars().all(|c| c.is_uppercase()) {
            return true; // an initial: "J. Smith"
        }
        // dotted capitals are initials of a name, wherever they stand:
        // "Mitsui O.S.K. Lines", "the operator of A.P. Moller - Maersk",
        // "… (Reuters) - A.P. Moller-Maersk and …" (like the listed "U.S.",
        // they end no sentence)
        let dotted = letters.contains('.')
            && letters
                .split('.')
                .all(|s| s.chars().count() == 1 && s.chars().all(char::is_uppercase));
        if dotted {
            return true;
        }
        if word.len() > self.longest {
            return false;
        }
        // folded on the stack when ASCII (nearly always)
        let mut buf = [0u8; 32];
        if let (true, Some(b)) = (word.is_ascii(), buf.get_mut(..word.len())) {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            let w = std::str::from_utf8(b).expect("ASCII");
            return self.abbreviations.get(w).is_some();
        }
        self.abbreviations.get(&crate::text::fold(word)).is_some()
    }
}

/// The length of the footnote marks that open `rest`: bracketed numbers,
/// letters or short notes with no line break ("[6]", "[12][13]", "[7, 8]",
/// "[a]", "[note 2]"), none longer than 16 bytes.
fn footnote_marks(rest: &str) -> usize {
    let mut len = 0;
    while let Some(inner) = rest[len..].strip_prefix('[') {
        let Some(close) = inner.bytes().take(16).position(|b| b == b']') else {
            break;
        };
        let note = &inner[..close];
        let ok = !note.is_empty()
            && note.bytes().any(|b| b.is_ascii_alphanumeric())
            && note
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b',');
        if !ok {
            break;
        }
        len += close + 2;
    }
    len
}

/// The lines of `text` with their line feeds, as `str::split_inclusive('\n')`
/// gives them, found with the vectorized `memchr`.
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let n = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, after) = rest.split_at(n);
        rest = after;
        Some(line)
    })
}

/// Pushes `text[s..e]` trimmed, in pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_trimmed(text: &str, s: usize, e: usize, block: usize, out: &mut Vec<Sentence>) {
    let seg = &text[s..e];
    let ls = seg.len() - seg.trim_start().len();
    let trimmed = seg.trim();
    if trimmed.is_empty() {
        return;
    }
    let (mut s, e) = (s + ls, s + ls + trimmed.len());
    let cut = e - s > MAX_SENTENCE_BYTES;
    while e - s > MAX_SENTENCE_BYTES {
        let mut limit = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let piece = &text[s..limit];
        // before the last whitespace run, else at the limit
        let end = match piece.rfind(char::is_whitespace) {
            Some(w) if w > 0 => piece[..w].trim_end().len(),
            _ => piece.len(),
        };
        out.push(Sentence {
            start: s,
            end: s + end,
            block,
            cut,
        });
        s += end;
        s += text[s..e].len() - text[s..e].trim_start().len();
    }
    out.push(Sentence {
        start: s,
        end: e,
        block,
        cut,
    });
}

fn reference_number(line: &str) -> Option<u32> {
    let rest = line.strip_prefix('[')?;
    let close = rest.find(']')?;
    let n = rest[..close].trim().parse().ok()?;
    Some(n).filter(|_| rest[close + 1..].starts_with(char::is_whitespace))
}

/// Whether a block's first line `first`, before the line `next`, is a
/// headline and no line of a hard-wrapped paragraph: it looks like a
/// heading, and the next line's first word would have fitted on it in the
/// width the next line shows ("Deals of the day\nJan 9, 2024 (Reuters) -
/// The following …"; not "… signed a supply agreement with\nNorthvolt.").
fn headline_before(first: &str, next: &str) -> bool {
    let word = next.split_whitespace().next().unwrap_or("");
    looks_like_heading(first)
        && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && first.len() + 1 + word.len() <= next.len()
}

/// Whether a line is a date alone, as a dateline under a headline is ("2
/// February 2024", "March 3, 2025", "Tuesday 2 February 2024"): a year, a
/// day and one or two words (the month, a weekday), nothing else.
fn date_line(line: &str) -> bool {
    const DATE_LINE_BYTES: usize = 40;
    if line.len() > DATE_LINE_BYTES {
        return false;
    }
    let (mut years, mut days, mut words) = (0, 0, 0);
    for w in line.split_whitespace() {
        let w = w.trim_end_matches([',', '.']);
        let digits = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        if digits && w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) {
            years += 1;
        } else if digits && w.len() <= 2 {
            days += 1;
        } else if w.chars().all(char::is_alphabetic) {
            words += 1;
        } else {
            return false;
        }
    }
    years == 1 && days == 1 && (1..=2).contains(&words)
}

fn looks_like_heading(line: &str) -> bool {
    // (past footnote marks: "… from Einride.[6]" ends with its full stop)
    let mut body = line.trim_end();
    while let Some(open) = body.ends_with(']').then(|| body.rfind('[')).flatten() {
        if footnote_marks(&body[open..]) != body.len() - open {
            break;
        }
        body = &body[..open];
    }
    let last = body.chars().next_back().unwrap_or('.');
    // (counting no further than the 21st word: a one-line document is long)
    !matches!(last, '.' | '!' | '?' | ':' | ';' | ',')
        && line.split_whitespace().take(21).count() <= 20
}

/// Byte spans that cover `text` in order, each at most `max` bytes (at least
/// 1 KiB), for documents too long to extract at once. Each is cut at the last
/// blank line in its second half, else the last sentence end (`.`, `!`, `?`
/// before a space or line break), else the last line break, else the last
/// space, else at a char boundary. A text of at most `max` bytes is one window.
pub fn windows(text: &str, max: usize) -> Vec<(usize, usize)> {
    let max = max.max(1024);
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let half = start + max / 2;
        let hay = &b[half..limit];
        let after = |i: Option<usize>, len: usize| i.map(|i| half + i + len);
        let cut = after(memchr::memmem::rfind(hay, b"\n\n"), 2)
            .or_else(|| {
                [&b". "[..], b".\n", b"! ", b"!\n", b"? ", b"?\n"]
                    .iter()
                    .filter_map(|p| memchr::memmem::rfind(hay, p))
                    .max()
                    .map(|i| half + i + 2)
            })
            .or_else(|| after(memchr::memrchr(b'\n', hay), 1))
            .or_else(|| after(memchr::memrchr(b' ', hay), 1))
            .unwrap_or(limit);
        out.push((start, cut));
        start = cut;
    }
    out.push((start, text.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The memchr line splitter gives the lines `split_inclusive` gives.
        #[test]
        fn lines_are_those_of_split_inclusive(text in "[a\n\r ö–]{0,40}") {
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            let got: Vec<&str> = lines_inclusive(&text).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Issue 17: a period right after a multi-byte whitespace (U+2028, U+0085)
    /// panicked ("not a char boundary") while looking for an abbreviation.
    #[test]
    fn issue17_period_after_multibyte_whitespace() {
        let s = seg();
        for ws in ["\u{2028}", "\u{0085}", "\u{00a0}", "\u{3000}"] {
            let t = format!("e <{ws}. T p w. Dr.{ws}Inc. So.");
            let b = s.blocks(&t);
            for x in s.sentences(&t, &b) {
                assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
            }
        }
        let t = "A\u{2028}Inc. Next one.";
        assert!(s.is_abbreviation(t, t.find("Inc.").unwrap() + 3));
    }

    /// Issue 17: a sentence longer than MAX_SENTENCE_BYTES is cut before the
    /// last whitespace under the limit (or at a char boundary when it has
    /// none), each piece marked `cut`; shorter sentences are left whole.
    #[test]
    fn issue17_long_sentences_are_cut_at_whitespace() {
        let s = seg();
        let words = "ord ".repeat(1499); // no sentence mark in 6003 bytes
        let t = format!("Short one. Ord {words}end");
        let got = s.sentences(&t, &s.blocks(&t));
        let lens: Vec<usize> = got.iter().map(|x| x.end - x.start).collect();
        assert_eq!(lens, vec![10, 2047, 2047, 1907]);
        assert_eq!(
            got.iter().map(|x| x.cut).collect::<Vec<_>>(),
            [false, true, true, true]
        );
        assert!(got[2..]
            .iter()
            .all(|x| t[x.start..x.end].starts_with("ord ")));
        // no whitespace at all: cut at a char boundary under the limit
        let t = "å".repeat(3000);
        let got = s.sentences(&t, &s.blocks(&t));
        assert_eq!(
            got.iter().map(|x| x.end - x.start).collect::<Vec<_>>(),
            [2048, 2048, 1904]
        );
    }

    fn seg() -> Segmenter {
        Segmenter::new([
            "t.ex.", "bl.a.", "m.fl.", "ca.", "Dr.", "Inc.", "U.S.", "e.g.",
        ])
    }

    #[test]
    fn enumerated_lines_are_list_items() {
        let t = "The documents exchanged:\ni. Agreement between A and B;\nii. MoU between C and D;\n2. Loan to E;\n(b) Grant to F.\n";
        let kinds: Vec<_> = seg().blocks(t).iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::ListItem
            ]
        );
        // a year or a word that ends a sentence is no enumerator
        assert!(!enumerated("2024. It was a good year."));
        assert!(!enumerated("Mr. Smith said"));
        assert!(!enumerated("ii."));
    }

    #[test]
    fn blocks_and_kinds() {
        let t = "Rubrik här\n\nFörsta stycket. Andra meningen.\n\n  • punkt ett\n  • punkt två\n\n[7] Memorandum of Cooperation. 2024.\n";
        let s = seg();
        let b = s.blocks(t);
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Reference
            ]
        );
        assert_eq!(b[4].number, Some(7));
        assert_eq!(&t[b[2].start..b[2].end], "• punkt ett");
    }

    #[test]
    fn headline_and_date_lines_are_blocks_of_their_own_but_wrapped_lines_are_joined() {
        let blocks_of = |t: &'static str| -> Vec<&'static str> {
            seg().blocks(t).iter().map(|b| &t[b.start..b.end]).collect()
        };
        // a headline whose line the next line's first word would have fitted
        assert_eq!(
            blocks_of(
                "Deals of the day - mergers\nJan 9, 2024 (Reuters) - The following bids were made:"
            ),
            [
                "Deals of the day - mergers",
                "Jan 9, 2024 (Reuters) - The following bids were made:"
            ]
        );
        // a date alone on its line, under a headline and over the text
        assert_eq!(
            blocks_of("Offshore wind deals\n2 February 2024\nVattenfall has signed a PPA."),
            [
                "Offshore wind deals",
                "2 February 2024",
                "Vattenfall has signed a PPA."
            ]
        );
        // hard-wrapped lines: the next word would not have fitted
        assert_eq!(
            blocks_of(
                "Vattenfall and Fortum have signed a supply agreement with\nNorthvolt in 2024."
            ),
            ["Vattenfall and Fortum have signed a supply agreement with\nNorthvolt in 2024."]
        );
        // a line with a year that is more than a date stays in its paragraph
        assert_eq!(
            blocks_of("The results for the year\nended in 2024 were good."),
            ["The results for the year\nended in 2024 were good."]
        );
    }

    /// The sentences of `t`, as text.
    fn sentences_of(t: &str) -> Vec<&str> {
        let s = seg();
        let b = s.blocks(t);
        s.sentences(t, &b)
            .iter()
            .map(|x| &t[x.start..x.end])
            .collect()
    }

    #[test]
    fn abbreviation_aware_sentences() {
        let t = "Bolaget, bl.a. känt för batterier, växer. Dr. Sato of Acme Inc. spoke. Det var ca. 5 år. U.S. firms joined.";
        assert_eq!(
            sentences_of(t),
            [
                "Bolaget, bl.a. känt för batterier, växer.",
                "Dr. Sato of Acme Inc. spoke.",
                "Det var ca. 5 år.",
                "U.S. firms joined."
            ]
        );
    }

    #[test]
    fn footnote_marks_after_a_full_stop_stay_with_its_sentence() {
        let t = "In September 2019, Scania ordered 100 electric trucks from Einride.[6] The same month, Northzone invested in Klarna.[7][8] Acme bought Beta in 2019.[4] The same month, Gamma invested.[5][6] In 2021 it grew.[citation needed] Then [x] was [not a mark.";
        assert_eq!(
            sentences_of(t),
            [
                "In September 2019, Scania ordered 100 electric trucks from Einride.[6]",
                "The same month, Northzone invested in Klarna.[7][8]",
                "Acme bought Beta in 2019.[4]",
                "The same month, Gamma invested.[5][6]",
                "In 2021 it grew.[citation needed]",
                "Then [x] was [not a mark."
            ]
        );
        assert_eq!(footnote_marks("[12][a] next"), 7);
        assert_eq!(footnote_marks("[1, 2] x"), 6);
        assert_eq!(footnote_marks("[1; 2] x"), 0);
        assert_eq!(footnote_marks("[] x"), 0);
    }

    #[test]
    fn dotted_capitals_that_open_a_sentence_end_none() {
        let t = "OSLO, Jan 17 (Reuters) - A.P. Moller-Maersk signed. A.P. Moller-Maersk said. The firm grew.";
        assert_eq!(
            sentences_of(t),
            [
                "OSLO, Jan 17 (Reuters) - A.P. Moller-Maersk signed.",
                "A.P. Moller-Maersk said.",
                "The firm grew."
            ]
        );
        // a plain-text dateline's double hyphen is a dash too
        let t = "PARIS, May 2, 2025 -- S.A. Holding signed. It grew.";
        assert_eq!(
            sentences_of(t),
            ["PARIS, May 2, 2025 -- S.A. Holding signed.", "It grew."]
        );
        // (and after a lower-case word: "the operator of A.P. Moller")
        let t = "It is a unit of A.P. Moller - Maersk. It grew.";
        assert_eq!(
            sentences_of(t),
            ["It is a unit of A.P. Moller - Maersk.", "It grew."]
        );
    }

    /// Issue 17: long documents are cut into windows at a blank line, else a
    /// sentence end, else a line break, else a space; the windows cover the text.
    #[test]
    fn issue17_windows_cut_at_safe_boundaries() {
        let para = format!("{}\n\n", "Word word. ".repeat(30));
        let text = para.repeat(20);
        let w = windows(&text, 2000);
        assert!(w.len() > 1);
        assert_eq!(w.first().unwrap().0, 0);
        assert_eq!(w.last().unwrap().1, text.len());
        for pair in w.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
            assert!(text[..pair[0].1].ends_with("\n\n"));
        }
        let line = "Word word. ".repeat(400);
        for &(_, e) in &windows(&line, 2000)[..1] {
            assert!(line[..e].ends_with(". "), "{e}");
        }
        let words = "wörd ".repeat(1000);
        let w = windows(&words, 2000);
        assert!(w
            .iter()
            .all(|&(a, b)| b - a <= 2000 && words[..b].ends_with(' ') || b == words.len()));
        let solid = "ö".repeat(3000);
        let w = windows(&solid, 2001);
        assert!(
            w.len() == 3
                && w.iter()
                    .all(|&(a, b)| solid.is_char_boundary(a) && b - a <= 2001)
        );
        assert_eq!(windows("short", 2000), vec![(0, 5)]);
    }
}
