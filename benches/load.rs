//! Load time of the shipped gazetteers: reading the TSV files into a
//! `Gazetteer`, and building the matcher over every alias and its variants.
//! `cargo bench --bench load` prints the median and the fastest of 30 runs
//! (the target is under 50 ms for both together).

use pactgraph::matcher::Matcher;
use pactgraph::Gazetteer;
use std::time::{Duration, Instant};

// as in the binary
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let runs = 30;
    let (mut load, mut build) = (Vec::new(), Vec::new());
    let mut aliases = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let g = Gazetteer::embedded();
        load.push(t.elapsed());
        let t = Instant::now();
        let m = Matcher::new(&g);
        build.push(t.elapsed());
        aliases = g.entities().iter().map(|e| e.aliases.len()).sum();
        std::hint::black_box(m);
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let total: Vec<Duration> = load.iter().zip(&build).map(|(a, b)| *a + *b).collect();
    for (what, v) in [
        ("gazetteer", &mut load),
        ("matcher", &mut build),
        ("both", &mut total.clone()),
    ] {
        v.sort();
        println!(
            "{what:<10} median {:6.2} ms   fastest {:6.2} ms",
            ms(v[v.len() / 2]),
            ms(v[0])
        );
    }
    println!(
        "{} entities' {aliases} aliases, {runs} runs",
        Gazetteer::embedded().len()
    );
}
