//! Shared helpers: run the binary, make fake secrets.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use rand::{Rng, SeedableRng};

/// The binary with a fixed fingerprint key and its own empty user directories (config, state, cache),
/// so that no test reads or writes the real user's files.
pub fn leakhound() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_leakhound"));
    let home = user_home();
    c.env_remove("LEAKHOUND_WEBHOOK_SECRET")
        .env("LEAKHOUND_FINGERPRINT_KEY", "leakhound test suite key")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    c
}

/// One home directory for this test process's runs of the binary.
pub fn user_home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("temp home")).path()
}

pub fn run(args: &[&str]) -> Output {
    leakhound().args(args).output().expect("run leakhound")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Random base62 string from a seeded RNG, so fixtures never hold a committed token.
pub fn random_base62(seed: u64, n: usize) -> String {
    const A: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    (0..n).map(|_| A[rng.gen_range(0..A.len())] as char).collect()
}

/// A fake Stripe-format live secret key.
pub fn stripe_key(seed: u64) -> String {
    format!("sk_live_{}", random_base62(seed, 24))
}

pub fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(p, content).unwrap();
}

/// The scan's JSON report.
pub fn scan_json(args: &[&str]) -> (serde_json::Value, Output) {
    let mut all = vec!["scan", "--format", "json"];
    all.extend_from_slice(args);
    let o = run(&all);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("json report: {e}\nstderr: {}", stderr(&o)));
    (v, o)
}

pub fn finding_paths(report: &serde_json::Value) -> Vec<String> {
    report["findings"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect()
}

/// Runs git in `dir` with a fixed identity and date and no user or system configuration.
pub fn git_output(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Dev One")
        .env("GIT_AUTHOR_EMAIL", "dev@example.org")
        .env("GIT_COMMITTER_NAME", "Dev One")
        .env("GIT_COMMITTER_EMAIL", "dev@example.org")
        .env("GIT_AUTHOR_DATE", "2024-03-01T10:00:00+01:00")
        .env("GIT_COMMITTER_DATE", "2024-03-01T10:00:00+01:00")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs")
}

/// `git_output` that must succeed; its trimmed stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let o = git_output(dir, args);
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    stdout(&o).trim().to_string()
}

/// `git init` with a `main` branch and no signing.
pub fn init(dir: &Path) {
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}

/// Writes `rel`, commits everything with `msg`; the new commit's sha.
pub fn commit_file(dir: &Path, rel: &str, content: &str, msg: &str) -> String {
    write(dir, rel, content);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", msg]);
    git(dir, &["rev-parse", "HEAD"])
}
