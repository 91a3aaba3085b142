//! Accepted findings: a baseline (a previous JSON report, matched by location fingerprint so moved lines
//! stay baselined) and `.leakhoundignore` (fingerprints, optionally `path:fingerprint`, `#` comments).
//!
//! Fingerprints are keyed (see `finding::FingerprintKey`). A baseline records the id of its key, and one
//! made with another key is refused with a clear error rather than silently matching nothing. Files from
//! leakhound 0.1 hold unkeyed fingerprints: they still match (the old fingerprint is computed in memory,
//! never written), with a warning to rewrite them, since an unkeyed fingerprint reveals a weak secret.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::finding::{Finding, FingerprintKey, Fingerprints};
use crate::report::schema::JsonReport;

/// Why a baseline or `.leakhoundignore` file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The file could not be read.
    #[error("{path}: cannot read")]
    Read {
        /// The file, as given.
        path: String,
        /// The read error.
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a leakhound JSON report: {message}")]
    /// A baseline that is not a leakhound JSON report.
    Format {
        /// The file, as given.
        path: String,
        /// What the JSON parser objected to.
        message: String,
    },
    #[error("{path}:{line}: not a fingerprint (64 hex characters, optionally `path:` before it)")]
    /// A `.leakhoundignore` line that is not a fingerprint.
    Ignore {
        /// The file, as given.
        path: String,
        /// The offending line (1-based).
        line: usize,
    },
    #[error(
        "{path}: written with fingerprint key {theirs}, but this scan uses key {ours}: set LEAKHOUND_FINGERPRINT_KEY \
         (or [fingerprints] key_file in your config) to the key it was made with, or rewrite it with --write-baseline"
    )]
    /// A baseline written with a different fingerprint key than this scan's.
    OtherKey {
        /// The file, as given.
        path: String,
        /// Id of the key the baseline was written with.
        theirs: String,
        /// Id of this scan's key.
        ours: String,
    },
}

/// Findings the user has already seen and accepted, from one file.
#[derive(Debug, Default)]
pub struct Accepted {
    source: String,
    /// Location or secret fingerprints accepted anywhere.
    fingerprints: HashSet<String>,
    /// (path, fingerprint) accepted only at that path.
    at_path: HashSet<(String, String)>,
    /// The entries may be unkeyed fingerprints of leakhound 0.1.
    legacy: bool,
    /// Whether the entries are only unkeyed ones (an old baseline).
    only_legacy: bool,
    legacy_hits: AtomicUsize,
}

impl Accepted {
    /// The file it came from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the file accepts nothing.
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty() && self.at_path.is_empty()
    }

    /// Whether `f` was accepted (by keyed fingerprint, or by a 0.1 unkeyed one, which is counted).
    pub fn accepts(&self, f: &Finding) -> bool {
        if !self.only_legacy && self.matches(f, &f.fingerprints) {
            return true;
        }
        if self.legacy && self.matches(f, &Fingerprints::legacy(&f.rule_id, &f.secret, f.origin.path())) {
            self.legacy_hits.fetch_add(1, Ordering::Relaxed);
            return true;
        }
        false
    }

    fn matches(&self, f: &Finding, fp: &Fingerprints) -> bool {
        self.fingerprints.contains(&fp.location)
            || self.fingerprints.contains(&fp.secret)
            || [&fp.location, &fp.secret]
                .iter()
                .any(|x| self.at_path.contains(&(f.origin.path().to_string(), x.to_string())))
    }

    /// When old unkeyed entries matched: what to tell the user.
    pub fn legacy_warning(&self) -> Option<String> {
        let n = self.legacy_hits.load(Ordering::Relaxed);
        (n > 0).then(|| {
            format!(
                "{}: {n} finding(s) matched old unkeyed fingerprints (leakhound 0.1), from which a weak secret can be \
                 recovered; replace them with the fingerprints of a current report (--write-baseline for a baseline)",
                self.source
            )
        })
    }

    /// The location fingerprints of every finding in a previous `--format json` report (read with the
    /// report's own schema, `report::schema`).
    pub fn from_baseline(path: &Path, key: &FingerprintKey) -> Result<Self, BaselineError> {
        let shown = path.display().to_string();
        let text = read(path)?;
        let report: JsonReport = serde_json::from_str(&text).map_err(|e| BaselineError::Format {
            path: shown.clone(),
            message: crate::text::one_line(&e.to_string()),
        })?;
        let mut out = Accepted { source: shown.clone(), ..Accepted::default() };
        match &report.fingerprint_key_id {
            Some(theirs) if *theirs != key.id() => {
                return Err(BaselineError::OtherKey { path: shown, theirs: theirs.clone(), ours: key.id() })
            }
            Some(_) => {}
            None => {
                out.legacy = true;
                out.only_legacy = true;
            }
        }
        out.fingerprints.extend(report.findings.into_iter().map(|f| f.fingerprints.location));
        Ok(out)
    }

    /// `.leakhoundignore`: one fingerprint per line, or `path:fingerprint`; blank lines and `#` comments.
    pub fn from_ignore_file(path: &Path) -> Result<Self, BaselineError> {
        let text = read(path)?;
        let mut out = Accepted { source: path.display().to_string(), legacy: true, ..Accepted::default() };
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (p, fp) = match line.rsplit_once(':') {
                Some((p, fp)) => (Some(p.trim()), fp.trim()),
                None => (None, line),
            };
            if fp.len() != 64 || !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(BaselineError::Ignore { path: path.display().to_string(), line: i + 1 });
            }
            let fp = fp.to_ascii_lowercase();
            match p {
                Some(p) => out.at_path.insert((p.to_string(), fp)),
                None => out.fingerprints.insert(fp),
            };
        }
        Ok(out)
    }
}

fn read(path: &Path) -> Result<String, BaselineError> {
    std::fs::read_to_string(path).map_err(|source| BaselineError::Read { path: path.display().to_string(), source })
}
