//! Reporters: turn findings and scan statistics into human, JSON, JSONL or SARIF output. They see only
//! plain data (`Report`) and never print a raw secret unless `show_secrets` is set.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};

use crate::finding::{CommitInfo, Finding};
use crate::rules::RuleSet;
use crate::scan::Scanner;
use crate::source::Skip;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Jsonl,
    Sarif,
    /// GitHub Actions workflow commands (annotations); the job summary is written separately.
    Github,
}

/// What a scan produced, as reporters see it.
pub struct Report<'a> {
    pub findings: &'a [Finding],
    pub stats: &'a ScanStats,
    pub rules: &'a RuleSet,
    /// Redacts text that came from the scanned tree (paths, commit messages, authors).
    pub scanner: &'a Scanner,
    /// Print raw secrets (the user passed `--show-secrets`).
    pub show_secrets: bool,
    /// Revoke-webhook outcomes by secret fingerprint, when webhooks are configured.
    pub deliveries: Option<&'a crate::revoke::Deliveries>,
}

impl<'a> Report<'a> {
    /// Text from the scanned tree as a report may show it: with secret-shaped values cut to their
    /// prefix unless the user asked to see secrets.
    pub fn tree_text(&self, text: &str) -> String {
        if self.show_secrets {
            text.to_string()
        } else {
            self.scanner.redact_text(text)
        }
    }

    /// A finding's path as a report may show it.
    pub fn path_of(&self, f: &Finding) -> String {
        self.tree_text(f.origin.path())
    }

    /// A finding's commit as a report may show it.
    pub fn commit_of(&self, f: &Finding) -> Option<CommitInfo> {
        f.origin.commit().map(|c| CommitInfo {
            sha: c.sha.clone(),
            author_name: self.tree_text(&c.author_name),
            author_email: self.tree_text(&c.author_email),
            date: c.date.clone(),
            summary: self.tree_text(&c.summary),
        })
    }

    pub fn deliveries_of(&self, f: &Finding) -> Option<&'a [crate::revoke::Delivery]> {
        self.deliveries.and_then(|d| d.get(&f.fingerprints.secret)).map(|v| v.as_slice())
    }
}

#[derive(Debug, Clone, Default)]
pub struct ScanStats {
    pub blobs: u64,
    pub bytes: u64,
    pub binary: u64,
    /// Everything not scanned for a reason other than being binary.
    pub skipped: Vec<Skip>,
    /// Remarks about the scan as a whole (e.g. a shallow repository).
    pub notes: Vec<String>,
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
}

/// A configuration file that was applied, and who chose it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AppliedConfig {
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

/// Where a scanned repository lives and which revision was scanned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repository {
    /// The `origin` remote as an absolute URL (https, with any credentials removed).
    pub uri: String,
    pub revision: Option<String>,
    pub branch: Option<String>,
}

pub fn write(format: Format, report: &Report<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::write(report, color, out),
        Format::Json => json::write(report, out),
        Format::Jsonl => json::write_lines(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Github => github::write_annotations(report, out),
    }
}

/// The secret as a report may show it.
pub fn shown_secret(f: &Finding, show_secrets: bool) -> String {
    if show_secrets {
        f.secret.expose().to_string()
    } else {
        f.secret.redacted()
    }
}

/// The snippet as a report may show it.
pub fn shown_snippet(f: &Finding, show_secrets: bool) -> &str {
    match (&f.raw_snippet, show_secrets) {
        (Some(raw), true) => raw,
        _ => &f.snippet,
    }
}
