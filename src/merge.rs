//! `leakhound merge`: the JSON reports of an audit's shards read back into findings and statistics, so
//! that one report (any format) is written from them, regrouped and deduplicated as a single run's
//! would be. Reports are read as written: redacted secrets stay redacted.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::finding::{Attribution, Finding, ObjectId, Origin, Severity};
use crate::pipeline::{AppliedConfig, ScanStats, Suppression};
use crate::redact::Secret;
use crate::report::schema::{JsonFinding, JsonReport};
use crate::scan::Scanner;
use crate::source::{Skip, SkipReason};

/// Why the reports could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A report could not be read or is not a leakhound JSON report.
    #[error("{path}: {message}")]
    Report {
        /// The report file.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// The reports were made with different fingerprint keys: their secrets cannot be matched.
    #[error("{path}: made with fingerprint key {found}, the first report with {expected}: shards of one audit must share the key (LEAKHOUND_FINGERPRINT_KEY)")]
    Key {
        /// The report file.
        path: String,
        /// The first report's key id.
        expected: String,
        /// This report's key id.
        found: String,
    },
}

/// The findings and statistics of all `reports`, as one scan's. A report written with `--show-secrets`
/// is redacted as it is read, with `scanner` (its secrets, snippets and text from the tree), so that the
/// merged report never carries more of a secret than its prefix.
pub fn merge(reports: &[&Path], scanner: &Scanner) -> Result<(Vec<Finding>, ScanStats), MergeError> {
    let mut findings = Vec::new();
    let mut stats = ScanStats::default();
    let mut suppressed: BTreeMap<(String, String, String), Suppression> = BTreeMap::new();
    let mut key: Option<String> = None;
    for path in reports {
        let shown = path.display().to_string();
        let bad = |message: String| MergeError::Report { path: shown.clone(), message };
        let text = std::fs::read(path).map_err(|e| bad(format!("cannot read: {e}")))?;
        let mut report: JsonReport =
            serde_json::from_slice(&text).map_err(|e| bad(format!("not a leakhound JSON report: {e}")))?;
        if report.findings.iter().any(|f| !f.secret_redacted) {
            redact(&mut report, scanner);
        }
        if report.tool != "leakhound" {
            return Err(bad(format!("written by {:?}, not leakhound", report.tool)));
        }
        let id = report.fingerprint_key_id.clone().unwrap_or_default();
        match &key {
            None => key = Some(id),
            Some(k) if *k != id => {
                return Err(MergeError::Key { path: shown, expected: k.clone(), found: id });
            }
            Some(_) => {}
        }
        for (n, f) in report.findings.into_iter().enumerate() {
            findings.push(finding(f).map_err(|m| bad(format!("finding {}: {m}", n + 1)))?);
        }
        stats.blobs += report.stats.blobs_scanned;
        stats.bytes += report.stats.bytes_scanned;
        stats.binary += report.stats.binary_skipped;
        stats.elapsed_ms = stats.elapsed_ms.max(report.stats.elapsed_ms);
        stats
            .skipped
            .extend(report.skipped.into_iter().map(|s| Skip { path: s.path, reason: SkipReason::Other(s.reason) }));
        stats.notes.extend(report.notes);
        stats.repositories.extend(report.repositories);
        for c in report.config_files {
            if !stats.config_files.iter().any(|x| x.path == c.path) {
                stats.config_files.push(AppliedConfig {
                    path: c.path,
                    trust: if c.trust == "repository" { "repository" } else { "user" },
                    replaced_rules: c.replaced_rules,
                    disabled_rules: c.disabled_rules,
                });
            }
        }
        for x in report.suppressed {
            let e =
                suppressed.entry((x.source.clone(), x.kind.clone(), x.trust.clone())).or_insert_with(|| Suppression {
                    source: x.source.clone(),
                    kind: known(&x.kind, &["allowlist", "ignore-file", "baseline", "confidence"]),
                    trust: known(&x.trust, &["user", "repository"]),
                    files: 0,
                    findings: 0,
                });
            e.files += x.files;
            e.findings += x.findings;
        }
    }
    stats.fingerprint_key_id = key.unwrap_or_default();
    stats.suppressed = suppressed.into_values().collect();
    // The reports' paths are shown already (redacted unless written with --show-secrets).
    let shown = |p: &str| p.to_string();
    crate::pipeline::order_remarks(&mut stats.skipped, &mut stats.notes, &shown);
    stats.repositories.sort_by(|a, b| a.name.cmp(&b.name));
    crate::pipeline::dedup(&mut findings, &shown);
    Ok((findings, stats))
}

/// A report written with `--show-secrets`, redacted as every other report is written: each secret and
/// its copies in the snippet cut to the prefix, text from the tree through the scanner's redaction.
fn redact(report: &mut JsonReport, scanner: &Scanner) {
    let text = |t: &mut String| *t = scanner.redact_text(t);
    let path = |t: &mut String| *t = scanner.redact_path(t);
    for f in &mut report.findings {
        if !f.secret_redacted {
            let secret = Secret::new(std::mem::take(&mut f.secret));
            f.snippet = scanner.redact_text(&f.snippet.replace(secret.expose(), &secret.redacted()));
            f.secret = secret.redacted();
            f.secret_redacted = true;
        }
        path(&mut f.path);
        f.repository.iter_mut().for_each(path);
        f.provider_evidence.iter_mut().for_each(text);
        if let Some(c) = &mut f.commit {
            [&mut c.author_name, &mut c.author_email, &mut c.summary].into_iter().for_each(text);
        }
    }
    for s in &mut report.skipped {
        path(&mut s.path);
        text(&mut s.reason);
    }
    report.notes.iter_mut().for_each(text);
    for r in &mut report.repositories {
        path(&mut r.name);
        path(&mut r.path);
        r.remote.iter_mut().for_each(text);
        r.error.iter_mut().for_each(text);
    }
}

/// The static name matching `s` (reports name kinds and trusts from a closed list).
fn known(s: &str, names: &[&'static str]) -> &'static str {
    names.iter().find(|n| **n == s).copied().unwrap_or("other")
}

fn finding(f: JsonFinding) -> Result<Finding, String> {
    let severity: Severity =
        serde_json::from_value(serde_json::Value::String(f.severity.clone())).map_err(|_| "unknown severity")?;
    let blob = match f.blob.as_deref() {
        Some(b) => Some(ObjectId::from_bytes(&hex::decode(b).map_err(|_| format!("blob id {b:?} is not hex"))?)),
        None => None,
    };
    let commit = f.commit.clone().map(Arc::new);
    let path = f.path.clone();
    let origin = match (f.origin.as_str(), blob, commit) {
        ("file", _, _) => Origin::File { path },
        ("staged", _, _) => Origin::Staged { path },
        ("stdin", _, _) => Origin::Stdin,
        ("commit", Some(blob), Some(commit)) => Origin::Commit { path, blob, commit },
        ("unreachable", Some(blob), commit) => Origin::Unreachable { path, blob, commit },
        ("message", _, Some(commit)) => Origin::Message { path, commit },
        (kind, _, _) => return Err(format!("origin {kind:?} without the blob or commit it needs")),
    };
    let secret = if f.secret_redacted { Secret::from_redacted(f.secret) } else { Secret::new(f.secret) };
    Ok(Finding {
        rule_id: f.rule_id,
        rule_name: f.rule_name,
        severity,
        origin,
        line: f.line,
        column: f.column,
        end_line: f.end_line,
        end_column: f.end_column,
        secret,
        raw_snippet: f.snippet.clone(),
        snippet: f.snippet,
        entropy: f.entropy,
        checksum_valid: f.checksum_valid,
        decoded: f.decoded,
        attribution: f.provider_evidence.map(|evidence| Attribution { vendor: f.provider, evidence }),
        confidence: f.confidence,
        reasons: f.confidence_reasons,
        fingerprints: f.fingerprints,
        repository: f.repository.map(Into::into),
        in_head: f.in_head,
    })
}
