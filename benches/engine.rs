//! The detection engine alone (prefilter -> regex -> filters) on in-memory data, one thread: no I/O, no
//! git, no reporting. Reports the best of 5 runs, so changes to the hot loop can be compared on a noisy
//! machine.
//!   cargo bench --bench engine -- [FILE_OR_DIR ...]   (default: this repository's src/ and rules/)
//! Files are cut into 64 KiB pieces (about a blob); at most 512 MiB is loaded.

use std::path::{Path, PathBuf};
use std::time::Instant;

use leakhound::finding::Origin;
use leakhound::rules::RuleSet;
use leakhound::scan::Scanner;

const PIECE: usize = 64 << 10;
const LIMIT: usize = 512 << 20;

fn main() {
    let mut roots: Vec<PathBuf> =
        std::env::args().skip(1).filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    if roots.is_empty() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        roots = vec![here.join("src"), here.join("rules")];
    }
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    let mut total = 0;
    for root in &roots {
        for entry in ignore::WalkBuilder::new(root).build().flatten() {
            if total >= LIMIT || !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let Ok(data) = std::fs::read(entry.path()) else { continue };
            for chunk in data.chunks(PIECE) {
                total += chunk.len();
                pieces.push(chunk.to_vec());
            }
        }
    }
    let scanner = Scanner::new(RuleSet::builtin().expect("built-in rules"), Vec::new());
    let origin = Origin::File { path: "bench.txt".into() };
    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..5 {
        let start = Instant::now();
        findings = pieces.iter().map(|p| scanner.scan(p, &origin).len()).sum::<usize>();
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "engine: {:.1} MB in {} pieces, best of 5: {:.3} s = {:.0} MB/s per thread, {} findings",
        total as f64 / 1e6,
        pieces.len(),
        best,
        total as f64 / best / 1e6,
        findings
    );
    // Edited versions (a line inserted mid-piece, as a commit changes a file): scanned whole, and
    // rescanned from the memo of the version before (`Scanner::scan_edit`), which a history scan does.
    let edited: Vec<Vec<u8>> = pieces
        .iter()
        .map(|p| {
            let mid = p.len() / 2;
            let at = p[mid..].iter().position(|&b| b == b'\n').map_or(p.len(), |i| mid + i + 1);
            [&p[..at], b"    let retries = config.retries.unwrap_or(3);\n", &p[at..]].concat()
        })
        .collect();
    let history = Origin::Commit {
        path: "bench.txt".into(),
        blob: leakhound::finding::ObjectId::from_bytes(&[1; 20]),
        commit: std::sync::Arc::new(leakhound::finding::CommitInfo {
            sha: "0".repeat(40),
            author_name: String::new(),
            author_email: String::new(),
            date: String::new(),
            summary: String::new(),
        }),
    };
    let memos: Vec<_> = pieces.iter().map(|p| scanner.scan_edit(p, &history, None, Some(None)).1).collect();
    let (mut whole, mut rescan) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let start = Instant::now();
        let a: usize = edited.iter().map(|p| scanner.scan_whole(p, &history, None).findings.len()).sum();
        whole = whole.min(start.elapsed().as_secs_f64());
        let start = Instant::now();
        let b: usize = edited
            .iter()
            .zip(&memos)
            .map(|(p, m)| scanner.scan_edit(p, &history, m.as_ref(), None).0.findings.len())
            .sum();
        rescan = rescan.min(start.elapsed().as_secs_f64());
        assert_eq!(a, b, "a rescan finds what a whole scan finds");
    }
    println!(
        "edited pieces: whole {:.0} MB/s, rescanned from the version before {:.0} MB/s per thread ({:.1}x)",
        total as f64 / whole / 1e6,
        total as f64 / rescan / 1e6,
        whole / rescan
    );
    // What a keyed fingerprint costs per finding (both fingerprints, as the scanner computes them).
    let key = leakhound::finding::FingerprintKey::from_material(b"bench");
    let secret = leakhound::redact::Secret::new("sk_live_4fJ9kQ2mZx7LpR8tV1wY3bN6"); // leakhound:allow (fake)
    let n = 1_000_000;
    let start = Instant::now();
    for i in 0..n {
        let fp = leakhound::finding::Fingerprints::compute(&key, "stripe-live-secret-key", &secret, "src/app.py");
        std::hint::black_box((fp, i));
    }
    println!("fingerprints: {:.2} µs per finding", start.elapsed().as_secs_f64() * 1e6 / n as f64);
}
