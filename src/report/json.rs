//! JSON (one document, also the baseline format) and JSON Lines (one finding per line). Field names are
//! stable and documented in README.md.

use std::io::{self, Write};

use serde::Serialize;

use super::{shown_secret, shown_snippet, Report};
use crate::finding::{CommitInfo, Finding, Fingerprints};

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub rule_id: &'a str,
    pub rule_name: &'a str,
    pub provider: &'a str,
    pub severity: &'a str,
    pub origin: &'a str,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// Redacted (`sk_live_…`) unless `--show-secrets`.
    pub secret: String,
    pub secret_redacted: bool,
    pub snippet: &'a str,
    pub entropy: f64,
    /// Present for rules with a checksum: `false` means the value cannot be a token the vendor issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checksum_valid: Option<bool>,
    pub fingerprints: &'a Fingerprints,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitInfo>,
    /// Revoke-webhook outcomes (present only when webhooks are configured).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<&'a [super::Delivery]>,
}

#[derive(Serialize)]
struct JsonSkip {
    path: String,
    reason: String,
}

#[derive(Serialize)]
struct JsonStats {
    blobs_scanned: u64,
    bytes_scanned: u64,
    binary_skipped: u64,
    skipped: usize,
    findings: usize,
    elapsed_ms: u64,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    tool: &'static str,
    version: &'static str,
    /// Public id of the key the fingerprints were computed with (baselines must share it).
    fingerprint_key_id: &'a str,
    findings: Vec<JsonFinding<'a>>,
    skipped: Vec<JsonSkip>,
    notes: Vec<String>,
    config_files: &'a [super::AppliedConfig],
    suppressed: &'a [super::Suppression],
    stats: JsonStats,
}

/// The last line of a JSON Lines report: what the scan covered and what was suppressed.
#[derive(Serialize)]
struct JsonlSummary<'a> {
    summary: JsonlSummaryBody<'a>,
}

#[derive(Serialize)]
struct JsonlSummaryBody<'a> {
    fingerprint_key_id: &'a str,
    config_files: &'a [super::AppliedConfig],
    suppressed: &'a [super::Suppression],
    skipped: usize,
    stats: JsonStats,
}

fn stats(report: &Report<'_>) -> JsonStats {
    JsonStats {
        blobs_scanned: report.stats.blobs,
        bytes_scanned: report.stats.bytes,
        binary_skipped: report.stats.binary,
        skipped: report.stats.skipped.len(),
        findings: report.findings.len(),
        elapsed_ms: report.stats.elapsed_ms,
    }
}

pub fn finding<'a>(report: &Report<'a>, f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        rule_id: &f.rule_id,
        rule_name: &f.rule_name,
        provider: report.rules.get(&f.rule_id).map_or("generic", |r| r.provider()),
        severity: f.severity.as_str(),
        origin: f.origin.kind(),
        path: report.path_of(f),
        line: f.line,
        column: f.column,
        end_line: f.end_line,
        end_column: f.end_column,
        secret: shown_secret(f, report.show_secrets),
        secret_redacted: !report.show_secrets,
        snippet: shown_snippet(f, report.show_secrets),
        entropy: f.entropy,
        checksum_valid: f.checksum_valid,
        fingerprints: &f.fingerprints,
        commit: report.commit_of(f),
        delivery: report.deliveries_of(f),
    }
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = JsonReport {
        tool: "leakhound",
        version: env!("CARGO_PKG_VERSION"),
        fingerprint_key_id: &report.stats.fingerprint_key_id,
        findings: report.findings.iter().map(|f| finding(report, f)).collect(),
        skipped: report
            .stats
            .skipped
            .iter()
            .map(|s| JsonSkip { path: report.tree_text(&s.path), reason: report.tree_text(&s.reason.to_string()) })
            .collect(),
        notes: report.stats.notes.iter().map(|n| report.tree_text(n)).collect(),
        config_files: &report.stats.config_files,
        suppressed: &report.stats.suppressed,
        stats: stats(report),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

pub fn write_lines(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in report.findings {
        serde_json::to_writer(&mut *out, &finding(report, f))?;
        writeln!(out)?;
    }
    let summary = JsonlSummary {
        summary: JsonlSummaryBody {
            fingerprint_key_id: &report.stats.fingerprint_key_id,
            config_files: &report.stats.config_files,
            suppressed: &report.stats.suppressed,
            skipped: report.stats.skipped.len(),
            stats: stats(report),
        },
    };
    serde_json::to_writer(&mut *out, &summary)?;
    writeln!(out)
}
