//! Corpus runs: documents streamed from [`Inputs`](crate::input::Inputs) through
//! the pipeline on N threads, results handed back in input order, so the output
//! does not depend on the number of threads. Only a bounded number of documents
//! is in flight at once: memory is bounded by the graph, not the corpus.

use crate::error::Error;
use crate::extract::NotAgreement;
use crate::fragment::Fragment;
use crate::input::{Document, Item};
use crate::Pipeline;
use std::collections::BTreeMap;

/// What happened to one input, in input order.
#[derive(Debug)]
pub enum Outcome {
    /// A document was extracted.
    Done {
        /// The result.
        fragment: Box<Fragment>,
        /// Negated or cancelled agreements (only with `explain`).
        not: Vec<NotAgreement>,
        /// The document (only with `explain`, for printing evidence).
        doc: Option<Document>,
        /// Input bytes this covered.
        bytes: u64,
        /// Text bytes extracted.
        text_bytes: u64,
        /// Sentences cut at [`crate::segment::MAX_SENTENCE_BYTES`].
        cut_sentences: usize,
    },
    /// An input could not be used; the run goes on.
    Failed(Error, u64),
    /// A note for the user.
    Note(String),
}

/// Options of a run.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Worker threads (1 = extract on the calling thread).
    pub jobs: usize,
    /// Keep negated agreements and the document, for `--explain`.
    pub explain: bool,
}

/// Extracts one document: the fragment, (with `explain`) its negated
/// agreements, the number of sentences cut for their length, and (with
/// `explain`) the document given back; without it the document is consumed,
/// so that a long text is freed as soon as it has been read.
type ExtractFn<'a> =
    dyn Fn(Document, bool) -> (Fragment, Vec<NotAgreement>, usize, Option<Document>) + Sync + 'a;

fn work(extract: &ExtractFn<'_>, item: Item, explain: bool, doc_date: Option<&str>) -> Outcome {
    match item {
        Item::Doc(mut d, bytes) => {
            if d.date.is_none() {
                d.date = doc_date.map(str::to_string);
            }
            let text_bytes = d.text.len() as u64;
            let id = d.id.clone();
            // a bug that panics on one document costs that document, not the run
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(d, explain)));
            match result {
                Ok((fragment, not, cut_sentences, doc)) => Outcome::Done {
                    fragment: Box::new(fragment),
                    not,
                    doc,
                    bytes,
                    text_bytes,
                    cut_sentences,
                },
                Err(panic) => Outcome::Failed(
                    Error::input(
                        id.as_str(),
                        format!(
                            "internal error while extracting ({}); the document was skipped, please report it with the file",
                            panic_message(&*panic)
                        ),
                    ),
                    bytes,
                ),
            }
        }
        Item::Failed(e, b) => Outcome::Failed(e, b),
        Item::Note(n) => Outcome::Note(n),
    }
}

/// The message a panic was raised with (a `&str` or `String` payload).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// Runs the pipeline over `inputs`, calling `sink` with each outcome in input
/// order. `doc_date` is the date for documents that bring none. A document
/// whose extraction panics is a [`Outcome::Failed`] naming it; the run goes on.
pub fn run<I, F>(p: &Pipeline, inputs: I, opts: RunOptions, doc_date: Option<&str>, sink: F)
where
    I: Iterator<Item = Item> + Send,
    F: FnMut(Outcome),
{
    let extract = |d: Document, explain: bool| {
        if explain {
            let (fragment, not, cut) = p.analyze_counting_cuts(&d);
            (fragment, not, cut, Some(d))
        } else {
            let (fragment, _, cut) = p.analyze_owned(d);
            (fragment, Vec::new(), cut, None)
        }
    };
    run_with(&extract, inputs, opts, doc_date, sink);
}

fn run_with<I, F>(
    extract: &ExtractFn<'_>,
    inputs: I,
    opts: RunOptions,
    doc_date: Option<&str>,
    mut sink: F,
) where
    I: Iterator<Item = Item> + Send,
    F: FnMut(Outcome),
{
    if opts.jobs <= 1 {
        for item in inputs {
            sink(work(extract, item, opts.explain, doc_date));
        }
        return;
    }
    let jobs = opts.jobs;
    let (work_tx, work_rx) = crossbeam_channel::bounded::<(u64, Item)>(jobs * 8);
    let (done_tx, done_rx) = crossbeam_channel::bounded::<(u64, Outcome)>(jobs * 8);
    std::thread::scope(|s| {
        s.spawn(move || {
            for (seq, item) in (0u64..).zip(inputs) {
                if work_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..jobs {
            let rx = work_rx.clone();
            let tx = done_tx.clone();
            s.spawn(move || {
                for (seq, item) in rx {
                    if tx
                        .send((seq, work(extract, item, opts.explain, doc_date)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        drop(work_rx);
        // hand results back in input order
        let mut next = 0u64;
        let mut pending: BTreeMap<u64, Outcome> = BTreeMap::new();
        for (seq, out) in done_rx {
            pending.insert(seq, out);
            while let Some(o) = pending.remove(&next) {
                sink(o);
                next += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Item;

    fn items() -> Vec<Item> {
        (0..40)
            .map(|i| {
                Item::Doc(
                    Document::new(
                        format!("d{i}"),
                        format!(
                            "Boliden signed a supply agreement with Epiroc on {} May 2025.",
                            i % 28 + 1
                        ),
                    ),
                    10,
                )
            })
            .collect()
    }

    #[test]
    fn threads_keep_input_order_and_results() {
        let p = Pipeline::embedded();
        let mut one = Vec::new();
        run(
            &p,
            items().into_iter(),
            RunOptions {
                jobs: 1,
                explain: false,
            },
            None,
            |o| {
                if let Outcome::Done { fragment, .. } = o {
                    one.push(*fragment)
                }
            },
        );
        let mut three = Vec::new();
        run(
            &p,
            items().into_iter(),
            RunOptions {
                jobs: 3,
                explain: false,
            },
            None,
            |o| {
                if let Outcome::Done { fragment, .. } = o {
                    three.push(*fragment)
                }
            },
        );
        assert_eq!(one.len(), 40);
        assert_eq!(one, three);
    }

    /// Issue 17: a document whose extraction panics is reported by name and
    /// skipped; the documents after it are still extracted, on one thread or many.
    #[test]
    fn issue17_a_panicking_document_is_skipped() {
        let p = Pipeline::embedded();
        let extract = |d: Document, _: bool| {
            if d.id == "d7" {
                panic!("boom in d7");
            }
            (p.extract(&d), Vec::new(), 0, None)
        };
        for jobs in [1, 3] {
            let (mut done, mut failed) = (Vec::new(), Vec::new());
            run_with(
                &extract,
                items().into_iter(),
                RunOptions {
                    jobs,
                    explain: false,
                },
                None,
                |o| match o {
                    Outcome::Done { fragment, .. } => done.push(fragment.doc.to_string()),
                    Outcome::Failed(e, _) => failed.push(e.to_string()),
                    Outcome::Note(_) => {}
                },
            );
            assert_eq!(done.len(), 39, "jobs {jobs}");
            assert!(!done.contains(&"d7".to_string()));
            assert_eq!(failed.len(), 1);
            assert!(
                failed[0].starts_with("d7: internal error") && failed[0].contains("boom in d7"),
                "{}",
                failed[0]
            );
        }
    }
}
