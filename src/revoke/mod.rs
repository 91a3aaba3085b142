//! The revoke webhook (opt-in): for each finding of a revocable rule, POST a signed JSON notice to the
//! configured webhooks, retrying what can succeed later and keeping what finally failed in an outbox,
//! so the issuer can revoke the key within seconds and nothing is lost.

pub mod config;
pub mod outbox;
pub mod payload;
pub mod sign;
pub mod transport;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use serde::Serialize;

use crate::finding::Finding;
use crate::rules::RuleSet;
pub use config::WebhookConfig;
use outbox::OutboxEntry;
use transport::{Attempted, Transport};

/// What happened to one finding's notice to one webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Delivery {
    Delivered {
        webhook: String,
        http_status: u16,
        attempts: u32,
    },
    Failed {
        webhook: String,
        http_status: Option<u16>,
        attempts: u32,
        error: String,
        outbox: bool,
    },
    /// `--revoke-dry-run`: built and shown, not sent.
    DryRun {
        webhook: String,
    },
}

impl Delivery {
    pub fn is_failure(&self) -> bool {
        matches!(self, Delivery::Failed { .. })
    }
}

/// Outcomes by the finding's secret fingerprint (one key can go to several webhooks).
pub type Deliveries = HashMap<String, Vec<Delivery>>;

#[derive(Debug, thiserror::Error)]
pub enum RevokeError {
    #[error("webhook {url}: {message}")]
    Config { url: String, message: String },
    #[error("outbox {path}: {message}")]
    Outbox { path: String, message: String },
}

/// A notice ready to send: its body is fixed, so every retry and every later run sends the same bytes
/// under the same Idempotency-Key.
#[derive(Debug, Clone)]
pub struct Notice {
    pub webhook: usize,
    pub idempotency_key: String,
    pub body: String,
}

/// Which findings go to which webhook, deduplicated by secret fingerprint per webhook.
/// `redact` is applied to text from the scanned tree (path, commit message, author) in the body.
pub fn plan(
    findings: &[Finding],
    rules: &RuleSet,
    hooks: &[WebhookConfig],
    redact: &dyn Fn(&str) -> String,
) -> Vec<Notice> {
    let mut out = Vec::new();
    for (wi, hook) in hooks.iter().enumerate() {
        let mut seen = HashSet::new();
        for f in findings {
            let Some(rule) = rules.get(&f.rule_id) else { continue };
            if !rule.spec.revocable || !hook.accepts(rule) || !seen.insert(f.fingerprints.secret.clone()) {
                continue;
            }
            let body = payload::body(f, rule.provider(), hook.include_token, redact);
            out.push(Notice { webhook: wi, idempotency_key: f.fingerprints.secret.clone(), body });
        }
    }
    out
}

/// Sends every notice (bounded concurrency), appends final failures to each webhook's outbox, and
/// returns the outcome per secret fingerprint. `log` receives one redacted line per notice.
pub fn deliver(
    notices: Vec<Notice>,
    hooks: &[WebhookConfig],
    log: &(dyn Fn(String) + Sync),
) -> Result<Deliveries, RevokeError> {
    let transports: Vec<Transport> = hooks.iter().map(Transport::new).collect::<Result<_, _>>()?;
    let results: Mutex<Vec<(Notice, Attempted)>> = Mutex::new(Vec::new());
    let queue = Mutex::new(notices.into_iter());
    let workers = 4;
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                let Some(n) = next else { break };
                let outcome = transports[n.webhook].send(&n.idempotency_key, &n.body);
                results.lock().unwrap_or_else(|e| e.into_inner()).push((n, outcome));
            });
        }
    });
    let mut out: Deliveries = HashMap::new();
    for (n, a) in results.into_inner().unwrap_or_else(|e| e.into_inner()) {
        let hook = &hooks[n.webhook];
        let d = match a {
            Attempted::Delivered { status, attempts } => {
                Delivery::Delivered { webhook: hook.url.clone(), http_status: status, attempts }
            }
            Attempted::Failed { status, attempts, error } => {
                // Nothing is lost: every final failure waits in the outbox for `leakhound notify`.
                outbox::append(&hook.outbox, &OutboxEntry::new(hook, &n, attempts, &error))?;
                Delivery::Failed { webhook: hook.url.clone(), http_status: status, attempts, error, outbox: true }
            }
        };
        log(describe(&n, &d));
        out.entry(n.idempotency_key.clone()).or_default().push(d);
    }
    Ok(out)
}

/// What `--revoke-dry-run` shows: the notices, redacted, nothing sent.
pub fn dry_run(notices: &[Notice], hooks: &[WebhookConfig], log: &(dyn Fn(String) + Sync)) -> Deliveries {
    let mut out: Deliveries = HashMap::new();
    for n in notices {
        let d = Delivery::DryRun { webhook: hooks[n.webhook].url.clone() };
        log(format!("dry run: would POST to {}: {}", hooks[n.webhook].url, payload::redacted_body(&n.body)));
        out.entry(n.idempotency_key.clone()).or_default().push(d);
    }
    out
}

/// The first 12 characters of an idempotency key, for log lines (a shorter key is shown whole).
pub fn short_key(key: &str) -> &str {
    key.char_indices().nth(12).map_or(key, |(i, _)| &key[..i])
}

fn describe(n: &Notice, d: &Delivery) -> String {
    let key = short_key(&n.idempotency_key);
    match d {
        Delivery::Delivered { webhook, http_status, attempts } => {
            format!("webhook {webhook}: delivered {key}… (HTTP {http_status}, {attempts} attempt(s))")
        }
        Delivery::Failed { webhook, error, attempts, outbox, .. } => format!(
            "webhook {webhook}: FAILED {key}… after {attempts} attempt(s): {error}{}",
            if *outbox { " (kept in the outbox; retry with `leakhound notify`)" } else { "" }
        ),
        Delivery::DryRun { webhook } => format!("webhook {webhook}: dry run {key}…"),
    }
}
