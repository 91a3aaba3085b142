//! The JSON report, as owned types that are both written (`--format json`, `jsonl`) and read (baselines,
//! tests, tools): one schema, versioned. Field names are stable and documented in README.md.

use serde::{Deserialize, Serialize};

use super::Delivery;
use crate::finding::{CommitInfo, Fingerprints};

/// 1: leakhound 0.1 (no `schema_version`, unkeyed fingerprints); 2: keyed fingerprints, the key id,
/// `config_files` and `suppressed`.
pub const SCHEMA_VERSION: u32 = 2;

fn version_1() -> u32 {
    1
}

/// A whole `--format json` report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    #[serde(default = "version_1")]
    pub schema_version: u32,
    pub tool: String,
    pub version: String,
    /// Public id of the key the fingerprints were computed with (absent before schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint_key_id: Option<String>,
    pub findings: Vec<JsonFinding>,
    #[serde(default)]
    pub skipped: Vec<JsonSkip>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub config_files: Vec<JsonConfigFile>,
    #[serde(default)]
    pub suppressed: Vec<JsonSuppression>,
    pub stats: JsonStats,
}

/// One finding (also one line of `--format jsonl`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonFinding {
    pub rule_id: String,
    pub rule_name: String,
    pub provider: String,
    pub severity: String,
    /// `file`, `commit`, `staged` or `stdin`.
    pub origin: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// Redacted (`sk_live_…`) unless `--show-secrets`.
    pub secret: String,
    pub secret_redacted: bool,
    pub snippet: String,
    pub entropy: f64,
    /// Present for rules with a checksum: `false` means the value cannot be a token the vendor issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum_valid: Option<bool>,
    pub fingerprints: Fingerprints,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitInfo>,
    /// Revoke-webhook outcomes (present only when webhooks are configured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Vec<Delivery>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonSkip {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonConfigFile {
    pub path: String,
    /// `user` or `repository`.
    pub trust: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced_rules: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disabled_rules: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonSuppression {
    pub source: String,
    /// `allowlist`, `ignore-file` or `baseline`.
    pub kind: String,
    pub trust: String,
    pub files: u64,
    pub findings: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonStats {
    pub blobs_scanned: u64,
    pub bytes_scanned: u64,
    pub binary_skipped: u64,
    pub skipped: usize,
    pub findings: usize,
    pub elapsed_ms: u64,
}

/// The last line of a JSON Lines report: what the scan covered and what was suppressed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonlSummary {
    pub summary: JsonlSummaryBody,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonlSummaryBody {
    pub schema_version: u32,
    pub fingerprint_key_id: String,
    pub config_files: Vec<JsonConfigFile>,
    pub suppressed: Vec<JsonSuppression>,
    pub skipped: usize,
    pub stats: JsonStats,
}
