//! `pactgraph._pactgraph`: the Python bindings' native half. It passes JSON
//! text, not Python objects: fragments and graphs are serialised here by the
//! same code as the CLI's (so `dumps` gives the CLI's bytes), and parsed on the
//! Python side with `json.loads` (see `pysrc/pactgraph/__init__.py`).

use pactgraph::corpus::{Outcome, RunOptions};
use pactgraph::export::{graphml, json};
use pactgraph::gazetteer::Gazetteer;
use pactgraph::input::{Document, Item};
use pactgraph::{Fragment, Lexicon, Pipeline};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyUserWarning};
use pyo3::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;

create_exception!(
    pactgraph,
    PactgraphError,
    PyException,
    "A pactgraph error; its message is the one the CLI prints after `pactgraph: error: ` (or `skipping `)."
);

fn err(e: impl std::fmt::Display) -> PyErr {
    PactgraphError::new_err(e.to_string())
}

/// The gazetteers as `pactgraph extract --gazetteer ... [--no-default-gazetteers]`
/// loads them, with the CLI's messages (`src/cli/mod.rs`, `load_gazetteer`).
fn load_gazetteer(paths: &[PathBuf], default_gazetteers: bool) -> Result<Gazetteer, String> {
    let mut b = Gazetteer::builder();
    if default_gazetteers {
        b.add_embedded();
    }
    for p in paths {
        b.add_file(p).map_err(|e| e.to_string())?;
    }
    let g = b.build().map_err(|e| {
        format!("the gazetteers have errors (run `pactgraph gazetteer check` on your files): {e}")
    })?;
    if g.is_empty() {
        return Err(
            "no gazetteer entries: give --gazetteer PATH, or drop --no-default-gazetteers".into(),
        );
    }
    Ok(g)
}

/// A document's date as a JSONL `date` is read: the first ten characters
/// (an ISO 8601 timestamp's day), as `yyyy-mm-dd`.
fn document_date(d: &str) -> Result<String, String> {
    let day = d.get(..10).unwrap_or(d);
    pactgraph::dates::Date::parse(day)
        .map(|x| x.to_string())
        .ok_or_else(|| {
            format!("doc_date {d:?} is not a date; give yyyy-mm-dd (or an ISO 8601 timestamp)")
        })
}

/// Gazetteers, languages and compiled automata, loaded once and reused.
#[pyclass(frozen, module = "pactgraph._pactgraph")]
struct Extractor {
    pipeline: Pipeline,
}

impl Extractor {
    /// Extracts one document as the CLI does (`pactgraph::corpus::run`: a
    /// panic is an error naming the document), warning of cut sentences.
    fn run(&self, py: Python<'_>, doc: Document) -> PyResult<Fragment> {
        let p = &self.pipeline;
        let outcome = py.detach(move || {
            let mut out = None;
            pactgraph::corpus::run(
                p,
                std::iter::once(Item::Doc(doc, 0)),
                RunOptions {
                    jobs: 1,
                    explain: false,
                },
                None,
                |o| {
                    if !matches!(o, Outcome::Note(_)) {
                        out = Some(o);
                    }
                },
            );
            out
        });
        match outcome {
            Some(Outcome::Done {
                fragment,
                cut_sentences,
                ..
            }) => {
                if cut_sentences > 0 {
                    let msg = format!(
                        "{}: {cut_sentences} sentences longer than {} bytes were cut at whitespace; the rules read each piece alone",
                        fragment.doc,
                        pactgraph::segment::MAX_SENTENCE_BYTES
                    );
                    let cat = py.get_type::<PyUserWarning>();
                    PyErr::warn(py, &cat, &std::ffi::CString::new(msg)?, 1)?;
                }
                Ok(*fragment)
            }
            Some(Outcome::Failed(e, _)) => Err(err(e)),
            _ => Err(err("internal error: the document gave no result")),
        }
    }

    fn jsonl(&self, py: Python<'_>, line: &str, name: &str, line_no: usize) -> PyResult<Fragment> {
        let doc = pactgraph::input::jsonl_document(name, line_no, line.as_bytes()).map_err(err)?;
        self.run(py, doc)
    }
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteers = Vec::new(), default_gazetteers = true))]
    fn new(py: Python<'_>, gazetteers: Vec<PathBuf>, default_gazetteers: bool) -> PyResult<Self> {
        let g = py
            .detach(|| load_gazetteer(&gazetteers, default_gazetteers))
            .map_err(err)?;
        Ok(Extractor {
            pipeline: Pipeline::new(g, Lexicon::embedded()),
        })
    }

    /// Number of gazetteer entries loaded.
    #[getter]
    fn gazetteer_size(&self) -> usize {
        self.pipeline.gazetteer().entities().len()
    }

    /// One text's fragment, as the JSON line `extract --format jsonl` writes.
    #[pyo3(signature = (text, doc_id = None, doc_date = None, lang = None, url = None))]
    fn extract_json(
        &self,
        py: Python<'_>,
        text: String,
        doc_id: Option<String>,
        doc_date: Option<String>,
        lang: Option<String>,
        url: Option<String>,
    ) -> PyResult<String> {
        let mut doc = Document::new(doc_id.unwrap_or_else(|| "-".into()), text);
        doc.date = doc_date
            .as_deref()
            .map(document_date)
            .transpose()
            .map_err(err)?;
        doc.lang = lang.map(|l| l.to_ascii_lowercase());
        doc.url = url;
        let f = self.run(py, doc)?;
        serde_json::to_string(&f).map_err(err)
    }

    /// One JSONL line (`{"id", "text", "date"?, "lang"?, "url"?}`) read as
    /// `extract` reads line `line_no` of file `name`; its fragment as JSON.
    #[pyo3(signature = (line, name = "-", line_no = 1))]
    fn extract_jsonl(
        &self,
        py: Python<'_>,
        line: &str,
        name: &str,
        line_no: usize,
    ) -> PyResult<String> {
        let f = self.jsonl(py, line, name, line_no)?;
        serde_json::to_string(&f).map_err(err)
    }

    /// Extracts a JSONL line straight into `builder` (no JSON in between);
    /// returns the document id.
    #[pyo3(signature = (builder, line, name = "-", line_no = 1))]
    fn extract_jsonl_into(
        &self,
        py: Python<'_>,
        mut builder: PyRefMut<'_, GraphBuilder>,
        line: &str,
        name: &str,
        line_no: usize,
    ) -> PyResult<String> {
        let f = self.jsonl(py, line, name, line_no)?;
        let id = f.doc.clone();
        builder.add(f)?;
        Ok(id)
    }
}

/// Fragments and graphs merged into one graph (associative and commutative).
#[pyclass(module = "pactgraph._pactgraph")]
#[derive(Default)]
struct GraphBuilder {
    builder: pactgraph::graph::GraphBuilder,
    fragment_docs: HashSet<String>,
}

impl GraphBuilder {
    fn add(&mut self, f: Fragment) -> PyResult<()> {
        if !self.fragment_docs.insert(f.doc.clone()) {
            return Err(err(format!(
                "{}: an earlier document has the same id; give each document its own id",
                f.doc
            )));
        }
        self.builder.add_fragment(f);
        Ok(())
    }

    fn build(&self) -> pactgraph::graph::KnowledgeGraph {
        self.builder.clone().build()
    }
}

#[pymethods]
impl GraphBuilder {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Adds a fragment (one JSON object with `doc`) or a graph (node-link JSON
    /// written by pactgraph); `name` is used in errors.
    #[pyo3(signature = (text, name = "<graph>"))]
    fn add_json(&mut self, py: Python<'_>, text: &str, name: &str) -> PyResult<()> {
        let is_fragment =
            serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.get("doc").is_some());
        if is_fragment {
            let f: Fragment = serde_json::from_str(text)
                .map_err(|e| err(format!("{name}: not a pactgraph fragment ({e})")))?;
            self.add(f)
        } else {
            let b = py.detach(|| json::read(name, text)).map_err(err)?;
            self.builder.merge(b);
            Ok(())
        }
    }

    /// The builder's exact state (internal JSON, not the contract): a partial
    /// merge to ship between processes; unlike a graph's JSON it keeps every
    /// report's own label, so merging states is exactly merging fragments.
    fn to_state(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| serde_json::to_string(&self.builder))
            .map_err(err)
    }

    /// Adds a state from [`GraphBuilder::to_state`].
    fn add_state(&mut self, py: Python<'_>, state: &str) -> PyResult<()> {
        let b: pactgraph::graph::GraphBuilder = py
            .detach(|| serde_json::from_str(state))
            .map_err(|e| err(format!("<state>: not a pactgraph builder state ({e})")))?;
        self.builder.merge(b);
        Ok(())
    }

    /// Number of documents merged in.
    #[getter]
    fn document_count(&self) -> usize {
        self.builder.document_count()
    }

    /// The graph as `pactgraph extract`/`merge` write it (`--format json`).
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| json::to_string(&self.build()))
    }

    /// The graph as `--format graphml` writes it.
    fn to_graphml(&self, py: Python<'_>) -> String {
        py.detach(|| graphml::to_string(&self.build()))
    }
}

/// Fragments and graphs (JSON texts) merged; the graph as the CLI writes it.
#[pyfunction]
fn merge_json(py: Python<'_>, items: Vec<String>) -> PyResult<String> {
    let mut b = GraphBuilder::default();
    for (i, text) in items.iter().enumerate() {
        b.add_json(py, text, &format!("<graph {}>", i + 1))?;
    }
    Ok(b.to_json(py))
}

/// Two builder states merged into one (for `treeReduce`).
#[pyfunction]
fn merge_states(py: Python<'_>, a: &str, b: &str) -> PyResult<String> {
    let mut m = GraphBuilder::default();
    m.add_state(py, a)?;
    m.add_state(py, b)?;
    m.to_state(py)
}

/// A fragment (JSON) as the CLI writes it (`--format jsonl`, one line).
#[pyfunction]
fn fragment_json(text: &str) -> PyResult<String> {
    let f: Fragment = serde_json::from_str(text)
        .map_err(|e| err(format!("<fragment>: not a pactgraph fragment ({e})")))?;
    serde_json::to_string(&f).map_err(err)
}

/// HTML stripped to text as `extract` reads `.html` files.
#[pyfunction]
fn html_to_text(py: Python<'_>, html: &str) -> String {
    py.detach(|| pactgraph::input::html_to_text(html))
}

#[pymodule]
fn _pactgraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("PactgraphError", m.py().get_type::<PactgraphError>())?;
    m.add("SCHEMA_VERSION", json::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Extractor>()?;
    m.add_class::<GraphBuilder>()?;
    m.add_function(wrap_pyfunction!(merge_json, m)?)?;
    m.add_function(wrap_pyfunction!(merge_states, m)?)?;
    m.add_function(wrap_pyfunction!(fragment_json, m)?)?;
    m.add_function(wrap_pyfunction!(html_to_text, m)?)?;
    Ok(())
}
