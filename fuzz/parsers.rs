//! A mutational fuzzer for what leakhound parses from files it does not control: configuration
//! (`.leakhound.toml`, user configs), rule files, and the outbox (its database and 0.1 JSON lines).
//!
//! cargo-fuzz needs a nightly toolchain; this runs on stable with the same idea: start from real seeds,
//! mutate (flip, insert, delete, splice, drop in tokens that parsers care about), feed each input to the
//! real parsing and validation code, and count panics. A panicking input is saved under
//! `target/fuzz-crashes/`.
//!
//! `cargo run --release --example fuzz-parsers -- TARGET SECONDS` (TARGET: config | rules | outbox),
//! or `scripts/fuzz.sh [SECONDS]` for all three.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use leakhound::config::Config;
use leakhound::finding::Origin;
use leakhound::notify::outbox::{read_legacy, Outbox, OutboxEntry};
use leakhound::rules::{RuleFile, RuleSet};
use leakhound::scan::{Allowlist, Scanner};

/// Tokens that TOML, JSON and regex parsers treat specially, and numbers at the edges of their types.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "[[rules]]",
    "[[webhooks]]",
    "[allowlist]",
    "[fingerprints]",
    "=",
    "\n",
    "{",
    "}",
    ",",
    ":",
    "\\",
    "\\u0000",
    "\\n",
    "(?:",
    ")",
    "(?P<secret>",
    "{1000}",
    "{99999999}",
    "*",
    "+?",
    "|",
    "9223372036854775807",
    "18446744073709551615",
    "-1",
    "0",
    "1e309",
    "nan",
    "inf",
    "true",
    "\u{202e}",
    "\u{0}",
    "timeout_secs = ",
    "max_attempts = ",
    "outbox = ",
    "secret_env = ",
    "span = ",
    "secret_group = ",
    "min_entropy = ",
    "keywords = [",
    "pattern = '",
    "idempotency_key",
    "\"attempts\":",
    "é",
    "\u{1F600}",
];

/// Fake values for the fuzzed rules to match.
const SAMPLE: &str = concat!(
    "password = \"hunter2hunter2\"\n",
    "key=sk_live_4fJ9kQ2mZx7LpR8tV1wY3bN6\n", // leakhound:allow
    "token: abcdef0123456789abcdef\n",
);

fn mutate(rng: &mut StdRng, seeds: &[Vec<u8>], input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    let n = if rng.gen_bool(0.5) { 1 } else { rng.gen_range(2..=8) };
    for _ in 0..n {
        let len = v.len();
        match rng.gen_range(0..8) {
            0 if len > 0 => {
                let i = rng.gen_range(0..len);
                v[i] ^= 1 << rng.gen_range(0..8);
            }
            1 => {
                let i = rng.gen_range(0..=len);
                let t = TOKENS[rng.gen_range(0..TOKENS.len())].as_bytes();
                v.splice(i..i, t.iter().copied());
            }
            2 if len > 0 => {
                let a = rng.gen_range(0..len);
                let b = (a + rng.gen_range(0..64)).min(len);
                v.drain(a..b);
            }
            3 if len > 0 => {
                let a = rng.gen_range(0..len);
                let b = (a + rng.gen_range(0..256)).min(len);
                let chunk = v[a..b].to_vec();
                let i = rng.gen_range(0..=v.len());
                v.splice(i..i, chunk);
            }
            4 => {
                let other = &seeds[rng.gen_range(0..seeds.len())];
                if !other.is_empty() {
                    let a = rng.gen_range(0..other.len());
                    let b = (a + rng.gen_range(0..512)).min(other.len());
                    let i = rng.gen_range(0..=v.len());
                    v.splice(i..i, other[a..b].iter().copied());
                }
            }
            5 if len > 0 => v.truncate(rng.gen_range(0..len)),
            6 => {
                let i = rng.gen_range(0..=len);
                let n = rng.gen_range(1..16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.gen()).collect();
                v.splice(i..i, bytes);
            }
            _ => {
                let i = rng.gen_range(0..=len);
                let big = "x".repeat(rng.gen_range(1..5000));
                v.splice(i..i, big.bytes());
            }
        }
    }
    v.truncate(1 << 20);
    v
}

/// The code a config file reaches: parsing, webhook validation, allowlists, its rules in a scan.
fn config_target(data: &[u8], _scratch: &Path) -> bool {
    let Ok(text) = std::str::from_utf8(data) else { return false };
    let Ok(config) = Config::parse(text) else { return false };
    for h in &config.webhooks {
        let _ = h.validate();
        let _ = h.outbox_path();
    }
    let a = &config.allowlist;
    let allow = Allowlist::with_path_regexes(&a.paths, &a.path_regexes, &a.regexes, &a.stopwords);
    let mut set = RuleSet::default();
    if set.add_specs("fuzz.toml", config.rules, "custom", true).is_ok() {
        let scanner = Scanner::new(set, allow.into_iter().collect());
        let _ = scanner.scan(SAMPLE.as_bytes(), &Origin::File { path: "vendor/x.env".into() });
        let _ = scanner.redact_text(SAMPLE);
    }
    true
}

/// The code a rule file reaches: parsing, compiling, and the self-test that runs its examples.
fn rules_target(data: &[u8], _scratch: &Path) -> bool {
    let Ok(text) = std::str::from_utf8(data) else { return false };
    let Ok(file) = toml::from_str::<RuleFile>(text) else { return false };
    let mut set = RuleSet::default();
    if set.add_specs("fuzz.toml", file.rules, "custom", false).is_ok() {
        let _ = leakhound::scan::check_rules(set);
    }
    true
}

/// The code an outbox reaches: the 0.1 JSON-lines reader and the database, from whatever bytes the
/// file holds (a valid database mutated, or lines of JSON).
fn outbox_target(data: &[u8], scratch: &Path) -> bool {
    if data.first() == Some(&b'{') {
        if let Ok(text) = std::str::from_utf8(data) {
            if let Ok(entries) = read_legacy(scratch, text) {
                for e in entries {
                    let _ = e.webhook();
                }
                return true;
            }
        }
        return false;
    }
    let db = scratch.join("outbox.sqlite3");
    let _ = std::fs::remove_file(db.with_extension("sqlite3-wal"));
    let _ = std::fs::remove_file(db.with_extension("sqlite3-shm"));
    if std::fs::write(&db, data).is_err() {
        return false;
    }
    let Ok(mut o) = Outbox::open_existing(&db) else { return false };
    {
        if let Ok(rows) = o.claim_waiting(Duration::from_secs(1)) {
            for (id, e) in rows {
                let _ = e.webhook();
                let _ = leakhound::notify::short_key(&e.idempotency_key);
                let _ = o.failed(id, e.attempts, &e.last_error);
            }
        }
        let _ = o.len();
    }
    true
}

fn seeds(target: &str, scratch: &Path) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match target {
        "config" => vec![
            b"[allowlist]\npaths = [\"vendor/**\"]\nregexes = ['^test']\nstopwords = [\"example\"]\npath_regexes = ['\\.lock$']\n".to_vec(),
            b"[[webhooks]]\nurl = \"https://hooks.example.com/x\"\ninclude_token = true\nsecret_env = \"K\"\ntimeout_secs = 5\nmax_attempts = 3\noutbox = \"/tmp/o.sqlite3\"\nrules = [\"a\"]\ntags = [\"b\"]\n[fingerprints]\nkey_file = \"/tmp/k\"\n".to_vec(),
            b"[[rules]]\nid = \"x\"\nname = \"x\"\nseverity = \"high\"\nkeywords = [\"key\"]\npattern = '''key=(?P<secret>[a-z0-9_]{8,})'''\nmin_entropy = 2.0\nspan = 10\nallow = ['^sk']\npaths = ['**/*.env']\n".to_vec(),
        ],
        "rules" => {
            // Every rule file, in rules/providers, rules/generic and rules/formats.
            fn walk(dir: &Path, v: &mut Vec<Vec<u8>>) {
                for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        walk(&p, v);
                    } else if let Ok(b) = std::fs::read(&p) {
                        v.push(b);
                    }
                }
            }
            let mut v = Vec::new();
            walk(&root.join("rules"), &mut v);
            assert!(!v.is_empty(), "no rule files under rules/ to seed the fuzzer");
            v
        }
        _ => {
            let db = scratch.join("seed.sqlite3");
            let _ = std::fs::remove_file(&db);
            let mut o = Outbox::open(&db).expect("seed outbox");
            let entry = |k: &str| OutboxEntry {
                url: "https://hooks.example.com/x".into(),
                secret_env: "LEAKHOUND_WEBHOOK_SECRET".into(),
                timeout_secs: 5,
                max_attempts: 3,
                idempotency_key: k.into(),
                body: "{\"secret\":{\"prefix\":\"sk_live_\"}}".into(),
                attempts: 1,
                last_error: "HTTP 500".into(),
                queued_at: 1_700_000_000,
            };
            for k in ["0123456789abcdef0123", "abc", ""] {
                if let Some(id) = o.enqueue(&entry(k), Duration::ZERO).expect("seed") {
                    o.failed(id, 1, "HTTP 500").expect("seed");
                }
            }
            drop(o);
            let json = serde_json::to_string(&entry("abc")).expect("json");
            vec![std::fs::read(&db).expect("seed db"), format!("{json}\n{json}\n").into_bytes()]
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let target = args.get(1).map(String::as_str).unwrap_or("config");
    let seconds: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
    let run: fn(&[u8], &Path) -> bool = match target {
        "config" => config_target,
        "rules" => rules_target,
        "outbox" => outbox_target,
        other => {
            eprintln!("fuzz-parsers: unknown target {other:?} (config, rules, outbox)");
            std::process::exit(2);
        }
    };
    let scratch = tempfile::tempdir().expect("scratch dir");
    let crashes = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
    let seeds = seeds(target, scratch.path());
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = StdRng::seed_from_u64(std::process::id() as u64);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut panics, mut accepted) = (0u64, 0u64, 0u64);
    let mut corpus = seeds.clone();
    while Instant::now() < deadline {
        let base = corpus[rng.gen_range(0..corpus.len())].clone();
        let input = mutate(&mut rng, &seeds, &base);
        runs += 1;
        let mut keep = false;
        match catch_unwind(AssertUnwindSafe(|| run(&input, scratch.path()))) {
            Ok(true) => {
                accepted += 1;
                keep = true;
            }
            Ok(false) => {}
            Err(_) => {
                panics += 1;
                let _ = std::fs::create_dir_all(&crashes);
                let _ = std::fs::write(crashes.join(format!("{target}-{runs}")), &input);
            }
        }
        // Keep some mutants that parsed as new bases, so mutations compound where parsing goes deep.
        if keep && rng.gen_ratio(1, 8) {
            if corpus.len() < 256 {
                corpus.push(input);
            } else {
                let i = rng.gen_range(seeds.len()..corpus.len());
                corpus[i] = input;
            }
        }
    }
    println!("fuzz {target}: {runs} inputs in {seconds} s ({accepted} parsed and went further), {panics} panics");
    std::process::exit(if panics == 0 { 0 } else { 1 });
}
