//! The members of a group of partners listed after a verb of membership:
//! "the NanoIC consortium, which brings together A in France, B in Germany
//! and C in Finland", "ett konsortium bestående av A, B och C". The phrase
//! states a cooperation of the members, whatever else the sentence states;
//! it is read after the clauses, and adds nothing when an agreement of the
//! sentence already has all of them.

use super::{has, Item, State};
use crate::gazetteer::ActorType;
use crate::lexicon::{Kind, Tag};
use std::collections::BTreeSet;

/// Items between a group noun and its verb of membership: a comma and a
/// relative pronoun ("the consortium, which brings together"), or a name
/// after the noun ("the consortium NanoIC comprises").
const MAX_ITEMS_BEFORE_VERB: usize = 3;

impl<'a> State<'a> {
    /// Emits a cooperation for each "group noun … member verb A, B and C" in
    /// the sentence `si`. Returns whether it emitted any.
    pub(super) fn group_members(&mut self, si: usize, items: &[Item]) -> bool {
        let mut created = false;
        for k in 1..items.len() {
            if !has(self.inp, &items[k], |t| matches!(t, Tag::MemberVerb)) {
                continue;
            }
            let Some(g) = self.group_noun_before(items, k) else {
                continue;
            };
            let mut parties = self.members_after(items, k);
            parties.extend(self.group_leader(items, g));
            if parties.len() < 2 || self.stated_in(si, &parties) {
                continue;
            }
            let cites = self.cites(&items[k..]);
            self.push_phrase_agreement(si, Kind::Cooperation, 1, parties, "group-members", cites);
            created = true;
        }
        created
    }

    /// The group noun right before the verb at `k`, past a comma and
    /// relative pronoun or a name.
    fn group_noun_before(&self, items: &[Item], k: usize) -> Option<usize> {
        (k.saturating_sub(MAX_ITEMS_BEFORE_VERB + 1)..k)
            .rev()
            .take_while(|&j| {
                j + 1 == k
                    || self.is_comma(&items[j + 1])
                    || has(self.inp, &items[j + 1], |t| matches!(t, Tag::Which))
                    || self.mention(&items[j + 1]).is_some()
            })
            .find(|&j| has(self.inp, &items[j], |t| matches!(t, Tag::GroupNoun)))
    }

    /// The actor that leads the group whose noun is at `g`: named right
    /// before a `group_leaders` verb before the noun's determiners and
    /// modifiers ("imec coordinates the NanoIC consortium").
    fn group_leader(&self, items: &[Item], g: usize) -> Option<String> {
        let mut l = g;
        while l > 0
            && g - l < MAX_ITEMS_BEFORE_VERB
            && (self.descriptor(&items[l - 1]) || self.mention(&items[l - 1]).is_some())
            && !has(self.inp, &items[l - 1], |t| matches!(t, Tag::GroupLeader))
        {
            l -= 1;
        }
        if l < 2 || !has(self.inp, &items[l - 1], |t| matches!(t, Tag::GroupLeader)) {
            return None;
        }
        let m = self.mention(&items[l - 2])?;
        let kind = self.inp.actors.kind(&m.actor);
        (!m.genitive && kind.can_be_party() && kind != ActorType::Person)
            .then(|| m.actor.to_string())
    }

    /// The members named after the verb at `k`: names that can be parties,
    /// past places ("A in France, B in Germany") and list words, up to the
    /// first predicate or relative clause after them.
    fn members_after(&self, items: &[Item], k: usize) -> BTreeSet<String> {
        let mut members = BTreeSet::new();
        for j in k + 1..items.len() {
            let it = &items[j];
            if !members.is_empty()
                && has(self.inp, it, |t| {
                    Tag::predicate(t) || matches!(t, Tag::Which | Tag::Complementizer)
                })
            {
                break;
            }
            let Some(m) = self.mention(it) else {
                continue;
            };
            let kind = self.inp.actors.kind(&m.actor);
            if !m.genitive
                && !self.place(items, j, k)
                && kind.can_be_party()
                && kind != ActorType::Person
            {
                members.insert(m.actor.to_string());
            }
        }
        members
    }
}
