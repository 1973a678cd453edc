//! The owners of a joint venture named in an apposition: "lent €300 million to
//! X, the battery venture of A and B", "X, ett samriskbolag mellan A och B,".
//!
//! The apposition states a joint venture of its own, between the owners (the
//! venture X is not a party of it), whatever the clause around it states: the
//! pass takes it out of the sentence before the clauses are read, so that the
//! clause reads "lent €300 million to X".

use super::{has, Agreement, Gov, Item, ItemKind, State};
use crate::lexicon::{Kind, Status, Tag};
use crate::segment::BlockKind;

/// Words an apposition's noun phrase may hold before its joint-venture noun
/// ("the battery venture", "a 50-50 joint venture", "Equinor-ledda").
const MAX_WORDS_BEFORE_NOUN: usize = 4;

impl<'a> State<'a> {
    /// Emits a joint venture for each apposition "X, (det) … JV-noun
    /// of/between A and B" in `items` and removes the apposition from them.
    /// Returns whether it emitted any.
    pub(super) fn venture_appositions(&mut self, si: usize, items: &mut Vec<Item>) -> bool {
        let mut created = false;
        let mut k = 0;
        while k < items.len() {
            let Some((comma, end, owners)) = self.venture_apposition(items, k) else {
                k += 1;
                continue;
            };
            let parties: std::collections::BTreeSet<String> = self.party_ids(&owners).collect();
            if parties.len() >= 2 {
                let cites = self.cites(&items[comma..end]);
                self.push_phrase_agreement(
                    si,
                    Kind::JointVenture,
                    4,
                    parties,
                    "apposition-owners",
                    cites,
                );
                created = true;
            }
            // the comma that closes the apposition goes with it
            let end = if items.get(end).is_some_and(|x| self.is_comma(x)) && end + 1 < items.len() {
                end + 1
            } else {
                end
            };
            items.drain(comma..end);
            k = comma;
        }
        created
    }

    /// Pushes a signed agreement that a phrase states by itself, whatever
    /// its clause states (a venture apposition, a possessive partner): no
    /// date of its own, the sentence's topics.
    pub(super) fn push_phrase_agreement(
        &mut self,
        si: usize,
        kind: Kind,
        kind_rank: u8,
        parties: std::collections::BTreeSet<String>,
        rule: &str,
        cites: std::collections::BTreeSet<u32>,
    ) {
        let inp = self.inp;
        let block = &inp.blocks[inp.sentences[si].block];
        self.out.push(Agreement {
            kind,
            kind_rank,
            status: Status::Signed,
            date: None,
            parties,
            signatories: Default::default(),
            topics: self.topics(si),
            sentences: vec![si],
            rule: rule.into(),
            cites,
            reference: block.number.filter(|_| block.kind == BlockKind::Reference),
            heading: block.kind == BlockKind::Heading,
            date_expr_seen: false,
            dateline_fallback: false,
            another: false,
            count: 1,
        });
    }

    /// Whether an item is a singular joint-venture noun ("joint venture",
    /// "samriskbolag").
    pub(super) fn venture_noun(&self, it: &Item) -> bool {
        has(self.inp, it, |t| {
            matches!(
                t,
                Tag::Agreement {
                    kind: Kind::JointVenture,
                    plural: false,
                    ..
                }
            )
        })
    }

    /// The apposition whose joint-venture noun is `items[k]`: (the comma
    /// that opens it, the item after its last owner, the owners' mentions).
    fn venture_apposition(&self, items: &[Item], k: usize) -> Option<(usize, usize, Vec<usize>)> {
        let inp = self.inp;
        if k < 2 || !self.venture_noun(&items[k]) {
            return None;
        }
        // back over the words of the noun phrase to the comma after X
        let comma = (k.saturating_sub(MAX_WORDS_BEFORE_NOUN + 1)..k)
            .rev()
            .find(|&c| {
                self.is_comma(&items[c])
                    || !matches!(items[c].kind, ItemKind::Word | ItemKind::Phrase(_))
                    || has(inp, &items[c], Tag::predicate)
            })?;
        if !self.is_comma(&items[comma]) || comma == 0 || self.mention(&items[comma - 1]).is_none()
        {
            return None;
        }
        // the owners: a list of two or more right after "of"/"between"
        let chain = self
            .chains(items, k + 1, items.len())
            .into_iter()
            .next()
            .filter(|c| {
                c.gov_at == Some(k + 1)
                    && matches!(c.gov, Gov::Between | Gov::NotParty)
                    && c.members.len() >= 2
                    && matches!(
                        self.folded(&items[k + 1]).as_str(),
                        "of" | "av" | "between" | "mellan"
                    )
            })?;
        Some((comma, chain.last + 1, chain.members))
    }
}
