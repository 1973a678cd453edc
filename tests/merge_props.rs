//! Property tests: merging is associative and commutative. Shards of the test
//! corpus, cut anywhere and merged in any order and grouping (through their JSON,
//! as `pactgraph merge` does), give the graph of one run, byte for byte.

use pactgraph::export::json;
use pactgraph::graph::GraphBuilder;
use pactgraph::{Document, Fragment, Pipeline};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn fragments() -> &'static (Vec<Fragment>, String) {
    static F: OnceLock<(Vec<Fragment>, String)> = OnceLock::new();
    F.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/docs");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let p = Pipeline::embedded();
        let frags: Vec<Fragment> = paths
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).unwrap();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                p.extract(&Document::new(name, text))
            })
            .collect();
        let mut b = GraphBuilder::new();
        for f in &frags {
            b.add_fragment(f.clone());
        }
        let whole = json::to_string(&b.build());
        (frags, whole)
    })
}

/// A shard written out as graph JSON and read back, as `merge` sees it.
fn shard(frags: &[&Fragment]) -> GraphBuilder {
    let mut b = GraphBuilder::new();
    for f in frags {
        b.add_fragment((*f).clone());
    }
    let text = json::to_string(&b.build());
    json::read("shard.json", &text).unwrap()
}

fn merged(parts: Vec<GraphBuilder>) -> String {
    let mut all = GraphBuilder::new();
    for p in parts {
        all.merge(p);
    }
    json::to_string(&all.build())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn shards_in_any_order_equal_one_run(
        order in Just((0..33usize).collect::<Vec<_>>()).prop_shuffle(),
        cuts in proptest::collection::btree_set(1..33usize, 0..5),
    ) {
        let (frags, whole) = fragments();
        prop_assume!(frags.len() == 33);
        let mut parts = Vec::new();
        let mut start = 0;
        for c in cuts.iter().copied().chain([33]) {
            let piece: Vec<&Fragment> = order[start..c].iter().map(|&i| &frags[i]).collect();
            parts.push(shard(&piece));
            start = c;
        }
        prop_assert_eq!(&merged(parts), whole);
    }

    #[test]
    fn grouping_does_not_matter(
        order in Just((0..33usize).collect::<Vec<_>>()).prop_shuffle(),
        a in 1..31usize,
        len in 1..20usize,
    ) {
        let (frags, whole) = fragments();
        let b = (a + len).min(32);
        let pick = |r: std::ops::Range<usize>| -> Vec<&Fragment> {
            order[r].iter().map(|&i| &frags[i]).collect()
        };
        let (x, y, z) = (pick(0..a), pick(a..b), pick(b..33));
        // (x + y) + z, written out in between
        let xy = merged(vec![shard(&x), shard(&y)]);
        let left = merged(vec![json::read("xy", &xy).unwrap(), shard(&z)]);
        // x + (y + z)
        let yz = merged(vec![shard(&y), shard(&z)]);
        let right = merged(vec![shard(&x), json::read("yz", &yz).unwrap()]);
        prop_assert_eq!(&left, whole);
        prop_assert_eq!(&right, whole);
    }
}

/// "two loan agreements" between the same parties are two nodes in the graph,
/// and stay two through graph JSON and `merge`; the same statement in another
/// document reports the same two agreements, not two more.
#[test]
fn counted_agreements_are_nodes_of_their_own_through_merge() {
    let p = Pipeline::embedded();
    let text = "Sweden and the Asian Development Bank signed two loan agreements on Tuesday.";
    let a = p.extract(&Document::new("a", text.to_string()));
    let b = p.extract(&Document::new("b", text.to_string()));
    let count = |g: &pactgraph::graph::KnowledgeGraph| g.agreements().count();
    let mut one = GraphBuilder::new();
    one.add_fragment(a.clone());
    let g = one.build();
    assert_eq!(count(&g), 2, "{}", json::to_string(&g));
    let back = json::read("one.json", &json::to_string(&g)).unwrap();
    let mut both = GraphBuilder::new();
    both.merge(back);
    both.add_fragment(b);
    let g = both.build();
    assert_eq!(count(&g), 2, "{}", json::to_string(&g));
}
