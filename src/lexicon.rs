//! Language knowledge as data: agreement nouns, status verbs, negation,
//! coordination, relation words, months, topics and cue words, read from one TOML
//! file per language (`gazetteers/lang/*.toml`, compiled in). All languages are
//! used together, so mixed-language documents (a Swedish text citing English
//! sources) need no switch.
//!
//! Takes TOML sources; gives a [`Lexicon`] with one phrase automaton.

use crate::error::{Error, Result};
use crate::gazetteer::ActorType;
use crate::text::{boundary, char_at, char_before, fold, words, WordTable};
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// The shipped language files.
pub const EMBEDDED: &[(&str, &str)] = &include!(concat!(env!("OUT_DIR"), "/embedded_lang.rs"));

/// Agreement kinds of the JSON contract.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Memorandum of understanding.
    Mou,
    /// Memorandum of cooperation.
    Moc,
    /// (Strategic) partnership or alliance between the parties.
    Partnership,
    /// Cooperation agreement, joining forces, or a generic agreement on joint work.
    Cooperation,
    /// Joint venture.
    JointVenture,
    /// Supply or purchase deal.
    Offtake,
    /// Loans, equity, financing.
    Investment,
    /// Programme association, implementing arrangement, distribution deal.
    Association,
    /// Anything else.
    Other,
}

impl Kind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Mou => "mou",
            Kind::Moc => "moc",
            Kind::Partnership => "partnership",
            Kind::Cooperation => "cooperation",
            Kind::JointVenture => "joint_venture",
            Kind::Offtake => "offtake",
            Kind::Investment => "investment",
            Kind::Association => "association",
            Kind::Other => "other",
        }
    }
}

/// Agreement statuses of the JSON contract.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Signed, concluded, formed, in force.
    Signed,
    /// Launched or announced, no signature stated.
    Announced,
    /// Talks under way.
    Negotiating,
    /// Planned or intended.
    Planned,
    /// Ended, cancelled or left (an agreement that existed).
    Terminated,
}

impl Status {
    /// The contract's name for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Signed => "signed",
            Status::Announced => "announced",
            Status::Negotiating => "negotiating",
            Status::Planned => "planned",
            Status::Terminated => "terminated",
        }
    }
}

/// What a matched phrase means to the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tag {
    /// An agreement noun.
    Agreement {
        /// Kind it names.
        kind: Kind,
        /// Specificity (higher wins).
        rank: u8,
        /// A generic word (agreement, avtal, deal) whose kind cues may refine.
        generic: bool,
        /// A weak word (cooperation, samarbete) that states an agreement only
        /// with a status verb in its clause.
        weak: bool,
        /// The form is definite (`avtalet`); English definiteness comes from determiners.
        definite: bool,
        /// The form is plural (`avtalen`, `agreements`).
        plural: bool,
    },
    /// A verb phrase that itself states an agreement (`joined forces`, `lent`).
    AgreementVerb {
        /// Kind.
        kind: Kind,
        /// Status.
        status: Status,
        /// The kind when its object is an actor (`bought Beta`: other).
        object_kind: Option<Kind>,
        /// A sale or purchase: what it names before its counterpart may
        /// decide the kind (`[sold_objects]`: "sold its unit to Beta" is an
        /// acquisition, "sold its stake to Beta" an investment).
        sale: bool,
        /// A bare passive ("köptes", "förvärvades") that states a deal only
        /// with its agent after `by` ("köptes 2022 av Oracle"): "I fjol
        /// köptes aktier från B" names no buyer.
        agent: bool,
        /// A payment ("paid $16.6 billion for Beta"): its counterpart is what
        /// it pays for (`[sale_prepositions] paid_for`) or whom it pays (its
        /// object), never an actor after its kind's prepositions ("paid
        /// tribute to Beta"), and without one it states no deal.
        payment: bool,
    },
    /// A status verb or phrase.
    Status(Status),
    /// The status verb is passive (`undertecknades`, `was signed`): its agent follows `by`.
    Passive,
    /// Negation or break-off.
    Negation,
    /// Coordination (`och`, `and`, `as well as`).
    Coord,
    /// `mellan`, `between`.
    Between,
    /// `med`, `with`.
    With,
    /// `av`, `by`.
    By,
    /// `för`, `for`, `on behalf of`.
    OnBehalf,
    /// A preposition whose object is not a party (`i`, `in`, `från`, `enligt`).
    NotParty,
    /// Introduces examples (`such as`).
    Example,
    /// Introduces the leaders of a group (`leader_examples`: `led by`, `under
    /// ledning av`), also tagged [`Tag::Example`].
    LeaderExample,
    /// Determiner or quantifier (`the`, `ett`).
    Determiner,
    /// Plural quantifier (`två`, `both`, `several`).
    PluralQuantifier,
    /// Opens a group of counterparts the text does not name (`several`,
    /// `other`, `flera`, `ett antal`): "in talks with several carmakers".
    UnnamedParties,
    /// A number word and its value (`two` 2, `tre` 3).
    Number(u8),
    /// A planned status named as a noun's attribute (`a planned`, `ett planerat`).
    AttributivePlan,
    /// Ends what follows: talks it governs are over (`after`, `efter`).
    AfterTalks,
    /// Opens a sentence-initial phrase that is a clause of its own when it
    /// names no actor (`following`, `amid`, `trots`); elsewhere a plain word.
    ClauseOpener,
    /// Opens a sentence-initial phrase on an agreement whose parties
    /// include the subject after it (`under`, `as part of`, `inom ramen
    /// för`): "Under the MoU signed with B in 2023, A aims to …".
    AgreementOpener,
    /// A purchase named as a noun whose object and agent follow
    /// (`acquisition`, `takeover`): "the acquisition of B by A" is A's
    /// purchase of B.
    AgentNoun,
    /// Opens a subordinate clause when names and their predicate follow
    /// (`after`, `because`, `efter`): it governs no name as a preposition.
    Subordinator,
    /// Each member of a coordinated subject on its own (`alla`, `each`): "A,
    /// B och C har alla tecknat avtal med bolaget" states one agreement each.
    Distributive,
    /// Before an agreement noun, makes it each subject's own (`their own`,
    /// `var sitt`): "A and B signed their own agreements with C", "A och B
    /// har tecknat var sitt avtal med C" state one agreement each.
    DistributiveNoun,
    /// The same before a plural agreement noun only (`separate`): "A and B
    /// signed separate contracts with C", but "a separate contract" is
    /// another one of them all.
    DistributivePlural,
    /// A word that shares out what the clause names before "between"
    /// (`split`, `fördelade`): "contracts for 20 ships, split between A and
    /// B" are one contract with each, not an agreement between A and B.
    SplitBetween,
    /// A conjunction of a condition (`if`, `ifall`): "… if it won a contract
    /// with Poland" states no agreement.
    Conditional,
    /// A verb that may command (`command_verbs`: "ordered"): "ordered
    /// Equinor to stop work" is no order.
    Command,
    /// A noun for a partner named right after it (`partner`, `samarbetspartner`):
    /// "its manufacturing partner X" states a partnership with the owner.
    PartnerNoun,
    /// A possessive pronoun (`its`, `their`, `dess`, `sin`).
    Possessive,
    /// A preposition of joint action ("together with", "tillsammans med"):
    /// "Biontech utvecklar ett vaccin tillsammans med Pfizer" states a
    /// cooperation without an agreement word.
    JointWith,
    /// A word of a plan with the subject after the finite verb (`planerar`,
    /// `att`, `ska`, `bilda`).
    Plan(PlanWord),
    /// The finite verb of a particle verb that states an agreement, with
    /// the subject between verb and particle ("I juli kom A och B överens",
    /// "lånade KfW ut"): [`Lexicon::find`] gives it the whole verb's tags,
    /// or drops it when no particle follows the names.
    SplitHead,
    /// A verb of founding (`founding_verbs`); [`Lexicon::mark_founding`]
    /// makes it a joint-venture verb when what it founds is a company.
    Founding,
    /// A verb of choosing a contractor (`choosing_verbs`);
    /// [`Lexicon::mark_choosing`] makes it a contract's verb when a company
    /// and what it was chosen for follow.
    Choosing,
    /// Talks named before it broke off (`break_off`: "collapsed",
    /// "avbröts"): no agreement came of them.
    BreakOff,
    /// Plans named before it were given up (`dropped_plans`: "dropped the
    /// plans", "skrinlade planerna"): no agreement came of them.
    DroppedPlans,
    /// A first-person plural pronoun (`first_person`: "we", "vårt"): in a
    /// quote, the organisation of the speaker named after it.
    FirstPerson,
    /// A first-person plural subject (`first_person_subjects`: "we", "vi"):
    /// not in a quote, or in an interview, the organisation the document
    /// speaks for when no speaker is named.
    FirstPersonSubject,
    /// A first-person plural object (`first_person_objects`: "us", "oss"):
    /// after a preposition, the speaker's organisation ("med oss").
    FirstPersonObject,
    /// A word that makes the document an interview (`interview`).
    Interview,
    /// A noun of a group of partners (`group_nouns`: "consortium").
    GroupNoun,
    /// A verb that lists a group's members (`member_verbs`: "brings
    /// together", "består av"): "the consortium brings together A, B and C".
    MemberVerb,
    /// A verb of leading a group (`group_leaders`: "coordinates"): "A
    /// coordinates the consortium, which brings together B and C".
    GroupLeader,
    /// A relative phrase on an agreement noun that introduces its
    /// counterpart as its subject (`relative_with`: "under which", "enligt
    /// vilket"); also tagged [`Tag::With`].
    RelativeWith,
    /// A plural noun that may end a parties anaphor (`company_plurals`,
    /// `country_anaphora`): "the six Japanese companies"
    /// ([`Lexicon::mark_counted_anaphora`]).
    PluralHead,
    /// Refers to the last agreement's parties (`parterna`, `the two companies`).
    PartiesAnaphor,
    /// Refers to the last company named (`bolaget`, `the company`).
    CompanyAnaphor,
    /// A pronoun that stands for the speaker right after a comment verb
    /// (`man`: "Telia meddelar att man har tecknat …"), and nothing elsewhere.
    SpeakerPronoun,
    /// A noun naming a company by what it does (`carmaker`, `vendor`): after a
    /// definite determiner (`the Chinese vendor`) it refers like a company anaphor.
    CompanyHead,
    /// People or bodies that act for the actors named right after them
    /// (`representatives of`, `the governments of`, `företrädare för`): the
    /// actors are the parties, as if named alone.
    Representatives,
    /// Opens an apposition after a comma (`, a subsidiary of …,`): the actors
    /// named inside describe the one before and are no parties.
    Apposition,
    /// Introduces the other party of a pending agreement (`its counterpart`).
    Counterpart,
    /// The subject becomes a party of an agreement already stated (`joined the agreement`).
    Joins,
    /// A verb of commenting (`said`, `välkomnade`): its subject is no signatory.
    Comment,
    /// A preposition of commenting (`according to`, `enligt`): it names its
    /// source after it, and the name before it is no speaker.
    SourcePreposition,
    /// A role or title word (`minister`, `executive vice president`).
    Role,
    /// Refines a generic agreement's kind.
    KindCue(Kind),
    /// A topic (English name).
    Topic(Arc<str>),
    /// A month (1-12).
    Month(u8),
    /// A relative date expression.
    Relative(Relative),
    /// Relative clause marker (`which`, `som`).
    Which,
    /// A word that opens a subordinate clause (`att`, `that`, `how`): no
    /// relation word governs across it.
    Complementizer,
    /// A head noun of an organisation name (`ministerium`, `kontoret`).
    OrgHead,
    /// A second agreement of the kind just named (`another`, `ett annat`).
    Another,
    /// A reference back to an agreement just stated (`such`, `sådant`).
    Such,
    /// A set phrase that holds an agreement word but states no agreement
    /// (`in order to`, `to deal with`): matched whole, it hides the word.
    Idiom,
}

/// Relative date expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relative {
    /// Yesterday.
    Yesterday,
    /// Today.
    Today,
    /// The day after the anchor.
    DayAfter,
    /// The year after the anchor.
    YearAfter,
    /// The year after the dateline's ("next year", "nästa år"): unlike
    /// "the following year", it counts from the date of writing.
    NextYear,
    /// Last week.
    LastWeek,
    /// The year before the dateline ("last year", "i fjol").
    LastYear,
    /// The dateline's year ("earlier this year", "i år").
    ThisYear,
    /// The dateline's month ("earlier this month").
    ThisMonth,
    /// The month before the dateline's ("last month", "förra månaden").
    LastMonth,
    /// A time after the dateline ("later this year", "senare i år"): left
    /// unresolved, as a plan's date is not yet a fact.
    Later,
    /// The same day as the anchor.
    SameDay,
    /// The anchor's month ("the same month", "samma månad").
    SameMonth,
    /// The anchor's year ("later that year", "samma år").
    SameYear,
    /// A weekday that may come after the date of writing ("på måndag"):
    /// left unresolved.
    Weekday,
    /// The latest given weekday (0 = Monday) on or before the dateline
    /// ("on Tuesday", "Tuesday": news reports the day it happened or the
    /// days before).
    WeekdayRecent(u8),
    /// The latest given weekday strictly before the dateline ("last
    /// Tuesday", "i tisdags").
    WeekdayLast(u8),
    /// So many months (1 to 12) after the anchor's month ("two months
    /// later", "sex månader senare").
    MonthsLater(u8),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgreementEntry {
    forms: Vec<String>,
    #[serde(default)]
    definite: Vec<String>,
    #[serde(default)]
    plural: Vec<String>,
    kind: Kind,
    #[serde(default = "one")]
    rank: u8,
    #[serde(default)]
    generic: bool,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    compound: bool,
    /// Words that fill the `_` of its forms: "sole _ vendor" with `slot =
    /// ["RAN", "5G"]` is "sole RAN vendor" and "sole 5G vendor".
    #[serde(default)]
    slot: Vec<String>,
}

fn one() -> u8 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbEntry {
    phrases: Vec<String>,
    kind: Kind,
    status: Status,
    /// The kind when the verb's object is an actor ("köper Deswik": an
    /// acquisition, where "köper katodmaterial från B" is a purchase).
    #[serde(default)]
    object_kind: Option<Kind>,
    /// A sale or purchase, whose object may decide its kind (`[sold_objects]`).
    #[serde(default)]
    sale: bool,
    /// A bare passive that states a deal only with its agent after `by`.
    #[serde(default)]
    agent: bool,
    /// A payment, whose counterpart is what it pays for (`Tag::AgreementVerb`).
    #[serde(default)]
    payment: bool,
}

impl VerbEntry {
    /// The tag its phrases carry.
    fn tag(&self) -> Tag {
        Tag::AgreementVerb {
            kind: self.kind,
            status: self.status,
            object_kind: self.object_kind,
            sale: self.sale,
            agent: self.agent,
            payment: self.payment,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusEntries {
    #[serde(default)]
    signed: Vec<String>,
    #[serde(default)]
    announced: Vec<String>,
    #[serde(default)]
    negotiating: Vec<String>,
    #[serde(default)]
    planned: Vec<String>,
    #[serde(default)]
    terminated: Vec<String>,
    #[serde(default)]
    passive: Vec<String>,
    /// A plan named as a noun's attribute ("a planned", "ett planerat"):
    /// planned, except in talks about it, which are negotiating.
    #[serde(default)]
    attributive: Vec<String>,
    /// Words after which talks are over ("after months of talks", "efter
    /// flera års förhandlingar"): the talks they govern set no status.
    #[serde(default)]
    after: Vec<String>,
}

/// A plan with the subject after the finite verb (Swedish V2 word order,
/// "Därefter planerar Vattenfall att teckna …", "Nu ska A och B bilda …"):
/// the verbs of planning and their infinitive marker, the modals and the
/// infinitives they plan with.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct InvertedPlanEntries {
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    marker: Vec<String>,
    #[serde(default)]
    modals: Vec<String>,
    #[serde(default)]
    infinitives: Vec<String>,
}

/// Adverbs that may stand inside a phrase after an auxiliary ("will also
/// form", "have now signed", "ska också bilda"): the phrase walk
/// ([`Lexicon::longest_at`]) steps over one of them after any of these words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct InsertedAdverbs {
    #[serde(default)]
    adverbs: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

/// Finite verbs by form (`[finite_verbs]`): frequent ones by word, the
/// rest by ending.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FiniteVerbs {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    endings: Vec<String>,
}

/// The prepositions of a sale or purchase (`[sale_prepositions]`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SalePrepositions {
    /// Before what is sold or bought ("the purchase of X").
    #[serde(default)]
    object: Vec<String>,
    /// Before the seller ("bought X from Y").
    #[serde(default)]
    seller: Vec<String>,
    /// Before the buyer ("sold X to Y").
    #[serde(default)]
    buyer: Vec<String>,
    /// Before what a payment is for ("paid $1 billion for Y").
    #[serde(default)]
    paid_for: Vec<String>,
}

/// What a preposition of a sale or purchase introduces (`[sale_prepositions]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaleRole {
    /// What is sold or bought ("of", "av").
    Object,
    /// The seller ("from", "från").
    Seller,
    /// The buyer ("to", "till").
    Buyer,
    /// What a payment is for ("for", "för").
    PaidFor,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DateEntries {
    #[serde(default)]
    months: Vec<Vec<String>>,
    #[serde(default)]
    yesterday: Vec<String>,
    #[serde(default)]
    today: Vec<String>,
    #[serde(default)]
    day_after: Vec<String>,
    #[serde(default)]
    year_after: Vec<String>,
    #[serde(default)]
    next_year: Vec<String>,
    #[serde(default)]
    last_week: Vec<String>,
    #[serde(default)]
    last_year: Vec<String>,
    #[serde(default)]
    this_year: Vec<String>,
    #[serde(default)]
    this_month: Vec<String>,
    #[serde(default)]
    last_month: Vec<String>,
    #[serde(default)]
    later: Vec<String>,
    #[serde(default)]
    same_day: Vec<String>,
    #[serde(default)]
    same_month: Vec<String>,
    #[serde(default)]
    same_year: Vec<String>,
    #[serde(default)]
    weekdays: Vec<String>,
    /// Other phrases of time, which date nothing alone but may stand between
    /// a particle verb's head and its particle ("kom i slutet av maj överens").
    #[serde(default)]
    between_particle: Vec<String>,
    /// Seven lists, Monday first: the day on or before the dateline.
    #[serde(default)]
    weekdays_recent: Vec<Vec<String>>,
    /// Seven lists, Monday first: the day strictly before the dateline.
    #[serde(default)]
    weekdays_last: Vec<Vec<String>>,
    /// Twelve lists, one month first: so many months after the date named
    /// before ("six months later").
    #[serde(default)]
    months_later: Vec<Vec<String>>,
    /// Words before a date that make it the end of a term ("until 2030",
    /// "fram till 2030"), never the date of the agreement.
    #[serde(default)]
    until: Vec<String>,
    /// Words before a date that make it the start of a relation still going
    /// on ("have cooperated since 2019", "har samarbetat sedan 2019").
    #[serde(default)]
    since: Vec<String>,
    /// Words before a month that make it the last such month strictly
    /// before the dateline ("last October", in an October report, is a
    /// year before).
    #[serde(default)]
    last_named: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LangFile {
    lang: String,
    #[allow(dead_code)]
    name: String,
    #[serde(default)]
    function_words: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    common_words: Vec<String>,
    #[serde(default)]
    agreement: Vec<AgreementEntry>,
    #[serde(default)]
    agreement_verb: Vec<VerbEntry>,
    #[serde(default)]
    status: StatusEntries,
    #[serde(default)]
    negation: Vec<String>,
    #[serde(default)]
    coordination: Vec<String>,
    #[serde(default)]
    between: Vec<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    by: Vec<String>,
    #[serde(default)]
    on_behalf: Vec<String>,
    #[serde(default)]
    not_party: Vec<String>,
    #[serde(default)]
    example: Vec<String>,
    #[serde(default)]
    leader_examples: Vec<String>,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    plural_quantifiers: Vec<String>,
    #[serde(default)]
    unnamed_parties: Vec<String>,
    /// Number words from two upwards, in order (`two`, `three`, …).
    #[serde(default)]
    numbers: Vec<String>,
    #[serde(default)]
    parties_anaphora: Vec<String>,
    #[serde(default)]
    company_anaphora: Vec<String>,
    /// Pronouns that stand for the speaker right after a comment verb.
    #[serde(default)]
    speaker_pronouns: Vec<String>,
    #[serde(default)]
    company_heads: Vec<String>,
    /// People or bodies acting for the actors named after them
    /// ("representatives of", "the governments of", "företrädare för").
    #[serde(default)]
    representatives: Vec<String>,
    #[serde(default)]
    apposition: Vec<String>,
    #[serde(default)]
    counterpart: Vec<String>,
    #[serde(default)]
    joiners: Vec<String>,
    #[serde(default)]
    comment_verbs: Vec<String>,
    #[serde(default)]
    source_prepositions: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    relative_pronouns: Vec<String>,
    #[serde(default)]
    complementizers: Vec<String>,
    /// Words that name a second agreement of the kind just named, with a
    /// counterpart of its own ("a supply deal with A and another with B").
    #[serde(default)]
    another: Vec<String>,
    /// Words before an agreement noun that refer back to one just stated
    /// ("any such agreement", "något sådant avtal"): denied, they take it back.
    #[serde(default)]
    such: Vec<String>,
    /// Set phrases that hold an agreement word but state no agreement ("in
    /// order to", "to deal with").
    #[serde(default)]
    idioms: Vec<String>,
    /// Participles and prepositions that open a sentence-initial phrase of
    /// its own ("Following months of talks, …"), besides `not_party`.
    #[serde(default)]
    clause_openers: Vec<String>,
    /// Prepositions that open a sentence-initial phrase on an agreement
    /// that the subject after it is a party to ("Under the MoU with B, A
    /// will …").
    #[serde(default)]
    agreement_openers: Vec<String>,
    /// Nouns of a purchase whose "of B by A" names what is bought and its
    /// buyer ("the proposed acquisition of B by A").
    #[serde(default)]
    agent_nouns: Vec<String>,
    /// Conjunctions that open a subordinate clause ("after C pulled out"),
    /// where some are prepositions too ("after the talks").
    #[serde(default)]
    subordinators: Vec<String>,
    #[serde(default)]
    distributive: Vec<String>,
    /// Words before an agreement noun that make it each subject's own.
    #[serde(default)]
    distributive_nouns: Vec<String>,
    /// The same before a plural agreement noun only.
    #[serde(default)]
    distributive_plural: Vec<String>,
    /// Words before "between" that share out what the clause names among
    /// the names after it ("split between A and B").
    #[serde(default)]
    split_between: Vec<String>,
    /// Conjunctions of a condition ("if", "unless"): an agreement stated
    /// after one is a hypothesis, not an agreement.
    #[serde(default)]
    conditionals: Vec<String>,
    /// Verbs that command as well as order ("ordered"): with a name, "to"
    /// and a verb after them ("ordered Equinor to stop work") no purchase.
    #[serde(default)]
    command_verbs: Vec<String>,
    /// Nouns for a partner named right after them ("its partner X").
    #[serde(default)]
    partner_nouns: Vec<String>,
    /// Possessive pronouns ("its", "dess").
    #[serde(default)]
    possessives: Vec<String>,
    /// Prepositions of joint action ("together with"), also in `with`.
    #[serde(default)]
    joint_with: Vec<String>,
    /// First words of participles that name a joint venture's owners after
    /// "by" ("a joint venture owned by A and B", "ett samriskbolag som ägs
    /// av A och B").
    #[serde(default)]
    venture_owner_verbs: Vec<String>,
    /// Verbs of owning: joint action with one of them is a joint venture
    /// ("Tele2 owns Net4Mobility together with Telenor").
    #[serde(default)]
    owning_verbs: Vec<String>,
    /// Verbs of running a business: joint action with one of them and a
    /// named object is a joint venture ("A driver X tillsammans med B").
    #[serde(default)]
    operating_verbs: Vec<String>,
    /// Nouns of owning with their preposition, opening an apposition whose
    /// names are owned ("A, owner of B and C, signed …").
    #[serde(default)]
    owner_nouns: Vec<String>,
    /// Nouns of a unit of a company ("subsidiary", "arm"): "Polestar, the
    /// Volvo Cars affiliate, signed …" names Volvo Cars as owner only.
    #[serde(default)]
    unit_nouns: Vec<String>,
    /// Verbs of founding ("set up", "bildade"): founding a company together
    /// is a joint venture ([`Lexicon::mark_founding`]).
    #[serde(default)]
    founding_verbs: Vec<String>,
    /// Nouns for a company founded ("company", "*bolag": `*` marks the last
    /// part of a compound).
    #[serde(default)]
    venture_objects: Vec<String>,
    /// Words that may stand between a verb of founding and its
    /// `venture_objects` noun besides determiners ("new", "special").
    #[serde(default)]
    venture_modifiers: Vec<String>,
    /// Verbs of choosing a contractor ("selected", "har valt"): with a
    /// company after them and a `choice_complements` word after that, a
    /// contract ([`Lexicon::mark_choosing`]).
    #[serde(default)]
    choosing_verbs: Vec<String>,
    /// What opens what the company was chosen for ("to", "i uppdrag att").
    #[serde(default)]
    choice_complements: Vec<String>,
    /// Possessives that stand for one company ("its", "dess"): opening an
    /// agreement noun phrase with no subject, the company last named.
    #[serde(default)]
    company_possessives: Vec<String>,
    /// Heads of a press release's boilerplate about its issuer ("About",
    /// "Om"): a line of one of them and a name names who "we" are.
    #[serde(default)]
    about_heads: Vec<String>,
    /// What a finite verb after a name looks like (`[finite_verbs]`): after
    /// ", and" a name with one is the subject of a clause of its own, not
    /// the last of a list ("… with B, and C opened a plant").
    #[serde(default)]
    finite_verbs: FiniteVerbs,
    /// Words that make an announced agreement a concluded one ("binding"),
    /// alone before its noun or opening it ("binding agreement").
    #[serde(default)]
    binding: Vec<String>,
    /// Prefixes that undo `binding` ("non-binding", "icke-bindande").
    #[serde(default)]
    binding_negators: Vec<String>,
    #[serde(default)]
    country_anaphora: Vec<String>,
    /// Last words of parties anaphora that stand for companies only ("the
    /// two carmakers", "bolagen").
    #[serde(default)]
    company_plurals: Vec<String>,
    /// Last words of parties anaphora that stand for countries only ("the
    /// two countries", "länderna"); also in `country_anaphora`.
    #[serde(default)]
    country_plurals: Vec<String>,
    /// Last words of parties anaphora that stand for countries or public
    /// bodies only ("the two governments", "regeringarna").
    #[serde(default)]
    public_plurals: Vec<String>,
    /// Participles of owning before "by" ("a project owned by Beta"): the
    /// owner is the counterpart of an investment in what it owns.
    #[serde(default)]
    owner_participles: Vec<String>,
    /// Words for a pair ("both", "båda"), counted as two like `numbers`.
    #[serde(default)]
    pair_words: Vec<String>,
    #[serde(default)]
    org_heads: Vec<String>,
    /// Organisation heads whose form is definite ("myndigheten", "högskolan"),
    /// which refer back without an article.
    #[serde(default)]
    definite_org_heads: Vec<String>,
    /// Heads that stand for an organisation named with another word
    /// (`[org_head_names]`: "the lender" is the last actor named with
    /// "bank").
    #[serde(default)]
    org_head_names: HashMap<String, String>,
    /// Adjectives of nationality by the country's ISO code (`[demonyms]`:
    /// "the Norwegian company" is a company of `NO`).
    #[serde(default)]
    demonyms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    inverted_plan: InvertedPlanEntries,
    #[serde(default)]
    inserted_adverbs: InsertedAdverbs,
    #[serde(default)]
    another_agreement: Vec<String>,
    #[serde(default)]
    earlier_agreement: Vec<String>,
    #[serde(default)]
    earlier_link: Vec<String>,
    /// Words that say talks named before them broke off ("collapsed").
    #[serde(default)]
    break_off: Vec<String>,
    /// Words that say plans named before them were given up ("dropped the
    /// plans").
    #[serde(default)]
    dropped_plans: Vec<String>,
    /// First-person plural pronouns ("we", "our", "vi"): in a quote, the
    /// speaker's organisation.
    #[serde(default)]
    first_person: Vec<String>,
    /// First-person plural subjects ("we", "vi"): unattributed and outside
    /// a quote, or in an interview, the organisation the document speaks for.
    #[serde(default)]
    first_person_subjects: Vec<String>,
    /// First-person plural objects ("us", "oss"): after a preposition, the
    /// organisation of the speaker the quote names ("signed a deal with us").
    #[serde(default)]
    first_person_objects: Vec<String>,
    /// Words that say the document is an interview ("interview", "intervju").
    #[serde(default)]
    interview: Vec<String>,
    /// Nouns of a group of partners ("consortium", "konsortiet"): with a
    /// `member_verbs` verb after them, its members are partners.
    #[serde(default)]
    group_nouns: Vec<String>,
    /// Verbs that list a group's members ("brings together", "består av").
    #[serde(default)]
    member_verbs: Vec<String>,
    /// Verbs of leading a group ("coordinates", "leder"): the name before
    /// them is a member too.
    #[serde(default)]
    group_leaders: Vec<String>,
    /// Nouns of a project, plant or construction ("project", "plant",
    /// "bygget"): "the EIB lends EUR 300 million to the project" is a loan to
    /// the company the text is about.
    #[serde(default)]
    project_nouns: Vec<String>,
    /// Roles and duties, one word each ("role", "rollen", "ansvaret"): what
    /// a verb of taking over takes when it is no company ("took over the
    /// role from B" is no purchase).
    #[serde(default)]
    role_objects: Vec<String>,
    /// Forms of "be", one word each ("is", "är"): after a fronted phrase of
    /// joint action they state no joint action ("Together with B, A is one
    /// of …").
    #[serde(default)]
    copulas: Vec<String>,
    /// Relative phrases on an agreement noun whose subject is the
    /// agreement's counterpart ("under which", "enligt vilket"): "A signed an
    /// agreement under which B will supply turbines".
    #[serde(default)]
    relative_with: Vec<String>,
    /// Words of value before an amount ("worth", "värt"): the amount is
    /// what a deal is worth, no cue of an investment.
    #[serde(default)]
    value_words: Vec<String>,
    #[serde(default)]
    sold_objects: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    sale_prepositions: SalePrepositions,
    /// Verb particles that the subject may separate from their verb in
    /// inverted word order ("I juni sade BMW upp avtalet").
    #[serde(default)]
    particles: Vec<String>,
    /// Particles of two-word agreement verbs that the subject may separate
    /// from their verb ("I juli kom A och B överens").
    #[serde(default)]
    agreement_particles: Vec<String>,
    #[serde(default)]
    kind_cues: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    topics: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    dates: DateEntries,
    #[serde(default)]
    type_cues: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    discovery: DiscoveryEntries,
    /// The prepositions that introduce a transaction's counterpart, by kind
    /// (`investment = ["in"]`: "invested in Beta").
    #[serde(default)]
    counterpart_prepositions: BTreeMap<Kind, Vec<String>>,
    /// More of them that follow agreement verbs only (`other = ["from"]`:
    /// "acquired a stake from Beta").
    #[serde(default)]
    counterpart_prepositions_verb: BTreeMap<Kind, Vec<String>>,
}

/// The `[discovery]` tables: the forms and words that make an unknown name an actor.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscoveryEntries {
    #[serde(default)]
    legal_forms: Vec<String>,
    #[serde(default)]
    honorifics: Vec<String>,
    #[serde(default)]
    given_names: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    name_particles: Vec<String>,
    #[serde(default)]
    name_connectors: Vec<String>,
    #[serde(default)]
    org_words: Vec<String>,
    #[serde(default)]
    not_name_suffixes: Vec<String>,
    #[serde(default)]
    heads: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    genitive_heads: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    descriptors: BTreeMap<String, Vec<String>>,
}

/// What a discovery cue says about the name next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormCue {
    /// A legal-form suffix (`Oy`, `Ltd`, `Inc.`): the capitalised words before it are a company.
    LegalForm,
    /// A courtesy title (`Mr.`, `Dr.`): the name after it is a person.
    Honorific,
    /// A common given name (`Anna`, `Gustaf`, `Shigeru`): with a surname
    /// after it, a person.
    GivenName,
    /// A role word (`CEO`, `vd`, `förbundskansler`): a full name right after it is a person.
    Role,
    /// The head noun of an institution's name (`Ministry`, `Agency`, `universitet`,
    /// `*departementet`), with the type it gives.
    Head(ActorType),
    /// A descriptor noun (`miner`, `*bolaget`): the name right after it is an actor of this type.
    Descriptor(ActorType),
    /// The lower-case head of a body named by a country's or region's
    /// genitive before it (`ministry` of "Japan's trade ministry",
    /// `*organisation` of "Förenade Arabemiratens nationella
    /// rymdorganisation"): an actor of this type.
    GenitiveHead(ActorType),
}

/// One discovery cue as written in a language file.
#[derive(Debug, Clone)]
pub struct FormEntry {
    /// What it says.
    pub cue: FormCue,
    /// The form as written; matched case-sensitively when `exact`.
    pub written: String,
    /// Matched with the case as written (legal forms, honorifics, capitalised heads).
    pub exact: bool,
    /// The tail of a compound word (`*departementet` in `Näringsdepartementet`).
    pub compound: bool,
}

/// The discovery cues of all languages, with one automaton over them.
#[derive(Debug, Clone)]
pub struct Forms {
    ac: Option<AhoCorasick>,
    entries: Vec<Vec<FormEntry>>,
    /// Per pattern: whether one of its entries is a compound tail (matched
    /// inside a word).
    tails: Vec<bool>,
    /// Folded words that never are (part of) a discovered name: function words,
    /// determiners, months, roles and the `not_names` lists.
    not_names: HashSet<String>,
    /// Folded legal forms, to chain them (`Co., Ltd.`).
    legal: HashSet<String>,
    /// Folded one-word openers of an apposition (`a`, `an`, `ett`): "X, a
    /// Norwegian company" describes X.
    articles: HashSet<String>,
    /// Lower-case particles inside people's names, as written (`de`, `von`, `van`).
    particles: HashSet<String>,
    /// Lower-case words inside an organisation's name, as written (`of`, `för`).
    connectors: HashSet<String>,
    /// Folded last words of organisations' names, never of people's
    /// (`engineering`, `kraft`): "Acme Engineering signed" is no person.
    org_words: HashSet<String>,
    /// Folded endings of words that describe a name, never part of it
    /// (`-based`: "Oslo-based X").
    not_name_suffixes: Vec<String>,
}

impl Forms {
    /// Every cue in `folded[start..end]` (overlapping), on word boundaries
    /// (compound tails: on a right boundary inside a word), with the case as
    /// written where the cue asks for it.
    pub fn find(
        &self,
        text: &str,
        folded: &str,
        start: usize,
        end: usize,
    ) -> Vec<(usize, usize, &FormEntry)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let bytes = folded.as_bytes();
        let input = aho_corasick::Input::new(folded).span(start..end);
        for m in ac.find_overlapping_iter(input) {
            let (s, e) = (m.start(), m.end());
            // most matches are inside a word ("as" in "was"): where no entry is
            // a compound tail, two ASCII letters or digits turn them away
            // without decoding chars
            if s > 0
                && bytes[s - 1].is_ascii_alphanumeric()
                && bytes[s].is_ascii_alphanumeric()
                && !self.tails[m.pattern().as_usize()]
            {
                continue;
            }
            let left = boundary(char_before(text, s), char_at(text, s));
            let right = boundary(char_before(text, e), char_at(text, e))
                || !char_at(text, e).is_some_and(char::is_alphanumeric)
                || text[..e].ends_with('.');
            for entry in &self.entries[m.pattern().as_usize()] {
                if !right || (!entry.compound && !left) || (entry.compound && left) {
                    continue;
                }
                if entry.exact && &text[s..e] != entry.written.as_str() {
                    continue;
                }
                out.push((s, e, entry));
            }
        }
        out
    }

    /// Whether a word (any case) can never be part of a discovered name.
    pub fn not_name(&self, word: &str) -> bool {
        let w = fold(word);
        self.not_names.contains(&w)
            || self
                .not_name_suffixes
                .iter()
                .any(|x| w.ends_with(x.as_str()))
    }

    /// Whether a word is a particle of a person's name as written (`de`, `von`).
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// Whether a word (any case) ends organisations' names, never people's (`Engineering`).
    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(&fold(word))
    }

    /// Whether a word joins the words of an organisation's name (`of` in "Port of X").
    pub fn is_connector(&self, word: &str) -> bool {
        self.connectors.contains(word)
    }

    /// Whether a word (any case) opens an apposition (`a`, `an`, `en`, `ett`).
    pub fn is_article(&self, word: &str) -> bool {
        self.articles.contains(&fold(word))
    }

    /// Whether a word is a legal-form suffix as written (`Ltd`, `Inc.`).
    pub fn is_legal(&self, word: &str) -> bool {
        self.legal.contains(word)
    }
}

/// The role of a word in a plan with the subject after the finite verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanWord {
    /// A verb of planning (`planerar`, `avser`): plans with the marker.
    Verb,
    /// The infinitive marker after such a verb (`att`).
    Marker,
    /// A modal (`ska`): plans with an infinitive.
    Modal,
    /// An infinitive a modal plans with (`teckna`, `bilda`).
    Infinitive,
}

/// Words that continue a negotiation ("the talks broke down") without a status phrase.
pub const TALK_WORDS: &[&str] = &[
    "the talks",
    "talks",
    "samtalen",
    "förhandlingarna",
    "diskussionerna",
    "the negotiations",
    "negotiations",
    "those talks",
    "those negotiations",
    "these talks",
    "these negotiations",
    "the discussions",
    "discussions",
];

/// Pronouns that stand for talks right after "but"/"men" ("A held talks with
/// B in 2021, but they came to nothing"), and the conjunctions.
pub const TALK_PRONOUNS: &[&str] = &["they", "de"];
/// See [`TALK_PRONOUNS`].
pub const BUT: &[&str] = &["but", "men"];

impl Tag {
    /// Whether this is a predicate that states or reports an agreement: a
    /// status (`signed`, `are negotiating`) or an agreement verb (`join forces`).
    /// A bare passive that needs its agent is none ("och 2018 förvärvades
    /// C av B" stays in the clause before).
    pub fn predicate(&self) -> bool {
        matches!(
            self,
            Tag::Status(_) | Tag::AgreementVerb { agent: false, .. }
        )
    }

    /// Whether a sentence with this tag may state an agreement or describe the
    /// last one: an agreement noun or verb, a status, a passive, a parties
    /// anaphor, a counterpart or a verb that lists a group's members. The
    /// rules skip sentences without one.
    pub fn tells(&self) -> bool {
        matches!(
            self,
            Tag::Agreement { .. }
                | Tag::MemberVerb
                | Tag::AgreementVerb { .. }
                | Tag::Status(_)
                | Tag::Passive
                | Tag::PartiesAnaphor
                | Tag::Counterpart
                | Tag::PartnerNoun
                | Tag::JointWith
        )
    }
}

/// Whether a phrase ends in a `with` word ("partnered with", "för samtal
/// med"), in any case: the name after it is its counterpart, as after "with".
pub(crate) fn ends_in_with(phrase: &str) -> bool {
    ends_in_word(phrase, &[" with", " med"])
}

/// Whether a phrase ends in a `by` word ("jointly owned by", "valdes ut av"),
/// in any case: a passive, whose agent is named after it.
pub(crate) fn ends_in_by(phrase: &str) -> bool {
    ends_in_word(phrase, &[" by", " av"])
}

/// Whether `phrase` ends in one of `tails` (ASCII, compared without case).
fn ends_in_word(phrase: &str, tails: &[&str]) -> bool {
    let b = phrase.as_bytes();
    tails
        .iter()
        .any(|t| b.len() >= t.len() && b[b.len() - t.len()..].eq_ignore_ascii_case(t.as_bytes()))
}

/// An agreement form with its `_` filled by each slot word, or the form
/// itself when it has none; an error when it has a `_` and no slot words.
fn slot_filled(form: &str, slot: &[String]) -> std::result::Result<Vec<String>, String> {
    if !form.split(' ').any(|w| w == "_") {
        return Ok(vec![form.to_string()]);
    }
    if slot.is_empty() {
        return Err(format!(
            "agreement form `{form}` has a `_` but its entry no `slot` words to fill it"
        ));
    }
    Ok(slot
        .iter()
        .map(|w| {
            form.split(' ')
                .map(|x| if x == "_" { w.as_str() } else { x })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect())
}

/// The agreement kind a language table is keyed by (`[kind_cues] offtake`).
fn table_kind(file: &str, table: &str, kind: &str) -> Result<Kind> {
    Kind::deserialize(toml::Value::String(kind.to_string()))
        .map_err(|_| Error::data(file, 0, format!("{table}: unknown kind `{kind}`")))
}

/// Tags that can make a sentence matter when it names no actor itself: it may
/// state an agreement, describe the last one, or name a person.
fn is_cue(t: &Tag) -> bool {
    // (a payment states a deal only with a counterpart named in its
    // sentence, so "paid", "spent" alone make none matter)
    (t.tells() && !matches!(t, Tag::AgreementVerb { payment: true, .. }))
        || matches!(t, Tag::Joins | Tag::Role | Tag::Comment)
}

/// One phrase pattern: where it may match and what it means.
#[derive(Debug, Clone)]
struct Pattern {
    /// Each meaning with where it may match: (tag, may be the tail of a compound
    /// (no left word boundary), may take an inflectional ending).
    tags: Vec<(Tag, bool, bool)>,
    /// The meanings a match can have, made once (a match shares them):
    /// indexed by [`Pattern::pick`].
    lists: [Arc<[Tag]>; 4],
}

impl Pattern {
    fn new(tags: Vec<(Tag, bool, bool)>) -> Self {
        let list = |left_strict: bool, ending: bool| -> Arc<[Tag]> {
            tags.iter()
                .filter(|(_, compound, suffix)| (*compound || left_strict) && (!ending || *suffix))
                .map(|(t, _, _)| t.clone())
                .collect()
        };
        let lists = [
            list(false, false),
            list(true, false),
            list(false, true),
            list(true, true),
        ];
        Pattern { tags, lists }
    }

    /// The meanings of a match with or without a left word boundary, as
    /// written or with an ending.
    fn pick(&self, left_strict: bool, ending: bool) -> &Arc<[Tag]> {
        &self.lists[usize::from(left_strict) + 2 * usize::from(ending)]
    }
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Byte span.
    pub start: usize,
    /// End of the byte span (including any inflectional ending).
    pub end: usize,
    /// Meanings (shared with every match of the same phrase and shape).
    pub tags: Arc<[Tag]>,
}

/// A particle of a split agreement verb (folded) and the whole verb's tags.
type Particle = (String, Arc<[Tag]>);

/// All languages' knowledge, with one automaton over every phrase.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Language codes loaded.
    pub languages: Vec<String>,
    /// Every phrase, for anchored leftmost-longest walks (see [`Lexicon::longest_at`]).
    anchored: aho_corasick::nfa::contiguous::NFA,
    /// Folded adverbs, each with the space after it, that the walk steps
    /// over after one of the `auxiliaries` ("will also form" is "will form").
    adverbs: Vec<Box<[u8]>>,
    /// A bit per pair of bytes (`b0 << 8 | b1`) that some adverb opens with:
    /// the walk looks for an adverb (and an auxiliary before it) only at a
    /// space before such a pair.
    adverb_openings: Box<[u64; 1024]>,
    auxiliaries: Vec<Box<[u8]>>,
    /// The phrase index of each pattern of `ac` (which also holds each phrase
    /// with an adverb inserted: the reference for the walk's steps).
    #[cfg(test)]
    ac_phrase: Vec<usize>,
    /// The same phrases for the crate's own searches: the reference the tests
    /// hold the scan and [`Lexicon::longest_at`] to.
    #[cfg(test)]
    ac: AhoCorasick,
    /// Substrings of the phrases that can make a sentence matter on its own
    /// (see [`Lexicon::may_matter`]).
    cues: AhoCorasick,
    /// The phrases that may be the tail of a compound (match inside a word):
    /// the only ones looked for away from word boundaries.
    compounds: AhoCorasick,
    /// Bytes that some phrase starts with.
    first: [bool; 256],
    patterns: Vec<Pattern>,
    /// Every folded function word, for language detection; its index in
    /// `function_langs` gives the languages (indices into `languages`) it belongs to.
    function_words: WordTable,
    function_langs: Vec<Vec<usize>>,
    /// Length in bytes of the longest of them: longer words are not looked up.
    longest_function_word: usize,
    /// For each first byte, a bit per length (1 << len) of the function words
    /// that start with it: a word whose bit is clear is none of them, and is
    /// not looked up. (Words of 64 bytes or more are always looked up.)
    function_shapes: Box<[u64; 256]>,
    /// Abbreviations (with dots) for segmentation.
    pub abbreviations: Vec<String>,
    /// Folded ordinary words (`common_words`, the function words and the
    /// number words): for gazetteer linting, and an alias written
    /// capitalised that is one of them names its actor only where the text
    /// capitalises it too (`Three` is no actor in "three of its sites").
    pub common_words: HashSet<String>,
    /// Folded last words of parties anaphora that may stand for countries
    /// ("the two countries", "they", "parterna"); the others ("the two
    /// carriers", "bolagen") stand for organisations.
    pub country_anaphora: HashSet<String>,
    /// Folded last words of parties anaphora that stand for companies only
    /// (`company_plurals`): "the two carmakers" are not a ministry and a firm.
    pub company_plurals: HashSet<String>,
    /// Folded last words of parties anaphora that stand for countries only
    /// (`country_plurals`): "the two countries" are not two ministries.
    pub country_plurals: HashSet<String>,
    /// Folded last words of parties anaphora that stand for countries or
    /// public bodies only (`public_plurals`): "the two governments" are no
    /// companies.
    pub public_plurals: HashSet<String>,
    /// Folded `owner_participles`: "a mine owned by Beta".
    pub owner_participles: HashSet<String>,
    /// Folded `venture_owner_verbs`: "a joint venture owned by A and B".
    pub venture_owner_verbs: HashSet<String>,
    /// Folded `copulas`: forms of "be" ("is", "är"), one word each.
    copulas: HashSet<String>,
    /// Folded `project_nouns`, one word each; `*` opens a compound's head
    /// ("*verket": "stålverket").
    project_nouns: HashSet<String>,
    /// Folded `role_objects`: "took over the role from B" states no deal.
    role_objects: HashSet<String>,
    /// Folded `owning_verbs`: "owns X together with B" is a joint venture.
    pub owning_verbs: HashSet<String>,
    /// Folded `operating_verbs`: "runs X together with B", with X named,
    /// is a joint venture.
    pub operating_verbs: HashSet<String>,
    /// Folded `owner_nouns` ("owner of", "ägare till"): the names of an
    /// apposition they open are owned, no parties.
    pub owner_nouns: HashSet<String>,
    /// Folded `unit_nouns` ("subsidiary", "arm", "dotterbolag"): the name
    /// before them in an apposition after a name owns that name, no party.
    pub unit_nouns: HashSet<String>,
    /// Folded `venture_objects` (a leading `*`: a compound's last part).
    venture_objects: Vec<String>,
    /// Folded `venture_modifiers` and `determiners`.
    venture_modifiers: HashSet<String>,
    /// Folded single-word `by`, `relative_pronouns` and `with`, for
    /// [`Lexicon::mark_founding`] (its passive, a founded company named
    /// before its founders, and one described as a venture with another).
    founding_by: HashSet<String>,
    founding_relatives: HashSet<String>,
    founding_with: HashSet<String>,
    /// Folded `choice_complements`, each with a space after it.
    choice_complements: Vec<String>,
    /// First words of the multi-word `parties_anaphora` ("the", "both",
    /// "de"): they open a counted anaphor ([`Lexicon::mark_counted_anaphora`]).
    anaphor_openers: HashSet<String>,
    /// Folded `pair_words` ("both", "båda").
    pair_words: HashSet<String>,
    /// Folded `value_words` ("worth", "valued at").
    value_words: HashSet<String>,
    /// Folded `company_possessives`: "Its joint venture with B …".
    pub company_possessives: HashSet<String>,
    /// Folded `about_heads`: "About Acme" names the issuer.
    pub about_heads: HashSet<String>,
    /// Folded `[finite_verbs] words` ("opened", "said", "har").
    finite_words: HashSet<String>,
    /// `[finite_verbs] endings` ("ed", "ade").
    finite_endings: Vec<String>,
    /// Folded `binding` words: "announced a binding agreement" is signed.
    pub binding: Vec<String>,
    /// Folded `binding_negators`: "non", "icke" before "-binding".
    pub binding_negators: Vec<String>,
    /// Folded number words with their value (`numbers` from two, and
    /// `pair_words`): "the three companies" are three.
    pub number_words: HashMap<String, usize>,
    /// Folded organisation heads that are definite by their form
    /// (`definite_org_heads`): "Myndigheten tecknade …" refers back.
    pub definite_org_heads: HashSet<String>,
    /// Folded `[org_head_names]`: the word a head's organisation is named
    /// with ("lender" → "bank").
    pub org_head_names: HashMap<String, String>,
    /// Folded `[demonyms]`: an adjective of nationality and the ISO code of
    /// its country ("norwegian", "norska" → `NO`).
    pub demonyms: HashMap<String, String>,
    /// Folded words before a date that make it the end of a term (`[dates] until`).
    pub until: Vec<String>,
    /// Folded words before a date that make it the start of a relation still
    /// going on (`[dates] since`).
    pub since: Vec<String>,
    /// Folded words before a month that make it the last such month
    /// strictly before the dateline (`[dates] last_named`: "last").
    pub last_named: Vec<String>,
    /// Folded adverbs that make a statement another agreement than the ones
    /// before it (`another_agreement`: "also", "också").
    pub another_agreement: HashSet<String>,
    /// Folded words that make a definite agreement noun an earlier agreement
    /// (`earlier_agreement`: "previous", "tidigare").
    pub earlier_agreement: HashSet<String>,
    /// Folded predicates that make the agreement noun after them an earlier
    /// agreement than the one they are said of (`earlier_link`: "follows",
    /// "builds on", "bygger på").
    pub earlier_link: HashSet<String>,
    /// The kind of a sale or purchase by the folded noun of what is sold
    /// (`[sold_objects]`: "business" gives other, "stake" investment); an
    /// entry with `*` is a compound's head ("*andelar": "vattenkraftsandelar").
    /// Read by [`Lexicon::sold_object`].
    sold_objects: HashMap<String, Kind>,
    /// What a folded preposition introduces in a sale or purchase
    /// (`[sale_prepositions]`: "of" what is sold, "from" the seller, "to"
    /// the buyer).
    pub sale_prepositions: HashMap<String, Vec<SaleRole>>,
    /// The status of a two-word status phrase whose second word is a particle
    /// (`particles`), by "verb particle" folded: found with the subject
    /// between them ("sade BMW upp" is "sade upp").
    pub split_status: HashMap<String, Status>,
    /// The particles of particle verbs that state an agreement, and the
    /// verb's tags, by the folded finite verb (`Tag::SplitHead`).
    split_particles: HashMap<String, Vec<Particle>>,
    /// Folded words of the `[dates]` months and relative days and years
    /// ("maj", "i", "fjol", "tisdagen"): a time between a particle verb's head
    /// and its particle ("kom i maj överens").
    time_words: HashSet<String>,
    /// Folded one-word coordinators (`och`, `and`, `&`), which may stand
    /// between a split verb and its particle.
    coord_words: HashSet<String>,
    /// Folded words that make an acronym's long form a non-actor (laws, agreements).
    type_cues: Vec<(String, Vec<String>)>,
    /// The discovery cues (`[discovery]` tables and roles).
    pub forms: Forms,
    /// Folded prepositions that introduce a transaction's counterpart, by
    /// kind, after an agreement noun or verb (`false`) or a verb only (`true`).
    counterpart_prepositions: BTreeMap<(Kind, bool), HashSet<String>>,
}

/// A lexicon being read ([`Lexicon::from_sources`]): the phrases and word
/// tables of the language files read so far, before the automata over them
/// are built. Fields not documented here are those of [`Lexicon`] and [`Forms`].
#[derive(Default)]
struct LexiconDraft {
    /// Each folded phrase with its meanings: (tag, may be the tail of a
    /// compound, may take an inflectional ending).
    phrases: BTreeMap<String, Vec<(Tag, bool, bool)>>,
    languages: Vec<String>,
    /// Each folded function word with the languages (indices into
    /// `languages`) that have it.
    function_words: BTreeMap<String, Vec<usize>>,
    abbreviations: Vec<String>,
    common_words: HashSet<String>,
    country_anaphora: HashSet<String>,
    company_plurals: HashSet<String>,
    country_plurals: HashSet<String>,
    public_plurals: HashSet<String>,
    owner_participles: HashSet<String>,
    venture_owner_verbs: HashSet<String>,
    copulas: HashSet<String>,
    project_nouns: HashSet<String>,
    role_objects: HashSet<String>,
    time_words: HashSet<String>,
    owning_verbs: HashSet<String>,
    operating_verbs: HashSet<String>,
    owner_nouns: HashSet<String>,
    unit_nouns: HashSet<String>,
    venture_objects: Vec<String>,
    venture_modifiers: HashSet<String>,
    founding_by: HashSet<String>,
    founding_relatives: HashSet<String>,
    founding_with: HashSet<String>,
    choice_complements: Vec<String>,
    anaphor_openers: HashSet<String>,
    pair_words: HashSet<String>,
    value_words: HashSet<String>,
    company_possessives: HashSet<String>,
    about_heads: HashSet<String>,
    finite_words: HashSet<String>,
    finite_endings: Vec<String>,
    binding: Vec<String>,
    binding_negators: Vec<String>,
    number_words: HashMap<String, usize>,
    definite_org_heads: HashSet<String>,
    org_head_names: HashMap<String, String>,
    demonyms: HashMap<String, String>,
    until: Vec<String>,
    since: Vec<String>,
    last_named: Vec<String>,
    another_agreement: HashSet<String>,
    earlier_agreement: HashSet<String>,
    earlier_link: HashSet<String>,
    sold_objects: HashMap<String, Kind>,
    sale_prepositions: HashMap<String, Vec<SaleRole>>,
    /// Two-word agreement verbs whose second word is an agreement particle:
    /// (folded head, folded particle, the verb's tag).
    split_verbs: Vec<(String, String, Tag)>,
    coord_words: HashSet<String>,
    split_status: HashMap<String, Status>,
    adverbs: Vec<Box<[u8]>>,
    auxiliaries: Vec<Box<[u8]>>,
    type_cues: Vec<(String, Vec<String>)>,
    /// The discovery cues by folded form.
    form_entries: BTreeMap<String, Vec<FormEntry>>,
    not_names: HashSet<String>,
    legal: HashSet<String>,
    articles: HashSet<String>,
    particles: HashSet<String>,
    connectors: HashSet<String>,
    org_words: HashSet<String>,
    not_name_suffixes: Vec<String>,
    counterpart_prepositions: BTreeMap<(Kind, bool), HashSet<String>>,
}

impl LexiconDraft {
    /// Adds a phrase with one meaning, once. A leading `*` lets it match as
    /// the tail of a compound, a trailing `*` lets it take an ending.
    fn add(&mut self, raw: &str, tag: Tag) {
        let mut p = raw.trim();
        let compound = p.starts_with('*');
        p = p.trim_start_matches('*');
        let suffix = p.ends_with('*');
        p = p.trim_end_matches('*');
        let key = fold(p);
        if key.is_empty() {
            return;
        }
        let e = self.phrases.entry(key).or_default();
        if !e.contains(&(tag.clone(), compound, suffix)) {
            e.push((tag, compound, suffix));
        }
    }

    /// Reads one language file into the tables. The steps keep the file's
    /// order, so phrases gain their meanings, and errors are found, in it.
    fn read_file(&mut self, name: &str, f: &LangFile) -> Result<()> {
        self.read_word_lists(f);
        self.read_word_tables(name, f)?;
        self.read_agreement_nouns(name, f)?;
        self.read_agreement_verbs(f);
        self.read_status(f);
        self.read_tagged_lists(f);
        self.read_cues(name, f)?;
        self.read_dates(name, &f.dates)?;
        self.read_discovery(name, f)?;
        self.read_counterparts_and_type_cues(f);
        Ok(())
    }

    /// Reads the file's language and its plain word lists (function words,
    /// anaphora, verbs and nouns the rules look up by word).
    fn read_word_lists(&mut self, f: &LangFile) {
        for w in &f.function_words {
            let langs = self.function_words.entry(fold(w)).or_default();
            if langs.last() != Some(&self.languages.len()) {
                langs.push(self.languages.len());
            }
        }
        self.languages.push(f.lang.clone());
        self.abbreviations.extend(f.abbreviations.iter().cloned());
        self.common_words.extend(
            f.common_words
                .iter()
                .chain(&f.function_words)
                .chain(&f.numbers)
                .map(|w| fold(w)),
        );
        self.country_anaphora
            .extend(f.country_anaphora.iter().map(|w| fold(w)));
        self.company_plurals
            .extend(f.company_plurals.iter().map(|w| fold(w)));
        self.country_plurals
            .extend(f.country_plurals.iter().map(|w| fold(w)));
        self.public_plurals
            .extend(f.public_plurals.iter().map(|w| fold(w)));
        self.owner_participles
            .extend(f.owner_participles.iter().map(|w| fold(w)));
        self.venture_owner_verbs
            .extend(f.venture_owner_verbs.iter().map(|w| fold(w)));
        self.copulas.extend(f.copulas.iter().map(|w| fold(w)));
        self.project_nouns
            .extend(f.project_nouns.iter().map(|w| fold(w)));
        self.role_objects
            .extend(f.role_objects.iter().map(|w| fold(w)));
        self.read_time_words(&f.dates);
        self.owning_verbs
            .extend(f.owning_verbs.iter().map(|w| fold(w)));
        self.operating_verbs
            .extend(f.operating_verbs.iter().map(|w| fold(w)));
        self.owner_nouns
            .extend(f.owner_nouns.iter().map(|w| fold(w)));
        self.unit_nouns.extend(f.unit_nouns.iter().map(|w| fold(w)));
        self.venture_objects
            .extend(f.venture_objects.iter().map(|w| fold(w)));
        self.venture_modifiers.extend(
            f.venture_modifiers
                .iter()
                .chain(&f.determiners)
                .map(|w| fold(w)),
        );
        self.founding_by.extend(f.by.iter().map(|w| fold(w)));
        self.founding_relatives
            .extend(f.relative_pronouns.iter().map(|w| fold(w)));
        self.founding_with
            .extend(f.with.iter().map(|w| fold(w)).filter(|w| !w.contains(' ')));
        self.choice_complements
            .extend(f.choice_complements.iter().map(|w| fold(w) + " "));
        self.anaphor_openers
            .extend(f.parties_anaphora.iter().filter_map(|p| {
                let p = fold(p);
                p.split_once(' ').map(|(first, _)| first.to_string())
            }));
        for w in f.company_plurals.iter().chain(&f.country_anaphora) {
            self.add(w, Tag::PluralHead);
        }
        self.company_possessives
            .extend(f.company_possessives.iter().map(|w| fold(w)));
        self.about_heads
            .extend(f.about_heads.iter().map(|w| fold(w)));
        self.finite_words
            .extend(f.finite_verbs.words.iter().map(|w| fold(w)));
        self.finite_endings
            .extend(f.finite_verbs.endings.iter().map(|w| fold(w)));
        self.binding.extend(f.binding.iter().map(|w| fold(w)));
        self.binding_negators
            .extend(f.binding_negators.iter().map(|w| fold(w)));
        self.number_words
            .extend(f.numbers.iter().enumerate().map(|(i, w)| (fold(w), i + 2)));
        self.number_words
            .extend(f.pair_words.iter().map(|w| (fold(w), 2)));
        self.pair_words.extend(f.pair_words.iter().map(|w| fold(w)));
        self.value_words
            .extend(f.value_words.iter().map(|w| fold(w)));
        self.definite_org_heads
            .extend(f.definite_org_heads.iter().map(|w| fold(w)));
        self.org_head_names
            .extend(f.org_head_names.iter().map(|(h, n)| (fold(h), fold(n))));
        for h in f.org_head_names.keys() {
            self.add(h, Tag::OrgHead);
        }
    }

    /// Reads the folded words of the months and relative days and years,
    /// which may stand between a particle verb's head and its particle.
    fn read_time_words(&mut self, d: &DateEntries) {
        for w in d
            .months
            .iter()
            .flatten()
            .chain(&d.yesterday)
            .chain(&d.today)
            .chain(&d.last_week)
            .chain(&d.last_year)
            .chain(&d.this_year)
            .chain(&d.last_month)
            .chain(&d.weekdays)
            .chain(&d.between_particle)
            .chain(d.weekdays_recent.iter().flatten())
            .chain(d.weekdays_last.iter().flatten())
        {
            self.time_words.extend(w.split_whitespace().map(fold));
        }
    }

    /// Reads the keyed word tables: demonyms (by a valid country code), the
    /// words of terms and other agreements, and the tables of sales.
    fn read_word_tables(&mut self, name: &str, f: &LangFile) -> Result<()> {
        for (code, words) in &f.demonyms {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Error::data(
                    name,
                    0,
                    format!(
                        "demonyms: `{code}` is no ISO 3166 country code; write two capital letters, such as NO"
                    ),
                ));
            }
            self.demonyms
                .extend(words.iter().map(|w| (fold(w), code.clone())));
        }
        self.until.extend(f.dates.until.iter().map(|w| fold(w)));
        self.since.extend(f.dates.since.iter().map(|w| fold(w)));
        self.last_named
            .extend(f.dates.last_named.iter().map(|w| fold(w)));
        self.another_agreement
            .extend(f.another_agreement.iter().map(|w| fold(w)));
        self.earlier_agreement
            .extend(f.earlier_agreement.iter().map(|w| fold(w)));
        self.earlier_link
            .extend(f.earlier_link.iter().map(|w| fold(w)));
        for (kind, words) in &f.sold_objects {
            let k = table_kind(name, "sold_objects", kind)?;
            self.sold_objects.extend(words.iter().map(|w| (fold(w), k)));
        }
        let sp = &f.sale_prepositions;
        for (words, role) in [
            (&sp.object, SaleRole::Object),
            (&sp.seller, SaleRole::Seller),
            (&sp.buyer, SaleRole::Buyer),
            (&sp.paid_for, SaleRole::PaidFor),
        ] {
            for w in words {
                self.sale_prepositions
                    .entry(fold(w))
                    .or_default()
                    .push(role);
            }
        }
        Ok(())
    }

    /// Adds the agreement nouns: each form, definite form and plural, with
    /// its `_` filled by the entry's slot words.
    fn read_agreement_nouns(&mut self, name: &str, f: &LangFile) -> Result<()> {
        for a in &f.agreement {
            let c = if a.compound { "*" } else { "" };
            for (forms, definite, plural) in [
                (&a.forms, false, false),
                (&a.definite, true, false),
                (&a.plural, false, true),
            ] {
                for f in forms {
                    for form in slot_filled(f, &a.slot).map_err(|e| Error::data(name, 0, e))? {
                        self.add(
                            &format!("{c}{form}"),
                            Tag::Agreement {
                                kind: a.kind,
                                rank: a.rank,
                                generic: a.generic,
                                weak: a.weak,
                                definite,
                                plural,
                            },
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// Adds the agreement verbs (noting those split by a particle), and reads
    /// the coordinators and the adverbs that may stand inside a phrase.
    fn read_agreement_verbs(&mut self, f: &LangFile) {
        let agreement_particles: HashSet<String> =
            f.agreement_particles.iter().map(|x| fold(x)).collect();
        self.coord_words.extend(
            f.coordination
                .iter()
                .map(|w| fold(w))
                .filter(|w| !w.contains(' ') && w != ","),
        );
        for v in &f.agreement_verb {
            for p in &v.phrases {
                let tag = v.tag();
                let w: Vec<String> = p.split_whitespace().map(fold).collect();
                // (the particle may open a longer tail: "gick A in som
                // delägare i")
                if w.len() >= 2 && agreement_particles.contains(&w[1]) {
                    self.split_verbs
                        .push((w[0].clone(), w[1..].join(" "), tag.clone()));
                }
                self.add(p, tag);
            }
        }
        self.adverbs
            .extend(f.inserted_adverbs.adverbs.iter().map(|w| {
                let mut b = fold(w).into_bytes();
                b.push(b' ');
                b.into_boxed_slice()
            }));
        self.auxiliaries.extend(
            f.inserted_adverbs
                .after
                .iter()
                .map(|w| fold(w).into_bytes().into_boxed_slice()),
        );
    }

    /// Adds the status phrases (noting those split by a particle), a plan
    /// joined to the verb after it, and the passive, attributive and
    /// after-talks phrases.
    fn read_status(&mut self, f: &LangFile) {
        let verb_particles: HashSet<String> = f.particles.iter().map(|x| fold(x)).collect();
        for (list, st) in [
            (&f.status.signed, Status::Signed),
            (&f.status.announced, Status::Announced),
            (&f.status.negotiating, Status::Negotiating),
            (&f.status.planned, Status::Planned),
            (&f.status.terminated, Status::Terminated),
        ] {
            for p in list {
                self.add(p, Tag::Status(st));
                let w: Vec<String> = p.split_whitespace().map(fold).collect();
                if w.len() == 2 && verb_particles.contains(&w[1]) {
                    self.split_status.insert(w.join(" "), st);
                }
            }
        }
        // a plan ending in an infinitive marker and a verb phrase that
        // opens with it are one phrase with the tags of both ("planned
        // to" + "to buy": "Australia planned to buy missiles from the
        // United States", "planerar att" + "att köpa"); the plan would
        // otherwise take the marker from the verb
        for p in &f.status.planned {
            let Some((_, marker)) = p.trim().rsplit_once(' ') else {
                continue;
            };
            for v in &f.agreement_verb {
                for q in &v.phrases {
                    let Some(rest) = q
                        .trim()
                        .strip_prefix(marker)
                        .and_then(|r| r.strip_prefix(' '))
                    else {
                        continue;
                    };
                    let joined = format!("{} {rest}", p.trim());
                    self.add(&joined, Tag::Status(Status::Planned));
                    self.add(&joined, v.tag());
                }
            }
        }
        for p in &f.status.passive {
            self.add(p, Tag::Passive);
            self.add(p, Tag::Status(Status::Signed));
        }
        for p in &f.status.attributive {
            self.add(p, Tag::AttributivePlan);
            self.add(p, Tag::Status(Status::Planned));
        }
        for p in &f.status.after {
            self.add(p, Tag::AfterTalks);
        }
    }

    /// Adds the phrase lists that each give their phrases one tag.
    fn read_tagged_lists(&mut self, f: &LangFile) {
        let simple: [(&Vec<String>, Tag); 61] = [
            (&f.inverted_plan.verbs, Tag::Plan(PlanWord::Verb)),
            (&f.inverted_plan.marker, Tag::Plan(PlanWord::Marker)),
            (&f.inverted_plan.modals, Tag::Plan(PlanWord::Modal)),
            (
                &f.inverted_plan.infinitives,
                Tag::Plan(PlanWord::Infinitive),
            ),
            (&f.negation, Tag::Negation),
            (&f.coordination, Tag::Coord),
            (&f.between, Tag::Between),
            (&f.with, Tag::With),
            (&f.by, Tag::By),
            (&f.on_behalf, Tag::OnBehalf),
            (&f.not_party, Tag::NotParty),
            (&f.example, Tag::Example),
            (&f.leader_examples, Tag::Example),
            (&f.leader_examples, Tag::LeaderExample),
            (&f.determiners, Tag::Determiner),
            (&f.plural_quantifiers, Tag::PluralQuantifier),
            (&f.unnamed_parties, Tag::UnnamedParties),
            (&f.parties_anaphora, Tag::PartiesAnaphor),
            (&f.company_anaphora, Tag::CompanyAnaphor),
            (&f.speaker_pronouns, Tag::SpeakerPronoun),
            (&f.company_heads, Tag::CompanyHead),
            (&f.representatives, Tag::Representatives),
            (&f.apposition, Tag::Apposition),
            (&f.counterpart, Tag::Counterpart),
            (&f.joiners, Tag::Joins),
            (&f.comment_verbs, Tag::Comment),
            (&f.source_prepositions, Tag::Comment),
            (&f.source_prepositions, Tag::SourcePreposition),
            (&f.roles, Tag::Role),
            (&f.relative_pronouns, Tag::Which),
            (&f.complementizers, Tag::Complementizer),
            (&f.another, Tag::Another),
            (&f.such, Tag::Such),
            (&f.idioms, Tag::Idiom),
            (&f.clause_openers, Tag::ClauseOpener),
            (&f.agreement_openers, Tag::AgreementOpener),
            (&f.agent_nouns, Tag::AgentNoun),
            (&f.subordinators, Tag::Subordinator),
            (&f.distributive, Tag::Distributive),
            (&f.distributive_nouns, Tag::DistributiveNoun),
            (&f.distributive_plural, Tag::DistributivePlural),
            (&f.split_between, Tag::SplitBetween),
            (&f.conditionals, Tag::Conditional),
            (&f.command_verbs, Tag::Command),
            (&f.org_heads, Tag::OrgHead),
            (&f.partner_nouns, Tag::PartnerNoun),
            (&f.possessives, Tag::Possessive),
            (&f.joint_with, Tag::JointWith),
            (&f.founding_verbs, Tag::Founding),
            (&f.choosing_verbs, Tag::Choosing),
            (&f.break_off, Tag::BreakOff),
            (&f.dropped_plans, Tag::DroppedPlans),
            (&f.first_person, Tag::FirstPerson),
            (&f.first_person_subjects, Tag::FirstPersonSubject),
            (&f.first_person_objects, Tag::FirstPersonObject),
            (&f.interview, Tag::Interview),
            (&f.group_nouns, Tag::GroupNoun),
            (&f.member_verbs, Tag::MemberVerb),
            (&f.group_leaders, Tag::GroupLeader),
            (&f.relative_with, Tag::With),
            (&f.relative_with, Tag::RelativeWith),
        ];
        for (list, tag) in simple {
            for p in list {
                self.add(p, tag.clone());
            }
        }
    }

    /// Adds the number words, the kind cues and the topic words.
    fn read_cues(&mut self, name: &str, f: &LangFile) -> Result<()> {
        for (i, w) in f.numbers.iter().enumerate() {
            self.add(w, Tag::Number(u8::try_from(i + 2).unwrap_or(u8::MAX)));
        }
        for (kind, words) in &f.kind_cues {
            let k = table_kind(name, "kind_cues", kind)?;
            for w in words {
                self.add(w, Tag::KindCue(k));
            }
        }
        for (topic, words) in &f.topics {
            for w in words {
                self.add(w, Tag::Topic(Arc::from(topic.as_str())));
            }
        }
        Ok(())
    }

    /// Adds the relative dates, then the months and weekdays, whose tables
    /// must list all twelve or seven.
    fn read_dates(&mut self, name: &str, d: &DateEntries) -> Result<()> {
        for (list, r) in [
            (&d.yesterday, Relative::Yesterday),
            (&d.today, Relative::Today),
            (&d.day_after, Relative::DayAfter),
            (&d.year_after, Relative::YearAfter),
            (&d.next_year, Relative::NextYear),
            (&d.last_week, Relative::LastWeek),
            (&d.last_year, Relative::LastYear),
            (&d.this_year, Relative::ThisYear),
            (&d.this_month, Relative::ThisMonth),
            (&d.last_month, Relative::LastMonth),
            (&d.later, Relative::Later),
            (&d.same_day, Relative::SameDay),
            (&d.same_month, Relative::SameMonth),
            (&d.same_year, Relative::SameYear),
            (&d.weekdays, Relative::Weekday),
        ] {
            for p in list {
                self.add(p, Tag::Relative(r));
            }
        }
        // tables of one list per month or weekday, in calendar order
        let tables = [
            (
                "dates.months",
                &d.months,
                12,
                "months, each a list of names",
                (|i| Tag::Month(i + 1)) as fn(u8) -> Tag,
            ),
            (
                "dates.weekdays_recent",
                &d.weekdays_recent,
                7,
                "weekdays, Monday first, each a list of forms",
                |i| Tag::Relative(Relative::WeekdayRecent(i)),
            ),
            (
                "dates.weekdays_last",
                &d.weekdays_last,
                7,
                "weekdays, Monday first, each a list of forms",
                |i| Tag::Relative(Relative::WeekdayLast(i)),
            ),
            (
                "dates.months_later",
                &d.months_later,
                12,
                "counts of months, one first, each a list of forms",
                |i| Tag::Relative(Relative::MonthsLater(i + 1)),
            ),
        ];
        for (key, lists, count, what, tag) in tables {
            if !lists.is_empty() && lists.len() != count {
                return Err(Error::data(
                    name,
                    0,
                    format!("{key} must list {count} {what}"),
                ));
            }
            for (i, forms) in lists.iter().enumerate() {
                for p in forms {
                    self.add(p, tag(i as u8));
                }
            }
        }
        Ok(())
    }

    /// Adds a discovery cue as written (a leading `*`: a compound's tail).
    fn put_form(&mut self, raw: &str, cue: FormCue, exact: bool) {
        let compound = raw.starts_with('*');
        let written = raw.trim_start_matches('*').to_string();
        let key = fold(&written);
        if key.is_empty() {
            return;
        }
        self.form_entries.entry(key).or_default().push(FormEntry {
            cue,
            written,
            exact,
            compound,
        });
    }

    /// Reads the discovery cues (legal forms, honorifics, given names, roles,
    /// typed heads and descriptors) and the words that are never names.
    fn read_discovery(&mut self, name: &str, f: &LangFile) -> Result<()> {
        let d = &f.discovery;
        self.articles.extend(
            f.apposition
                .iter()
                .filter(|a| !a.contains(' '))
                .map(|a| fold(a)),
        );
        self.particles.extend(d.name_particles.iter().cloned());
        self.connectors.extend(d.name_connectors.iter().cloned());
        self.org_words.extend(d.org_words.iter().map(|w| fold(w)));
        self.not_name_suffixes
            .extend(d.not_name_suffixes.iter().map(|w| fold(w)));
        for w in &d.legal_forms {
            self.put_form(w, FormCue::LegalForm, true);
            self.legal.insert(w.clone());
        }
        for w in &d.honorifics {
            self.put_form(w, FormCue::Honorific, true);
        }
        for w in &d.given_names {
            self.put_form(w, FormCue::GivenName, true);
        }
        for w in &f.roles {
            self.put_form(w, FormCue::Role, false);
        }
        // (heads as written: `Agency` capitalised, `universitet` lower-case)
        let typed = [
            (&d.heads, FormCue::Head as fn(ActorType) -> FormCue, true),
            (&d.descriptors, FormCue::Descriptor, false),
            (&d.genitive_heads, FormCue::GenitiveHead, true),
        ];
        for (table, cue, exact) in typed {
            for (t, words) in table {
                let ty = ActorType::parse(t).ok_or_else(|| {
                    Error::data(name, 0, format!("discovery: unknown actor type `{t}`"))
                })?;
                for w in words {
                    self.put_form(w, cue(ty), exact);
                }
            }
        }
        for w in d
            .not_names
            .iter()
            .chain(&f.function_words)
            .chain(&f.determiners)
            .chain(&f.roles)
            .chain(f.dates.months.iter().flatten())
            .chain(&f.dates.weekdays)
            .chain(f.dates.weekdays_recent.iter().flatten())
            .chain(f.dates.weekdays_last.iter().flatten())
        {
            for part in w.split_whitespace() {
                self.not_names.insert(fold(part));
            }
        }
        Ok(())
    }

    /// Reads the prepositions of a transaction's counterpart, by kind, and
    /// the words that make an acronym's long form a non-actor, by type.
    fn read_counterparts_and_type_cues(&mut self, f: &LangFile) {
        for (verb_only, table) in [
            (false, &f.counterpart_prepositions),
            (true, &f.counterpart_prepositions_verb),
        ] {
            for (kind, words) in table {
                self.counterpart_prepositions
                    .entry((*kind, verb_only))
                    .or_default()
                    .extend(words.iter().map(|w| fold(w)));
            }
        }
        for (t, words) in &f.type_cues {
            let entry = match self.type_cues.iter_mut().find(|(k, _)| k == t) {
                Some(e) => e,
                None => {
                    self.type_cues.push((t.clone(), Vec::new()));
                    self.type_cues.last_mut().unwrap()
                }
            };
            entry.1.extend(words.iter().map(|w| fold(w)));
        }
    }

    /// Builds the automata over everything read and the lexicon that holds
    /// the tables.
    fn into_lexicon(mut self) -> Result<Lexicon> {
        let forms = self.take_forms()?;
        let split_particles = self.split_particles();
        let keys: Vec<String> = self.phrases.keys().cloned().collect();
        let cues = self.cue_automaton()?;
        let compound_keys: Vec<&str> = self
            .phrases
            .iter()
            .filter(|(_, p)| p.iter().any(|(_, compound, _)| *compound))
            .map(|(k, _)| k.as_str())
            .collect();
        let compounds = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&compound_keys)
            .map_err(|e| Error::data("<lexicon>", 0, e.to_string()))?;
        let mut first = [false; 256];
        for k in &keys {
            if let Some(&b) = k.as_bytes().first() {
                first[b as usize] = true;
            }
        }
        let patterns: Vec<Pattern> = self.phrases.into_values().map(Pattern::new).collect();
        let phrase_nfa = aho_corasick::nfa::contiguous::NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .map_err(|e| Error::data("<lexicon>", 0, e.to_string()))?;
        #[cfg(test)]
        let (ac, ac_phrase) = reference_automaton(&keys, &self.adverbs, &self.auxiliaries)?;
        Ok(Lexicon {
            languages: self.languages,
            anchored: phrase_nfa,
            adverb_openings: pair_bits(&self.adverbs),
            adverbs: self.adverbs,
            auxiliaries: self.auxiliaries,
            #[cfg(test)]
            ac,
            #[cfg(test)]
            ac_phrase,
            cues,
            compounds,
            first,
            patterns,
            longest_function_word: self
                .function_words
                .keys()
                .map(String::len)
                .max()
                .unwrap_or(0),
            function_shapes: function_shapes(&self.function_words),
            function_words: WordTable::new(self.function_words.keys().cloned().collect()),
            function_langs: self.function_words.into_values().collect(),
            abbreviations: self.abbreviations,
            common_words: self.common_words,
            country_anaphora: self.country_anaphora,
            company_plurals: self.company_plurals,
            country_plurals: self.country_plurals,
            public_plurals: self.public_plurals,
            owner_participles: self.owner_participles,
            venture_owner_verbs: self.venture_owner_verbs,
            copulas: self.copulas,
            project_nouns: self.project_nouns,
            role_objects: self.role_objects,
            owning_verbs: self.owning_verbs,
            operating_verbs: self.operating_verbs,
            owner_nouns: self.owner_nouns,
            unit_nouns: self.unit_nouns,
            venture_objects: self.venture_objects,
            venture_modifiers: self.venture_modifiers,
            founding_by: self.founding_by,
            founding_relatives: self.founding_relatives,
            founding_with: self.founding_with,
            choice_complements: self.choice_complements,
            anaphor_openers: self.anaphor_openers,
            pair_words: self.pair_words,
            value_words: self.value_words,
            company_possessives: self.company_possessives,
            about_heads: self.about_heads,
            finite_words: self.finite_words,
            finite_endings: self.finite_endings,
            binding: self.binding,
            binding_negators: self.binding_negators,
            number_words: self.number_words,
            definite_org_heads: self.definite_org_heads,
            org_head_names: self.org_head_names,
            demonyms: self.demonyms,
            until: self.until,
            since: self.since,
            last_named: self.last_named,
            another_agreement: self.another_agreement,
            earlier_agreement: self.earlier_agreement,
            earlier_link: self.earlier_link,
            sold_objects: self.sold_objects,
            sale_prepositions: self.sale_prepositions,
            split_status: self.split_status,
            split_particles,
            time_words: self.time_words,
            coord_words: self.coord_words,
            type_cues: self.type_cues,
            forms,
            counterpart_prepositions: self.counterpart_prepositions,
        })
    }

    /// The discovery cues with their automaton, taken out of the draft.
    fn take_forms(&mut self) -> Result<Forms> {
        let form_entries = std::mem::take(&mut self.form_entries);
        let form_keys: Vec<&String> = form_entries.keys().collect();
        Ok(Forms {
            ac: if form_keys.is_empty() {
                None
            } else {
                Some(
                    AhoCorasick::builder()
                        .match_kind(MatchKind::Standard)
                        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                        .build(&form_keys)
                        .map_err(|e| Error::data("<lexicon>", 0, e.to_string()))?,
                )
            },
            tails: form_entries
                .values()
                .map(|es| es.iter().any(|e| e.compound))
                .collect(),
            entries: form_entries.into_values().collect(),
            not_names: std::mem::take(&mut self.not_names),
            legal: std::mem::take(&mut self.legal),
            articles: std::mem::take(&mut self.articles),
            particles: std::mem::take(&mut self.particles),
            connectors: std::mem::take(&mut self.connectors),
            org_words: std::mem::take(&mut self.org_words),
            not_name_suffixes: std::mem::take(&mut self.not_name_suffixes),
        })
    }

    /// The particles of each split verb's head. The heads of particle verbs
    /// that are no phrase alone ("kom" of "kom överens"; "köpte" has tags of
    /// its own) become phrases tagged [`Tag::SplitHead`].
    fn split_particles(&mut self) -> HashMap<String, Vec<Particle>> {
        let mut split_particles: HashMap<String, Vec<Particle>> = HashMap::new();
        for (head, particle, tag) in std::mem::take(&mut self.split_verbs) {
            let alone = self
                .phrases
                .get(&head)
                .is_some_and(|e| e.iter().any(|(t, _, _)| *t != Tag::SplitHead));
            if alone {
                continue;
            }
            self.phrases
                .entry(head.clone())
                .or_insert_with(|| vec![(Tag::SplitHead, false, false)]);
            split_particles
                .entry(head)
                .or_default()
                .push((particle, Arc::from(vec![tag])));
        }
        split_particles
    }

    /// The automaton of the phrases that can make a sentence matter when it
    /// names no actor ([`is_cue`]), and of the talk words.
    fn cue_automaton(&self) -> Result<AhoCorasick> {
        // (and company anaphora and heads of more than four letters, which
        // a sentence that names no one may open with: "The operator then
        // turned to a competitor. It signed …"; "it" itself is in too many
        // words for a substring cue)
        let mut cue_keys: Vec<&str> = self
            .phrases
            .iter()
            .filter(|(k, p)| {
                p.iter().any(|(t, _, _)| {
                    is_cue(t)
                        || (matches!(t, Tag::CompanyAnaphor | Tag::CompanyHead) && k.len() > 4)
                })
            })
            .map(|(k, _)| k.as_str())
            .chain(TALK_WORDS.iter().copied())
            .collect();
        cue_keys.sort_unstable();
        cue_keys.dedup();
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&cue_keys)
            .map_err(|e| Error::data("<lexicon>", 0, e.to_string()))
    }
}

/// For each first byte, a bit per length (1 to 63) of the function words
/// that start with it and have it.
fn function_shapes(function_words: &BTreeMap<String, Vec<usize>>) -> Box<[u64; 256]> {
    let mut shapes = Box::new([0u64; 256]);
    for w in function_words.keys().filter(|w| (1..64).contains(&w.len())) {
        shapes[w.as_bytes()[0] as usize] |= 1 << w.len();
    }
    shapes
}

/// The bits of [`Lexicon::adverb_openings`]: the first two bytes of each word
/// (each has the space after it, so it has two).
fn pair_bits(words: &[Box<[u8]>]) -> Box<[u64; 1024]> {
    let mut bits = Box::new([0u64; 1024]);
    for w in words.iter().filter(|w| w.len() >= 2) {
        let pair = usize::from(w[0]) << 8 | usize::from(w[1]);
        bits[pair >> 6] |= 1 << (pair & 63);
    }
    bits
}

/// The reference automaton of the tests: every phrase, then every phrase
/// with one adverb after its first word or one of its auxiliaries; with the
/// phrase (index into `keys`) of each pattern.
#[cfg(test)]
fn reference_automaton(
    keys: &[String],
    adverbs: &[Box<[u8]>],
    auxiliaries: &[Box<[u8]>],
) -> Result<(AhoCorasick, Vec<usize>)> {
    let mut all: Vec<String> = keys.to_vec();
    let mut phrase: Vec<usize> = (0..keys.len()).collect();
    for (i, k) in keys.iter().enumerate() {
        let words: Vec<&str> = k.split(' ').collect();
        for j in 0..words.len().saturating_sub(1) {
            if j > 0 && !auxiliaries.iter().any(|a| &**a == words[j].as_bytes()) {
                continue;
            }
            for adv in adverbs {
                let mut v = words[..=j].join(" ");
                v.push(' ');
                v.push_str(std::str::from_utf8(adv).expect("folded text"));
                v.push_str(&words[j + 1..].join(" "));
                all.push(v);
                phrase.push(i);
            }
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Both)
        .build(&all)
        .map_err(|e| Error::data("<lexicon>", 0, e.to_string()))?;
    Ok((ac, phrase))
}

impl Lexicon {
    /// The shipped languages.
    ///
    /// # Panics
    /// Never in a released build: the shipped files are checked by the test suite.
    pub fn embedded() -> Self {
        Self::from_sources(
            EMBEDDED
                .iter()
                .map(|(n, t)| (format!("<embedded>/lang/{n}"), t.to_string())),
        )
        .expect("the embedded language files are valid")
    }

    /// Loads language files given as (name, TOML text).
    ///
    /// # Errors
    /// [`Error::Data`] naming the file and line of a TOML or schema error.
    pub fn from_sources(sources: impl IntoIterator<Item = (String, String)>) -> Result<Self> {
        let mut draft = LexiconDraft::default();
        for (name, text) in sources {
            let f: LangFile = toml::from_str(&text).map_err(|e| {
                let line = e
                    .span()
                    .map_or(0, |s| text[..s.start].lines().count().max(1));
                Error::data(&name, line, e.message().to_string())
            })?;
            draft.read_file(&name, &f)?;
        }
        draft.into_lexicon()
    }

    /// Whether the folded word `prep` introduces the counterpart of a
    /// transaction of `kind` stated by an agreement noun (`verb` false) or an
    /// agreement verb (the language files' `[counterpart_prepositions]`).
    pub fn introduces_counterpart(&self, kind: Kind, verb: bool, prep: &str) -> bool {
        let has = |verb_only: bool| {
            self.counterpart_prepositions
                .get(&(kind, verb_only))
                .is_some_and(|s| s.contains(prep))
        };
        has(false) || (verb && has(true))
    }

    /// Whether `particle` completes the split particle verb whose head is
    /// `head` (folded words: "tog" … "över").
    pub fn is_split_particle(&self, head: &str, particle: &str) -> bool {
        self.split_particles
            .get(head)
            .is_some_and(|ps| ps.iter().any(|(p, _)| p == particle))
    }

    /// Whether a lower-case word (as written) looks like a finite verb: one
    /// of `[finite_verbs] words`, or a word of four letters or more with one
    /// of its `endings`.
    pub fn finite_verb(&self, word: &str) -> bool {
        word.starts_with(|c: char| c.is_lowercase())
            && (self.finite_words.contains(&fold(word))
                || (word.chars().count() >= 4
                    && self
                        .finite_endings
                        .iter()
                        .any(|e| word.ends_with(e.as_str()))))
    }

    /// Whether a folded word is one of the languages' inserted adverbs
    /// (`[inserted_adverbs] adverbs`: "also", "också").
    pub fn is_adverb(&self, folded_word: &str) -> bool {
        self.adverbs.iter().any(|a| {
            a.strip_suffix(b" ")
                .is_some_and(|a| a == folded_word.as_bytes())
        })
    }

    /// Whether a folded word names a company as what is founded or owned
    /// (`venture_objects`: "company", "bolag", a compound ending in "-bolaget").
    pub fn is_venture_object(&self, folded_word: &str) -> bool {
        self.venture_objects
            .iter()
            .any(|o| match o.strip_prefix('*') {
                Some(tail) => folded_word.ends_with(tail),
                None => folded_word == o,
            })
    }

    /// Whether a folded word is a role or duty (`role_objects`: "role",
    /// "ansvaret"), which a verb of taking over takes without a deal.
    pub fn is_role_object(&self, folded_word: &str) -> bool {
        self.role_objects.contains(folded_word)
    }

    /// Whether a folded word names a project, plant or construction
    /// (`project_nouns`: "project", "bygget", "stålverket" by "*verket").
    pub fn is_project_noun(&self, folded_word: &str) -> bool {
        self.project_nouns.contains(folded_word)
            || self.project_nouns.iter().any(|p| {
                p.strip_prefix('*').is_some_and(|head| {
                    folded_word.len() > head.len() && folded_word.ends_with(head)
                })
            })
    }

    /// Whether a folded word names a stake (`[sold_objects] investment`:
    /// "stake", "andel", "procent", a compound such as "minoritetsandel").
    pub fn is_stake(&self, word: &str) -> bool {
        self.sold_object(word) == Some(Kind::Investment)
    }

    /// Whether a folded preposition introduces `role` in a sale or purchase
    /// (`[sale_prepositions]`; Swedish "av" introduces two: "förvärvet av
    /// X", "köpte X av Y").
    pub fn introduces_role(&self, word: &str, role: SaleRole) -> bool {
        self.sale_prepositions
            .get(word)
            .is_some_and(|roles| roles.contains(&role))
    }

    /// The kind a sale or purchase of the folded noun `word` has
    /// (`[sold_objects]`), also as a compound's head.
    pub fn sold_object(&self, word: &str) -> Option<Kind> {
        self.sold_objects.get(word).copied().or_else(|| {
            // (the head is a whole word of the compound's end: a first
            // part of two letters or more; one key buffer for all of them)
            let mut key = String::with_capacity(word.len() + 1);
            word.char_indices().skip(2).find_map(|(i, _)| {
                key.clear();
                key.push('*');
                key.push_str(&word[i..]);
                self.sold_objects.get(&key).copied()
            })
        })
    }

    /// Whether a folded word is a form of "be" (`copulas`: "is", "är").
    pub fn is_copula(&self, folded_word: &str) -> bool {
        self.copulas.contains(folded_word)
    }

    /// Whether a folded word is one of the adverbs that may stand inside a
    /// phrase (`[inserted_adverbs] adverbs`: "also", "tidigare").
    pub fn is_inserted_adverb(&self, folded_word: &str) -> bool {
        self.adverbs
            .iter()
            .any(|a| a[..a.len() - 1] == *folded_word.as_bytes())
    }

    /// Whether a folded word is one of the languages' function words
    /// (`function_words`: "and", "och", "the").
    pub fn is_function_word(&self, folded_word: &str) -> bool {
        self.function_words.get(folded_word).is_some()
    }

    /// Whether a folded word is one of the languages' auxiliaries (`[inserted_adverbs] after`).
    pub fn is_auxiliary(&self, folded_word: &str) -> bool {
        self.auxiliaries
            .iter()
            .any(|a| **a == *folded_word.as_bytes())
    }

    /// Whether `folded[start..end]` (a sentence that names no actor) holds any
    /// word that lets it state or describe an agreement, or name a person by
    /// role or speech, or stand for a company: an agreement noun or verb
    /// (not a payment, whose counterpart its own sentence names), a
    /// status verb, a parties anaphor, a counterpart, a joining verb, a role,
    /// a speaking verb, "talks", or a company anaphor or head of more than
    /// four letters. A substring test over the folded text, so compounds and
    /// endings are covered: it may say yes where [`Lexicon::find`] finds
    /// nothing, never no where it would find one of these.
    pub fn may_matter(&self, folded: &str, start: usize, end: usize) -> bool {
        self.cues
            .is_match(aho_corasick::Input::new(folded).span(start..end))
    }

    /// Phrases in `text[range]`, given the folded text of the whole document.
    /// Leftmost-longest, on word boundaries (relaxed for compound heads and
    /// inflectional endings where the entry allows them).
    ///
    /// The automaton is asked only where a phrase may start: at word boundaries,
    /// and inside words where a compound's tail starts. (An unanchored search
    /// also stops inside words, at every function word hidden in a longer word,
    /// only for the match to be turned away: more than half of its matches.)
    pub fn find(&self, text: &str, folded: &str, start: usize, end: usize) -> Vec<PhraseMatch> {
        let bytes = folded.as_bytes();
        // the next start of a compound tail at or after a position (usize::MAX: none)
        let mut compound: Option<usize> = None;
        // whether a compound tail starts at `i` (the next start is kept)
        let compound_at = |i: usize, compound: &mut Option<usize>| {
            if compound.is_none_or(|q| q != usize::MAX && q < i) {
                let input = aho_corasick::Input::new(folded).span(i..end);
                *compound = Some(self.compounds.find(input).map_or(usize::MAX, |m| m.start()));
            }
            *compound == Some(i)
        };
        // the longest phrase at `i`, where one may start: `i` begins with `c`
        // (after `prev`) and is on a word boundary or starts a compound tail
        let at = |i: usize, prev: Option<char>, c: char, compound: &mut Option<usize>| {
            let b = bytes[i];
            (self.first[b as usize] && (boundary(prev, Some(c)) || compound_at(i, compound)))
                .then(|| self.longest_at(folded, i, end))
                .flatten()
        };
        let next = |pos: usize, compound: &mut Option<usize>| -> Option<aho_corasick::Match> {
            let mut prev = char_before(text, pos);
            let mut i = pos;
            while i < end {
                let b = bytes[i];
                if b.is_ascii_alphanumeric() {
                    // a run of ASCII letters and digits: only its first position
                    // can be on a boundary; inside it only compound tails start
                    let run = crate::text::ascii_word(&bytes[i..end]);
                    if let Some(m) = at(i, prev, b as char, compound) {
                        return Some(m);
                    }
                    let mut q = i + 1;
                    while q < i + run {
                        if compound_at(q, compound) {
                            if let Some(m) = self.longest_at(folded, q, end) {
                                return Some(m);
                            }
                            q += 1;
                        } else {
                            // the next tail, if it is in this run
                            q = compound.map_or(usize::MAX, |c| c.max(q + 1));
                        }
                    }
                    prev = Some(bytes[i + run - 1] as char);
                    i += run;
                    continue;
                }
                let c = if b < 0x80 {
                    b as char
                } else {
                    char_at(text, i).expect("a char boundary")
                };
                if let Some(m) = at(i, prev, c, compound) {
                    return Some(m);
                }
                prev = Some(c);
                i += c.len_utf8();
            }
            None
        };
        self.find_with(text, folded, start, end, |pos| next(pos, &mut compound))
    }

    /// The phrases of [`Lexicon::find`], with the particle verbs that their
    /// subject splits joined (`Tag::SplitHead`).
    pub fn find_joined(
        &self,
        text: &str,
        folded: &str,
        start: usize,
        end: usize,
    ) -> Vec<PhraseMatch> {
        let mut out = self.find(text, folded, start, end);
        if !self.split_particles.is_empty() {
            self.join_split_verbs(text, end, &mut out);
        }
        out
    }

    /// Gives a verb of founding (`founding_verbs`) the tags of a verb that
    /// states a joint venture when what it founds is a company: a name at
    /// `named` (the starts and ends of companies' names), or a
    /// `venture_objects` noun, after it past determiners and
    /// `venture_modifiers` ("A and B set up Gamma", "will set up a special
    /// purpose company", "bildade ett gemensamt bolag"). A passive one needs
    /// the name or noun right before it (or before a relative pronoun after
    /// them) and `by` in the eight words after it ("Gamma was set up in 2011
    /// by A and B", "Gamma, som grundades av A och B"). Founders together are
    /// partners in a joint venture; the company founded is none.
    pub fn mark_founding(
        &self,
        folded: &str,
        phrases: &mut [PhraseMatch],
        named: &[(usize, usize)],
    ) {
        const REACH: usize = 5;
        const BY_REACH: usize = 8;
        let object = |w: &str| self.is_venture_object(w);
        // (a name described after a comma as a venture with another: "set
        // up Gamma, a joint venture with C": the noun states the venture)
        let apposed_venture = |mut at: usize| {
            at = skip_space(folded, at);
            let Some(rest) = folded[at..].strip_prefix(',') else {
                return false;
            };
            let mut words = rest.split_whitespace();
            let Some(w) = words.find(|w| !self.venture_modifiers.contains(*w)) else {
                return false;
            };
            object(w) && words.next().is_some_and(|w| self.founding_with.contains(w))
        };
        let after = |mut at: usize| {
            for _ in 0..REACH {
                at = skip_space(folded, at);
                if let Ok(i) = named.binary_search_by_key(&at, |n| n.0) {
                    return !apposed_venture(named[i].1);
                }
                let w = word_at(folded, at);
                let end = at + w.len();
                if w.is_empty() || object(w) {
                    return !w.is_empty();
                }
                if !self.venture_modifiers.contains(w) {
                    return false;
                }
                at = end;
            }
            false
        };
        let before = |start: usize| {
            let mut head = folded[..start].trim_end();
            // (over a relative pronoun and its comma: "Gamma, which was set up by")
            let last = head
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if self.founding_relatives.contains(last) {
                head = head[..head.len() - last.len()].trim_end();
                head = head.strip_suffix(',').unwrap_or(head).trim_end();
            }
            let last = head
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
                .next()
                .unwrap_or("");
            // (names do not overlap: sorted by start, they are by end too)
            named.binary_search_by_key(&head.len(), |n| n.1).is_ok()
                || (!last.is_empty() && object(last))
        };
        let by_after = |end: usize| {
            folded[end..]
                .split_whitespace()
                .take(BY_REACH)
                .take_while(|w| !w.ends_with(['.', ';', ':']))
                .any(|w| self.founding_by.contains(w.trim_end_matches(',')))
        };
        // (an active verb whose object is a company named before a relative
        // pronoun, and its founders between them: "Ionity, som BMW, Ford och
        // VW grundade gemensamt 2017", "Gamma, which A and B set up in
        // 2011": names joined by commas and coordination, and at most two
        // other words, such as a description of the founders)
        let fronted = |start: usize| {
            let mut at = start;
            let (mut names, mut others) = (0, 0);
            for _ in 0..16 {
                let h = folded[..at].trim_end();
                let h = h.strip_suffix(',').unwrap_or(h).trim_end();
                at = h.len();
                if let Ok(i) = named.binary_search_by_key(&at, |n| n.1) {
                    names += 1;
                    at = named[i].0;
                    continue;
                }
                let w = h
                    .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .next()
                    .unwrap_or("");
                if w.is_empty() {
                    return false;
                }
                if self.founding_relatives.contains(w) {
                    return names > 0 && before(at);
                }
                if !self.coord_words.contains(w) {
                    others += 1;
                    if others > 2 {
                        return false;
                    }
                }
                at -= w.len();
            }
            false
        };
        for p in phrases
            .iter_mut()
            .filter(|p| p.tags.contains(&Tag::Founding))
        {
            let found = if p.tags.contains(&Tag::Passive) {
                before(p.start) && by_after(p.end)
            } else {
                after(p.end) || fronted(p.start)
            };
            if found {
                signs(p, Kind::JointVenture);
            }
        }
    }

    /// Gives a verb of choosing (`choosing_verbs`) the tags of a verb that
    /// states a contract when names (at `named`, joined by commas or
    /// coordination), at least one a company's (at `companies`), follow it
    /// and then a `choice_complements` word and what they were chosen for,
    /// itself no agreement verb: "Beta has chosen Acme to build its plant",
    /// "Beta gav Acme i uppdrag att bygga", and with the subject after the
    /// verb: "I januari valde Region Skåne NCC att renovera …". ("selected
    /// Acme to supply cells" is stated by "to supply".)
    pub fn mark_choosing(
        &self,
        folded: &str,
        phrases: &mut [PhraseMatch],
        named: &[(usize, usize)],
        companies: &[(usize, usize)],
    ) {
        // a passive choice ("was selected by", "valdes ut av"): the company
        // chosen is named right before it, the choosers after it (the ends
        // of the companies' names, gathered at the first passive choice)
        let company_ends = std::cell::OnceCell::new();
        let company_before = |p: &PhraseMatch| {
            let end = folded[..p.start].trim_end().len();
            company_ends
                .get_or_init(|| companies.iter().map(|c| c.1).collect::<HashSet<usize>>())
                .contains(&end)
        };
        let chosen = |p: &PhraseMatch| {
            let passive = ends_in_by(&folded[p.start..p.end]);
            let mut at = skip_space(folded, p.end);
            // ("selected by the European Space Agency")
            if word_at(folded, at) == "the" {
                at = skip_space(folded, at + 3);
            }
            let mut names = usize::from(passive && company_before(p));
            while let Ok(n) = named.binary_search_by_key(&at, |n| n.0) {
                names +=
                    usize::from(!passive && companies.binary_search_by_key(&at, |c| c.0).is_ok());
                at = skip_space(folded, named[n].1);
                if folded[at..].starts_with(',') {
                    at = skip_space(folded, at + 1);
                }
                let w = word_at(folded, at);
                // (or an inserted adverb after a verb-second subject: "valde
                // Region Skåne dessutom NCC att …")
                if self.coord_words.contains(w) || self.is_adverb(w) {
                    at = skip_space(folded, at + w.len());
                }
            }
            // (and a time after the names: "turned to Rocket Lab last month
            // to launch", "valde NCC i mars att bygga")
            let timed = |at: usize| {
                phrases[phrases.partition_point(|q| q.start < at)..]
                    .iter()
                    .take_while(|q| q.start == at)
                    .find(|q| {
                        q.tags
                            .iter()
                            .any(|t| matches!(t, Tag::Relative(_) | Tag::Month(_)))
                    })
            };
            let w = word_at(folded, at);
            let month_at = skip_space(folded, at + w.len());
            // (a short preposition before a month: "in", "on", "i", "på")
            let preposition =
                (1..=2).contains(&w.chars().count()) && w.chars().all(char::is_alphabetic);
            if let Some(q) = timed(at).or_else(|| timed(month_at).filter(|_| preposition)) {
                at = skip_space(folded, q.end);
                let y = word_at(folded, at);
                if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
                    at = skip_space(folded, at + 4);
                }
            }
            let rest = &folded[at..];
            let complement = self
                .choice_complements
                .iter()
                .filter(|c| rest.starts_with(c.as_str()))
                .map(|c| c.len())
                .max();
            (names > 0).then_some(at).zip(complement)
        };
        let marks: Vec<usize> = (0..phrases.len())
            .filter(|&i| phrases[i].tags.contains(&Tag::Choosing))
            .filter(|&i| {
                chosen(&phrases[i]).is_some_and(|(at, len)| {
                    // (what follows is an agreement verb of its own: "to supply")
                    let from = phrases.partition_point(|q| q.start < at);
                    !phrases[from..]
                        .iter()
                        .take_while(|q| q.start <= at + len)
                        .any(|q| {
                            q.tags
                                .iter()
                                .any(|t| matches!(t, Tag::AgreementVerb { .. }))
                        })
                })
            })
            .collect();
        for i in marks {
            signs(&mut phrases[i], Kind::Other);
        }
    }

    /// Makes a counted description of actors with words between its number
    /// and its plural head a parties anaphor, as "the two companies" is:
    /// "the six Japanese companies", "both Nordic operators", "de två
    /// svenska bolagen". It opens with an `anaphor_openers` word and a
    /// number, or with a pair word ("both"); one or two words that are no
    /// name (`named` says) stand before a `PluralHead`. Without the definite
    /// opener ("deals with two Japanese companies") it is no anaphor.
    pub fn mark_counted_anaphora(
        &self,
        folded: &str,
        phrases: &mut Vec<PhraseMatch>,
        named: impl Fn(usize, usize) -> bool,
    ) {
        const MAX_MODIFIERS: usize = 2;
        let mut found: Vec<(usize, usize)> = Vec::new();
        for p in phrases
            .iter()
            .filter(|p| p.tags.contains(&Tag::PluralHead) && !p.tags.contains(&Tag::PartiesAnaphor))
        {
            // the words before the head, nearest first
            let before = &folded[..p.start];
            let words: Vec<(usize, &str)> = before
                .split_whitespace()
                .rev()
                .take(MAX_MODIFIERS + 2)
                .scan(before.len(), |end, w| {
                    let at = before[..*end].rfind(w).unwrap_or(0);
                    *end = at;
                    Some((at, w))
                })
                .collect();
            let plain = |w: &str| w.chars().all(|c| c.is_alphabetic() || c == '-');
            let start = (1..=MAX_MODIFIERS.min(words.len())).find_map(|n| {
                let mods = &words[..n];
                if !mods
                    .iter()
                    .all(|&(at, w)| plain(w) && !named(at, at + w.len()))
                {
                    return None;
                }
                let (at, w) = *words.get(n)?;
                // (a pair word is definite itself: "both Nordic operators")
                if self.pair_words.contains(w) {
                    return Some(at);
                }
                self.number_words.get(w)?;
                let (o, opener) = *words.get(n + 1)?;
                self.anaphor_openers.contains(opener).then_some(o)
            });
            if let Some(start) = start {
                found.push((start, p.end));
            }
        }
        // (a plural head that is no other phrase is a plain word again)
        let head_only = |q: &PhraseMatch| *q.tags == [Tag::PluralHead];
        if found.is_empty() {
            phrases.retain(|q| !head_only(q));
            return;
        }
        let tags: Arc<[Tag]> = Arc::from(vec![Tag::PartiesAnaphor]);
        // (both sorted by start, the spans apart: one pass)
        let mut i = 0;
        phrases.retain(|q| {
            while found.get(i).is_some_and(|&(_, b)| b <= q.start) {
                i += 1;
            }
            let inside = found
                .get(i)
                .is_some_and(|&(a, b)| q.start >= a && q.end <= b);
            !head_only(q) && !inside
        });
        phrases.extend(found.into_iter().map(|(start, end)| PhraseMatch {
            start,
            end,
            tags: tags.clone(),
        }));
        phrases.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    }

    /// Whether a `value_words` word or pair of words stands among the three
    /// words before byte `at` of `folded` ("worth $200 million").
    pub fn valued(&self, folded: &str, at: usize) -> bool {
        const REACH: usize = 3;
        let words: Vec<&str> = folded[..at]
            .split_whitespace()
            .rev()
            .take(REACH)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        words.iter().enumerate().any(|(k, w)| {
            self.value_words.contains(*w)
                || words
                    .get(k + 1)
                    .is_some_and(|v| self.value_words.contains(&format!("{v} {w}")))
        })
    }

    /// Gives a split particle verb's head the tags of the whole verb when
    /// its particle follows a short run of names ("I juli kom Uniper och
    /// Fortum överens", "lånade KfW ut"), and drops the heads that have none.
    fn join_split_verbs(&self, text: &str, end: usize, out: &mut Vec<PhraseMatch>) {
        const MAX_NAME_WORDS: usize = 6;
        // punctuation that may close a word; all but the comma end a clause
        const CLOSERS: [char; 6] = [',', '.', ';', ':', '!', '?'];
        const ENDS: [char; 5] = ['.', ';', ':', '!', '?'];
        out.retain_mut(|m| {
            if !m.tags.contains(&Tag::SplitHead) {
                return true;
            }
            let Some(particles) = self.split_particles.get(&fold(&text[m.start..m.end])) else {
                return false;
            };
            let mut names = 0;
            // (a time may stand between: "A och B kom i maj överens")
            let mut times = 0;
            // (the names, then a particle's tail of a few words)
            let after: Vec<&str> = text[m.end..end]
                .split_whitespace()
                .take(2 * MAX_NAME_WORDS)
                .collect();
            // whether the particle (and the rest of its tail) starts at word `i`
            // (punctuation only after its last word)
            let tail_at = |i: usize, p: &str| {
                let last = p.split(' ').count() - 1;
                p.split(' ').enumerate().all(|(k, pw)| {
                    after.get(i + k).is_some_and(|t| {
                        let bare = t.trim_end_matches(CLOSERS);
                        fold(bare) == pw && (bare.len() == t.len() || k == last)
                    })
                })
            };
            // a time word or a year
            let is_time = |w: &str| {
                self.time_words.contains(w)
                    || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            };
            // how many words of an inserted adverb ("kom Maersk i stället
            // överens") or of a time after a preposition ("lånade Nordea i
            // fjol ut") start at word `i`
            let aside_at = |i: usize| {
                let plain = |k: usize| {
                    after
                        .get(k)
                        .filter(|t| !t.ends_with(CLOSERS))
                        .map(|t| fold(t))
                };
                let adverb = (1..=2).rev().find(|&n| {
                    let words: Option<Vec<String>> = (i..i + n).map(plain).collect();
                    words.is_some_and(|w| self.is_adverb(&w.join(" ")))
                });
                adverb.or_else(|| {
                    let prep = plain(i).is_some_and(|w| matches!(w.as_str(), "i" | "under" | "på"));
                    let time = after
                        .get(i + 1)
                        .is_some_and(|t| is_time(&fold(t.trim_end_matches(CLOSERS))));
                    (prep && time).then_some(2)
                })
            };
            let mut skip = 0;
            for (i, token) in after.iter().take(MAX_NAME_WORDS + 1).enumerate() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let bare = token.trim_end_matches(CLOSERS);
                let w = fold(bare);
                if names > 0 || times > 0 {
                    if let Some((_, tags)) = particles.iter().find(|(p, _)| tail_at(i, p)) {
                        m.tags = tags.clone();
                        return true;
                    }
                }
                if let Some(n) = aside_at(i) {
                    skip = n - 1;
                    times += 1;
                    continue;
                }
                // (a Swedish definite noun names a party too, "kom Uniper och
                // förbundsregeringen överens", "kom de två bolagen överens",
                // after a determiner or an adjective in -a: "den tyska
                // regeringen")
                let definite =
                    w.len() > 4 && (w.ends_with("en") || w.ends_with("et") || w.ends_with("na"));
                let name = bare.starts_with(char::is_uppercase) || definite;
                let modifier = matches!(w.as_str(), "den" | "det" | "de" | "två" | "båda")
                    || (w.len() > 3 && w.ends_with('a'));
                let time = is_time(&w);
                if time && names == 0 && !token.ends_with(ENDS) {
                    times += 1;
                    continue;
                }
                if token.ends_with(ENDS) || (!name && !modifier && !self.coord_words.contains(&w)) {
                    return false;
                }
                names += usize::from(name);
            }
            false
        });
    }

    /// The longest phrase that `folded[at..to]` starts with.
    ///
    /// The automaton is walked here byte by byte: an anchored search through
    /// `AhoCorasick::find` costs some 300 instructions a call, most of them
    /// before the first byte, and the scan makes one at nearly every word. It
    /// is the contiguous NFA: a DFA runs fewer instructions but is 13 times
    /// the size (1.7 MB), and its cache misses made the walk slower.
    fn longest_at(&self, folded: &str, at: usize, to: usize) -> Option<aho_corasick::Match> {
        use aho_corasick::automaton::Automaton;
        let nfa = &self.anchored;
        let sid = nfa
            .start_state(aho_corasick::Anchored::Yes)
            .expect("an anchored start state");
        self.walk(folded.as_bytes(), at, at, to, sid, 0)
            .map(|(p, end)| aho_corasick::Match::new(p, at..end))
    }

    /// A match of the reference automaton `ac` as a match of its phrase.
    #[cfg(test)]
    fn phrase_of(&self, m: aho_corasick::Match) -> aho_corasick::Match {
        let p = aho_corasick::PatternID::new(self.ac_phrase[m.pattern().as_usize()])
            .expect("a pattern id");
        aho_corasick::Match::new(p, m.span())
    }

    /// The walk of [`Lexicon::longest_at`] from `sid` at `from`, `skipped`
    /// bytes of an inserted adverb behind it (at most one is stepped over):
    /// the phrase and the end of the longest match.
    fn walk(
        &self,
        bytes: &[u8],
        at: usize,
        from: usize,
        to: usize,
        mut sid: aho_corasick::automaton::StateID,
        skipped: usize,
    ) -> Option<(aho_corasick::PatternID, usize)> {
        use aho_corasick::automaton::Automaton;
        let nfa = &self.anchored;
        let anchored = aho_corasick::Anchored::Yes;
        let mut found: Option<(aho_corasick::PatternID, usize)> = None;
        let mut word = from;
        for i in from..to {
            let b = bytes[i];
            sid = nfa.next_state(anchored, sid, b);
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    break;
                }
                if nfa.is_match(sid) {
                    // a state's matches include those reached by failure
                    // transitions, which start after `at` (the crate's own
                    // anchored search turns them away the same way)
                    let p = nfa.match_pattern(sid, 0);
                    if nfa.pattern_len(p) + skipped == i + 1 - at
                        && found.is_none_or(|f| i + 1 >= f.1)
                    {
                        found = Some((p, i + 1));
                    }
                }
            }
            if b == b' ' {
                // "will also form": after an auxiliary, the phrase may go on
                // behind an adverb; the longer match wins, the literal one on a tie
                // (after a phrase's first word too, where a Swedish finite
                // verb stands before its adverb: "utvecklade dessutom
                // tillsammans med", "skrev också under")
                if skipped == 0
                    && self.adverb_opens(bytes, i + 1)
                    && (word == at || self.auxiliaries.iter().any(|a| **a == bytes[word..i]))
                {
                    for adv in &self.adverbs {
                        let next = i + 1 + adv.len();
                        if next < to && bytes[i + 1..].starts_with(adv) {
                            if let Some(alt) = self.walk(bytes, at, next, to, sid, adv.len()) {
                                if found.is_none_or(|f| alt.1 > f.1) {
                                    found = Some(alt);
                                }
                            }
                        }
                    }
                }
                word = i + 1;
            }
        }
        found
    }

    /// Whether an adverb may open at `i` (its first two bytes are some
    /// adverb's): most spaces of a walk are followed by none.
    fn adverb_opens(&self, bytes: &[u8], i: usize) -> bool {
        bytes.get(i..i + 2).is_some_and(|p| {
            let pair = usize::from(p[0]) << 8 | usize::from(p[1]);
            self.adverb_openings[pair >> 6] & (1 << (pair & 63)) != 0
        })
    }

    /// The phrase scan, given the search for the next match at or after a
    /// position (leftmost, and the longest there).
    fn find_with(
        &self,
        text: &str,
        folded: &str,
        start: usize,
        end: usize,
        mut next: impl FnMut(usize) -> Option<aho_corasick::Match>,
    ) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut pos = start;
        // the match to try: the next one, or a shorter one at the same start
        // when the longest does not end on a boundary ("undertecknades av" in
        // "undertecknades avtalet" leaves "undertecknades")
        let mut shorter: Option<aho_corasick::Match> = None;
        while pos < end {
            let Some(m) = shorter.take().or_else(|| next(pos)) else {
                break;
            };
            let p = &self.patterns[m.pattern().as_usize()];
            let left_strict = boundary(char_before(text, m.start()), char_at(text, m.start()));
            // the tags that may apply here as written, and those that take an ending
            // (a subset: none apply at all when the first is empty)
            let exact = p.pick(left_strict, false);
            let extended = p.pick(left_strict, true);
            if exact.is_empty() {
                shorter = self.longest_at(folded, m.start(), m.end() - 1);
                pos = m.start() + char_at(text, m.start()).map_or(1, |c| c.len_utf8());
                continue;
            }
            let suffixed = !extended.is_empty();
            let head_at = |q: usize, to: usize| {
                self.longest_at(folded, q, to).is_some_and(|n| {
                    self.patterns[n.pattern().as_usize()]
                        .tags
                        .iter()
                        .any(|t| t.1)
                })
            };
            let mut ext = m.end();
            while let Some(c) = char_at(text, ext) {
                if ext >= end || !c.is_alphabetic() {
                    break;
                }
                ext += c.len_utf8();
            }
            // an ending that is itself the head of a compound ("batteri|avtalen") is cut off;
            // without a suffixed tag only a head right after the match matters
            if ext > m.end() {
                if suffixed {
                    let mut q = m.end();
                    while q < ext {
                        if head_at(q, ext) {
                            ext = q;
                            break;
                        }
                        q += char_at(text, q).map_or(1, |c| c.len_utf8());
                    }
                } else if head_at(m.end(), ext) {
                    ext = m.end();
                }
            }
            let cut = ext < text.len() && char_at(text, ext).is_some_and(|c| c.is_alphabetic());
            // "investment|bolaget", "energi|koncernen": a compound whose tail is a
            // company noun describes a company; its head states no agreement
            let company_compound =
                cut && exact.iter().any(|t| {
                    matches!(
                        t,
                        Tag::Agreement { .. } | Tag::AgreementVerb { .. } | Tag::Status(_)
                    )
                }) && self.longest_at(folded, ext, end).is_some_and(|n| {
                    self.patterns[n.pattern().as_usize()]
                        .tags
                        .iter()
                        .any(|t| matches!(t.0, Tag::CompanyAnaphor | Tag::CompanyHead))
                });
            let right_at = |e: usize| {
                (cut && e == ext)
                    || boundary(
                        char_before(text, e),
                        if e < end { char_at(text, e) } else { None },
                    )
            };
            let right_strict = right_at(m.end());
            if !company_compound && right_strict && !exact.is_empty() {
                out.push(PhraseMatch {
                    start: m.start(),
                    end: m.end(),
                    tags: exact.clone(),
                });
                pos = m.end();
            } else if !company_compound && !right_strict && suffixed && right_at(ext) {
                out.push(PhraseMatch {
                    start: m.start(),
                    end: ext,
                    tags: extended.clone(),
                });
                pos = ext;
            } else {
                shorter = self.longest_at(folded, m.start(), m.end() - 1);
                pos = m.start() + char_at(text, m.start()).map_or(1, |c| c.len_utf8());
            }
        }
        out
    }

    /// The language whose function words are most frequent in `text`, if any.
    pub fn detect(&self, folded: &str) -> Option<String> {
        // the first 600 bytes (some 100 words) say which language it is as well as the whole text
        let mut cut = folded.len().min(600);
        while !folded.is_char_boundary(cut) {
            cut -= 1;
        }
        let folded = &folded[..cut];
        let mut counts = vec![0usize; self.languages.len()];
        for w in words(folded) {
            if w.len() > self.longest_function_word
                || (w.len() < 64
                    && self.function_shapes[w.as_bytes()[0] as usize] & (1 << w.len()) == 0)
            {
                continue;
            }
            if let Some(i) = self.function_words.get(w) {
                for &k in &self.function_langs[i] {
                    counts[k] += 1;
                }
            }
        }
        let mut best: Option<(usize, &str)> = None;
        for (&n, lang) in counts.iter().zip(&self.languages) {
            if n > 0 && best.is_none_or(|(b, _)| n > b) {
                best = Some((n, lang));
            }
        }
        best.map(|(_, l)| l.to_string())
    }

    /// The actor type suggested by the words of a discovered name (`... University` → organization),
    /// or `Some("none")` when the name is not an actor (a law, an agreement).
    pub fn type_for(&self, name: &str) -> Option<&str> {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        // the last cue word decides ("Ministry of ... Agency")? The head: English heads come first
        // ("Ministry of X"), Swedish heads last; take the first cue found scanning from the end.
        for w in words.iter().rev() {
            for (t, cues) in &self.type_cues {
                if cues
                    .iter()
                    .any(|c| c == w || (c.ends_with('*') && w.starts_with(c.trim_end_matches('*'))))
                {
                    return Some(t);
                }
            }
        }
        None
    }
}

/// Gives phrase `p` the tags of a verb that states a signed agreement of `kind`.
fn signs(p: &mut PhraseMatch, kind: Kind) {
    let mut tags = p.tags.to_vec();
    tags.push(Tag::AgreementVerb {
        kind,
        status: Status::Signed,
        object_kind: None,
        sale: false,
        agent: false,
        payment: false,
    });
    p.tags = tags.into();
}

/// `at` moved past the white space there.
fn skip_space(folded: &str, at: usize) -> usize {
    at + folded[at..].len() - folded[at..].trim_start().len()
}

/// The word (letters, digits and hyphens) that starts at `at`; empty if none.
fn word_at(folded: &str, at: usize) -> &str {
    let rest = &folded[at..];
    &rest[..rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_words_fill_a_forms_gap() {
        let slot = vec!["RAN".to_string(), "5G".to_string()];
        let filled = slot_filled("sole _ vendor", &slot).unwrap();
        assert_eq!(filled, ["sole RAN vendor", "sole 5G vendor"]);
        // no gap: the form itself; a gap without words: an error naming the form
        assert_eq!(slot_filled("supply deal", &[]).unwrap(), ["supply deal"]);
        let err = slot_filled("main _ supplier", &[]).unwrap_err();
        assert!(
            err.contains("main _ supplier") && err.contains("slot"),
            "{err}"
        );
        let bad = "lang = \"en\"\nname = \"x\"\n[[agreement]]\nforms = [\"sole _ vendor\"]\nkind = \"offtake\"\n";
        let e = Lexicon::from_sources([("bad.toml".to_string(), bad.to_string())]).unwrap_err();
        assert!(e.to_string().contains("bad.toml"), "{e}");
    }

    /// The error that loading `toml` as the language file `xx.toml` gives.
    fn load_error(toml: &str) -> String {
        Lexicon::from_sources([("xx.toml".to_string(), toml.to_string())])
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn weekday_lists_must_be_seven() {
        let err = load_error("lang = \"xx\"\nname = \"Test\"\n[dates]\nweekdays_recent = [[\"on monday\"], [\"on tuesday\"]]\n");
        assert!(
            err.contains("xx.toml") && err.contains("dates.weekdays_recent must list 7"),
            "{err}"
        );
    }

    #[test]
    fn demonyms_are_keyed_by_iso_codes() {
        let good = "lang = \"xx\"\nname = \"Test\"\n[demonyms]\nNO = [\"Norwegian\", \"norska\"]\n";
        let lx = Lexicon::from_sources([("xx.toml".to_string(), good.to_string())]).unwrap();
        assert_eq!(lx.demonyms.get("norwegian").map(String::as_str), Some("NO"));
        assert_eq!(lx.demonyms.get("norska").map(String::as_str), Some("NO"));
        let err =
            load_error("lang = \"xx\"\nname = \"Test\"\n[demonyms]\nNorway = [\"norwegian\"]\n");
        assert!(
            err.contains("xx.toml") && err.contains("`Norway` is no ISO 3166 country code"),
            "{err}"
        );
    }

    /// The scan as it was: one unanchored leftmost-longest search from each
    /// position, the matches inside words turned away after they are found.
    fn find_reference(
        lx: &Lexicon,
        text: &str,
        folded: &str,
        start: usize,
        end: usize,
    ) -> Vec<PhraseMatch> {
        lx.find_with(text, folded, start, end, |pos| {
            lx.ac
                .find(aho_corasick::Input::new(folded).span(pos..end))
                .map(|m| lx.phrase_of(m))
        })
    }

    fn test_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["tests/corpus/docs", "examples"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
                .collect();
            paths.sort();
            texts.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        assert!(texts.len() > 20, "the test corpus is there");
        texts
    }

    /// The hand-walked automaton gives what the crate's anchored search gives, at
    /// every char boundary of the test corpus, to the end of the text and to
    /// a few bytes on (a cut inside a phrase).
    #[test]
    fn longest_at_is_the_crates_anchored_search() {
        let lx = Lexicon::embedded();
        let mut found = 0;
        for t in test_texts() {
            let f = fold(&t);
            for at in (0..f.len()).filter(|&i| f.is_char_boundary(i)) {
                let short = (at + 1..=(at + 6).min(f.len()))
                    .rev()
                    .find(|&i| f.is_char_boundary(i));
                for to in [Some(f.len()), short].into_iter().flatten() {
                    let input = aho_corasick::Input::new(&f)
                        .span(at..to)
                        .anchored(aho_corasick::Anchored::Yes);
                    let want = lx.ac.find(input).map(|m| lx.phrase_of(m));
                    found += usize::from(want.is_some());
                    assert_eq!(lx.longest_at(&f, at, to), want, "at {at}..{to} in {t:?}");
                }
            }
        }
        assert!(
            found > 1000,
            "only {found} phrases found: is the test corpus there?"
        );
    }

    /// Searching only at word boundaries and compound tails finds what the
    /// unanchored scan found: on the test corpus (every sentence, and each
    /// text whole), and on texts glued from pieces of it with joiners that put
    /// phrases inside words.
    #[test]
    fn anchored_scan_finds_what_the_unanchored_scan_found() {
        let lx = Lexicon::embedded();
        let seg = crate::segment::Segmenter::new(&lx.abbreviations);
        let texts = test_texts();
        let mut inside_words = 0;
        let mut check = |t: &str, start: usize, end: usize| {
            let f = fold(t);
            let want = find_reference(&lx, t, &f, start, end);
            inside_words += want
                .iter()
                .filter(|m| !boundary(char_before(t, m.start), char_at(t, m.start)))
                .count();
            assert_eq!(lx.find(t, &f, start, end), want, "in {:?}", &t[start..end]);
        };
        for t in &texts {
            for sp in seg.sentences(t, &seg.blocks(t)) {
                check(t, sp.start, sp.end);
            }
            check(t, 0, t.len());
        }
        // glued pieces: a deterministic generator, so a failure repeats
        let joiners = [
            "", "", " ", "-", "ö", "Å", "3", ". ", "の", "\u{00e9}", "(", "s",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rnd = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..1 + rnd(6) {
                let src = &texts[rnd(texts.len())];
                let mut a = rnd(src.len());
                while !src.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (a + 1 + rnd(40)).min(src.len());
                while !src.is_char_boundary(b) {
                    b -= 1;
                }
                t.push_str(&src[a..b]);
                t.push_str(joiners[rnd(joiners.len())]);
            }
            let mut s = rnd(t.len() + 1);
            while !t.is_char_boundary(s) {
                s -= 1;
            }
            check(&t, 0, t.len());
            check(&t, s, t.len());
        }
        // the glued texts do put phrases inside words, where only compound tails count
        assert!(inside_words > 100, "{inside_words} matches inside words");
    }

    #[test]
    fn embedded_languages_load_and_find_phrases() {
        let lx = Lexicon::embedded();
        assert!(
            lx.languages.contains(&"sv".to_string()) && lx.languages.contains(&"en".to_string())
        );
        let t = "Bolaget tecknade ett samförståndsavtal och batteriavtalen med dem.";
        let f = fold(t);
        let m = lx.find(t, &f, 0, t.len());
        let words: Vec<&str> = m.iter().map(|m| &t[m.start..m.end]).collect();
        assert!(words.contains(&"samförståndsavtal"), "{words:?}");
        assert!(words.contains(&"avtalen"), "{words:?}");
        let plural = m.iter().find(|m| &t[m.start..m.end] == "avtalen").unwrap();
        assert!(plural
            .tags
            .iter()
            .any(|t| matches!(t, Tag::Agreement { plural: true, .. })));
    }

    /// An adverb after an auxiliary leaves the phrase whole: "will also form"
    /// is the planned "will form", "ska också bilda" the planned "ska bilda",
    /// "har nu tecknat" the signed "har tecknat"; the walk gives what the
    /// reference automaton (with each phrase's adverb variants) gives, and an
    /// adverb anywhere else, or a second one, stops the phrase.
    #[test]
    fn an_inserted_adverb_leaves_the_phrase_whole() {
        let lx = Lexicon::embedded();
        let status = |text: &str| {
            let f = fold(text);
            let found = lx.find(text, &f, 0, text.len());
            let reference = find_reference(&lx, text, &f, 0, text.len());
            assert_eq!(found, reference, "in {text:?}");
            found
                .iter()
                .find_map(|m| {
                    m.tags.iter().find_map(|t| match t {
                        Tag::Status(s) => Some((*s, &text[m.start..m.end])),
                        _ => None,
                    })
                })
                .map(|(s, w)| (s, w.to_string()))
        };
        assert_eq!(
            status("A and B will also form a joint venture"),
            Some((Status::Planned, "will also form".into()))
        );
        assert_eq!(
            status("A och B ska också bilda ett samriskbolag"),
            Some((Status::Planned, "ska också bilda".into()))
        );
        assert_eq!(
            status("A och B har nu tecknat ett avtal"),
            Some((Status::Signed, "har nu tecknat".into()))
        );
        // not after a word that is no auxiliary, and one adverb at most
        assert_ne!(
            status("A formed also a joint venture").map(|s| s.1),
            Some("formed also a".into())
        );
        assert_ne!(
            status("A and B will also now form a joint venture").map(|s| s.0),
            Some(Status::Planned)
        );
    }

    /// A longer phrase that starts at the same place but does not end on a
    /// word boundary leaves the shorter one that does: "undertecknades av"
    /// in "undertecknades avtalet" leaves "undertecknades", "signed by" in
    /// "signed bypassing" leaves "signed".
    #[test]
    fn a_longest_phrase_cut_inside_a_word_leaves_the_shorter_one() {
        let lx = Lexicon::embedded();
        for (t, want) in [
            ("I dag undertecknades avtalet mellan dem.", "undertecknades"),
            ("Acme signed bypassing the board.", "signed"),
        ] {
            let f = fold(t);
            let words: Vec<&str> = lx
                .find(t, &f, 0, t.len())
                .iter()
                .map(|m| &t[m.start..m.end])
                .collect();
            assert!(words.contains(&want), "{t:?}: {words:?}");
        }
    }

    /// `may_matter` may say yes too often, never no where `find` finds a cue:
    /// checked on every sentence of the test corpus and the examples.
    #[test]
    fn cue_prefilter_never_misses_a_cue_phrase() {
        let lx = Lexicon::embedded();
        let seg = crate::segment::Segmenter::new(&lx.abbreviations);
        let texts = test_texts();
        let (mut cued, mut turned_away) = (0, 0);
        for t in &texts {
            let f = fold(t);
            let blocks = seg.blocks(t);
            for sp in seg.sentences(t, &blocks) {
                let cue = lx
                    .find(t, &f, sp.start, sp.end)
                    .iter()
                    .any(|p| p.tags.iter().any(is_cue));
                let said = lx.may_matter(&f, sp.start, sp.end);
                assert!(!cue || said, "missed: {:?}", &t[sp.start..sp.end]);
                cued += usize::from(cue);
                turned_away += usize::from(!said);
            }
        }
        assert!(
            cued > 50 && turned_away > 0,
            "{cued} cued, {turned_away} turned away"
        );
        let plain = "Prices of zinc rose to 300 dollars per tonne, the highest level since 2019.";
        assert!(!lx.may_matter(&fold(plain), 0, plain.len()));
    }

    #[test]
    fn detects_language() {
        let lx = Lexicon::embedded();
        assert_eq!(
            lx.detect(&fold("Det är ett avtal mellan dem och oss."))
                .as_deref(),
            Some("sv")
        );
        assert_eq!(
            lx.detect(&fold("It is an agreement between the two of them."))
                .as_deref(),
            Some("en")
        );
    }
}
