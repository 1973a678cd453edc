//! The `pactgraph` command: argument parsing and printing only; the work is in the library.

mod cli;

// Extraction allocates many small short-lived values per document; mimalloc
// handles that pattern faster than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    remove_temp_files_on_signals();
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

/// On SIGINT or SIGTERM, removes the temp files of unfinished `-o` outputs and
/// exits with 128 + the signal's number (130, 143), as a shell reports a run
/// ended by the signal. SIGKILL cannot be caught: the next write to the same
/// output removes what such a run left (see `pactgraph::export::temp`).
#[cfg(unix)]
fn remove_temp_files_on_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    match signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) {
        Ok(mut signals) => {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // held until exit: no temp file can be made or renamed after this
                    let _halted = pactgraph::export::temp::remove_live();
                    std::process::exit(128 + signal);
                }
            });
        }
        Err(e) => eprintln!(
            "pactgraph: warning: cannot catch SIGINT and SIGTERM ({e}); an interrupted run may leave a temp file beside its output"
        ),
    }
}

#[cfg(not(unix))]
fn remove_temp_files_on_signals() {}
