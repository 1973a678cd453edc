//! The `pactgraph` command: argument parsing and printing only; the work is in the library.

mod cli;

// Extraction allocates many small short-lived values per document; mimalloc
// handles that pattern faster than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    match cli::run() {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            // a closed pipe (`pactgraph extract ... | head`) is not an error
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                std::process::exit(0);
            }
            eprintln!("pactgraph: error: {}", message(&e));
            std::process::exit(2);
        }
    }
}

/// The error and its causes, joined by ": ", each cause said once: a file
/// error already ends with the system's reason ("x.tsv: No such file or
/// directory (os error 2)"), which is also its cause.
fn message(e: &anyhow::Error) -> String {
    let mut msg = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !msg.ends_with(&text) {
            if !msg.is_empty() {
                msg.push_str(": ");
            }
            msg.push_str(&text);
        }
    }
    msg
}
