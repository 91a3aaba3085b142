//! Runs a source through the scanner (which takes each whole blob: classification, transcoding and the
//! lines that count are its job), collects findings, skips and notes, then deduplicates and orders the
//! findings.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use crate::finding::ObjectId;
use crate::finding::{Finding, Fingerprints, Origin};
use crate::scan::{Memo, Scanner};
use crate::source::{Blob, Repository, Skip, SkipReason, Source, SourceError, Visitor};

/// Called as blobs are scanned (for a progress bar): blobs and bytes so far.
pub type Progress<'a> = &'a (dyn Fn(u64, u64) + Sync);

struct Collector<'a> {
    scanner: &'a Scanner,
    findings: Mutex<Vec<Finding>>,
    skipped: Mutex<Vec<Skip>>,
    notes: Mutex<Vec<String>>,
    hits: Mutex<Vec<Origin>>,
    blobs: AtomicU64,
    bytes: AtomicU64,
    binary: AtomicU64,
    progress: Option<Progress<'a>>,
    memos: Mutex<Memos>,
}

/// What the scans of recent history blobs left for rescanning their next versions (`Scanner::scan_edit`),
/// bounded in bytes: a blob's memo is taken by the first later blob that names it as its base, and
/// the oldest are dropped first.
#[derive(Default)]
struct Memos {
    by_blob: HashMap<ObjectId, Memo>,
    order: VecDeque<ObjectId>,
    bytes: usize,
}

/// Most bytes the memos may hold: the latest version of each file being edited, for the most part.
const MEMO_BYTES: usize = 32 << 20;

impl Memos {
    fn take(&mut self, id: &ObjectId) -> Option<Memo> {
        let memo = self.by_blob.remove(id)?;
        self.bytes -= memo.size();
        Some(memo)
    }

    fn put(&mut self, id: ObjectId, memo: Memo) {
        self.bytes += memo.size();
        if let Some(old) = self.by_blob.insert(id, memo) {
            self.bytes -= old.size();
        }
        self.order.push_back(id);
        while self.bytes > MEMO_BYTES {
            let Some(oldest) = self.order.pop_front() else { break };
            self.take(&oldest);
        }
    }
}

impl Visitor for Collector<'_> {
    fn blob(&self, blob: Blob<'_>) {
        let blobs = self.blobs.fetch_add(1, Ordering::Relaxed) + 1;
        let bytes = self.bytes.fetch_add(blob.data.len() as u64, Ordering::Relaxed) + blob.data.len() as u64;
        if let Some(p) = self.progress {
            p(blobs, bytes);
        }
        // History blobs are rescanned from the version before them and leave a memo for the next.
        let history = matches!(blob.origin, Origin::Commit { .. } | Origin::Unreachable { .. });
        let scanned = match blob.origin.blob().filter(|_| history && blob.lines.is_none()) {
            Some(id) => {
                let memos = || self.memos.lock().unwrap_or_else(|e| e.into_inner());
                let base = blob.base.and_then(|b| memos().take(&b));
                let (scanned, memo) = self.scanner.scan_edit(blob.data, &blob.origin, base.as_ref(), Some(blob.owned));
                if let Some(memo) = memo {
                    memos().put(id, memo);
                }
                scanned
            }
            None => self.scanner.scan_whole(blob.data, &blob.origin, blob.lines),
        };
        if scanned.binary {
            return self.skip(Skip { path: blob.origin.path().to_string(), reason: SkipReason::Binary });
        }
        if scanned.truncated {
            self.skip(Skip {
                path: blob.origin.path().to_string(),
                reason: SkipReason::TooManyMatches { limit: crate::scan::MAX_FINDINGS_PER_BLOB },
            });
        }
        let found = scanned.findings;
        if !found.is_empty() {
            if matches!(blob.origin, Origin::Commit { .. } | Origin::Unreachable { .. } | Origin::Message { .. }) {
                self.hits.lock().unwrap_or_else(|e| e.into_inner()).push(blob.origin.clone());
            }
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

/// What a scan covered, skipped and applied, for reports.
#[derive(Debug, Clone, Default)]
pub struct ScanStats {
    /// Blobs (files, history blobs, standard input) scanned.
    pub blobs: u64,
    /// Bytes of those blobs.
    pub bytes: u64,
    /// Blobs not scanned because they are binary.
    pub binary: u64,
    /// Everything not scanned for a reason other than being binary.
    pub skipped: Vec<Skip>,
    /// Remarks about the scan as a whole (e.g. a shallow repository).
    pub notes: Vec<String>,
    /// Wall-clock time of the scan, in milliseconds.
    pub elapsed_ms: u64,
    /// The repository scanned, when it was one (for SARIF's versionControlProvenance).
    pub repository: Option<Repository>,
    /// The configuration files applied, in order.
    pub config_files: Vec<AppliedConfig>,
    /// What each allowlist, ignore file and baseline suppressed.
    pub suppressed: Vec<Suppression>,
    /// The public id of the key fingerprints were computed with.
    pub fingerprint_key_id: String,
    /// What was scanned, in words ("commits a1b2..c3d4", "the whole history"), for summaries.
    pub scope: String,
    /// Each repository of a scan of several, in the order given.
    pub repositories: Vec<RepoStats>,
    /// The history blobs and messages that held findings (before any suppression), with their
    /// origins: what an incremental rescan scans again.
    pub hits: Vec<Origin>,
    /// Objects the store knew from earlier scans, not walked again (incremental rescans).
    pub objects_known: u64,
}

/// One repository of a scan of several: where it is, what was scanned of it, or why it was not.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RepoStats {
    /// Its name in reports (unique within the scan).
    pub name: String,
    /// Its git directory (a mirror in the cache for a URL).
    pub path: String,
    /// Its remote URL (credentials removed), when it has one.
    #[serde(default)]
    pub remote: Option<String>,
    /// Blobs scanned.
    pub blobs_scanned: u64,
    /// Bytes of those blobs.
    pub bytes_scanned: u64,
    /// Objects (commits, trees, blobs) the store knew from earlier scans: not walked or scanned again.
    #[serde(default)]
    pub objects_known: u64,
    /// Findings (occurrences) reported.
    pub findings: u64,
    /// Distinct secrets reported.
    pub secrets: u64,
    /// Wall-clock time, in milliseconds.
    pub elapsed_ms: u64,
    /// Why it could not be scanned (clone, fetch or open failed), if so.
    #[serde(default)]
    pub error: Option<String>,
}

/// A configuration file that was applied, and who chose it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AppliedConfig {
    /// The file, as shown in reports.
    pub path: String,
    /// `user` (--config or the user config file: every setting) or `repository` (found in the scanned
    /// tree: allowlists and rules only).
    pub trust: &'static str,
    /// Built-in rules this file replaced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replaced_rules: Vec<String>,
    /// Rules a repository config turned off (`disable_rules`, `enable_rules`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disabled_rules: Vec<String>,
}

/// What one source of suppression hid.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suppression {
    /// The file: a config, `.leakhoundignore`, a baseline.
    pub source: String,
    /// `allowlist`, `ignore-file` or `baseline`.
    pub kind: &'static str,
    /// `user` or `repository`.
    pub trust: &'static str,
    /// Files not scanned (allowlisted paths).
    pub files: u64,
    /// Findings not reported.
    pub findings: u64,
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
        hits: Mutex::default(),
        blobs: AtomicU64::new(0),
        bytes: AtomicU64::new(0),
        binary: AtomicU64::new(0),
        progress,
        memos: Mutex::default(),
    };
    source.visit(&c)?;
    let mut findings = c.findings.into_inner().unwrap_or_else(|e| e.into_inner());
    mark_in_head(source, scanner, &mut findings);
    let shown = |p: &str| scanner.redact_path(p);
    dedup(&mut findings, &shown);
    let mut skipped = c.skipped.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut notes = c.notes.into_inner().unwrap_or_else(|e| e.into_inner());
    order_remarks(&mut skipped, &mut notes, &shown);
    let stats = ScanStats {
        blobs: c.blobs.into_inner(),
        bytes: c.bytes.into_inner(),
        binary: c.binary.into_inner(),
        skipped,
        notes,
        hits: c.hits.into_inner().unwrap_or_else(|e| e.into_inner()),
        elapsed_ms: started.elapsed().as_millis() as u64,
        ..ScanStats::default()
    };
    Ok((findings, stats))
}

/// Drop repeats (one finding per rule, secret and place: path, commit, line, column) and order what is
/// left by severity, confidence, then place. Places are ordered by their paths as reports show them
/// (`shown`: redacted), so that a report read back (`leakhound merge`) sorts the same.
pub fn dedup(findings: &mut Vec<Finding>, shown: &dyn Fn(&str) -> String) {
    let key = |f: &Finding| {
        (
            f.repository.as_deref().map(shown),
            shown(f.origin.path()),
            f.origin.commit().map(|c| c.sha.clone()),
            f.line,
            f.column,
            f.rule_id.clone(),
            f.origin.path().to_string(),
        )
    };
    // Each key once (redacting a path runs the rules over it), kept beside its finding while sorting.
    let mut keyed: Vec<_> = findings.drain(..).map(|f| (key(&f), f)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0 && a.1.fingerprints == b.1.fingerprints);
    findings.extend(keyed.into_iter().map(|(_, f)| f));
    // What to rotate first comes first: severity, then confidence; place breaks ties (a stable sort).
    findings.sort_by_key(|f| (std::cmp::Reverse(f.severity), std::cmp::Reverse(f.confidence)));
}

/// Marks the history findings HEAD's tree still holds, adding an occurrence where HEAD holds the same
/// blob at another path (the walk scans each blob once, at the first path it meets).
fn mark_in_head(source: &dyn Source, scanner: &Scanner, findings: &mut Vec<Finding>) {
    let mut extra = Vec::new();
    for (i, origin) in source.head_places(findings) {
        let f = &mut findings[i];
        if origin.path() == f.origin.path() {
            f.in_head = true;
            continue;
        }
        let mut moved = f.clone();
        moved.fingerprints = Fingerprints::compute(scanner.fingerprint_key(), &f.rule_id, &f.secret, origin.path());
        moved.origin = origin;
        moved.in_head = true;
        extra.push(moved);
    }
    findings.extend(extra);
}

/// Skips and notes in one order whatever the threads, shards or repositories they came from: by path as
/// shown and reason, repeats dropped.
pub fn order_remarks(skipped: &mut Vec<Skip>, notes: &mut Vec<String>, shown: &dyn Fn(&str) -> String) {
    skipped.sort_by_cached_key(|s| (shown(&s.path), s.reason.to_string(), s.path.clone()));
    skipped.dedup();
    notes.sort();
    notes.dedup();
}
