//! Embeds every `gazetteers/actors/*.tsv` and `gazetteers/lang/*.toml` file, in
//! file-name order, so that adding a data file needs no code change.
use std::{env, fs, path::Path};

fn embed(dir: &str, ext: &str, out: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files: Vec<_> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    let mut code = String::from("[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    code.push(']');
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join(out), code).unwrap();
}

fn main() {
    embed("gazetteers/actors", "tsv", "embedded_actors.rs");
    embed("gazetteers/lang", "toml", "embedded_lang.rs");
}
