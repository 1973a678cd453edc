//! Stages 2 and 3 for one clause: the triggers (agreement nouns, verbs and
//! status predicates), and the frame patterns that fill the party, counterparty
//! and signatory roles from the actor phrases around them.
//!
//! Each pattern that fires adds its name to the agreement's `rule`, which
//! `--explain` shows and `pactgraph eval --by-rule` counts:
//!
//! | pattern | what it takes |
//! |---|---|
//! | `between` | the chain after `between`/`mellan` ("an MoU between A and B") |
//! | `subject` | the ungoverned chain nearest the predicate ("A and B signed …") |
//! | `relative` | the antecedent of `which`/`som` ("… Beta, which signed an MoU with …") |
//! | `opener` | the subject after an opening phrase that names an actor ("Following talks with B, A signed …": A's talks with B) |
//! | `company-anaphor` | "the company", "Bolaget", "it" → the company last named |
//! | `parties-anaphor` | "the two companies", "parterna" → a pair named before it, the speakers after it ("…, A and B said"), or the parties of the last agreement |
//! | `genitive` | "JARE:s avtal med Lynas" |
//! | `speaker` | a comment verb's speaker before a definite agreement noun ("A said the partnership with B …") |
//! | `possessor` | "its"/"dess" opening the agreement noun phrase of a clause with no subject: the company last named ("Its joint venture with B …") |
//! | `carried-subject` | a clause naming only counterparts continues the last subject ("Similar agreements have been established with A and B") |
//! | `with` | the chain after `with`/`med`/`together with` |
//! | `by` | the chain after `by`/`av` in a passive ("was signed by A and B") |
//! | `noun-with` | with `by`, the counterpart the agreement noun names before the passive verb ("An agreement with B was signed by A") |
//! | `heading` | a bulleted line with no subject under a heading that is one name (a fact box: "BMW" / "* Picked A and B to supply cells"): the heading's actor |
//! | `object` | the object of a verb that states the agreement ("lent Northvolt") |
//! | `relative-object` | the antecedent of a relative clause with its own subject and a verb of buying ("Vonage, which Ericsson bought in 2022") |
//! | `relative-with` | the antecedent of a relative clause with its own subject that leaves its `with` behind or opens with it ("Supabase, which Lovable has a partnership with", "Einride, with which Ericsson signed …") |
//! | `counterpart` | the other side of a transaction ("invest … in B", "buy … from B") |
//! | `on-behalf` | the body a person signs for ("undertecknade för Sverige") |
//! | `affiliation` | a signatory's organisation when only one side is named |
//! | `each` | a plural noun or a colon list after `with`: one agreement per listed party |
//! | `group` | a counted counterpart after `with` ("with a group of eight airlines"), named in the next sentences |
//! | `we` | an unattributed "we"/"vi" → the speaker's organisation, or the document's voice (a press release's issuer, an interview's guest) |
//! | `project` | a loan or investment to "the project", "bygget" → the company the text is about |
//! | `topic` | a `with` counterpart alone, with an indefinite agreement noun and no subject ("A supply deal with Scania was signed"): the other side is the company the text is about |
//! | `list-topic` | a subject alone in an item of a list that a colon opens ("Much of the output is sold:" / "- Scania signed a supply agreement"): the other side is the company the text is about |
//! | `unnamed` | talks with a group the text does not name ("in talks with several carmakers", "enligt A pågår samtal med flera kunder"): one party's negotiating agreement |

use super::{has, tags, Agreement, Chain, Gov, Item, ItemKind, NotAgreement, State};
use crate::dates::Date;
use crate::gazetteer::ActorType;
use crate::lexicon::{Kind, SaleRole, Status, Tag};
use crate::segment::{Block, BlockKind};
use std::collections::BTreeSet;

/// The quotation marks a quote opens or closes with.
const QUOTE_MARKS: [char; 3] = ['"', '“', '”'];

/// How many sentences back a parties anaphor may find the actors of a denied
/// or broken-off agreement.
const NOT_AGREEMENT_REACH: usize = 3;

/// One clause of a sentence, with what a relative clause inherits from its
/// main clause.
pub(super) struct Clause<'c> {
    pub si: usize,
    pub items: &'c [Item],
    pub lo: usize,
    pub hi: usize,
    /// The agreement noun a relative clause hangs on ("an MoU, which …").
    pub inherited_trigger: Option<usize>,
    /// The chain a relative pronoun stands for ("Beta, som …").
    pub inherited_subject: Option<Vec<usize>>,
    /// The inherited chain is a counterpart of the main clause ("signed
    /// agreements with A and B, which together foresee …").
    pub inherited_counterparts: bool,
    /// The inherited subject is the one after an opening phrase ("Following
    /// talks with B, A signed …"): pattern `opener`, not `relative`.
    pub opener: bool,
    pub block: &'c Block,
}

impl<'c> Clause<'c> {
    /// A clause that inherits nothing.
    pub fn plain(si: usize, items: &'c [Item], lo: usize, hi: usize, block: &'c Block) -> Self {
        Clause {
            si,
            items,
            lo,
            hi,
            inherited_trigger: None,
            inherited_subject: None,
            inherited_counterparts: false,
            opener: false,
            block,
        }
    }

    fn range(&self) -> std::ops::Range<usize> {
        self.lo..self.hi
    }
}

/// The agreement facts of one agreement-noun phrase.
#[derive(Debug, Clone, Copy)]
pub(super) struct Noun {
    pub kind: Kind,
    pub rank: u8,
    pub generic: bool,
    pub definite: bool,
    pub plural: bool,
}

pub(super) fn noun(inp: &super::Input, it: &Item) -> Option<Noun> {
    tags(inp, it).iter().find_map(|t| match t {
        Tag::Agreement {
            kind,
            rank,
            generic,
            definite,
            plural,
            ..
        } => Some(Noun {
            kind: *kind,
            rank: *rank,
            generic: *generic,
            definite: *definite,
            plural: *plural,
        }),
        _ => None,
    })
}

/// Stage 2: where the clause's triggers stand.
pub(super) struct Triggers {
    /// Agreement nouns.
    pub nouns: Vec<usize>,
    /// The first agreement noun.
    pub main: Option<usize>,
    /// The first verb that states an agreement ("join forces", "kommit överens").
    pub verb: Option<usize>,
    /// The first status predicate ("signed", "are negotiating").
    pub status_at: Option<usize>,
    /// Every agreement noun is plural ("signed four MoUs").
    pub all_plural: bool,
    /// The predicate the roles are found around.
    pub pivot: usize,
    /// The verb is the infinitive complement of an object of the status
    /// predicate: "A has selected B to supply turbines", "A awarded B a
    /// contract to deliver rigs". The status predicate is the pivot.
    pub complement: bool,
    /// The first trigger.
    pub first: usize,
    /// A preposition of joint action that stands for the trigger
    /// ("utvecklar ett vaccin tillsammans med Pfizer").
    pub joint: Option<usize>,
}

/// Whether `PACTGRAPH_TRACE_RULES` is set (read once).
fn trace_rules() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("PACTGRAPH_TRACE_RULES").is_some())
}

/// What a parties anaphor ("the two carmakers", "parterna") may stand for.
#[derive(Clone, Copy)]
struct Referent {
    /// Organisations only, no countries ("the two carriers").
    organisations: bool,
    /// Companies only ("the three carmakers", "bolagen").
    companies: bool,
    /// Countries only ("the two countries", "länderna"), when there are.
    countries: bool,
    /// Countries and public bodies only ("the two governments").
    public: bool,
    /// How many, when the anaphor says ("the three companies").
    count: Option<usize>,
    /// Only a coordination of names earlier in the sentence or in the
    /// sentence before: two joined descriptions ("the Swedish utility and
    /// the Finnish group") say nothing of an agreement talked about before.
    coordinated: bool,
}

/// Stage 3: the roles the frame patterns fill.
#[derive(Default)]
pub(super) struct Frame {
    pub parties: BTreeSet<String>,
    pub persons: BTreeSet<String>,
    /// The parties of the first `with` list (split into pairs when `split`).
    pub with_parties: Vec<String>,
    /// The `with` lists of a split frame, one per preposition: "agreements
    /// with A in August, with B and C in September" is one with A and one
    /// with B and C.
    pub with_groups: Vec<Vec<String>>,
    /// The names of the patterns that fired, joined by `+`.
    pub rule: String,
    /// A pattern named the agreement's parties explicitly (so a definite noun
    /// such as "the agreement with B" states a new agreement).
    pub explicit: bool,
    /// A plural noun or colon list after `with`: one agreement per listed party.
    pub split: bool,
    /// The preposition before the first counterpart, and its parties.
    pub counterpart: Option<(usize, Vec<String>)>,
    /// The date written after each of `with_groups`, before the next one
    /// ("with A in January and with B in February").
    pub with_group_dates: Vec<Option<Date>>,
    /// Talks of one party with counterparts the text does not name ("in
    /// talks with several carmakers"): an agreement of one party.
    pub unnamed: bool,
}

impl Frame {
    fn fired(&mut self, pattern: &str) {
        if !self.rule.is_empty() {
            self.rule.push('+');
        }
        self.rule.push_str(pattern);
    }

    /// Adds `id` as a counterpart an anaphor or pronoun stands for ("with
    /// the company", "with us"), found by `pattern`.
    fn add_counterpart(&mut self, id: String, pattern: &str) {
        self.with_parties.push(id.clone());
        self.parties.insert(id);
        self.explicit = true;
        self.fired(pattern);
    }

    /// Whether the pattern fired.
    fn has_fired(&self, pattern: &str) -> bool {
        self.rule.split('+').any(|r| r == pattern)
    }
}

impl<'a> State<'a> {
    /// Handles one clause; returns whether it stated an agreement.
    pub(super) fn clause(&mut self, cl: Clause) -> bool {
        if cl.lo >= cl.hi {
            return false;
        }
        let Some(tr) = self.triggers(&cl) else {
            return self.gapped(&cl);
        };
        let chains = self.chains(cl.items, cl.lo, cl.hi);
        // "… framework agreements with them": resolved once for the split and the frame
        let them = self.with_them(&cl);
        let split = self.one_per_party(&cl, &tr, &chains, them.as_ref());
        let joint_subject = self.joint_subject(&cl, &tr, &chains);
        if tr.all_plural
            && tr.verb.is_none()
            && cl.inherited_trigger.is_none()
            && !split
            && !joint_subject
            && !self.plural_noun_states_deals(&cl, &tr, &chains)
            && !self.unnamed_parties(&cl)
        {
            self.summary(&cl);
            return false;
        }
        // PACTGRAPH_TRACE_RULES=1: each clause's triggers, chains and frame
        // on stderr, for whoever asks why a sentence gave what it gave
        if trace_rules() {
            self.trace_clause(&cl, &tr, &chains);
        }
        self.take_back(&cl, &tr, &chains);
        let Some(mut frame) = self.frame(&cl, &tr, &chains, split, them) else {
            return false;
        };
        // "framework agreements with A, B and C, which together foresee the
        // purchase of …": the counterparts of the main clause's agreement,
        // with nothing new, describe it
        if frame.rule == "relative" && cl.inherited_counterparts {
            return false;
        }
        if trace_rules() {
            eprintln!(
                "trace:   frame: rule {} parties {:?} split {} groups {:?}",
                frame.rule, frame.parties, frame.split, frame.with_groups
            );
        }
        // "A och B beviljade 9,6 miljoner kronor för satsningen": a
        // transaction verb with no agreement noun binds its subjects to
        // the other side, and names none here
        if tr.main.is_none() && frame.rule == "subject" && self.transaction(&cl, &tr) {
            return false;
        }
        // a payment names its deal only with what it pays for or whom it
        // pays: "the dividends both banks have paid", "A and B, which paid
        // $1 billion between them" name none
        if tr.main.is_none()
            && tr.verb.is_some_and(|v| self.payment(&cl.items[v]))
            && !(frame.rule.contains("counterpart") || frame.rule.contains("object"))
        {
            return false;
        }
        if self.negated(&cl, &tr) {
            self.not.push(NotAgreement {
                actors: frame.parties,
                sentence: cl.si,
            });
            return false;
        }
        // ("The deal builds on a cooperation agreement signed in 2019": the
        // clause names an earlier agreement than the one it is said of)
        let linked_noun = self.after_earlier_link(&cl, &tr);
        // (a relative clause on such a noun states the same earlier one:
        // "builds on the A-B Alliance, which the two governments launched
        // in 2022")
        let linked = linked_noun.is_some()
            || cl
                .inherited_trigger
                .is_some_and(|t| self.linked_at(cl.items, 0, t));
        // ("The deal adds to the licence signed with B in 2021", after an
        // agreement of A and B: the earlier one is A's and B's too)
        if linked && frame.parties.len() < 2 {
            if let Some((a, _)) = self.last.filter(|&(_, s)| s + 1 >= cl.si) {
                let last = &self.out[a].parties;
                if frame.parties.is_subset(last) {
                    frame.parties.extend(last.iter().cloned());
                }
            }
        }
        if self.refers_to_stated(&cl, &tr, &frame, linked) {
            // "the agreement ..." refers back: a continuation, not a new agreement
            return false;
        }
        let (mut kind, mut rank) = self.frame_kind(&cl, &tr, &frame, split || joint_subject);
        // (an earlier agreement is of its own noun's kind: "The memorandum
        // builds on the Canada-Germany Hydrogen Alliance")
        if let Some(n) = linked_noun {
            for t in super::tags(self.inp, &cl.items[n]) {
                if let Tag::Agreement {
                    kind: k,
                    rank: r,
                    generic: false,
                    ..
                } = *t
                {
                    (kind, rank) = (k, r);
                }
            }
        }
        let (status, date, date_expr_seen) = self.dated_status(&cl, &tr);
        let perfect = self.perfect_tense(&cl, &tr);
        let mut signatories = std::mem::take(&mut frame.persons);
        // a comment verb before the predicate means the people only talk about it
        if cl
            .range()
            .any(|k| k < tr.pivot && has(self.inp, &cl.items[k], |t| matches!(t, Tag::Comment)))
        {
            signatories.clear();
        }
        if frame.split && frame.with_groups.len() >= 2 {
            frame.with_group_dates = self.group_dates(&cl, &frame.with_groups, status);
            if tr.all_plural {
                self.each_country(&mut frame);
            }
        }
        let ag = Agreement {
            kind,
            kind_rank: rank,
            status,
            date,
            parties: std::mem::take(&mut frame.parties),
            signatories,
            topics: self.topics(cl.si),
            sentences: vec![cl.si],
            rule: if frame.rule.is_empty() {
                "predicate".into()
            } else {
                frame.rule.clone()
            },
            cites: self.cites(cl.items),
            reference: cl
                .block
                .number
                .filter(|_| cl.block.kind == BlockKind::Reference),
            heading: cl.block.kind == BlockKind::Heading,
            date_expr_seen,
            // the perfect ("has signed"), or any tense in the lead sentence,
            // which the dateline dates ("BALTIMORE, Sept. 20, 2024 – A will
            // buy power from B under a 20-year agreement")
            dateline_fallback: (perfect || Some(cl.si) == self.lead_sentence())
                && matches!(status, Status::Signed | Status::Announced),
            count: if split { 1 } else { self.counted(&cl, &tr) },
            another: self.another_agreement(&cl),
            earlier: linked || self.ongoing_since(&cl, &tr),
            // (talks only: "signed agreements with several suppliers" is
            // told of agreements the text goes on to name, or of a summary)
            unnamed: frame.unnamed && status == Status::Negotiating,
        };
        self.emit(ag, &frame, cl.si)
    }

    /// Splits the frame's dated `with` groups of countries into one group
    /// per country, for a plural noun: states sign bilaterally ("signed
    /// partnerships with A and B in 2021 and with C in 2022"); companies in
    /// one group may share one deal ("agreements with X in August, with
    /// Sanofi and GSK in September").
    fn each_country(&self, frame: &mut Frame) {
        let inp = self.inp;
        let countries = |g: &[String]| g.iter().all(|id| inp.actors.kind(id) == ActorType::Country);
        let each: Vec<(Vec<String>, Option<Date>)> = frame
            .with_groups
            .iter()
            .zip(&frame.with_group_dates)
            .flat_map(|(g, d)| {
                if countries(g) {
                    g.iter().map(|id| (vec![id.clone()], *d)).collect()
                } else {
                    vec![(g.clone(), *d)]
                }
            })
            .collect();
        (frame.with_groups, frame.with_group_dates) = each.into_iter().unzip();
    }

    /// Whether the clause states one agreement with each party it lists, not
    /// one among all of them. `them`: what "with them" in the clause stands
    /// for ([`State::with_them`]).
    fn one_per_party(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
        them: Option<&(Vec<String>, usize, bool)>,
    ) -> bool {
        // "signed four MoUs with A, B, C and D": one agreement with each of
        // them; so does a Swedish noun with no article right after the verb
        // ("har tecknat leveransavtal med A, B och C": "ett leveransavtal"
        // would be one) when three or more are named, or two for supply and
        // loan deals, which bind two sides ("ingått avtal med A och B om
        // doser" may be one deal of three)
        // (words apart: figures and signs do not count, "orders worth
        // about $3.6 billion with A and B")
        let apart = |t: usize, j: usize| {
            (t..j)
                .filter(|&k| {
                    let x = &cl.items[k];
                    self.inp.text[x.start..x.end].contains(char::is_alphabetic)
                })
                .count()
        };
        let split = tr.main.is_some_and(|t| {
            chains.iter().any(|c| {
                c.gov == Gov::With
                    && c.first > t
                    // (or a longer example list right after the noun: "loan
                    // agreements with 12 local, regional and international
                    // banks, among them A and B")
                    && (apart(t, c.first) <= 8
                        || c.gov_at.is_some_and(|g| {
                            g > t
                                && (g <= t + 6
                                    // (or examples further on: "sales
                                    // agreements for a share of the
                                    // output, including with A and B")
                                    || (g <= t + 16
                                        && has(self.inp, &cl.items[g - 1], |t| {
                                            matches!(t, Tag::Example)
                                        })))
                        }))
                    && (tr.all_plural
                        || c.listed
                        || (c.members.len() >= 2
                            && self.bare_noun(cl, tr).is_some_and(|kind| {
                                c.members.len() >= 3
                                    || matches!(kind, Kind::Offtake | Kind::Investment)
                                    // (examples of the counterparts: "tecknat
                                    // avtal med flera leverantörer, bland
                                    // annat A och B")
                                    || (c.first > 0
                                        && has(self.inp, &cl.items[c.first - 1], |t| {
                                            matches!(t, Tag::Example)
                                        }))
                            })))
            })
        }) || chains.iter().any(|c| {
            c.gov == Gov::With && (self.plural_noun_before(cl, tr, c) || self.shared_out(cl, c))
        });
        // ("has teamed up with several truck makers, among them A and B": a
        // verb with no agreement noun, and examples of its counterparts)
        let verb_examples = tr.main.is_none()
            && tr.verb.is_some()
            && chains.iter().any(|c| {
                c.gov == Gov::With
                    && c.members.len() >= 2
                    && c.first > 0
                    && c.gov_at.is_some_and(|g| g + 1 < c.first)
                    && has(self.inp, &cl.items[c.first - 1], |t| {
                        matches!(t, Tag::Example)
                    })
            });
        split
            || verb_examples
            || them.is_some_and(|(_, _, each)| *each || tr.all_plural)
            // (a relative clause on a plural noun: "framework agreements
            // that A struck with B, C and D")
            || (cl
                .inherited_trigger
                .is_some_and(|t| noun(self.inp, &cl.items[t]).is_some_and(|n| n.plural))
                && chains.iter().any(|c| c.gov == Gov::With))
    }

    /// The kind of the clause's first agreement noun when it stands bare (no
    /// article, indefinite) after its predicate: names after it may then
    /// make one agreement each (three or more, two for a supply or loan
    /// deal, or examples: [`Self::one_per_party`]).
    fn bare_noun(&self, cl: &Clause, tr: &Triggers) -> Option<Kind> {
        let t = tr.main?;
        // (a compound's first part is joined to its head noun:
        // "undertecknade säkerhetsavtal med A, B och C")
        let mut k = t;
        while k > cl.lo + 1 && cl.items[k - 1].end == cl.items[k].start {
            k -= 1;
        }
        // (and back over adverbs, dates and a verb-second subject:
        // "undertecknade Zelenskyj sedan säkerhetsavtal med A, B och C",
        // "tecknade 2019 leveransavtal med A och B")
        while k > cl.lo + 1
            && (self.mention(&cl.items[k - 1]).is_some()
                || matches!(cl.items[k - 1].kind, ItemKind::Date(_))
                || self.inp.lexicon.is_adverb(self.folded(&cl.items[k - 1])))
        {
            k -= 1;
        }
        // (or an auxiliary as a main verb: "har ramavtal med A, B och C")
        let before = &cl.items[k.saturating_sub(1)];
        (k > cl.lo
            && (has(self.inp, before, Tag::predicate)
                || (matches!(before.kind, ItemKind::Word)
                    && self.inp.lexicon.is_auxiliary(self.folded(before)))))
        .then(|| noun(self.inp, &cl.items[t]))
        .flatten()
        .filter(|x| !x.definite)
        .map(|x| x.kind)
    }

    /// Whether the agreement noun nearest before the chain, at most eight
    /// items before it, is plural.
    fn plural_noun_before(&self, cl: &Clause, tr: &Triggers, c: &Chain) -> bool {
        // (the noun nearest before the list decides: "Besides the new
        // contract, it has signed agreements with A, with B and with C")
        tr.nouns
            .iter()
            .rev()
            .find(|&&n| n < c.first)
            .is_some_and(|&n| {
                c.first <= n + 8 && noun(self.inp, &cl.items[n]).is_some_and(|x| x.plural)
            })
    }

    /// Whether two or more subjects before the agreement noun make it state
    /// their agreements, not sum them up.
    fn joint_subject(&self, cl: &Clause, tr: &Triggers, chains: &[Chain]) -> bool {
        // "A and B signed two loan agreements" states them; "two agreements
        // were signed in September" only sums up those stated after it
        tr.main.is_some_and(|t| {
            chains
                .iter()
                .any(|c| c.gov == Gov::None && c.members.len() >= 2 && c.last < t)
        }) || (cl.inherited_subject.as_ref().is_some_and(|s| s.len() >= 2)
            // "A and B, which have both signed supply deals with C / with the
            // company": a relative clause whose subjects name a counterpart
            && (chains.iter().any(|c| c.gov == Gov::With)
                || cl.range().any(|k| {
                    has(self.inp, &cl.items[k], |t| matches!(t, Tag::CompanyAnaphor))
                })))
    }

    /// Whether the names around a plural agreement noun make it state the
    /// deals, not sum up those stated after it.
    fn plural_noun_states_deals(&self, cl: &Clause, tr: &Triggers, chains: &[Chain]) -> bool {
        let Some(t) = tr.main else {
            return false;
        };
        // "opened talks with A and B about new loans": the counterparts
        // named before the plural noun make it no summary
        let with_before = chains.iter().any(|c| c.gov == Gov::With && c.last < t);
        // "Volvo has made investments in Northvolt": a subject before the
        // plural noun and its counterpart after it state the deals
        let counterpart_after = chains.iter().any(|c| c.gov == Gov::None && c.last < t)
            && chains.iter().any(|c| {
                c.first > t
                    && matches!(c.gov, Gov::NotParty | Gov::By | Gov::OnBehalf)
                    && self.transaction_counterpart(cl, tr, c, false)
            });
        // "awarded A, B and C separate contracts": the objects named before
        // the plural noun receive one each
        let objects_before = chains
            .iter()
            .any(|c| c.gov == Gov::Verb && c.members.len() >= 2 && c.last < t && t <= c.last + 3);
        with_before || counterpart_after || objects_before
    }

    /// Writes the clause's triggers and chains to stderr
    /// (`PACTGRAPH_TRACE_RULES`).
    fn trace_clause(&self, cl: &Clause, tr: &Triggers, chains: &[Chain]) {
        let w = |k: Option<usize>| k.map(|k| self.folded(&cl.items[k]));
        let chains: Vec<_> = chains
            .iter()
            .map(|c| {
                let ids: Vec<&str> = c
                    .members
                    .iter()
                    .map(|&m| &*self.inp.mentions[m].actor)
                    .collect();
                format!("{:?} {}", c.gov, ids.join("+"))
            })
            .collect();
        eprintln!(
            "trace: sentence {} clause: items {}..{} nouns {:?} noun {:?} verb {:?} status {:?} pivot {:?} chains {chains:?}",
            cl.si,
            cl.lo,
            cl.hi,
            tr.nouns
                .iter()
                .map(|&k| self.folded(&cl.items[k]))
                .collect::<Vec<_>>(),
            w(tr.main),
            w(tr.verb),
            w(tr.status_at),
            w(Some(tr.pivot)),
        );
    }

    /// Whether the clause's agreement noun refers back to an agreement stated
    /// before and the frame names no new one (`linked`: the clause names an
    /// earlier agreement, [`State::after_earlier_link`]).
    fn refers_to_stated(&self, cl: &Clause, tr: &Triggers, frame: &Frame, linked: bool) -> bool {
        // "The MoU with Enertrag covers …, and the one with Amarenco …": a
        // definite noun with only counterparts names agreements already stated
        let only_with = frame.rule.split('+').all(|p| p == "with");
        // with no agreement stated before, "the pact" is no reference:
        // "Sweden and Finland signed the defence pact in Stockholm"
        // ... nor when two or more parties are named that no agreement
        // stated before has: "Ford and SK On agreed to form the venture"
        // after a loan to the venture names the venture's parties
        // (asked last: it reads the agreements stated so far)
        // ("A and B said they would end their alliance": the anaphor's
        // parties are named in the sentence, as a subject would be)
        let anaphor_named_here = || {
            let s = &self.inp.sentences[cl.si];
            let here = self.mentions_in(s.start, s.end);
            frame.has_fired("parties-anaphor")
                && frame
                    .parties
                    .iter()
                    .all(|p| here.iter().any(|m| *m.actor == **p))
        };
        let antecedent = || {
            !self.out.is_empty()
                && (frame.parties.len() < 2
                || only_with
                || (!frame.has_fired("subject") && !anaphor_named_here())
                // ("Minister X signed the memorandum": her ministry is no new party)
                || frame.has_fired("affiliation")
                || self.out.iter().any(|a| {
                    a.parties.intersection(&frame.parties).count() >= 2
                        || frame.parties.is_subset(&a.parties)
                }))
        };
        self.refers_back(cl, tr)
            && (!frame.explicit || only_with)
            && tr.verb.is_none()
            && !linked
            && antecedent()
    }

    /// The agreement's kind and how surely the words state it: the clause's,
    /// else what a purchase acquires, else the kind of "similar agreements"
    /// stated before.
    fn frame_kind(&self, cl: &Clause, tr: &Triggers, frame: &Frame, split: bool) -> (Kind, u8) {
        let (mut kind, mut rank) = self.clause_kind(cl, tr, split);
        if let Some(k) = self.acquired_kind(cl, tr, frame) {
            // (an acquisition of a stake is an investment: "förvärvade en
            // andel i Beta")
            if rank <= 2
                && (kind == Kind::Offtake || (kind == Kind::Other && k == Kind::Investment))
            {
                kind = k;
            }
        }
        // "similar agreements with C and D" are of the kind stated before
        if frame.rule.starts_with("carried-subject") && rank <= 1 {
            if let Some((a, _)) = self.last {
                (kind, rank) = (self.out[a].kind, self.out[a].kind_rank);
            }
        }
        (kind, rank)
    }

    /// The kind of what the clause's verb buys or sells, when that decides
    /// the agreement's kind.
    fn acquired_kind(&self, cl: &Clause, tr: &Triggers, frame: &Frame) -> Option<Kind> {
        // "Sandvik köper Deswik", "Boliden bought Lundin Mining": a purchase
        // whose object is an actor is an acquisition of it; what a sale or
        // purchase names before its counterpart may decide too ("sold its
        // Danish unit to Beta": an acquisition, "its stake": an investment)
        let verb = tr.verb.and_then(|v| {
            tags(self.inp, &cl.items[v]).iter().find_map(|t| match t {
                Tag::AgreementVerb {
                    object_kind, sale, ..
                } => Some((*object_kind, *sale, v)),
                _ => None,
            })
        });
        let sold = |v: usize| {
            let lex = &self.inp.lexicon;
            // (past a subject after the verb, with no name before it: "I
            // mars köpte A en andel i B")
            let inverted = v + 1 < cl.hi
                && self.mention(&cl.items[v + 1]).is_some()
                && (cl.lo..v).all(|k| self.mention(&cl.items[k]).is_none());
            (v + 1 + usize::from(inverted)..cl.hi)
                .take_while(|&k| self.mention(&cl.items[k]).is_none())
                .find_map(|k| lex.sold_object(self.folded(&cl.items[k])))
        };
        // (a share of a named company bought or taken over: "took over
        // Northvolt's stake in B", "köper Northvolts andel", "Saabs 30
        // procent")
        // (past a verb-second subject: "köpte Boliden Sandviks andel")
        let share_of = |v: usize| {
            let inverted = self
                .mention(cl.items.get(v + 1)?)
                .is_some_and(|m| !m.genitive);
            let g = v + 1 + usize::from(inverted);
            let m = self.mention(cl.items.get(g).filter(|_| g + 1 < cl.hi)?)?;
            m.genitive
                .then(|| {
                    (g + 1..cl.hi.min(g + 4))
                        .take_while(|&k| self.mention(&cl.items[k]).is_none())
                        .find_map(|k| self.inp.lexicon.sold_object(self.folded(&cl.items[k])))
                })
                .flatten()
                .filter(|&k| k == Kind::Investment)
        };
        verb.and_then(|(object_kind, sale, v)| {
            share_of(v)
                .or(object_kind)
                .filter(|_| {
                    [
                        "object",
                        "inverted-object",
                        "relative-object",
                        "object-anaphor",
                    ]
                    .iter()
                    .any(|p| frame.has_fired(p))
                })
                .or_else(|| sale.then(|| sold(v)).flatten())
                .or_else(|| frame.has_fired("traded").then_some(Kind::Other))
        })
    }

    /// The clause's status, date and whether it wrote a date expression; a
    /// signing dated after the report is planned.
    fn dated_status(&self, cl: &Clause, tr: &Triggers) -> (Status, Option<Date>, bool) {
        let status = self.status(cl, tr);
        let (date, date_expr_seen) = self.clause_date(cl, tr, status);
        // a signing on a day after the report has not happened yet: Swedish
        // states the near future in the present ("På tisdag den 15 januari
        // skriver A och B under …"). (A later year or month alone is more
        // often a term or target, "from 2027", "for launch in 2024", or a
        // year the text gave wrongly.)
        let status = match (date, self.inp.dateline) {
            (Some(d), Some(now))
                if matches!(status, Status::Signed | Status::Announced)
                    && d.d.is_some()
                    && d.after(now) =>
            {
                Status::Planned
            }
            _ => status,
        };
        // (and a later year is no date of a signing: "Enligt
        // avsiktsförklaringen ska A leverera värme till B från 2030")
        let date = date.filter(|d| {
            !(status == Status::Signed
                && d.m.is_none()
                && self.inp.dateline.is_some_and(|now| d.after(now)))
        });
        (status, date, date_expr_seen)
    }

    /// Whether the clause's verb or status word is in the perfect ("has
    /// signed"), which the dateline dates.
    fn perfect_tense(&self, cl: &Clause, tr: &Triggers) -> bool {
        // (not "has": a possession states no event, "har sedan tidigare ett
        // leveransavtal med B", "already has a stake in B")
        [tr.verb, tr.status_at].into_iter().flatten().any(|k| {
            let w = self.folded(&cl.items[k]);
            let mut words = w.split(' ');
            matches!(words.next(), Some("have" | "has" | "har"))
                && words
                    .find(|x| !self.inp.lexicon.is_adverb(x) && !matches!(*x, "sedan" | "tidigare"))
                    .is_some_and(|x| !matches!(x, "a" | "an" | "en" | "ett"))
        })
    }

    /// Whether an agreement noun of the clause stands at most three words
    /// after an `earlier_link` predicate ("The deal follows a licensing
    /// agreement the two companies signed in 2022", "Avtalet bygger på ett
    /// samarbetsavtal från 2019"): the clause states that earlier agreement,
    /// which is not the one it is said of.
    fn after_earlier_link(&self, cl: &Clause, tr: &Triggers) -> Option<usize> {
        tr.nouns
            .iter()
            .copied()
            .find(|&k| self.linked_at(cl.items, cl.lo, k))
    }

    /// Whether the agreement noun at `k` stands at most three words (past
    /// the names of a pair, six) after an `earlier_link` predicate that
    /// starts at or after `lo`.
    fn linked_at(&self, items: &[Item], lo: usize, k: usize) -> bool {
        let links = &self.inp.lexicon.earlier_link;
        let from = k.saturating_sub(8).max(lo);
        // (names of a pair may stand between: "builds on the Canada-Germany
        // Hydrogen Alliance"; looked for only once a link is found)
        let pair = std::cell::OnceCell::new();
        let pair = || *pair.get_or_init(|| self.hyphen_pair(items, from, k).map(|(a, b)| [a, b]));
        let word = |x: &Item| match x.kind {
            ItemKind::Mention(m) => pair().is_some_and(|p| p.contains(&m)),
            ItemKind::Punct(c) => matches!(c, '-' | '–') && pair().is_some(),
            _ => true,
        };
        (from..k).any(|j| {
            (j..k.min(j + 4)).any(|i| {
                links.contains(&self.inp.folded[items[j].start..items[i].end]) && {
                    let between = &items[i + 1..k];
                    between.len() <= 3 + 3 * usize::from(pair().is_some())
                        && between.iter().all(word)
                }
            })
        })
    }

    /// Whether the clause states a relation going on since a date with a verb
    /// and no agreement noun ("The companies have cooperated since 2019",
    /// "Bolagen har samarbetat sedan 2019"): a relation older than what the
    /// sentences around it state, which it neither dates nor restates.
    fn ongoing_since(&self, cl: &Clause, tr: &Triggers) -> bool {
        // (every date of the clause: "Bolagen bildade Hybrit 2016 och driver
        // sedan i fjol en pilotanläggning" is dated 2016)
        let mut dates = cl
            .range()
            .filter(|&k| matches!(cl.items[k].kind, ItemKind::Date(_)))
            .peekable();
        tr.main.is_none()
            && tr.verb.is_some()
            && dates.peek().is_some()
            && dates.all(|k| self.date_after(&cl.items[k], &self.inp.lexicon.since))
    }

    /// Whether the clause holds an adverb that makes its agreement another
    /// one than those before it ("The companies also signed …"), also inside
    /// a verb phrase ("have also signed").
    fn another_agreement(&self, cl: &Clause) -> bool {
        let words = &self.inp.lexicon.another_agreement;
        cl.range().any(|k| {
            let w = self.folded(&cl.items[k]);
            w.split(' ').any(|x| words.contains(x))
        })
    }

    /// A clause that leaves out the agreement and its subject after a `with`
    /// list ("Similar agreements have been established with A and B, while C
    /// and D are under consideration"): agreements of the same kind between
    /// that subject and each actor it names, with its own status.
    fn gapped(&mut self, cl: &Clause) -> bool {
        let inp = self.inp;
        let opens = cl.items.get(cl.lo).is_some_and(|x| {
            let w = self.folded(x);
            matches!(
                w.trim_start_matches(',').trim_start(),
                "while" | "whereas" | "and" | "medan" | "och"
            )
        });
        let (Some((subject, at)), Some((a, last_at))) = (&self.last_subject, self.last) else {
            return false;
        };
        let Some(status_at) = cl
            .range()
            .find(|&k| has(inp, &cl.items[k], |t| matches!(t, Tag::Status(_))))
        else {
            return false;
        };
        if !opens || *at != cl.si || last_at != cl.si {
            return false;
        }
        let tr = Triggers {
            nouns: Vec::new(),
            main: None,
            verb: None,
            status_at: Some(status_at),
            all_plural: false,
            pivot: status_at,
            first: status_at,
            complement: false,
            joint: None,
        };
        if self.negated(cl, &tr) {
            return false;
        }
        let chains = self.chains(cl.items, cl.lo, cl.hi);
        // (or "…, and with B, signed in 2019": a `with` list right after
        // the opener, the first agreement's counterpart left out)
        let Some(named) = chains.iter().find(|c| {
            (c.gov == Gov::None || (c.gov == Gov::With && c.gov_at.is_some_and(|g| g <= cl.lo + 1)))
                && c.last < tr.pivot
        }) else {
            return false;
        };
        let subject = subject.clone();
        let status = self.status(cl, &tr);
        // (a date of its own: "…, and with B, signed in April 2019")
        let date = self.first_date(cl, cl.lo, cl.hi, status);
        let mut created = false;
        let ids: Vec<String> = self.party_ids(&named.members).collect();
        for id in ids {
            if subject.contains(&id) || self.inp.actors.kind(&id) == ActorType::Person {
                continue;
            }
            let mut ag = self.out[a].clone();
            ag.parties = subject.clone();
            ag.parties.insert(id);
            ag.status = status;
            ag.date = date.or(ag.date);
            ag.signatories.clear();
            ag.sentences = vec![cl.si];
            ag.rule = "gapped".into();
            ag.count = 1;
            self.out.push(ag);
            created = true;
        }
        created
    }

    /// Whether the clause's agreement verb is of this kind.
    fn verb_of_kind(&self, cl: &Clause, tr: &Triggers, kind: Kind) -> bool {
        tr.verb.is_some_and(|v| {
            has(
                self.inp,
                &cl.items[v],
                |t| matches!(t, Tag::AgreementVerb { kind: k, .. } if *k == kind),
            )
        })
    }

    /// A verb of founding that founds a company ([`crate::lexicon::Lexicon::mark_founding`]):
    /// what it takes is the joint venture, no party ("agreed with B to set up Gamma").
    pub(super) fn founds_venture(&self, it: &Item) -> bool {
        has(self.inp, it, |t| matches!(t, Tag::Founding))
            && has(self.inp, it, |t| {
                matches!(
                    t,
                    Tag::AgreementVerb {
                        kind: Kind::JointVenture,
                        ..
                    }
                )
            })
    }

    /// Whether the clause's verb is a transaction with another side (lending,
    /// investing, buying, supplying), not a joint act of its subjects.
    fn transaction(&self, cl: &Clause, tr: &Triggers) -> bool {
        tr.verb.is_some_and(|v| {
            has(self.inp, &cl.items[v], |t| {
                matches!(
                    t,
                    Tag::AgreementVerb {
                        kind: Kind::Investment | Kind::Offtake,
                        ..
                    }
                )
            })
        })
    }

    /// Stage 2: finds the triggers; `None` when the clause states no agreement.
    fn triggers(&self, cl: &Clause) -> Option<Triggers> {
        let inp = self.inp;
        let items = cl.items;
        let nouns: Vec<usize> = cl
            .range()
            .filter(|&k| has(inp, &items[k], |t| matches!(t, Tag::Agreement { .. })))
            .filter(|&k| !self.describes_counterpart(cl, k))
            .collect();
        // a verb of taking over that takes a role states no deal, nor does
        // the clause ("took over the role from B", "Med avtalet tar Klarna
        // över rollen från B")
        if cl.range().any(|k| {
            has(inp, &items[k], |t| matches!(t, Tag::AgreementVerb { .. }))
                && self.takes_role(cl, k)
        }) {
            return None;
        }
        let verb = self.trigger_verb(cl, &nouns);
        let status_at = self.trigger_status(cl);
        let inherited = cl.inherited_trigger.is_some();
        if !nouns.is_empty()
            && nouns.iter().all(|&k| self.weak_noun(cl, k))
            && verb.is_none()
            && status_at.is_none_or(|s| s > nouns[0])
            && !inherited
        {
            return None;
        }
        let main = nouns.first().copied();
        let joint = if main.is_none() && verb.is_none() && !inherited {
            self.joint_action(cl)
        } else {
            None
        };
        // (a fronted phrase's clause turns after it: its subject follows)
        let (joint, fronted_end) = (joint.map(|(k, _)| k), joint.and_then(|(_, e)| e));
        if main.is_none() && verb.is_none() && !inherited && joint.is_none() {
            // "X and Y are negotiating ..." without a noun
            // (not only the first status word: "A inledde förhandlingar med B")
            let negotiating = cl.range().any(|k| {
                has(inp, &items[k], |t| {
                    matches!(t, Tag::Status(Status::Negotiating))
                })
            });
            if !negotiating {
                return None;
            }
        }
        let all_plural = !nouns.is_empty()
            && nouns.iter().all(|&k| {
                noun(inp, &items[k]).is_some_and(|n| n.plural)
                    || self.plural_quantified(cl, k)
                    || self.bare_plural(cl, k)
            });
        // "A has selected B to supply …", "A awarded B a contract to
        // deliver …": the infinitive says what B was chosen for; the roles
        // are found around the choosing
        let complement = match (verb, status_at) {
            (Some(v), Some(s)) => {
                let w = self.folded(&items[v]);
                s < v
                    && (w.starts_with("to ") || w.starts_with("att "))
                    && main.is_none_or(|n| s < n && n < v)
                    && (s + 1..main.unwrap_or(v)).any(|k| self.mention(&items[k]).is_some())
            }
            _ => false,
        };
        // ("the joint venture that A runs with B": a relative clause on an
        // agreement noun, with a name of its own and no trigger, turns at
        // the word after the name, its verb)
        // (or a company anaphor: "Silva Green Fuel, som skogsägarföreningen
        // startade tillsammans med Statkraft"; the verb may be a lexicon
        // phrase that states nothing here, "startade")
        // (a compound's tail is an item of its own: "skogsägar|föreningen")
        let relative_verb = || {
            let first = items.get(cl.lo).filter(|_| cl.lo < cl.hi)?;
            let tail = cl.lo + 1 < cl.hi && items[cl.lo + 1].start == first.end;
            let subject =
                if self.mention(first).is_some() || self.company_anaphor(items, cl.lo, cl.lo) {
                    cl.lo
                } else if tail && self.company_anaphor(items, cl.lo + 1, cl.lo) {
                    cl.lo + 1
                } else {
                    return None;
                };
            (subject + 1..cl.hi).find(|&k| {
                self.mention(&items[k]).is_none()
                    && matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                    && !self.joins(&items[k])
            })
        };
        let pivot = if complement {
            status_at.unwrap_or(cl.lo)
        } else {
            verb.or(status_at)
                .or(main)
                .or(fronted_end)
                .or(joint)
                .or_else(|| inherited.then(relative_verb).flatten())
                .unwrap_or(cl.lo)
        };
        Some(Triggers {
            complement,
            first: main.or(verb).unwrap_or(pivot),
            nouns,
            main,
            verb,
            status_at,
            all_plural,
            pivot,
            joint,
        })
    }

    /// Whether the agreement noun at `k` describes the counterpart named
    /// after it, or the company head before a name, and is no trigger.
    fn describes_counterpart(&self, cl: &Clause, k: usize) -> bool {
        let items = cl.items;
        // "förhandlar med samriskbolaget Northern Lights": a noun that
        // describes the counterpart named after it is no trigger of its own
        // (or describes the company head before the name: "investment firm
        // EQT", "contract drug manufacturer Catalent")
        let head = |x: &Item| self.head_noun(x);
        (k > cl.lo
            && items.get(k + 1).is_some_and(|x| self.mention(x).is_some())
            && self.governs_with(&items[k - 1]))
            || (items.get(k + 1).is_some_and(head)
                && items.get(k + 2).is_some_and(|x| self.mention(x).is_some()))
            || (items.get(k + 1).is_some_and(|x| self.descriptor(x))
                && items.get(k + 2).is_some_and(head)
                && items.get(k + 3).is_some_and(|x| self.mention(x).is_some()))
    }

    /// The clause's first agreement verb, unless it only says what the
    /// agreement stated before it is about.
    fn trigger_verb(&self, cl: &Clause, nouns: &[usize]) -> Option<usize> {
        let (inp, items) = (self.inp, cl.items);
        // "har skrivit under en avsiktsförklaring om att Ukraina ska köpa …",
        // "signed an MoU under which Ukraine will buy …": an agreement verb
        // after the stated noun and a subordinator says what the agreement
        // is about, not who made it
        // (none after a command: "ordered Telia to sell its stake")
        let verb = |k: &usize| has(inp, &items[*k], |t| matches!(t, Tag::AgreementVerb { .. }));
        // (a payment gives way to another agreement verb or noun of the
        // clause: "betalade 9,2 miljarder när den köpte B av C" is the
        // purchase, "paid £1 for B, completed the purchase of D from C" too;
        // so does "paid $363 million for B, in a deal that …": giving way
        // only to a noun with a status verb of its own cost the unread
        // `heldout` two false positives)
        cl.range()
            .filter(verb)
            .find(|&k| !self.payment(&items[k]))
            .or_else(|| cl.range().find(verb).filter(|_| nouns.is_empty()))
            .filter(|_| !cl.range().any(|k| self.command(cl, k)))
            // (a bare passive needs its agent: "köptes 2022 av Oracle")
            .filter(|&v| !self.needs_agent(&items[v]) || self.agent_after(cl, v))
            .filter(|&v| {
                let n = nouns.first().copied().filter(|&n| n < v);
                let s = (cl.lo..v).find(|&k| has(inp, &items[k], |t| matches!(t, Tag::Status(_))));
                // (with a subject of its own: "ett avtal om att köpa X" is the
                // signer's purchase of X)
                !n.zip(s).is_some_and(|(n, s)| {
                    s < n
                        && (n + 1..v).any(|k| {
                            has(inp, &items[k], |t| {
                                matches!(t, Tag::Complementizer | Tag::Which)
                            }) && (k + 1..v).any(|j| self.mention(&items[j]).is_some())
                        })
                })
            })
    }

    /// Whether `it` is a verb of paying ("paid", "betalade"), which states a
    /// deal only with what it pays for or whom it pays.
    fn payment(&self, it: &Item) -> bool {
        has(self.inp, it, |t| {
            matches!(t, Tag::AgreementVerb { payment: true, .. })
        })
    }

    /// Whether the agreement verb `it` is a bare passive that states a deal
    /// only with its agent ("köptes", "förvärvades").
    fn needs_agent(&self, it: &Item) -> bool {
        has(self.inp, it, |t| {
            matches!(t, Tag::AgreementVerb { agent: true, .. })
        })
    }

    /// Whether the passive verb at `v` has its agent after it: `by` within
    /// three words that are dates or words that name no party ("köptes
    /// 2022 av", "förvärvades i fjol av"), then a name of no person before
    /// any punctuation ("av den brittiska investeraren Infracapital").
    fn agent_after(&self, cl: &Clause, v: usize) -> bool {
        let (inp, items) = (self.inp, cl.items);
        let Some(b) =
            (v + 1..cl.hi.min(v + 5)).find(|&k| has(inp, &items[k], |t| matches!(t, Tag::By)))
        else {
            return false;
        };
        (v + 1..b).all(|k| {
            matches!(items[k].kind, ItemKind::Date(_))
                || (self.mention(&items[k]).is_none()
                    && has(inp, &items[k], |t| matches!(t, Tag::NotParty)))
        }) && (b + 1..cl.hi.min(b + 6))
            .take_while(|&j| {
                !matches!(items[j].kind, ItemKind::Punct(_)) && !self.is_comma(&items[j])
            })
            .any(|j| self.mention(&items[j]).is_some() && !self.is_person(&items[j]))
    }

    /// Whether the verb at `v` takes a role or duty (`role_objects`) among
    /// the three words after it that name no one.
    fn takes_role(&self, cl: &Clause, v: usize) -> bool {
        cl.items[v + 1..cl.hi]
            .iter()
            .filter(|x| self.mention(x).is_none())
            .take(3)
            .any(|x| self.inp.lexicon.is_role_object(self.folded(x)))
    }

    /// The clause's status word, past a participle that describes a noun
    /// before it.
    fn trigger_status(&self, cl: &Clause) -> Option<usize> {
        let (inp, items) = (self.inp, cl.items);
        // "Under the strategy announced by President X, A and B signed …": a
        // bare participle with its agent after it describes a noun before it;
        // a later status word is the clause's
        let statuses: Vec<usize> = cl
            .range()
            .filter(|&k| has(inp, &items[k], |t| matches!(t, Tag::Status(_))))
            .collect();
        let reduced_relative = |k: usize| {
            !self.folded(&items[k]).contains(' ')
                && items
                    .get(k + 1)
                    .is_some_and(|x| k + 1 < cl.hi && has(inp, x, |t| matches!(t, Tag::By)))
        };
        statuses
            .iter()
            .copied()
            .find(|&k| !reduced_relative(k) || statuses.last().is_some_and(|&l| l == k))
    }

    /// Whether the agreement noun at `k` is a weak one ("cooperation") that
    /// states no agreement without a predicate before it.
    fn weak_noun(&self, cl: &Clause, k: usize) -> bool {
        let (inp, items) = (self.inp, cl.items);
        // "cooperation between A and B" states no agreement without a predicate,
        // nor with one after it ("Cooperation between A and B has a long history")
        // ... unless it is introduced as one ("Bakom projektet står ett samarbete
        // mellan A, B och C", "a joint initiative between A and B")
        let word = |k: usize| self.folded(&items[k]);
        // ... or named as a new one with its partner ("through the new
        // collaboration with B", "genom det nya samarbetet med B")
        let before =
            |k: usize, w: fn(&str) -> bool| (k.saturating_sub(2).max(cl.lo)..k).any(|j| w(word(j)));
        let after = |k: usize, f: fn(&Tag) -> bool| {
            (k + 1..cl.hi.min(k + 3)).any(|j| has(inp, &items[j], f))
        };
        let introduced = |k: usize| {
            (before(k, |w| matches!(w, "a" | "an" | "ett" | "en"))
                && after(k, |t| matches!(t, Tag::Between)))
                || (before(k, |w| matches!(w, "new" | "nya" | "nytt"))
                    && after(k, |t| matches!(t, Tag::Between | Tag::With)))
                // ("Our research collaboration is with B")
                || self.ours_is_with(cl, k)
        };
        has(inp, &items[k], |t| {
            matches!(t, Tag::Agreement { weak: true, .. })
        }) && !introduced(k)
            // "Samarbetet mellan A och B inleddes 2019", "… upphör vid
            // årsskiftet", "Samarbetet med B avvecklas": a passive or an
            // end of its own after it
            && !(after(k, |t| matches!(t, Tag::Between | Tag::With))
                && cl.range().any(|j| {
                    has(inp, &items[j], |t| matches!(t, Tag::Passive))
                        || (j > k
                            && has(inp, &items[j], |t| {
                                matches!(t, Tag::Status(Status::Terminated))
                            }))
                }))
            // "Acmes samarbete med Beta inleddes 2019": a possessor
            // before it and its partner after it
            && !(k > cl.lo
                && self.mention(&items[k - 1]).is_some_and(|m| m.genitive)
                && after(k, |t| matches!(t, Tag::With)))
    }

    /// A preposition of joint action that stands for the trigger, and where
    /// its phrase ends when it is fronted.
    fn joint_action(&self, cl: &Clause) -> Option<(usize, Option<usize>)> {
        let (inp, items) = (self.inp, cl.items);
        // "Biontech utvecklar ett vaccin tillsammans med Pfizer": joint
        // action with a named actor, after the named subject, states a
        // cooperation without an agreement word (not
        // between commas, "A, together with B, said", nor opening the clause:
        // "Tillsammans med A inleder vi …" names one side only)
        cl.range().find_map(|k| {
            if !has(inp, &items[k], |t| matches!(t, Tag::JointWith)) {
                return None;
            }
            let front = self.fronted_joint_end(cl, k);
            // (or right after the relative pronoun: "Tele2, som
            // tillsammans med Telenor äger Net4Mobility")
            let placed = (k > cl.lo
                && (!self.is_comma(&items[k - 1]) || self.joint_parenthetical(cl, k)))
                || (k == cl.lo && cl.inherited_subject.is_some() && !cl.inherited_counterparts)
                || front.is_some();
            let partner = (k + 1..cl.hi.min(k + 6))
                .take_while(|&j| self.mention(&items[j]).is_some() || self.descriptor(&items[j]))
                .any(|j| self.mention(&items[j]).is_some_and(|m| !m.genitive));
            (placed && partner && (front.is_some() || self.actors_before_joint(cl, k) == 1))
                .then_some((k, front))
        })
    }

    /// How many actors act before the joint-action phrase at `k` (a genitive
    /// counts two), or that a relative pronoun or company anaphor stands for.
    fn actors_before_joint(&self, cl: &Clause, k: usize) -> usize {
        let items = cl.items;
        // (one actor before it, not a genitive: "A och B stod för programmet
        // tillsammans med C" lists organisers, "using A's experience … together
        // with B's supply chain" names no party)
        // (a relative pronoun's antecedent counts when the relative clause
        // names no subject of its own: "Eisai, som sedan 2014 utvecklar
        // läkemedlet tillsammans med Biogen", not "X, which A owns together
        // with B")
        // (a company anaphor counts as the one actor: "Bolaget utvecklar
        // gruvan tillsammans med ABB", "The company develops the mine
        // together with ABB")
        // (what a verb of owning takes is owned, no actor acting: "Acme
        // owns Gamma together with Beta")
        // (nor a place after a preposition: "Acme will build a plant in
        // Norway together with Beta")
        let own = (cl.lo..k)
            .filter(|&j| !self.owned(items, j, cl.lo) && !self.place(items, j, cl.lo))
            .filter_map(|j| self.mention(&items[j]))
            .map(|m| if m.genitive { 2 } else { 1 })
            .sum::<usize>();
        match (own, cl.inherited_subject.as_ref()) {
            (0, Some(s)) => s.len(),
            (0, None) => usize::from((cl.lo..k).any(|j| self.company_anaphor(items, j, cl.lo))),
            _ => own,
        }
    }

    /// Whether the joint-action phrase at `k` stands between commas right
    /// after the clause's one name, before a verb that is no comment.
    fn joint_parenthetical(&self, cl: &Clause, k: usize) -> bool {
        let items = cl.items;
        // (between commas right after the clause's one name: "Acme,
        // together with Beta, will build …"; not before a comment verb,
        // "Ericsson, together with Volvo Cars, said …")
        // (or after a verb-second subject: "Under 2022 tränade A, i
        // samarbete med B, en ny modell")
        k >= cl.lo + 2
            && self.mention(&items[k - 2]).is_some()
            && (k + 1..cl.hi.min(k + 8))
                .find(|&j| self.is_comma(&items[j]))
                .is_some_and(|j| {
                    items.get(j + 1).is_some_and(|x| {
                        j + 1 < cl.hi && !has(self.inp, x, |t| matches!(t, Tag::Comment))
                    })
                })
    }

    /// Where the joint-action phrase at `k` ends when it opens the clause
    /// before the clause's one name and an acting verb.
    fn fronted_joint_end(&self, cl: &Clause, k: usize) -> Option<usize> {
        let (inp, items) = (self.inp, cl.items);
        // (or fronted, before the clause's one name: "Together with B, A
        // will build …", "Tillsammans med B ska A bygga …"): where the
        // phrase ends
        let e = (k + 1..cl.hi)
            .find(|&j| {
                // (a descriptor only before a name: "med
                // forskningsinstitutet RISE", not "har" in "med B
                // har A byggt …")
                let named_soon =
                    (j + 1..cl.hi.min(j + 3)).any(|x| self.mention(&items[x]).is_some());
                self.is_comma(&items[j])
                    || inp.lexicon.is_auxiliary(self.folded(&items[j]))
                    || (self.mention(&items[j]).is_none()
                        && !(self.descriptor(&items[j]) && named_soon)
                        && !has(inp, &items[j], |t| matches!(t, Tag::Coord)))
            })
            .unwrap_or(cl.hi);
        let subject_next = e + 1 < cl.hi
            && self.mention(&items[e + 1]).is_some()
            && (self.is_comma(&items[e])
                || matches!(items[e].kind, ItemKind::Word | ItemKind::Phrase(_)));
        // (the finite verb, before or after the subject, is no form
        // of "be" and no verb of saying: "Together with B, A is one
        // of …", "…, A said …")
        let verb = if e < cl.hi && self.is_comma(&items[e]) {
            e + 2
        } else {
            e
        };
        let acting = items[..cl.hi].get(verb).is_some_and(|x| {
            !inp.lexicon.is_copula(self.folded(x)) && !has(inp, x, |t| matches!(t, Tag::Comment))
        });
        let names_after = (e..cl.hi)
            .filter(|&j| !self.place(items, j, cl.lo))
            .filter_map(|j| self.mention(&items[j]))
            .filter(|m| !m.genitive)
            .count();
        (k == cl.lo && cl.inherited_subject.is_none() && subject_next && acting && names_after == 1)
            .then_some(e)
    }

    /// Where the agreement noun at `k` starts, with what is joined to it.
    fn hyphen_head(&self, cl: &Clause, mut k: usize) -> usize {
        let items = cl.items;
        // (a noun's first word is what is joined to it by a hyphen: "två
        // 5G-avtal")
        while k > cl.lo
            && items[k - 1].end == items[k].start
            && (self.inp.text[..items[k].start].ends_with('-')
                || matches!(items[k].kind, ItemKind::Punct('-')))
        {
            k -= 1;
        }
        k
    }

    /// Whether a plural quantifier stands before the agreement noun at `k`
    /// ("two MoUs", "flera avtal").
    fn plural_quantified(&self, cl: &Clause, k: usize) -> bool {
        let k = self.hyphen_head(cl, k);
        k > cl.lo
            && has(self.inp, &cl.items[k - 1], |t| {
                matches!(t, Tag::PluralQuantifier)
            })
    }

    /// Whether the Swedish agreement noun at `n`, whose plural is its
    /// singular, is plural by the bare adjective or participles before it.
    fn bare_plural(&self, cl: &Clause, n: usize) -> bool {
        let (inp, items) = (self.inp, cl.items);
        // "har tecknat strategiska partnerskap med A, B och C": a Swedish
        // noun whose plural is its singular is plural after an adjective in
        // -a with no article or possessive before it ("ett strategiskt
        // partnerskap", "det strategiska partnerskapet", "Volvos nya avtal")
        // (back over invariant participles and commas: "separata,
        // bindande leveransavtal")
        let mut k = self.hyphen_head(cl, n);
        while k > cl.lo + 2 && {
            let w = self.folded(&items[k - 1]);
            self.is_comma(&items[k - 1])
                || (matches!(items[k - 1].kind, ItemKind::Word)
                    && (w.ends_with("ande") || w.ends_with("ende")))
        } {
            k -= 1;
        }
        // (participles right after a verb, preposition or adverb, with no
        // article: "genom bindande leveransavtal med A, B och C", "har
        // sedan tidigare liknande avtal med A och B")
        let participles_only = k < n
            && k > cl.lo
            && (has(inp, &items[k - 1], |t| {
                Tag::predicate(t) || matches!(t, Tag::NotParty | Tag::By)
            }) || (matches!(items[k - 1].kind, ItemKind::Word)
                && inp.lexicon.is_inserted_adverb(self.folded(&items[k - 1]))));
        let weak_adjective = |adj: &Item| {
            let w = self.folded(adj);
            (matches!(adj.kind, ItemKind::Word) || self.descriptor(adj))
                && w.len() >= 4
                && w.ends_with('a')
                && w.bytes().all(|b| b.is_ascii_lowercase() || b >= 0x80)
                && self.inp.text[adj.start..adj.end].starts_with(|c: char| c.is_lowercase())
        };
        // (what stands before the adjectives decides: "världens första
        // kommersiella avtal" is one, after a genitive)
        let mut j = k.saturating_sub(2);
        while j > cl.lo && weak_adjective(&items[j]) {
            j -= 1;
        }
        participles_only
            || k > cl.lo + 1
                && weak_adjective(&items[k - 1])
                && !noun(inp, &items[n]).is_some_and(|n| n.definite)
                && (self.plural_quantified(cl, k - 1)
                    || matches!(
                        items[j].kind,
                        ItemKind::Word | ItemKind::Phrase(_) | ItemKind::Date(_)
                    ) && !has(inp, &items[j], |t| matches!(t, Tag::Determiner))
                        && !self.folded(&items[j]).ends_with('s')
                    // (or a subject after the verb in Swedish word
                    // order, no genitive: "I maj tecknade Volvo Cars
                    // långsiktiga avtal med A och B")
                    || self.mention(&items[j]).is_some_and(|m| !m.genitive))
    }

    /// A sentence that summarises several agreements ("two agreements were
    /// signed in September") dates the ones stated after it.
    fn summary(&mut self, cl: &Clause) {
        let d = self.status_date(cl, |d| {
            crate::dates::resolve(self.dates[d].value, &self.date_context(self.dates[d].start))
        });
        if let Some(d) = d {
            self.summary_date = Some((d, cl.si));
        }
    }

    /// An opening phrase on an agreement that names no one, with a status
    /// and a date ("Under the agreement signed in May 2023, …"), dates the
    /// agreement its sentence states after it.
    pub(super) fn opener_date(&mut self, cl: &Clause) {
        if let Some(d) = self.status_date(cl, |d| self.resolved_date(d, Status::Signed)) {
            self.opener_date = Some((d, cl.si));
        }
    }

    /// The first date in clause `cl` that `resolve` gives a date for, when
    /// the clause has a status word ("were signed in September").
    fn status_date(&self, cl: &Clause, resolve: impl Fn(usize) -> Option<Date>) -> Option<Date> {
        let inp = self.inp;
        cl.range()
            .any(|k| has(inp, &cl.items[k], |t| matches!(t, Tag::Status(_))))
            .then(|| {
                cl.range().find_map(|k| match cl.items[k].kind {
                    ItemKind::Date(d) => resolve(d),
                    _ => None,
                })
            })
            .flatten()
    }

    /// Stage 3: fills the roles from the chains; `None` when no party is found.
    /// `them`: what "with them" in the clause stands for ([`State::with_them`]).
    fn frame(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
        split: bool,
        them: Option<(Vec<String>, usize, bool)>,
    ) -> Option<Frame> {
        let mut f = Frame {
            split,
            ..Frame::default()
        };
        if let Some(b) = self.between_chain(cl, tr, chains) {
            self.add(&b.members, &mut f);
            f.fired("between");
            f.explicit = true;
            // the people who announce or sign it stand in the subject
            for c in chains
                .iter()
                .filter(|c| c.gov == Gov::None && c.last < b.first)
            {
                for &m in &c.members {
                    if self.kind_of(m) == ActorType::Person {
                        f.persons.insert(self.inp.mentions[m].actor.to_string());
                    }
                }
            }
        }
        if let (Some((object, agent)), true) =
            (self.noun_agent(cl, tr, chains), f.parties.is_empty())
        {
            self.add(&agent.members, &mut f);
            self.add(&object.members, &mut f);
            f.fired("noun-by");
            f.explicit = true;
        }
        let (passive_verb, participle) = self.passive_verb(cl, tr, chains);
        // ("a memorandum signed by the two companies": a parties anaphor
        // right after the verb)
        let anaphor_by = passive_verb.filter(|&v| {
            v + 1 < cl.hi
                && has(self.inp, &cl.items[v + 1], |t| {
                    matches!(t, Tag::PartiesAnaphor)
                })
        });
        if let (Some(v), true) = (anaphor_by, f.parties.len() < 2) {
            self.add_anaphor_parties(cl, v + 1, &mut f);
            f.explicit = true;
        } else if let (Some(v), true) = (passive_verb, f.parties.len() < 2) {
            self.fill_passive_by(cl, tr, chains, v, participle, &mut f);
        } else if f.parties.len() < 2 {
            let subject_end = self.fill_subject(cl, tr, chains, &mut f);
            self.fill_governed(cl, tr, chains, subject_end, &mut f);
            self.relative_object(cl, tr, chains, &mut f);
            self.relative_stranded_with(cl, tr, chains, &mut f);
            self.its_predicate(cl, tr, &mut f);
            if f.parties.len() <= 2 && !self.verb_of_kind(cl, tr, Kind::JointVenture) {
                self.inverted_object(cl, tr, chains, &mut f);
            }
            self.heading_subject(cl, tr, &mut f);
            self.carry_subject(cl, &mut f);
            self.with_company_anaphor(cl, tr, &mut f);
            self.examples_without_subject(cl, chains, &mut f);
            self.speaker_sells(cl, tr, &mut f);
            self.each_subject(cl, tr, chains, &mut f);
        }
        // "the Japan-EU battery supply chain", "the US–Japan agreement": a
        // hyphenated pair of names states the two sides
        // (one half of the pair may have been taken for the subject already)
        if f.parties.len() < 2 {
            if let Some((a, b)) = self.hyphen_pair(cl.items, cl.lo, cl.hi) {
                let pair = [a, b].map(|m| self.inp.mentions[m].actor.to_string());
                if f.parties.iter().all(|p| pair.contains(p)) {
                    self.add(&[a, b], &mut f);
                    f.fired("pair");
                }
            }
        }
        self.fill_named_elsewhere(cl, tr, them, &mut f);
        self.fill_other_side(cl, tr, chains, &mut f);
        self.fill_affiliations(cl, &mut f);
        if f.parties.len() <= 1 && self.unnamed_parties(cl) {
            // ("Enligt A pågår samtal med flera kunder": the source is the party)
            if let Some(source) = f.parties.is_empty().then(|| self.source_org(cl)).flatten() {
                f.parties.insert(source);
            }
            f.unnamed = f.parties.len() == 1;
            if f.unnamed {
                f.fired("unnamed");
            }
        }
        if f.parties.is_empty()
            || (f.parties.len() < 2 && tr.main.is_none() && tr.verb.is_none() && !f.unnamed)
        {
            return None;
        }
        // an investment verb with only its subject states no agreement among
        // the subject's names ("whose members, A, B and C, committed to raise
        // their investment in India"): it needs its counterpart
        // (an agreement noun of another kind states one: "A and B signed an
        // MoU to invest")
        let investment_only = tr.main.is_none_or(|n| {
            noun(self.inp, &cl.items[n]).is_some_and(|x| x.kind == Kind::Investment)
        });
        if f.rule == "subject" && investment_only && self.verb_of_kind(cl, tr, Kind::Investment) {
            return None;
        }
        // a plural noun after a possessive is each subject's own ("A and B
        // have placed most of their orders for tonnage"): it names no
        // agreement between them
        let own = tr.main.filter(|_| tr.all_plural).is_some_and(|n| {
            (n.saturating_sub(4).max(cl.lo)..n)
                .any(|k| has(self.inp, &cl.items[k], |t| matches!(t, Tag::Possessive)))
        });
        if f.rule == "subject" && own {
            return None;
        }
        Some(f)
    }

    /// The chain that names the parties of the `between` pattern: the list
    /// after `between`/`mellan`, else the owners of a joint venture or the
    /// members of an alliance.
    fn between_chain<'c>(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &'c [Chain],
    ) -> Option<&'c Chain> {
        // "X, a joint venture of A and B": with no verb before them, the
        // owners named after "of"/"av" a joint-venture noun (or after "owned
        // by") are its parties, as after "between" (with a verb, "lent €300
        // million to X, a joint venture of A and B", the clause states the
        // loan); so are the members named after "of" an alliance or
        // partnership noun ("the Ocean Alliance of A, B, C and D"), also as
        // the subject of a predicate after them ("The partnership of A and
        // B was extended")
        let owners = chains.iter().find(|c| {
            [tr.verb, tr.status_at]
                .into_iter()
                .flatten()
                .all(|v| v > c.last)
                && c.gov != Gov::Between
                && tr.main.is_some_and(|t| {
                    self.venture_owners(cl.items, t, c)
                        && noun(self.inp, &cl.items[t]).is_some_and(|n| {
                            matches!(n.kind, Kind::JointVenture | Kind::Partnership)
                        })
                })
        });
        chains
            .iter()
            .find(|c| c.gov == Gov::Between && !self.detached_between(cl, tr, c))
            .or(owners)
    }

    /// The `noun-by` pattern: the object and the agent of a purchase named
    /// as a noun ("the proposed acquisition of B by A"), which are its
    /// parties whoever stands in the subject ("The Commission has approved
    /// …"). Both follow the noun closely, with no comma or predicate
    /// between ("the acquisition of joint control of B of Italy by A").
    fn noun_agent<'c>(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &'c [Chain],
    ) -> Option<(&'c Chain, &'c Chain)> {
        const REACH: usize = 8;
        let (inp, items) = (self.inp, cl.items);
        let near = |from: usize, g: Option<usize>| {
            g.is_some_and(|g| {
                g > from
                    && g <= from + REACH
                    && (from + 1..g)
                        .all(|k| !self.is_comma(&items[k]) && !has(inp, &items[k], Tag::predicate))
            })
        };
        // (any of the clause's nouns: "approved, under the EU Merger
        // Regulation, the acquisition of B by A")
        tr.nouns
            .iter()
            .filter(|&&n| has(inp, &items[n], |t| matches!(t, Tag::AgentNoun)))
            .find_map(|&n| {
                let object = chains
                    .iter()
                    .find(|c| c.gov == Gov::NotParty && near(n, c.gov_at))?;
                let agent = chains
                    .iter()
                    .find(|c| c.gov == Gov::By && near(object.last, c.gov_at))?;
                agent
                    .members
                    .iter()
                    .any(|&m| self.kind_of(m) != ActorType::Person)
                    .then_some((object, agent))
            })
    }

    /// Whether a `between` list hangs on another word than the clause's
    /// triggers, and so names no parties of its agreement.
    fn detached_between(&self, cl: &Clause, tr: &Triggers, c: &Chain) -> bool {
        // ("…have agreed on a cooperation, reshaping the alliances that
        // dominate trade between Asia and Europe": a relative clause between
        // the last trigger and `between` hangs the list on another noun; so
        // does a relative clause on the agreement noun that signs nothing,
        // "ett avtal, som ska stärka handeln mellan A och B")
        let t = tr
            .nouns
            .iter()
            .chain(&tr.verb)
            .copied()
            .filter(|&t| t < c.first)
            .max();
        let unsigned = tr.verb.is_none()
            && tr.status_at.is_none_or(|s| {
                s > c.first
                    || !has(self.inp, &cl.items[s], |t| {
                        matches!(t, Tag::Status(Status::Signed) | Tag::Passive)
                    })
            });
        // the word before "between", when it is no trigger: no agreement
        // noun, status or predicate
        let no_trigger_before = c.gov_at.filter(|&g| g > cl.lo).is_some_and(|g| {
            !has(self.inp, &cl.items[g - 1], |t| {
                Tag::predicate(t) || matches!(t, Tag::Agreement { .. } | Tag::Status(_))
            })
        });
        // (nor does a noun that is no trigger before every trigger: "At
        // the summit between A and B, C signed agreements with D and E")
        let other_noun = no_trigger_before
            && [tr.main, tr.verb, tr.status_at]
                .into_iter()
                .flatten()
                .all(|t| t > c.last)
            && c.gov_at
                .is_some_and(|g| matches!(cl.items[g - 1].kind, ItemKind::Word));
        // (nor does a route or trade lane: places after a word that is
        // no trigger, "three loops between Asia and northern Europe",
        // "shipping between China and Europe"; not "an agreement
        // between Sweden and Norway", "talks between …")
        let route = no_trigger_before
            && c.members
                .iter()
                .all(|&m| matches!(self.kind_of(m), ActorType::Country | ActorType::Region));
        // (nor does the object of an infinitive after the trigger: "an MoU
        // to create a green corridor between Rotterdam and Singapore")
        let infinitive_object = no_trigger_before
            && t.is_some_and(|t| {
                (t + 1..c.first).any(|k| {
                    let w = self.folded(&cl.items[k]);
                    matches!(w, "to" | "att") || super::modality::infinitive(w)
                })
            });
        other_noun
            || route
            || infinitive_object
            || (cl.inherited_trigger.is_some() && unsigned)
            || t.is_some_and(|t| {
                (t + 1..c.first).any(|k| {
                    has(self.inp, &cl.items[k], |t| {
                        matches!(t, Tag::Which | Tag::Complementizer)
                    })
                })
            })
    }

    /// The passive verb or participle whose `by`/`av` names the parties after
    /// it, and the participle after the agreement noun, if that is what names
    /// them.
    fn passive_verb(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
    ) -> (Option<usize>, Option<usize>) {
        // a verb ending in `by`/`av` ("jointly owned by", "ägs gemensamt av")
        // names its parties after it; what stands before is the thing owned
        // ("the memorandum, signed by A and B on Monday, …": a passive
        // participle ending in `by` after the noun does the same)
        let ends_by = |k: usize| crate::lexicon::ends_in_by(self.folded(&cl.items[k]));
        // (also with a date between the participle and `by`: "a joint
        // venture formed last year by A and B"; not when only people follow,
        // who sign for an agreement stated before: "The partnership was
        // signed in Tokyo by Prime Minister A and Prime Minister B")
        let by_after = |s: usize| {
            chains.iter().any(|c| {
                c.gov == Gov::By
                    && c.gov_at.is_some_and(|g| g > s && g <= s + 3)
                    && c.members
                        .iter()
                        .any(|&m| self.kind_of(m) != ActorType::Person)
            })
        };
        // (the status before the noun may be another: "closed a funding
        // round led by A"; not an ending, which "avslutade en
        // finansieringsrunda" is not)
        let ending = |s: usize| {
            has(self.inp, &cl.items[s], |t| {
                matches!(t, Tag::Status(Status::Terminated))
            })
        };
        let participle = tr
            .status_at
            .filter(|&s| tr.main.is_some_and(|n| n < s) && (ends_by(s) || by_after(s)))
            .or_else(|| {
                let n = tr
                    .main
                    .filter(|&n| tr.status_at.is_some_and(|s| s < n && !ending(s)))?;
                // (one word between, or a date: "a Series A in December led by A")
                let between = |s: usize| {
                    s <= n + 2
                        || (n + 1..s).all(|k| {
                            matches!(cl.items[k].kind, ItemKind::Date(_))
                                || has(self.inp, &cl.items[k], |t| matches!(t, Tag::NotParty))
                        })
                };
                (n + 1..cl.hi.min(n + 5)).find(|&s| {
                    between(s)
                        && ends_by(s)
                        && has(self.inp, &cl.items[s], |t| matches!(t, Tag::Status(_)))
                })
            });
        // (so does a verb of founding in the passive: "Gamma was set up in
        // 2011 by A and B", whose subject is the venture)
        let founded = |k: usize| {
            has(self.inp, &cl.items[k], |t| matches!(t, Tag::Founding))
                && has(self.inp, &cl.items[k], |t| matches!(t, Tag::Passive))
        };
        // (and a passive agreement verb with its agent after a date: "Epiroc
        // was acquired in 2019 by Sandvik")
        let passive = |k: usize| {
            (has(self.inp, &cl.items[k], |t| matches!(t, Tag::Passive))
                || self.needs_agent(&cl.items[k]))
                && by_after(k)
        };
        let passive_verb = tr
            .verb
            .filter(|&v| ends_by(v) || founded(v) || passive(v))
            .or(participle);
        (passive_verb, participle)
    }

    /// The `by` pattern after the passive verb `v`: the chain after it; what
    /// is bought, or the subject of the noun the `participle` describes, is a
    /// party too.
    fn fill_passive_by(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
        v: usize,
        participle: Option<usize>,
        f: &mut Frame,
    ) {
        let Some(c) = chains.iter().find(|c| c.first > v) else {
            return;
        };
        self.add(&c.members, f);
        // "jointly owned by A (60%) and by B and C (20% each)": "and by"
        // goes on with the agents (not past a date: "bought by A in 2020
        // and by B in 2022" are two)
        let mut last = c.last;
        for d in chains.iter().filter(|d| d.first > c.last) {
            let coordinated = d.gov == Gov::By
                && d.gov_at.is_some_and(|g| {
                    g > last + 1
                        && has(self.inp, &cl.items[g - 1], |t| matches!(t, Tag::Coord))
                        && (last + 1..g - 1).all(|k| {
                            !has(self.inp, &cl.items[k], Tag::predicate)
                                && !matches!(cl.items[k].kind, ItemKind::Date(_))
                        })
                });
            if !coordinated {
                break;
            }
            self.add(&d.members, f);
            last = d.last;
        }
        // the seller right after the agents: "Parken köptes av A och B från
        // C", "was bought in 2020 by A from B"
        let seller = chains.iter().find(|d| {
            d.gov_at.is_some_and(|g| g == last + 1) && self.sale_role(cl, d, SaleRole::Seller)
        });
        if let Some(d) = seller {
            self.add(&d.members, f);
        }
        f.fired("by");
        f.explicit = true;
        // "An agreement with B was signed by A": the counterpart the noun
        // names before the verb
        let noun_with = tr.main.and_then(|n| {
            chains
                .iter()
                .find(|d| d.gov == Gov::With && d.gov_at == Some(n + 1) && d.last < v)
        });
        if let Some(d) = noun_with {
            f.with_parties.extend(self.party_ids(&d.members));
            self.add(&d.members, f);
            f.fired("noun-with");
        }
        // "Epiroc was acquired by Sandvik": what is bought is a party
        // too (what is owned jointly is the venture, not its party; with
        // its seller named, the deal is between buyer and seller)
        // (and so is the subject of a predicate before the noun the
        // participle describes: "Beta raised $120 million in a
        // funding round led by Acme")
        let described = participle == Some(v)
            && tr.main.is_some_and(|n| {
                (cl.lo..n).any(|k| {
                    has(self.inp, &cl.items[k], |t| {
                        matches!(t, Tag::Status(_) | Tag::AgreementVerb { .. })
                    })
                })
            });
        if !self.verb_of_kind(cl, tr, Kind::JointVenture)
            && (tr.verb == Some(v) || described)
            && seller.is_none()
        {
            if let Some(s) = chains
                .iter()
                .rfind(|s| s.gov == Gov::None && s.last < v && tr.main.is_none_or(|n| s.last < n))
            {
                self.add(&s.members, f);
                f.fired("subject");
            } else if let Some(s) = cl.inherited_subject.as_ref() {
                // "Epiroc, which was acquired by Sandvik, …"
                self.add(s, f);
                f.fired("relative");
            }
        }
    }

    /// The `with-them`, `cataphora` and `group` patterns: parties named in
    /// the sentences before or after the clause.
    fn fill_named_elsewhere(
        &self,
        cl: &Clause,
        tr: &Triggers,
        them: Option<(Vec<String>, usize, bool)>,
        f: &mut Frame,
    ) {
        // "… expects to sign framework agreements with them": the counterparts
        // of the last agreements stated with several, one agreement with each
        // when the noun is plural
        if f.with_parties.is_empty() && !f.parties.is_empty() {
            if let Some((them, at, _)) = them {
                if cl.si <= at + 4 && them.iter().all(|t| !f.parties.contains(t)) {
                    f.parties.extend(them.iter().cloned());
                    f.with_parties = them;
                    f.fired("with-them");
                }
            }
        }
        // "Six Japanese companies have signed an MoU. The companies, A, B and
        // C, …": a counted subject named in the next sentence
        if f.parties.is_empty() && self.counted_subject(cl, tr) {
            if let Some(members) = self.named_next(cl.si) {
                self.add(&members, f);
                f.fired("cataphora");
            }
        }
        // "… signed an MoU with a group of eight airlines and fuel producers.
        // … United, Alaska, … ": a counted counterpart named in the sentences after
        if f.parties.len() == 1 && f.with_parties.is_empty() {
            if let Some(members) = self.counted_counterparts(cl, &f.parties) {
                f.parties.extend(members);
                f.fired("group");
            }
        }
    }

    /// The `we`, `project` and `topic` patterns: the other side of a frame
    /// with one party, from the speaker or the company the text is about.
    fn fill_other_side(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], f: &mut Frame) {
        // "“We have signed an agreement with Beta,” says Anna Berg, CEO of
        // Acme": "we", "our" stand for the speaker's organisation (with a
        // predicate: "This deal with Beta lets us grow" states no signing)
        // (not "this agreement", which refers back to one stated already)
        let definite = tr.main.is_some_and(|n| {
            noun(self.inp, &cl.items[n]).is_some_and(|x| x.definite)
                || self.english_definite(cl.items, n, cl.lo)
        });
        // (but for a definite noun with its counterpart right after it: "– Vi
        // har tecknat avtalet med Vattenfall, säger …" names the deal anew)
        let with_after = tr.main.is_some_and(|n| {
            chains
                .iter()
                .any(|c| c.gov == Gov::With && c.gov_at == Some(n + 1))
        });
        if f.parties.len() == 1
            && ((tr.status_at.is_some() || tr.verb.is_some()) && (!definite || with_after)
                || tr.main.is_some_and(|n| self.ours_is_with(cl, n)))
        {
            if let Some(org) = self.first_person_speaker(cl) {
                if f.parties.insert(org) {
                    f.fired("we");
                }
            }
        }
        // "The EIB lends EUR 314 million to the project": a loan or
        // investment in the project, plant or construction the text is about
        // is one with the company it is about
        if f.parties.len() == 1 {
            if let Some(c) = self
                .project_company(cl, tr)
                .filter(|c| !f.parties.contains(c))
            {
                f.parties.insert(c);
                f.fired("project");
            }
        }
        // "A supply deal with Scania was signed in March", in a text about
        // Stegra: a `with` counterpart alone, no subject in the clause, is
        // the counterpart of the company the text is about (not after a
        // definite noun, which takes up an agreement stated before, nor in a
        // sentence that says "we", whose speaker the quote rules find)
        // (a list of them, each its own: "I juni 2019 skrevs kontrakt med
        // Veidekke och YIT", in a text about Stockholm Vatten, is one
        // contract with each, not one between the two)
        if f.rule == "with" && !f.with_parties.is_empty() && self.topic_counterpart(cl, tr) {
            if let Some(c) = self.topic_company(cl.si).filter(|c| !f.parties.contains(c)) {
                f.parties.insert(c);
                f.split |= f.with_parties.len() >= 2;
                f.fired("topic");
            }
        }
        // "Much of the output is already sold:\n• Bilstein has a seven-year
        // supply deal": a subject alone in an item of a list that a colon
        // opens, with an indefinite agreement noun, is a counterpart of the
        // company the text is about (not when the sentence names others
        // after the trigger: "• Legora: the start-up raised $80m in a round
        // that A and B led"; an apposition on the subject may: "• Axel
        // Springer, owner of Politico, agreed a licensing deal")
        let names_others = || {
            let sent = &self.inp.sentences[cl.si];
            let after = cl.items[tr.main.unwrap_or(tr.pivot)].end;
            self.mentions_in(after, sent.end).iter().any(|m| {
                !f.parties.contains(&*m.actor) && self.inp.actors.kind(&m.actor).can_be_party()
            })
        };
        if f.rule == "subject"
            && f.parties.len() == 1
            && self.colon_list_item(cl.si)
            && !names_others()
        {
            let topic = self.topic_company(cl.si).filter(|c| !f.parties.contains(c));
            if let Some(c) = topic.filter(|_| self.topic_counterpart(cl, tr)) {
                f.parties.insert(c);
                f.fired("list-topic");
            }
        }
    }

    /// Whether sentence `si` is in an item of a list whose lead-in, the
    /// block before the list, ends with a colon.
    fn colon_list_item(&self, si: usize) -> bool {
        let inp = self.inp;
        let Some(b) = super::list_item(inp, si) else {
            return false;
        };
        inp.blocks[..b]
            .iter()
            .rev()
            .find(|x| x.kind != BlockKind::ListItem)
            .is_some_and(|x| inp.text[x.start..x.end].trim_end().ends_with(':'))
    }

    /// "Our longest-standing research collaboration is with B", "Vårt
    /// viktigaste samarbete är med B", "Our partnership with B is
    /// deepening": a first-person possessive before the agreement noun, then
    /// the partner after "with", right after the noun or past a copula.
    fn ours_is_with(&self, cl: &Clause, n: usize) -> bool {
        const REACH: usize = 4;
        let (inp, items) = (self.inp, cl.items);
        let ours = (n.saturating_sub(REACH).max(cl.lo)..n)
            .any(|k| self.first_person_possessive(&items[k]));
        let copula = items
            .get(n + 1)
            .is_some_and(|x| inp.lexicon.is_copula(self.folded(x)));
        let with = n + 1 + usize::from(copula);
        ours && items
            .get(with)
            .is_some_and(|x| with < cl.hi && has(inp, x, |t| matches!(t, Tag::With)))
            && (with + 1..cl.hi.min(with + 3))
                .find(|&k| !has(inp, &items[k], |t| matches!(t, Tag::Determiner)))
                .is_some_and(|k| self.mention(&items[k]).is_some())
    }

    /// Whether the item is a first-person possessive ("our", "vår"): a
    /// first-person word that is neither subject nor object.
    fn first_person_possessive(&self, x: &Item) -> bool {
        has(self.inp, x, |t| matches!(t, Tag::FirstPerson))
            && !has(self.inp, x, |t| {
                matches!(t, Tag::FirstPersonSubject | Tag::FirstPersonObject)
            })
    }

    /// "A and B each bought into C", "A och B har var och en tecknat avtal
    /// med C": a distributive word right after a subject of two or more
    /// names makes one agreement of each with the other side.
    fn each_subject(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], f: &mut Frame) {
        // (a plural noun with one counterpart is split already, into one
        // agreement: "A and B each signed agreements with C")
        if f.split && (f.with_groups.len() >= 2 || f.with_parties.len() >= 2) {
            return;
        }
        let Some(subject) = chains.iter().find(|c| {
            c.gov == Gov::None && c.members.len() >= 2 && c.last < tr.pivot.min(tr.first)
        }) else {
            return;
        };
        // (past a country that says whose the last name is: "A and B of
        // South Korea each …")
        let each = (subject.last + 1..cl.hi.min(subject.last + 5))
            .take_while(|&k| {
                self.mention(&cl.items[k])
                    .is_none_or(|m| self.nationality(m))
                    && !matches!(cl.items[k].kind, ItemKind::Punct(_))
            })
            .any(|k| has(self.inp, &cl.items[k], |t| matches!(t, Tag::Distributive)))
            || tr
                .main
                .is_some_and(|n| n > subject.last && self.distributive_noun(cl, n));
        let members: Vec<String> = subject
            .members
            .iter()
            .map(|&m| self.inp.mentions[m].actor.to_string())
            .collect();
        let other_side = f.parties.iter().any(|p| !members.contains(p));
        if each && other_side && members.iter().all(|m| f.parties.contains(m)) {
            // (emit names the split "+each")
            f.with_parties = members;
            f.with_groups.clear();
            f.split = true;
        }
    }

    /// Whether a word before the agreement noun at `n` makes it each
    /// subject's own ("their own agreements", "var sitt avtal", "separate
    /// contracts"; not "a separate contract").
    fn distributive_noun(&self, cl: &Clause, n: usize) -> bool {
        let plural = has(self.inp, &cl.items[n], |t| {
            matches!(t, Tag::Agreement { plural: true, .. })
        });
        (n.saturating_sub(3).max(cl.lo)..n).any(|k| {
            has(self.inp, &cl.items[k], |t| {
                matches!(t, Tag::DistributiveNoun)
                    || (plural && matches!(t, Tag::DistributivePlural))
            })
        })
    }

    /// The `affiliation` pattern: people's organisations when the frame names
    /// only one side.
    fn fill_affiliations(&self, cl: &Clause, f: &mut Frame) {
        // people's organisations when the text names only one side: the one
        // the text gives them ("NASA Administrator X", "X, rektor vid Y"), else
        // the gazetteer's; also when all the parties are counterparts after
        // "with" ("President X signed security agreements with A, B and C")
        let one_side = |f: &Frame| {
            f.parties.len() < 2
                || (!f.with_parties.is_empty()
                    && f.parties.iter().all(|p| f.with_parties.contains(p)))
        };
        if one_side(f) {
            for k in cl.range().filter(|&k| self.is_person(&cl.items[k])) {
                let id = self.mention(&cl.items[k]).map(|m| m.actor.to_string());
                if !id.is_some_and(|id| f.persons.contains(&id)) {
                    continue;
                }
                if let Some(org) = self.text_affiliation(cl, k) {
                    if f.parties.insert(org) {
                        f.fired("affiliation");
                    }
                }
            }
        }
        // (the organisation the text gave the person in a sentence before:
        // "said Allard Castelein, CEO of the Port of Rotterdam Authority. …
        // Castelein and X signed …")
        if one_side(f) {
            for p in f.persons.clone() {
                if let Some(org) = self.earlier_affiliation(&p, cl.si) {
                    if f.parties.insert(org) {
                        f.fired("affiliation");
                    }
                }
            }
        }
        if one_side(f) {
            for p in f.persons.clone() {
                if let Some(org) = self.inp.actors.affiliations(&p).into_iter().next() {
                    if self.inp.actors.kind(&org).can_be_party() && f.parties.insert(org) {
                        f.fired("affiliation");
                    }
                }
            }
        }
    }

    /// Whether `c` follows "in" or "i" after a stake that a name before it
    /// owns ("Yara's 50% stake in Elkem", "Yaras andel i Elkem").
    fn in_owned_stake(&self, items: &[Item], lo: usize, c: &Chain) -> bool {
        let lex = &self.inp.lexicon;
        if c.first < lo + 2 {
            return false;
        }
        let Some((stake, noun)) = self.noun_before_in(items, lo, c.first - 1) else {
            return false;
        };
        lex.is_stake(noun)
            && ((stake.saturating_sub(3).max(lo)..stake)
                .any(|k| self.mention(&items[k]).is_some_and(|m| m.genitive))
                // (or its owner after a participle: "the 25% interest in
                // Epiroc held by Boliden")
                || self.owner_after(items, c.last))
    }

    /// Whether an owner follows the name at `k` after an owner participle
    /// and `by` ("… in Epiroc held by Boliden", "owned by").
    fn owner_after(&self, items: &[Item], k: usize) -> bool {
        let (inp, lex) = (self.inp, &self.inp.lexicon);
        k + 3 < items.len()
            && lex.owner_participles.contains(self.folded(&items[k + 1]))
            && has(inp, &items[k + 2], |t| matches!(t, Tag::By))
            && self.mention(&items[k + 3]).is_some()
    }

    /// Whether the chain `c` names the owner of a stake bought or sold in
    /// the clause: "acquire the 25% interest in Epiroc held by Boliden".
    fn stake_owner(&self, cl: &Clause, c: &Chain) -> bool {
        let items = cl.items;
        c.gov_at.is_some_and(|g| {
            g >= cl.lo + 3
                && self.mention(&items[g - 2]).is_some()
                && self.owner_after(items, g - 2)
                && self
                    .noun_before_in(items, cl.lo, g - 3)
                    .is_some_and(|(_, noun)| self.inp.lexicon.is_stake(noun))
        })
    }

    /// The noun that the "in"/"i" at `j` follows and the item it stands in:
    /// the word before a bare "in" (at `lo` or after), or the last word but
    /// one of a phrase ending in it ("a minority stake in" is one phrase).
    fn noun_before_in(&self, items: &[Item], lo: usize, j: usize) -> Option<(usize, &'a str)> {
        let w = self.folded(&items[j]);
        match w.rsplit_once(' ') {
            _ if matches!(w, "in" | "i") => (j > lo).then(|| (j - 1, self.folded(&items[j - 1]))),
            Some((noun, "in" | "i")) => Some((j, noun.rsplit(' ').next().unwrap_or(noun))),
            _ => None,
        }
    }

    /// The company the text is about, when a project noun after a loan's or
    /// investment's preposition follows the clause's investment verb or noun
    /// ("lends EUR 314 million to the project", "ett lån på 57 miljoner euro
    /// till bygget"), or is the object of its verb ("will finance the
    /// project"), with no name between; or opens the clause as its subject
    /// ("The plant will be financed by X").
    fn project_company(&self, cl: &Clause, tr: &Triggers) -> Option<String> {
        self.investment_triggers(cl, tr)
            .any(|t| self.project_after(cl, tr, t) || self.project_subject(cl, t))
            .then(|| self.project_owner(cl))
            .flatten()
    }

    /// Whose project "the project", "the plant" is: the company the text is
    /// about, else the company last named.
    fn project_owner(&self, cl: &Clause) -> Option<String> {
        self.topic_company(cl.si)
            .or_else(|| self.last_company(cl.si, cl.items, cl.lo, true))
    }

    /// Whether the clause's agreement noun is indefinite and its sentence
    /// has no first-person pronoun: a `with` counterpart alone is then one
    /// of the company the text is about.
    fn topic_counterpart(&self, cl: &Clause, tr: &Triggers) -> bool {
        let (inp, items) = (self.inp, cl.items);
        let indefinite = tr.main.is_some_and(|n| {
            noun(inp, &items[n]).is_some_and(|x| !x.definite)
                && !self.english_definite(items, n, cl.lo)
        });
        indefinite
            && !items.iter().any(|it| {
                has(inp, it, |t| {
                    matches!(
                        t,
                        Tag::FirstPerson | Tag::FirstPersonSubject | Tag::FirstPersonObject
                    )
                })
            })
    }

    /// The clause's investment nouns and verb.
    fn investment_triggers<'t>(
        &'t self,
        cl: &'t Clause,
        tr: &'t Triggers,
    ) -> impl Iterator<Item = usize> + 't {
        tr.nouns
            .iter()
            .chain(tr.verb.iter())
            .copied()
            .filter(|&k| self.investment_trigger(&cl.items[k]))
    }

    /// Whether a project noun opens the clause as the subject of the
    /// investment trigger at `t`, with no name between ("The project has
    /// received a grant of SEK 60 million from X", "Projektet har fått ett
    /// stöd på … från X").
    fn project_subject(&self, cl: &Clause, t: usize) -> bool {
        let (inp, items) = (self.inp, cl.items);
        let mut k = cl.lo;
        // (after the conjunction that opens the clause: "…, and the project")
        if k < t && (self.is_comma(&items[k]) || has(inp, &items[k], |x| matches!(x, Tag::Coord))) {
            k += 1;
        }
        if k < t
            && has(inp, &items[k], |x| {
                matches!(x, Tag::Possessive | Tag::Determiner)
            })
        {
            k += 1;
        }
        k < t
            && matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
            && inp.lexicon.is_project_noun(self.folded(&items[k]))
            && (k + 1..t).all(|j| self.mention(&items[j]).is_none())
    }

    /// Whether a project noun follows the investment trigger at `t` as
    /// [`State::project_company`] asks.
    fn project_after(&self, cl: &Clause, tr: &Triggers, t: usize) -> bool {
        let (inp, items) = (self.inp, cl.items);
        let Some(p) = (t + 1..cl.hi).find(|&k| {
            matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                && inp.lexicon.is_project_noun(self.folded(&items[k]))
        }) else {
            return false;
        };
        // the preposition right before it, or before its determiner
        let d = if has(inp, &items[p - 1], |x| {
            matches!(x, Tag::Possessive | Tag::Determiner)
        }) {
            p - 1
        } else {
            p
        };
        let prep = self.folded(&items[d - 1]);
        // (or the definite object of a verb of financing: "will finance the
        // project", "is funding the wind farm", "finansierar bygget"; not
        // "invested in a plant in Brazil")
        // (a time between: "beviljade i fjol projektet 53 miljoner kronor")
        let time = |k: usize| {
            matches!(items[k].kind, ItemKind::Date(_))
                || inp.lexicon.is_adverb(self.folded(&items[k]))
        };
        let object = tr.verb == Some(t)
            && (p == t + 1
                || (p <= t + 3
                    && matches!(self.folded(&items[t + 1]), "the" | "its" | "their" | "this"))
                || (p <= t + 3 && (t + 1..p).all(time)));
        let after_preposition = d > t + 1
            && (inp
                .lexicon
                .introduces_counterpart(Kind::Investment, true, prep)
                || matches!(prep, "for" | "för"));
        // (no name between the trigger and the project: "lends to A for the plant")
        (object || after_preposition) && (t + 1..p).all(|k| self.mention(&items[k]).is_none())
    }

    /// The organisation a first-person pronoun in the clause stands for: the
    /// speaker named right after a comment verb later in the sentence, an
    /// organisation ("…, says Acme", "said Acme's chief executive …"), or
    /// a person's, as the text gives it ("…, säger Anna Berg, vd för Acme")
    /// or the gazetteer does.
    fn first_person_speaker(&self, cl: &Clause) -> Option<String> {
        let (inp, items) = (self.inp, cl.items);
        let we =
            (cl.lo..cl.hi).find(|&k| has(inp, &items[k], |t| matches!(t, Tag::FirstPerson)))?;
        self.speaker_of_first_person(cl, we)
    }

    /// [`State::first_person_speaker`] for the first-person pronoun at `we`
    /// (a subject or an object: "with us", "av oss").
    fn speaker_of_first_person(&self, cl: &Clause, we: usize) -> Option<String> {
        const NEXT_SENTENCES: usize = 3;
        let (inp, items) = (self.inp, cl.items);
        // (in the whole sentence: a clause's items may lack a relative
        // clause that names the speaker's organisation, "…," said Anna
        // Berg, who heads A)
        let sent = &inp.sentences[cl.si];
        let whole = self.items(sent.start, sent.end);
        let (whole, at) = match whole.iter().position(|x| x.start == items[we].start) {
            Some(at) => (whole, at),
            None => (items.to_vec(), we),
        };
        if let Some(org) = self
            .speaker_org(&whole, at + 1)
            .or_else(|| self.speaker_before_quote(&whole, at))
        {
            return Some(org);
        }
        // (the quote may run on: "– … när vi slöt vårt avtal med B … . Sedan
        // dess …, säger Anna Berg, vd för A"; within its paragraph)
        let block = sent.block;
        (cl.si + 1..inp.sentences.len())
            .take(NEXT_SENTENCES)
            .take_while(|&s| inp.sentences[s].block == block)
            .find_map(|s| {
                let sent = &inp.sentences[s];
                self.speaker_org(&self.items(sent.start, sent.end), 0)
            })
            .or_else(|| self.document_voice(cl, we))
    }

    /// Whom an unattributed "we" subject, "us" object or "our" at `we`
    /// speaks for, outside a quote or in an interview: the first company or
    /// organisation the document names. An interview names its guest's
    /// company first ("Maersk's Vincent Clerc on …", "Intervju med Anna
    /// Borg, vd för Vattenfall"), a press release or a report its issuer
    /// ("Viatris, which signed a licence with us in 2022, …").
    fn document_voice(&self, cl: &Clause, we: usize) -> Option<String> {
        const INTERVIEW_BLOCKS: usize = 3;
        let (inp, items) = (self.inp, cl.items);
        // (an object, "with us", or a possessive, "our partnership")
        let we = if self.first_person_possessive(&items[we])
            || has(inp, &items[we], |t| matches!(t, Tag::FirstPersonObject))
        {
            we
        } else {
            (cl.lo..cl.hi)
                .find(|&k| has(inp, &items[k], |t| matches!(t, Tag::FirstPersonSubject)))?
        };
        let block = &inp.blocks[inp.sentences[cl.si].block];
        let before = &inp.text[block.start..items[we].start];
        // (a hyphen opens a quote only with a comment verb in its block; else
        // it is a bullet: "- Hugging Face: our collaboration with …")
        let hyphen_quote = || {
            before.starts_with('-')
                && inp.phrases[inp.phrases.partition_point(|p| p.start < block.start)..]
                    .iter()
                    .take_while(|p| p.start < block.end)
                    .any(|p| p.tags.iter().any(|t| matches!(t, Tag::Comment)))
        };
        let quoted = before.contains(['"', '“', '”', '«', '»'])
            || before.starts_with(['–', '—'])
            || hyphen_quote();
        let interview = || {
            let end = inp
                .blocks
                .get(INTERVIEW_BLOCKS)
                .map_or(inp.text.len(), |b| b.start);
            inp.phrases
                .iter()
                .take_while(|p| p.start < end)
                .any(|p| p.tags.iter().any(|t| matches!(t, Tag::Interview)))
        };
        if quoted && !interview() {
            return None;
        }
        self.first_company()
    }

    /// The organisation the document speaks for: the one a press release's
    /// boilerplate is about ("About Acme", "Om Acme" on a line of its own),
    /// else the first company or organisation the document names.
    fn first_company(&self) -> Option<String> {
        let inp = self.inp;
        let about = inp.blocks.iter().find_map(|b| {
            let line = &inp.text[b.start..b.end];
            let (head, rest) = line.split_once(' ')?;
            if !inp.lexicon.about_heads.contains(&crate::text::fold(head)) {
                return None;
            }
            let at = b.start + head.len() + 1 + (rest.len() - rest.trim_start().len());
            let m = &inp.mentions[self.mention_spanning(at, b.end)?];
            let kind = inp.actors.kind(&m.actor);
            (kind.can_be_party() && !matches!(kind, ActorType::Country | ActorType::Region))
                .then(|| m.actor.to_string())
        });
        about.or_else(|| self.first_named_company())
    }

    /// The first company or organisation the document names.
    fn first_named_company(&self) -> Option<String> {
        let inp = self.inp;
        inp.mentions
            .iter()
            .map(|m| &m.actor)
            .find(|id| {
                matches!(
                    inp.actors.kind(id),
                    ActorType::Company | ActorType::Organization
                )
            })
            .map(|id| id.to_string())
    }

    /// Adds the document's issuer as the counterpart when the anaphor at `k`
    /// is its capitalised term ("in the Company") and the issuer is no party
    /// yet; whether it did.
    fn issuer_counterpart(&self, cl: &Clause, k: usize, f: &mut Frame) -> bool {
        let issuer = self
            .capitalized_term(cl, k)
            .then(|| self.first_company())
            .flatten()
            .filter(|c| !f.parties.contains(c));
        if let Some(c) = issuer {
            f.add_counterpart(c, "with-anaphor");
            return true;
        }
        false
    }

    /// Whether the company anaphor at `a` is written with a capital inside
    /// its sentence ("in the Company", "som Bolaget emitterade"): a report's
    /// defined term for its issuer.
    fn capitalized_term(&self, cl: &Clause, a: usize) -> bool {
        let x = &cl.items[a];
        let written = &self.inp.text[x.start..x.end];
        // (not an organisation's head, "the Ministry", "the Bank": the last
        // actor named with it)
        x.start > self.inp.sentences[cl.si].start
            && !self.pronoun(x)
            && has(self.inp, x, |t| matches!(t, Tag::CompanyAnaphor))
            && !has(self.inp, x, |t| matches!(t, Tag::OrgHead))
            && written
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// The organisation of the speaker named right after the first comment
    /// verb in `items[from..]`: an organisation ("…, says Acme", "said
    /// Acme's chief executive …"), or a person's, as the text gives it
    /// ("…, säger Anna Berg, vd för Acme") or the gazetteer does.
    fn speaker_org(&self, items: &[Item], from: usize) -> Option<String> {
        const REACH: usize = 3;
        let inp = self.inp;
        let said =
            (from..items.len()).find(|&k| has(inp, &items[k], |t| matches!(t, Tag::Comment)))?;
        // (or before it, after the quote: "…,” Acme's chief executive Anna
        // Berg said")
        let k = (said + 1..items.len().min(said + 1 + REACH))
            .find(|&k| self.mention(&items[k]).is_some())
            .or_else(|| self.subject_after_quote(items, said, from))?;
        self.organisation_of(items, k)
    }

    /// "Enligt A:s vd B pågår samtal …", "According to A, talks …": the
    /// organisation a source preposition in the clause names.
    fn source_org(&self, cl: &Clause) -> Option<String> {
        const REACH: usize = 4;
        let (inp, items) = (self.inp, cl.items);
        let at = cl
            .range()
            .find(|&k| has(inp, &items[k], |t| matches!(t, Tag::SourcePreposition)))?;
        let k = (at + 1..cl.hi.min(at + 1 + REACH)).find(|&k| self.mention(&items[k]).is_some())?;
        self.organisation_of(items, k)
    }

    /// The organisation the name at `k` speaks for: itself, or a person's,
    /// as the apposition after the name gives it ("Anna Berg, vd för Acme")
    /// or the gazetteer does; not a place.
    fn organisation_of(&self, items: &[Item], k: usize) -> Option<String> {
        let inp = self.inp;
        let id = self.mention(&items[k])?.actor.to_string();
        // (an organisation, not a place: "Arun Bansal, Ericsson President of
        // Europe" speaks for Ericsson)
        let organisation = |id: &str| {
            matches!(
                inp.actors.kind(id),
                ActorType::Company
                    | ActorType::Organization
                    | ActorType::Government
                    | ActorType::Alliance
            )
        };
        if inp.actors.kind(&id) != ActorType::Person {
            return organisation(&id).then_some(id);
        }
        // the first organisation in the apposition or relative clause after
        // the person ("Anna Berg, vd för Acme", "Anna Berg, who heads Acme",
        // "Anna Berg som är vd på Acme")
        let text = |j: usize| &inp.text[items[j].start..items[j].end];
        let opens = |j: usize| {
            j < items.len()
                && (text(j).starts_with(',') || has(inp, &items[j], |t| matches!(t, Tag::Which)))
        };
        let in_text = opens(k + 1)
            .then(|| {
                (k + 2..items.len().min(k + 10))
                    .take_while(|&j| {
                        !matches!(items[j].kind, ItemKind::Punct(_))
                            && !text(j).starts_with([',', ';'])
                    })
                    .filter_map(|j| self.mention(&items[j]))
                    .map(|m| m.actor.to_string())
                    .find(|o| organisation(o))
            })
            .flatten();
        in_text.or_else(|| {
            inp.actors
                .affiliations(&id)
                .into_iter()
                .find(|o| organisation(o))
        })
    }

    /// The first name of the subject right before the comment verb at
    /// `said`, back to the punctuation that closes a quote or opens the
    /// sentence ("…,” Acme's chief executive Anna Berg said", "Acme said: “We
    /// …”"), not before `lo`.
    fn subject_after_quote(&self, items: &[Item], said: usize, lo: usize) -> Option<usize> {
        const REACH: usize = 6;
        let inp = self.inp;
        let open = |x: &Item| {
            let t = &inp.text[x.start..x.end];
            matches!(x.kind, ItemKind::Punct(_))
                || t.starts_with(QUOTE_MARKS)
                || t.starts_with([',', ':', '–', '—'])
        };
        let first = (said.saturating_sub(REACH).max(lo)..said)
            .rev()
            .take_while(|&k| !open(&items[k]))
            .last();
        if let Some(first) = first {
            return (first..said).find(|&k| self.mention(&items[k]).is_some());
        }
        // (past a person's apposition between commas: "…,” Anna Berg, vd
        // för Acme, sa": the person, whose organisation the apposition gives)
        let comma = said
            .checked_sub(1)
            .filter(|&c| c > lo && self.is_comma(&items[c]))?;
        let quote = (comma.saturating_sub(2 * REACH).max(lo)..comma)
            .rev()
            .find(|&k| inp.text[items[k].start..items[k].end].contains(QUOTE_MARKS))?;
        (quote + 1..comma)
            .find(|&k| self.mention(&items[k]).is_some())
            .filter(|&k| self.is_person(&items[k]))
    }

    /// "Acme said: “We have signed …”": the speaker of a quote that opens
    /// after a comment verb and a colon or quotation mark before the
    /// first-person pronoun at `we`.
    fn speaker_before_quote(&self, items: &[Item], we: usize) -> Option<String> {
        let inp = self.inp;
        let said = (0..we)
            .rev()
            .find(|&k| has(inp, &items[k], |t| matches!(t, Tag::Comment)))?;
        let quoted = items[said + 1..we].iter().any(|x| {
            let t = &inp.text[x.start..x.end];
            t.starts_with(':') || t.starts_with(QUOTE_MARKS)
        });
        if !quoted {
            return None;
        }
        let k = self.subject_after_quote(items, said, 0)?;
        let id = self.mention(&items[k])?.actor.to_string();
        (inp.actors.kind(&id) != ActorType::Person).then_some(id)
    }

    /// The `unnamed` pattern: a `with` word followed by a group the text
    /// does not name ("in talks with several carmakers", "samtal med flera
    /// intresserade befraktare"), with no name in the group.
    fn unnamed_parties(&self, cl: &Clause) -> bool {
        const REACH: usize = 6;
        let (inp, items) = (self.inp, cl.items);
        (cl.lo..cl.hi.saturating_sub(1)).any(|k| {
            self.governs_with(&items[k])
                && has(inp, &items[k + 1], |t| matches!(t, Tag::UnnamedParties))
                && (k + 2..cl.hi.min(k + 2 + REACH))
                    .take_while(|&j| {
                        !matches!(items[j].kind, ItemKind::Punct(_)) && !self.is_comma(&items[j])
                    })
                    .all(|j| self.mention(&items[j]).is_none())
        })
    }

    /// "with them", "med dem" in the clause: the counterparts they stand for,
    /// the sentence that named them, and whether each had an agreement of its
    /// own (then each has one here too: "… signed supply agreements with A
    /// and B. … framework agreements with them").
    fn with_them(&self, cl: &Clause) -> Option<(Vec<String>, usize, bool)> {
        let items = cl.items;
        let at = (cl.lo..cl.hi.saturating_sub(1)).find(|&k| {
            (has(self.inp, &items[k], |t| matches!(t, Tag::With))
                || self.phrase_ends_with_with(&items[k]))
                && matches!(self.folded(&items[k + 1]), "them" | "dem")
        });
        at.and(self.last_counterparts.clone())
    }

    /// How many agreements the clause states: the number before the agreement
    /// noun ("signed two loan agreements", "tecknade tre leveransavtal": a
    /// Swedish neuter plural looks singular), at most one word between and a
    /// space after the number ("a two-year agreement" is one); else 1.
    fn counted(&self, cl: &Clause, tr: &Triggers) -> u8 {
        let Some(t) = tr.main else {
            return 1;
        };
        let text = self.inp.text.as_bytes();
        // (not across a singular article: "presenterade de fem ett samarbete"
        // is one agreement of five parties)
        let article = |k: usize| matches!(self.folded(&cl.items[k]), "a" | "an" | "en" | "ett");
        (t.saturating_sub(2).max(cl.lo)..t)
            .rev()
            .take_while(|&k| !article(k))
            .find_map(|k| {
                let spaced = text.get(cl.items[k].end) == Some(&b' ');
                tags(self.inp, &cl.items[k]).iter().find_map(|x| match x {
                    Tag::Number(n) if spaced => Some((*n).min(10)),
                    _ => None,
                })
            })
            .unwrap_or(1)
    }

    /// A subject counted but not named before the trigger: a quantifier and
    /// no name ("Six Japanese companies have together signed …", "Tre
    /// nordiska bolag har tecknat …").
    fn counted_subject(&self, cl: &Clause, tr: &Triggers) -> bool {
        let end = [tr.main, tr.verb, tr.status_at]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(cl.lo)
            .min(cl.hi);
        let zone = &cl.items[cl.lo..end];
        zone.iter()
            .take(3)
            .any(|it| has(self.inp, it, |t| matches!(t, Tag::PluralQuantifier)))
            && zone.iter().all(|it| self.mention(it).is_none())
    }

    /// A counterpart counted but not named after `with` ("with a group of
    /// eight airlines", "med tre japanska bolag"): the first so many
    /// organisations named in the next eight sentences of the document, other
    /// than the parties already found. Places and people are not counted;
    /// fewer than so many names leave the counterpart unknown.
    fn counted_counterparts(&self, cl: &Clause, parties: &BTreeSet<String>) -> Option<Vec<String>> {
        let inp = self.inp;
        let items = cl.items;
        let w = (cl.lo..cl.hi).find(|&k| has(inp, &items[k], |t| matches!(t, Tag::With)))?;
        let end = (w + 1..cl.hi)
            .find(|&k| matches!(items[k].kind, ItemKind::Punct(_)))
            .unwrap_or(cl.hi);
        if (w + 1..end).any(|k| self.mention(&items[k]).is_some()) {
            return None;
        }
        let (at, n) = (w + 1..end.min(w + 5)).find_map(|k| {
            tags(inp, &items[k]).iter().find_map(|t| match t {
                Tag::Number(n) => Some((k, usize::from(*n))),
                _ => None,
            })
        })?;
        // "with an option for five more": a count of more of something, no group
        if items.get(at + 1).is_none_or(|x| {
            matches!(x.kind, ItemKind::Punct(_))
                || matches!(self.folded(x), "more" | "fler" | "further" | "ytterligare")
        }) {
            return None;
        }
        let organisation = |m: &crate::matcher::Mention| {
            let t = inp.actors.kind(&m.actor);
            t.can_be_party() && !matches!(t, ActorType::Country | ActorType::Region)
        };
        let mut found: Vec<String> = Vec::new();
        for s in inp.sentences.iter().skip(cl.si + 1).take(8) {
            for m in self.mentions_in(s.start, s.end) {
                let id = m.actor.to_string();
                if organisation(m) && !parties.contains(&id) && !found.contains(&id) {
                    found.push(id);
                }
            }
            if found.len() >= n {
                found.truncate(n);
                return Some(found);
            }
        }
        None
    }

    /// The names listed after a parties anaphor at the start of sentence
    /// `si + 1` of the same block ("The companies, IHI, MOL and Mizuho Bank,
    /// agreed …", "Bolagen, A och B, …"): their mention indices, at least two.
    fn named_next(&self, si: usize) -> Option<Vec<usize>> {
        let inp = self.inp;
        let sent = inp.sentences.get(si + 1)?;
        let items = self.items(sent.start, sent.end);
        let k = items
            .iter()
            .take(2)
            .position(|it| has(inp, it, |t| matches!(t, Tag::PartiesAnaphor)))?;
        if !items.get(k + 1).is_some_and(|x| self.is_comma(x)) {
            return None;
        }
        let chain = self.chains(&items, k + 2, items.len()).into_iter().next()?;
        (chain.first == k + 2 && chain.members.len() >= 2).then_some(chain.members)
    }

    /// Two names joined by a hyphen or dash with no space ("Japan-EU",
    /// "US–Japan"), both of kinds that can be parties, as the first names of
    /// the clause that can be parties (a name before them is the subject: "A
    /// and B deepen EU–Japan cooperation"): their mention indices.
    fn hyphen_pair(&self, items: &[Item], lo: usize, hi: usize) -> Option<(usize, usize)> {
        let party = |m: usize| self.kind_of(m).can_be_party();
        let k = (lo..hi).find(|&k| matches!(items[k].kind, ItemKind::Mention(m) if party(m)))?;
        let (x, d, y) = (&items[k], items.get(k + 1)?, items.get(k + 2)?);
        let joined = k + 2 < hi
            && matches!(d.kind, ItemKind::Punct('-' | '–' | '—'))
            && x.end == d.start
            && d.end == y.start;
        let (ItemKind::Mention(a), ItemKind::Mention(b)) = (x.kind, y.kind) else {
            return None;
        };
        let distinct = self.inp.mentions[a].actor != self.inp.mentions[b].actor;
        (joined && distinct && party(b)).then_some((a, b))
    }

    /// The organisation the text names for the person `id` in the last
    /// sentence before `si` that gives one ([`Self::text_affiliation`]).
    fn earlier_affiliation(&self, id: &str, si: usize) -> Option<String> {
        let before = self.inp.sentences[si].start;
        let sentences: BTreeSet<usize> = self
            .inp
            .mentions
            .iter()
            .filter(|m| m.start < before && &*m.actor == id)
            .map(|m| self.inp.sentences.partition_point(|s| s.end <= m.start))
            .collect();
        sentences.into_iter().rev().find_map(|sj| {
            let items = self.sentence_items(sj);
            let cl = Clause::plain(sj, &items, 0, items.len(), self.block_of(sj));
            (0..items.len())
                .filter(|&k| self.mention(&items[k]).is_some_and(|m| &*m.actor == id))
                .find_map(|k| self.text_affiliation(&cl, k))
        })
    }

    /// The organisation the text names for the person at item `k`: before a
    /// role word ("NASA Administrator Jim Bridenstine", "Volvos vd Jim Rowan"),
    /// or in an apposition after the name ("Hiroshi Yamakawa, president of
    /// JAXA,", "Anna Berg, rektor vid Umeå universitet,").
    fn text_affiliation(&self, cl: &Clause, k: usize) -> Option<String> {
        let items = cl.items;
        let role = |j: usize| has(self.inp, &items[j], |t| matches!(t, Tag::Role));
        let org = |j: usize| {
            self.mention(&items[j])
                .map(|m| m.actor.to_string())
                .filter(|id| {
                    let t = self.inp.actors.kind(id);
                    t != ActorType::Person && t.can_be_party()
                })
        };
        // before: ORG ROLE… PERSON
        let mut j = k;
        while j > cl.lo && k - j < 3 && role(j - 1) {
            j -= 1;
        }
        if j < k && j > cl.lo {
            // (past up to two words of the title before its role word: "US
            // Defense Secretary X", "USA:s försvars|minister X")
            let title_word = |it: &Item| {
                matches!(it.kind, ItemKind::Word | ItemKind::Phrase(_))
                    && !self.joins(it)
                    && !self.is_comma(it)
                    && !has(self.inp, it, |t| {
                        Tag::predicate(t) || matches!(t, Tag::Agreement { .. })
                    })
                    && !self.inp.lexicon.is_function_word(self.folded(it))
            };
            let mut i = j;
            while i > cl.lo && j - i < 2 && title_word(&items[i - 1]) {
                i -= 1;
            }
            if let Some(o) =
                org(j - 1).or_else(|| (i < j && i > cl.lo).then(|| org(i - 1)).flatten())
            {
                return Some(o);
            }
            // "Fortum said its chief executive X had signed …": a possessive
            // before the role stands for the speaker or the company named last
            if has(self.inp, &items[j - 1], |t| matches!(t, Tag::Possessive)) {
                return self.resolve_company_anaphor(cl, j - 1);
            }
        }
        // after: PERSON, ROLE of/vid/i (the) ORG (a comma may be a lexicon
        // phrase of its own: the coordination ",")
        let text = |j: usize| &self.inp.text[items[j].start..items[j].end];
        if k + 1 >= cl.hi || !text(k + 1).starts_with(',') {
            return None;
        }
        let mut saw_role = false;
        for (j, it) in items.iter().enumerate().take(cl.hi.min(k + 9)).skip(k + 2) {
            if matches!(it.kind, ItemKind::Punct(_))
                || text(j).starts_with([',', ';'])
                || self.is_person(it)
            {
                return None;
            }
            saw_role |= role(j);
            if let Some(o) = org(j).filter(|_| saw_role) {
                return Some(o);
            }
        }
        None
    }

    /// The ids of the mentions `members` whose actors can be parties (not
    /// people, programmes or events).
    pub(super) fn party_ids<'m>(
        &'m self,
        members: &'m [usize],
    ) -> impl Iterator<Item = String> + 'm {
        members
            .iter()
            .filter(|&&m| self.kind_of(m).can_be_party())
            .map(|&m| self.inp.mentions[m].actor.to_string())
    }

    fn kind_of(&self, m: usize) -> ActorType {
        self.inp.actors.kind(&self.inp.mentions[m].actor)
    }

    /// Adds mentions to the frame: people as signatories, others as parties.
    fn add(&self, members: &[usize], f: &mut Frame) {
        for &m in members {
            let k = self.kind_of(m);
            if k == ActorType::Person {
                f.persons.insert(self.inp.mentions[m].actor.to_string());
            } else if k.can_be_party() {
                f.parties.insert(self.inp.mentions[m].actor.to_string());
            }
        }
    }

    /// The `subject`, `relative`, `company-anaphor`, `parties-anaphor` and
    /// `genitive` patterns. Returns the item where the subject ends.
    fn fill_subject(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], f: &mut Frame) -> usize {
        let inp = self.inp;
        let (items, lo, pivot) = (cl.items, cl.lo, tr.pivot);
        let subj = self.subject_chain(cl, tr, chains);
        let anaphor_company = self.subject_company_anaphor(cl, tr, chains);
        let anaphor_parties = self.subject_parties_anaphor(cl, tr, chains);
        let subordinate_it = self.subordinate_pronoun(cl, chains, anaphor_company);
        let mut subject_end = lo;
        let own_subject =
            subj.is_some_and(|c| c.first < pivot) || anaphor_company.is_some_and(|a| a < pivot);
        // an unattributed "we" before the predicate, with no name before it,
        // or right after it in Swedish word order ("I maj förvärvade vi …")
        let we_at = |k: usize| has(inp, &items[k], |t| matches!(t, Tag::FirstPersonSubject));
        // ("Hybrit, the joint venture we formed with B in 2016": a "we"
        // right after the agreement noun is the subject of its clause, and
        // the name before it names the venture)
        let we_after_noun = tr
            .main
            .filter(|&n| n + 1 < pivot && we_at(n + 1) && subj.is_some_and(|s| s.last < n))
            .map(|n| n + 1);
        let we_subject = (!own_subject && anaphor_parties.is_none())
            .then(|| {
                (lo..pivot).find(|&k| we_at(k)).or_else(|| {
                    (pivot > lo && pivot + 1 < cl.hi && we_at(pivot + 1)).then_some(pivot + 1)
                })
            })
            .flatten()
            .or(we_after_noun)
            .and_then(|w| Some((w, self.first_person_speaker(cl)?)));
        // "Hybrit, which we own together with A and B": a "we" that opens a
        // relative clause is its subject, not the antecedent (which stays a
        // counterpart after "with": "a collaboration with B, which we agreed
        // in 2024")
        let we_relative = cl.inherited_subject.is_some() && !cl.opener && we_at(lo);
        // so is a parties anaphor ("SSAB and LKAB run Hybrit, which they own
        // jointly", "som de äger gemensamt")
        // (not after counterparts: "a deal with A and B, which they signed
        // in May" is the deal stated)
        let they_relative = cl.inherited_subject.is_some()
            && !cl.opener
            && !cl.inherited_counterparts
            && anaphor_parties == Some(lo)
            && !own_subject
            // (not a speaker: "Vinnova, which they said had funded it")
            && !(lo..pivot).any(|k| has(inp, &items[k], |t| matches!(t, Tag::Comment)));
        if they_relative {
            self.add_anaphor_parties(cl, lo, f);
        } else if we_relative {
            if let Some(org) = self.first_person_speaker(cl) {
                f.parties.insert(org);
                f.fired("we");
            }
            if let Some(s) = cl
                .inherited_subject
                .as_ref()
                .filter(|_| cl.inherited_counterparts)
            {
                self.add(s, f);
                f.fired("relative");
            }
        } else if let Some(s) = cl.inherited_subject.as_ref().filter(|_| !own_subject) {
            self.add(s, f);
            f.fired(if cl.opener { "opener" } else { "relative" });
        } else if let Some((a, id)) = subordinate_it {
            subject_end = a;
            f.parties.insert(id);
            f.explicit = true;
            f.fired("company-anaphor");
        } else if let Some((w, org)) = we_subject {
            // "We bought B from C", "In May we acquired two wind farms from
            // C": the name after the verb is its object, not its subject
            subject_end = w;
            f.parties.insert(org);
            f.explicit = true;
            f.fired("we");
        } else if let Some((owner, _)) = self
            .apposed_possessor(cl, tr)
            .filter(|(_, at)| subj.is_none_or(|s| s.first <= *at && *at <= s.last))
        {
            f.parties.insert(owner);
            f.explicit = true;
            f.fired("possessor");
        } else if let Some(s) =
            subj.filter(|s| self.subject_stands(cl, tr, s, anaphor_company, anaphor_parties))
        {
            self.add(&s.members, f);
            subject_end = s.last;
            f.fired("subject");
            self.fill_joined_subject(cl, s, f);
        } else if let Some(a) = anaphor_company {
            // "The Swedish utility and the Finnish group signed …": two
            // company anaphors joined stand for two actors, as "the two
            // companies" does
            let pair = self.paired_anaphor(cl, a).and_then(|first| {
                let referent = Referent {
                    organisations: true,
                    companies: false,
                    countries: false,
                    public: false,
                    count: Some(2),
                    coordinated: true,
                };
                self.parties_referred(cl.si, cl.items[first].start, referent)
            });
            if let Some(ps) = pair {
                subject_end = a;
                f.parties.extend(ps);
                f.fired("parties-anaphor");
            } else {
                subject_end = self.fill_anaphor_subject(cl, chains, a, f);
            }
        } else if let Some(k) = anaphor_parties {
            self.add_anaphor_parties(cl, k, f);
        } else {
            self.fill_unnamed_subject(cl, tr, f);
        }
        self.fill_genitive(cl, tr, f);
        subject_end
    }

    /// The company anaphor that the one at `a` is joined to by a conjunction
    /// ("the Swedish utility and the Finnish group"): descriptors only
    /// between the conjunction and `a`.
    fn paired_anaphor(&self, cl: &Clause, a: usize) -> Option<usize> {
        let items = cl.items;
        let conj = (cl.lo + 1..a).rev().find(|&j| {
            !self.is_comma(&items[j]) && has(self.inp, &items[j], |t| matches!(t, Tag::Coord))
        })?;
        let between = (conj + 1..a).all(|j| {
            self.descriptor(&items[j])
                || self.mention(&items[j]).is_some_and(|m| self.nationality(m))
        });
        (between && self.company_anaphor(items, conj - 1, cl.lo)).then_some(conj - 1)
    }

    /// The subject chain: the ungoverned chain nearest the predicate, before
    /// it if possible.
    fn subject_chain<'c>(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &'c [Chain],
    ) -> Option<&'c Chain> {
        let (inp, items, lo, pivot) = (self.inp, cl.items, cl.lo, tr.pivot);
        // an ungoverned chain nearest the predicate, before it if possible
        chains
            .iter()
            .filter(|c| {
                // (or the agent of a passive right before a phrase of joint
                // action: "The line is built by A in cooperation with B")
                (matches!(c.gov, Gov::None | Gov::Verb)
                    || (c.gov == Gov::By && tr.joint == Some(c.last + 1)))
                    && !(c.first > tr.first
                        && c.first <= tr.first + 1
                        && tr.main.is_some()
                        && c.gov != Gov::Verb
                        && !self.predicate_after(items, c.last, cl.hi))
            })
            .filter(|c| {
                c.first < pivot || c.gov == Gov::Verb || (c.first > pivot && c.first <= pivot + 2)
            })
            // the speaker of "Bloomberg reported that the two companies had struck …"
            // (not the name before "enligt", "according to": "där Acme
            // enligt ett leveransavtal levererar …" is Acme's delivery)
            .filter(|c| {
                c.last >= pivot
                    || !(c.last + 1..pivot).any(|k| {
                        has(inp, &items[k], |t| matches!(t, Tag::Comment))
                            && !has(inp, &items[k], |t| matches!(t, Tag::SourcePreposition))
                    })
            })
            // the venture that an apposition with its own pronoun subject
            // describes, when a name before it can be the subject: "A left
            // Hybrit, the venture it formed with B" is A's and B's
            .filter(|c| {
                !(self.names_pronoun_venture(cl, tr, c)
                    && chains
                        .iter()
                        .any(|d| d.last < c.first && d.gov == Gov::None))
            })
            // the object of a verb before "and"/"och", when a name opens the
            // clause: "A har lämnat Danmark och sålde …" is A's sale
            .filter(|c| {
                !(c.last + 2 == pivot
                    && matches!(self.folded(&items[c.last + 1]), "and" | "och")
                    && chains
                        .iter()
                        .any(|d| d.first < c.first && d.gov == Gov::None && d.first == lo))
            })
            .min_by_key(|c| {
                if c.last < pivot {
                    pivot - c.last
                } else {
                    c.first - pivot + 100
                }
            })
    }

    /// Whether chain `c` is followed by an apposition on it whose agreement
    /// noun (the clause's main one) has a company anaphor of its own as
    /// subject right after it: "Hybrit, the venture it formed with B",
    /// "Hybrit, the venture the Swedish utility formed with B".
    fn names_pronoun_venture(&self, cl: &Clause, tr: &Triggers, c: &Chain) -> bool {
        let items = cl.items;
        tr.main.is_some_and(|n| {
            n + 1 < tr.pivot
                && c.last + 2 < n
                && n <= c.last + 7
                && self.is_comma(&items[c.last + 1])
                && (has(self.inp, &items[n + 1], |t| {
                    matches!(t, Tag::CompanyAnaphor)
                }) || (n + 2..tr.pivot)
                    .any(|k| self.head_noun(&items[k]) && self.definite_head(items, k, n + 1)))
                && (c.last + 2..n).all(|k| self.descriptor_or_noun(&items[k]))
        })
    }

    /// The company anaphor that may be the subject ("the company", "it"):
    /// the last before the predicate, else one right after the verb.
    fn subject_company_anaphor(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
    ) -> Option<usize> {
        let (items, lo, pivot) = (cl.items, cl.lo, tr.pivot);
        // the last before the predicate: "Acme, the battery maker, said it …"
        // (not the agreement noun itself, which may be an organisation's
        // head too: "Its alliance with B was unwound")
        cl.range()
            .rev()
            .find(|&k| {
                k < pivot + 1 && !tr.nouns.contains(&k) && self.company_anaphor(items, k, lo)
            })
            // V2 after an adverbial, with no name before the verb: "I oktober
            // tecknade bolaget ett avtal med B" (a head noun, not a pronoun,
            // which after the verb is its object: "signed it")
            .or_else(|| {
                let k = self.after_verb(items, pivot, cl.hi);
                // (the buying verb may open the clause, after an opening
                // adverbial cut before it: "I september köpte koncernen X")
                (k < cl.hi
                    && !chains.iter().any(|c| c.first < pivot)
                    && ((pivot > lo && self.company_anaphor(items, k, lo))
                        || self.anaphor_then_bought(cl, tr, k))
                    && !self.pronoun(&items[k]))
                .then_some(k)
            })
    }

    /// The parties anaphor ("the two companies") that may be the subject: at
    /// most two items after the predicate, not attributing what a subject does.
    fn subject_parties_anaphor(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
    ) -> Option<usize> {
        let (items, lo) = (cl.items, cl.lo);
        // (not one after a comma that follows a subject: ", the four
        // companies announced" attributes what the subject does)
        let attribution = |k: usize| {
            k > lo
                && self.is_comma(&items[k - 1])
                && chains.iter().any(|c| c.gov == Gov::None && c.last + 1 < k)
        };
        cl.range().find(|&k| {
            has(self.inp, &items[k], |t| matches!(t, Tag::PartiesAnaphor))
                && k <= tr.pivot + 2
                && !attribution(k)
        })
    }

    /// The pronoun opening a subordinate clause, and the main clause's
    /// subject it stands for.
    fn subordinate_pronoun(
        &self,
        cl: &Clause,
        chains: &[Chain],
        anaphor_company: Option<usize>,
    ) -> Option<(usize, String)> {
        let (inp, items) = (self.inp, cl.items);
        // "A became B's partner when it bought C": the pronoun of a
        // subordinate clause is the main clause's subject
        anaphor_company
            .filter(|&a| {
                a > cl.lo
                    && self.pronoun(&items[a])
                    && has(inp, &items[a - 1], |t| matches!(t, Tag::Subordinator))
            })
            .and_then(|a| {
                chains
                    .iter()
                    .find(|c| c.gov == Gov::None && c.last + 1 < a)
                    .map(|c| (a, inp.mentions[c.members[0]].actor.to_string()))
            })
            .filter(|(_, id)| inp.actors.kind(id).can_be_party())
    }

    /// Whether the subject chain `s` is the clause's subject rather than the
    /// company or parties anaphor found with it.
    fn subject_stands(
        &self,
        cl: &Clause,
        tr: &Triggers,
        s: &Chain,
        anaphor_company: Option<usize>,
        anaphor_parties: Option<usize>,
    ) -> bool {
        let pivot = tr.pivot;
        // ("Bolaget ska industrialisera den teknik som X har utvecklat
        // tillsammans med Y": the relative clause has a subject of its own)
        let relative_subject = |a: usize| {
            s.first < pivot
                && (a + 1..s.first).any(|k| {
                    s.first - k <= 2 && has(self.inp, &cl.items[k], |t| matches!(t, Tag::Which))
                })
        };
        // ("A's chairman B said the airline was in talks with C": the
        // speaker reports what the anaphor after the comment verb does)
        let reported = |a: usize| {
            a < pivot
                && (s.last + 1..a)
                    .any(|k| has(self.inp, &cl.items[k], |t| matches!(t, Tag::Comment)))
        };
        anaphor_company.is_none_or(|a| (a > s.first && !reported(a)) || relative_subject(a))
            // "Beta is Acme's customer and the two firms signed …"
            // (a parties anaphor before the predicate is its subject, and a
            // name after the predicate its object: "where the two
            // companies jointly own satellite maker X")
            && anaphor_parties
                .is_none_or(|a| (a < s.first && !(a < pivot && s.first > pivot)) || a > pivot)
    }

    /// A company anaphor or "we" joined to the subject chain `s` by "and".
    fn fill_joined_subject(&self, cl: &Clause, s: &Chain, f: &mut Frame) {
        let (inp, items, lo) = (self.inp, cl.items, cl.lo);
        // "Ericsson and the university signed …"
        // (also after a subject after the verb: "I april ingick Ericsson
        // och universitetet ett avtal")
        let joined_anaphor = (s.last + 2 < cl.hi && self.joins(&items[s.last + 1]))
            .then(|| {
                (s.last + 2..cl.hi.min(s.last + 5))
                    .take_while(|&k| {
                        k == s.last + 2 || has(inp, &items[k - 1], |t| matches!(t, Tag::Determiner))
                    })
                    .find(|&k| self.company_anaphor(items, k, lo))
            })
            .flatten();
        if let Some(c) = joined_anaphor.and_then(|a| self.resolve_company_anaphor(cl, a)) {
            f.parties.insert(c);
            f.fired("company-anaphor");
        }
        // "MSC and we agreed …", "Uniper och vi har kommit överens …"
        let joined_we = s.last + 2 < cl.hi
            && self.joins(&items[s.last + 1])
            && has(inp, &items[s.last + 2], |t| {
                matches!(t, Tag::FirstPersonSubject)
            });
        if let Some(org) = joined_we.then(|| self.first_person_speaker(cl)).flatten() {
            f.parties.insert(org);
            f.fired("we");
        }
    }

    /// The company anaphor at `a` as the subject, with a name joined to it by
    /// "and". Returns the item where the subject ends.
    fn fill_anaphor_subject(
        &self,
        cl: &Clause,
        chains: &[Chain],
        a: usize,
        f: &mut Frame,
    ) -> usize {
        let (inp, items) = (self.inp, cl.items);
        let mut subject_end = a;
        if let Some(c) = self.resolve_company_anaphor(cl, a) {
            f.parties.insert(c);
            f.fired("company-anaphor");
            f.explicit = true;
            // "the university and Ericsson signed …", "I april ingick
            // universitetet och Ericsson ett avtal"
            if let Some(s) = chains
                .iter()
                // (a descriptor may stand before the name: "kom bolaget
                // och australiska BHP överens")
                .find(|c| {
                    c.gov == Gov::None
                        && c.first >= a + 2
                        && c.first <= a + 4
                        && self.joins(&items[a + 1])
                        && (a + 2..c.first).all(|k| {
                            matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                                && !has(inp, &items[k], Tag::predicate)
                        })
                })
            {
                self.add(&s.members, f);
                subject_end = s.last;
            }
        }
        subject_end
    }

    /// The `speaker`, `possessor`, `company-anaphor` (a possessive before a
    /// role) and `project` patterns: a subject that names no one.
    fn fill_unnamed_subject(&self, cl: &Clause, tr: &Triggers, f: &mut Frame) {
        if let Some(sp) = self.speaker_of_definite_noun(cl, tr) {
            f.parties.insert(sp);
            f.explicit = true;
            f.fired("speaker");
        } else if let Some(owner) = self.possessor_of_noun(cl, tr) {
            f.parties.insert(owner);
            f.explicit = true;
            f.fired("possessor");
        } else if let Some(c) = self.possessive_role(cl, tr) {
            // "Fortum said its chief executive had signed a loan to B": a
            // role after a possessive, no name, signs for what the
            // possessive stands for
            f.parties.insert(c);
            f.fired("company-anaphor");
        } else if let Some(c) = self
            .investment_triggers(cl, tr)
            .any(|t| self.project_subject(cl, t))
            .then(|| self.project_owner(cl))
            .flatten()
        {
            // "The project has received a grant of … from X": the company
            // whose project it is stands in the subject
            f.parties.insert(c);
            f.fired("project");
        }
    }

    /// The `genitive` pattern: "JARE:s avtal med Lynas".
    fn fill_genitive(&self, cl: &Clause, tr: &Triggers, f: &mut Frame) {
        // genitive subject: "JARE:s avtal med Lynas"
        if let Some(t) = tr.main.filter(|&t| t > cl.lo) {
            if let Some(m) = self.mention(&cl.items[t - 1]).filter(|m| m.genitive) {
                if self.inp.actors.kind(&m.actor).can_be_party() {
                    f.parties.insert(m.actor.to_string());
                    f.explicit = true;
                    f.fired("genitive");
                }
            }
        }
    }

    /// What a possessive stands for when it opens the clause's subject
    /// before a role and no name ("Fortum said its chief executive had
    /// signed", "dess vd undertecknade"): the speaker or the company named
    /// last.
    fn possessive_role(&self, cl: &Clause, tr: &Triggers) -> Option<String> {
        let (inp, items) = (self.inp, cl.items);
        let end = tr.pivot.min(cl.hi);
        let k = (cl.lo..end.saturating_sub(1)).find(|&k| {
            has(inp, &items[k], |t| matches!(t, Tag::Possessive))
                && has(inp, &items[k + 1], |t| matches!(t, Tag::Role))
        })?;
        // (a name after it is the person, whom the affiliation step places)
        if (k..end).any(|j| self.mention(&items[j]).is_some()) {
            return None;
        }
        self.resolve_company_anaphor(cl, k)
    }

    /// What a company anaphor at `a` stands for. A term the document
    /// defined for an actor: that actor; "Equinor said it was in talks …":
    /// the speaker; "the Ministry", "the Bank": the last actor
    /// named with that head; else the company last named.
    fn resolve_company_anaphor(&self, cl: &Clause, a: usize) -> Option<String> {
        let (items, lo) = (cl.items, cl.lo);
        if let Some(d) = self.defined_actor(&items[a]) {
            // (a term the document defined: `Acme AB (publ) ("Bolaget")`)
            Some(d)
        } else if self.capitalized_term(cl, a) {
            // (a term the document uses as defined, for its issuer: "a
            // convertible that the Company issued to B")
            self.first_company()
        } else if let Some(sp) = self.speaker_before(items, a, lo) {
            Some(sp)
        } else if let Some(org) = self
            .speaker_item_before(items, a, lo)
            .filter(|&s| self.is_person(&items[s]))
            .and_then(|s| self.text_affiliation(cl, s))
        {
            // "Turkish Airlines chairman Ahmet Bolat said the airline …":
            // the organisation the text names for the speaker
            Some(org)
        } else if has(self.inp, &items[a], |t| matches!(t, Tag::OrgHead)) {
            self.last_named_with(self.folded(&items[a]), items[a].start)
        } else if let Some(c) =
            self.company_named_like(self.folded(&items[a]), cl.si, items[a].start)
        {
            // ("köpte Lincargo av Norrmejerier. … skrev mejeriet ett
            // avtal": the company whose name holds the anaphor's head)
            Some(c)
        } else {
            let c = self.last_company(cl.si, items, lo, !self.pronoun(&items[a]));
            self.of_anaphor_country(cl, a, c)
        }
    }

    /// The company named last before byte `at`, in sentence `si` or the two
    /// before it, whose name as written holds the head of a definite Swedish
    /// anaphor ("mejeriet" is Norrmejerier, "bryggeriet" Spendrups Bryggeri
    /// when the text writes that): heads of five letters or more, so that a
    /// short one ("varvet") names none this way.
    fn company_named_like(&self, anaphor: &str, si: usize, at: usize) -> Option<String> {
        // the definite endings, after a genitive `s` is taken off
        const DEFINITE: [&str; 3] = ["et", "en", "n"];
        let inp = self.inp;
        let anaphor = anaphor.strip_suffix('s').unwrap_or(anaphor);
        let head = DEFINITE
            .iter()
            .find_map(|e| anaphor.strip_suffix(e))
            .filter(|h| h.chars().count() >= 5 && !h.contains(' '))?;
        let from = inp.sentences[si.saturating_sub(2)].start;
        self.mentions_in(from, at)
            .iter()
            .rev()
            .find(|m| {
                inp.actors.kind(&m.actor) == ActorType::Company
                    && inp.folded[m.start..m.end]
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| {
                            // (not a name that is the anaphor's own compound:
                            // "Volkswagenkoncernens" names no "koncernen" two
                            // sentences on, another company may)
                            let base = w.strip_suffix('s').unwrap_or(w);
                            w.contains(head)
                                && !DEFINITE.iter().any(|e| {
                                    base.strip_suffix(e).is_some_and(|x| x.ends_with(head))
                                })
                        })
            })
            .map(|m| m.actor.to_string())
    }

    /// The country an anaphor's adjective of nationality or country name
    /// gives it, between its article and its head ("the Norwegian company",
    /// "det norska bolaget", "the U.S. group").
    fn anaphor_country(&self, items: &[Item], a: usize, lo: usize) -> Option<&'a str> {
        let inp = self.inp;
        (a.saturating_sub(5).max(lo)..a)
            .rev()
            .take_while(|&j| {
                !matches!(items[j].kind, ItemKind::Punct(_))
                    && !matches!(
                        self.folded(&items[j]),
                        "the" | "this" | "that" | "its" | "det" | "den"
                    )
            })
            .find_map(|j| match self.mention(&items[j]) {
                Some(m) if inp.actors.kind(&m.actor) == ActorType::Country => {
                    inp.actors.country(&m.actor)
                }
                Some(_) => None,
                None => inp
                    .lexicon
                    .demonyms
                    .get(self.folded(&items[j]))
                    .map(String::as_str),
            })
    }

    /// `c`, the company the anaphor at `a` was resolved to, unless the
    /// anaphor names a country that `c` is known not to be of: then the last
    /// company of that country named in this sentence or the ten before it
    /// ("Equinor will supply gas to Uniper. … The Norwegian company also
    /// signed …" is Equinor), else `c`.
    fn of_anaphor_country(&self, cl: &Clause, a: usize, c: Option<String>) -> Option<String> {
        let inp = self.inp;
        let Some(want) = self.anaphor_country(cl.items, a, cl.lo) else {
            return c;
        };
        if c.as_deref()
            .is_some_and(|id| inp.actors.country(id).is_none_or(|x| x == want))
        {
            return c;
        }
        let from = inp.sentences[cl.si.saturating_sub(10)].start;
        self.mentions_in(from, cl.items[a].start)
            .iter()
            .rev()
            .find(|m| {
                inp.actors.kind(&m.actor) == ActorType::Company
                    && inp.actors.country(&m.actor) == Some(want)
            })
            .map(|m| m.actor.to_string())
            .or(c)
    }

    /// "Acme said the partnership with Beta would create jobs", "Acme
    /// uppger att samarbetet med Beta …": the speaker of a comment verb right
    /// before a definite agreement noun phrase, or a singular one after "a"
    /// or "ett" (no name between), or before talks, is a party of the
    /// agreement it refers to.
    fn speaker_of_definite_noun(&self, cl: &Clause, tr: &Triggers) -> Option<String> {
        let (inp, items, lo) = (self.inp, cl.items, cl.lo);
        // so is the speaker before talks ("Acme said talks with Beta on a
        // supply deal were continuing", "Acme uppger att förhandlingarna med
        // Beta fortsätter")
        if let Some(s) = tr.status_at.filter(|&s| {
            has(inp, &items[s], |t| {
                matches!(t, Tag::Status(Status::Negotiating))
            }) && tr.main.is_none_or(|n| n > s)
        }) {
            // (past a possessive or article before them: "Acme said its
            // talks with Beta were progressing")
            let start = if s > lo
                && has(inp, &items[s - 1], |t| {
                    matches!(t, Tag::Possessive | Tag::Determiner)
                }) {
                s - 1
            } else {
                s
            };
            if let Some(sp) = self.speaker_before(items, start, lo) {
                return Some(sp);
            }
        }
        let n = tr.main?;
        let start = self.noun_phrase_start(cl, n);
        // (or a singular one with its indefinite article and a status verb
        // after it: "Acme said a supply deal with Beta was finalised",
        // "Acme uppger att ett avtal med Beta har undertecknats"; not "Acme
        // said an agreement with Beta was possible")
        let definite = noun(inp, &items[n]).is_some_and(|x| x.definite && !x.plural)
            || self.english_definite(items, n, lo)
            || (matches!(self.folded(&items[start]), "a" | "an" | "en" | "ett")
                && tr.status_at.is_some_and(|s| s > n));
        if !definite {
            return None;
        }
        self.speaker_before(items, start, lo)
            .or_else(|| self.speaker_after(cl, n))
    }

    /// The speaker an attribution after the last comma of the sentence
    /// names, past the agreement noun at `n`: "…, Acme said", "…, said Acme",
    /// "…, according to Acme", "…, uppger Acme", "…, säger Acmes vd Anna
    /// Berg".
    fn speaker_after(&self, cl: &Clause, n: usize) -> Option<String> {
        let (inp, items) = (self.inp, cl.items);
        let comma = (n + 1..items.len())
            .rev()
            .find(|&k| self.is_comma(&items[k]))?;
        let k = comma + 1;
        let m = items.get(k).and_then(|x| self.mention(x));
        let Some(m) = m else {
            // (", said Acme", ", according to Acme")
            return has(inp, items.get(k)?, |t| matches!(t, Tag::Comment))
                .then(|| self.speaker_org(items, k))
                .flatten();
        };
        // (", Acme said", ", Acme has said", ", Acme said on Monday")
        let mut v = k + 1;
        if items.get(v).is_some_and(|x| {
            matches!(x.kind, ItemKind::Word) && inp.lexicon.is_auxiliary(self.folded(x))
        }) {
            v += 1;
        }
        let said = items
            .get(v)
            .is_some_and(|x| has(inp, x, |t| matches!(t, Tag::Comment)));
        let ends = items[(v + 1).min(items.len())..]
            .iter()
            .all(|x| matches!(x.kind, ItemKind::Punct(_) | ItemKind::Date(_)));
        (said && ends && inp.actors.kind(&m.actor).can_be_party()).then(|| m.actor.to_string())
    }

    /// The `its-predicate` pattern: "Ericsson said Adidas would become its
    /// main sponsor", "Liverpool announced that Adidas will be its kit
    /// supplier": the company that a form of "be" or "become" makes what an
    /// agreement noun after a singular company possessive names is the
    /// partner of the possessive's company, the last other company named
    /// before it in the sentence (a subject is not its own partner).
    fn its_predicate(&self, cl: &Clause, tr: &Triggers, f: &mut Frame) {
        const REACH: usize = 4;
        let (inp, items) = (self.inp, cl.items);
        let Some(n) = tr.main else {
            return;
        };
        let poss = |x: &str| inp.lexicon.company_possessives.contains(x);
        // the copula and the possessive: one phrase ("will be its") or two
        // items ("would become" "its"), with only adjectives after them
        let Some(c) = (cl.lo.max(n.saturating_sub(REACH))..n).rev().find(|&k| {
            let w: Vec<&str> = self.folded(&items[k]).split(' ').collect();
            match w.as_slice() {
                [.., v, p] if poss(p) => inp.lexicon.is_copula(v),
                [.., v] => {
                    inp.lexicon.is_copula(v)
                        && items.get(k + 1).is_some_and(|x| poss(self.folded(x)))
                }
                [] => false,
            }
        }) else {
            return;
        };
        let company_at = |k: usize| match items[k].kind {
            ItemKind::Mention(i) => {
                let m = &inp.mentions[i];
                (!m.genitive && inp.actors.kind(&m.actor) == ActorType::Company).then_some(i)
            }
            _ => None,
        };
        // the copula's subject right before it, and the company before that
        let Some(partner) = c
            .checked_sub(1)
            .filter(|&k| k >= cl.lo)
            .and_then(company_at)
        else {
            return;
        };
        let Some(possessor) = (0..c - 1)
            .rev()
            .filter_map(company_at)
            .find(|&i| inp.mentions[i].actor != inp.mentions[partner].actor)
        else {
            return;
        };
        let ids = [partner, possessor].map(|i| inp.mentions[i].actor.to_string());
        if f.parties.iter().any(|p| !ids.contains(p)) {
            return;
        }
        self.add(&[partner, possessor], f);
        f.explicit = true;
        f.fired("its-predicate");
    }

    /// "Its joint venture with Northvolt is building …": a singular company
    /// possessive (`its`, `dess`) that opens the noun phrase of a clause with
    /// no subject stands for the company last named.
    fn possessor_of_noun(&self, cl: &Clause, tr: &Triggers) -> Option<String> {
        let (inp, items) = (self.inp, cl.items);
        let n = tr.main?;
        let start = self.noun_phrase_start(cl, n);
        let its = start < n
            && inp
                .lexicon
                .company_possessives
                .contains(self.folded(&items[start]));
        its.then(|| self.last_company(cl.si, items, cl.lo, true))
            .flatten()
    }

    /// "TSMC broke ground on the plant of ESMC, its joint venture with A,
    /// B and C": a singular company possessive opening the noun phrase in
    /// apposition to a name stands for the first company named before that
    /// name, not for it. Returns the possessor and the item of the name.
    fn apposed_possessor(&self, cl: &Clause, tr: &Triggers) -> Option<(String, usize)> {
        let (inp, items) = (self.inp, cl.items);
        let n = tr.main?;
        // (adjectives may stand between: "its new joint venture")
        let its = (n.saturating_sub(3).max(cl.lo + 2)..n).rev().find(|&k| {
            inp.lexicon
                .company_possessives
                .contains(self.folded(&items[k]))
        })?;
        if !self.is_comma(&items[its - 1])
            || !items[its + 1..n]
                .iter()
                .all(|x| matches!(x.kind, ItemKind::Word))
        {
            return None;
        }
        // (back over an acronym in brackets: "… Company (ESMC), its …")
        let mut at = its - 2;
        if matches!(items[at].kind, ItemKind::Punct(')')) {
            at = (at.saturating_sub(3).max(cl.lo + 1)..at)
                .find(|&j| matches!(items[j].kind, ItemKind::Punct('(')))?
                - 1;
        }
        let named = self.mention(&items[at])?;
        (cl.lo..at)
            .filter_map(|k| self.mention(&items[k]))
            .find(|m| m.actor != named.actor && inp.actors.kind(&m.actor) == ActorType::Company)
            .map(|m| (m.actor.to_string(), at))
    }

    /// The start of the noun phrase whose head is at `n`: back over its
    /// determiner and adjectives (at most three words).
    fn noun_phrase_start(&self, cl: &Clause, n: usize) -> usize {
        let (inp, items) = (self.inp, cl.items);
        (cl.lo..n)
            .rev()
            .take(3)
            .take_while(|&k| {
                matches!(items[k].kind, ItemKind::Word | ItemKind::Phrase(_))
                    && !has(inp, &items[k], |t| {
                        matches!(t, Tag::Comment | Tag::Complementizer) || Tag::predicate(t)
                    })
            })
            .last()
            .unwrap_or(n)
    }

    /// "and"/"och" between two members of a subject (not a comma).
    fn joins(&self, it: &Item) -> bool {
        has(self.inp, it, |t| matches!(t, Tag::Coord)) && !self.is_comma(it)
    }

    /// "formed Northvolt, a joint venture that …", "för att bilda X, ett
    /// samriskbolag": an object with the clause's joint-venture noun in
    /// apposition after it names the venture itself, which is no party
    /// (also two of them: "cancelled X and Y, the two joint ventures").
    fn names_the_venture(&self, cl: &Clause, tr: &Triggers, c: &Chain) -> bool {
        let items = cl.items;
        tr.main.is_some_and(|n| {
            n > c.last + 1
                && n <= c.last + 4
                && self.is_comma(&items[c.last + 1])
                && (c.last + 2..n).all(|k| {
                    has(self.inp, &items[k], |t| {
                        matches!(t, Tag::Determiner | Tag::Number(_) | Tag::PluralQuantifier)
                    })
                })
                && noun(self.inp, &items[n]).is_some_and(|x| x.kind == Kind::JointVenture)
        })
    }

    /// A verb of acquiring ("acquired", "förvärvade") or buying, whose
    /// object is what is bought ("bought", "köpte").
    fn buying_verb(&self, it: &Item) -> bool {
        has(self.inp, it, |t| {
            matches!(
                t,
                Tag::AgreementVerb {
                    kind: Kind::Other,
                    ..
                } | Tag::AgreementVerb {
                    object_kind: Some(_),
                    ..
                }
            )
        })
    }

    /// "År 2016 köpte bolaget Kevitsagruvan av B": after a verb of buying in
    /// verb-second order, a company anaphor followed by a name and then a
    /// preposition or the end of the clause is the subject, and the name what
    /// it bought (a descriptor would leave the verb without an object).
    fn anaphor_then_bought(&self, cl: &Clause, tr: &Triggers, k: usize) -> bool {
        let (inp, items) = (self.inp, cl.items);
        let buys = tr
            .verb
            .is_some_and(|v| v + 1 == k && self.buying_verb(&items[v]));
        buys && has(inp, &items[k], |t| matches!(t, Tag::CompanyAnaphor))
            && (k + 1 < cl.hi && self.mention(&items[k + 1]).is_some())
            && (k + 2 >= cl.hi
                || has(inp, &items[k + 2], |t| {
                    matches!(t, Tag::NotParty | Tag::By | Tag::With | Tag::OnBehalf)
                })
                || matches!(items[k + 2].kind, ItemKind::Punct(_) | ItemKind::Date(_)))
    }

    /// The `relative-object` pattern: "Vonage, which Ericsson bought in
    /// 2022", "Nexmo, som Vonage köpte 2016". A relative clause with a subject
    /// of its own, whose verb of buying or acquiring has no object after it,
    /// is about what the antecedent names: it is what was bought.
    fn relative_object(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], f: &mut Frame) {
        let (Some(antecedent), Some(v)) = (cl.inherited_subject.as_ref(), tr.verb) else {
            return;
        };
        // (or a company anaphor: "Ericsson will sell Epiroc, which it
        // bought in 2022")
        let named = f.rule == "subject" && chains.iter().any(|c| c.gov == Gov::None && c.last < v);
        let anaphor = f.rule == "company-anaphor"
            && (cl.lo..v).any(|k| has(self.inp, &cl.items[k], |t| matches!(t, Tag::CompanyAnaphor)))
            && antecedent
                .iter()
                .all(|&m| !f.parties.contains(&*self.inp.mentions[m].actor))
            // (a company: "it" resolved to a country is the weaker guess)
            && f.parties.iter().all(|p| {
                matches!(
                    self.inp.actors.kind(p),
                    ActorType::Company | ActorType::Organization
                )
            });
        if self.buying_verb(&cl.items[v])
            && f.parties.len() == 1
            && (named || anaphor)
            && tr.main.is_none()
            && !chains.iter().any(|c| c.first > v)
        {
            self.add(antecedent, f);
            f.explicit = true;
            f.fired("relative-object");
        }
    }

    /// The `relative-with` pattern: "Supabase, which Lovable has had a
    /// partnership with since 2024", "Einride, som Klarna tecknade ett avtal
    /// med i fjol". A relative clause with a subject of its own whose
    /// `with`/`med` after the agreement noun names no one (the clause ends,
    /// or a date or a phrase of time or place follows) has left its
    /// preposition behind: its object is the antecedent. So is the object
    /// of one that opens with it ("Einride, with which Ericsson signed a
    /// framework agreement").
    ///
    /// A verb that ends in its preposition ("Eisai, som BioArctic
    /// samarbetar med sedan 2005", "which Ericsson has worked with since
    /// 2010") leaves it behind in the same way.
    fn relative_stranded_with(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], f: &mut Frame) {
        // (a verb ending in its preposition stands where "with" would)
        let verb_with = tr.verb.filter(|&v| {
            tr.main.is_none() && {
                let w = self.folded(&cl.items[v]);
                w.ends_with(" med") || w.ends_with(" with")
            }
        });
        let (Some(antecedent), Some(n)) = (cl.inherited_subject.as_ref(), tr.main.or(verb_with))
        else {
            return;
        };
        if f.parties.len() != 1
            || f.rule != "subject"
            || cl.inherited_counterparts
            || !chains.iter().any(|c| c.gov == Gov::None && c.last < n)
        {
            return;
        }
        // (the clause's items: what follows "with" must be inside it)
        let items = &cl.items[..cl.hi];
        // ("B, with which A signed …": the preposition before the pronoun)
        let fronted = cl.lo >= 1 && self.with_which(items, 0, cl.lo - 1);
        let stranded = fronted
            || verb_with
                .or_else(|| {
                    (n + 1..cl.hi).find(|&k| has(self.inp, &items[k], |t| matches!(t, Tag::With)))
                })
                .is_some_and(|k| {
                    !chains.iter().any(|c| c.first > k)
                        && items.get(k + 1).is_none_or(|x| {
                            matches!(x.kind, ItemKind::Punct(_) | ItemKind::Date(_))
                            || has(self.inp, x, |t| matches!(t, Tag::NotParty))
                            // ("med sedan 1987": "sedan" is read with its date)
                            || items.get(k + 2).is_some_and(|d| {
                                self.date_after(d, &self.inp.lexicon.since)
                            })
                        })
                });
        if stranded {
            self.add(antecedent, f);
            f.explicit = true;
            f.fired("relative-with");
        }
    }

    /// "Rolls-Royce said Air India had ordered 68 engines": a company that
    /// reports another's order or purchase, naming no seller, is the seller.
    fn speaker_sells(&self, cl: &Clause, tr: &Triggers, f: &mut Frame) {
        if f.parties.len() != 1 || !matches!(self.counterpart_role(cl, tr), Some(SaleRole::Seller))
        {
            return;
        }
        let Some(buyer) = f.parties.first().cloned() else {
            return;
        };
        let Some(a) = cl.range().find(|&k| {
            self.mention(&cl.items[k])
                .is_some_and(|m| *m.actor == *buyer)
        }) else {
            return;
        };
        let Some(seller) = self
            .speaker_before(cl.items, a, cl.lo)
            .filter(|s| *s != buyer && self.inp.actors.kind(s) == ActorType::Company)
        else {
            return;
        };
        f.parties.insert(seller);
        f.explicit = true;
        f.fired("speaker");
    }

    /// "… är redan såld genom bindande kundavtal med bland andra Scania och
    /// Mercedes-Benz": examples of counterparts with no subject to the
    /// clause are not partners of each other; each has an agreement with the
    /// company the text is about (or the subject carried over from the
    /// sentence before: "A signed a loan with B. The loan rests on supply
    /// contracts with customers such as C and D").
    fn examples_without_subject(&self, cl: &Clause, chains: &[Chain], f: &mut Frame) {
        let carried = f.rule == "carried-subject+with";
        if !(f.rule == "with" || carried) || f.with_parties.len() < 2 {
            return;
        }
        let examples = chains.iter().any(|c| {
            c.gov == Gov::With
                && c.gov_at.is_some_and(|g| {
                    (g + 1..c.first)
                        .any(|k| has(self.inp, &cl.items[k], |t| matches!(t, Tag::Example)))
                })
        });
        if !examples {
            return;
        }
        if carried {
            f.split = true;
            return;
        }
        let Some(c) = self
            .last_company(cl.si, cl.items, cl.lo, true)
            .filter(|c| !f.parties.contains(c))
        else {
            return;
        };
        f.parties.insert(c);
        f.split = true;
        f.fired("company-anaphor");
    }

    /// The company anaphor a verb of buying or taking over takes, its words
    /// between ("agreed to buy the Seattle-based company", "köpte bolaget
    /// 2023"): the company bought; not the subject's own ("sold its unit")
    /// nor a part of it ("bought the company's unit").
    fn bought_company_anaphor(&self, cl: &Clause, tr: &Triggers) -> Option<usize> {
        let (items, lo) = (cl.items, cl.lo);
        let v = tr.verb?;
        let buys = has(self.inp, &items[v], |t| {
            matches!(
                t,
                Tag::AgreementVerb {
                    kind: Kind::Other,
                    ..
                }
            ) || matches!(t, Tag::AgreementVerb { sale: true, .. })
        });
        let k = (v + 1..cl.hi.min(v + 5))
            .find(|&j| self.company_anaphor(items, j, lo) && !self.pronoun(&items[j]))
            .filter(|&k| {
                // (not the subject's own: "sold its unit", "sålde sitt bolag")
                let own = (v + 1..=k).any(|j| {
                    self.folded(&items[j]).split(' ').any(|w| {
                        matches!(
                            w,
                            "its" | "their" | "sin" | "sitt" | "sina" | "dess" | "deras"
                        )
                    })
                });
                !own && (v + 1..k).all(|j| {
                    self.mention(&items[j]).is_none()
                        && (self.descriptor(&items[j])
                            || has(self.inp, &items[j], |t| matches!(t, Tag::Determiner)))
                })
            })?;
        let genitive = self.inp.text[items[k].end..].starts_with(['\'', '’']);
        (buys && !genitive).then_some(k)
    }

    /// The `with-anaphor` pattern: "A har tecknat ett avtal med bolaget", "A
    /// signed a supply deal with the company": the counterpart is the company
    /// talked about before, when it is not the subject itself.
    fn with_company_anaphor(&self, cl: &Clause, tr: &Triggers, f: &mut Frame) {
        let (items, lo) = (cl.items, cl.lo);
        if f.parties.is_empty()
            || !f.with_parties.is_empty()
            || !matches!(f.rule.as_str(), "subject" | "relative")
        {
            return;
        }
        if let Some((k, of_stake)) = self.lent_to_anaphor(cl, tr) {
            // (a report's term for its issuer: "subscribed for new shares
            // in the Company")
            if self.issuer_counterpart(cl, k, f) {
                return;
            }
            // (of a stake or an investment noun: the one company the
            // sentence names before it that is no party; none when it names
            // two, either of which it may be: "A set up B with C in 2021, and
            // D bought a stake in the company")
            let before = of_stake.then(|| self.companies_before(cl.si, items[k].start, &f.parties));
            if before.as_ref().is_some_and(|b| b.len() >= 2) {
                return;
            }
            // (else the last company named before the sentence that is no
            // party: "A formed a partnership with B. Six months later B took
            // a stake in the company")
            if let Some(c) = before
                .and_then(|b| b.first().map(|c| c.to_string()))
                .or_else(|| {
                    self.last_company(cl.si, items, lo, !self.pronoun(&items[k]))
                        .filter(|c| !f.parties.contains(c))
                })
                .or_else(|| self.company_before_sentence(cl.si, &f.parties))
            {
                f.add_counterpart(c, "with-anaphor");
            }
            return;
        }
        // (the last company named: an object need not be the subject it is
        // an anaphor of, "A held talks to acquire B. C agreed to buy the
        // company")
        if let Some(k) = self.bought_company_anaphor(cl, tr) {
            if let Some(m) = self.company_named_before(items[k].start, |c| !f.parties.contains(c)) {
                f.add_counterpart(m.actor.to_string(), "object-anaphor");
            }
            return;
        }
        // "with the company", "med bolaget", and with words between:
        // "with the Japanese company", "med det svenska bolaget"
        // (or the seller or buyer of a sale verb: "köpte fyra plan av
        // koncernen", "sold its unit to the company")
        let sale_role = self.counterpart_role(cl, tr);
        let supply = self.supply_not_sale(cl, tr);
        let governed = |k: usize| self.governed_by_counterpart_word(cl, k, sale_role, supply);
        // "signed a deal with us", "köpte elnätet av oss": the organisation
        // of the speaker the quote names
        let us = cl.range().find(|&k| {
            k > tr.pivot.min(tr.first)
                && k > lo
                && has(self.inp, &items[k], |t| matches!(t, Tag::FirstPersonObject))
                && governed(k)
        });
        if let Some(org) = us
            .and_then(|k| self.speaker_of_first_person(cl, k))
            .filter(|o| !f.parties.contains(o))
        {
            f.add_counterpart(org, "we");
            return;
        }
        let Some(k) = cl.range().find(|&k| {
            k > tr.pivot.min(tr.first)
                && k > lo
                && self.company_anaphor(items, k, lo)
                && governed(k)
                && !self.pronoun(&items[k])
        }) else {
            return;
        };
        self.add_anaphor_counterpart(cl, tr, k, f);
    }

    /// The last company named before sentence `si` that is none of
    /// `parties`: what a company anaphor stands for when the one talked
    /// about is a party already.
    fn company_before_sentence(&self, si: usize, parties: &BTreeSet<String>) -> Option<String> {
        self.company_named_before(self.inp.sentences[si].start, |c| !parties.contains(c))
            .map(|m| m.actor.to_string())
    }

    /// The pronoun or company anaphor that a verb of lending or investing
    /// takes as its object, and whether it is that of a stake or of an
    /// investment noun.
    fn lent_to_anaphor(&self, cl: &Clause, tr: &Triggers) -> Option<(usize, bool)> {
        let (items, lo) = (cl.items, cl.lo);
        // "agreed to lend it €100 million", "har beviljat bolaget ett
        // bidrag": the pronoun or company anaphor right after a verb of
        // lending or investing is the company talked about
        // (after a verb-second subject: "I maj beviljade myndigheten Barda
        // bolaget en miljard dollar")
        let object_at = |v: usize| {
            let k = if v + 1 < cl.hi && self.mention(&items[v + 1]).is_some() {
                v + 2
            } else {
                (v + 1..cl.hi.min(v + 5))
                    .find(|&j| self.mention(&items[j]).is_some())
                    .filter(|&j| (v + 1..j).all(|i| self.descriptor(&items[i])))
                    .map_or(v + 1, |j| j + 1)
            };
            (k < cl.hi).then_some(k)
        };
        // (or after "in" past the amount: "invested $1 billion in the
        // company", "investerade 200 miljoner kronor i bolaget")
        // (past a verb-second subject: "investerade Fortum 50 miljoner
        // kronor i bolaget")
        let in_after = |v: usize| {
            let inverted = items.get(v + 1).is_some_and(|x| self.mention(x).is_some());
            let j = (v + 1 + usize::from(inverted)..cl.hi.min(v + 8))
                .take_while(|&j| {
                    self.mention(&items[j]).is_none()
                        && !matches!(items[j].kind, ItemKind::Punct(_))
                })
                .find(|&j| matches!(self.folded(&items[j]), "in" | "into" | "i"))?;
            (j + 1 < cl.hi).then_some(j + 1)
        };
        let anaphor = |k: usize| self.pronoun(&items[k]) || self.company_anaphor(items, k, lo);
        // (past an article and adjectives to a company head: "in the
        // Stockholm-based company", "in the Swedish start-up"; not "in the
        // country")
        let described = |k: usize| {
            (k..cl.hi.min(k + 4))
                .take_while(|&j| {
                    self.mention(&items[j]).is_none()
                        && matches!(items[j].kind, ItemKind::Word | ItemKind::Phrase(_))
                })
                .find(|&j| {
                    self.company_anaphor(items, j, lo)
                        && (j == k
                            || has(self.inp, &items[j], |t| {
                                matches!(t, Tag::CompanyHead | Tag::CompanyAnaphor)
                            }))
                })
        };
        // (an investment noun right before it: "made a $350 million
        // investment in the company", "en investering i bolaget")
        let noun_in = tr.nouns.iter().find_map(|&n| {
            let invests = has(self.inp, &items[n], |t| {
                matches!(
                    t,
                    Tag::Agreement {
                        kind: Kind::Investment,
                        ..
                    }
                )
            });
            let k = n + 2;
            (invests && k < cl.hi && matches!(self.folded(&items[n + 1]), "in" | "into" | "i"))
                .then(|| described(k))
                .flatten()
        });
        if let Some(k) = noun_in {
            return Some((k, true));
        }
        tr.verb.and_then(|v| {
            if !self.verb_of_kind(cl, tr, Kind::Investment) {
                // (a stake bought in it: "bought a minority stake in the
                // company", "köpte en andel i bolaget")
                return self
                    .stake_in_after(cl, v)
                    .and_then(described)
                    .map(|k| (k, true));
            }
            // (a verb that ends in its "in" names a stake or investment too:
            // "bought a stake in the company")
            let ends_in = matches!(
                self.folded(&items[v]).rsplit(' ').next(),
                Some("in" | "into" | "i")
            );
            object_at(v)
                .filter(|&k| anaphor(k))
                .map(|k| (k, ends_in))
                .or_else(|| in_after(v).filter(|&k| anaphor(k)).map(|k| (k, true)))
        })
    }

    /// The companies sentence `si` names before byte `at` that are none of
    /// `parties`.
    fn companies_before(
        &self,
        si: usize,
        at: usize,
        parties: &BTreeSet<String>,
    ) -> BTreeSet<&'a str> {
        self.mentions_in(self.inp.sentences[si].start, at)
            .iter()
            .filter(|m| self.inp.actors.kind(&m.actor) == ActorType::Company)
            .filter(|m| !parties.contains(&*m.actor))
            .map(|m| &*m.actor)
            .collect()
    }

    /// The item after the "in" of a stake that the sale or purchase verb at
    /// `v` takes, with no name or punctuation between: "bought a 20% stake
    /// in …", "köpte en minoritetsandel i …".
    fn stake_in_after(&self, cl: &Clause, v: usize) -> Option<usize> {
        let (items, lex) = (cl.items, &self.inp.lexicon);
        let sale = has(self.inp, &items[v], |t| {
            matches!(t, Tag::AgreementVerb { sale: true, .. })
        });
        let stake_in = |j: usize| {
            self.noun_before_in(items, v + 1, j)
                .is_some_and(|(_, noun)| lex.is_stake(noun))
        };
        // (past a verb-second subject: "köpte Atomico en andel i bolaget")
        let inverted = items.get(v + 1).is_some_and(|x| self.mention(x).is_some());
        let from = v + 1 + usize::from(inverted);
        let j = (from..cl.hi.min(from + 7))
            .take_while(|&j| {
                self.mention(&items[j]).is_none() && !matches!(items[j].kind, ItemKind::Punct(_))
            })
            .find(|&j| stake_in(j))?;
        (sale && j + 1 < cl.hi).then_some(j + 1)
    }

    /// Whether the clause's verb is one of supply that is no sale (an order
    /// or a delivery), which has both a seller and a buyer.
    fn supply_not_sale(&self, cl: &Clause, tr: &Triggers) -> bool {
        // ("beställde fyra plan av koncernen", "delivers cells to the
        // company": an order or a delivery has both)
        tr.verb.is_some_and(|v| {
            has(self.inp, &cl.items[v], |t| {
                matches!(
                    t,
                    Tag::AgreementVerb {
                        kind: Kind::Offtake,
                        sale: false,
                        ..
                    }
                )
            })
        })
    }

    /// Whether the item at `k` follows, within three items and no name or
    /// punctuation, a word that governs a counterpart: `with`, or a
    /// preposition of the counterpart's role in a sale (`sale_role`) or a
    /// supply (`supply`).
    fn governed_by_counterpart_word(
        &self,
        cl: &Clause,
        k: usize,
        sale_role: Option<SaleRole>,
        supply: bool,
    ) -> bool {
        let items = cl.items;
        let sale_prep = |j: usize| {
            self.inp
                .lexicon
                .sale_prepositions
                .get(self.folded(&items[j]))
                .is_some_and(|rs| {
                    sale_role.is_some_and(|r| rs.contains(&r))
                        || (supply
                            && rs
                                .iter()
                                .any(|r| matches!(r, SaleRole::Seller | SaleRole::Buyer)))
                })
        };
        // (not the subject of "under which": "a collaboration under which the
        // carrier would …" names no one new)
        (k.saturating_sub(3).max(cl.lo)..k).rev().any(|j| {
            ((self.governs_with(&items[j]) && !self.relative_with(&items[j])) || sale_prep(j))
                && items[j + 1..k]
                    .iter()
                    .all(|x| self.mention(x).is_none() && !matches!(x.kind, ItemKind::Punct(_)))
        })
    }

    /// Adds what the company anaphor at `k` after a counterpart word stands
    /// for as the frame's counterpart, one agreement with each subject when
    /// they all made one.
    fn add_anaphor_counterpart(&self, cl: &Clause, tr: &Triggers, k: usize, f: &mut Frame) {
        let (items, lo) = (cl.items, cl.lo);
        // an organisation head: the last actor named with it, else of its
        // type ("with the country", "med myndigheten")
        let org_head = has(self.inp, &items[k], |t| matches!(t, Tag::OrgHead))
            && !has(self.inp, &items[k], |t| {
                matches!(t, Tag::CompanyAnaphor | Tag::CompanyHead)
            });
        if self.issuer_counterpart(cl, k, f) {
            return;
        }
        if org_head {
            let Some(c) = self
                .last_named_with(self.folded(&items[k]), items[k].start)
                .filter(|c| !f.parties.contains(c))
            else {
                return;
            };
            f.add_counterpart(c, "with-anaphor");
            return;
        }
        // the company talked about, else the last one named before the
        // sentence that is not a party already
        let Some(c) = self
            .of_anaphor_country(cl, k, self.last_company(cl.si, items, lo, true))
            .filter(|c| !f.parties.contains(c))
            .or_else(|| self.company_before_sentence(cl.si, &f.parties))
        else {
            return;
        };
        // "A, B och C har alla tecknat leveransavtal med bolaget": one each
        let each = f.parties.len() >= 2
            && (tr.all_plural
                || cl.range().any(|k| {
                    k <= tr.pivot + 1
                        && has(self.inp, &items[k], |t| matches!(t, Tag::Distributive))
                }));
        if each {
            f.with_parties = f.parties.iter().cloned().collect();
            f.split = true;
        } else {
            f.with_parties.push(c.clone());
        }
        f.parties.insert(c);
        f.explicit = true;
        f.fired("with-anaphor");
    }

    /// The `carried-subject` pattern: a clause that names only counterparts
    /// ("Similar agreements have been established with A and B", "Talks aimed at
    /// a similar alliance with C are going on") continues the subject of the
    /// agreement stated with a counterpart just before.
    fn carry_subject(&self, cl: &Clause, f: &mut Frame) {
        let Some((subject, at)) = &self.last_subject else {
            return;
        };
        let only_counterparts = !f.with_parties.is_empty()
            && f.parties.iter().all(|p| f.with_parties.contains(p))
            && f.rule.split('+').all(|r| r == "with");
        if !only_counterparts || cl.si > at + 4 || !subject.is_disjoint(&f.parties) {
            return;
        }
        // a speaker named in the clause ("C said an agreement with B was
        // possible") would be the subject, not the one before
        let inp = self.inp;
        let speaker = (cl.lo + 1..cl.hi).any(|k| {
            has(inp, &cl.items[k], |t| matches!(t, Tag::Comment))
                && self.mention(&cl.items[k - 1]).is_some_and(|m| {
                    !subject.contains(&*m.actor)
                        && !f.with_parties.iter().any(|p| *p == *m.actor)
                        && inp.actors.kind(&m.actor).can_be_party()
                })
        });
        // ("we" is the speaker's organisation: "“We signed the deal with B,”
        // said …, CEO of C"; so is "us": "“Let us sign a deal with B,” …")
        let us = cl
            .range()
            .find(|&k| has(inp, &cl.items[k], |t| matches!(t, Tag::FirstPersonObject)));
        if speaker
            || self.first_person_speaker(cl).is_some()
            || us.is_some_and(|k| self.speaker_of_first_person(cl, k).is_some())
        {
            return;
        }
        let parties: BTreeSet<String> = subject.union(&f.parties).cloned().collect();
        // "Working in partnership with B ..." after "A has agreed a cooperation
        // with B" restates that agreement; it states no new one (agreements are
        // in document order: only the recent ones are looked at, so a document
        // with an agreement in every sentence stays linear)
        if self
            .out
            .iter()
            .rev()
            .take_while(|a| a.sentences.first().is_none_or(|&s| s + 20 >= *at))
            .any(|a| a.parties == parties)
        {
            return;
        }
        f.parties = parties;
        f.rule = format!("carried-subject+{}", f.rule);
    }

    /// The `heading` pattern: a bulleted line with no subject under a
    /// heading that is one name (a fact box: "VOLVO CARS" / "* Signed a
    /// supply agreement with Northvolt in January.") has the heading's actor
    /// as its subject. It runs after the subject patterns, so those that
    /// need a subject to read their object ("- Köpte en andel i Uniper")
    /// do not see it.
    fn heading_subject(&self, cl: &Clause, tr: &Triggers, f: &mut Frame) {
        const MAX_ITEMS: usize = 8;
        let inp = self.inp;
        let bi = inp.sentences[cl.si].block;
        if inp.blocks[bi].kind != BlockKind::ListItem
            || cl.inherited_subject.is_some()
            || (cl.lo..tr.first.min(tr.pivot)).any(|k| {
                self.mention(&cl.items[k]).is_some()
                    || has(inp, &cl.items[k], |t| {
                        matches!(
                            t,
                            Tag::PartiesAnaphor
                                | Tag::CompanyAnaphor
                                | Tag::FirstPersonSubject
                                | Tag::Comment
                        )
                    })
            })
            || inp.sentences[..cl.si].last().is_some_and(|s| s.block == bi)
        {
            return;
        }
        let first = (0..bi)
            .rev()
            .take_while(|&b| inp.blocks[b].kind == BlockKind::ListItem)
            .last()
            .unwrap_or(bi);
        let Some(h) = first
            .checked_sub(1)
            .filter(|&h| bi - h <= MAX_ITEMS && inp.blocks[h].kind == BlockKind::Heading)
        else {
            return;
        };
        let heading = self
            .mention_spanning(inp.blocks[h].start, inp.blocks[h].end)
            .filter(|&at| {
                let m = &inp.mentions[at];
                inp.actors.kind(&m.actor).can_be_party() && !f.parties.contains(&*m.actor)
            });
        if let Some(at) = heading {
            // (the names the clause took for its subject are its objects:
            // "Picked A and B to supply cells" is a contract with each)
            if f.rule == "subject" && f.parties.len() >= 2 {
                f.with_parties = f.parties.iter().cloned().collect();
                f.with_groups = f.with_parties.iter().map(|p| vec![p.clone()]).collect();
                f.split = true;
            }
            self.add(&[at], f);
            f.fired("heading");
        }
    }

    /// "Reuters reported that A had signed a deal with B. A denied that any
    /// such agreement had been reached": a negated clause whose agreement
    /// noun refers back (`such`) takes back the agreement stated at most
    /// three sentences before whose parties include every actor it names
    /// (the denier alone is enough).
    fn take_back(&mut self, cl: &Clause, tr: &Triggers, chains: &[Chain]) {
        let such = tr.main.is_some_and(|n| {
            (n.saturating_sub(2).max(cl.lo)..n)
                .any(|k| has(self.inp, &cl.items[k], |t| matches!(t, Tag::Such)))
        });
        if !such || !self.negated(cl, tr) {
            return;
        }
        let named: BTreeSet<String> = chains
            .iter()
            .flat_map(|c| self.party_ids(&c.members).collect::<Vec<_>>())
            .collect();
        let back = self.out.iter().rposition(|a| {
            !named.is_empty()
                && named.is_subset(&a.parties)
                && a.sentences
                    .first()
                    .is_some_and(|&s| s < cl.si && s + NOT_AGREEMENT_REACH >= cl.si)
        });
        self.retracted.extend(back);
    }

    /// Adds the parties the parties anaphor at `k` refers to ("the two
    /// carriers" stand for organisations, not countries; "the three
    /// carmakers" for three companies).
    fn add_anaphor_parties(&self, cl: &Clause, k: usize, f: &mut Frame) {
        let phrase = self.folded(&cl.items[k]);
        // (a one-word anaphor before an agreement noun is its determiner:
        // "titta på de avtal som redan är undertecknade")
        if !phrase.contains(' ')
            && cl.items[..cl.hi]
                .get(k + 1)
                .is_some_and(|x| has(self.inp, x, |t| matches!(t, Tag::Agreement { .. })))
        {
            return;
        }
        let lex = &self.inp.lexicon;
        let head = phrase.rsplit(' ').next().unwrap_or_default();
        let referent = Referent {
            organisations: !lex.country_anaphora.contains(head),
            companies: lex.company_plurals.contains(head),
            countries: lex.country_plurals.contains(head),
            public: lex.public_plurals.contains(head),
            // (or the word after it: "De fyra bolagen", where "De" is the
            // anaphor)
            count: phrase
                .split(' ')
                .chain(cl.items.get(k + 1).map(|x| self.folded(x)))
                .find_map(|w| lex.number_words.get(w).copied()),
            coordinated: false,
        };
        if let Some(ps) = self.parties_referred(cl.si, cl.items[k].start, referent) {
            f.parties.extend(ps);
            f.fired("parties-anaphor");
        }
    }

    /// The actors "the two sides", "parterna", "they" stand for: a coordination of
    /// two or more parties earlier in the sentence ("representatives of A and B
    /// attended, and the two sides endorsed …"), else the speakers named after
    /// it in the sentence ("…, A and B said"), else the parties of the
    /// agreement talked about last, else a coordination in the sentence before.
    /// "The two countries" are countries when any such reading names them
    /// ("Japan is Chile's largest partner, and the two countries have had
    /// an agreement since 2007" after an MoU of two ministries).
    fn parties_referred(&self, si: usize, at: usize, r: Referent) -> Option<BTreeSet<String>> {
        if r.countries {
            if let Some(ps) = self.parties_referred_as(si, at, r) {
                return Some(ps);
            }
        }
        self.parties_referred_as(
            si,
            at,
            Referent {
                countries: false,
                ..r
            },
        )
    }

    /// [`Self::parties_referred`] for one reading of the anaphor.
    fn parties_referred_as(&self, si: usize, at: usize, r: Referent) -> Option<BTreeSet<String>> {
        let fits = |ps: &BTreeSet<String>| {
            ps.len() >= 2
                && r.count.is_none_or(|n| ps.len() == n)
                && ps.iter().all(|p| {
                    let kind = self.inp.actors.kind(p);
                    let country = matches!(kind, ActorType::Country | ActorType::Region);
                    !(r.organisations && country)
                        && (!r.companies || kind == ActorType::Company)
                        && (!r.countries || country)
                        && (!r.public || country || kind == ActorType::Government)
                })
        };
        let pair_in = |s: usize, before: usize| {
            let sent = &self.inp.sentences[s];
            let items = self.items(sent.start, sent.end.min(before));
            let chains = self.chains(&items, 0, items.len());
            (0..chains.len())
                .rev()
                .map(|i| {
                    let c = &chains[i];
                    let mut ps = self.party_ids(&c.members).collect::<BTreeSet<String>>();
                    // (examples take the name coordinated with their noun,
                    // past a name inside the noun phrase: "A and twelve of
                    // Europe's operators, among them B and C, said they …"
                    // stands for A, B and C)
                    let head = (c.gov == Gov::Example)
                        .then(|| {
                            chains[..i]
                                .iter()
                                .rev()
                                .take(3)
                                .find(|d| d.gov == Gov::None)
                        })
                        .flatten()
                        .filter(|d| items.get(d.last + 1).is_some_and(|x| self.joins(x)));
                    if let Some(d) = head {
                        ps.extend(self.party_ids(&d.members));
                    }
                    ps
                })
                .find(|ps| fits(ps))
        };
        // "Beta is Acme's largest customer and the two firms signed …": the
        // two names before it in the sentence, when there are exactly two
        let two_before = || {
            let sent = &self.inp.sentences[si];
            let items = self.items(sent.start, sent.end.min(at));
            let named: BTreeSet<String> = self
                .chains(&items, 0, items.len())
                .iter()
                .flat_map(|c| self.party_ids(&c.members).collect::<Vec<_>>())
                .collect();
            (named.len() == 2 && fits(&named)).then_some(named)
        };
        // "The two companies signed an MoU on Monday, Acme and Beta said",
        // "…, meddelar Acme och Beta": the speakers named after it in the
        // same sentence
        let speakers_after = || {
            let sent = &self.inp.sentences[si];
            let items = self.items(at, sent.end);
            let comment = |k: usize| has(self.inp, &items[k], |t| matches!(t, Tag::Comment));
            self.chains(&items, 0, items.len())
                .into_iter()
                .filter(|c| {
                    (c.last + 1 < items.len() && comment(c.last + 1))
                        || (c.first >= 2
                            && comment(c.first - 1)
                            && self.is_comma(&items[c.first - 2]))
                })
                // "… a joint venture in Finland, A and B said": a preposition
                // governs the first name only
                .map(|c| {
                    let skip = usize::from(c.gov != Gov::None).min(c.members.len());
                    self.party_ids(&c.members[skip..])
                        .collect::<BTreeSet<String>>()
                })
                .find(|ps| fits(ps))
        };
        // (a coordination in the sentence before, when the last agreement
        // was talked about earlier: "A and B signed an MoU. C and D make
        // cells. The two companies …" are C and D)
        let nearer_pair = || {
            let (_, touched) = self.last?;
            si.checked_sub(1)
                .filter(|&p| touched < p)
                .and_then(|p| pair_in(p, usize::MAX))
        };
        // "… slå ihop Mitsubishi Fuso med Toyotas Hino. De fyra bolagen
        // skrev under …": a counted anaphor of three or more stands for the
        // actors the sentence before names, when they are that many
        let counted_before = || {
            let n = r.count.filter(|&n| n >= 3)?;
            let sent = &self.inp.sentences[si.checked_sub(1)?];
            let items = self.items(sent.start, sent.end);
            let named: BTreeSet<String> = items
                .iter()
                .filter_map(|it| self.mention(it))
                .filter(|m| self.inp.actors.kind(&m.actor).can_be_party())
                .map(|m| m.actor.to_string())
                .collect();
            (named.len() == n && fits(&named)).then_some(named)
        };
        if r.coordinated {
            return pair_in(si, at)
                .or_else(|| si.checked_sub(1).and_then(|p| pair_in(p, usize::MAX)));
        }
        pair_in(si, at)
            .or_else(speakers_after)
            .or_else(counted_before)
            .or_else(nearer_pair)
            .or_else(two_before)
            // the parties of the last agreement talked about, or of the latest
            // with two or more (one with a party missing names no pair)
            .or_else(|| {
                // ("Vinnova signed a grant with A and B. The two companies
                // …": those of its parties the anaphor can stand for)
                self.last
                    .map(|(a, _)| {
                        self.out[a]
                            .parties
                            .iter()
                            .filter(|p| {
                                !r.companies || self.inp.actors.kind(p) == ActorType::Company
                            })
                            .cloned()
                            .collect::<BTreeSet<String>>()
                    })
                    .filter(|ps| fits(ps))
                    .or_else(|| {
                        self.out
                            .iter()
                            .rev()
                            .filter(|a| !a.heading)
                            .map(|a| &a.parties)
                            .find(|ps| fits(ps))
                            .cloned()
                    })
            })
            .or_else(|| si.checked_sub(1).and_then(|p| pair_in(p, usize::MAX)))
            // the actors of a denied or broken-off agreement just before:
            // "A denied that it had reached an agreement with B. … the two
            // companies had struck a preliminary deal"
            .or_else(|| {
                self.not
                    .iter()
                    .rev()
                    .take_while(|n| n.sentence + NOT_AGREEMENT_REACH >= si)
                    .map(|n| &n.actors)
                    .find(|ps| fits(ps))
                    .cloned()
            })
    }

    /// "the company", "Bolaget", "it" at `k`: a company anaphor, unless a name
    /// follows it ("the carmaker Volvo" names the company: a descriptor).
    pub(super) fn company_anaphor(&self, items: &[Item], k: usize, lo: usize) -> bool {
        let inp = self.inp;
        if k >= items.len() {
            return false;
        }
        // a name right after, or in apposition, is the actor: "its trading
        // arm Acme", "its trading arm, Acme, signed …"
        let named = |j: usize| items.get(j).is_some_and(|x| self.mention(x).is_some());
        let apposed = items.get(k + 1).is_some_and(|x| self.is_comma(x)) && named(k + 2);
        !(named(k + 1) || apposed)
            && (has(inp, &items[k], |t| matches!(t, Tag::CompanyAnaphor))
                || (self.head_noun(&items[k]) && self.definite_head(items, k, lo))
                || (has(inp, &items[k], |t| matches!(t, Tag::SpeakerPronoun))
                    && self.speaker_before(items, k, lo).is_some()))
    }

    /// The speaker of a comment verb right before the anaphor at `a`, an
    /// optional complementizer between ("Equinor said it …", "Equinor said
    /// that it …", "Fortum meddelade att bolaget …"): a name just before the
    /// verb that can be a party.
    ///
    /// An auxiliary before the verb ("Acme has said that it …"), a date
    /// after it ("said on Monday it …", "meddelade i dag att …") and an
    /// apposition after the name ("Acme, the Swedish battery maker, said …")
    /// may stand between.
    fn speaker_before(&self, items: &[Item], a: usize, lo: usize) -> Option<String> {
        let m = self.mention(&items[self.speaker_item_before(items, a, lo)?])?;
        self.inp
            .actors
            .kind(&m.actor)
            .can_be_party()
            .then(|| m.actor.to_string())
    }

    /// The item of the name [`State::speaker_before`] looks at, whatever it
    /// names.
    fn speaker_item_before(&self, items: &[Item], a: usize, lo: usize) -> Option<usize> {
        let inp = self.inp;
        let mut k = a;
        // (back over the article of a head noun, and a word or two before
        // the head: "said the airline …", "said the flag carrier …")
        if !has(inp, &items[k], |t| matches!(t, Tag::CompanyAnaphor)) {
            if let Some(d) = (k.saturating_sub(3).max(lo)..k).rev().find(|&j| {
                has(inp, &items[j], |t| matches!(t, Tag::Determiner))
                    && items[j + 1..k]
                        .iter()
                        .all(|x| matches!(x.kind, ItemKind::Word))
            }) {
                k = d;
            }
        }
        if k > lo && has(inp, &items[k - 1], |t| matches!(t, Tag::Complementizer)) {
            k -= 1;
        }
        if k > lo && matches!(items[k - 1].kind, ItemKind::Date(_)) {
            k -= 1;
            if k > lo && has(inp, &items[k - 1], |t| matches!(t, Tag::NotParty)) {
                k -= 1;
            }
        }
        if k < lo + 2 || !has(inp, &items[k - 1], |t| matches!(t, Tag::Comment)) {
            return None;
        }
        let mut s = k - 2;
        // an auxiliary or adverb before the verb: "Acme has said that it …",
        // "Acme also said it …", "Acme har meddelat att bolaget …"
        while s > lo && matches!(items[s].kind, ItemKind::Word) && {
            let w = self.folded(&items[s]);
            inp.lexicon.is_auxiliary(w) || inp.lexicon.is_adverb(w)
        } {
            s -= 1;
        }
        // back over an acronym in brackets: "The Nordic Investment Bank
        // (NIB) said …"
        if s > lo + 2 && matches!(items[s].kind, ItemKind::Punct(')')) {
            if let Some(open) = (s.saturating_sub(3).max(lo)..s)
                .rev()
                .find(|&j| matches!(items[j].kind, ItemKind::Punct('(')))
            {
                s = open.saturating_sub(1).max(lo);
            }
        }
        if self.is_comma(&items[s]) {
            // back over a short apposition to the comma that opens it
            let open = (s.saturating_sub(8).max(lo + 1)..s)
                .rev()
                .find(|&j| self.is_comma(&items[j]))?;
            // (a person's may name an organisation: "X, chief executive
            // of Scania, said …")
            let person = self.is_person(&items[open - 1]);
            if !person && (open + 1..s).any(|j| self.mention(&items[j]).is_some()) {
                return None;
            }
            s = open - 1;
        }
        self.mention(&items[s]).map(|_| s)
    }

    /// The actor named last before byte `before` whose name has the word
    /// `head` ("the ministry" → "Ministry of Energy and Mineral Resources"),
    /// or, for a public body, the word without a Swedish definite ending
    /// ("kommunen" → "Skellefteå kommun", "universitetet" → "Umeå
    /// universitet"; not "banken" → "Danske Bank", as a bank that is a
    /// company is often named without the word).
    /// A head of `[org_head_names]` looks for its word instead ("the
    /// lender" → "World Bank").
    fn last_named_with(&self, head: &str, before: usize) -> Option<String> {
        let inp = self.inp;
        let head = inp
            .lexicon
            .org_head_names
            .get(head)
            .map_or(head, String::as_str);
        let earlier = &inp.mentions[..inp.mentions.partition_point(|m| m.start < before)];
        let base = |w: &str| {
            w.len() >= 4
                && head
                    .strip_prefix(w)
                    .is_some_and(|end| matches!(end, "en" | "et" | "n" | "t"))
        };
        earlier
            .iter()
            .rev()
            .take(200)
            .find(|m| {
                let kind = inp.actors.kind(&m.actor);
                let public = matches!(kind, ActorType::Government | ActorType::Organization);
                inp.folded[m.start..m.end]
                    .split(|c: char| !c.is_alphanumeric())
                    // (or a compound of a public body that ends in the
                    // head: "Västra Götalandsregionen" for "regionen")
                    .any(|w| {
                        w == head
                            || (public && base(w))
                            || (public
                                && head.len() >= 6
                                && w.len() > head.len()
                                && w.ends_with(head))
                    })
                    && kind.can_be_party()
            })
            // "Chalmers … Högskolan har …", "KTH … the university": else the
            // last actor of the type the head names, in this sentence or
            // the two before it
            // (for "the country", the subject of this sentence or the one
            // before first, when it is a country: "Tjeckien hyr Gripen av
            // Sverige, men i januari skrev landet under …" is Tjeckien; the
            // other types are too wide for it: "the university" after "a
            // foundation granted Chalmers …" is Chalmers)
            .or_else(|| {
                let ty = inp.lexicon.type_for(head)?;
                let si = inp.sentences.partition_point(|s| s.end <= before);
                let subject_of = |s: usize| {
                    let sent = inp.sentences.get(s)?;
                    let items = self.items(sent.start, before.clamp(sent.start, sent.end));
                    self.chains(&items, 0, items.len())
                        .into_iter()
                        .find(|c| c.gov == Gov::None || self.verb_second_subject(&items, c))
                        .map(|c| &inp.mentions[c.members[0]])
                        .filter(|m| inp.actors.kind(&m.actor).as_str() == ty)
                };
                let subject = (ty == ActorType::Country.as_str())
                    .then(|| subject_of(si).or_else(|| subject_of(si.checked_sub(1)?)))
                    .flatten();
                let from = inp.sentences[si.saturating_sub(2)..].first()?.start;
                subject.or_else(|| {
                    earlier
                        .iter()
                        .rev()
                        .take_while(|m| m.start >= from)
                        .find(|m| inp.actors.kind(&m.actor).as_str() == ty)
                })
            })
            .map(|m| m.actor.to_string())
    }

    /// "The Norwegian oil and gas company", "the Swedish carmaker": a definite
    /// article at most five plain words before the head, no name or
    /// punctuation between.
    fn definite_head(&self, items: &[Item], k: usize, lo: usize) -> bool {
        // "Myndigheten tecknade …": definite by its form
        if self
            .inp
            .lexicon
            .definite_org_heads
            .contains(self.folded(&items[k]))
        {
            return true;
        }
        for j in (k.saturating_sub(5).max(lo)..k).rev() {
            // (over a country that describes the head: "the U.S. company")
            let other_name = self.mention(&items[j]).is_some_and(|m| {
                m.genitive || self.inp.actors.kind(&m.actor) != ActorType::Country
            });
            if other_name || matches!(items[j].kind, ItemKind::Punct(_)) {
                return false;
            }
            if matches!(self.folded(&items[j]), "the" | "this" | "that" | "its") {
                return true;
            }
        }
        false
    }

    /// The `with`, `by`, `object`, `counterpart` and `on-behalf` patterns: the
    /// chains after the subject, by the word that governs them.
    fn fill_governed(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
        subject_end: usize,
        f: &mut Frame,
    ) {
        let inp = self.inp;
        let (items, lo) = (cl.items, cl.lo);
        let passive = cl
            .range()
            .any(|k| has(inp, &items[k], |t| matches!(t, Tag::Passive)));
        for c in chains
            .iter()
            .filter(|c| self.governed_after_subject(cl, tr, chains, subject_end, c))
        {
            // "bought Yara's 50% stake in Elkem": the deal is with the stake's
            // owner, the company it is held in is no party
            if self.in_owned_stake(items, lo, c) {
                continue;
            }
            // "… med Telia, inte med Volvo Cars": a contrast names no party
            if c.gov_at
                .is_some_and(|g| g > lo && self.contrast_at(items, lo, g - 1))
            {
                continue;
            }
            match c.gov {
                // "signed an agreement under which B will supply …": the
                // subject of such a relative phrase is the counterpart only
                // of a clause with one party and no other `with`
                Gov::With
                    if c.gov_at.is_some_and(|g| self.relative_with(&items[g]))
                        && (f.parties.len() != 1
                            || chains.iter().any(|d| {
                                d.gov == Gov::With
                                    && d.gov_at.is_some_and(|g| !self.relative_with(&items[g]))
                            })) => {}
                // "signed an MoU to connect India with Europe": the second
                // term of an infinitive whose object stands right before
                // "with" is no counterpart
                Gov::With if self.with_infinitive_object(cl, chains, c) => {}
                Gov::With => self.fill_with(cl, tr, chains, c, f),
                Gov::By if passive => {
                    self.add(&c.members, f);
                    f.fired("by");
                    // "the partnership was signed by <people>" names signatories of
                    // an agreement already stated, not a new one
                    f.explicit |= c
                        .members
                        .iter()
                        .any(|&m| self.kind_of(m) != ActorType::Person);
                }
                // the object of a verb that states the agreement ("lent Northvolt"),
                // or of a status verb before the agreement noun ("awarded Beta a
                // contract", "selected Beta as its preferred supplier")
                // (what a verb of joint ownership or founding takes is the
                // joint venture itself: "som tillsammans äger bolaget X")
                // what a sale or purchase verb trades before its buyer or
                // seller is no party: the deal is with them ("sold Vodafone
                // Italia to Swisscom"), an acquisition
                Gov::Verb
                    if !f.parties.is_empty()
                        && (self.traded_object(cl, tr, chains, c)
                            || self.traded_with_named(cl, tr, f, c)) =>
                {
                    f.fired("traded");
                }
                Gov::Verb if self.object_is_party(cl, tr, c, f) => {
                    self.fill_object(cl, tr, chains, c, f);
                }
                // "invested in Beta", "fått ett kontrakt av Beta" (no passive),
                // "the sole supplier for Beta"
                // (the seller before what is bought: "completed its purchase of
                // X from Y" is a deal with Y)
                // (or several investors' target: "A, B and C have agreed to
                // make further investments in D")
                // (or a person's, who signs for an organisation found after:
                // "Fortums vd X har undertecknat ett lån … till B")
                // (or several sellers' buyer: "A and B completed the sale of X
                // to C")
                Gov::NotParty | Gov::By | Gov::OnBehalf
                    if (f.parties.len() == 1
                        || (f.parties.is_empty() && !f.persons.is_empty())
                        || self.invested_in(cl, tr, c)
                        || self.trader_of(cl, chains, c))
                        && (c.gov != Gov::OnBehalf || !self.genitive_chain(c))
                        && !chains
                            .iter()
                            .any(|h| h.last < c.first && self.stake_holder_of(cl, h, c))
                        && self.transaction_counterpart(cl, tr, c, self.states(&f.parties))
                        && !self.trader_after(cl, tr, chains, c) =>
                {
                    self.fill_counterpart(cl, tr, c, f);
                }
                // "Einride's acquisition by Scania", "Einride, whose
                // acquisition by Scania was scrapped": the agent right after
                // an acquisition noun whose object is the one party
                Gov::By
                    if !passive
                        && f.parties.len() == 1
                        && c.gov_at.is_some_and(|g| {
                            g > lo
                                && tr.nouns.contains(&(g - 1))
                                && has(inp, &items[g - 1], |t| matches!(t, Tag::AgentNoun))
                        })
                        && c.members
                            .iter()
                            .all(|&m| self.kind_of(m) != ActorType::Person) =>
                {
                    self.add(&c.members, f);
                    f.fired("noun-by");
                    f.explicit = true;
                }
                // "will invest in a project owned by B": the owner of what is
                // invested in
                Gov::By if !passive && self.invested_owner(cl, tr, c, f) => {
                    self.add(&c.members, f);
                    f.fired("counterpart");
                    f.explicit = true;
                }
                // "ordered 180 tanks from A … and 212 howitzers from B": a
                // counterpart coordinated with the first by the same
                // preposition is another transaction of the subject
                Gov::NotParty | Gov::By if self.coordinated_counterpart(cl, tr, c, f) => {
                    if let Some((_, first)) = f.counterpart.take() {
                        f.with_parties = first;
                    }
                    f.with_parties.extend(self.party_ids(&c.members));
                    f.split = true;
                    self.add(&c.members, f);
                    f.fired("counterpart");
                }
                // "undertecknade för Sverige", not "för Europas batteriindustri"
                Gov::OnBehalf
                    if c.first > 0
                        && (lo..c.first).any(|k| self.is_person(&items[k]))
                        && !self.genitive_chain(c) =>
                {
                    self.add(&c.members, f);
                    f.fired("on-behalf");
                }
                _ => {}
            }
        }
    }

    /// Whether the chain `c` is one [`State::fill_governed`] reads: after the
    /// subject, else after the trigger, or fronted with the clause's trigger.
    fn governed_after_subject(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
        subject_end: usize,
        c: &Chain,
    ) -> bool {
        let (inp, items) = (self.inp, cl.items);
        // a verb-second subject right after the verb that follows `c`
        // (or the verb's own chain, when `verb_object`)
        let subject_after_verb = |verb_object: bool| {
            chains.iter().any(|d| {
                (d.gov == Gov::None || (verb_object && d.gov == Gov::Verb))
                    && d.first == c.last + 2
                    && (has(inp, &items[c.last + 1], Tag::predicate)
                        || inp.lexicon.is_auxiliary(self.folded(&items[c.last + 1])))
            })
        };
        c.first > subject_end.max(cl.lo)
            || (subject_end == cl.lo && c.first > tr.pivot.min(tr.first))
            // (or governed by the clause's fronted phrase of joint
            // action: "Tillsammans med B ska A bygga …")
            || (c.gov == Gov::With && c.gov_at.is_some() && c.gov_at == tr.joint)
            // (or fronted with its agreement noun before a verb-second
            // subject: "Enligt ett 30-årigt avtal med Beta ska Acme köpa …")
            || (c.gov == Gov::With
                && tr.main.is_some_and(|n| n < c.first && c.first <= n + 3)
                && subject_after_verb(false))
            // (or opening the clause before a verb-second subject: "Med
            // Indien har Sverige sedan 2018 ett innovationspartnerskap",
            // "Med Spotify tecknade Klarna …")
            || (c.gov == Gov::With
                && c.gov_at == Some(cl.lo)
                && tr.main.is_some_and(|n| n > c.last)
                && subject_after_verb(true))
            // (or right after it before a relative clause whose subject is
            // the clause's: "Det strategiska partnerskap med B som vi ingick
            // 2018", "the partnership with B that we entered in 2018")
            || (c.gov == Gov::With
                && tr.main.is_some_and(|n| n < c.first && c.first <= n + 3)
                && items
                    .get(c.last + 1)
                    .is_some_and(|x| has(inp, x, |t| matches!(t, Tag::Which)))
                && subject_end > c.last
                && subject_end <= c.last + 3)
    }

    /// Whether the "with" of chain `c` follows a name that an infinitive
    /// takes as its object ("to connect India with Europe", "att koppla
    /// ihop Sverige med Finland"): a plain verb between "to"/"att" and the
    /// name, and the name right before "with".
    fn with_infinitive_object(&self, cl: &Clause, chains: &[Chain], c: &Chain) -> bool {
        let items = cl.items;
        let Some(w) = c.gov_at else {
            return false;
        };
        chains.iter().any(|d| {
            d.last + 1 == w
                && d.gov_at.is_some_and(|g| {
                    g + 1 < d.first
                        && matches!(self.folded(&items[g]), "to" | "att")
                        && (g + 1..d.first).all(|k| matches!(items[k].kind, ItemKind::Word))
                })
        })
    }

    /// The `with` pattern for the chain `c`; lists after the first join it
    /// as further pairs when they are agreements apart.
    fn fill_with(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], c: &Chain, f: &mut Frame) {
        let (inp, items, lo) = (self.inp, cl.items, cl.lo);
        // only the first list after the trigger is split into
        // pairs, and the lists coordinated with it ("supply deals
        // with A for diesel and with B for biofuels")
        // (or after a comma, in a series: "with A for X, with B
        // for Y and with C for Z")
        // (or after "and another": "a supply deal with A and
        // another with B")
        let coord =
            |k: usize| has(inp, &items[k], |t| matches!(t, Tag::Coord)) || self.is_comma(&items[k]);
        let another = |k: usize| has(inp, &items[k], |t| matches!(t, Tag::Another));
        let coordinated = c.gov_at.is_some_and(|g| {
            (g > lo && coord(g - 1)) || (g > lo + 1 && another(g - 1) && coord(g - 2))
        });
        // "with A in May 2022 and with B in June 2023", "with A
        // and another with B": lists dated apart, or after
        // "another", are agreements apart; so are lists whose
        // "with" is repeated after "and" when no one agreement
        // noun holds them ("förhandlar med A och med B och C",
        // "is negotiating with A and with B")
        let repeated = || {
            c.gov_at
                .is_some_and(|g| g > lo && self.joins(&items[g - 1]))
                && tr
                    .nouns
                    .iter()
                    .all(|&n| noun(inp, &items[n]).is_some_and(|x| x.plural))
        };
        let dated_apart = || {
            let prev = chains
                .iter()
                .filter(|d| d.gov == Gov::With && d.last < c.first)
                .map(|d| d.last)
                .max();
            coordinated
                && prev.zip(c.gov_at).is_some_and(|(p, g)| {
                    another(g - 1) || (p + 1..g).any(|k| matches!(items[k].kind, ItemKind::Date(_)))
                })
        };
        if f.with_parties.is_empty() {
            f.with_parties.extend(self.party_ids(&c.members));
            f.with_groups.push(self.party_ids(&c.members).collect());
        } else if f.split || dated_apart() || repeated() {
            if !coordinated {
                return;
            }
            f.split = true;
            f.with_parties.extend(self.party_ids(&c.members));
            f.with_groups.push(self.party_ids(&c.members).collect());
        }
        self.add(&c.members, f);
        f.explicit = true;
        f.fired("with");
    }

    /// Whether the object chain `c` of a verb is a party: of a verb that
    /// states the agreement, or of a status verb before the agreement noun.
    fn object_is_party(&self, cl: &Clause, tr: &Triggers, c: &Chain, f: &Frame) -> bool {
        !f.parties.is_empty()
            && !self.verb_of_kind(cl, tr, Kind::JointVenture)
            && !c.gov_at.is_some_and(|g| self.founds_venture(&cl.items[g]))
            && !self.names_the_venture(cl, tr, c)
            && (tr.verb.is_some_and(|v| c.first > v)
                || (tr.status_at.is_some_and(|s| c.first > s)
                    && (tr.main.is_some_and(|n| n > c.last)
                        || (tr.complement && tr.verb.is_some_and(|v| v > c.last)))))
    }

    /// The `object` pattern for the chain `c`: one transaction with each
    /// object of a buying, lending or supplying verb, or of a plural noun.
    fn fill_object(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], c: &Chain, f: &mut Frame) {
        self.add(&c.members, f);
        f.fired("object");
        // "bought out A and B", "lent A and B": a transaction
        // with each object
        let transaction = tr.verb.is_some_and(|v| {
            has(self.inp, &cl.items[v], |t| {
                matches!(
                    t,
                    Tag::AgreementVerb {
                        kind: Kind::Other | Kind::Investment | Kind::Offtake,
                        ..
                    }
                )
            })
        });
        let receivers = tr.all_plural && tr.main.is_some_and(|n| n > c.last && n <= c.last + 3);
        if (transaction || receivers) && c.members.len() >= 2 && f.with_parties.is_empty() {
            f.with_parties = self.party_ids(&c.members).collect();
            f.split = true;
        }
        self.chosen_apart(cl, tr, chains, c, f);
    }

    /// Objects chosen one by one, each with an infinitive of its own, are
    /// agreements apart.
    fn chosen_apart(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], c: &Chain, f: &mut Frame) {
        let items = cl.items;
        // "has tapped A to supply X and B to provide Y": a second
        // object with an infinitive of its own after "and" is
        // chosen apart
        let chosen = tr.complement
            || (cl.lo..c.first).any(|k| has(self.inp, &items[k], |t| matches!(t, Tag::Choosing)));
        if !chosen || !f.with_parties.is_empty() {
            return;
        }
        let to = |k: usize| {
            items.get(k).is_some_and(|x| {
                let w = self.folded(x);
                super::modality::infinitive(w) || matches!(w, "to" | "att")
            })
        };
        let more: Vec<&Chain> = chains
            .iter()
            .filter(|d| {
                d.gov == Gov::None
                    && d.first > c.last + 1
                    && self.joins(&items[d.first - 1])
                    && to(d.last + 1)
            })
            .collect();
        if !more.is_empty() && to(c.last + 1) {
            let mut groups = vec![self.party_ids(&c.members).collect::<Vec<_>>()];
            for d in &more {
                self.add(&d.members, f);
                groups.push(self.party_ids(&d.members).collect());
            }
            f.with_parties = groups.iter().flatten().cloned().collect();
            f.with_groups = groups;
            f.split = true;
        }
    }

    /// The `counterpart` pattern for the chain `c`: one transaction with each
    /// counterpart of a supply, or of a plural noun before them.
    fn fill_counterpart(&self, cl: &Clause, tr: &Triggers, c: &Chain, f: &mut Frame) {
        self.add(&c.members, f);
        f.fired("counterpart");
        f.explicit = true;
        if let Some(g) = c.gov_at {
            f.counterpart = Some((g, self.party_ids(&c.members).collect()));
        }
        // "bought turbines from A, B and C", "supplies cells to A
        // and B": a purchase or supply with each of them (a noun
        // after them sums the purchases up: "…, the largest
        // aircraft order ever placed")
        let supply = tr.main.is_none_or(|n| n > c.last) && self.verb_of_kind(cl, tr, Kind::Offtake);
        // (so do plural agreements before them: "awarded contracts
        // to A and B", "the remaining contracts awarded to A and B",
        // "purchase agreements for 470 jets from A and B": what they are
        // for between, no name nor predicate)
        let plural = tr
            .nouns
            .iter()
            .rev()
            .find(|&&n| n < c.first)
            .is_some_and(|&n| {
                (c.first <= n + 4
                    || (c.first <= n + 10
                        && cl.items[n + 1..c.first].iter().all(|x| {
                            self.mention(x).is_none() && !has(self.inp, x, Tag::predicate)
                        })))
                    && noun(self.inp, &cl.items[n]).is_some_and(|x| x.plural)
            });
        if (supply || plural) && c.members.len() >= 2 && f.with_parties.is_empty() {
            f.with_parties = self.party_ids(&c.members).collect();
            f.split = true;
        }
    }

    /// Whether the `by` chain `c` names the owner of what the clause's one
    /// party invests in ("a project owned by B"), not in a passive.
    fn invested_owner(&self, cl: &Clause, tr: &Triggers, c: &Chain, f: &Frame) -> bool {
        let (inp, items) = (self.inp, cl.items);
        f.parties.len() == 1
            && c.gov_at.is_some_and(|g| {
                g > cl.lo
                    && inp
                        .lexicon
                        .owner_participles
                        .contains(self.folded(&items[g - 1]))
            })
            && tr.verb.is_some_and(|v| v < c.first)
            // (or a verb of giving with a noun of financing: "agreed
            // to provide equity finance to a project run by B")
            && (self.verb_of_kind(cl, tr, Kind::Investment)
                || tr.main.is_some_and(|n| {
                    n < c.first && noun(inp, &items[n]).is_some_and(|x| x.kind == Kind::Investment)
                })
                || self.stake_owner(cl, c))
    }

    /// Whether the chain `c` is a counterpart coordinated with the frame's
    /// first one by the same preposition.
    fn coordinated_counterpart(&self, cl: &Clause, tr: &Triggers, c: &Chain, f: &Frame) -> bool {
        let (inp, items) = (self.inp, cl.items);
        f.with_parties.is_empty()
            && f.counterpart.as_ref().is_some_and(|(g, _)| {
                c.gov_at.is_some_and(|h| {
                    h > *g
                        && self.folded(&items[h]) == self.folded(&items[*g])
                        && (g + 1..h).any(|k| {
                            has(inp, &items[k], |t| matches!(t, Tag::Coord))
                                && !self.is_comma(&items[k])
                        })
                })
            })
            && self.transaction_counterpart(cl, tr, c, self.states(&f.parties))
    }

    /// The `inverted-object` pattern: "I juni beviljade Energimyndigheten
    /// Stegra ett bidrag" (the finite verb before its subject, the object
    /// right after the subject): the name after the subject is the object.
    /// What a sale or purchase trades there is no party ("År 2016 köpte
    /// Vattenfall Northvolt av Ericsson": the pattern `traded`).
    /// A status verb before the agreement noun opens the pattern too ("I
    /// fjol valde Telia Ericsson som leverantör").
    fn inverted_object(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], f: &mut Frame) {
        let Some(v) = tr
            .verb
            .or(tr.status_at.filter(|&s| tr.main.is_some_and(|n| s < n)))
        else {
            return;
        };
        for w in chains.windows(2) {
            let (subject, object) = (&w[0], &w[1]);
            // (an inserted adverb may stand between: "valde Region Skåne
            // dessutom NCC att …")
            let adverb = |k: usize| {
                matches!(cl.items[k].kind, ItemKind::Word)
                    && self.inp.lexicon.is_adverb(self.folded(&cl.items[k]))
            };
            // (or a time adverbial: "valde Telia redan i oktober 2019
            // Ericsson som leverantör")
            let timed = |k: usize| {
                let x = &cl.items[k];
                matches!(x.kind, ItemKind::Date(_))
                    || (matches!(x.kind, ItemKind::Word | ItemKind::Phrase(_))
                        && self.inp.text[x.start..x.end].starts_with(char::is_lowercase)
                        && (self.inp.lexicon.is_function_word(self.folded(x))
                            || has(self.inp, x, |t| matches!(t, Tag::NotParty))))
            };
            let gap = subject.last + 1..object.first;
            if subject.gov == Gov::Verb
                && subject.gov_at == Some(v)
                && object.gov == Gov::None
                && (object.first == subject.last + 1
                    || (object.first == subject.last + 2 && adverb(subject.last + 1))
                    || (gap.len() <= 6
                        && gap
                            .clone()
                            .any(|k| matches!(cl.items[k].kind, ItemKind::Date(_)))
                        && gap.clone().all(|k| adverb(k) || timed(k))))
                && self
                    .party_ids(&subject.members)
                    .all(|p| f.parties.contains(&p))
            {
                if self.traded_object(cl, tr, chains, object) {
                    f.fired("traded");
                } else if f.parties.len() == 1 {
                    self.add(&object.members, f);
                    f.fired("inverted-object");
                }
                return;
            }
        }
    }

    /// Whether a chain names a genitive ("for Umicore's cathode business"):
    /// it describes the noun after it, and is no counterpart or principal.
    fn genitive_chain(&self, c: &Chain) -> bool {
        c.members.iter().any(|&m| self.inp.mentions[m].genitive)
    }

    /// Whether `id` is a country or a government.
    fn is_state(&self, id: &str) -> bool {
        matches!(
            self.inp.actors.kind(id),
            ActorType::Country | ActorType::Government
        )
    }

    /// Whether there are parties and all of them are states.
    fn states<'s>(&self, ids: impl IntoIterator<Item = &'s String>) -> bool {
        let mut ids = ids.into_iter().peekable();
        ids.peek().is_some() && ids.all(|id| self.is_state(id))
    }

    /// The counterpart of a transaction: "invest … in Northvolt under an
    /// investment agreement", "buy … from Umicore under a supply agreement",
    /// "official partner of Beta".
    /// Countries and regions there are places, not counterparts, but for a
    /// country that a state buys from (`state_buyer`: the parties found so
    /// far are states, as a pronoun resolved to one: "In April it signed a
    /// deal to buy tanks from the United States").
    fn transaction_counterpart(
        &self,
        cl: &Clause,
        tr: &Triggers,
        c: &Chain,
        state_buyer: bool,
    ) -> bool {
        let inp = self.inp;
        let Some(g) = c.gov_at else {
            return false;
        };
        let w = self.folded(&cl.items[g]);
        let lex = &inp.lexicon;
        // whether `w` names that role of a sale or purchase ("to": the buyer)
        let role = |r: SaleRole| lex.introduces_role(w, r);
        // whether `w` introduces the counterpart of what the trigger at `k`
        // names before it ("a stake in Beta": the company the stake is in)
        let of_sold_object = |k: usize| {
            (k + 1..g)
                .find_map(|j| lex.sold_object(self.folded(&cl.items[j])))
                .is_some_and(|sold| lex.introduces_counterpart(sold, true, w))
        };
        // (and the noun a relative clause is about: "the contract, which A
        // had awarded to B")
        let fits = tr
            .nouns
            .iter()
            .chain(tr.verb.iter())
            .chain(cl.inherited_trigger.iter())
            .any(|&k| {
                tags(inp, &cl.items[k]).iter().any(|t| match t {
                    // (a generic agreement's seller only in its own phrase:
                    // "an agreement for 64 jets from B", not "an agreement
                    // after pressure from B")
                    Tag::Agreement {
                        kind: Kind::Cooperation,
                        ..
                    } => {
                        lex.introduces_counterpart(Kind::Cooperation, false, w)
                            && k < g
                            && g <= k + 10
                            && !(k + 1..g).any(|j| {
                                has(inp, &cl.items[j], |t| {
                                    matches!(t, Tag::Subordinator | Tag::Which | Tag::Comment)
                                })
                            })
                    }
                    Tag::Agreement { kind, .. } => lex.introduces_counterpart(*kind, false, w),
                    // (what a purchase buys names its counterpart too: "köpte
                    // en andel i Beta" is an investment in Beta; not with a
                    // buyer or seller named after it: "sålde sin andel i Beta
                    // till Gamma"; nor what a sale sells: "sold its stake in
                    // Beta" is no deal with Beta, "sålde 20 procent av Beta"
                    // neither: a sale's counterpart is its buyer)
                    // (a payment's: what it pays for, "paid $16.6 billion
                    // for Beta", or the company of a stake it pays for,
                    // "spent $400 million on a stake in Beta"; not "paid
                    // tribute to Beta")
                    Tag::AgreementVerb { payment: true, .. } => {
                        role(SaleRole::PaidFor)
                            || (!role(SaleRole::Seller)
                                && !role(SaleRole::Buyer)
                                && of_sold_object(k))
                    }
                    Tag::AgreementVerb {
                        sale: true,
                        object_kind: None,
                        ..
                    } => role(SaleRole::Buyer),
                    Tag::AgreementVerb { kind, sale, .. } => {
                        lex.introduces_counterpart(*kind, true, w)
                            || (*sale
                                && of_sold_object(k)
                                && !(g + 2..cl.hi).any(|j| {
                                    self.mention(&cl.items[j]).is_some()
                                        && lex
                                            .sale_prepositions
                                            .contains_key(self.folded(&cl.items[j - 1]))
                                }))
                    }
                    _ => false,
                })
            });
        // (a state that buys from a state buys from its government: "Poland
        // ordered 250 tanks from the United States", "Australia planned to
        // buy missiles from the United States"; the state is the last name
        // before the trigger)
        let seller = role(SaleRole::Seller);
        let state_buyer = || {
            state_buyer
                || (cl.lo..tr.first.min(g))
                    .rev()
                    .find_map(|k| self.mention(&cl.items[k]))
                    .is_some_and(|m| !m.genitive && self.is_state(&m.actor))
        };
        // (nor a state right after the order it gives: "en order från
        // Polen", "a contract from Poland")
        let right_after_noun = || tr.nouns.iter().any(|&k| k < g && g == k + 1);
        // (a state borrows: "lent $1 billion to Pakistan", "a $500 million
        // loan to Kenya"; after the preposition of a buyer a few words
        // after the loan, not "invested in a plant in Brazil", "beviljade
        // bolaget en miljard dollar för tillverkning av doser till USA")
        let to_buyer = role(SaleRole::Buyer);
        let loan = || to_buyer && self.investment_before(cl, tr, g, 5);
        fits && c.members.iter().all(|&m| match self.kind_of(m) {
            ActorType::Country => (seller && (state_buyer() || right_after_noun())) || loan(),
            ActorType::Region => false,
            _ => true,
        })
    }

    /// Whether `c` is what the clause's investment is made in: governed by
    /// one of the investment's counterpart prepositions ("in", "i") at most
    /// two words after an investment noun or verb.
    fn invested_in(&self, cl: &Clause, tr: &Triggers, c: &Chain) -> bool {
        c.gov_at.is_some_and(|g| {
            self.inp.lexicon.introduces_counterpart(
                Kind::Investment,
                false,
                self.folded(&cl.items[g]),
            ) && self.investment_before(cl, tr, g, 2)
        })
    }

    /// An investment noun or verb of the clause at most `reach` words
    /// before the word at `g` ("in" after "invested", "to" after "a loan").
    fn investment_before(&self, cl: &Clause, tr: &Triggers, g: usize, reach: usize) -> bool {
        tr.nouns
            .iter()
            .chain(tr.verb.iter())
            .any(|&k| k < g && g <= k + reach && self.investment_trigger(&cl.items[k]))
    }

    /// A list that what the clause names is shared out among ("contracts
    /// for 20 ships, split between A and B"): one agreement with each (the
    /// chain is `with`, governed by "between" after a `split_between` word).
    fn shared_out(&self, cl: &Clause, c: &Chain) -> bool {
        c.gov == Gov::With
            && c.gov_at
                .is_some_and(|g| has(self.inp, &cl.items[g], |t| matches!(t, Tag::Between)))
    }

    /// Whether the verb at `v` commands rather than orders: a command verb
    /// (`command_verbs`) with names, "to" and a word that is neither a name
    /// nor a determiner after it ("ordered Equinor to stop work"; not
    /// "ordered Northvolt cells", "ordered trucks to be delivered by B").
    fn command(&self, cl: &Clause, v: usize) -> bool {
        let (inp, items) = (self.inp, cl.items);
        if !has(inp, &items[v], |t| matches!(t, Tag::Command)) {
            return false;
        }
        let mut k = v + 1;
        while k < cl.hi
            && (self.mention(&items[k]).is_some()
                || self.is_comma(&items[k])
                || has(inp, &items[k], |t| matches!(t, Tag::Coord)))
        {
            k += 1;
        }
        if k == v + 1 || k >= cl.hi {
            return false;
        }
        // ("to sell" may be one phrase)
        let w = self.folded(&items[k]);
        w.starts_with("to ")
            || w.starts_with("att ")
            || (matches!(w, "to" | "att")
                && k + 1 < cl.hi
                && self.mention(&items[k + 1]).is_none()
                && !has(inp, &items[k + 1], |t| matches!(t, Tag::Determiner))
                && !matches!(items[k + 1].kind, ItemKind::Date(_) | ItemKind::Punct(_)))
    }

    /// An investment noun or verb ("loan", "invested in", "lån").
    pub(super) fn investment_trigger(&self, it: &Item) -> bool {
        has(self.inp, it, |t| {
            matches!(
                t,
                Tag::Agreement {
                    kind: Kind::Investment,
                    ..
                } | Tag::AgreementVerb {
                    kind: Kind::Investment,
                    ..
                }
            )
        })
    }

    /// A chain after `c`, governed by "from"/"från" or "to"/"till", that is
    /// the counterpart too: the seller or the buyer, where `c` names what
    /// changed hands ("the purchase of X from Y", "the sale of X to Y").
    fn trader_after(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], c: &Chain) -> bool {
        // (a buyer only after what an agreement noun trades, "the sale of
        // X to Y": "from just east of X to Y" names a route)
        self.sale_role(cl, c, SaleRole::Object)
            && chains.iter().any(|d| {
                self.trades_with(cl, c, d)
                    && (self.sale_role(cl, d, SaleRole::Seller) || self.noun_object(cl, c))
                    && self.transaction_counterpart(cl, tr, d, false)
            })
    }

    /// Whether `c` is the seller or buyer of what a chain before it names
    /// as changing hands ("the sale of X to C"): the other side of the
    /// transaction, whoever its subjects are.
    fn trader_of(&self, cl: &Clause, chains: &[Chain], c: &Chain) -> bool {
        chains
            .iter()
            .any(|o| self.noun_object(cl, o) && self.trades_with(cl, o, c))
    }

    /// Whether `trader`, soon after `object`, is introduced as its seller
    /// or buyer: "from"/"till" within six items of the object's end (measured
    /// to the preposition, a descriptor may follow it: "from the Finnish
    /// utility Fortum"), by another preposition than the object's ("av Saab
    /// och … av Airbus" are two sellers).
    fn trades_with(&self, cl: &Clause, object: &Chain, trader: &Chain) -> bool {
        trader.first > object.last
            && trader.gov_at.unwrap_or(trader.first) <= object.last + 6
            && (self.sale_role(cl, trader, SaleRole::Seller)
                || self.sale_role(cl, trader, SaleRole::Buyer))
            && trader
                .gov_at
                .zip(object.gov_at)
                .is_some_and(|(x, y)| self.folded(&cl.items[x]) != self.folded(&cl.items[y]))
    }

    /// Whether `c` is what an agreement noun right before its preposition
    /// trades: "the sale of X", "avyttringen av X".
    fn noun_object(&self, cl: &Clause, c: &Chain) -> bool {
        self.sale_role(cl, c, SaleRole::Object)
            && c.gov_at.is_some_and(|g| {
                g > cl.lo
                    && has(self.inp, &cl.items[g - 1], |t| {
                        matches!(t, Tag::Agreement { .. })
                    })
            })
    }

    /// Whether the preposition that governs `c` introduces `role` in a sale
    /// or purchase (`[sale_prepositions]`; "av" introduces two in Swedish:
    /// "förvärvet av X", "köpte X av Y").
    fn sale_role(&self, cl: &Clause, c: &Chain, role: SaleRole) -> bool {
        c.gov_at.is_some_and(|g| {
            self.inp
                .lexicon
                .introduces_role(self.folded(&cl.items[g]), role)
        })
    }

    /// A chain soon after `c`, introduced as `role` ("from" the seller, "to"
    /// the buyer), that is a counterpart of the clause's transaction.
    fn counterpart_after(
        &self,
        cl: &Clause,
        tr: &Triggers,
        chains: &[Chain],
        c: &Chain,
        role: SaleRole,
    ) -> bool {
        chains.iter().any(|d| {
            d.first > c.last
                && d.gov_at.unwrap_or(d.first) <= c.last + 6
                && self.sale_role(cl, d, role)
                && !self.stake_holder_of(cl, c, d)
                && self.transaction_counterpart(cl, tr, d, false)
        })
    }

    /// Whether `holder` is a genitive before a stake that a partitive
    /// preposition ties to `company` ("Northvolts halva av Novo Energy",
    /// "Saabs 30 procent av bolaget"): the preposition names the company
    /// the stake is in, not a seller, and the holder is the counterpart.
    fn stake_holder_of(&self, cl: &Clause, holder: &Chain, company: &Chain) -> bool {
        let lex = &self.inp.lexicon;
        self.genitive_chain(holder)
            && self.sale_role(cl, company, SaleRole::Object)
            && company.gov_at.is_some_and(|g| {
                (holder.last + 1..g).any(|k| lex.is_stake(self.folded(&cl.items[k])))
            })
    }

    /// The object of a sale or purchase verb that a buyer or seller follows:
    /// what changes hands, not a party ("agreed to sell Vodafone Italia to
    /// Swisscom", "bought X from Y" are deals with Swisscom and Y).
    fn traded_object(&self, cl: &Clause, tr: &Triggers, chains: &[Chain], c: &Chain) -> bool {
        self.counterpart_role(cl, tr)
            .is_some_and(|role| self.counterpart_after(cl, tr, chains, c, role))
    }

    /// What a sale or purchase verb after an agreement noun or verb with a
    /// "with" counterpart trades is no party: the buyer or seller is the
    /// counterpart ("an agreement with B to sell C", "a deal with B to buy
    /// C", "agreed with B to buy C", "kom överens med B om att köpa C").
    fn traded_with_named(&self, cl: &Clause, tr: &Triggers, f: &Frame, c: &Chain) -> bool {
        let sale = |k: usize| {
            has(self.inp, &cl.items[k], |t| {
                matches!(t, Tag::AgreementVerb { sale: true, .. })
            })
        };
        !f.with_parties.is_empty()
            && tr
                .main
                .or(tr.verb)
                .is_some_and(|t| (t + 1..c.first).any(sale))
    }

    /// The role of the counterpart of the clause's sale or purchase verb: the
    /// seller of a purchase ("bought X from Y"), the buyer of a sale ("sold X
    /// to Y"); `None` when the verb is no sale verb.
    fn counterpart_role(&self, cl: &Clause, tr: &Triggers) -> Option<SaleRole> {
        let v = tr.verb?;
        tags(self.inp, &cl.items[v]).iter().find_map(|t| match t {
            Tag::AgreementVerb {
                sale: true,
                object_kind,
                ..
            } => Some(if object_kind.is_some() {
                SaleRole::Seller
            } else {
                SaleRole::Buyer
            }),
            _ => None,
        })
    }

    /// "the agreement …" (a definite noun naming no party after it) refers to an
    /// agreement already stated; "samriskbolaget Japan Australia Rare Earths"
    /// names a new one.
    ///
    /// A noun whose relative clause names the parties ("det avtal som
    /// Lidköping och Rockford slöt 2006", "the deal Acme struck with Beta")
    /// says which agreement it is, whatever its article.
    fn refers_back(&self, cl: &Clause, tr: &Triggers) -> bool {
        let items = cl.items;
        let named_after = |t: usize| {
            let at = |k: usize| k < cl.hi && self.mention(&items[k]).is_some();
            at(t + 1)
                || (t + 1 < cl.hi
                    && has(self.inp, &items[t + 1], |x| matches!(x, Tag::Which))
                    && (at(t + 2) || at(t + 3)))
        };
        if tr.nouns.iter().any(|&t| named_after(t)) {
            return false;
        }
        tr.main.is_some_and(|t| {
            noun(self.inp, &items[t]).is_some_and(|n| n.definite)
                || self.english_definite(items, t, cl.lo)
        })
    }

    /// The date written after each group of counterparts, before the next
    /// group: "agreements with A in January and with B in February" date A's
    /// in January and B's in February.
    fn group_dates(
        &self,
        cl: &Clause,
        groups: &[Vec<String>],
        status: Status,
    ) -> Vec<Option<Date>> {
        // where each group's first member stands, in order
        let mut from = cl.lo;
        let mut at = Vec::with_capacity(groups.len());
        for g in groups {
            let k = g.first().and_then(|id| {
                (from..cl.hi)
                    .find(|&k| self.mention(&cl.items[k]).is_some_and(|m| *m.actor == **id))
            });
            at.push(k);
            from = k.map_or(from, |k| k + 1);
        }
        (0..groups.len())
            .map(|i| {
                let start = at[i]?;
                let end = at[i + 1..]
                    .iter()
                    .flatten()
                    .next()
                    .copied()
                    .unwrap_or(cl.hi);
                self.first_date(cl, start, end, status)
            })
            .collect()
    }

    /// The first date of the clause's items `from..to` that resolves, for an
    /// agreement of this status.
    fn first_date(&self, cl: &Clause, from: usize, to: usize, status: Status) -> Option<Date> {
        (from..to).find_map(|k| match cl.items[k].kind {
            ItemKind::Date(d) => self.resolved_date(d, status),
            _ => None,
        })
    }

    /// Pushes the agreement, or one per listed party for the `each` pattern.
    fn emit(&mut self, mut ag: Agreement, f: &Frame, si: usize) -> bool {
        let subject: BTreeSet<String> = ag
            .parties
            .iter()
            .filter(|p| !f.with_parties.contains(p))
            .cloned()
            .collect();
        if f.split && subject.is_empty() {
            // "similar agreements with A, B and C": A, B and C are not partners of each other
            return false;
        }
        // "financed by a bridge loan from A, B and C", with no borrower
        // named: the lenders of one list are no parties of each other
        let only_counterparts = f
            .counterpart
            .as_ref()
            .is_some_and(|(_, c)| ag.parties.iter().all(|p| c.contains(p)));
        if ag.rule == "counterpart" && ag.parties.len() >= 2 && only_counterparts {
            return false;
        }
        // a plan the same sentence just stated, ended by the same parties, was
        // never an agreement: "Åhléns planerade köp av NK Kosmetik, som
        // parterna avbröt …"
        if let (Status::Terminated, Some((i, lsi))) = (ag.status, self.last) {
            let prev = &self.out[i];
            if lsi == si
                && prev.parties == ag.parties
                && matches!(prev.status, Status::Planned | Status::Negotiating)
            {
                if !self.retracted.contains(&i) {
                    self.retracted.push(i);
                }
                return false;
            }
        }
        if !f.with_parties.is_empty() && !subject.is_empty() {
            self.last_subject = Some((subject.clone(), si));
        }
        if f.with_parties.len() >= 2 {
            self.last_counterparts = Some((f.with_parties.clone(), si, f.split));
        }
        if f.split && f.with_groups.len() >= 2 {
            ag.rule.push_str("+each");
            for (i, g) in f.with_groups.iter().enumerate() {
                let mut one = ag.clone();
                if let Some(Some(d)) = f.with_group_dates.get(i) {
                    one.date = Some(*d);
                }
                one.parties = subject.clone();
                one.parties.extend(g.iter().cloned());
                self.out.push(one);
            }
        } else if f.split && f.with_parties.len() >= 2 {
            ag.rule.push_str("+each");
            for w in &f.with_parties {
                let mut one = ag.clone();
                one.parties = subject.clone();
                one.parties.insert(w.clone());
                self.out.push(one);
            }
        } else {
            self.out.push(ag);
        }
        self.last = Some((self.out.len() - 1, si));
        true
    }
}
