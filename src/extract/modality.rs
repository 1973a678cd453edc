//! Stage 4, modality and the other attributes of a clause's agreement: negation,
//! status (signed, announced, negotiating, planned, terminated), kind and date.

use super::frames::{noun, Clause, Noun, Triggers};
use super::{has, tags, Item, ItemKind, State};
use crate::dates::{self, Date, DateValue};
use crate::lexicon::{Kind, PlanWord, Relative, Status, Tag};

impl<'a> State<'a> {
    /// A negation or break-off in the clause ("has not signed", "talks broke
    /// down"), or the end of what was only planned or negotiated ("scrapped
    /// plans to form a joint venture", "avbröt förhandlingarna om ett avtal"):
    /// no agreement came about, and the actors go to the not-agreements.
    ///
    /// A negation inside a clause that hangs off the agreement ("an agreement
    /// that does not cover …", "… and says it will not …") is about something
    /// else: past the predicate, a relative pronoun, complementizer or comment
    /// verb ends the negation's reach.
    pub(super) fn negated(&self, cl: &Clause, tr: &Triggers) -> bool {
        let inp = self.inp;
        let any = |f: fn(&Tag) -> bool| (cl.lo..cl.hi).any(|k| has(inp, &cl.items[k], f));
        let head = tr.pivot.max(tr.main.unwrap_or(tr.pivot));
        let reach = (head + 1..cl.hi)
            .find(|&k| {
                has(inp, &cl.items[k], |t| {
                    matches!(t, Tag::Which | Tag::Complementizer | Tag::Comment)
                })
            })
            .unwrap_or(cl.hi);
        // (nor in a subordinate clause with a subject of its own, up to its
        // comma: "A and B ended the cooperation after the pipeline was
        // shelved"; not "A, when X was renamed, is not part of the talks")
        let subordinate = |k: usize| {
            (head + 1..k).any(|s| {
                self.opens_subject_clause(cl, s, |t| matches!(t, Tag::Subordinator))
                    && !(s + 1..k).any(|j| self.is_comma(&cl.items[j]))
            })
        };
        // before the head, a comment verb or ", and"/", but" ends the
        // negation's reach too: "Terms were not disclosed, and the partners
        // said they aim to finalise an agreement". Not ", while": a clause
        // the clause reader leaves joined to the one before keeps that one's
        // subject, and the negation is what keeps the pair from reading as
        // parties ("X would not ban Y, while the vendor has signed an MoU")
        let last_cut = (cl.lo..head).rev().find(|&j| {
            has(inp, &cl.items[j], |t| matches!(t, Tag::Comment))
                || self
                    .comma_conj(cl.items, j)
                    .is_some_and(|c| !matches!(c, "while" | "medan"))
        });
        let cut = |k: usize| last_cut.is_some_and(|c| c > k);
        (cl.lo..reach).any(|k| {
            has(inp, &cl.items[k], |t| matches!(t, Tag::Negation))
                && !cut(k)
                && !subordinate(k)
                && !self.contrast_at(cl.items, cl.lo, k)
        })
            // a condition before the head: "… if it won a contract with
            // Poland" (not after it: "The agreement, if approved, …")
            || (cl.lo..head).any(|k| self.condition_at(cl, k) && !cut(k))
            || (any(|t| matches!(t, Tag::Status(Status::Terminated)))
                && any(|t| matches!(t, Tag::Status(Status::Planned | Status::Negotiating))))
            || self.talks_broken_off(cl)
    }

    /// Whether the negation at `k` opens a contrast after a comma ("will be
    /// served from Japan, not from Kansas", "med Telia, inte med Volvo"):
    /// a function word after it that is no auxiliary. It negates nothing,
    /// and names no party.
    pub(super) fn contrast_at(&self, items: &[Item], lo: usize, k: usize) -> bool {
        let inp = self.inp;
        k > lo
            && has(inp, &items[k], |t| matches!(t, Tag::Negation))
            && self.is_comma(&items[k - 1])
            && items.get(k + 1).is_some_and(|x| {
                let w = self.folded(x);
                matches!(x.kind, ItemKind::Word | ItemKind::Phrase(_))
                    && !has(inp, x, Tag::predicate)
                    && inp.lexicon.is_function_word(w)
                    && !inp.lexicon.is_auxiliary(w)
            })
    }

    /// A conjunction of a condition at `k` that opens a clause with a
    /// subject of its own: a name, a pronoun or a determiner after it ("if
    /// it won", "if Saab wins", "if the board approves"; not "If approved,
    /// the deal …", which is about the deal's approval).
    fn condition_at(&self, cl: &Clause, k: usize) -> bool {
        self.opens_subject_clause(cl, k, |t| matches!(t, Tag::Conditional))
    }

    /// Whether the item at `k` is a conjunction (`conjunction` says which
    /// tag) with a subject of its own after it: a name, a pronoun or a
    /// determiner.
    fn opens_subject_clause(&self, cl: &Clause, k: usize, conjunction: fn(&Tag) -> bool) -> bool {
        let (inp, items) = (self.inp, cl.items);
        has(inp, &items[k], conjunction)
            && items.get(k + 1).is_some_and(|x| {
                self.mention(x).is_some()
                    || self.pronoun(x)
                    || has(inp, x, |t| matches!(t, Tag::Determiner))
            })
    }

    /// Where what the clause's agreement provides begins: its first
    /// `relative_with` phrase ("under which", "enligt vilket"), else its end.
    fn provisions_at(&self, cl: &Clause) -> usize {
        (cl.lo..cl.hi)
            .find(|&k| self.relative_with(&cl.items[k]))
            .unwrap_or(cl.hi)
    }

    /// Talks in the clause that it, or a later clause of the sentence, says
    /// broke off: "A held talks to buy B, but the talks ended without a deal",
    /// "… men samtalen avbröts i maj", "strandade förhandlingarna med B";
    /// or a plan that a later clause says
    /// was given up: "A studied a merger with B, but in February the
    /// companies dropped the plans".
    fn talks_broken_off(&self, cl: &Clause) -> bool {
        const REACH: usize = 4;
        let (inp, items) = (self.inp, cl.items);
        if items[cl.hi..]
            .iter()
            .any(|x| has(inp, x, |t| matches!(t, Tag::DroppedPlans)))
        {
            return true;
        }
        let talks = (cl.lo..cl.hi).find(|&k| {
            has(inp, &items[k], |t| {
                matches!(t, Tag::Status(Status::Negotiating))
            })
        });
        let Some(talks) = talks else {
            return false;
        };
        // (or the clause itself, past a relative clause on the talks: "Its
        // talks with B on a merger that would have created … were called
        // off")
        // (or, inverted, right before the talks: "När A tog över B strandade
        // förhandlingarna med C", "the collapsed talks with C")
        (talks.saturating_sub(1)..cl.hi)
            .any(|k| k != talks && has(inp, &items[k], |t| matches!(t, Tag::BreakOff)))
            || (cl.hi..items.len()).any(|k| {
                // (or "but they": "…, but they came to nothing")
                let they = k > 0
                    && crate::lexicon::TALK_PRONOUNS.contains(&self.folded(&items[k]))
                    && crate::lexicon::BUT.contains(&self.folded(&items[k - 1]));
                (self.talk_word(&items[k]) || they)
                    && items[k + 1..items.len().min(k + 1 + REACH)]
                        .iter()
                        .any(|x| has(inp, x, |t| matches!(t, Tag::BreakOff)))
            })
    }

    /// The status the clause's predicates give. Plans and talks outrank the verb
    /// they govern ("plan to sign", "negotiating an agreement to be signed"), a
    /// signing outranks its announcement ("announced that they have signed"),
    /// and an ending outranks everything ("the agreement signed in 2001 was
    /// terminated").
    pub(super) fn status(&self, cl: &Clause, tr: &Triggers) -> Status {
        let inp = self.inp;
        // (a verb after "under which" says what the agreement provides,
        // not whether it was signed)
        let provisions = self.provisions_at(cl);
        let verb_status = tr.verb.filter(|&v| v < provisions).and_then(|v| {
            tags(inp, &cl.items[v]).iter().find_map(|t| match t {
                Tag::AgreementVerb { status, .. } => Some(*status),
                _ => None,
            })
        });
        // "talks on a planned tie-up": a plan named as the noun's attribute
        // ("a planned", "ett planerat": the language file's `attributive`
        // statuses) is what the talks are about; they set the status
        let attributive = |k: usize| has(inp, &cl.items[k], |t| matches!(t, Tag::AttributivePlan));
        let agreement_at = |j: usize| {
            has(inp, &cl.items[j], |t| {
                matches!(t, Tag::Agreement { .. } | Tag::AgreementVerb { .. })
            })
        };
        // ("signed an MoU on heat from the planned plant": a plan of
        // something else than an agreement sets no status)
        let plans_other = |k: usize| !(k + 1..cl.hi.min(k + 4)).any(agreement_at);
        let talks = (cl.lo..cl.hi).any(|k| {
            has(inp, &cl.items[k], |t| {
                matches!(t, Tag::Status(Status::Negotiating))
            })
        });
        // ("has agreed to sell a stake to B, as the developer seeks to
        // shore up its finances": a plan after a comma past the predicate,
        // in a tail that names no agreement, is not the agreement's)
        let tail_plan = |k: usize| {
            (tr.pivot + 1..k).any(|j| {
                self.is_comma(&cl.items[j])
                    && !(j + 1..cl.hi).any(agreement_at)
                    && !(j + 1..k).any(|i| self.mention(&cl.items[i]).is_some())
            })
        };
        // "after months of talks", "efter flera års förhandlingar": talks a
        // few words after `after` are over and set no status
        let over = |k: usize| {
            (cl.lo.max(k.saturating_sub(5))..k).any(|j| {
                has(inp, &cl.items[j], |t| matches!(t, Tag::AfterTalks))
                    && (j + 1..k).all(|i| {
                        self.mention(&cl.items[i]).is_none()
                            && !has(inp, &cl.items[i], |t| {
                                matches!(
                                    t,
                                    Tag::Status(_)
                                        | Tag::Agreement { .. }
                                        | Tag::AgreementVerb { .. }
                                )
                            })
                    })
            })
        };
        // "signed an agreement to set up a joint venture", "agreed to form
        // the venture": an infinitive after a signing says what was agreed,
        // it makes no plan of the signing
        let signed_before = |k: usize| {
            (cl.lo..k).any(|j| {
                has(inp, &cl.items[j], |t| {
                    matches!(
                        t,
                        Tag::Status(Status::Signed)
                            | Tag::AgreementVerb {
                                status: Status::Signed,
                                ..
                            }
                    )
                })
            })
        };
        // (also when "to" is a word of its own before the plan, after the
        // signed agreement's noun: "signed an MoU to explore a plant", not
        // "agreed to explore a joint venture", which plans the venture)
        let content = |k: usize| {
            let w = self.folded(&cl.items[k]);
            let to_before = k > cl.lo && tr.main.is_some_and(|n| n < k - 1) && {
                let prev = self.folded(&cl.items[k - 1]);
                infinitive(prev) || matches!(prev, "to" | "att" | "om att")
            };
            (infinitive(w) || to_before) && signed_before(k)
        };
        // "signed an MoU that paved the way for talks": talks in a relative
        // clause on the agreement noun are what it led to, not its status
        let which_at = tr.main.and_then(|n| {
            (n + 1..cl.hi).find(|&j| has(inp, &cl.items[j], |t| matches!(t, Tag::Which)))
        });
        let relative = |k: usize| which_at.is_some_and(|w| w < k);
        // "a licence deal with B that ended a long dispute": an ending with
        // an object of its own (a determiner after it) in such a clause is
        // what the agreement did, not its end ("which was terminated" is)
        let ends_object = |k: usize| {
            relative(k)
                && cl
                    .items
                    .get(k + 1)
                    .is_some_and(|x| k + 1 < cl.hi && has(inp, x, |t| matches!(t, Tag::Determiner)))
        };
        verb_status
            .into_iter()
            .chain(self.inverted_plan(cl).then_some(Status::Planned))
            .chain(self.split_status(cl))
            .chain((cl.lo..cl.hi).flat_map(|k| {
                tags(inp, &cl.items[k]).iter().filter_map(move |t| match t {
                    Tag::Status(Status::Planned) if talks && attributive(k) => None,
                    Tag::Status(Status::Planned) if attributive(k) && plans_other(k) => None,
                    Tag::Status(Status::Planned) if tail_plan(k) => None,
                    Tag::Status(Status::Planned) if content(k) => None,
                    Tag::Status(Status::Negotiating) if over(k) || relative(k) => None,
                    Tag::Status(Status::Terminated) if ends_object(k) => None,
                    Tag::Status(s) => Some(*s),
                    _ => None,
                })
            }))
            .max_by_key(|s| match s {
                Status::Terminated => 4,
                Status::Planned => 3,
                Status::Negotiating => 2,
                Status::Signed => 1,
                Status::Announced => 0,
            })
            .map(|s| match s {
                // "announced two binding contracts with A": a binding
                // agreement announced is one concluded
                Status::Announced if self.binding_noun(cl, tr) => Status::Signed,
                s => s,
            })
            .unwrap_or(Status::Signed)
    }

    /// A `binding` word ("binding", "bindande"; not after a negator,
    /// "non-binding") opening the clause's agreement noun ("binding
    /// agreement") or right before it ("binding contracts").
    fn binding_noun(&self, cl: &Clause, tr: &Triggers) -> bool {
        let lexicon = &self.inp.lexicon;
        tr.main.is_some_and(|n| {
            (cl.lo.max(n.saturating_sub(2))..=n).any(|k| {
                let w = self.folded(&cl.items[k]);
                let before = &self.inp.folded[..cl.items[k].start];
                let binding = lexicon.binding.iter().any(|b| {
                    w.strip_prefix(b.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                });
                let negated = lexicon.binding_negators.iter().any(|p| {
                    before
                        .strip_suffix(['-', ' '])
                        .is_some_and(|b| b.ends_with(p.as_str()))
                });
                binding && !negated
            })
        })
    }

    /// A particle verb with its subject between verb and particle, in
    /// Swedish inverted word order: "I juni sade BMW upp avtalet" is "sade
    /// upp" (the language file's `particles`, with its two-word statuses).
    /// The first in the clause.
    fn split_status(&self, cl: &Clause) -> Option<Status> {
        self.split_verbs(cl.items, cl.lo, cl.hi)
            .first()
            .map(|&(_, _, st)| st)
    }

    /// The particle verbs in `items[lo..hi]` whose subject stands between
    /// verb and particle: (verb, particle, status), by the verb's index.
    pub(super) fn split_verbs(
        &self,
        items: &[Item],
        lo: usize,
        hi: usize,
    ) -> Vec<(usize, usize, Status)> {
        let split = &self.inp.lexicon.split_status;
        if split.is_empty() {
            return Vec::new();
        }
        let word = |x: &Item| matches!(x.kind, ItemKind::Word | ItemKind::Phrase(_));
        (lo..hi)
            .filter(|&k| word(&items[k]))
            .filter_map(|k| {
                let j = (k + 1..hi)
                    .find(|&j| !self.in_name_list(&items[j]))
                    .unwrap_or(hi);
                if j == k + 1 || j >= hi || !word(&items[j]) {
                    return None;
                }
                let pair = format!("{} {}", self.folded(&items[k]), self.folded(&items[j]));
                split.get(&pair).map(|&st| (k, j, st))
            })
            .collect()
    }

    /// A Swedish plan with the subject after the finite verb (V2 word order
    /// after a fronted adverb): "Därefter planerar Vattenfall att teckna …",
    /// "Nu ska SSAB och LKAB bilda …". The verb, then names (and the words
    /// that describe them), then `att` or the infinitive.
    /// The words are the language file's `[inverted_plan]` table.
    fn inverted_plan(&self, cl: &Clause) -> bool {
        let items = cl.items;
        let role = |k: usize, r: PlanWord| has(self.inp, &items[k], |t| *t == Tag::Plan(r));
        // (the verb may open the clause, after an adverbial cut off before
        // it: "Enligt beslutet ska kommunen och Fortum bilda …")
        (cl.lo..cl.hi.saturating_sub(2)).any(|k| {
            let (plan, modal) = (role(k, PlanWord::Verb), role(k, PlanWord::Modal));
            // (or an anaphor: "Dessutom planerar regionen att teckna …")
            let anaphor = self.company_anaphor(items, k + 1, cl.lo)
                || has(self.inp, &items[k + 1], |t| {
                    matches!(t, Tag::PartiesAnaphor)
                });
            if !(plan || modal) || (self.mention(&items[k + 1]).is_none() && !anaphor) {
                return false;
            }
            let from = if anaphor { k + 2 } else { k + 1 };
            let after = (from..cl.hi).find(|&j| {
                self.mention(&items[j]).is_none()
                    && !has(self.inp, &items[j], |t| matches!(t, Tag::Coord))
                    && !self.is_comma(&items[j])
            });
            after.is_some_and(|j| {
                (plan && role(j, PlanWord::Marker)) || (modal && role(j, PlanWord::Infinitive))
            })
        })
    }

    /// The kind: the most specific description in the clause, refined by cue
    /// words for generic ones ("an agreement on supplies" → offtake).
    pub(super) fn clause_kind(&self, cl: &Clause, tr: &Triggers, split: bool) -> (Kind, u8) {
        let inp = self.inp;
        let items = cl.items;
        let nouns = self.clause_kind_nouns(cl, tr, split);
        let (kind, rank) = self.clause_verb_kind(cl, tr);
        let inherited = cl.inherited_trigger.and_then(|t| noun(inp, &items[t]));
        let (mut kind, mut rank, generic) =
            self.clause_noun_kind(cl, &nouns, inherited, kind, rank);
        if tr.main.is_none() && tr.verb.is_none() && inherited.is_none() && tr.joint.is_none() {
            kind = Kind::Other;
        }
        // "Tele2 owns Net4Mobility together with Telenor": owning together
        // is a joint venture
        if tr.main.is_none()
            && tr.verb.is_none()
            && tr.joint.is_some()
            && (cl.lo..cl.hi).any(|k| {
                let verb = self.folded(&items[k]);
                inp.lexicon.owning_verbs.contains(verb)
                    // (a business named right after it or its subject,
                    // not a project: "driver forskningsprojektet SUM
                    // tillsammans med B" is a cooperation)
                    || (inp.lexicon.operating_verbs.contains(verb)
                        && (k + 1..cl.hi.min(k + 3)).any(|j| {
                            self.mention(&items[j]).is_some()
                                && self.owned(items, j, cl.lo)
                                && (k + 1..j).all(|s| self.mention(&items[s]).is_some())
                        }))
            })
        {
            kind = Kind::JointVenture;
            rank = rank.max(2);
        }
        // a verb of agreeing refines like a generic noun ("kommit överens om leveranser")
        if generic || (rank == 0 && kind == Kind::Cooperation && tr.verb.is_some()) {
            if let Some(k) = self.clause_kind_cue(cl, &nouns) {
                // a kind the content makes certain is more specific than a bare
                // "agreement" (a heading's "i avtal om el" gives way to it)
                if k != kind {
                    rank = rank.max(2);
                }
                kind = k;
            }
        }
        (kind, rank)
    }

    /// The agreement nouns of a clause that may give its kind: plural nouns
    /// describe other agreements, unless they are the ones split (or no
    /// singular one is there); a noun in apposition to a name gives none
    /// when another trigger of a specific kind is in the clause.
    fn clause_kind_nouns(&self, cl: &Clause, tr: &Triggers, split: bool) -> Vec<usize> {
        let inp = self.inp;
        let items = cl.items;
        // (another trigger of a specific kind: a loan, a supply deal; "signed
        // an agreement to form Novo Energy, a joint venture owned by …" is
        // the joint venture)
        let specific = |k: usize| {
            has(inp, &items[k], |t| {
                matches!(
                    t,
                    Tag::Agreement {
                        generic: false,
                        kind: Kind::Investment | Kind::Offtake,
                        ..
                    } | Tag::AgreementVerb {
                        kind: Kind::Investment | Kind::Offtake,
                        ..
                    }
                )
            })
        };
        let others = tr.nouns.iter().chain(tr.verb.iter()).any(|&k| specific(k));
        tr.nouns
            .iter()
            .copied()
            // (a plural noun gives the kind when no singular one does:
            // "made investments in Northvolt")
            .filter(|&k| split || tr.all_plural || !noun(inp, &items[k]).is_some_and(|n| n.plural))
            .filter(|&k| !(others && self.apposed_noun(cl, k)))
            .collect()
    }

    /// "a loan to BlueOval SK, the joint venture of Ford and SK On": whether
    /// the noun at `k` stands in an apposition to a name, which it describes.
    fn apposed_noun(&self, cl: &Clause, k: usize) -> bool {
        let items = cl.items;
        let mut j = k;
        let mut words = 0;
        while j > cl.lo && words < 3 {
            j -= 1;
            if self.is_comma(&items[j]) {
                return j > cl.lo && self.mention(&items[j - 1]).is_some() && words > 0;
            }
            // (a verb between says it is a clause: "Acme, according to
            // Reuters, signed a supply deal")
            if !matches!(items[j].kind, ItemKind::Word | ItemKind::Phrase(_))
                || self.mention(&items[j]).is_some()
                || has(self.inp, &items[j], |t| {
                    matches!(t, Tag::Status(_) | Tag::AgreementVerb { .. })
                })
            {
                return false;
            }
            words += 1;
        }
        false
    }

    /// The kind and rank the clause's agreement verb gives, if any (else a
    /// cooperation of rank 0).
    fn clause_verb_kind(&self, cl: &Clause, tr: &Triggers) -> (Kind, u8) {
        let inp = self.inp;
        let items = cl.items;
        let mut kind = Kind::Cooperation;
        let mut rank = 0;
        // "The agreement will provide a framework …": a verb whose subject is
        // the agreement noun says what the agreement does, not its kind
        // ("a deal to acquire …" says what it is about: an infinitive is kept)
        let verb = tr.verb.filter(|&v| {
            let infinitive = {
                let w = self.folded(&items[v]);
                w.starts_with("to ") || w.starts_with("att ")
            };
            infinitive
                || !(v > cl.lo && has(inp, &items[v - 1], |t| matches!(t, Tag::Agreement { .. })))
        });
        if let Some(v) = verb {
            if let Some(Tag::AgreementVerb { kind: k, .. }) = tags(inp, &items[v])
                .iter()
                .find(|t| matches!(t, Tag::AgreementVerb { .. }))
            {
                kind = *k;
                // a verb of a specific kind ("acquire", "lent") outranks a bare "deal"
                if kind != Kind::Cooperation {
                    rank = 2;
                }
                // founding a company together is as specific as "joint venture"
                if self.founds_venture(&items[v]) {
                    rank = 4;
                }
            }
            // what is bought or acquired is a stake: "acquired a 25 per cent
            // stake in", "köper en ägarandel i" is an investment
            let invests = || (cl.lo..cl.hi).any(|x| self.investment_trigger(&items[x]));
            if matches!(kind, Kind::Other | Kind::Offtake) && invests() {
                kind = Kind::Investment;
            }
        }
        (kind, rank)
    }

    /// The kind and rank after the clause's agreement nouns (`nouns`, and the
    /// one a relative clause inherits) refine those of its verb, and whether
    /// the noun that gave them is generic.
    fn clause_noun_kind(
        &self,
        cl: &Clause,
        nouns: &[usize],
        inherited: Option<Noun>,
        mut kind: Kind,
        mut rank: u8,
    ) -> (Kind, u8, bool) {
        let inp = self.inp;
        let items = cl.items;
        let mut generic = false;
        // "a Memorandum of Understanding for a partnership on …", "en
        // avsiktsförklaring om ett partnerskap": the noun after a preposition is
        // what the specific one before it is about, not its kind
        // (the object of a verb after it is what it sets up, and says its
        // kind: "a memorandum of understanding to form a joint venture")
        let complement = |k: usize| {
            nouns.iter().any(|&j| {
                j < k
                    && k - j <= 4
                    && noun(inp, &items[j]).is_some_and(|n| n.rank >= 3 && !n.generic)
                    && (j + 1..k).any(|x| {
                        has(inp, &items[x], |t| {
                            matches!(t, Tag::NotParty | Tag::OnBehalf)
                        })
                    })
                    && !(j + 1..k).any(|x| has(inp, &items[x], |t| matches!(t, Tag::Status(_))))
                    && !(j + 1..k).any(|x| has(inp, &items[x], |t| matches!(t, Tag::Coord)))
            })
        };
        // "a memorandum of understanding to form a joint venture", "en
        // avsiktsförklaring om att bilda ett samriskbolag": what the
        // agreement sets up (a noun after an infinitive plan) is its content,
        // which makes its kind the more specific one
        let purpose = |k: usize| {
            (k.saturating_sub(3).max(cl.lo)..k).any(|x| {
                let w = self.folded(&items[x]);
                infinitive(w)
                    && has(inp, &items[x], |t| {
                        matches!(t, Tag::Status(Status::Planned))
                    })
            })
        };
        // a verb of a specific kind says what a generic noun frames: "will
        // supply transformers to B under a framework agreement" is a supply deal
        let verb_kind = rank == 2;
        for (k, n) in nouns
            .iter()
            .filter(|&&k| !complement(k))
            .filter_map(|&k| noun(inp, &items[k]).map(|n| (Some(k), n)))
            .chain(inherited.map(|n| (None, n)))
        {
            let content = k.is_some_and(|k| k > cl.lo && purpose(k)) && n.rank >= 3;
            if n.generic && verb_kind && !content {
                continue;
            }
            if n.rank > rank || content {
                kind = n.kind;
                rank = n.rank.max(rank);
                generic = n.generic;
            }
        }
        (kind, rank, generic)
    }

    /// The kind a cue word after the clause's first noun gives a generic
    /// agreement: money, supplies, or what a relative clause says the
    /// parties do; up to the sentence's end, or to a later clause with an
    /// agreement noun of its own.
    fn clause_kind_cue(&self, cl: &Clause, nouns: &[usize]) -> Option<Kind> {
        let inp = self.inp;
        let items = cl.items;
        let from = nouns.first().copied().unwrap_or(cl.lo);
        let sent = &inp.sentences[cl.si];
        // (not past a later clause with an agreement noun of its own:
        // "inked a deal with A, days after it sealed a $1 billion credit
        // facility with B" is no investment with A)
        let own_noun = (cl.hi..items.len()).any(|k| {
            has(inp, &items[k], |t| {
                matches!(
                    t,
                    Tag::Agreement {
                        generic: false,
                        rank: 3..,
                        ..
                    }
                )
            })
        });
        let end = match items.get(cl.hi) {
            Some(x) if own_noun => x.start,
            _ => sent.end,
        };
        // (phrases are sorted by start)
        let at = inp.phrases.partition_point(|p| p.start < items[from].start);
        inp.phrases[at..]
            .iter()
            .take_while(|p| p.start < end)
            .filter(|p| p.end <= end)
            .find_map(|p| {
                p.tags.iter().find_map(|t| match t {
                    // (money after a word of value is what the deal is
                    // worth, not an investment: "a contract worth $200
                    // million", "ett kontrakt värt 200 miljoner kronor")
                    Tag::KindCue(Kind::Investment) if inp.lexicon.valued(inp.folded, p.start) => {
                        None
                    }
                    Tag::KindCue(k) => Some(*k),
                    // "ett avtal, där Fortum köper el": what a relative
                    // clause says the parties do
                    Tag::AgreementVerb { kind: k, .. }
                        if *k != Kind::Cooperation && p.start > items[from].start =>
                    {
                        Some(*k)
                    }
                    _ => None,
                })
            })
    }

    /// Whether `it` is a date right after one of `words` (folded): "until"
    /// in "until 2030", "since" in "since 2019".
    pub(super) fn date_after(&self, it: &Item, words: &[String]) -> bool {
        match it.kind {
            ItemKind::Date(d) => self.word_before_date(d, words),
            _ => false,
        }
    }

    /// Whether the date expression `d` comes right after one of `words`
    /// (folded): "since" in "since 2019", "last" in "last October".
    fn word_before_date(&self, d: usize, words: &[String]) -> bool {
        let folded = self.inp.folded;
        let end = self.dates[d].start;
        let mut from = end.saturating_sub(24);
        while !folded.is_char_boundary(from) {
            from -= 1;
        }
        let before = folded[from..end].trim_end();
        words.iter().any(|w| {
            before.strip_suffix(w.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
            })
        })
    }

    /// The date: the expression nearest the predicate in this clause, else the
    /// date of a summary sentence just before. Also says whether the clause had
    /// a date expression at all (then the dateline is no fallback).
    /// A weekday ("on Tuesday") is resolved against a dateline written in
    /// the text only, as the gold standard reads an article; of a planned
    /// agreement ("will sign on Monday") it is after the dateline, by an
    /// unknown number of days: no date.
    pub(super) fn clause_date(
        &self,
        cl: &Clause,
        tr: &Triggers,
        status: Status,
    ) -> (Option<Date>, bool) {
        // "extended the partnership until 2030": the end of a term
        let until = |k: usize| self.date_after(&cl.items[k], &self.inp.lexicon.until);
        // (an agreement ended is dated by its ending: "The agreement, signed
        // in 2019, expired in March" ended in March)
        let ending = (status == Status::Terminated)
            .then(|| {
                (cl.lo..cl.hi).rfind(|&k| {
                    has(self.inp, &cl.items[k], |t| {
                        matches!(t, Tag::Status(Status::Terminated))
                    })
                })
            })
            .flatten();
        let pivot = ending.unwrap_or(tr.pivot);
        // (whose end of term is the ending: "expired in March")
        // (a date after "under which" is one of what the agreement provides:
        // "an MoU under which fuel will be supplied from 2023")
        // (a date in an apposition that describes a name before the
        // predicate is the name's, when the clause has another: "Oxford
        // Nanopore, founded in 2005, formed a partnership with B in April
        // 2023")
        let described = self.described_dates(cl, pivot);
        let dated = |k: usize| {
            matches!(cl.items[k].kind, ItemKind::Date(_)) && (ending.is_some() || !until(k))
        };
        let elsewhere =
            (cl.lo..self.provisions_at(cl)).any(|k| dated(k) && !described.contains(&k));
        let near = (cl.lo..self.provisions_at(cl))
            .filter(|&k| dated(k) && !(elsewhere && described.contains(&k)))
            // (an ending's own date comes after it: "signed in 2019, ended in March")
            .min_by_key(|&k| {
                (
                    (k as isize - pivot as isize).abs(),
                    ending.is_some() && k < pivot,
                )
            });
        if let Some(ItemKind::Date(d)) = near.map(|k| cl.items[k].kind) {
            return (self.resolved_date(d, status), true);
        }
        // (an opening phrase's date: "Under the agreement signed in May
        // 2023, A will acquire …")
        if let Some((d, _)) = self.opener_date.filter(|(_, s)| *s == cl.si) {
            return (Some(d), true);
        }
        let summary = self
            .summary_date
            .filter(|(_, s)| cl.si <= s + 4)
            .map(|(d, _)| d);
        (summary, false)
    }

    /// The items inside appositions that describe a name before `pivot`: a
    /// comma right after a name, then no preposition ("on Monday" dates the
    /// clause), up to the next comma.
    fn described_dates(&self, cl: &Clause, pivot: usize) -> Vec<usize> {
        let items = cl.items;
        let mut out = Vec::new();
        for c in cl.lo + 1..pivot {
            if !self.is_comma(&items[c]) || self.mention(&items[c - 1]).is_none() {
                continue;
            }
            let opens = items.get(c + 1).is_some_and(|x| {
                !matches!(x.kind, ItemKind::Date(_))
                    && !has(self.inp, x, |t| matches!(t, Tag::NotParty))
            });
            if !opens {
                continue;
            }
            if let Some(close) = (c + 2..pivot.min(c + 16)).find(|&k| self.is_comma(&items[k])) {
                out.extend(c + 1..close);
            }
        }
        out
    }

    /// The date of the date expression `d` for an agreement of `status`:
    /// resolved against the dateline and the dates before it; none for a
    /// weekday of a plan, or with no dateline in the text.
    pub(super) fn resolved_date(&self, d: usize, status: Status) -> Option<Date> {
        let planned = status == Status::Planned;
        let v = self.dates[d].value;
        if (planned || !self.inp.dateline_in_text)
            && matches!(
                v,
                DateValue::Relative(Relative::WeekdayRecent(_) | Relative::WeekdayLast(_))
            )
        {
            return None;
        }
        let cx = self.date_context(self.dates[d].start);
        let mut date = dates::resolve(v, &cx);
        // "In July it tapped Livent", in a report of March: a month the
        // text gives no year for, of an event that has happened, is the
        // last such month before the report, not a later one, whatever
        // year the text named before it ("in October 2022 … In April it
        // agreed to acquire", in a report of October 2023, is April 2023).
        // (Within a month of the report it is more often the near future,
        // which Swedish states in the present: "På tisdag den 15 januari
        // skriver A och B under".)
        // (and the date of a report on talks: "A has been negotiating
        // with B, the New York Times reported in December")
        let past = matches!(
            status,
            Status::Signed | Status::Announced | Status::Terminated
        ) || self.reported_at(self.dates[d].start);
        if let (DateValue::NoYear { .. }, Some(now), Some(x)) = (v, cx.dateline, date.as_mut()) {
            let months = |d: &Date| i64::from(d.y) * 12 + i64::from(d.m.unwrap_or(1));
            if past && now.m.is_some() && months(x) - months(&now) >= 2 {
                x.y -= 1;
            }
        }
        // "last October", in a report of October or of September: the
        // October of the year before
        let last_named = self.word_before_date(d, &self.inp.lexicon.last_named);
        if let (DateValue::NoYear { .. }, true, Some(now), Some(x)) =
            (v, last_named, cx.dateline, date.as_mut())
        {
            if now
                .m
                .is_some_and(|nm| x.y == now.y && x.m.is_some_and(|xm| xm >= nm))
            {
                x.y -= 1;
            }
        }
        date
    }

    /// Whether a verb of saying or reporting ends right before `at`, a
    /// preposition ("in", "i", "on", "på") between: "reported in December".
    fn reported_at(&self, at: usize) -> bool {
        let before = self.inp.folded[..at].trim_end();
        let before = ["in", "on", "i", "på"]
            .iter()
            .find_map(|p| {
                before
                    .strip_suffix(p)
                    .filter(|b| b.ends_with(' '))
                    .map(str::trim_end)
            })
            .unwrap_or(before);
        let end = before.len();
        let ps = self.inp.phrases;
        ps[..ps.partition_point(|p| p.start < end)]
            .iter()
            .rev()
            .take(3)
            .any(|p| p.end == end && p.tags.iter().any(|t| matches!(t, Tag::Comment)))
    }
}

/// Whether a folded status phrase is an infinitive ("to set up", "att
/// bilda", "om att bilda"): a plan's content, not a plan by itself.
pub(super) fn infinitive(w: &str) -> bool {
    ["to ", "att ", "om att "].iter().any(|p| w.starts_with(p))
}
