//! The Graphviz export checked by the `dot` program itself: the DOT of the
//! sample text and of awkward names is accepted in both views, SVG and PNG
//! rendering carry the text, and the legend, cluster and collapsed-view options
//! do what they say (read back from Graphviz's own JSON).
//!
//! Graphviz is required: a missing `dot` fails these tests, it never skips them.

use pactgraph::export::dot::{self, DotOptions, ImageFormat};
use pactgraph::fragment::{ActorRecord, AgreementRecord, Evidence, Fragment};
use pactgraph::graph::KnowledgeGraph;
use pactgraph::lexicon::{Kind, Status};
use pactgraph::{ActorType, Document, Gazetteer, Pipeline};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

const SAMPLE: &str = "JOGMEC and Mitsubishi Corporation signed a memorandum of understanding on battery recycling on 3 May 2025. Business Sweden and JETRO are negotiating a cooperation agreement. Boliden signed a supply agreement with Epiroc.";

fn sample() -> KnowledgeGraph {
    let f = Pipeline::embedded().extract(&Document::new("sample", SAMPLE));
    KnowledgeGraph::from_fragments([&f])
}

/// Country names as the CLI fills them: the gazetteer's countries and the EU.
fn country_names() -> BTreeMap<String, String> {
    Gazetteer::embedded()
        .entities()
        .iter()
        .filter(|e| e.kind == ActorType::Country || e.id == "eu")
        .filter_map(|e| Some((e.country.clone()?, e.name.clone())))
        .collect()
}

fn opts(collapse: bool) -> DotOptions {
    DotOptions {
        collapse_agreements: collapse,
        country_names: country_names(),
        title: Some("sample.txt".into()),
        ..Default::default()
    }
}

fn actor(id: &str, label: &str, kind: ActorType, country: Option<&str>) -> ActorRecord {
    ActorRecord {
        id: format!("actor:{id}"),
        label: label.into(),
        kind,
        country: country.map(Into::into),
        discovered: false,
        aliases: [label.into(), format!("{label} (alias)").into()].into(),
        mentions: Vec::new(),
        member_of: Vec::new(),
    }
}

/// The id of the agreement whose label starts with `label`.
fn agreement_id_of(kg: &KnowledgeGraph, label: &str) -> String {
    kg.nodes()
        .find(|n| n.label().starts_with(label))
        .map(|n| n.id().to_string())
        .unwrap_or_else(|| panic!("no agreement labelled {label}"))
}

fn agreement(
    n: usize,
    (agreement_kind, status, date): (Kind, Status, Option<&str>),
    parties: &[&str],
    signatories: &[&str],
    text: &str,
) -> AgreementRecord {
    let ids = |xs: &[&str]| xs.iter().map(|x| format!("actor:{x}")).collect();
    let mut g = AgreementRecord {
        id: pactgraph::graph::agreement_id(agreement_kind, date, &ids(parties)),
        label: format!("Agreement {n}: {}", parties.join(" – ")),
        agreement_kind,
        status,
        date: date.map(Into::into),
        topics: if n == 1 {
            [
                "batteries".to_string(),
                "\"closed\" loop \\ recycling".into(),
            ]
            .into()
        } else {
            Default::default()
        },
        parties: ids(parties),
        signatories: ids(signatories),
        evidence: vec![Evidence {
            doc: "hand\\made \"doc\"".into(),
            sentence: 0,
            start: 0,
            end: text.len() as u32,
            char_start: 0,
            char_end: text.chars().count() as u32,
            text: text.into(),
            rule: "between".into(),
            date: date.map(Into::into),
            status,
            topics: Default::default(),
            signatories: ids(signatories),
        }],
    };
    // the evidence carries what its document reported: the graph is built from it
    g.evidence[0].topics = g.topics.clone();
    g
}

/// Names that need escaping: quotes, backslashes, Graphviz escapes (`\N`,
/// `\G`, `\l`, `\n` as text), a real line break, record-label characters,
/// Swedish letters, Japanese (one name long enough to wrap), a country code
/// with a quote and a backslash.
fn awkward() -> KnowledgeGraph {
    use ActorType::*;
    let mut anna = actor("anna", "Anna \"Nisse\" Öberg", Person, Some("SE"));
    anna.member_of = vec!["actor:orebro".into()];
    let actors = vec![
        anna,
        actor(
            "inject",
            r"Inject \N \G \l \n <b>{x}|y</b>",
            Organization,
            None,
        ),
        actor(
            "jp_long",
            "日本電池リサイクル技術研究組合連合会",
            Organization,
            Some("JP"),
        ),
        actor("lines", "Two\nLines\r\nInc", Company, None),
        actor("odd", "Odd Country Co", Company, Some("X\"Y\\Z")),
        actor(
            "orebro",
            "Örebro Återvinning och Ängelholms Batteriåtervinning AB",
            Company,
            Some("SE"),
        ),
        actor("quote", "Quote \"Co\" \\ Ltd", Company, Some("US")),
        actor("toyo", "東洋電池株式会社", Company, Some("JP")),
    ];
    let signed = |d| (Kind::Mou, Status::Signed, d);
    let agreements = vec![
        agreement(
            1,
            signed(Some("2025-05-03")),
            &["quote", "toyo"],
            &["anna"],
            "Quote \"Co\" \\ Ltd and 東洋電池 signed\nan MoU (\\N).",
        ),
        agreement(
            2,
            (Kind::Cooperation, Status::Negotiating, None),
            &["inject", "jp_long", "orebro"],
            &[],
            "Three are negotiating.",
        ),
        agreement(
            3,
            (Kind::Partnership, Status::Planned, Some("2026")),
            &["orebro", "toyo"],
            &[],
            "Planned.",
        ),
        agreement(
            4,
            (Kind::JointVenture, Status::Announced, Some("2025-06")),
            &["inject", "quote"],
            &[],
            "Announced.",
        ),
        agreement(
            5,
            (Kind::Offtake, Status::Signed, None),
            &["quote", "toyo"],
            &[],
            &"Long. ".repeat(100),
        ),
        agreement(
            6,
            (Kind::Investment, Status::Signed, None),
            &["lines", "odd", "orebro"],
            &[],
            "Invested.",
        ),
    ];
    let f = Fragment {
        doc: "hand".into(),
        lang: None,
        date: None,
        actors,
        agreements,
        url: None,
    };
    KnowledgeGraph::from_fragments([&f])
}

fn awkward_opts(collapse: bool) -> DotOptions {
    let mut o = opts(collapse);
    o.country_names
        .insert("X\"Y\\Z".into(), "Odd \"Land\" \\N".into());
    o.title = Some("in\\put \"1\"\n.txt".into());
    o
}

/// Runs the real `dot` on `input` and returns its output; fails (with how to
/// install Graphviz) when the program is missing, and on any error or warning.
fn graphviz(input: &str, format: &str) -> Vec<u8> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "these tests need the Graphviz `dot` program ({e}): \
                 apt-get install graphviz / brew install graphviz / https://graphviz.org/download/"
            )
        });
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "dot -T{format} complained: {stderr}\n{input}"
    );
    out.stdout
}

/// What Graphviz parsed: node names by cluster, edges as (tail, head, attributes).
struct Parsed {
    clusters: BTreeMap<String, (String, BTreeSet<String>)>,
    nodes: BTreeSet<String>,
    edges: Vec<(String, String, Value)>,
}

fn parse(input: &str) -> Parsed {
    let v: Value = serde_json::from_slice(&graphviz(input, "json0")).unwrap();
    let objects = v["objects"].as_array().unwrap();
    let name = |i: &Value| {
        objects[i.as_u64().unwrap() as usize]["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut clusters = BTreeMap::new();
    let mut nodes = BTreeSet::new();
    for o in objects {
        let n = o["name"].as_str().unwrap().to_string();
        if let Some(members) = o["nodes"].as_array() {
            let label = o["label"].as_str().unwrap_or_default().to_string();
            clusters.insert(n, (label, members.iter().map(name).collect()));
        } else {
            nodes.insert(n);
        }
    }
    let edges = v["edges"]
        .as_array()
        .map(|es| {
            es.iter()
                .map(|e| (name(&e["tail"]), name(&e["head"]), e.clone()))
                .collect()
        })
        .unwrap_or_default();
    Parsed {
        clusters,
        nodes,
        edges,
    }
}

/// The text of the SVG's `<text>` elements.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].to_string())
        })
        .collect()
}

#[test]
fn graphviz_accepts_the_sample_in_both_views() {
    let kg = sample();
    for collapse in [false, true] {
        let text = dot::to_string(&kg, &opts(collapse));
        let svg = String::from_utf8(graphviz(&text, "svg")).unwrap();
        let texts = svg_texts(&svg).join("\n");
        for name in [
            "JOGMEC",
            "Business Sweden",
            "Epiroc",
            "Japan",
            "Sweden",
            "Legend",
        ] {
            assert!(texts.contains(name), "{name} missing in\n{texts}");
        }
        assert!(texts.contains("sample.txt"), "{texts}");
        assert!(
            texts.contains("6 actors · 3 agreements"),
            "the caption counts what is drawn: {texts}"
        );
        // deterministic
        assert_eq!(text, dot::to_string(&sample(), &opts(collapse)));
        // and an empty graph is still a diagram
        let empty = dot::to_string(&KnowledgeGraph::default(), &opts(collapse));
        graphviz(&empty, "svg");
    }
}

#[test]
fn the_agreement_view_draws_agreements_between_their_parties() {
    let p = parse(&dot::to_string(&sample(), &opts(false)));
    let agreements: Vec<&String> = p
        .nodes
        .iter()
        .filter(|n| n.starts_with("agreement:"))
        .collect();
    assert_eq!(agreements.len(), 3);
    let party_edges: Vec<_> = p
        .edges
        .iter()
        .filter(|(t, h, _)| !t.starts_with("legend:") && !h.starts_with("legend:"))
        .collect();
    assert_eq!(party_edges.len(), 6, "one edge per party");
    for (t, h, e) in &party_edges {
        assert!(
            t.starts_with("agreement:") != h.starts_with("agreement:"),
            "{t} -> {h}"
        );
        assert_eq!(e["dir"], "none", "party_to edges have no arrowheads");
    }
    // the Swedish–Japanese cooperation sits between JETRO and Business Sweden
    let tail_of = |head: &str| p.edges.iter().find(|e| e.1 == head).map(|e| e.0.clone());
    let head_of = |tail: &str| p.edges.iter().find(|e| e.0 == tail).map(|e| e.1.clone());
    let coop = head_of("actor:jetro");
    assert!(
        coop.is_some() && coop == tail_of("actor:business_sweden"),
        "{coop:?}"
    );
}

#[test]
fn awkward_names_are_escaped_and_graphviz_shows_them_as_written() {
    let kg = awkward();
    for collapse in [false, true] {
        let text = dot::to_string(&kg, &awkward_opts(collapse));
        // a backslash is always doubled, so `\N`, `\G`, `\l` stay text; the
        // one line break is the wrap's
        assert!(
            text.contains(r#"label="Inject \\N \\G \\l\n\\n <b>{x}|y</b>""#),
            "{text}"
        );
        assert!(text.contains(r#"Quote \"Co\" \\ Ltd"#), "{text}");
        assert!(!text.contains('\r'));
        let svg = String::from_utf8(graphviz(&text, "svg")).unwrap();
        let texts = svg_texts(&svg);
        let all = texts.join("\n");
        for expected in [
            "Quote &quot;Co&quot; \\ Ltd",
            "Two Lines Inc",
            "東洋電池株式会社",
            "日本電池リサイクル",
            "技術研究組合連合会",
            "Örebro Återvinning och",
            "Ängelholms Batteriåtervinning AB",
            "Odd &quot;Land&quot; \\N",
            "in\\put &quot;1&quot; .txt",
        ] {
            assert!(all.contains(expected), "{expected:?} not drawn in\n{all}");
        }
        // no escape was expanded by Graphviz: the lines are exactly the name's
        // halves, and node names (`actor:...`) never appear as text
        assert!(texts.iter().any(|t| t == r"Inject \N \G \l"), "{all}");
        assert!(
            texts.iter().any(|t| t == r"\n &lt;b&gt;{x}|y&lt;/b&gt;"),
            "{all}"
        );
        assert!(!all.contains("actor:"), "{all}");
    }
}

#[test]
fn awkward_names_get_their_clusters() {
    let p = parse(&dot::to_string(&awkward(), &awkward_opts(false)));
    let names = |c: &str| p.clusters[c].1.iter().cloned().collect::<Vec<_>>();
    assert_eq!(names("cluster_JP"), ["actor:jp_long", "actor:toyo"]);
    assert_eq!(names("cluster_SE"), ["actor:anna", "actor:orebro"]);
    assert_eq!(names("cluster_US"), ["actor:quote"]);
    // DOT unescapes only `\"` in names, so the doubled backslash stays doubled;
    // the label is an escString, drawn with one (checked in the SVG above)
    let odd = "cluster_X\"Y\\\\Z";
    assert_eq!(names(odd), ["actor:odd"]);
    assert_eq!(p.clusters[odd].0, "Odd \"Land\" \\\\N");
    // actors without a country and agreements stay outside every cluster
    let clustered: BTreeSet<&String> = p.clusters.values().flat_map(|c| &c.1).collect();
    for n in ["actor:inject", "actor:lines"] {
        assert!(p.nodes.contains(n) && !clustered.contains(&n.to_string()));
    }
    assert!(!clustered.iter().any(|n| n.starts_with("agreement:")));
    // the signatory and member_of edges
    let edge = |a: &str, b: &str| {
        p.edges
            .iter()
            .find(|(t, h, _)| (t == a && h == b) || (t == b && h == a))
            .map(|e| e.2.clone())
            .unwrap_or_else(|| panic!("no edge {a} {b}"))
    };
    let signed = edge("actor:anna", &agreement_id_of(&awkward(), "Agreement 1:"));
    assert_eq!(
        (signed["style"].as_str(), signed["label"].as_str()),
        (Some("dashed"), Some("signed"))
    );
    let member = edge("actor:anna", "actor:orebro");
    assert_eq!(
        (member["style"].as_str(), member["label"].as_str()),
        (Some("dotted"), Some("part of"))
    );
}

#[test]
fn rendering_gives_svg_with_the_text_and_png() {
    let kg = awkward();
    for collapse in [false, true] {
        let svg = dot::render(&kg, &awkward_opts(collapse), ImageFormat::Svg).unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.starts_with("<?xml"), "{svg}");
        let texts = svg_texts(&svg).join("\n");
        for s in ["東洋電池株式会社", "Örebro Återvinning och", "Ängelholms"] {
            assert!(texts.contains(s), "{s} missing in\n{texts}");
        }
        // the signatory is drawn only with the agreements
        assert_eq!(
            texts.contains("Anna &quot;Nisse&quot; Öberg"),
            !collapse,
            "{texts}"
        );
        let png = dot::render(&kg, &awkward_opts(collapse), ImageFormat::Png).unwrap();
        assert!(
            png.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{:?}",
            &png[..png.len().min(16)]
        );
    }
    // tooltips: type, country, aliases and mentions for actors; the evidence,
    // cut to size, for agreements
    let svg =
        String::from_utf8(dot::render(&sample(), &opts(false), ImageFormat::Svg).unwrap()).unwrap();
    assert!(svg.contains("Government body · Japan (JP)"), "{svg}");
    assert!(svg.contains("also: JETRO"), "{svg}");
    assert!(
        svg.contains("“Boliden signed a supply agreement with Epiroc.” (sample)"),
        "{svg}"
    );
    let text = dot::to_string(&awkward(), &awkward_opts(false));
    let long = text
        .lines()
        .find(|l| {
            l.contains(&format!(
                "{}\"[",
                agreement_id_of(&awkward(), "Agreement 5:")
            ))
        })
        .unwrap();
    assert!(
        long.contains("Long. Long.") && long.contains("…") && long.len() < 700,
        "{long}"
    );
}

#[test]
fn legend_and_clusters_follow_the_options() {
    let kg = sample();
    let all = parse(&dot::to_string(&kg, &opts(false)));
    assert!(all.clusters.contains_key("cluster_legend"));
    assert!(all.clusters.contains_key("cluster_JP") && all.clusters.contains_key("cluster_SE"));
    assert_eq!(all.clusters["cluster_JP"].0, "Japan");
    let legend = &all.clusters["cluster_legend"];
    assert_eq!(legend.0, "Legend");
    assert_eq!(
        legend.1.iter().cloned().collect::<Vec<_>>(),
        [
            "legend:agreement",
            "legend:status:negotiating",
            "legend:status:signed",
            "legend:type:company",
            "legend:type:government",
            "legend:type:organization",
        ],
        "one sample per actor type and status present"
    );
    // the legend is not connected to the graph
    for (t, h, _) in &all.edges {
        assert_eq!(
            t.starts_with("legend:"),
            h.starts_with("legend:"),
            "{t} -> {h}"
        );
    }

    let bare = DotOptions {
        legend: false,
        clusters: false,
        ..opts(false)
    };
    let none = parse(&dot::to_string(&kg, &bare));
    assert!(none.clusters.is_empty(), "{:?}", none.clusters.keys());
    assert!(!none.nodes.iter().any(|n| n.starts_with("legend:")));
    assert_eq!(
        none.nodes.len(),
        9,
        "the same actors and agreements: {:?}",
        none.nodes
    );

    // without names, clusters are labelled with the code
    let codes = DotOptions {
        country_names: BTreeMap::new(),
        legend: false,
        ..opts(false)
    };
    let p = parse(&dot::to_string(&kg, &codes));
    assert_eq!(p.clusters["cluster_JP"].0, "JP");
    assert!(!p.clusters.contains_key("cluster_legend"));
}

#[test]
fn the_collapsed_view_has_one_edge_per_partner_pair_and_no_agreements() {
    let kg = awkward();
    let p = parse(&dot::to_string(&kg, &awkward_opts(true)));
    assert!(
        !p.nodes.iter().any(|n| n.starts_with("agreement:")),
        "{:?}",
        p.nodes
    );
    // Anna only signed: not a partner, not drawn
    assert!(!p.nodes.contains("actor:anna"));
    let mut pairs = BTreeMap::new();
    for (t, h, e) in &p.edges {
        if t.starts_with("legend:") {
            continue;
        }
        assert_eq!(e["dir"], "none");
        let key = if t < h {
            (t.clone(), h.clone())
        } else {
            (h.clone(), t.clone())
        };
        assert!(
            pairs.insert(key, e.clone()).is_none(),
            "two edges for {t} {h}"
        );
    }
    let expected: BTreeSet<(String, String)> = [
        ("inject", "jp_long"),
        ("inject", "orebro"),
        ("jp_long", "orebro"),
        ("inject", "quote"),
        ("orebro", "toyo"),
        ("quote", "toyo"),
        ("lines", "odd"),
        ("lines", "orebro"),
        ("odd", "orebro"),
    ]
    .iter()
    .map(|(a, b)| (format!("actor:{a}"), format!("actor:{b}")))
    .collect();
    assert_eq!(pairs.keys().cloned().collect::<BTreeSet<_>>(), expected);
    // edges within a column carry an external label
    let label = |e: &Value| {
        let l = e["label"].as_str().filter(|l| !l.is_empty());
        l.or(e["xlabel"].as_str()).unwrap_or_default().to_string()
    };
    let two = &pairs[&("actor:quote".to_string(), "actor:toyo".to_string())];
    assert_eq!(two["penwidth"], "3", "1 + two agreements");
    assert_eq!(label(two), "MoU 2025-05-03\\nOfftake", "{two}");
    let one = &pairs[&("actor:inject".to_string(), "actor:quote".to_string())];
    assert_eq!(one["penwidth"], "2");
    assert_eq!(label(one), "Joint venture 2025-06 (announced)");
    assert!(
        one["tooltip"].as_str().unwrap().contains("“Announced.”"),
        "{one}"
    );

    // the sample: three pairs, three edges
    let s = parse(&dot::to_string(&sample(), &opts(true)));
    let real: Vec<_> = s
        .edges
        .iter()
        .filter(|(t, _, _)| !t.starts_with("legend:"))
        .collect();
    assert_eq!(real.len(), 3);
    assert_eq!(
        s.nodes.iter().filter(|n| n.starts_with("actor:")).count(),
        6
    );
    assert!(s.clusters.contains_key("cluster_legend"));
}

#[test]
fn the_collapsed_view_keeps_partners_that_are_also_parent_and_child() {
    // JETRO is part of METI: the graph has a member_of edge on the pair, and the
    // partnership still gets its line
    let f = Pipeline::embedded().extract(&Document::new(
        "m",
        "METI signed a memorandum of cooperation with JETRO on 5 May 2025.",
    ));
    let kg = KnowledgeGraph::from_fragments([&f]);
    let p = parse(&dot::to_string(&kg, &opts(true)));
    let between: Vec<&Value> = p
        .edges
        .iter()
        .filter(|(t, h, _)| {
            let mut x = [t.as_str(), h.as_str()];
            x.sort();
            x == ["actor:jetro", "actor:meti"]
        })
        .map(|e| &e.2)
        .collect();
    assert_eq!(between.len(), 2, "{between:?}");
    assert!(between
        .iter()
        .any(|e| e["style"] == "dotted" && e["label"] == "part of"));
    assert!(between.iter().any(|e| {
        e["penwidth"] == "2" && (e["label"] == "MoC 2025-05-05" || e["xlabel"] == "MoC 2025-05-05")
    }));
}
