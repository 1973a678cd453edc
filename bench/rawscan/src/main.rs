//! Raw aho-corasick scanner: the Rust reference of `../shared/bench/README.md` ("Reference").
//!
//! Usage: `rawscan CORPUS.txt GAZ.tsv [auto|dfa]`
//!
//! Reads the whole corpus (one document per line) into memory, loads every name and alias of the
//! bench gazetteer (`id<TAB>name<TAB>alias1|alias2`), de-duplicated on the ASCII-lower-cased
//! form, builds a LeftmostLongest, ASCII-case-insensitive automaton and counts
//! 1. every `find_iter` match (raw substring semantics), and
//! 2. in a second pass, the matches whose neighbouring bytes are ASCII and not `[A-Za-z0-9_]`
//!    (word-bounded).
//!
//! Prints one JSON line for `run_bench.py --ref`: bytes, docs, build_s, scan_s, matches,
//! bounded_scan_s, matches_bounded, patterns, ac_kind, ac_heap_bytes, read_s, memchr_MBps.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashSet;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn is_boundary(b: Option<&u8>) -> bool {
    match b {
        None => true,
        Some(&c) => c < 0x80 && !(c.is_ascii_alphanumeric() || c == b'_'),
    }
}

fn load_patterns(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| die(&format!("{path}: {e}")));
    let mut seen = HashSet::new();
    let mut pats = Vec::new();
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(_id), Some(name)) = (cols.next(), cols.next()) else { continue };
        let aliases = cols.next().unwrap_or("");
        for p in std::iter::once(name).chain(aliases.split('|')) {
            let p = p.trim();
            if !p.is_empty() && seen.insert(p.to_ascii_lowercase()) {
                pats.push(p.to_string());
            }
        }
    }
    pats
}

fn die(msg: &str) -> ! {
    eprintln!("rawscan: {msg}");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 || args.len() > 4 {
        die("usage: rawscan CORPUS.txt GAZ.tsv [auto|dfa]");
    }
    let kind = match args.get(3).map(String::as_str) {
        None | Some("auto") => None,
        Some("dfa") => Some(AhoCorasickKind::DFA),
        Some(k) => die(&format!("unknown automaton kind {k:?} (auto|dfa)")),
    };

    let t = Instant::now();
    let buf = std::fs::read(&args[1]).unwrap_or_else(|e| die(&format!("{}: {e}", args[1])));
    let read_s = t.elapsed().as_secs_f64();

    // Bandwidth floor: counting newlines (= documents) with memchr, median of 15 passes.
    let mut docs = 0;
    let memchr_s = median(
        (0..15)
            .map(|_| {
                let t = Instant::now();
                docs = memchr::memchr_iter(b'\n', std::hint::black_box(&buf)).count();
                t.elapsed().as_secs_f64()
            })
            .collect(),
    );

    let pats = load_patterns(&args[2]);
    let t = Instant::now();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(kind)
        .build(&pats)
        .unwrap_or_else(|e| die(&format!("build: {e}")));
    let build_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let matches = ac.find_iter(&buf).count();
    let scan_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let matches_bounded = ac
        .find_iter(&buf)
        .filter(|m| {
            is_boundary(m.start().checked_sub(1).and_then(|i| buf.get(i))) && is_boundary(buf.get(m.end()))
        })
        .count();
    let bounded_scan_s = t.elapsed().as_secs_f64();

    println!(
        concat!(
            "{{\"bytes\":{},\"docs\":{},\"build_s\":{:.6},\"scan_s\":{:.6},\"matches\":{},",
            "\"bounded_scan_s\":{:.6},\"matches_bounded\":{},\"patterns\":{},\"ac_kind\":\"{:?}\",",
            "\"ac_heap_bytes\":{},\"read_s\":{:.6},\"memchr_MBps\":{:.1}}}"
        ),
        buf.len(),
        docs,
        build_s,
        scan_s,
        matches,
        bounded_scan_s,
        matches_bounded,
        pats.len(),
        ac.kind(),
        ac.memory_usage(),
        read_s,
        buf.len() as f64 / memchr_s / 1e6,
    );
}
