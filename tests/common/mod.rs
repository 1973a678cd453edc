//! Helpers shared by the integration tests.

use std::path::Path;
use std::process::Command;

/// Runs `python3 tests/consumers/SCRIPT ARGS...` and fails the test, with the
/// script's output, unless it succeeds (the scripts exit non-zero when a
/// consumer is missing: nothing is skipped).
pub fn run_consumer(script: &str, args: &[&Path]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/consumers")
        .join(script);
    let out = Command::new("python3")
        .arg(&script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let shown: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
    assert!(
        out.status.success(),
        "{} {} failed ({}):\n{stdout}\n{stderr}",
        script.display(),
        shown.join(" "),
        out.status
    );
    println!("{stdout}");
}
