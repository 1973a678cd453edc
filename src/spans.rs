//! Look-ups over byte spans in logarithmic time: the stages ask "which mention
//! overlaps this word?" once per token, and a scan of every span made a long
//! document quadratic (issue 17).
//!
//! [`SpanIndex`] is built once over spans sorted by start and answers as the
//! first matching span in that order, so it gives what `iter().find(..)` gave.
//! [`SpanSet`] is a set that grows while it is asked.

use std::collections::BTreeMap;
use std::ops::Range;

/// Spans sorted by start, with the running maximum of their ends.
#[derive(Debug, Default)]
pub(crate) struct SpanIndex {
    starts: Vec<usize>,
    /// `max_end[i]`: the greatest end among spans `0..=i`.
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// An index over `spans`, which must be sorted by start.
    pub(crate) fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut ix = SpanIndex::default();
        let mut max = 0;
        for (s, e) in spans {
            debug_assert!(
                ix.starts.last().is_none_or(|&p| p <= s),
                "spans sorted by start"
            );
            max = max.max(e);
            ix.starts.push(s);
            ix.max_end.push(max);
        }
        ix
    }

    /// The number of spans starting before `pos`.
    fn before(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s < pos)
    }

    /// The first span among the first `n` whose end is past `pos`.
    fn first_ending_past(&self, n: usize, pos: usize) -> Option<usize> {
        let i = self.max_end[..n].partition_point(|&m| m <= pos);
        (i < n).then_some(i)
    }

    /// The first span that overlaps `s..e` (`start < e && s < end`).
    pub(crate) fn first_overlapping(&self, s: usize, e: usize) -> Option<usize> {
        self.first_ending_past(self.before(e), s)
    }

    /// The first span that holds `s..e` (`start <= s && e <= end && start < e`).
    pub(crate) fn first_holding(&self, s: usize, e: usize) -> Option<usize> {
        let n = self.before(s.saturating_add(1).min(e));
        self.first_ending_past(n, e.saturating_sub(1))
    }

    /// The spans that start at `s`.
    pub(crate) fn starting_at(&self, s: usize) -> Range<usize> {
        self.before(s)..self.before(s + 1)
    }

    /// The spans whose start is in `s..e`.
    pub(crate) fn starting_in(&self, s: usize, e: usize) -> Range<usize> {
        let a = self.before(s);
        a..self.before(e).max(a)
    }
}

/// A growing set of spans that answers whether any overlaps a given one.
#[derive(Debug, Default)]
pub(crate) struct SpanSet {
    /// start → the greatest end of the spans starting there
    by_start: BTreeMap<usize, usize>,
    /// the longest span so far: no overlapping span starts further back
    longest: usize,
}

impl SpanSet {
    /// Adds `s..e`.
    pub(crate) fn insert(&mut self, s: usize, e: usize) {
        let end = self.by_start.entry(s).or_insert(e);
        *end = (*end).max(e);
        self.longest = self.longest.max(e.saturating_sub(s));
    }

    /// Whether a span of the set overlaps `s..e`.
    pub(crate) fn overlaps(&self, s: usize, e: usize) -> bool {
        self.by_start
            .range(s.saturating_sub(self.longest)..e)
            .any(|(_, &end)| s < end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The index answers as a scan of the spans in order does.
        #[test]
        fn index_is_the_scan(
            mut spans in proptest::collection::vec((0usize..60, 0usize..12), 0..30),
            s in 0usize..70,
            len in 0usize..10,
        ) {
            let e = s + len;
            spans.sort_by_key(|x| x.0);
            let spans: Vec<(usize, usize)> = spans.iter().map(|&(a, l)| (a, a + l)).collect();
            let ix = SpanIndex::new(spans.iter().copied());
            prop_assert_eq!(
                ix.first_overlapping(s, e),
                spans.iter().position(|&(a, b)| a < e && s < b)
            );
            prop_assert_eq!(
                ix.first_holding(s, e),
                spans.iter().position(|&(a, b)| a <= s && e <= b && a < e)
            );
            let at: Vec<usize> = ix.starting_at(s).collect();
            let want: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].0 == s).collect();
            prop_assert_eq!(at, want);
            let inside: Vec<usize> = ix.starting_in(s, e).collect();
            let want: Vec<usize> =
                (0..spans.len()).filter(|&i| s <= spans[i].0 && spans[i].0 < e).collect();
            prop_assert_eq!(inside, want);
            let mut set = SpanSet::default();
            for &(a, b) in &spans {
                set.insert(a, b);
            }
            prop_assert_eq!(set.overlaps(s, e), spans.iter().any(|&(a, b)| a < e && s < b));
        }
    }
}
