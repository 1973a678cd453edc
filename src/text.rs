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
    while let Some(k) = bytes[i..].iter().position(|b| !b.is_ascii()) {
        i += k;
        let c = s[i..]
            .chars()
            .next()
            .expect("a char starts at a non-ASCII lead byte");
        let n = c.len_utf8();
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

/// Is `c` a Han, Hiragana, Katakana or Hangul character (scripts written without spaces)?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x20000..=0x2FA1F | 0xFF66..=0xFF9F)
}

/// Is `c` part of a word (a letter or digit in any script)?
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Is there a word boundary between `before` and `after` (either may be absent)?
/// CJK characters count as bounded on both sides: those scripts put no spaces
/// between words.
pub fn boundary(before: Option<char>, after: Option<char>) -> bool {
    match (before, after) {
        (Some(a), Some(b)) => !is_word_char(a) || !is_word_char(b) || is_cjk(a) || is_cjk(b),
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

fn continuation_bytes(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) < -64).count()
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
