//! Stage 1, actor phrases: a mention grows into the phrase that names an actor
//! (determiners, nationality words and descriptor nouns before it, an acronym or
//! ticker in parentheses after it), appositions and genitives are set apart as
//! modifiers, and coordinated phrases form a [`Chain`] with the relation word
//! that governs it.

use super::{
    has, ing_participle, parenthetical, parenthetical_within, tags, Chain, Gov, Item, ItemKind,
    State,
};
use crate::gazetteer::ActorType;
use crate::lexicon::{SaleRole, Tag};

impl<'a> State<'a> {
    /// Whether the item at `p` is the particle of a split agreement verb
    /// whose head stands before the names right before it ("tog Ericsson
    /// över"), or before a date ("tog 2018 över").
    fn completes_split_verb(&self, items: &[Item], p: usize, lo: usize) -> bool {
        let mut h = p;
        let date = |x: &Item| matches!(x.kind, ItemKind::Date(_));
        while h > lo
            && (self.mention(&items[h - 1]).is_some()
                || date(&items[h - 1])
                || has(self.inp, &items[h - 1], |t| matches!(t, Tag::Coord)))
        {
            h -= 1;
        }
        h < p
            && h > lo
            && (self.mention(&items[h]).is_some() || date(&items[h]))
            && has(self.inp, &items[h - 1], |t| {
                matches!(t, Tag::AgreementVerb { .. })
            })
            && self
                .inp
                .lexicon
                .is_split_particle(self.folded(&items[h - 1]), self.folded(&items[p]))
    }

    /// "leveransavtal med kunder som A, B och C": "som" after a noun that
    /// follows "med" gives examples ("such as"), not a relative clause, when
    /// no predicate follows the names.
    fn som_such_as(&self, items: &[Item], k: usize, first: usize, lo: usize) -> bool {
        k >= lo + 2
            && self.folded(&items[k]) == "som"
            && matches!(items[k - 1].kind, ItemKind::Word)
            && (k.saturating_sub(4).max(lo)..k - 1).any(|h| self.governs_with(&items[h]))
            && !self.names_then_predicate(items, first)
    }

    /// A word that may stand between a governor and a name, or between two
    /// coordinated names: a plain word, a determiner, a role, a quantifier or a
    /// company description ("the Swedish miner", "läkemedelsbolaget").
    pub(super) fn descriptor(&self, it: &Item) -> bool {
        match it.kind {
            ItemKind::Word => true,
            ItemKind::Phrase(_) => {
                has(self.inp, it, |t| {
                    matches!(
                        t,
                        Tag::Determiner
                            | Tag::Role
                            | Tag::PluralQuantifier
                            | Tag::CompanyHead
                            // "the state development agency Corfo"
                            | Tag::OrgHead
                            // "and its long-time partner Northvolt"
                            | Tag::PartnerNoun
                            | Tag::Possessive
                            | Tag::CompanyAnaphor
                            | Tag::Representatives
                            // a plain word inside a sentence: "the following countries"
                            | Tag::ClauseOpener
                    )
                })
                // a content word only: "the Chinese graphite company"
                || tags(self.inp, it)
                    .iter()
                    .all(|t| matches!(t, Tag::Topic(_) | Tag::KindCue(_)))
            }
            _ => false,
        }
    }

    /// A company or organisation head noun ("group", "maker", "agency").
    pub(super) fn head_noun(&self, it: &Item) -> bool {
        has(self.inp, it, |t| {
            matches!(t, Tag::CompanyHead | Tag::OrgHead)
        })
    }

    /// A country or region: before a company noun it says where the
    /// company is from ("US industrial gases group Air Products").
    pub(super) fn nationality(&self, m: &crate::matcher::Mention) -> bool {
        matches!(
            self.inp.actors.kind(&m.actor),
            ActorType::Country | ActorType::Region
        )
    }

    /// A descriptor, or an agreement noun used as one ("investment firm",
    /// "contract drug manufacturer").
    pub(super) fn descriptor_or_noun(&self, it: &Item) -> bool {
        self.descriptor(it)
            || (matches!(it.kind, ItemKind::Phrase(_))
                && has(self.inp, it, |t| matches!(t, Tag::Agreement { .. })))
    }

    /// Whether the name at `items[i]` opens a noun phrase that it only
    /// describes: a head noun among the descriptor words after it (five at most)
    /// ("The U.S. industrial gases company is …").
    pub(super) fn modifies_noun(&self, items: &[Item], i: usize) -> bool {
        items[i + 1..]
            .iter()
            .take(5)
            .take_while(|it| self.descriptor_or_noun(it))
            .any(|it| self.head_noun(it))
    }

    /// Whether a comma at `j` after a description opens the name it
    /// describes, in apposition ("the Swedish grid operator, Svenska
    /// kraftnät, …"): one name, then a comma or the end, and no verb of
    /// speech ("the company, Vattenfall said" names a speaker).
    pub(super) fn apposed_name(&self, items: &[Item], j: usize, hi: usize) -> bool {
        j + 1 < hi
            && self.is_comma(&items[j])
            && self.mention(&items[j + 1]).is_some()
            && items[..hi]
                .get(j + 2)
                .is_none_or(|x| self.is_comma(x) || matches!(x.kind, ItemKind::Punct(_)))
    }

    /// Whether the comma at `j` follows a noun counted by a number or
    /// quantifier within four words before it ("two Chinese makers", "två
    /// kinesiska tillverkare") and opens a list of names that ends the
    /// clause or a comma: the names the noun counts.
    fn counted_list(&self, items: &[Item], lo: usize, j: usize) -> bool {
        let counted = (j.saturating_sub(5).max(lo)..j.saturating_sub(1))
            .rev()
            .find(|&q| {
                has(self.inp, &items[q], |t| {
                    matches!(t, Tag::Number(_) | Tag::PluralQuantifier)
                })
            })
            .is_some_and(|q| {
                items[q + 1..j]
                    .iter()
                    .all(|x| matches!(x.kind, ItemKind::Word | ItemKind::Phrase(_)))
            });
        if !counted || !self.is_comma(&items[j]) {
            return false;
        }
        // the list: names joined by commas and "and"
        let mut k = j + 1;
        let mut names = 0;
        while items.get(k).is_some_and(|x| self.mention(x).is_some()) {
            names += 1;
            let joins =
                |x: &Item| self.is_comma(x) || has(self.inp, x, |t| matches!(t, Tag::Coord));
            let step = match (items.get(k + 1), items.get(k + 2)) {
                (Some(a), Some(b)) if joins(a) && self.mention(b).is_some() => 2,
                (Some(a), Some(b)) if self.is_comma(a) && joins(b) => 3,
                _ => break,
            };
            if items
                .get(k + step)
                .is_none_or(|x| self.mention(x).is_none())
            {
                break;
            }
            k += step;
        }
        names >= 2
            && items
                .get(k + 1)
                .is_none_or(|x| self.is_comma(x) || matches!(x.kind, ItemKind::Punct(_)))
    }

    /// Marks the mentions in `items[lo..hi]` that describe another actor rather
    /// than name a party: a genitive or organisation before a role and a person
    /// ("Volvos vd Jim Rowan"), names inside a short parenthetical after a name
    /// ("Magnetite Mines Ltd (ASX:MGT)"), and actors inside an apposition
    /// ("Redwood, a US battery startup, ...").
    fn modifiers(&self, items: &[Item], lo: usize, hi: usize) -> Vec<bool> {
        let inp = self.inp;
        let mut modifier = vec![false; items.len()];
        for i in lo..hi {
            let Some(m) = self.mention(&items[i]) else {
                continue;
            };
            let mut j = i + 1;
            let mut saw_role = false;
            while j < hi && j - i <= 4 && self.descriptor(&items[j]) {
                saw_role |= has(inp, &items[j], |t| matches!(t, Tag::Role));
                j += 1;
            }
            if j < hi && self.mention(&items[j]).is_some() && j > i {
                let next_person = self.is_person(&items[j]);
                // "Finland's state-owned defence group Patria": up to four words between
                let near = j == i + 1 || (self.descriptor(&items[i + 1]) && j <= i + 5);
                if (m.genitive && (near || saw_role)) || (saw_role && next_person) {
                    modifier[i] = true;
                }
            } else if m.genitive && j > i + 1 && saw_role {
                modifier[i] = true;
            }
        }
        // A country before words that end in a company or organisation
        // head describes the company: before its name ("US industrial gases
        // group Air Products", "U.S. investment firm Engine No. 1"), or in an
        // apposition after it ("Danaher, the U.S. life sciences group, …",
        // "MIND ID, Indonesia's state mining holding company, …")
        for i in lo..hi {
            let Some(m) = self.mention(&items[i]) else {
                continue;
            };
            if !self.nationality(m) {
                continue;
            }
            let mut j = i + 1;
            while j < hi && j - i <= 5 && self.descriptor_or_noun(&items[j]) {
                j += 1;
            }
            if j == i + 1 || !self.head_noun(&items[j - 1]) {
                continue;
            }
            let before_name = j < hi && self.mention(&items[j]).is_some();
            let det = i > lo && has(inp, &items[i - 1], |t| matches!(t, Tag::Determiner));
            let comma = if det {
                i.checked_sub(2)
            } else {
                i.checked_sub(1)
            };
            let opens = (det || m.genitive)
                && comma.is_some_and(|c| {
                    c > lo && self.is_comma(&items[c]) && self.mention(&items[c - 1]).is_some()
                });
            let closes =
                j >= hi || self.is_comma(&items[j]) || matches!(items[j].kind, ItemKind::Punct(_));
            // (or after "the" before a company head that no name follows: the
            // company is an anaphor, "the U.S. chipmaker signed …"; not a
            // body's head, "the U.S. government signed …")
            let anaphor = det
                && !before_name
                && has(inp, &items[j - 1], |t| matches!(t, Tag::CompanyHead))
                && matches!(self.folded(&items[i - 1]), "the");
            // (or before a name in apposition after them: "with Sweden's
            // grid operator, Svenska kraftnät, …")
            let apposed = self.apposed_name(items, j, hi);
            if before_name || (opens && closes) || anaphor || apposed {
                modifier[i] = true;
            }
        }
        self.owner_countries(items, lo, hi, &mut modifier);
        self.owned_apposition(items, lo, hi, &mut modifier);
        self.parent_apposition(items, lo, hi, &mut modifier);
        // "set up Hybrit as a joint venture with B", "bildade Hybrit som ett
        // samriskbolag med B": the name before "as"/"som" and a joint-venture
        // noun is the venture, not a party of it
        for i in lo..hi.saturating_sub(2) {
            if self.mention(&items[i]).is_none()
                || !matches!(self.folded(&items[i + 1]), "as" | "som")
            {
                continue;
            }
            let venture = items[i + 2..hi.min(i + 6)]
                .iter()
                .take_while(|x| matches!(x.kind, ItemKind::Word | ItemKind::Phrase(_)))
                .any(|x| self.venture_noun(x));
            if venture {
                modifier[i] = true;
            }
        }
        // (and those in the parentheses right after those: "Acme Inc.
        // (\"Acme\" or the \"Company\") (TSXV: ACM)")
        for i in lo..hi.saturating_sub(1) {
            if self.mention(&items[i]).is_some() {
                let mut at = i + 1;
                // (past the name's tail and legal form: "Boliden Mineral AB
                // (\"Boliden\") …")
                let tail = |x: &Item| {
                    matches!(x.kind, ItemKind::Word)
                        && (self.inp.text[x.start..x.end].starts_with(char::is_uppercase)
                            || self.folded(x) == "plc")
                };
                while at < hi.min(i + 4) && tail(&items[at]) {
                    at += 1;
                }
                while let Some(close) = parenthetical_within(items, at, hi, 12) {
                    for k in at + 1..close {
                        if self.mention(&items[k]).is_some() {
                            modifier[k] = true;
                        }
                    }
                    at = close + 1;
                }
            }
        }
        // "Anna Berg, rektor vid Umeå universitet, och …": the organisation is
        // the person's, no chain member of its own
        for i in lo..hi {
            if self.is_person(&items[i]) {
                if let Some(close) = self.role_apposition(items, i + 1, hi) {
                    for m in modifier.iter_mut().take(close).skip(i + 2) {
                        *m = true;
                    }
                }
            }
        }
        // (", the investment firm that manages the wealth of X,": a definite
        // article and a company or organisation head open one too)
        let definite_head = |at: usize| {
            let article = has(inp, &items[at], |t| matches!(t, Tag::Determiner))
                && matches!(self.folded(&items[at]), "the" | "den" | "det");
            article
                .then(|| {
                    // (not past a second determiner, which opens a noun
                    // phrase of its own: ", the venture the utility formed
                    // with B")
                    (at + 1..hi.min(at + 6))
                        .take_while(|&j| {
                            self.descriptor_or_noun(&items[j])
                                && !has(inp, &items[j], |t| matches!(t, Tag::Determiner))
                        })
                        .find(|&j| self.head_noun(&items[j]))
                })
                .flatten()
        };
        for i in lo..hi.saturating_sub(2) {
            if self.mention(&items[i]).is_none() || !self.is_comma(&items[i + 1]) {
                continue;
            }
            let from = if has(inp, &items[i + 2], |t| matches!(t, Tag::Apposition)) {
                Some(i + 3)
            } else {
                definite_head(i + 2).map(|h| h + 1)
            };
            if let Some(from) = from {
                for k in from..hi.min(i + 16) {
                    // "…, an agreement between Denmark and South Korea," names parties
                    // (", and" may be one phrase: "the maker owned by A, and with B")
                    if self.inp.text[items[k].start..items[k].end].starts_with(',')
                        || matches!(items[k].kind, ItemKind::Punct(';' | '('))
                        || has(inp, &items[k], |t| matches!(t, Tag::Agreement { .. }))
                    {
                        break;
                    }
                    if self.mention(&items[k]).is_some() {
                        modifier[k] = true;
                    }
                }
            }
        }
        modifier
    }

    /// Whether an item is an apostrophe, which splits a genitive ending
    /// off a lexicon noun ("group" + "'" + "s").
    fn apostrophe(&self, it: &Item) -> bool {
        matches!(it.kind, ItemKind::Punct('\'' | '’'))
    }

    /// Marks the names of an apposition that a noun of owning opens after a
    /// name, no parties: "Axel Springer, owner of Politico, Bild and Welt,
    /// signed …", "Bonnier, ägare till DN och Expressen, tecknade …". The
    /// apposition's names are coordinated by commas and conjunctions.
    fn owned_apposition(&self, items: &[Item], lo: usize, hi: usize, modifier: &mut [bool]) {
        let owner_nouns = &self.inp.lexicon.owner_nouns;
        for i in lo..hi.saturating_sub(3) {
            if self.mention(&items[i]).is_none() || !self.is_comma(&items[i + 1]) {
                continue;
            }
            // the noun of owning, two to four plain words ("owner of", "the
            // parent company of"), read from the folded text
            let from = items[i + 2].start;
            let end = (i + 2..hi.min(i + 6))
                .take_while(|&j| matches!(items[j].kind, ItemKind::Word | ItemKind::Phrase(_)))
                .filter(|&j| owner_nouns.contains(&self.inp.folded[from..items[j].end]))
                .last()
                .map(|j| j + 1);
            let Some(mut k) = end else {
                continue;
            };
            while k < hi {
                if self.mention(&items[k]).is_some() {
                    modifier[k] = true;
                } else if !(self.is_comma(&items[k])
                    || has(self.inp, &items[k], |t| matches!(t, Tag::Coord)))
                {
                    break;
                }
                k += 1;
            }
        }
    }

    /// Marks the owner named in an apposition that calls a name a unit of
    /// it, no party: "Polestar, the Volvo Cars affiliate, signed …",
    /// "Polestar, Volvo Cars' charging arm, agreed …", "Polestar, Volvo
    /// Cars dotterbolag, tecknade …": after a name and a comma, determiners,
    /// then the owner's name and a `unit_nouns` noun within the four words
    /// after it (a possessive ending and adjectives between).
    fn parent_apposition(&self, items: &[Item], lo: usize, hi: usize, modifier: &mut [bool]) {
        let inp = self.inp;
        for i in lo..hi.saturating_sub(3) {
            if self.mention(&items[i]).is_none() || !self.is_comma(&items[i + 1]) {
                continue;
            }
            let Some(j) = (i + 2..hi.min(i + 4))
                .find(|&j| !has(inp, &items[j], |t| matches!(t, Tag::Determiner)))
                .filter(|&j| self.mention(&items[j]).is_some())
            else {
                continue;
            };
            let unit = (j + 1..hi.min(j + 5))
                .take_while(|&k| {
                    self.apostrophe(&items[k])
                        || matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                })
                .any(|k| inp.lexicon.unit_nouns.contains(self.folded(&items[k])));
            if unit {
                modifier[j] = true;
            }
        }
    }

    /// Marks countries that say whose a name or a thing is, no party:
    /// after "of" right after a name, or between a possessive and a noun.
    fn owner_countries(&self, items: &[Item], lo: usize, hi: usize, modifier: &mut [bool]) {
        let inp = self.inp;
        // "between the Ministry of Fisheries of India and the Ministry of
        // Fisheries of the Maldives": a country after "of" right after a
        // body's name says whose the body is
        for i in lo + 2..hi {
            let Some(m) = self.mention(&items[i]) else {
                continue;
            };
            let of_name = matches!(self.folded(&items[i - 1]), "of" | "of the")
                && self
                    .mention(&items[i - 2])
                    .is_some_and(|o| !self.nationality(o));
            if self.nationality(m) && of_name {
                modifier[i] = true;
            }
        }
        // "sold its live UK rights to A": a country after a possessive and
        // before a noun names what the noun is of, no party
        for i in lo..hi.saturating_sub(1) {
            let Some(m) = self.mention(&items[i]) else {
                continue;
            };
            let possessed = (i.saturating_sub(2).max(lo)..i).any(|p| {
                has(inp, &items[p], |t| matches!(t, Tag::Possessive))
                    && items[p + 1..i]
                        .iter()
                        .all(|x| matches!(x.kind, ItemKind::Word))
            });
            if self.nationality(m) && possessed && matches!(items[i + 1].kind, ItemKind::Word) {
                modifier[i] = true;
            }
        }
    }

    /// A role apposition after a person, ", president of JAXA," or ", rektor
    /// vid Umeå universitet,": the index of its closing comma.
    pub(super) fn role_apposition(&self, items: &[Item], at: usize, hi: usize) -> Option<usize> {
        let text = |j: usize| &self.inp.text[items[j].start..items[j].end];
        if at + 1 >= hi
            || !text(at).starts_with(',')
            || !has(self.inp, &items[at + 1], |t| matches!(t, Tag::Role))
        {
            return None;
        }
        for (j, it) in items.iter().enumerate().take(hi.min(at + 16)).skip(at + 2) {
            if text(j).starts_with(',') || matches!(it.kind, ItemKind::Punct(';' | ')')) {
                return Some(j);
            }
            let predicate = has(self.inp, it, |t| {
                matches!(
                    t,
                    Tag::Status(_) | Tag::AgreementVerb { .. } | Tag::Agreement { .. }
                )
            });
            if predicate || self.is_person(it) {
                return None;
            }
        }
        // the apposition may run to the end of the clause
        (hi <= at + 16).then_some(hi)
    }

    /// An apposition set off by commas inside a coordination, ", a Swedish
    /// battery maker, and" or ", det statliga bolaget, och": the index of its
    /// closing comma. It must open with an article or determiner and close
    /// right before a conjunction, so a comma list is never taken for one.
    pub(super) fn org_apposition(&self, items: &[Item], at: usize, hi: usize) -> Option<usize> {
        let inp = self.inp;
        let text = |j: usize| &inp.text[items[j].start..items[j].end];
        if at + 2 >= hi
            || !self.is_comma(&items[at])
            || !has(inp, &items[at + 1], |t| {
                matches!(t, Tag::Apposition | Tag::Determiner)
            })
        {
            return None;
        }
        for j in at + 2..hi.min(at + 10) {
            // ", and" may be one lexicon phrase or two items
            if text(j).starts_with(',') {
                let coord = |k: usize| {
                    k < hi && has(inp, &items[k], |t| matches!(t, Tag::Coord)) && text(k) != ","
                };
                return (coord(j) || coord(j + 1)).then_some(j);
            }
            let predicate = has(inp, &items[j], |t| {
                matches!(
                    t,
                    Tag::Status(_) | Tag::AgreementVerb { .. } | Tag::Agreement { .. } | Tag::Which
                )
            });
            if predicate || matches!(items[j].kind, ItemKind::Punct(_) | ItemKind::Cite) {
                return None;
            }
        }
        None
    }

    /// An aside between dashes after a chain member, "– represented by
    /// Commissioner X –," or "– ett statligt bolag – och": the index of the
    /// closing dash. The aside holds no predicate and no agreement noun, and a
    /// comma or conjunction must follow it, so a dash that opens the rest of
    /// the sentence is never taken for one.
    pub(super) fn dash_aside(&self, items: &[Item], at: usize, hi: usize) -> Option<usize> {
        let inp = self.inp;
        let dash = |j: usize| matches!(items[j].kind, ItemKind::Punct('–' | '—' | '-'));
        // "Japan-EU" is a pair, not an aside
        if at + 2 >= hi || !dash(at) || items[at - 1].end == items[at].start {
            return None;
        }
        let close = (at + 1..hi.min(at + 14)).find(|&j| dash(j))?;
        let inside = &items[at + 1..close];
        let blocked = inside.is_empty()
            || inside.iter().any(|it| {
                matches!(it.kind, ItemKind::Punct(_) | ItemKind::Cite)
                    || has(inp, it, |t| {
                        matches!(
                            t,
                            Tag::Status(_) | Tag::AgreementVerb { .. } | Tag::Agreement { .. }
                        )
                    })
            });
        let coordinated = items.get(close + 1).is_some_and(|x| {
            close + 1 < hi && (self.is_comma(x) || has(inp, x, |t| matches!(t, Tag::Coord)))
        });
        (!blocked && coordinated).then_some(close)
    }

    /// A comma, as punctuation or as the coordination phrase "," of the lexicon.
    pub(super) fn is_comma(&self, it: &Item) -> bool {
        &self.inp.text[it.start..it.end] == ","
    }

    /// A status or agreement verb right after the item at `last`.
    pub(super) fn predicate_after(&self, items: &[Item], last: usize, hi: usize) -> bool {
        last + 1 < hi && has(self.inp, &items[last + 1], Tag::predicate)
    }

    /// Whether the item at `j` comes after a verb of owning or running (the
    /// `owning_verbs` and `operating_verbs` lists) that stands at or after
    /// `lo`, with at most a time and a description between: what is owned
    /// ("Acme owns Gamma together with Beta").
    pub(super) fn owned(&self, items: &[Item], j: usize, lo: usize) -> bool {
        const OBJECT_REACH: usize = 3;
        let lexicon = &self.inp.lexicon;
        // (past a time and a description of the object: "driver sedan 2008
        // lastbilsbolaget X tillsammans med B"; and a share of it: "äger 40
        // procent av X tillsammans med B", "owns 40% of X together with B")
        // (the preposition first: the stake word is the dearer look-up)
        let partitive = |k: usize| {
            k > lo
                && lexicon.introduces_role(self.folded(&items[k]), SaleRole::Object)
                && lexicon.is_stake(self.folded(&items[k - 1]))
        };
        let verb_before = |j: usize| {
            let skip = |k: usize| {
                matches!(items[k].kind, ItemKind::Date(_) | ItemKind::Punct('%'))
                    || partitive(k)
                    || (matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                        && !has(self.inp, &items[k], |t| {
                            matches!(t, Tag::Which | Tag::Coord | Tag::With | Tag::By)
                                || t.predicate()
                        }))
            };
            let verb = |k: usize| {
                let w = self.folded(&items[k]);
                lexicon.owning_verbs.contains(w) || lexicon.operating_verbs.contains(w)
            };
            (lo..j)
                .rev()
                .take(6)
                .find(|&k| verb(k) || !skip(k))
                .is_some_and(verb)
        };
        // a subject after a fronted adverbial (Swedish word order: "Sedan
        // 2019 driver LKAB projektet SUM tillsammans med ABB"), with no
        // subject, relative pronoun or coordinator before the verb
        // (not in a relative clause, whose subject stands before it: "A,
        // which has run X with B since 2008")
        let relative = lo > 0 && has(self.inp, &items[lo - 1], |t| matches!(t, Tag::Which));
        let inverted = |j: usize| {
            !relative
                && j > lo + 1
                && (lo..j - 1).all(|k| {
                    self.mention(&items[k]).is_none()
                        && !self.company_anaphor(items, k, lo)
                        && !has(self.inp, &items[k], |t| {
                            matches!(t, Tag::Which | Tag::Coord | Tag::FirstPerson)
                        })
                })
        };
        if verb_before(j) {
            return !inverted(j);
        }
        // the object after such a subject, past a common noun or two
        (j.saturating_sub(OBJECT_REACH)..j).rev().any(|s| {
            s > lo
                && verb_before(s)
                && self.mention(&items[s]).is_some()
                && inverted(s)
                && (s + 1..j).all(|k| {
                    matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                        && !has(self.inp, &items[k], Tag::predicate)
                })
        })
    }

    /// Whether `items[j]` names a country or region as a place: after a
    /// preposition that introduces no party ("a plant in Norway", "i Norge").
    pub(super) fn place(&self, items: &[Item], j: usize, lo: usize) -> bool {
        j > lo
            && self.mention(&items[j]).is_some_and(|m| self.nationality(m))
            && has(self.inp, &items[j - 1], |t| matches!(t, Tag::NotParty))
    }

    /// Finds coordination chains in `items[lo..hi]`.
    pub(super) fn chains(&self, items: &[Item], lo: usize, hi: usize) -> Vec<Chain> {
        let modifier = self.modifiers(items, lo, hi);
        let mut chains = Vec::new();
        let mut i = lo;
        while i < hi {
            if self.mention(&items[i]).is_none() || modifier[i] {
                i += 1;
                continue;
            }
            let (mut members, mut last, mut next) = self.coordination(items, i, hi, &modifier);
            let (mut gov, gov_at, listed) =
                self.governor(items, lo, i, members.len() > 1, &modifier);
            // "In addition to A, B and C signed …": the object of a fronted
            // prepositional phrase ends at its comma when the rest of the list
            // is the subject of the predicate that follows
            if let Some(cut) = self.fronted_object(items, lo, &members, gov, gov_at, hi) {
                next = members[cut];
                members.truncate(cut);
                last = *members.last().expect("a member before the cut");
            }
            // "Acme owns Gamma together with Beta": what a verb of owning
            // takes is owned, no party
            if self.owned(items, i, lo) {
                gov = Gov::NotParty;
            }
            // "the deal Acme struck with Beta": a chain between the noun and a
            // predicate is the subject of a relative clause, not the noun's name
            if gov == Gov::Trigger && self.predicate_after(items, last, hi) {
                gov = Gov::None;
            }
            // ", with A contributing its technology": an absolute phrase,
            // whose names are no counterparts (not "a partnership with A
            // covering AI")
            if gov == Gov::With
                && gov_at.is_some_and(|g| g > lo && self.is_comma(&items[g - 1]))
                && items.get(members[0] + 1).is_some_and(|x| {
                    matches!(x.kind, ItemKind::Word)
                        && ing_participle(&self.inp.text[x.start..x.end])
                })
            {
                gov = Gov::NotParty;
            }
            chains.push(Chain {
                members: members
                    .into_iter()
                    .map(|x| match items[x].kind {
                        ItemKind::Mention(m) => m,
                        _ => unreachable!("chain members are mentions"),
                    })
                    .collect(),
                first: i,
                last,
                gov,
                gov_at,
                listed,
            });
            i = next.max(last + 1);
        }
        chains
    }

    /// Where the list `members` (item indices) governed by a fronted
    /// preposition splits: the index of the first member after the comma
    /// that closes the prepositional phrase, when the preposition opens the
    /// clause (no predicate before it), the list runs on with a comma, and a
    /// predicate follows the list within a few words, so the list after that
    /// comma is the subject.
    fn fronted_object(
        &self,
        items: &[Item],
        lo: usize,
        members: &[usize],
        gov: Gov,
        gov_at: Option<usize>,
        hi: usize,
    ) -> Option<usize> {
        let inp = self.inp;
        let at = gov_at?;
        // "with" opening the clause ("Together with A, B signed …") may be coordination
        let fronted = gov == Gov::NotParty || (gov == Gov::With && at > lo);
        if !fronted || members.len() < 2 || at > lo + 30 {
            return None;
        }
        let predicate = |it: &Item| {
            has(inp, it, |t| {
                matches!(
                    t,
                    Tag::Status(_) | Tag::AgreementVerb { .. } | Tag::Agreement { .. }
                )
            })
        };
        if items[lo..at].iter().any(predicate) {
            return None;
        }
        // a predicate after the list, past at most two words ("today", "have")
        let last = *members.last()?;
        let follows = items[last + 1..hi.min(last + 4)]
            .iter()
            .take_while(|it| matches!(it.kind, ItemKind::Word | ItemKind::Date(_)) || predicate(it))
            .any(|it| has(inp, it, Tag::predicate));
        if !follows {
            return None;
        }
        // the first member that a plain comma (not "and") separates from the one before
        (1..members.len()).find(|&m| {
            let between = &items[members[m - 1] + 1..members[m]];
            between.iter().any(|it| self.is_comma(it))
                && !between
                    .iter()
                    .any(|it| has(inp, it, |t| matches!(t, Tag::Coord)) && !self.is_comma(it))
        })
    }

    /// Grows a chain from the mention at `first` over commas and conjunctions,
    /// skipping descriptors and parentheticals. Returns the member items, the last
    /// member and where scanning goes on.
    fn coordination(
        &self,
        items: &[Item],
        first: usize,
        hi: usize,
        modifier: &[bool],
    ) -> (Vec<usize>, usize, usize) {
        let inp = self.inp;
        let mut members = vec![first];
        let mut last = first;
        let mut j = first + 1;
        loop {
            // "(ACRONYM)" or "(ASX:MGT)" after a member
            if let Some(close) = parenthetical(items, j, hi) {
                j = close + 1;
                continue;
            }
            // "Eutelsat Communications and B": capitalised words right
            // after a member that the gazetteer name leaves out finish its
            // name (at most two)
            let mut tail = 0;
            while j < hi && tail < 2 && self.name_tail(&items[j]) {
                j += 1;
                tail += 1;
            }
            // ", president of JAXA," after a person: the comma closing it coordinates
            if self.is_person(&items[last]) {
                if let Some(close) = self.role_apposition(items, j, hi) {
                    j = close;
                }
            } else if let Some(close) = self.org_apposition(items, j, hi) {
                j = close;
            }
            // "the Ministry of Fisheries of India and B": the country that
            // says whose the member is
            if j + 1 < hi
                && matches!(self.folded(&items[j]), "of" | "of the")
                && self.mention(&items[j + 1]).is_some()
                && modifier[j + 1]
            {
                j += 2;
            }
            // "the EU – represented by Commissioner X –, the United States …":
            // an aside between dashes, closed by a comma or conjunction
            if let Some(close) = self.dash_aside(items, j, hi) {
                j = close + 1;
            }
            // "Acme owns Gamma together with Beta": what a verb of owning
            // takes is not coordinated with the co-owner after it, nor is
            // a place ("builds a plant in Norway together with Beta")
            if (self.owned(items, first, 0) || self.place(items, first, 0))
                && j < hi
                && has(inp, &items[j], |t| matches!(t, Tag::JointWith))
            {
                break;
            }
            let mut k = j;
            let mut coord = false;
            while k < hi
                && (has(inp, &items[k], |t| matches!(t, Tag::Coord))
                    || matches!(items[k].kind, ItemKind::Punct(',')))
            {
                coord = true;
                k += 1;
            }
            if !coord {
                break;
            }
            let mut d = 0;
            while k < hi
                && d < 4
                && (self.descriptor(&items[k])
                    || (self.mention(&items[k]).is_some() && modifier[k]))
            {
                k += 1;
                d += 1;
            }
            // "A and twelve operators, among them B, C and D": the examples
            // of a noun phrase coordinated with a member are members (past
            // the four descriptors above, up to four more)
            let e = (k..hi.min(k + 4))
                .find(|&e| !self.descriptor(&items[e]))
                .unwrap_or(k);
            if d > 0
                && e + 2 < hi
                && self.is_comma(&items[e])
                && has(inp, &items[e + 1], |t| matches!(t, Tag::Example))
            {
                k = e + 2;
                if self.is_comma(&items[k]) {
                    k += 1;
                }
                // (and a descriptor before the first example: "bland dem
                // amerikanska AT&T")
                while k < hi && k < e + 5 && self.descriptor(&items[k]) {
                    k += 1;
                }
            }
            // "Vianode, Elkem's battery materials unit, signed …": a
            // genitive right after a bare comma, with a noun phrase and a
            // comma after it, is an apposition on the member before
            if let Some(close) = self.genitive_apposition(items, j, k, hi) {
                j = close;
                break;
            }
            if k < hi && self.mention(&items[k]).is_some() && !modifier[k] {
                members.push(k);
                last = k;
                j = k + 1;
            } else {
                break;
            }
        }
        (members, last, j)
    }

    /// The comma that closes an apposition opened at `comma` by a genitive
    /// name at `k` ("Vianode, Elkem's battery materials unit, signed …",
    /// "A, the EU's partnership for hydrogen research, signed …"):
    /// descriptors only before the genitive, then up to ten words (no name,
    /// no other punctuation), then a comma that no conjunction or name
    /// follows, or the full stop that ends the sentence.
    fn genitive_apposition(
        &self,
        items: &[Item],
        comma: usize,
        k: usize,
        hi: usize,
    ) -> Option<usize> {
        let inp = self.inp;
        if !self.is_comma(&items[comma])
            || !self.mention(items.get(k)?).is_some_and(|m| m.genitive)
            || !(comma + 1..k).all(|x| self.descriptor(&items[x]))
        {
            return None;
        }
        let close = (k + 1..hi.min(k + 12)).find(|&x| {
            self.mention(&items[x]).is_some()
                || matches!(items[x].kind, ItemKind::Punct(_) | ItemKind::Cite)
                || self.is_comma(&items[x])
        })?;
        if close == k + 1 {
            return None;
        }
        // (or the full stop that ends the sentence, with no verb before it:
        // "a deal with Ericsson, Nokia's main rival.")
        if matches!(items[close].kind, ItemKind::Punct('.' | '!' | '?')) && close + 1 == items.len()
        {
            let verb = items[k + 1..close].iter().any(|x| {
                has(inp, x, |t| {
                    matches!(t, Tag::Status(_) | Tag::AgreementVerb { .. })
                })
            });
            return (!verb).then_some(close);
        }
        let after = items.get(close + 1)?;
        (self.is_comma(&items[close])
            && self.mention(after).is_none()
            && !has(inp, after, |t| matches!(t, Tag::Coord)))
        .then_some(close)
    }

    /// A plain word that may finish a name ("Communications", "Holdings"):
    /// a capital and then lower-case letters only (no acronym, no lexicon
    /// phrase, no date).
    fn name_tail(&self, it: &Item) -> bool {
        let w = &self.inp.text[it.start..it.end];
        matches!(it.kind, ItemKind::Word)
            && w.chars().count() >= 2
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars().skip(1).all(|c| c.is_lowercase())
    }

    /// The `with` word before a plain noun phrase of one to four words that
    /// the conjunction at `conj` (no comma) joins to a name after it: "with
    /// 23 commercial banks and", "med 23 affärsbanker samt".
    fn with_after_common_noun(&self, items: &[Item], lo: usize, conj: usize) -> Option<usize> {
        let it = &items[conj];
        if self.is_comma(it) || !has(self.inp, it, |t| matches!(t, Tag::Coord)) {
            return None;
        }
        let mut h = conj;
        // (plain words, or a number word: "sex affärsbanker")
        let plain = |x: &Item| {
            (matches!(x.kind, ItemKind::Word)
                || has(self.inp, x, |t| {
                    matches!(t, Tag::Number(_) | Tag::PluralQuantifier)
                }))
                && !self.inp.text[x.start..x.end].starts_with(char::is_uppercase)
        };
        while h > lo && conj - h < 4 && plain(&items[h - 1]) {
            h -= 1;
        }
        (h < conj && h > lo && self.governs_with(&items[h - 1])).then_some(h - 1)
    }

    /// The relation word that governs a chain starting at `first`, found by
    /// skipping back over descriptors (and a colon: "with the following
    /// countries: A, B", which makes the chain `listed`).
    fn governor(
        &self,
        items: &[Item],
        lo: usize,
        first: usize,
        several: bool,
        modifier: &[bool],
    ) -> (Gov, Option<usize>, bool) {
        let (g, listed) = self.governor_end(items, lo, first, several, modifier);
        if g == lo {
            return (Gov::None, None, listed);
        }
        // "Året innan tog Ericsson över Nokia": the particle of a split verb
        // after its verb-second subject; what follows is the verb's object
        if self.completes_split_verb(items, g - 1, lo) {
            return (Gov::Verb, Some(g - 1), listed);
        }
        let (gov, at) = self.governor_before(items, lo, g, first);
        (gov, at, listed)
    }

    /// Skips back from a chain starting at `first` over what may stand
    /// between it and its relation word (at most five steps): the item
    /// after the relation word, and whether a colon made the chain (of
    /// `several` names) `listed`.
    fn governor_end(
        &self,
        items: &[Item],
        lo: usize,
        first: usize,
        several: bool,
        modifier: &[bool],
    ) -> (usize, bool) {
        let mut g = first;
        let mut steps = 0;
        let mut listed = false;
        while g > lo
            && steps < 5
            && !has(self.inp, &items[g - 1], |t| {
                matches!(t, Tag::Complementizer)
            })
            && self.skipped_before_chain(items, lo, g, first, modifier)
        {
            listed |= several && matches!(items[g - 1].kind, ItemKind::Punct(':'));
            let adverb = matches!(items[g - 1].kind, ItemKind::Word)
                && self.inp.lexicon.is_adverb(self.folded(&items[g - 1]));
            let date = matches!(items[g - 1].kind, ItemKind::Date(_));
            // (a genitive ending split off a lexicon noun is no step: "the
            // country's state utility B")
            let ending = self.apostrophe(&items[g - 1])
                || (self.folded(&items[g - 1]) == "s"
                    && g >= lo + 2
                    && self.apostrophe(&items[g - 2]));
            g -= 1;
            steps += usize::from(!ending);
            // (and over the preposition of a date: "i april")
            if date && !has(self.inp, &items[g - 1], Tag::predicate) {
                g -= 1;
            }
            // (and over the subject before it, to the verb: the object of
            // "köpte Ericsson också bolaget X" is governed by "köpte")
            if adverb
                && g >= lo + 2
                && self.mention(&items[g - 1]).is_some()
                && has(self.inp, &items[g - 2], Tag::predicate)
            {
                g -= 1;
            }
        }
        (g, listed)
    }

    /// Whether the item before `g` may stand between a chain starting at
    /// `first` and its relation word: a descriptor, a colon, a modifying
    /// name, a date, a verb-second subject, an adverb, the comma after
    /// example words, a noun before a company head, or the comma that opens
    /// an apposed name.
    fn skipped_before_chain(
        &self,
        items: &[Item],
        lo: usize,
        g: usize,
        first: usize,
        modifier: &[bool],
    ) -> bool {
        self.descriptor(&items[g - 1])
            || matches!(items[g - 1].kind, ItemKind::Punct(':'))
            || (self.mention(&items[g - 1]).is_some() && modifier[g - 1])
            // "with the group's utility B": the genitive ending of a noun
            // of the lexicon ("group" + "'s"), when a company head between
            // it and the name describes the name (not "from the utility's
            // Baltic Eagle wind farm", which is the utility's)
            || (self.apostrophe(&items[g - 1])
                && g < first
                && self.folded(&items[g]) == "s"
                && items[g + 1..first].iter().any(|x| self.head_noun(x)))
            // "beviljade 2018 Chalmers en miljard", "beviljade i april
            // Vattenfall ett lån": a date between a predicate and its
            // object
            || (matches!(items[g - 1].kind, ItemKind::Date(_))
                && g >= lo + 2
                && (has(self.inp, &items[g - 2], Tag::predicate)
                    || (g >= lo + 3
                        && matches!(items[g - 2].kind, ItemKind::Word | ItemKind::Phrase(_))
                        && has(self.inp, &items[g - 3], Tag::predicate))))
            // "valde statliga SJ franska Alstom som leverantör": the
            // verb-second subject between the verb and the object's
            // descriptors
            || (g < first
                && g >= lo + 2
                && self.mention(&items[g - 1]).is_some()
                && !modifier[g - 1]
                && items[lo..g - 1]
                    .iter()
                    .rev()
                    .find(|x| !self.descriptor(x))
                    .is_some_and(|x| has(self.inp, x, Tag::predicate)))
            // "köpte Ericsson också bolaget X": an adverb after the
            // subject of a verb-second clause
            || (matches!(items[g - 1].kind, ItemKind::Word)
                && g >= lo + 3
                && self.mention(&items[g - 2]).is_some()
                && has(self.inp, &items[g - 3], Tag::predicate)
                && self.inp.lexicon.is_adverb(self.folded(&items[g - 1])))
            // "with, among others, A and B": the comma that closes the
            // example words
            || (self.is_comma(&items[g - 1])
                && g >= lo + 2
                && has(self.inp, &items[g - 2], |t| matches!(t, Tag::Example)))
            // "U.S. investment firm Engine No. 1": a noun before the
            // company head describes the company
            || (self.descriptor_or_noun(&items[g - 1])
                && items[g..first].iter().any(|x| self.head_noun(x)))
            // "with two Chinese makers, SICC and TankeBlue, …": the comma
            // after a counted noun that opens the list it counts
            || (g == first && g >= lo + 3 && self.counted_list(items, lo, g - 1))
            // "with the Swedish grid operator, Svenska kraftnät, …": the
            // comma after a head noun that opens an apposed name
            || (g == first
                && g >= lo + 2
                && (self.head_noun(&items[g - 2])
                    || has(self.inp, &items[g - 2], |t| matches!(t, Tag::CompanyAnaphor)))
                && self.apposed_name(items, g - 1, items.len()))
    }

    /// What the relation word at `g - 1` makes of a chain starting at
    /// `first`, and where the word that governs it stands.
    fn governor_before(
        &self,
        items: &[Item],
        lo: usize,
        g: usize,
        first: usize,
    ) -> (Gov, Option<usize>) {
        let it = &items[g - 1];
        let ts = tags(self.inp, it);
        let any = |f: fn(&Tag) -> bool| ts.iter().any(f);
        // "after C formed an alliance with D": a subordinate clause's subject
        // (a comma with no "and" after it ends the subordinate phrase: "After
        // A, B signed …")
        if any(|t| matches!(t, Tag::Subordinator)) {
            let (mut comma, mut coord) = (false, false);
            for x in items[first..].iter().take_while(|x| self.in_name_list(x)) {
                let c = self.is_comma(x);
                comma |= c;
                coord |= !c && has(self.inp, x, |t| matches!(t, Tag::Coord));
            }
            if (!comma || coord) && self.names_then_predicate(items, first) {
                return (Gov::None, None);
            }
        }
        // ("contracts for 20 ships, split between A and B": a contract with
        // each, as "with" names them)
        let split =
            || g >= lo + 2 && has(self.inp, &items[g - 2], |t| matches!(t, Tag::SplitBetween));
        let gov = if any(|t| matches!(t, Tag::Between)) {
            if split() {
                Gov::With
            } else {
                Gov::Between
            }
        } else if any(|t| matches!(t, Tag::By)) {
            Gov::By
        } else if self.governs_with(it) {
            Gov::With
        } else if any(|t| matches!(t, Tag::OnBehalf)) {
            Gov::OnBehalf
        } else if any(|t| matches!(t, Tag::Example)) || self.som_such_as(items, g - 1, first, lo) {
            // "with lenders including A and B", "with operators such as A":
            // the examples are the counterparts the preposition names
            return self.example_governor(items, lo, g);
        } else if let Some(w) = self
            .with_after_common_noun(items, lo, g - 1)
            .filter(|_| !self.name_then_finite_verb(items, first))
        {
            // "a loan with 23 commercial banks and the EIB", "med 23
            // affärsbanker samt EIB": a name coordinated with a plain noun
            // phrase after "with" is governed by it too (not the subject
            // of a clause of its own: "with local firms and B said …")
            return (Gov::With, Some(w));
        } else if any(|t| matches!(t, Tag::NotParty)) {
            Gov::NotParty
        } else if any(|t| matches!(t, Tag::Agreement { .. })) {
            // "förhandlar med samriskbolaget Northern Lights", "talks with the
            // joint venture X": the venture named is the counterpart
            if g - 1 > lo && self.governs_with(&items[g - 2]) {
                return (Gov::With, Some(g - 2));
            }
            Gov::Trigger
        } else if any(|t| matches!(t, Tag::Status(_) | Tag::AgreementVerb { .. } | Tag::Passive)) {
            Gov::Verb
        } else {
            Gov::None
        };
        (gov, Some(g - 1))
    }

    /// What example words at `g - 1` ("including", "such as", "bland
    /// andra") make of the chain after them: the counterparts, subject or
    /// other party that the preposition before the examples' noun phrase
    /// names, else examples.
    fn example_governor(&self, items: &[Item], lo: usize, g: usize) -> (Gov, Option<usize>) {
        let mut h = g - 1;
        let mut words = 0;
        // ("with, among others, A", "with lenders, including A": a comma
        // before the example words)
        if h > lo + 1 && self.is_comma(&items[h - 1]) {
            h -= 1;
        }
        // (over a noun phrase of up to eight words, which may coordinate
        // its own or hold "of": "with 23 local, regional and international
        // banks and investment funds, among them A and B", "med ett
        // konsortium av ett tjugotal långivare, bland dem A och B")
        let coord = |x: &Item| {
            has(self.inp, x, |t| matches!(t, Tag::Coord))
                || self.is_comma(x)
                || matches!(self.folded(x), "of" | "av")
        };
        while h > lo && words < 8 {
            if self.descriptor(&items[h - 1]) {
                h -= 1;
                words += 1;
            } else if words > 0
                && h >= lo + 2
                && coord(&items[h - 1])
                && self.descriptor(&items[h - 2])
            {
                h -= 1;
            } else {
                break;
            }
        }
        // ("med bland andra A och B": right after the preposition)
        if h > lo && (words > 0 || self.governs_with(&items[h - 1])) {
            if self.governs_with(&items[h - 1]) {
                return (Gov::With, Some(h - 1));
            }
            if has(self.inp, &items[h - 1], |t| matches!(t, Tag::Between)) {
                return (Gov::Between, Some(h - 1));
            }
        }
        // ("från bland andra A och B", "from investors including A and
        // B": the preposition governs the examples, and may introduce a
        // transaction's counterpart)
        if h > lo {
            let p = tags(self.inp, &items[h - 1]);
            if p.iter().any(|t| matches!(t, Tag::By)) {
                return (Gov::By, Some(h - 1));
            }
            if p.iter().any(|t| matches!(t, Tag::NotParty)) {
                return (Gov::NotParty, Some(h - 1));
            }
        }
        // ("A consortium led by A signed …", "Ett konsortium under
        // ledning av A har tecknat …": the leaders of a group that opens
        // the clause name its subject; not examples of a plural, "Trading
        // houses such as A and B have followed")
        if h == lo && words > 0 && has(self.inp, &items[g - 1], |t| matches!(t, Tag::LeaderExample))
        {
            return (Gov::None, None);
        }
        (Gov::Example, Some(g - 1))
    }
}
