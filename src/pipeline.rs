//! Runs a source through the scanner: classify each blob (text, UTF-16, binary), scan it, keep findings
//! on the lines that count, collect skips, then deduplicate and order the findings.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use crate::finding::Finding;
use crate::report::ScanStats;
use crate::scan::content::{classify, Content};
use crate::scan::Scanner;
use crate::source::{Blob, Skip, SkipReason, Source, SourceError, Visitor};

/// Called as blobs are scanned (for a progress bar): blobs and bytes so far.
pub type Progress<'a> = &'a (dyn Fn(u64, u64) + Sync);

struct Collector<'a> {
    scanner: &'a Scanner,
    findings: Mutex<Vec<Finding>>,
    skipped: Mutex<Vec<Skip>>,
    notes: Mutex<Vec<String>>,
    blobs: AtomicU64,
    bytes: AtomicU64,
    binary: AtomicU64,
    progress: Option<Progress<'a>>,
}

impl Visitor for Collector<'_> {
    fn blob(&self, blob: Blob<'_>) {
        let blobs = self.blobs.fetch_add(1, Ordering::Relaxed) + 1;
        let bytes = self.bytes.fetch_add(blob.data.len() as u64, Ordering::Relaxed) + blob.data.len() as u64;
        if let Some(p) = self.progress {
            p(blobs, bytes);
        }
        let text = match classify(blob.data) {
            Content::Binary => {
                return self.skip(Skip { path: blob.origin.path().to_string(), reason: SkipReason::Binary })
            }
            Content::Text(t) => t,
        };
        let scanned = self.scanner.scan_blob(&text, &blob.origin, true);
        if scanned.truncated {
            self.skip(Skip {
                path: blob.origin.path().to_string(),
                reason: SkipReason::TooManyMatches { limit: crate::scan::MAX_FINDINGS_PER_BLOB },
            });
        }
        let mut found = scanned.findings;
        if let Some(lines) = blob.lines {
            found.retain(|f| lines.contains(f.line));
        }
        if !found.is_empty() {
            self.findings.lock().unwrap_or_else(|e| e.into_inner()).extend(found);
        }
    }

    fn skip(&self, skip: Skip) {
        if skip.reason.is_warning() {
            self.skipped.lock().unwrap_or_else(|e| e.into_inner()).push(skip);
        } else {
            self.binary.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn note(&self, message: String) {
        self.notes.lock().unwrap_or_else(|e| e.into_inner()).push(message);
    }
}

/// Scan everything `source` yields. Findings come back deduplicated and sorted by place.
pub fn run(
    source: &dyn Source,
    scanner: &Scanner,
    progress: Option<Progress<'_>>,
) -> Result<(Vec<Finding>, ScanStats), SourceError> {
    let started = Instant::now();
    let c = Collector {
        scanner,
        findings: Mutex::default(),
        skipped: Mutex::default(),
        notes: Mutex::default(),
        blobs: AtomicU64::new(0),
        bytes: AtomicU64::new(0),
        binary: AtomicU64::new(0),
        progress,
    };
    source.visit(&c)?;
    let mut findings = c.findings.into_inner().unwrap_or_else(|e| e.into_inner());
    dedup(&mut findings);
    let mut skipped = c.skipped.into_inner().unwrap_or_else(|e| e.into_inner());
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let stats = ScanStats {
        blobs: c.blobs.into_inner(),
        bytes: c.bytes.into_inner(),
        binary: c.binary.into_inner(),
        skipped,
        notes: c.notes.into_inner().unwrap_or_else(|e| e.into_inner()),
        elapsed_ms: started.elapsed().as_millis() as u64,
        ..ScanStats::default()
    };
    Ok((findings, stats))
}

/// Sort by place and drop repeats: one finding per rule, secret and place (path, commit, line, column).
pub fn dedup(findings: &mut Vec<Finding>) {
    let key = |f: &Finding| {
        (f.origin.path().to_string(), f.origin.commit().map(|c| c.sha.clone()), f.line, f.column, f.rule_id.clone())
    };
    findings.sort_by_cached_key(key);
    findings.dedup_by(|a, b| key(a) == key(b) && a.fingerprints == b.fingerprints);
}
