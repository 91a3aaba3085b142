//! The rule file format (`rules/**/*.toml`, `--rules`, `[[rules]]` in `.leakhound.toml`), as serde types.

use serde::{Deserialize, Serialize};

use crate::finding::Severity;

/// The checksum validators a rule may name (`checksum = "…"`); `scan::checksum` implements them.
pub const CHECKSUMS: &[&str] = &["github-crc32", "jwt", "base58-64", "byte-array-64", "base64-user-pass"];

/// A file of rules: `[[rules]]` tables.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rules, in file order.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
}

/// One rule as written in a rule file or config (`[[rules]]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable, kebab-case, unique. Never renamed once released.
    pub id: String,
    /// Human-readable name, shown in reports.
    pub name: String,
    /// How bad a leak of this kind is.
    pub severity: Severity,
    /// Literal strings, ASCII case-insensitive: the prefilter. The regex runs only near a keyword hit.
    pub keywords: Vec<String>,
    /// Regex (Rust `regex` syntax, bytes, ASCII classes). The secret is `(?P<secret>…)`, else group 1,
    /// else the whole match.
    pub pattern: String,
    /// Minimum Shannon entropy, bits per character, of the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_entropy: Option<f64>,
    /// A named validator the secret must pass (see `scan::checksum`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
    /// The issuing provider, for reports and webhooks; defaults to the rule file's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// What the secret is, for reports (SARIF rule descriptions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free-form labels; webhooks can select findings by them.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Links about this kind of secret, listed in SARIF help text.
    #[serde(default)]
    pub references: Vec<String>,
    /// How to rotate a leaked secret of this kind (SARIF help text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotate: Option<String>,
    /// Findings may be sent to the revoke webhook.
    #[serde(default)]
    pub revocable: bool,
    /// A loose pattern for secrets of any provider (`password = "…"`): it gets the stricter value filters
    /// (no code references, identifiers, hashes or UUIDs) and gives way to a specific rule that matches the
    /// same secret.
    #[serde(default)]
    pub generic: bool,
    /// The capture group holding the secret, when it is neither `(?P<secret>…)` nor group 1 (imported
    /// gitleaks rules' `secretGroup`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_group: Option<usize>,
    /// Regexes on the secret that mark a known-harmless value for this rule.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Globs: the rule applies only to paths matching one of them.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Bytes past the keyword's line the regex may reach (multi-line secrets such as PEM blocks).
    #[serde(default)]
    pub span: usize,
    /// Each must give exactly one finding of this rule.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Each must give no finding of this rule.
    #[serde(default)]
    pub non_examples: Vec<String>,
}
