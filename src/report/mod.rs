//! Reporters: turn findings and scan statistics into human, JSON, JSONL or SARIF output. They see only
//! plain data (`Report`) and never print a raw secret unless `show_secrets` is set.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod schema;

use std::collections::HashMap;
use std::io::{self, Write};

pub use crate::delivery::{Deliveries, Delivery};
use crate::finding::{CommitInfo, Finding, Triage};
pub use crate::group::SecretGroup;
pub use crate::pipeline::{AppliedConfig, RepoStats, ScanStats, Suppression};
use crate::rules::RuleSet;
use crate::scan::Scanner;
pub use crate::source::Repository;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text for a terminal, optionally coloured.
    Human,
    /// One JSON document (`schema::JsonReport`).
    Json,
    /// One JSON finding per line, then a summary line (`schema::JsonlSummary`).
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations); the job summary is written separately.
    Github,
    /// One self-contained HTML page for people auditing many secrets.
    Html,
}

/// What a scan produced, as reporters see it.
pub struct Report<'a> {
    /// The findings to report, after suppression.
    pub findings: &'a [Finding],
    /// What the scan covered, skipped and applied.
    pub stats: &'a ScanStats,
    /// The rules the scan ran, for names, providers and descriptions.
    pub rules: &'a RuleSet,
    /// Redacts text that came from the scanned tree (paths, commit messages, authors).
    pub scanner: &'a Scanner,
    /// Print raw secrets (the user passed `--show-secrets`).
    pub show_secrets: bool,
    /// Revoke-webhook outcomes by secret fingerprint, when webhooks are configured.
    pub deliveries: Option<&'a Deliveries>,
    /// The findings grouped by secret (`group::group(findings)`), worst first.
    pub secrets: &'a [SecretGroup],
    /// Triage decisions by secret fingerprint (from the store).
    pub triage: Option<&'a HashMap<String, Triage>>,
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
        self.tree_path(f.origin.path())
    }

    /// A path from the tree as a report may show it (each component redacted on its own).
    pub fn tree_path(&self, path: &str) -> String {
        if self.show_secrets {
            path.to_string()
        } else {
            self.scanner.redact_path(path)
        }
    }

    /// The provider of a finding: the vendor its context names for a format several vendors share
    /// (text from the tree, so redacted like it), else its rule's.
    pub fn provider_of(&self, f: &Finding) -> String {
        match &f.attribution {
            Some(a) => self.tree_text(&a.vendor),
            None => self.rules.get(&f.rule_id).map_or("generic", |r| r.provider()).to_string(),
        }
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

    /// The triage decision on the secret with this fingerprint, if any.
    pub fn triage_of(&self, fingerprint: &str) -> Option<&'a Triage> {
        self.triage.and_then(|t| t.get(fingerprint))
    }

    /// A repository name as a report may show it: a path (from the list the user gave, or found in a
    /// scanned directory), redacted component by component like any path.
    pub fn repository_of(&self, f: &Finding) -> Option<String> {
        f.repository.as_deref().map(|r| self.tree_path(r))
    }

    /// What happened to `f`'s revoke notices; None when no webhook is configured.
    pub(crate) fn deliveries_of(&self, f: &Finding) -> Option<&'a [Delivery]> {
        self.deliveries.and_then(|d| d.get(&f.fingerprints.secret)).map(|v| v.as_slice())
    }
}

/// Writes `report` to `out` in `format`; `color` applies to the human format only.
pub fn write(format: Format, report: &Report<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::write(report, color, out),
        Format::Json => json::write(report, out),
        Format::Jsonl => json::write_lines(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Github => github::write_annotations(report, out),
        Format::Html => html::write(report, out),
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
    if show_secrets {
        &f.raw_snippet
    } else {
        &f.snippet
    }
}
