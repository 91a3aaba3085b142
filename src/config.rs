//! `.leakhound.toml`: the user's allowlist and extra rules.

use std::path::Path;

use serde::Deserialize;

use crate::rules::RuleSpec;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub allowlist: AllowlistConfig,
    /// Extra rules; a rule with a built-in's id replaces it.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// Revoke webhooks: where findings of revocable rules are sent (nothing is sent without one).
    #[serde(default)]
    pub webhooks: Vec<crate::revoke::WebhookConfig>,
}

#[derive(Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct AllowlistConfig {
    /// Globs of paths never scanned (relative to the scan root; `*` does not cross `/`).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Regexes on the path (relative to the scan root) of files never scanned (as gitleaks' paths).
    #[serde(default)]
    pub path_regexes: Vec<String>,
    /// Regexes: a secret matching one is not reported.
    #[serde(default)]
    pub regexes: Vec<String>,
    /// Words: a secret containing one (ASCII case-insensitive) is not reported.
    #[serde(default)]
    pub stopwords: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read config: {message}")]
    Read { path: String, message: String },
    #[error("{path}: invalid config: {message}")]
    Parse { path: String, message: String },
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.display().to_string(),
            message: crate::source::fs::io_message(&e),
        })?;
        Self::parse(&text).map_err(|message| ConfigError::Parse { path: path.display().to_string(), message })
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| crate::text::one_line(&e.to_string()))
    }
}
