//! The JSON report, as owned types that are both written (`--format json`, `jsonl`) and read (baselines,
//! tests, tools): one schema, versioned. Field names are stable and documented in README.md.

use serde::{Deserialize, Serialize};

use super::Delivery;
use crate::finding::{CommitInfo, Confidence, Encoding, Fingerprints, Reason, Triage};

/// 1: leakhound 0.1 (no `schema_version`, unkeyed fingerprints); 2: keyed fingerprints, the key id,
/// `config_files` and `suppressed`; 3: `secrets` (findings grouped by secret), `repositories`, and per
/// finding `repository`, `in_head` and `blob`.
pub const SCHEMA_VERSION: u32 = 3;

fn version_1() -> u32 {
    1
}

/// A whole `--format json` report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    /// The schema version (`SCHEMA_VERSION` when written; 1 when absent).
    #[serde(default = "version_1")]
    pub schema_version: u32,
    /// Always `leakhound`.
    pub tool: String,
    /// The leakhound version that wrote the report.
    pub version: String,
    /// Public id of the key the fingerprints were computed with (absent before schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint_key_id: Option<String>,
    /// Every occurrence: one per rule, secret and place (path, commit, line).
    pub findings: Vec<JsonFinding>,
    /// The occurrences grouped by secret, worst first: what to rotate (absent before schema 3).
    #[serde(default)]
    pub secrets: Vec<JsonSecret>,
    /// Each repository of a scan of several (absent otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repositories: Vec<crate::pipeline::RepoStats>,
    /// What was not scanned (binary blobs aside), and why.
    #[serde(default)]
    pub skipped: Vec<JsonSkip>,
    /// Remarks about the scan as a whole (e.g. a shallow repository).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The configuration files applied, in order.
    #[serde(default)]
    pub config_files: Vec<JsonConfigFile>,
    /// What each allowlist, ignore file and baseline suppressed.
    #[serde(default)]
    pub suppressed: Vec<JsonSuppression>,
    /// Counts and timing.
    pub stats: JsonStats,
}

/// One finding (also one line of `--format jsonl`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonFinding {
    /// Id of the rule that matched.
    pub rule_id: String,
    /// Human-readable name of that rule.
    pub rule_name: String,
    /// The service the secret belongs to (`generic` when the rule names none); for a format several
    /// vendors share (`sk_live_`), the vendor its context names, when it names one.
    pub provider: String,
    /// What in the code named the provider (`name METIGAN_API_KEY`, `host api.metigan.com`), for a
    /// format several vendors share; absent when the provider is the rule's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_evidence: Option<String>,
    /// `low`, `medium`, `high` or `critical`.
    pub severity: String,
    /// `high`, `medium` or `low`: how likely a real credential (absent in reports before it existed).
    #[serde(default)]
    pub confidence: Confidence,
    /// Why: `checksum-valid`, `checksum-failed`, `generic-rule`, `test-path`, `example-host`,
    /// `placeholder-like`, `decoded`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confidence_reasons: Vec<Reason>,
    /// The encoding the secret was found under (`base64`, `hex`, `percent`, `escape`); its location is
    /// the encoded text's. Absent for a secret found as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decoded: Option<Encoding>,
    /// `file`, `commit`, `unreachable`, `message`, `staged` or `stdin`.
    pub origin: String,
    /// The file or blob path (`<stdin>` for standard input), redacted like any text from the tree.
    pub path: String,
    /// 1-based line of the first character of the secret.
    pub line: u32,
    /// 1-based column, in Unicode code points, of the first character of the secret.
    pub column: u32,
    /// 1-based line of the last character of the secret.
    pub end_line: u32,
    /// 1-based column one past the last character of the secret.
    pub end_column: u32,
    /// Redacted (`sk_live_…`) unless `--show-secrets`.
    pub secret: String,
    /// Whether `secret` and `snippet` are redacted (false only with `--show-secrets`).
    pub secret_redacted: bool,
    /// The line holding the secret, trimmed and cut, redacted unless `--show-secrets`.
    pub snippet: String,
    /// Shannon entropy of the secret, in bits per byte.
    pub entropy: f64,
    /// Present for rules with a checksum: `false` means the value cannot be a token the vendor issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum_valid: Option<bool>,
    /// Keyed fingerprints of the secret and its location, for baselines and ignore files.
    pub fingerprints: Fingerprints,
    /// The commit that introduced the secret (history scans only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitInfo>,
    /// Revoke-webhook outcomes (present only when webhooks are configured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Vec<Delivery>>,
    /// The repository, in a scan of several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// Whether the current tree holds this occurrence (a file on disk, or a history blob HEAD still has).
    #[serde(default)]
    pub in_head: bool,
    /// The blob id of a history occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob: Option<String>,
    /// The secret's triage status, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<Triage>,
}

/// One leaked secret: its occurrences grouped (same repository, rule and secret fingerprint).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonSecret {
    /// The secret fingerprint every occurrence shares; what `leakhound triage` and `.leakhoundignore` take.
    pub fingerprint: String,
    /// Id of the rule that matched.
    pub rule_id: String,
    /// Human-readable name of that rule.
    pub rule_name: String,
    /// The service the secret belongs to.
    pub provider: String,
    /// The worst severity of its occurrences.
    pub severity: String,
    /// The highest confidence of its occurrences.
    pub confidence: Confidence,
    /// Redacted unless `--show-secrets`.
    pub secret: String,
    /// The repository, in a scan of several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// Whether the current tree still holds it (rotate it and remove it), or history only.
    pub in_head: bool,
    /// Where the current tree holds it.
    pub head_locations: Vec<JsonLocation>,
    /// The occurrence that introduced it.
    pub first_seen: JsonSeen,
    /// The newest occurrence.
    pub last_seen: JsonSeen,
    /// How many occurrences (findings) it has.
    pub occurrences: usize,
    /// Distinct commits holding it.
    pub commits: usize,
    /// Distinct paths holding it.
    pub paths: usize,
    /// Distinct blobs holding it.
    pub blobs: usize,
    /// Its occurrences, oldest first, at most `MAX_LOCATIONS`.
    pub locations: Vec<JsonLocation>,
    /// The team's decision, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<Triage>,
    /// A line for `.leakhoundignore` that accepts this secret everywhere.
    pub ignore_line: String,
}

/// Most occurrences listed per secret in `locations` (the counts are always complete).
pub const MAX_LOCATIONS: usize = 50;

/// An occurrence as a secret's story tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonSeen {
    /// The path.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// `file`, `commit`, `unreachable`, `message`, `staged` or `stdin`.
    pub origin: String,
    /// The commit, for a history occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitInfo>,
}

/// Where one occurrence is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonLocation {
    /// The path.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// `file`, `commit`, `unreachable`, `message`, `staged` or `stdin`.
    pub origin: String,
    /// The commit id, for a history occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// A file or blob that was not scanned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonSkip {
    /// Its path.
    pub path: String,
    /// Why it was skipped, in words.
    pub reason: String,
}

/// A configuration file that was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonConfigFile {
    /// The file.
    pub path: String,
    /// `user` or `repository`.
    pub trust: String,
    /// Built-in rules this file replaced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_rules: Vec<String>,
    /// Rules a repository config turned off (`disable_rules`, `enable_rules`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disabled_rules: Vec<String>,
}

/// What one allowlist, ignore file or baseline suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonSuppression {
    /// The file: a config, `.leakhoundignore`, a baseline.
    pub source: String,
    /// `allowlist`, `ignore-file` or `baseline`.
    pub kind: String,
    /// `user` or `repository`.
    pub trust: String,
    /// Files not scanned (allowlisted paths).
    pub files: u64,
    /// Findings not reported.
    pub findings: u64,
}

/// Counts and timing of a scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonStats {
    /// Blobs scanned.
    pub blobs_scanned: u64,
    /// Bytes of those blobs.
    pub bytes_scanned: u64,
    /// Blobs not scanned because they are binary.
    pub binary_skipped: u64,
    /// Files and blobs skipped for any other reason.
    pub skipped: usize,
    /// Findings reported.
    pub findings: usize,
    /// Distinct secrets among them.
    #[serde(default)]
    pub secrets: usize,
    /// Wall-clock time of the scan, in milliseconds.
    pub elapsed_ms: u64,
}

/// The last line of a JSON Lines report: what the scan covered and what was suppressed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonlSummary {
    /// The summary, under a `summary` key so the line cannot be mistaken for a finding.
    pub summary: JsonlSummaryBody,
}

/// The contents of the JSON Lines summary line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonlSummaryBody {
    /// The schema version (`SCHEMA_VERSION`).
    pub schema_version: u32,
    /// Public id of the key the fingerprints were computed with.
    pub fingerprint_key_id: String,
    /// The configuration files applied, in order.
    pub config_files: Vec<JsonConfigFile>,
    /// What each allowlist, ignore file and baseline suppressed.
    pub suppressed: Vec<JsonSuppression>,
    /// Files and blobs skipped (binary ones aside).
    pub skipped: usize,
    /// Counts and timing.
    pub stats: JsonStats,
}
