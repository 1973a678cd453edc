//! Small text utilities shared by the stages: offset-preserving case folding,
//! Unicode-aware word boundaries, byte-to-char offsets and a stable hash.

/// Lower-cases `s` char by char, keeping a char only where its lower-case form has
/// the same UTF-8 length, so byte offsets in the folded text equal those in `s`.
///
/// The few characters whose folding changes length (`İ`, `ẞ`, the Kelvin
/// sign) are left as they are.
pub fn fold(s: &str) -> String {
    // ASCII (most of the text) in bulk; then the few non-ASCII chars whose
    // lower-case form differs and has the same length, in place
    let mut out = s.to_ascii_lowercase();
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(k) = next_non_ascii(&bytes[i..]) {
        i += k;
        let c = s[i..]
            .chars()
            .next()
            .expect("a char starts at a non-ASCII lead byte");
        let n = c.len_utf8();
        // most non-ASCII chars of Latin text are lower-case letters or
        // punctuation, which fold to themselves: no Unicode table for them
        if matches!(c as u32, 0x80..=0xBF | 0xD7 | 0xDF..=0xFF | 0x2000..=0x206F) {
            i += n;
            continue;
        }
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            if l != c && l.len_utf8() == n {
                let mut buf = [0u8; 4];
                out.replace_range(i..i + n, l.encode_utf8(&mut buf));
            }
        }
        i += n;
    }
    out
}

/// The offset of the first non-ASCII byte of `b`, checking eight bytes at a time.
fn next_non_ascii(b: &[u8]) -> Option<usize> {
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in chunks.by_ref() {
        let w = u64::from_le_bytes(c.try_into().expect("a chunk of eight bytes"));
        if w & HIGH != 0 {
            return Some(at + (w & HIGH).trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|k| at + k)
}

/// Is `c` a Han, Hiragana, Katakana or Hangul character (scripts written without spaces)?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x20000..=0x2FA1F | 0xFF66..=0xFF9F)
}

/// Is `c` part of a word (a letter or digit in any script)?
pub fn is_word_char(c: char) -> bool {
    // the Latin blocks (all of English and Swedish) without the Unicode tables;
    // `latin_word_chars_are_alphanumeric` checks this against `char::is_alphanumeric`
    match c as u32 {
        0..0x80 => c.is_ascii_alphanumeric(),
        u @ 0x80..0x250 => matches!(u,
            0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE
            | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F),
        _ => c.is_alphanumeric(),
    }
}

/// Is there a word boundary between `before` and `after` (either may be absent)?
/// CJK characters count as bounded on both sides: those scripts put no spaces
/// between words.
pub fn boundary(before: Option<char>, after: Option<char>) -> bool {
    match (before, after) {
        (Some(a), Some(b)) => {
            !is_word_char(a)
                || !is_word_char(b)
                || (a as u32 >= 0x1100 && is_cjk(a))
                || (b as u32 >= 0x1100 && is_cjk(b))
        }
        _ => true,
    }
}

/// The char before byte offset `i` of `s`.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// The char at byte offset `i` of `s`.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

/// Converts byte offsets to char offsets: a char is a byte that is not a
/// UTF-8 continuation byte, so the char offset is the byte offset less the
/// continuation bytes before it, counted per block of [`CHAR_BLOCK`] bytes.
pub struct CharIndex {
    /// Continuation bytes before the start of each block (empty for ASCII text).
    before: Vec<usize>,
}

/// Bytes per block of [`CharIndex`].
const CHAR_BLOCK: usize = 1024;

/// The UTF-8 continuation bytes (`10xxxxxx`) in `b`, eight at a time.
fn continuation_bytes(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(8);
    let mut n = 0;
    for c in chunks.by_ref() {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        // bit 7 set and bit 6 clear (the shift brings each byte's bit 6 to its bit 7)
        n += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|&&x| (x as i8) < -64)
        .count()
}

impl CharIndex {
    /// Indexes `s`; O(n), one vectorizable pass.
    pub fn new(s: &str) -> Self {
        if s.is_ascii() {
            return CharIndex { before: Vec::new() };
        }
        let mut before = Vec::with_capacity(s.len() / CHAR_BLOCK + 1);
        let mut n = 0;
        for block in s.as_bytes().chunks(CHAR_BLOCK) {
            before.push(n);
            n += continuation_bytes(block);
        }
        CharIndex { before }
    }

    /// The char offset of byte offset `byte` (which must be on a char boundary of `s`).
    pub fn char_offset(&self, s: &str, byte: usize) -> usize {
        if self.before.is_empty() {
            return byte;
        }
        let k = byte / CHAR_BLOCK;
        let Some(&n) = self.before.get(k) else {
            return s.chars().count();
        };
        byte - n - continuation_bytes(&s.as_bytes()[k * CHAR_BLOCK..byte])
    }
}

/// 64-bit FNV-1a: a stable hash for ids (std's hasher is not stable across releases).
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// The length of the run of ASCII letters and digits at the start of `b`,
/// eight bytes at a time.
pub fn ascii_word(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in chunks.by_ref() {
        let m = not_alphanumeric(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        if m != 0 {
            return at + m.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    let rest = chunks.remainder();
    at + rest
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len())
}

/// The offset of the first ASCII digit in `b`, eight bytes at a time.
pub fn next_digit(b: &[u8]) -> Option<usize> {
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in chunks.by_ref() {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        let m = between(x & !HIGH, 0x2f, 0x3a) & !x;
        if m != 0 {
            return Some(at + m.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| at + k)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte `b` of `y` with `lo < b < hi`, for a `y` whose
/// bytes are all below 0x80 (so that no carry crosses a byte).
fn between(y: u64, lo: u64, hi: u64) -> u64 {
    (ONES * (127 + hi)).wrapping_sub(y) & !y & (y + ONES * (127 - lo)) & HIGH
}

/// The high bit of each byte of `x` that is not an ASCII letter or digit
/// (a byte-parallel range test: no carry crosses a byte, since every byte
/// is below 0x80 after the mask).
fn not_alphanumeric(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let letter = between(low7 | 0x2020_2020_2020_2020, 0x60, 0x7b);
    let digit = between(low7, 0x2f, 0x3a);
    !((letter | digit) & !x) & HIGH
}

/// A quick hash of a short byte string (a word) that reads at most sixteen of
/// its bytes: the first eight and the last eight, with the length. For
/// filters and tables in memory only; not stable across versions.
pub fn word_hash(w: &[u8]) -> u64 {
    word_hash_in(w, 0, w.len())
}

/// [`word_hash`] of `buf[s..e]`, reading eight bytes at once from `buf`
/// where it has them (bytes past `e` are masked off).
pub fn word_hash_in(buf: &[u8], s: usize, e: usize) -> u64 {
    let load8 = |at: usize| u64::from_le_bytes(buf[at..at + 8].try_into().expect("eight bytes"));
    let n = e - s;
    if n < 8 {
        // most words: one multiplication (its high bits are the hash)
        let head = if s + 8 <= buf.len() {
            load8(s) & ((1u64 << (8 * n)) - 1)
        } else {
            let mut x = [0u8; 8];
            x[..n].copy_from_slice(&buf[s..e]);
            u64::from_le_bytes(x)
        };
        return (head ^ ((n as u64) << 59)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    let (head, tail) = (load8(s), if n > 8 { load8(e - 8) } else { 0 });
    let h = (head ^ (n as u64).rotate_left(56)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h ^ tail).wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ (h >> 29)
}

/// A fixed set of words, each with its index in the list it was built from,
/// looked up by [`word_hash`] in an open-addressed table: for the hot loops
/// that test every word of a text against a few hundred.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    words: Vec<String>,
    /// Index + 1 into `words`, 0 for an empty slot; a power of two long.
    slots: Vec<u32>,
    /// 64 less the bits of a slot index (the hash's high bits are the index).
    shift: u32,
}

impl WordTable {
    /// A table of `words` (the first of any repeated word wins).
    pub fn new(words: Vec<String>) -> Self {
        let n = (words.len() * 4).next_power_of_two().max(8);
        let shift = 64 - n.trailing_zeros();
        let mut slots = vec![0u32; n];
        for (i, w) in words.iter().enumerate() {
            let mut k = (word_hash(w.as_bytes()) >> shift) as usize;
            while slots[k] != 0 {
                if words[slots[k] as usize - 1] == *w {
                    break;
                }
                k = (k + 1) & (n - 1);
            }
            if slots[k] == 0 {
                slots[k] = i as u32 + 1;
            }
        }
        WordTable {
            words,
            slots,
            shift,
        }
    }

    /// The index of `w`, if it is in the table.
    pub fn get(&self, w: &str) -> Option<usize> {
        if self.words.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut k = (word_hash(w.as_bytes()) >> self.shift) as usize;
        loop {
            let i = *self.slots.get(k)? as usize;
            if i == 0 {
                return None;
            }
            if self.words[i - 1] == w {
                return Some(i - 1);
            }
            k = (k + 1) & mask;
        }
    }
}

/// The words of `s`: its runs of letters and digits ([`is_word_char`]), as
/// `s.split(|c: char| !c.is_alphanumeric())` gives them without the empty
/// pieces, reading runs of ASCII eight bytes at a time.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut i = 0;
    // whether the char at `i` is part of a word, and its length
    let word_char = move |i: usize| -> (bool, usize) {
        if b[i] < 0x80 {
            (b[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = s[i..].chars().next().expect("a char starts here");
            (is_word_char(c), c.len_utf8())
        }
    };
    std::iter::from_fn(move || {
        while i < b.len() {
            let (w, n) = word_char(i);
            if w {
                break;
            }
            i += n;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() {
            i += ascii_word(&b[i..]);
            if i >= b.len() {
                break;
            }
            let (w, n) = word_char(i);
            if !w {
                break;
            }
            i += n;
        }
        Some(&s[start..i])
    })
}

/// A lower-case ASCII slug of `s` for ids (`Japan Australia Rare Earths` → `japan-australia-rare-earths`).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            // keep non-ASCII letters readable but id-safe
            match fold(&c.to_string()).as_str() {
                "å" | "ä" | "á" | "à" | "â" => out.push('a'),
                "ö" | "ø" | "ó" | "ô" => out.push('o'),
                "é" | "è" | "ê" | "ë" => out.push('e'),
                "ü" | "ú" => out.push('u'),
                "í" => out.push('i'),
                _ => out.push_str(&format!("u{:x}", c as u32)),
            }
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `after` (the text after a name) opens with a stock ticker in
/// parentheses: "(ASX:MGT)", "(NYSE: ALB)", "(TSX-V: LI.V)".
pub fn opens_ticker(after: &str) -> bool {
    let Some(inner) = after.trim_start().strip_prefix('(') else {
        return false;
    };
    let Some((market, rest)) = inner.split_once(':') else {
        return false;
    };
    let code = rest.trim_start_matches(' ');
    let len = code
        .bytes()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'.')
        .count();
    (1..=12).contains(&market.len())
        && market
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b' ')
        && len > 0
        && code[len..].starts_with(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_fold_to_themselves_or_their_lower_case() {
        // every char of the BMP and beyond, one by one and in a text
        for c in (0..0x20000).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let want = match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            assert_eq!(
                fold(&format!("A{c}b")),
                format!("a{want}b"),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn latin_word_chars_are_alphanumeric() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "{c:?} (U+{:04X})",
                c as u32
            );
        }
    }

    #[test]
    fn ascii_words_end_at_the_first_other_byte() {
        // every byte value at every place of a chunk, and past it
        for b in 0..=255u8 {
            for k in 0..20 {
                let mut w = b"abcdefghijklmnopqrstu".to_vec();
                w[k] = b;
                let want = w
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(w.len());
                assert_eq!(ascii_word(&w), want, "byte {b:#x} at {k}");
            }
        }
        assert_eq!(ascii_word(b"Zz09 "), 4);
        assert_eq!(ascii_word(b""), 0);
    }

    #[test]
    fn words_are_the_alphanumeric_runs() {
        for s in [
            "",
            " ",
            "och är för på, EU:s avtal; Malmö-Åre 2025!",
            "ab\u{301}c d\u{0}e\u{a0}f ∑g 東京 h",
            "trailing word",
            "x",
        ] {
            let want: Vec<&str> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn word_hash_in_a_buffer_is_the_hash_of_the_word() {
        let buf = b"the Ministry of Economy, Trade and Industry (METI) x";
        for s in 0..buf.len() {
            for e in s..=buf.len() {
                assert_eq!(word_hash_in(buf, s, e), word_hash(&buf[s..e]), "{s}..{e}");
            }
        }
    }

    #[test]
    fn word_table_finds_exactly_its_words() {
        let list: Vec<String> = (0..500)
            .map(|i| format!("w{i}"))
            .chain(["och".into(), "the".into(), "w7".into()])
            .collect();
        let t = WordTable::new(list.clone());
        for (i, w) in list.iter().enumerate().take(502) {
            assert_eq!(t.get(w), Some(i), "{w}");
        }
        assert_eq!(t.get("w7"), Some(7), "the first of a repeated word");
        for w in ["", "w", "w500", "och ", "The", "x1"] {
            assert_eq!(t.get(w), None, "{w:?}");
        }
        assert_eq!(WordTable::new(Vec::new()).get("och"), None);
    }

    #[test]
    fn next_non_ascii_finds_the_first() {
        let s = "abcdefgh-ijklmnop";
        for k in 0..=s.len() {
            for lead in ["é", "€", "\u{7f}"] {
                let t = format!("{}{lead}{}", &s[..k], &s[k..]);
                let want = t.bytes().position(|b| !b.is_ascii());
                assert_eq!(next_non_ascii(t.as_bytes()), want, "{t:?}");
            }
        }
        assert_eq!(next_non_ascii(b""), None);
    }

    #[test]
    fn fold_keeps_byte_offsets() {
        // capitals of any script whose lower case has the same length; ẞ and İ
        // (whose lower case is shorter or longer) stay as they are
        for (s, want) in [
            (
                "KOMMISSIONEN Ärende İstanbul Å",
                "kommissionen ärende İstanbul å",
            ),
            ("ÅÄÖ åäö ǅ Ωmega ẞ K", "åäö åäö ǆ ωmega ẞ k"),
        ] {
            let f = fold(s);
            assert_eq!(f.len(), s.len());
            assert_eq!(f, want);
        }
    }

    #[test]
    fn boundaries_are_unicode_aware() {
        assert!(!boundary(Some('ö'), Some('a')));
        assert!(boundary(Some(' '), Some('a')));
        assert!(boundary(Some('の'), Some('経')));
        assert!(boundary(None, Some('x')));
    }

    #[test]
    fn char_index_matches_count() {
        let s = "åäö ".repeat(50) + "JETRO";
        let idx = CharIndex::new(&s);
        let b = s.find("JETRO").unwrap();
        assert_eq!(idx.char_offset(&s, b), s[..b].chars().count());
        // every boundary of a text over several blocks, the end included
        let s = "Malmö 日本 x".repeat(300) + "é";
        let idx = CharIndex::new(&s);
        for b in (0..=s.len()).filter(|&b| s.is_char_boundary(b)) {
            assert_eq!(
                idx.char_offset(&s, b),
                s[..b].chars().count(),
                "at byte {b}"
            );
        }
    }

    #[test]
    fn slug_is_ascii() {
        assert_eq!(slug("Uppsala universitet (UU)"), "uppsala-universitet-uu");
        assert_eq!(slug("Svenska kraftnät"), "svenska-kraftnat");
    }

    #[test]
    fn tickers_after_names() {
        for t in [
            "(ASX:MGT), a developer",
            " (NYSE: ALB)",
            "(TSX-V: LI.V) said",
            "(Nasdaq:LAC)",
        ] {
            assert!(opens_ticker(t), "{t:?}");
        }
        for t in [
            "(SFO) in the US",
            "(ASX)",
            "(see: below)",
            "(in 2021: 40)",
            "Ltd",
        ] {
            assert!(!opens_ticker(t), "{t:?}");
        }
    }
}
