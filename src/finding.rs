//! Plain data that flows from sources through the scanner to reporters and the notifier.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::redact::Secret;

/// How bad a leak of this kind is. Ordered: `Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// GitHub code scanning's `security-severity` (CVSS-like 0.0-10.0).
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Low => "3.0",
            Severity::Medium => "5.5",
            Severity::High => "8.0",
            Severity::Critical => "9.5",
        }
    }
}

/// The commit a history finding comes from: the one that introduced the blob at this path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitInfo {
    pub sha: String,
    pub author_name: String,
    pub author_email: String,
    /// RFC 3339, author date.
    pub date: String,
    pub summary: String,
}

/// Where a blob came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk; `path` is relative to the scan root when under it.
    File { path: String },
    /// A blob in git history, at `path` in `commit`. `blob` is the blob's object id.
    Commit { path: String, blob: String, commit: Option<CommitInfo> },
    /// A file staged in the index (pre-commit).
    Staged { path: String },
    /// Standard input.
    Stdin,
}

impl Origin {
    pub fn path(&self) -> &str {
        match self {
            Origin::File { path } | Origin::Commit { path, .. } | Origin::Staged { path } => path,
            Origin::Stdin => "<stdin>",
        }
    }

    pub fn commit(&self) -> Option<&CommitInfo> {
        match self {
            Origin::Commit { commit, .. } => commit.as_ref(),
            _ => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Origin::File { .. } => "file",
            Origin::Commit { .. } => "commit",
            Origin::Staged { .. } => "staged",
            Origin::Stdin => "stdin",
        }
    }
}

/// One leaked secret at one place.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule_id: String,
    pub rule_name: String,
    pub severity: Severity,
    pub origin: Origin,
    /// 1-based line of the first character of the secret.
    pub line: u32,
    /// 1-based column, in Unicode code points, of the first character of the secret.
    pub column: u32,
    pub end_line: u32,
    /// 1-based column one past the last character of the secret.
    pub end_column: u32,
    pub secret: Secret,
    /// The line holding the secret, trimmed and cut to a sane length, with the secret redacted.
    pub snippet: String,
    /// Same snippet with the raw secret, only filled for `--show-secrets`.
    pub raw_snippet: Option<String>,
    pub entropy: f64,
    /// Whether the secret passed its rule's checksum; `None` when the rule has none.
    pub checksum_valid: Option<bool>,
    pub fingerprints: Fingerprints,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprints {
    /// sha256(rule id, secret): the same leaked key anywhere.
    pub secret: String,
    /// sha256(rule id, secret, path): for baselines and SARIF partialFingerprints.
    pub location: String,
}

impl Fingerprints {
    pub fn compute(rule_id: &str, secret: &Secret, path: &str) -> Self {
        let mut h = Sha256::new();
        h.update(rule_id.as_bytes());
        h.update([0u8]);
        h.update(secret.expose().as_bytes());
        let secret_fp = hex::encode(h.clone().finalize());
        h.update([0u8]);
        h.update(path.as_bytes());
        Fingerprints { secret: secret_fp, location: hex::encode(h.finalize()) }
    }
}

/// sha256 of the raw secret, hex: what an issuer that stores only hashes can look a key up by.
pub fn secret_sha256(secret: &Secret) -> String {
    hex::encode(Sha256::digest(secret.expose().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_path_sensitive() {
        let s = Secret::new("sk_live_abcdefghijklmnopqrstuvwx");
        let a = Fingerprints::compute("stripe", &s, "a.py");
        let b = Fingerprints::compute("stripe", &s, "b.py");
        assert_eq!(a.secret, b.secret);
        assert_ne!(a.location, b.location);
        assert_eq!(a, Fingerprints::compute("stripe", &s, "a.py"));
        assert_eq!(a.secret.len(), 64);
    }
}
