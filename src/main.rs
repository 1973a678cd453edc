//! The `pactgraph` command: argument parsing and printing only; the work is in the library.

mod cli;

// Extraction allocates many small short-lived values per document; mimalloc
// handles that pattern faster than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h (v3, the version the crate builds):
/// the bindings name the options around it but not this one.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() {
    // Memory freed is given back to the system after 0.1 s rather than
    // mimalloc v3's default second: a long document's window records are
    // freed as they are combined, and kept for a second they raised the
    // peak of 100 MB of repeated agreement sentences from 965 to 1,086 MiB.
    // At 0 (at once) the peak was 929 MiB, but the madvise calls cost 3 s
    // of system time on 100 MB of prose; at 100 ms they cost nothing
    // measurable (see BENCHMARKS.md).
    // SAFETY: sets an option the allocator reads on every purge; any value
    // is valid for it.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 100) };
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

#[cfg(test)]
mod tests {
    use super::MI_OPTION_PURGE_DELAY;

    #[test]
    fn the_purge_delay_index_names_mimallocs_purge_delay() {
        // of mimalloc v3's options only the purge delay defaults to 1000 ms
        // (unless the environment sets it)
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none()
            && std::env::var_os("MIMALLOC_RESET_DELAY").is_none()
        {
            assert_eq!(
                unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
                1000
            );
        }
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            0
        );
    }
}
