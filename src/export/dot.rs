//! DOT for Graphviz, built with graphviz-rust, and SVG/PNG rendering through
//! the `dot` program.
//!
//! The diagram reads left to right: actors (shaped and coloured by type, grouped
//! in country clusters) on both sides, the agreements between them in the middle
//! column, labelled with kind, status and date and bordered by status. The
//! collapsed view draws actors only, one line per partnership. A small legend
//! explains the shapes.
//!
//! Every id, label and tooltip goes through [`quote`] (graphviz-rust's own
//! escaping leaves inner quotes alone), so names cannot break out of their
//! string or inject Graphviz escapes such as `\N` or `\l`.

use crate::error::{Error, Result};
use crate::fragment::{ActorRecord, AgreementRecord};
use crate::gazetteer::ActorType;
use crate::graph::{KnowledgeGraph, Node, Relation};
use crate::lexicon::Status;
use graphviz_rust::cmd::{CommandArg, Format};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DNode, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::{BTreeMap, BTreeSet};

/// Fonts, first found wins; IPAGothic covers Japanese where the others do not.
const FONT: &str = "Noto Sans, DejaVu Sans, IPAGothic, Helvetica, Arial, sans-serif";
/// Names wider than this (in columns; CJK characters count two) go on two lines.
const WRAP: usize = 22;
/// Longest evidence sentence shown in a tooltip, in characters.
const TOOLTIP_MAX: usize = 300;
/// Most agreements listed on one collapsed edge before "+N more".
const EDGE_LINES: usize = 4;
/// Thickest collapsed edge.
const MAX_PENWIDTH: usize = 7;
/// Resolution of PNG output.
const PNG_DPI: u32 = 144;

/// What to draw and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    /// Actors only: each partnership is one undirected edge labelled with its
    /// agreements (kind, date), penwidth by count.
    pub collapse_agreements: bool,
    /// ISO country code -> display name, for cluster labels (the CLI fills it
    /// from the gazetteer); unknown codes fall back to the code.
    pub country_names: BTreeMap<String, String>,
    /// Draw a legend (default true).
    pub legend: bool,
    /// Group actors in country clusters (default true).
    pub clusters: bool,
    /// Optional title shown at the top (e.g. the input name).
    pub title: Option<String>,
    /// The layout program.
    pub layout: Layout,
    /// Actors and agreements in the graph before filters and cuts: the
    /// caption then says "13 of 22 actors" when fewer are drawn.
    pub totals: Option<(usize, usize)>,
    /// What was cut, for the caption ("top 60 by degree").
    pub cut: Option<String>,
}

/// Which Graphviz program lays the diagram out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// `dot` up to [`AUTO_DOT_MAX`] nodes drawn, `sfdp` past that.
    #[default]
    Auto,
    /// Layered, left to right, with country clusters: best for small graphs.
    Dot,
    /// Force-directed, multiscale: fast on large graphs (overlaps removed).
    Sfdp,
    /// Force-directed (stress majorization), overlaps removed: mid-sized graphs.
    Neato,
}

impl Layout {
    /// The Graphviz program's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Auto => "auto",
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
            Layout::Neato => "neato",
        }
    }
}

/// Most nodes (actors plus agreement nodes) `Layout::Auto` gives to `dot`:
/// past this, its layered drawing is mostly crossing lines.
pub const AUTO_DOT_MAX: usize = 40;

/// Graphviz's (cairo's) largest bitmap side, in pixels.
pub const MAX_PIXELS: f64 = 32767.0;

/// Actors past which [`render_checked`] warns that a picture is crowded.
pub const CROWDED: usize = 150;

/// Lowest resolution [`render_checked`] will shrink a PNG to; below this the
/// text cannot be read.
const MIN_DPI: u32 = 24;

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            collapse_agreements: false,
            country_names: BTreeMap::new(),
            legend: true,
            clusters: true,
            title: None,
            layout: Layout::Auto,
            totals: None,
            cut: None,
        }
    }
}

/// An image format [`render`] can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Scalable vector graphics, with tooltips.
    Svg,
    /// A bitmap at 144 dpi.
    Png,
}

impl ImageFormat {
    /// The usual file extension (and Graphviz format name).
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}

/// A quoted DOT string with `\`, `"` and line breaks escaped.
///
/// A backslash is doubled, so text can never form a Graphviz escape (`\N`,
/// `\l`, `\G` ...); a line break becomes `\n`, which is how callers ask for
/// one. Carriage returns are dropped and other control characters become spaces.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

/// Shape and fill colour for an actor type.
pub fn style(t: ActorType) -> (&'static str, &'static str) {
    match t {
        ActorType::Government => ("box", "#cfe2f3"),
        ActorType::Company => ("box", "#fce5cd"),
        ActorType::Organization => ("box", "#d9ead3"),
        ActorType::Alliance => ("hexagon", "#ead1dc"),
        ActorType::Country => ("ellipse", "#fff2cc"),
        ActorType::Region => ("ellipse", "#f3f3f3"),
        ActorType::Person => ("plaintext", "#ffffff"),
        ActorType::Programme => ("component", "#d0e0e3"),
        ActorType::Event => ("cds", "#f4cccc"),
    }
}

/// The legend's name for an actor type (shared with the HTML view).
pub fn type_label(t: ActorType) -> &'static str {
    match t {
        ActorType::Organization => "Organization",
        ActorType::Government => "Government body",
        ActorType::Company => "Company",
        ActorType::Alliance => "Alliance",
        ActorType::Country => "Country",
        ActorType::Region => "Region",
        ActorType::Person => "Person",
        ActorType::Programme => "Programme",
        ActorType::Event => "Event",
    }
}

/// Node `style` for an actor: boxes get rounded corners.
fn actor_style(t: ActorType) -> &'static str {
    if style(t).0 == "box" {
        "filled,rounded"
    } else {
        "filled"
    }
}

/// The statuses in the order legends list them.
pub const STATUSES: [Status; 5] = [
    Status::Signed,
    Status::Announced,
    Status::Negotiating,
    Status::Planned,
    Status::Terminated,
];

/// How an agreement's border shows its status, in the DOT diagrams and the
/// HTML view alike: each status has its own colour, and a line or width
/// besides, so they differ in grey print too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatusLook {
    /// Border colour.
    pub colour: &'static str,
    /// Border width (Graphviz `penwidth`, CSS pixels in the HTML view).
    pub width: f64,
    /// `solid`, `dashed`, `dotted` or `double` (Graphviz draws `double` as
    /// crossed corners, `diagonals`).
    pub line: &'static str,
}

/// The border of an agreement with this status.
pub fn status_look(s: Status) -> StatusLook {
    let (colour, width, line) = match s {
        Status::Signed => ("#1b7837", 2.4, "solid"),
        Status::Announced => ("#2166ac", 1.2, "solid"),
        Status::Negotiating => ("#d95f02", 1.6, "dashed"),
        Status::Planned => ("#6a6a6a", 1.6, "dotted"),
        Status::Terminated => ("#b2182b", 1.6, "double"),
    };
    StatusLook {
        colour,
        width,
        line,
    }
}

/// Node `style`, `color` and `penwidth` for an agreement: the border says how
/// far it got. The width is set explicitly, as Graphviz's `bold` yields to the
/// graph's default `penwidth` (which once made signed and announced look alike).
fn status_attrs(s: Status) -> Vec<Attribute> {
    let look = status_look(s);
    let style = match look.line {
        "dashed" => "filled,dashed",
        "dotted" => "filled,dotted",
        "double" => "filled,diagonals",
        _ => "filled",
    };
    vec![
        attr("style", style),
        attr("color", look.colour),
        attr("penwidth", &look.width.to_string()),
    ]
}

/// Display columns of a character: CJK and full-width forms take two.
fn char_width(c: char) -> usize {
    if is_wide(c) {
        2
    } else {
        1
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Whitespace runs (line breaks included) and control characters become one
/// space, so only the breaks this module adds reach the label.
fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name wider than `max` columns split over two lines, at the space (or,
/// in CJK text, the character boundary) nearest the middle.
fn wrap(s: &str, max: usize) -> String {
    let total = width(s);
    if total <= max {
        return s.to_string();
    }
    let half = total / 2;
    // (distance from the middle, byte position, bytes to drop)
    let mut best: Option<(usize, usize, usize)> = None;
    let mut w: usize = 0;
    for (i, c) in s.char_indices() {
        let cand = if c == ' ' {
            Some((i, 1))
        } else if w > 0 && (is_wide(c) || s[..i].chars().next_back().is_some_and(is_wide)) {
            Some((i, 0))
        } else {
            None
        };
        if let Some((pos, skip)) = cand {
            let d = w.abs_diff(half);
            if best.is_none_or(|b| d < b.0) {
                best = Some((d, pos, skip));
            }
        }
        w += char_width(c);
    }
    match best {
        Some((_, pos, skip)) if pos > 0 && pos + skip < s.len() => {
            format!("{}\n{}", &s[..pos], &s[pos + skip..])
        }
        _ => s.to_string(),
    }
}

/// At most `max` characters, ending in `…` when cut.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The first evidence sentence with its document, for tooltips.
fn evidence_line(g: &AgreementRecord) -> String {
    let Some(e) = g.evidence.first() else {
        return String::new();
    };
    let mut s = format!("“{}” ({})", truncate(&clean(&e.text), TOOLTIP_MAX), e.doc);
    if g.evidence.len() > 1 {
        s.push_str(&format!(
            " +{} more",
            plural(g.evidence.len() - 1, "sentence")
        ));
    }
    s
}

/// "MoU 2025-05-03", "Cooperation (negotiating)": one agreement on a collapsed edge.
fn short_agreement(g: &AgreementRecord) -> String {
    let mut s = crate::kind_label(g.agreement_kind).to_string();
    if let Some(d) = &g.date {
        s.push(' ');
        s.push_str(d);
    }
    if g.status != Status::Signed {
        s.push_str(&format!(" ({})", g.status.as_str()));
    }
    s
}

fn country_name<'a>(opts: &'a DotOptions, code: &'a str) -> &'a str {
    opts.country_names
        .get(code)
        .map_or(code, String::as_str)
        .trim()
}

fn actor_tooltip(a: &ActorRecord, opts: &DotOptions) -> String {
    let name = clean(&a.label);
    let mut kind = type_label(a.kind).to_string();
    if let Some(c) = &a.country {
        let n = country_name(opts, c);
        if n == c {
            kind.push_str(&format!(" · {c}"));
        } else {
            kind.push_str(&format!(" · {} ({c})", clean(n)));
        }
    }
    let mut lines = vec![name.clone(), kind];
    let aliases: Vec<String> = a
        .aliases
        .iter()
        .map(|x| clean(x))
        .filter(|x| *x != name && !x.is_empty())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !aliases.is_empty() {
        let s = first_few(&aliases, 4, " more");
        lines.push(format!("also: {}", truncate(&s, TOOLTIP_MAX)));
    }
    let mut m = plural(a.mentions.len(), "mention");
    if a.discovered {
        m.push_str(" · found in the text, not in the gazetteer");
    }
    lines.push(m);
    lines.join("\n")
}

/// The first `n` items joined with commas, then `+K{more}` for the rest.
fn first_few(items: &[String], n: usize, more: &str) -> String {
    let mut s = items.iter().take(n).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > n {
        s.push_str(&format!(" +{}{more}", items.len() - n));
    }
    s
}

fn agreement_label(g: &AgreementRecord) -> String {
    let mut status = g.status.as_str().to_string();
    if let Some(d) = &g.date {
        status.push_str(&format!(" · {d}"));
    }
    let mut label = format!("{}\n{status}", crate::kind_label(g.agreement_kind));
    if !g.topics.is_empty() {
        let topics: Vec<String> = g.topics.iter().map(|t| clean(t)).collect();
        let t = first_few(&topics, 3, "");
        label.push('\n');
        label.push_str(&truncate(&t, 2 * WRAP));
    }
    label
}

/// Which actors sit on the right-hand side of the agreements column.
///
/// Actors are grouped by country (an actor without one is its own group), and
/// the groups split greedily so that as many ties as possible cross the middle:
/// a Swedish–Japanese agreement then reads Japan — MoU — Sweden.
fn right_side<'a>(
    actors: &[&'a ActorRecord],
    ties: &BTreeMap<(&str, &str), usize>,
) -> BTreeSet<&'a str> {
    let group_of = |a: &ActorRecord| match &a.country {
        Some(c) => format!("c:{c}"),
        None => format!("a:{}", a.id),
    };
    let by_id: BTreeMap<&str, String> = actors
        .iter()
        .map(|a| (a.id.as_str(), group_of(a)))
        .collect();
    let mut size: BTreeMap<&str, usize> = BTreeMap::new();
    for g in by_id.values() {
        *size.entry(g.as_str()).or_default() += 1;
    }
    let mut weight: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for (&(a, b), &n) in ties {
        let (Some(ga), Some(gb)) = (by_id.get(a), by_id.get(b)) else {
            continue;
        };
        if ga == gb {
            continue;
        }
        *weight.entry((ga.as_str(), gb.as_str())).or_default() += n;
        *weight.entry((gb.as_str(), ga.as_str())).or_default() += n;
        *degree.entry(ga.as_str()).or_default() += n;
        *degree.entry(gb.as_str()).or_default() += n;
    }
    let mut order: Vec<&str> = size.keys().copied().collect();
    order.sort_by_key(|g| {
        (
            std::cmp::Reverse(degree.get(g).copied().unwrap_or(0)),
            std::cmp::Reverse(size[g]),
            *g,
        )
    });
    let mut right: BTreeSet<&str> = BTreeSet::new();
    let mut left: BTreeSet<&str> = BTreeSet::new();
    let (mut nl, mut nr) = (0, 0);
    for g in order {
        // (over the groups tied to g, not over every group placed: a graph
        // of a million one-actor groups took hours)
        let to = |side: &BTreeSet<&str>| -> usize {
            weight
                .range((g, "")..)
                .take_while(|((a, _), _)| *a == g)
                .filter(|((_, h), _)| side.contains(h))
                .map(|(_, &n)| n)
                .sum()
        };
        let (wl, wr) = (to(&left), to(&right));
        let go_right = wl > wr || (wl == wr && nr < nl);
        if go_right {
            right.insert(g);
            nr += size[g];
        } else {
            left.insert(g);
            nl += size[g];
        }
    }
    actors
        .iter()
        .filter(|a| right.contains(group_of(a).as_str()))
        .map(|a| a.id.as_str())
        .collect()
}

fn node(id: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(DNode {
        id: NodeId(quote(id), None),
        attributes,
    })
}

fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quote(a), None)),
            Vertex::N(NodeId(quote(b), None)),
        ),
        attributes,
    })
}

fn subgraph(id: &str, stmts: Vec<Stmt>) -> Stmt {
    Stmt::Subgraph(Subgraph {
        id: quote(id),
        stmts,
    })
}

fn actor_node(a: &ActorRecord, opts: &DotOptions) -> Stmt {
    let (shape, fill) = style(a.kind);
    node(
        &a.id,
        vec![
            attr("label", &wrap(&clean(&a.label), WRAP)),
            attr("shape", shape),
            attr("style", actor_style(a.kind)),
            attr("fillcolor", fill),
            attr("tooltip", &actor_tooltip(a, opts)),
        ],
    )
}

fn agreement_node(g: &AgreementRecord) -> Stmt {
    let mut tip = clean(&g.label);
    let ev = evidence_line(g);
    if !ev.is_empty() {
        tip.push('\n');
        tip.push_str(&ev);
    }
    node(
        &g.id,
        vec![
            attr("label", &agreement_label(g)),
            attr("shape", "note"),
            attr("fillcolor", "#ffffff"),
            attr("fontsize", "10"),
            attr("tooltip", &tip),
        ]
        .into_iter()
        .chain(status_attrs(g.status))
        .collect(),
    )
}

/// What one view draws: actors, agreement nodes and edges, before layout.
struct View<'a> {
    actors: Vec<&'a ActorRecord>,
    agreements: Vec<&'a AgreementRecord>,
    edges: Vec<Stmt>,
    /// Actors with no edge that fixes their column.
    loose: BTreeSet<&'a str>,
    /// Statuses of the agreements drawn.
    statuses: BTreeSet<Status>,
    /// Agreements drawn or summarised on an edge.
    agreement_count: usize,
    /// Columns the layout uses (actors, agreements, actors).
    columns: usize,
}

fn default_view<'a>(kg: &'a KnowledgeGraph, actors: &[&'a ActorRecord]) -> View<'a> {
    let agreements: Vec<&AgreementRecord> = kg.agreements().collect();
    let known: BTreeSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    let mut ties = BTreeMap::new();
    for g in &agreements {
        let members: Vec<&str> = g
            .parties
            .iter()
            .chain(&g.signatories)
            .map(String::as_str)
            .filter(|p| known.contains(p))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                *ties.entry((members[i], members[j])).or_default() += 1;
            }
        }
    }
    let right = right_side(actors, &ties);
    let names: BTreeMap<&str, String> = kg.nodes().map(|n| (n.id(), clean(n.label()))).collect();
    let mut edges = Vec::new();
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    for (s, t, r) in kg.edges() {
        // left-hand actors point into the agreement, right-hand ones out of it,
        // so the agreement sits between its parties; no arrowheads either way
        let (from, to) = if right.contains(s) { (t, s) } else { (s, t) };
        let (what, mut attrs) = match r {
            Relation::PartyTo => ("party to", vec![attr("dir", "none")]),
            Relation::SignatoryOf => (
                "signed",
                vec![
                    attr("dir", "none"),
                    attr("style", "dashed"),
                    attr("label", "signed"),
                ],
            ),
            Relation::MemberOf => {
                let mut attrs = member_of_attrs();
                attrs.push(attr(
                    "tooltip",
                    &format!("{} is part of {}", names[s], names[t]),
                ));
                edges.push(edge(s, t, attrs));
                continue;
            }
            // partners_with is implied by the agreement nodes in this view
            Relation::PartnersWith(_) => continue,
        };
        placed.insert(s);
        attrs.push(attr(
            "tooltip",
            &format!("{} — {what} — {}", names[s], names[t]),
        ));
        edges.push(edge(from, to, attrs));
    }
    let loose = actors
        .iter()
        .map(|a| a.id.as_str())
        .filter(|id| right.contains(id) && !placed.contains(id))
        .collect();
    let statuses = agreements.iter().map(|g| g.status).collect();
    let columns = match (agreements.is_empty(), right.is_empty()) {
        (true, _) => 1,
        (false, true) => 2,
        (false, false) => 3,
    };
    View {
        actors: actors.to_vec(),
        agreement_count: agreements.len(),
        agreements,
        edges,
        loose,
        statuses,
        columns,
    }
}

/// The column of each actor in the collapsed view, left to right.
///
/// Actors with partners across the middle stand next to it; their partners
/// on the same side go one column further out (breadth first), and so on. A
/// group with no tie across is laid out from its best-connected actor.
fn columns<'a>(
    actors: &[&'a ActorRecord],
    pairs: &[(&'a str, &'a str, Vec<&AgreementRecord>)],
    right: &BTreeSet<&'a str>,
) -> BTreeMap<&'a str, usize> {
    let mut same: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut across: BTreeSet<&str> = BTreeSet::new();
    for &(s, t, _) in pairs {
        if right.contains(s) == right.contains(t) {
            same.entry(s).or_default().push(t);
            same.entry(t).or_default().push(s);
        } else {
            across.insert(s);
            across.insert(t);
        }
    }
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    let mut queue: std::collections::VecDeque<&str> = std::collections::VecDeque::new();
    let bfs = |depth: &mut BTreeMap<&'a str, usize>,
               queue: &mut std::collections::VecDeque<&'a str>| {
        while let Some(x) = queue.pop_front() {
            let d = depth[x];
            for &y in same.get(x).map_or(&[][..], Vec::as_slice) {
                if !depth.contains_key(y) {
                    depth.insert(y, d + 1);
                    queue.push_back(y);
                }
            }
        }
    };
    for &x in &across {
        depth.insert(x, 0);
        queue.push_back(x);
    }
    bfs(&mut depth, &mut queue);
    let mut rest: Vec<&str> = actors
        .iter()
        .map(|a| a.id.as_str())
        .filter(|x| !depth.contains_key(x))
        .collect();
    rest.sort_by_key(|x| (std::cmp::Reverse(same.get(x).map_or(0, Vec::len)), *x));
    for x in rest {
        if !depth.contains_key(x) {
            depth.insert(x, 0);
            queue.push_back(x);
            bfs(&mut depth, &mut queue);
        }
    }
    let left_width = depth
        .iter()
        .filter(|(x, _)| !right.contains(*x))
        .map(|(_, &d)| d)
        .max()
        .unwrap_or(0);
    depth
        .into_iter()
        .map(|(x, d)| {
            let col = if right.contains(x) {
                left_width + 1 + d
            } else {
                left_width - d
            };
            (x, col)
        })
        .collect()
}

fn collapsed_view<'a>(kg: &'a KnowledgeGraph, actors: &[&'a ActorRecord]) -> View<'a> {
    // partners are the parties of one agreement, taken pairwise: the same rule
    // as `partners_with`, read from the agreements themselves
    let known: BTreeSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    let mut by_pair: BTreeMap<(&str, &str), Vec<&AgreementRecord>> = BTreeMap::new();
    for n in kg.nodes() {
        let Node::Agreement(g) = n else {
            continue;
        };
        let ps: Vec<&str> = g
            .parties
            .iter()
            .map(String::as_str)
            .filter(|p| known.contains(p))
            .collect();
        for i in 0..ps.len() {
            for j in i + 1..ps.len() {
                by_pair.entry((ps[i], ps[j])).or_default().push(g);
            }
        }
    }
    let pairs: Vec<(&str, &str, Vec<&AgreementRecord>)> = by_pair
        .into_iter()
        .map(|((s, t), mut gs)| {
            gs.sort_by(|a, b| {
                (a.date.is_none(), &a.date, a.agreement_kind, &a.id).cmp(&(
                    b.date.is_none(),
                    &b.date,
                    b.agreement_kind,
                    &b.id,
                ))
            });
            (s, t, gs)
        })
        .collect();
    let shown: BTreeSet<&str> = pairs.iter().flat_map(|(s, t, _)| [*s, *t]).collect();
    let actors: Vec<&ActorRecord> = actors
        .iter()
        .copied()
        .filter(|a| shown.contains(a.id.as_str()))
        .collect();
    let ties = pairs.iter().map(|(s, t, g)| ((*s, *t), g.len())).collect();
    let right = right_side(&actors, &ties);
    let rank = columns(&actors, &pairs, &right);
    let by_id: BTreeMap<&str, &ActorRecord> = actors.iter().map(|a| (a.id.as_str(), *a)).collect();
    let mut edges = Vec::new();
    let mut drawn: BTreeSet<&str> = BTreeSet::new();
    let mut statuses = BTreeSet::new();
    for (s, t, gs) in &pairs {
        let (a, b) = (by_id[s], by_id[t]);
        let (from, to) = if rank[t] < rank[s] {
            (*t, *s)
        } else {
            (*s, *t)
        };
        let mut lines: Vec<String> = gs
            .iter()
            .take(EDGE_LINES)
            .map(|g| short_agreement(g))
            .collect();
        if gs.len() > EDGE_LINES {
            lines.push(format!("+{} more", gs.len() - EDGE_LINES));
        }
        let tip = std::iter::once(format!("{} — {}", clean(&a.label), clean(&b.label)))
            .chain(
                gs.iter()
                    .map(|g| format!("{}: {}", short_agreement(g), evidence_line(g))),
            )
            .collect::<Vec<_>>()
            .join("\n");
        // an edge within one column gets an external label: Graphviz puts an
        // ordinary one on such an edge wherever it finds room, often far off
        let label = if rank[s] == rank[t] {
            "xlabel"
        } else {
            "label"
        };
        let attrs = vec![
            attr("dir", "none"),
            attr(label, &lines.join("\n")),
            attr("penwidth", &(1 + gs.len()).min(MAX_PENWIDTH).to_string()),
            attr("tooltip", &tip),
            attr("labeltooltip", &tip),
        ];
        edges.push(edge(from, to, attrs));
        for g in gs {
            drawn.insert(g.id.as_str());
            statuses.insert(g.status);
        }
    }
    for (s, t, r) in kg.edges() {
        if *r == Relation::MemberOf && shown.contains(s) && shown.contains(t) {
            edges.push(edge(s, t, member_of_attrs()));
        }
    }
    // pin the columns (this needs `newrank`, as the columns cross clusters)
    let mut by_column: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (x, c) in &rank {
        by_column.entry(*c).or_default().push(x);
    }
    for ids in by_column.values() {
        let mut pin = vec![Stmt::Attribute(attr("rank", "same"))];
        pin.extend(ids.iter().map(|id| node(id, vec![])));
        edges.push(Stmt::Subgraph(Subgraph {
            id: Id::Anonymous(String::new()),
            stmts: pin,
        }));
    }
    View {
        actors,
        agreements: Vec::new(),
        edges,
        loose: BTreeSet::new(),
        statuses,
        agreement_count: drawn.len(),
        columns: by_column.len(),
    }
}

fn legend(view: &View, collapsed: bool) -> Option<Stmt> {
    let types: BTreeSet<ActorType> = view.actors.iter().map(|a| a.kind).collect();
    if types.is_empty() {
        return None;
    }
    let mut stmts = vec![
        Stmt::Attribute(attr("label", "Legend")),
        Stmt::Attribute(attr("fontsize", "9")),
        Stmt::Attribute(attr("fontcolor", "#666666")),
        Stmt::Attribute(attr("labeljust", "l")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#bbbbbb")),
        Stmt::Attribute(attr("margin", "6")),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontsize", "8"),
            attr("height", "0.2"),
            attr("width", "0.4"),
            attr("margin", "0.05,0.02"),
            attr("tooltip", "legend"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("style", "invis")])),
    ];
    let mut items: Vec<String> = types
        .iter()
        .map(|&t| {
            let id = format!("legend:type:{}", t.as_str());
            let (shape, fill) = style(t);
            stmts.push(node(
                &id,
                vec![
                    attr("label", type_label(t)),
                    attr("shape", shape),
                    attr("style", actor_style(t)),
                    attr("fillcolor", fill),
                ],
            ));
            id
        })
        .collect();
    if collapsed {
        let id = "legend:partners".to_string();
        stmts.push(node(
            &id,
            vec![
                attr("label", "line: partners\nwidth: no. of agreements"),
                attr("shape", "plaintext"),
                attr("style", "solid"),
            ],
        ));
        items.push(id);
    } else {
        let id = "legend:agreement".to_string();
        stmts.push(node(
            &id,
            vec![
                attr("label", "Agreement kind\nstatus · date\ntopics"),
                attr("shape", "note"),
                attr("style", "filled"),
                attr("fillcolor", "#ffffff"),
                attr("color", "#444444"),
            ],
        ));
        items.push(id);
        for &s in &view.statuses {
            let id = format!("legend:status:{}", s.as_str());
            let mut attrs = vec![
                attr("label", s.as_str()),
                attr("shape", "note"),
                attr("fillcolor", "#ffffff"),
            ];
            attrs.extend(status_attrs(s));
            stmts.push(node(&id, attrs));
            items.push(id);
        }
    }
    // a grid as wide as the diagram: each row a chain of invisible edges, so
    // its items fall in the diagram's own columns
    let width = view.columns.clamp(1, 3);
    for row in items.chunks(width) {
        stmts.extend(row.windows(2).map(|w| edge(&w[0], &w[1], vec![])));
    }
    Some(subgraph("cluster_legend", stmts))
}

/// The legend as one node holding a table, for the force-directed layouts,
/// which ignore clusters and would scatter the legend's nodes.
fn legend_table(view: &View, collapsed: bool) -> Option<Stmt> {
    let types: BTreeSet<ActorType> = view.actors.iter().map(|a| a.kind).collect();
    if types.is_empty() {
        return None;
    }
    let mut cells: Vec<String> = types
        .iter()
        .map(|&t| {
            let (shape, fill) = style(t);
            let rounded = if shape == "box" {
                " STYLE=\"rounded\""
            } else {
                ""
            };
            format!(
                "<TD BORDER=\"1\" COLOR=\"#666666\" BGCOLOR=\"{fill}\"{rounded}>{}</TD>",
                type_label(t)
            )
        })
        .collect();
    if collapsed {
        cells.push("<TD>line: partners, width: no. of agreements</TD>".into());
    } else {
        for &s in &view.statuses {
            let look = status_look(s);
            let (border, style) = match look.line {
                "dashed" => (2, " STYLE=\"dashed\""),
                "dotted" => (2, " STYLE=\"dotted\""),
                "double" => (3, ""),
                _ => ((look.width.round() as u32).max(1), ""),
            };
            cells.push(format!(
                "<TD BORDER=\"{border}\" COLOR=\"{}\"{style}>agreement {}</TD>",
                look.colour,
                s.as_str()
            ));
        }
    }
    let table = format!(
        "<<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"5\" CELLPADDING=\"3\" STYLE=\"rounded\"><TR><TD><FONT COLOR=\"#666666\">Legend</FONT></TD>{}</TR></TABLE>>",
        cells.concat()
    );
    Some(node(
        "legend",
        vec![
            Attribute(Id::Plain("label".into()), Id::Html(table)),
            attr("shape", "plaintext"),
            attr("style", "solid"),
            attr("fontsize", "9"),
            attr("tooltip", "legend"),
        ],
    ))
}

/// How a `member_of` edge is drawn in both views.
fn member_of_attrs() -> Vec<Attribute> {
    vec![
        attr("style", "dotted"),
        attr("label", "part of"),
        attr("arrowhead", "empty"),
        attr("constraint", "false"),
    ]
}

/// "pactgraph 0.1.0 · 6 actors · 3 agreements", or, when fewer are drawn than
/// the graph holds, "13 of 22 actors · 9 of 30 agreements drawn (top 13 by
/// degree)".
fn caption(view: &View, opts: &DotOptions) -> String {
    let (a, g) = (view.actors.len(), view.agreement_count);
    let counts = match opts.totals {
        Some((ta, tg)) if ta > a || tg > g => {
            let part = |n: usize, total: usize, word: &str| {
                if total > n {
                    format!("{n} of {}", plural(total, word))
                } else {
                    plural(n, word)
                }
            };
            let mut s = format!(
                "{} · {} drawn",
                part(a, ta, "actor"),
                part(g, tg, "agreement")
            );
            if let Some(c) = opts.cut.as_deref().filter(|c| !c.is_empty()) {
                s.push_str(&format!(" ({c})"));
            }
            s
        }
        _ => format!("{} · {}", plural(a, "actor"), plural(g, "agreement")),
    };
    format!("pactgraph {} · {counts}", env!("CARGO_PKG_VERSION"))
}

/// The program `opts.layout` means for this view.
fn program(view: &View, opts: &DotOptions) -> Layout {
    match opts.layout {
        Layout::Auto if view.actors.len() + view.agreements.len() > AUTO_DOT_MAX => Layout::Sfdp,
        Layout::Auto => Layout::Dot,
        l => l,
    }
}

/// Builds the DOT graph structure.
pub fn build(kg: &KnowledgeGraph, opts: &DotOptions) -> Graph {
    let actors: Vec<&ActorRecord> = kg.actors().collect();
    let mut view = if opts.collapse_agreements {
        collapsed_view(kg, &actors)
    } else {
        default_view(kg, &actors)
    };
    let layout = program(&view, opts);
    let layered = layout == Layout::Dot;
    if !layered {
        // rank pins mean nothing to the force-directed programs
        view.edges.retain(|e| !matches!(e, Stmt::Subgraph(_)));
    }

    let mut label = String::new();
    if let Some(t) = opts.title.as_deref().map(clean).filter(|t| !t.is_empty()) {
        label.push_str(&t);
        label.push('\n');
    }
    label.push_str(&caption(&view, opts));
    let mut graph_attrs = if layered {
        vec![
            attr("rankdir", "LR"),
            attr("splines", "true"),
            attr("nodesep", "0.3"),
            attr("ranksep", "0.9"),
        ]
    } else {
        vec![
            attr("layout", layout.as_str()),
            attr("overlap", "prism"),
            attr("overlap_scaling", "2"),
            attr("sep", "+8"),
            attr("splines", "false"),
            attr("pack", "true"),
        ]
    };
    graph_attrs.extend([
        attr("pad", "0.3"),
        attr("outputorder", "edgesfirst"),
        attr("fontname", FONT),
        attr("fontsize", "12"),
        attr("fontcolor", "#333333"),
        attr("label", &label),
        attr("labelloc", "t"),
        attr("labeljust", "l"),
        attr("tooltip", "pactgraph"),
    ]);
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", FONT),
            attr("fontsize", "11"),
            attr("style", "filled"),
            attr("color", "#666666"),
            attr("penwidth", "0.8"),
            attr("margin", "0.12,0.06"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", FONT),
            attr("fontsize", "9"),
            attr("fontcolor", "#555555"),
            attr("color", "#777777"),
            attr("arrowsize", "0.6"),
        ])),
    ];
    if opts.collapse_agreements && layered {
        // the collapsed view pins columns across clusters
        stmts.push(Stmt::Attribute(attr("newrank", "true")));
    }

    // the legend first: Graphviz then puts it at the bottom
    if opts.legend {
        let l = if layered {
            legend(&view, opts.collapse_agreements)
        } else {
            legend_table(&view, opts.collapse_agreements)
        };
        stmts.extend(l);
    }
    // actors, in country clusters when asked
    let mut clusters: BTreeMap<&str, Vec<&ActorRecord>> = BTreeMap::new();
    for a in &view.actors {
        match &a.country {
            // only dot draws clusters
            Some(c) if opts.clusters && layered => clusters.entry(c.as_str()).or_default().push(a),
            _ => stmts.push(actor_node(a, opts)),
        }
    }
    for (code, members) in &clusters {
        let mut body = vec![
            Stmt::Attribute(attr("label", &clean(country_name(opts, code)))),
            Stmt::Attribute(attr("style", "rounded,filled")),
            Stmt::Attribute(attr("fillcolor", "#f4f6f9")),
            Stmt::Attribute(attr("color", "#c9d0d9")),
            Stmt::Attribute(attr("fontsize", "10")),
            Stmt::Attribute(attr("fontcolor", "#555555")),
            Stmt::Attribute(attr("labeljust", "l")),
            Stmt::Attribute(attr("margin", "10")),
        ];
        body.extend(members.iter().map(|a| actor_node(a, opts)));
        // an actor with no agreement of its own stays in its cluster's column
        let anchor = members
            .iter()
            .find(|a| !view.loose.contains(a.id.as_str()))
            .map(|a| a.id.as_str());
        if let Some(anchor) = anchor {
            for a in members
                .iter()
                .filter(|a| view.loose.contains(a.id.as_str()))
            {
                body.push(edge(
                    anchor,
                    &a.id,
                    vec![attr("style", "invis"), attr("minlen", "0")],
                ));
            }
        }
        stmts.push(subgraph(&format!("cluster_{code}"), body));
    }
    stmts.extend(view.agreements.iter().map(|g| agreement_node(g)));
    stmts.extend(view.edges);
    Graph::DiGraph {
        id: quote("pactgraph"),
        strict: false,
        stmts,
    }
}

/// DOT text.
pub fn to_string(kg: &KnowledgeGraph, opts: &DotOptions) -> String {
    let mut s = build(kg, opts).print(&mut PrinterContext::default());
    s.push('\n');
    s
}

/// The error for a failed `dot` run: a missing program says how to get it.
fn exec_error(e: std::io::Error, format: ImageFormat) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound {
        Error::Export(format!(
            "cannot render {}: the Graphviz `dot` program was not found. Install Graphviz \
             (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; \
             others: https://graphviz.org/download/), or use `--format dot`, which writes \
             the DOT text and needs no Graphviz",
            format.as_str().to_uppercase()
        ))
    } else {
        Error::Export(format!(
            "Graphviz `dot` failed to render {}: {}",
            format.as_str().to_uppercase(),
            e.to_string().trim()
        ))
    }
}

/// Renders the diagram by running Graphviz `dot` (via graphviz-rust's `exec`).
/// Warnings (a PNG shrunk to stay under Graphviz's pixel limit) are dropped;
/// [`render_checked`] returns them.
///
/// # Errors
/// As [`render_checked`].
pub fn render(kg: &KnowledgeGraph, opts: &DotOptions, format: ImageFormat) -> Result<Vec<u8>> {
    render_checked(kg, opts, format).map(|r| r.bytes)
}

/// A rendered diagram and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The SVG or PNG.
    pub bytes: Vec<u8>,
    /// E.g. that the picture was too big for 144 dpi and was drawn smaller.
    pub warnings: Vec<String>,
}

/// The size of the laid-out diagram in inches, from Graphviz's `plain` output
/// (its first line is `graph SCALE WIDTH HEIGHT`).
fn plain_size(plain: &str) -> Option<(f64, f64)> {
    let mut w = plain.lines().next()?.split_whitespace();
    if w.next()? != "graph" {
        return None;
    }
    let scale: f64 = w.next()?.parse().ok()?;
    let (x, y): (f64, f64) = (w.next()?.parse().ok()?, w.next()?.parse().ok()?);
    Some((x * scale, y * scale))
}

/// The resolution a PNG of `inches` can have within [`MAX_PIXELS`], at most
/// `PNG_DPI`, and a warning when it had to be lowered.
fn fit_dpi((w, h): (f64, f64), actors: usize) -> (u32, Option<String>) {
    let side = w.max(h) + 1.0; // the pad, and Graphviz's rounding
    if side * f64::from(PNG_DPI) <= MAX_PIXELS {
        return (PNG_DPI, None);
    }
    let dpi = ((MAX_PIXELS / side).floor() as u32).clamp(1, PNG_DPI);
    let advice = "draw fewer actors with --top N (e.g. --top 60) or --max-nodes N, or use --format svg or html";
    let msg = if dpi < MIN_DPI {
        format!(
            "the diagram of {} is {:.0}×{:.0} inches: past Graphviz's 32,767-pixel limit even at {MIN_DPI} dpi, so it is drawn at {dpi} dpi and its text cannot be read; {advice}",
            plural(actors, "actor"), w, h
        )
    } else {
        format!(
            "the diagram of {} is {:.0}×{:.0} inches: at {PNG_DPI} dpi it would pass Graphviz's 32,767-pixel limit, so it is drawn at {dpi} dpi (small text); {advice}",
            plural(actors, "actor"), w, h
        )
    };
    (dpi, Some(msg))
}

/// Renders the diagram by running Graphviz `dot`. A PNG is laid out first
/// (`-Tplain`) to learn its size: one that would pass Graphviz's 32,767-pixel
/// limit (which otherwise cuts it to a strip) is drawn at a lower resolution,
/// with a warning.
///
/// # Errors
/// [`Error::Export`] when `dot` is missing (the message says how to install it,
/// and that `--format dot` works without it) or fails.
pub fn render_checked(
    kg: &KnowledgeGraph,
    opts: &DotOptions,
    format: ImageFormat,
) -> Result<Rendered> {
    let graph = build(kg, opts);
    let mut warnings = Vec::new();
    let mut args = vec![CommandArg::Format(match format {
        ImageFormat::Svg => Format::Svg,
        ImageFormat::Png => Format::Png,
    })];
    let actors = kg.actors().count();
    if actors > CROWDED && opts.cut.is_none() {
        warnings.push(format!(
            "{actors} actors in one picture are hard to read; --top 60 (or --max-nodes N) draws the most central ones, and --format html gives a view to search and filter"
        ));
    }
    if format == ImageFormat::Png {
        let plain = graphviz_rust::exec(
            graph.clone(),
            &mut PrinterContext::default(),
            vec![CommandArg::Format(Format::Plain)],
        )
        .map_err(|e| exec_error(e, format))?;
        let size = plain_size(&String::from_utf8_lossy(&plain)).ok_or_else(|| {
            Error::Export("Graphviz `dot -Tplain` gave no graph size".to_string())
        })?;
        let (dpi, warning) = fit_dpi(size, actors);
        warnings.extend(warning);
        args.push(CommandArg::Custom(format!("-Gdpi={dpi}")));
    }
    let bytes = graphviz_rust::exec(graph, &mut PrinterContext::default(), args)
        .map_err(|e| exec_error(e, format))?;
    Ok(Rendered { bytes, warnings })
}

/// Renders a DOT graph already built (the partner view's undirected one, see
/// [`super::partners::dot_graph`]), as [`render`] does.
///
/// # Errors
/// As [`render`].
pub fn render_graph(graph: Graph, format: ImageFormat) -> Result<Vec<u8>> {
    let mut args = vec![CommandArg::Format(match format {
        ImageFormat::Svg => Format::Svg,
        ImageFormat::Png => Format::Png,
    })];
    if format == ImageFormat::Png {
        args.push(CommandArg::Custom(format!("-Gdpi={PNG_DPI}")));
    }
    graphviz_rust::exec(graph, &mut PrinterContext::default(), args)
        .map_err(|e| exec_error(e, format))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn escaped(s: &str) -> String {
        match quote(s) {
            Id::Escaped(s) => s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn quotes_escape_quotes_and_backslashes() {
        assert_eq!(escaped("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        // Graphviz escapes in text stay text
        assert_eq!(escaped(r"\N\l\G"), r#""\\N\\l\\G""#);
        // carriage returns go, other control characters become spaces
        assert_eq!(escaped("a\r\nb\u{1}c\td"), "\"a\\nb c d\"");
    }

    #[test]
    fn names_are_cleaned_wrapped_and_cut() {
        assert_eq!(clean(" Two\nLines\r\n\tInc\u{7} "), "Two Lines Inc");
        assert_eq!(
            wrap("Mitsubishi Corporation", WRAP),
            "Mitsubishi Corporation"
        );
        assert_eq!(
            wrap("Japan External Trade Organization", WRAP),
            "Japan External\nTrade Organization"
        );
        assert_eq!(
            wrap("日本電池リサイクル技術研究組合連合会", WRAP),
            "日本電池リサイクル\n技術研究組合連合会"
        );
        // CJK counts double: eight characters are sixteen columns, no wrap
        assert_eq!(wrap("東洋電池株式会社", WRAP), "東洋電池株式会社");
        // one long word is left whole
        let word = "Donaudampfschifffahrtsgesellschaft";
        assert_eq!(wrap(word, WRAP), word);
        assert_eq!(truncate("short", 10), "short");
        let cut = truncate(&"word ".repeat(100), TOOLTIP_MAX);
        assert!(
            cut.ends_with("word…") && cut.chars().count() <= TOOLTIP_MAX,
            "{cut}"
        );
    }

    #[test]
    fn a_missing_dot_says_how_to_install_it() {
        let e = exec_error(
            std::io::Error::from(std::io::ErrorKind::NotFound),
            ImageFormat::Png,
        );
        let m = e.to_string();
        assert!(matches!(e, Error::Export(_)));
        for s in [
            "apt-get install graphviz",
            "brew install graphviz",
            "https://graphviz.org/download/",
            "--format dot",
        ] {
            assert!(m.contains(s), "{m}");
        }
        let e = exec_error(
            std::io::Error::other("Error: syntax error"),
            ImageFormat::Svg,
        );
        assert!(e.to_string().contains("syntax error"), "{e}");
    }

    #[test]
    fn defaults_and_determinism() {
        let o = DotOptions::default();
        assert!(o.legend && o.clusters && !o.collapse_agreements && o.title.is_none());
        let p = Pipeline::embedded();
        let a = p.extract(&Document::new(
            "a",
            "JOGMEC and Mitsubishi Corporation signed a memorandum of understanding on 3 May 2025.",
        ));
        let b = p.extract(&Document::new(
            "b",
            "Business Sweden and JETRO are negotiating a cooperation agreement.",
        ));
        for collapse in [false, true] {
            let o = DotOptions {
                collapse_agreements: collapse,
                ..Default::default()
            };
            let x = to_string(&KnowledgeGraph::from_fragments([&a, &b]), &o);
            let y = to_string(&KnowledgeGraph::from_fragments([&b, &a]), &o);
            assert_eq!(x, y);
            assert!(
                x.contains("rankdir=\"LR\"") && x.contains("IPAGothic"),
                "{x}"
            );
        }
    }

    #[test]
    fn a_picture_past_the_pixel_limit_is_drawn_smaller_with_a_warning() {
        assert_eq!(plain_size("graph 1 12.5 3\nnode a ..."), Some((12.5, 3.0)));
        assert_eq!(plain_size("digraph"), None);
        assert_eq!(fit_dpi((12.5, 3.0), 9), (PNG_DPI, None));
        // 900 inches tall: 144 dpi would be 129,600 pixels
        let (dpi, w) = fit_dpi((20.0, 900.0), 645);
        assert_eq!(dpi, 36);
        let w = w.unwrap_or_default();
        assert!(w.contains("645 actors") && w.contains("--top"), "{w}");
        assert!(f64::from(dpi) * 901.0 <= MAX_PIXELS);
        let (dpi, w) = fit_dpi((20.0, 5000.0), 3000);
        assert_eq!(dpi, 6);
        assert!(w.unwrap_or_default().contains("cannot be read"));
    }

    #[test]
    fn auto_layout_is_dot_for_small_graphs_and_sfdp_for_large() {
        let kg = crate::export::awkward_graph("Boliden", &[]);
        let small = to_string(&kg, &DotOptions::default());
        assert!(
            small.contains("rankdir=\"LR\"") && !small.contains("sfdp"),
            "{small}"
        );
        let forced = to_string(
            &kg,
            &DotOptions {
                layout: Layout::Sfdp,
                ..Default::default()
            },
        );
        assert!(forced.contains("layout=\"sfdp\"") && forced.contains("overlap=\"prism\""));
        assert!(!forced.contains("rankdir") && !forced.contains("cluster_SE"));
    }

    #[test]
    fn the_caption_says_what_was_cut() {
        let kg = crate::export::awkward_graph("Boliden", &[]);
        let o = DotOptions {
            totals: Some((22, 30)),
            cut: Some("top 4 by degree".into()),
            ..Default::default()
        };
        let text = to_string(&kg, &o);
        assert!(
            text.contains("4 of 22 actors · 2 of 30 agreements drawn (top 4 by degree)"),
            "{text}"
        );
        let same = DotOptions {
            totals: Some((4, 2)),
            ..Default::default()
        };
        assert!(to_string(&kg, &same).contains("· 4 actors · 2 agreements"));
    }

    #[test]
    fn each_status_looks_different() {
        let looks: BTreeSet<String> = STATUSES
            .iter()
            .map(|&s| format!("{:?}", status_attrs(s)))
            .collect();
        assert_eq!(looks.len(), STATUSES.len());
        let colours: BTreeSet<&str> = STATUSES.iter().map(|&s| status_look(s).colour).collect();
        assert_eq!(colours.len(), STATUSES.len());
    }

    #[test]
    fn sides_put_countries_across_the_middle() {
        let p = Pipeline::embedded();
        let f = p.extract(&Document::new(
            "a",
            "Business Sweden and JETRO are negotiating a cooperation agreement. \
             Boliden signed a supply agreement with Epiroc.",
        ));
        let kg = KnowledgeGraph::from_fragments([&f]);
        let actors: Vec<&ActorRecord> = kg.actors().collect();
        let ties = [(("actor:business_sweden", "actor:jetro"), 1)].into();
        let right = right_side(&actors, &ties);
        // Sweden (three actors, one tie) and Japan (one) end up on opposite sides
        let se = ["actor:boliden", "actor:business_sweden", "actor:epiroc"];
        assert_ne!(
            right.contains("actor:jetro"),
            right.contains("actor:business_sweden")
        );
        assert!(se
            .iter()
            .all(|x| right.contains(x) == right.contains(se[0])));
    }
}
