//! Notices that could not be delivered, as JSON lines, for `leakhound notify` to send later. An entry
//! holds the exact body (so the Idempotency-Key and payload stay the same) and never a raw token unless
//! the webhook was configured to receive one.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::config::WebhookConfig;
use super::{Notice, RevokeError};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub url: String,
    pub secret_env: String,
    pub timeout_secs: u64,
    pub max_attempts: u32,
    pub idempotency_key: String,
    pub body: String,
    pub attempts: u32,
    pub last_error: String,
    pub queued_at: u64,
}

impl OutboxEntry {
    pub fn new(hook: &WebhookConfig, n: &Notice, attempts: u32, error: &str) -> Self {
        OutboxEntry {
            url: hook.url.clone(),
            secret_env: hook.secret_env.clone(),
            timeout_secs: hook.timeout_secs,
            max_attempts: hook.max_attempts,
            idempotency_key: n.idempotency_key.clone(),
            body: n.body.clone(),
            attempts,
            last_error: error.to_string(),
            queued_at: std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()),
        }
    }

    pub fn webhook(&self) -> WebhookConfig {
        WebhookConfig {
            secret_env: self.secret_env.clone(),
            timeout_secs: self.timeout_secs,
            max_attempts: self.max_attempts,
            ..WebhookConfig::from_url(&self.url)
        }
    }
}

fn err(path: &Path, e: impl std::fmt::Display) -> RevokeError {
    RevokeError::Outbox { path: path.display().to_string(), message: e.to_string() }
}

pub fn append(path: &Path, entry: &OutboxEntry) -> Result<(), RevokeError> {
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).map_err(|e| err(path, e))?;
    let line = serde_json::to_string(entry).map_err(|e| err(path, e))?;
    writeln!(f, "{line}").map_err(|e| err(path, e))
}

pub fn read(path: &Path) -> Result<Vec<OutboxEntry>, RevokeError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(err(path, e)),
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| err(path, format!("line {}: {e}", i + 1))))
        .collect()
}

/// Replace the outbox with `entries` (atomically: write a sibling file, then rename).
pub fn rewrite(path: &Path, entries: &[OutboxEntry]) -> Result<(), RevokeError> {
    if entries.is_empty() {
        return match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(err(path, e)),
            _ => Ok(()),
        };
    }
    let tmp = path.with_extension("jsonl.tmp");
    {
        let mut f = std::fs::File::create(&tmp).map_err(|e| err(&tmp, e))?;
        for e in entries {
            writeln!(f, "{}", serde_json::to_string(e).map_err(|x| err(path, x))?).map_err(|x| err(&tmp, x))?;
        }
    }
    std::fs::rename(&tmp, path).map_err(|e| err(path, e))
}

/// `leakhound notify --outbox FILE`: send every waiting notice again; delivered ones leave the outbox,
/// the rest stay with their attempt count and last error. Returns (delivered, still waiting).
pub fn flush(path: &Path, log: &(dyn Fn(String) + Sync)) -> Result<(usize, usize), RevokeError> {
    let entries = read(path)?;
    let mut left = Vec::new();
    let mut delivered = 0;
    for mut e in entries {
        let transport = match super::transport::Transport::new(&e.webhook()) {
            Ok(t) => t,
            Err(x) => {
                log(format!("{x}"));
                left.push(e);
                continue;
            }
        };
        match transport.send(&e.idempotency_key, &e.body) {
            super::transport::Attempted::Delivered { status, .. } => {
                delivered += 1;
                log(format!("webhook {}: delivered {}… (HTTP {status})", e.url, super::short_key(&e.idempotency_key)));
            }
            super::transport::Attempted::Failed { attempts, error, .. } => {
                log(format!("webhook {}: still failing {}…: {error}", e.url, super::short_key(&e.idempotency_key)));
                e.attempts += attempts;
                e.last_error = error;
                left.push(e);
            }
        }
    }
    let waiting = left.len();
    rewrite(path, &left)?;
    Ok((delivered, waiting))
}
