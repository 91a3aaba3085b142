//! JSON (one document, also the baseline format) and JSON Lines (one finding per line). Field names are
//! stable and documented in README.md.

use std::io::{self, Write};

use super::schema::{
    JsonConfigFile, JsonFinding, JsonLocation, JsonReport, JsonSecret, JsonSeen, JsonSkip, JsonStats, JsonSuppression,
    JsonlSummary, JsonlSummaryBody, MAX_LOCATIONS, SCHEMA_VERSION,
};
use super::{shown_secret, shown_snippet, Report, SecretGroup};
use crate::finding::Finding;

fn config_files(report: &Report<'_>) -> Vec<JsonConfigFile> {
    report
        .stats
        .config_files
        .iter()
        .map(|c| JsonConfigFile {
            path: report.tree_path(&c.path),
            trust: c.trust.to_string(),
            replaced_rules: c.replaced_rules.clone(),
            disabled_rules: c.disabled_rules.clone(),
        })
        .collect()
}

fn suppressed(report: &Report<'_>) -> Vec<JsonSuppression> {
    report
        .stats
        .suppressed
        .iter()
        .map(|x| JsonSuppression {
            source: report.tree_text(&x.source),
            kind: x.kind.to_string(),
            trust: x.trust.to_string(),
            files: x.files,
            findings: x.findings,
        })
        .collect()
}

fn stats(report: &Report<'_>) -> JsonStats {
    JsonStats {
        blobs_scanned: report.stats.blobs,
        bytes_scanned: report.stats.bytes,
        binary_skipped: report.stats.binary,
        skipped: report.stats.skipped.len(),
        findings: report.findings.len(),
        secrets: report.secrets.len(),
        elapsed_ms: report.stats.elapsed_ms,
    }
}

pub(crate) fn finding(report: &Report<'_>, f: &Finding) -> JsonFinding {
    JsonFinding {
        rule_id: f.rule_id.clone(),
        rule_name: f.rule_name.clone(),
        provider: report.provider_of(f),
        provider_evidence: f.attribution.as_ref().map(|a| report.tree_text(&a.evidence)),
        severity: f.severity.as_str().to_string(),
        confidence: f.confidence,
        confidence_reasons: f.reasons.clone(),
        decoded: f.decoded,
        origin: f.origin.kind().to_string(),
        path: report.path_of(f),
        line: f.line,
        column: f.column,
        end_line: f.end_line,
        end_column: f.end_column,
        secret: shown_secret(f, report.show_secrets),
        secret_redacted: !report.show_secrets,
        snippet: shown_snippet(f, report.show_secrets).to_string(),
        entropy: f.entropy,
        checksum_valid: f.checksum_valid,
        fingerprints: f.fingerprints.clone(),
        commit: report.commit_of(f),
        delivery: report.deliveries_of(f).map(<[_]>::to_vec),
        repository: report.repository_of(f),
        in_head: f.in_head,
        blob: f.origin.blob().map(|b| b.to_string()),
        triage: report.triage_of(&f.fingerprints.secret).cloned(),
    }
}

fn seen(report: &Report<'_>, f: &Finding) -> JsonSeen {
    JsonSeen { path: report.path_of(f), line: f.line, origin: f.origin.kind().to_string(), commit: report.commit_of(f) }
}

fn location(report: &Report<'_>, f: &Finding) -> JsonLocation {
    JsonLocation {
        path: report.path_of(f),
        line: f.line,
        origin: f.origin.kind().to_string(),
        commit: f.origin.commit().map(|c| c.sha.clone()),
    }
}

/// One secret's story, as the JSON and HTML reports give it.
pub(crate) fn secret(report: &Report<'_>, g: &SecretGroup) -> JsonSecret {
    let at = |i: usize| &report.findings[i];
    let rep = at(g.representative());
    JsonSecret {
        fingerprint: g.fingerprint.clone(),
        rule_id: g.rule_id.clone(),
        rule_name: rep.rule_name.clone(),
        provider: report.provider_of(rep),
        severity: g.severity.as_str().to_string(),
        confidence: g.confidence,
        secret: shown_secret(rep, report.show_secrets),
        repository: report.repository_of(rep),
        in_head: g.is_in_head(),
        head_locations: g.in_head.iter().map(|&i| location(report, at(i))).collect(),
        first_seen: seen(report, at(g.first)),
        last_seen: seen(report, at(g.last)),
        occurrences: g.occurrences.len(),
        commits: g.commits,
        paths: g.paths,
        blobs: g.blobs,
        locations: g.occurrences.iter().take(MAX_LOCATIONS).map(|&i| location(report, at(i))).collect(),
        triage: report.triage_of(&g.fingerprint).cloned(),
        ignore_line: ignore_line(g),
    }
}

/// A `.leakhoundignore` line that accepts the secret everywhere (its secret fingerprint).
pub fn ignore_line(g: &SecretGroup) -> String {
    format!("{}  # {}", g.fingerprint, g.rule_id)
}

fn repositories(report: &Report<'_>) -> Vec<super::RepoStats> {
    report
        .stats
        .repositories
        .iter()
        .map(|r| super::RepoStats {
            name: report.tree_path(&r.name),
            path: report.tree_path(&r.path),
            remote: r.remote.as_deref().map(|u| report.tree_text(u)),
            error: r.error.as_deref().map(|e| report.tree_text(e)),
            ..r.clone()
        })
        .collect()
}

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(report))?;
    writeln!(out)
}

/// The whole JSON report.
pub(crate) fn document(report: &Report<'_>) -> JsonReport {
    JsonReport {
        schema_version: SCHEMA_VERSION,
        tool: "leakhound".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        fingerprint_key_id: Some(report.stats.fingerprint_key_id.clone()),
        findings: report.findings.iter().map(|f| finding(report, f)).collect(),
        secrets: report.secrets.iter().map(|g| secret(report, g)).collect(),
        repositories: repositories(report),
        skipped: report
            .stats
            .skipped
            .iter()
            .map(|s| JsonSkip { path: report.tree_path(&s.path), reason: report.tree_text(&s.reason.to_string()) })
            .collect(),
        notes: report.stats.notes.iter().map(|n| report.tree_text(n)).collect(),
        config_files: config_files(report),
        suppressed: suppressed(report),
        stats: stats(report),
    }
}

pub(crate) fn write_lines(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in report.findings {
        serde_json::to_writer(&mut *out, &finding(report, f))?;
        writeln!(out)?;
    }
    let summary = JsonlSummary {
        summary: JsonlSummaryBody {
            schema_version: SCHEMA_VERSION,
            fingerprint_key_id: report.stats.fingerprint_key_id.clone(),
            config_files: config_files(report),
            suppressed: suppressed(report),
            skipped: report.stats.skipped.len(),
            stats: stats(report),
        },
    };
    serde_json::to_writer(&mut *out, &summary)?;
    writeln!(out)
}
