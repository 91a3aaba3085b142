//! Shared helpers: run the binary, make fake secrets.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
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
    git_env(Command::new("git").current_dir(dir).args(args), dir).output().expect("git runs")
}

/// A fixed identity and date and no user or system configuration, for git run by `cmd` in `dir`.
fn git_env<'c>(cmd: &'c mut Command, dir: &Path) -> &'c mut Command {
    cmd.env("GIT_AUTHOR_NAME", "Dev One")
        .env("GIT_AUTHOR_EMAIL", "dev@example.org")
        .env("GIT_COMMITTER_NAME", "Dev One")
        .env("GIT_COMMITTER_EMAIL", "dev@example.org")
        .env("GIT_AUTHOR_DATE", "2024-03-01T10:00:00+01:00")
        .env("GIT_COMMITTER_DATE", "2024-03-01T10:00:00+01:00")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
}

/// The repository that `tests/fixtures/repos/NAME.sh` builds with `env`, built once per test run (in
/// Cargo's temp dir for tests) and shared read-only by the tests that use it.
pub fn fixture_repo(name: &str, env: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixtures").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/repos").join(format!("{name}.sh"));
    let mut cmd = Command::new("bash");
    git_env(cmd.arg(&script).arg(&dir), &dir);
    let o = cmd.envs(env.iter().copied()).output().expect("bash runs");
    assert!(o.status.success(), "{}: {}", script.display(), stderr(&o));
    dir
}

/// The history fixture (`tests/fixtures/repos/history.sh`) and the secrets it holds.
pub struct HistoryFixture {
    /// The repository's work tree.
    pub dir: PathBuf,
    /// In `config.py` of the first commit only: the next commit removes it.
    pub deleted: String,
    /// In `old/creds.env`, a file deleted later.
    pub in_deleted_file: String,
    /// Only on the branch `feature`.
    pub on_branch: String,
    /// Only in the commit tagged `v1`, on no branch.
    pub in_tag: String,
    /// Only in the merge commit at `main`'s tip (and on disk).
    pub in_merge: String,
}

/// The history fixture, built on first use.
pub fn history_fixture() -> &'static HistoryFixture {
    static F: std::sync::OnceLock<HistoryFixture> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let [deleted, in_deleted_file, on_branch, in_tag, in_merge] = [100, 101, 102, 103, 104].map(stripe_key);
        let dir = fixture_repo(
            "history",
            &[
                ("KEY_DELETED", &deleted),
                ("KEY_DELETED_FILE", &in_deleted_file),
                ("KEY_BRANCH", &on_branch),
                ("KEY_TAG", &in_tag),
                ("KEY_MERGE", &in_merge),
            ],
        );
        HistoryFixture { dir, deleted, in_deleted_file, on_branch, in_tag, in_merge }
    })
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
