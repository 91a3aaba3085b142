//! Embeds every `rules/**/*.toml` into the binary, so the built-in rules are data that ships with it.
use std::{
    env, fs,
    path::{Path, PathBuf},
};

/// Every `.toml` under `dir` (rules/providers, rules/generic, rules/formats), depth first.
fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for e in fs::read_dir(dir).expect("rules/ directory").filter_map(|e| e.ok()) {
        let p = e.path();
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") && p.file_name().is_some_and(|n| n != "vocabulary.toml") {
            // vocabulary.toml holds word lists the rules share (src/rules/vocabulary.rs embeds it).
            out.push(p);
        }
    }
}

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("rules");
    let mut files = Vec::new();
    toml_files(&dir, &mut files);
    files.sort();
    let mut out = String::from("pub static BUILTIN_RULE_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
        out.push_str(&format!("    ({name:?}, include_str!({:?})),\n", f.display().to_string()));
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_rules.rs"), out).unwrap();
}
