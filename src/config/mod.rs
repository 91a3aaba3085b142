//! `.leakhound.toml`: allowlists, extra rules and (from the user's own configuration only) webhook
//! settings.
//!
//! Trust boundary: a scanned tree is untrusted input. A config file found inside it may add allowlists
//! and rules; anything that sends data, writes files or changes network behaviour (webhooks, their
//! outbox, timeouts, signing-key variables, whether the raw token is sent) is honoured only from a file
//! the user chose: `--config FILE` or the user-level config file.

pub mod webhook;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::RuleSpec;

/// One `.leakhound.toml`, as parsed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// What is not scanned or not reported.
    #[serde(default)]
    pub allowlist: AllowlistConfig,
    /// Extra rules; a rule with a built-in's id replaces it.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// Revoke webhooks: where findings of revocable rules are sent (nothing is sent without one).
    #[serde(default)]
    pub webhooks: Vec<webhook::WebhookConfig>,
    /// Rule ids not to run.
    #[serde(default)]
    pub disable_rules: Vec<String>,
    /// When set, only these rule ids run.
    #[serde(default)]
    pub enable_rules: Vec<String>,
    /// Fingerprint settings (user configuration only).
    #[serde(default)]
    pub fingerprints: FingerprintConfig,
}

/// `[fingerprints]`: how fingerprints are keyed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FingerprintConfig {
    /// File holding the key that fingerprints are computed with (share it to share baselines).
    #[serde(default)]
    pub key_file: Option<PathBuf>,
}

/// `[allowlist]`: paths not scanned and secrets not reported.
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
    /// Per rule id, globs of paths where that rule's findings are not reported.
    #[serde(default)]
    pub rule_paths: std::collections::BTreeMap<String, Vec<String>>,
}

impl AllowlistConfig {
    /// Whether it allows nothing.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
            && self.path_regexes.is_empty()
            && self.regexes.is_empty()
            && self.stopwords.is_empty()
            && self.rule_paths.is_empty()
    }
}

/// Who chose a configuration file, which decides what it may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// `--config FILE` or the user-level config: every setting applies.
    User,
    /// Found inside the scanned tree: allowlists and rules only.
    Repository,
}

impl Trust {
    /// The name reports use: `user` or `repository`.
    pub fn as_str(self) -> &'static str {
        match self {
            Trust::User => "user",
            Trust::Repository => "repository",
        }
    }
}

/// A configuration file as loaded, with where it came from.
#[derive(Debug)]
pub struct ConfigFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Who chose it, which decides which settings were kept.
    pub trust: Trust,
    /// Its settings (from a repository, without the ones it may not set).
    pub config: Config,
}

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read config")]
    Read {
        /// The file, as given.
        path: String,
        /// The read error.
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: invalid config: {message}")]
    /// Not valid TOML, or not a valid configuration.
    Parse {
        /// The file, as given.
        path: String,
        /// What is wrong, with the line it is on.
        message: String,
    },
}

impl Config {
    /// Reads and parses the configuration file at `path` (no trust rules applied; see `ConfigFile::load`).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Read { path: path.display().to_string(), source })?;
        Self::parse(&text).map_err(|message| ConfigError::Parse { path: path.display().to_string(), message })
    }

    /// Parses configuration text; the error is a one-line message naming the offending line.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| crate::text::toml_error(text, &e))
    }
}

impl ConfigFile {
    /// Loads `path` with `trust`. From a repository, settings beyond allowlists and rules are dropped,
    /// each with a warning in `warnings`, and its rules are never sent to a webhook.
    pub fn load(path: &Path, trust: Trust, warnings: &mut Vec<String>) -> Result<ConfigFile, ConfigError> {
        let mut config = Config::load(path)?;
        if trust == Trust::Repository {
            let shown = path.display();
            if !config.webhooks.is_empty() {
                warnings.push(format!(
                    "{shown}: [[webhooks]] ignored: a config inside the scanned tree may set allowlists and rules only; \
                     put webhooks in your own config (--config FILE or the user config file)"
                ));
                config.webhooks.clear();
            }
            if config.fingerprints.key_file.is_some() {
                warnings.push(format!("{shown}: [fingerprints] ignored: a config inside the scanned tree may set allowlists and rules only"));
                config.fingerprints = FingerprintConfig::default();
            }
            for r in &mut config.rules {
                r.revocable = false;
            }
        }
        Ok(ConfigFile { path: path.to_path_buf(), trust, config })
    }
}

/// The user-level config file: `$XDG_CONFIG_HOME/leakhound/config.toml` (`~/.config/…`).
pub fn user_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("leakhound").join("config.toml"))
}
