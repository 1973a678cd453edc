//! The owners of a joint venture named in an apposition: "lent €300 million to
//! X, the battery venture of A and B", "X, ett samriskbolag mellan A och B,",
//! "X, a joint venture owned in equal shares by A and B,".
//!
//! The apposition states a joint venture of its own, between the owners (the
//! venture X is not a party of it), whatever the clause around it states: the
//! pass takes it out of the sentence before the clauses are read, so that the
//! clause reads "lent €300 million to X".

use super::{has, Agreement, Chain, Gov, Item, ItemKind, State};
use crate::lexicon::{Kind, Status, Tag};
use crate::segment::BlockKind;

/// Words an apposition's noun phrase may hold before its joint-venture noun
/// ("the battery venture", "a 50-50 joint venture", "Equinor-ledda").
const MAX_WORDS_BEFORE_NOUN: usize = 4;

/// Words from an owner participle to its "by" ("owned in equal shares by").
const MAX_WORDS_BEFORE_BY: usize = 4;

/// Items after an apposition's last owner that may still date it ("set up
/// in 2022").
const MAX_WORDS_TO_DATE: usize = 6;

/// A venture apposition "X, a joint venture of A and B," found in a
/// sentence's items.
struct VentureApposition {
    /// The item of X (of its full name before a short form in parentheses).
    venture: usize,
    /// The comma that opens the apposition.
    comma: usize,
    /// The item after its last owner.
    end: usize,
    /// The owners' mentions.
    owners: Vec<usize>,
}

impl<'a> State<'a> {
    /// Emits a joint venture for each apposition "X, (det) … JV-noun
    /// of/between A and B" in `items` and removes the apposition from them.
    /// Returns whether it emitted any.
    pub(super) fn venture_appositions(&mut self, si: usize, items: &mut Vec<Item>) -> bool {
        let mut created = false;
        let mut k = 0;
        while k < items.len() {
            let Some(VentureApposition {
                venture,
                comma,
                end,
                owners,
            }) = self.venture_apposition(items, k)
            else {
                k += 1;
                continue;
            };
            let mut parties: std::collections::BTreeSet<String> = self.party_ids(&owners).collect();
            // "X, its joint venture with B": the owner "its" stands for
            parties.extend(self.venture_with_owners(items, venture, comma, k, &owners));
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
                // its date, in it or in a participle right after it ("X,
                // its joint venture with B set up in 2022,")
                let date = (comma..items.len().min(end + MAX_WORDS_TO_DATE))
                    .take_while(|&j| {
                        j < end
                            || !(self.is_comma(&items[j])
                                || matches!(items[j].kind, ItemKind::Punct(_)))
                    })
                    .find_map(|j| match items[j].kind {
                        ItemKind::Date(d) => self.resolved_date(d, Status::Signed),
                        _ => None,
                    });
                if let Some(ag) = self.out.last_mut().filter(|_| date.is_some()) {
                    ag.date = date;
                }
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

    /// Whether an agreement of the sentence `si` already has all `parties`
    /// (a phrase read after the clauses then adds nothing).
    pub(super) fn stated_in(
        &self,
        si: usize,
        parties: &std::collections::BTreeSet<String>,
    ) -> bool {
        self.out
            .iter()
            .any(|a| a.sentences.contains(&si) && parties.iter().all(|p| a.parties.contains(p)))
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
            earlier: false,
            unnamed: false,
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

    /// The apposition whose joint-venture noun is `items[k]`.
    fn venture_apposition(&self, items: &[Item], k: usize) -> Option<VentureApposition> {
        let inp = self.inp;
        // a joint-venture noun, or a company that an owner participle
        // follows ("X, a company formed by A, B and C,")
        // (or a company head noun: "X, the leisure airline jointly owned
        // by A and B,")
        let company_owned = || {
            matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                && (inp.lexicon.is_venture_object(self.folded(&items[k]))
                    || self.head_noun(&items[k]))
                && self.venture_owner_verb(items, k + 1).is_some()
        };
        if k < 2 || !(self.venture_noun(&items[k]) || company_owned()) {
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
        // X right before the comma, or its short form in parentheses after
        // it ("NEOM Green Hydrogen Company (NGHC), a joint venture …")
        let named = |x: usize| self.mention(&items[x]).is_some();
        let paren = |x: usize, c: char| matches!(items[x].kind, ItemKind::Punct(p) if p == c);
        if !self.is_comma(&items[comma]) || comma == 0 {
            return None;
        }
        let x = if named(comma - 1) {
            comma - 1
        } else if comma >= 4
            && paren(comma - 1, ')')
            && named(comma - 2)
            && paren(comma - 3, '(')
            && named(comma - 4)
        {
            comma - 4
        } else {
            return None;
        };
        let chain = self
            .chains(items, k + 1, items.len())
            .into_iter()
            .next()
            .filter(|c| self.venture_owners(items, k, c) || self.venture_partner(items, k, c))?;
        Some(VentureApposition {
            venture: x,
            comma,
            end: chain.last + 1,
            owners: chain.members,
        })
    }

    /// Whether `c` names the partner of the joint-venture noun `items[k]`
    /// right after "with" ("X, its joint venture with B"): one owner, the
    /// other is the venture's owner named before X.
    fn venture_partner(&self, items: &[Item], k: usize, c: &Chain) -> bool {
        c.gov == Gov::With
            && c.gov_at == Some(k + 1)
            && has(self.inp, &items[k + 1], |t| matches!(t, Tag::With))
    }

    /// The owners of a joint venture "X, its/a joint venture with B" (X at
    /// item `x`) besides B: for "its", "dess", the company named last
    /// before X; for an article, the subject named before X in the same
    /// sentence ("A runs X, a joint venture with B"); none for a venture
    /// named by its owners.
    fn venture_with_owners(
        &self,
        items: &[Item],
        x: usize,
        comma: usize,
        k: usize,
        owners: &[usize],
    ) -> Vec<String> {
        if !items
            .get(k + 1)
            .is_some_and(|x| has(self.inp, x, |t| matches!(t, Tag::With)))
        {
            return Vec::new();
        }
        let Some(venture) = self.mention(&items[x]).map(|m| m.actor.to_string()) else {
            return Vec::new();
        };
        let partners: Vec<String> = self.party_ids(owners).collect();
        if has(self.inp, &items[comma + 1], |t| {
            matches!(t, Tag::Possessive)
        }) {
            let take = |c: &str| c != venture && !partners.iter().any(|p| p == c);
            return self
                .company_named_before(items[x].start, take)
                .map(|m| vec![m.actor.to_string()])
                .unwrap_or_default();
        }
        self.chains(items, 0, x)
            .into_iter()
            .find(|c| c.gov == Gov::None)
            .map(|c| {
                self.party_ids(&c.members)
                    .filter(|p| *p != venture && !partners.contains(p))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether `c` names the owners of the joint-venture noun `items[k]`: a
    /// list of two or more right after "of"/"between", or after "by" that
    /// follows an owner participle ("owned in equal shares by", "som ägs av").
    pub(super) fn venture_owners(&self, items: &[Item], k: usize, c: &Chain) -> bool {
        let inp = self.inp;
        if c.members.len() < 2 {
            return false;
        }
        match self.venture_owner_verb(items, k + 1) {
            // a verb of joint ownership that holds its "by" ("the steel
            // venture jointly owned by A and B")
            Some(v)
                if c.gov == Gov::Verb
                    && c.gov_at == Some(v)
                    && has(inp, &items[v], |t| {
                        matches!(
                            t,
                            Tag::AgreementVerb {
                                kind: Kind::JointVenture,
                                ..
                            }
                        )
                    }) =>
            {
                true
            }
            Some(v) => {
                c.gov == Gov::By
                    && c.gov_at.is_some_and(|g| {
                        g > v
                            && g <= v + MAX_WORDS_BEFORE_BY
                            && (v + 1..g).all(|x| {
                                matches!(items[x].kind, ItemKind::Word | ItemKind::Phrase(_))
                                    && !self.is_comma(&items[x])
                                    && !has(inp, &items[x], Tag::predicate)
                            })
                    })
            }
            None => {
                c.gov_at == Some(k + 1)
                    && matches!(c.gov, Gov::Between | Gov::NotParty)
                    && matches!(
                        self.folded(&items[k + 1]),
                        "of" | "av" | "between" | "mellan"
                    )
            }
        }
    }

    /// The index of an owner participle at `at`, or after a relative pronoun
    /// there ("owned", "som ägs").
    fn venture_owner_verb(&self, items: &[Item], at: usize) -> Option<usize> {
        let inp = self.inp;
        let is_verb = |x: usize| {
            items.get(x).is_some_and(|it| {
                matches!(it.kind, ItemKind::Word | ItemKind::Phrase(_))
                    && inp
                        .lexicon
                        .venture_owner_verbs
                        .contains(self.folded(it).split(' ').next().unwrap_or_default())
            })
        };
        if is_verb(at) {
            Some(at)
        } else if items
            .get(at)
            .is_some_and(|it| has(inp, it, |t| matches!(t, Tag::Which)))
            && is_verb(at + 1)
        {
            Some(at + 1)
        } else {
            None
        }
    }
}
