//! `[[webhooks]]` in the user's own config, or `--revoke-webhook URL`: the settings, their bounds and
//! their defaults, checked in one place. Sending is `revoke`'s job.

use std::net::IpAddr;
use std::path::PathBuf;

use serde::Deserialize;

use crate::rules::Rule;

/// A webhook setting out of bounds.
#[derive(Debug, thiserror::Error)]
#[error("webhook {url}: {message}")]
pub struct WebhookError {
    /// The webhook's URL.
    pub url: String,
    /// Which setting is wrong and why.
    pub message: String,
}

/// The default outbox: `$XDG_STATE_HOME/leakhound/outbox.sqlite3` (`~/.local/state/…`), never the
/// scanned work tree.
pub fn default_outbox_path() -> PathBuf {
    dirs::state_dir()
        .or_else(dirs::cache_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join("leakhound")
        .join("outbox.sqlite3")
}

/// The environment variable holding the signing key when `secret_env` is not set.
pub(crate) const DEFAULT_SECRET_ENV: &str = "LEAKHOUND_WEBHOOK_SECRET";
/// Longest single attempt; the delivery phase as a whole has its own deadline.
pub const MAX_TIMEOUT_SECS: u64 = 300;
/// Most attempts a webhook may be given.
pub(crate) const MAX_ATTEMPTS: u32 = 20;

/// One revoke webhook: where findings are sent, which ones, and how.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// https:// (plain http only for loopback addresses).
    pub url: String,
    /// Only findings of these rule ids (empty: every revocable rule).
    #[serde(default)]
    pub rules: Vec<String>,
    /// Only findings of rules with one of these tags (empty: any).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Only findings of these providers (empty: any). For a format several vendors share (`sk_live_`),
    /// the provider is the vendor the context names, else the rule's: an issuer receives the keys that
    /// may be its own.
    #[serde(default)]
    pub providers: Vec<String>,
    /// Send the raw token in the body (issuers that store only a hash need it to find the key).
    #[serde(default)]
    pub include_token: bool,
    /// Environment variable holding the HMAC signing key.
    #[serde(default = "default_secret_env")]
    pub secret_env: String,
    /// Seconds for one attempt, connection included.
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
    /// Attempts before a notice goes to the outbox.
    #[serde(default = "default_attempts")]
    pub max_attempts: u32,
    /// Where notices wait until delivered (default: `default_outbox_path()`, in the user's state
    /// directory).
    #[serde(default)]
    pub outbox: Option<PathBuf>,
}

fn default_secret_env() -> String {
    DEFAULT_SECRET_ENV.into()
}
fn default_timeout() -> u64 {
    10
}
fn default_attempts() -> u32 {
    4
}

impl WebhookConfig {
    /// A webhook at `url` with every other setting at its default (`--revoke-webhook URL`).
    pub fn from_url(url: &str) -> Self {
        WebhookConfig {
            url: url.to_string(),
            rules: Vec::new(),
            tags: Vec::new(),
            providers: Vec::new(),
            include_token: false,
            secret_env: default_secret_env(),
            timeout_secs: default_timeout(),
            max_attempts: default_attempts(),
            outbox: None,
        }
    }

    /// Every setting within bounds: an https (or loopback http) URL, a per-attempt timeout of 1 to 300 s,
    /// 1 to 20 attempts, a signing-key variable name.
    pub fn validate(&self) -> Result<(), WebhookError> {
        check_url(&self.url)?;
        let bad = |m: String| WebhookError { url: self.url.clone(), message: m };
        if !(1..=MAX_TIMEOUT_SECS).contains(&self.timeout_secs) {
            return Err(bad(format!("timeout_secs must be 1 to {MAX_TIMEOUT_SECS}, not {}", self.timeout_secs)));
        }
        if !(1..=MAX_ATTEMPTS).contains(&self.max_attempts) {
            return Err(bad(format!("max_attempts must be 1 to {MAX_ATTEMPTS}, not {}", self.max_attempts)));
        }
        if self.secret_env.is_empty() || self.secret_env.contains(['=', '\0']) {
            return Err(bad(format!("secret_env {:?} is not an environment variable name", self.secret_env)));
        }
        Ok(())
    }

    /// The outbox this webhook's notices wait in.
    pub fn outbox_path(&self) -> PathBuf {
        self.outbox.clone().unwrap_or_else(default_outbox_path)
    }

    /// Whether findings of `rule`, attributed to `provider`, go to this webhook (its `rules`, `tags`
    /// and `providers` filters).
    pub fn accepts(&self, rule: &Rule, provider: &str) -> bool {
        (self.rules.is_empty() || self.rules.contains(&rule.spec.id))
            && (self.tags.is_empty() || self.tags.iter().any(|t| rule.spec.tags.contains(t)))
            && (self.providers.is_empty() || self.providers.iter().any(|p| p.eq_ignore_ascii_case(provider)))
    }
}

/// https everywhere; http only to a loopback host, which never leaves the machine.
pub fn check_url(url: &str) -> Result<(), WebhookError> {
    let bad = |m: &str| WebhookError { url: url.to_string(), message: m.to_string() };
    let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("not a URL"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(h) = host_port.strip_prefix('[') {
        h.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    if host.is_empty() {
        return Err(bad("no host"));
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(()),
        "http" if is_loopback(host) => Ok(()),
        "http" => Err(bad("plain http is allowed only for loopback addresses; use https")),
        _ => Err(bad("the scheme must be https")),
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_need_https_except_loopback() {
        assert!(check_url("https://hooks.example.com/x").is_ok());
        assert!(check_url("http://127.0.0.1:8080/x").is_ok());
        assert!(check_url("http://[::1]:9/x").is_ok());
        assert!(check_url("http://localhost/x").is_ok());
        assert!(check_url("http://hooks.example.com/x").is_err());
        assert!(check_url("http://10.0.0.1/x").is_err());
        assert!(check_url("http://127.0.0.1.evil.com/x").is_err());
        assert!(check_url("ftp://x/y").is_err());
    }
}
