//! A partner named after its owner's possessive: "its Austrian manufacturing
//! partner Polymun", "Volvos långvariga partner Northvolt", "dess
//! samarbetspartner X". The phrase states a partnership between the owner and
//! the partner, whatever else the sentence states; it is read after the
//! clauses, and adds nothing when an agreement of the sentence already has
//! both.

use super::{has, Gov, Item, ItemKind, State};
use crate::gazetteer::ActorType;
use crate::lexicon::{Kind, Tag};
use std::collections::BTreeSet;

/// Words that may stand between the possessive and the partner noun
/// ("its Austrian manufacturing partner").
const MAX_WORDS_BEFORE_NOUN: usize = 3;

impl<'a> State<'a> {
    /// Emits a partnership for each "possessive … partner-noun Name" in the
    /// sentence `si`. Returns whether it emitted any.
    pub(super) fn possessive_partners(&mut self, si: usize, items: &[Item]) -> bool {
        let mut created = false;
        for k in 1..items.len().saturating_sub(1) {
            if !has(self.inp, &items[k], |t| matches!(t, Tag::PartnerNoun)) {
                continue;
            }
            let Some(partner) = self.partner_after(&items[k + 1]) else {
                continue;
            };
            let Some(owner) = self.possessor(si, items, k) else {
                continue;
            };
            let parties: BTreeSet<String> = [owner, partner].into_iter().collect();
            if parties.len() < 2 || self.stated_in(si, &parties) {
                continue;
            }
            let cites = self.cites(&items[k..k + 2]);
            self.push_phrase_agreement(
                si,
                Kind::Partnership,
                2,
                parties,
                "possessive-partner",
                cites,
            );
            created = true;
        }
        created
    }

    /// The actor named right after a partner noun, when it can be a party and
    /// is no genitive ("partner Northvolt's plant" names no partner).
    fn partner_after(&self, it: &Item) -> Option<String> {
        let m = self.mention(it)?;
        let kind = self.inp.actors.kind(&m.actor);
        (!m.genitive && kind.can_be_party() && kind != ActorType::Person)
            .then(|| m.actor.to_string())
    }

    /// The owner of the partner noun at `k`: a genitive name before it
    /// ("Volvo's partner"), or the actor a possessive pronoun stands for
    /// ("its partner": the subject of the sentence before it, else the last
    /// company named).
    fn possessor(&self, si: usize, items: &[Item], k: usize) -> Option<String> {
        let mut p = k;
        let mut words = 0;
        while p > 0
            && words < MAX_WORDS_BEFORE_NOUN
            && matches!(items[p - 1].kind, ItemKind::Word | ItemKind::Phrase(_))
            && !has(self.inp, &items[p - 1], |t| {
                matches!(t, Tag::Possessive | Tag::Determiner)
            })
            && self.descriptor(&items[p - 1])
        {
            p -= 1;
            words += 1;
        }
        let before = items.get(p.checked_sub(1)?)?;
        if let Some(m) = self.mention(before) {
            let kind = self.inp.actors.kind(&m.actor);
            return (m.genitive && kind.can_be_party() && kind != ActorType::Person)
                .then(|| m.actor.to_string());
        }
        if !has(self.inp, before, |t| matches!(t, Tag::Possessive)) {
            return None;
        }
        let subject = self
            .chains(items, 0, p - 1)
            .into_iter()
            .find(|c| c.gov == Gov::None)
            .map(|c| self.inp.mentions[c.members[0]].actor.to_string())
            .filter(|id| {
                let kind = self.inp.actors.kind(id);
                kind.can_be_party() && kind != ActorType::Person
            });
        subject.or_else(|| self.last_company(si, items, 0, false))
    }
}
