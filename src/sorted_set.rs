//! [`SortedSet`]: a set kept as a sorted vector, for the small sets every
//! record carries (an agreement's two or three parties, an actor's one or two
//! aliases).
//!
//! It has the parts of `BTreeSet`'s interface the records use, iterates and
//! serializes the same (in order, as a sequence), and compares the same. It
//! differs in size: a `BTreeSet` allocates a node with room for eleven
//! elements for its first one, about 290 bytes for `String`s, where a sorted
//! vector of two holds 48. In a 100 MB document with a new agreement and a new
//! actor in every paragraph, party and alias sets were a fifth of the heap at
//! its peak (BENCHMARKS.md, "Large single documents"). Insertion is linear in
//! the set's size, which is what a set of a few elements wants.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;

/// A set as a sorted vector without duplicates.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for SortedSet<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.iter()).finish()
    }
}

impl<T> SortedSet<T> {
    /// An empty set (no allocation).
    pub const fn new() -> Self {
        SortedSet(Vec::new())
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True if there is no element.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The elements in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The smallest element.
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }

    /// The largest element.
    pub fn last(&self) -> Option<&T> {
        self.0.last()
    }

    /// The elements in order, as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// Keeps the elements for which `f` is true.
    pub fn retain(&mut self, f: impl FnMut(&T) -> bool) {
        self.0.retain(f);
    }
}

impl<T: Ord> SortedSet<T> {
    fn position<Q>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(value))
    }

    /// Adds `value`; false if it was there already (the set is unchanged).
    pub fn insert(&mut self, value: T) -> bool {
        match self.position(&value) {
            Ok(_) => false,
            Err(i) => {
                // room for one more, not the four a growing vector takes
                self.0.reserve_exact(1);
                self.0.insert(i, value);
                true
            }
        }
    }

    /// True if `value` is in the set.
    pub fn contains<Q>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.position(value).is_ok()
    }

    /// Removes `value`; false if it was not there.
    pub fn remove<Q>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        match self.position(value) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    /// True if every element is also in `other`.
    pub fn is_subset(&self, other: &SortedSet<T>) -> bool {
        self.0.iter().all(|x| other.contains(x))
    }

    /// The elements in both sets, in order.
    pub fn intersection<'a>(&'a self, other: &'a SortedSet<T>) -> impl Iterator<Item = &'a T> {
        self.0.iter().filter(move |x| other.contains(*x))
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v: Vec<T> = iter.into_iter().collect();
        // stable, so that of equal elements the first is kept, as a
        // `BTreeSet` keeps the first inserted
        v.sort();
        v.dedup();
        v.shrink_to_fit();
        SortedSet(v)
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for x in iter {
            self.insert(x);
        }
    }
}

impl<'a, T: Ord + Clone + 'a> Extend<&'a T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, iter: I) {
        self.extend(iter.into_iter().cloned());
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(a: [T; N]) -> Self {
        a.into_iter().collect()
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Serialize> Serialize for SortedSet<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(&self.0)
    }
}

impl<'de, T: Deserialize<'de> + Ord> Deserialize<'de> for SortedSet<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<T>::deserialize(d)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn behaves_as_a_btreeset_of_the_same_elements() {
        let words = ["b", "a", "c", "a", "d", "b", "e"];
        let mut s = SortedSet::new();
        let mut t = BTreeSet::new();
        for w in words {
            assert_eq!(s.insert(w.to_string()), t.insert(w.to_string()));
        }
        assert!(s.iter().eq(t.iter()));
        assert_eq!(s.len(), t.len());
        assert!(s.contains("c") && !s.contains("z"));
        assert!(s.remove("c") && !s.remove("c"));
        t.remove("c");
        assert!(s.iter().eq(t.iter()));
        let collected: SortedSet<&str> = words.into_iter().collect();
        assert_eq!(collected.as_slice(), ["a", "b", "c", "d", "e"]);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            serde_json::to_string(&t).unwrap()
        );
        let back: SortedSet<String> = serde_json::from_str(r#"["z","a","z"]"#).unwrap();
        assert_eq!(back.as_slice(), ["a", "z"]);
        // ordered as sets of the same elements in a BTreeSet are
        let (x, y) = (
            SortedSet::from(["a", "c"]),
            SortedSet::from(["a", "b", "d"]),
        );
        assert_eq!(
            x.cmp(&y),
            BTreeSet::from(["a", "c"]).cmp(&BTreeSet::from(["a", "b", "d"]))
        );
        assert!(SortedSet::from(["a"]).is_subset(&x) && !y.is_subset(&x));
        assert_eq!(x.intersection(&y).collect::<Vec<_>>(), [&"a"]);
    }
}
