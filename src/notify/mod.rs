//! Notices to revoke webhooks (opt-in; `--revoke-webhook` and `[[webhooks]]` configure them, `leakhound
//! notify` resends them): for each finding of a revocable rule, POST a signed JSON notice to the
//! configured webhooks, every notice recorded in the outbox before its first attempt, so the issuer can
//! revoke the key within seconds and nothing is lost.

pub mod outbox;
pub mod payload;
pub mod sign;
pub mod transport;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use crate::config::webhook::WebhookConfig;
use crate::finding::Finding;
use crate::rules::RuleSet;
use outbox::{Outbox, OutboxEntry};
use transport::{Attempted, Transport};

pub use crate::delivery::{Deliveries, Delivery};

/// Why notices could not be planned, sent or kept.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// A webhook's settings are invalid, or its signing key is not set.
    #[error("webhook {url}: {message}")]
    Config {
        /// The webhook's URL.
        url: String,
        /// What is wrong.
        message: String,
    },
    /// The outbox is missing or unusable.
    #[error("outbox {path}: {message}")]
    Outbox {
        /// The outbox file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The outbox database could not be opened, read or written.
    #[error("outbox {path}")]
    Database {
        /// The outbox file.
        path: String,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// The outbox file or its directory could not be read, created or removed.
    #[error("outbox {path}")]
    Io {
        /// The file or directory.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A line of a leakhound 0.1 outbox is not a notice.
    #[error("outbox {path}: line {line}")]
    Legacy {
        /// The old outbox file.
        path: String,
        /// The line, from 1.
        line: usize,
        /// What the JSON parser said.
        #[source]
        source: serde_json::Error,
    },
}

impl From<crate::config::webhook::WebhookError> for NotifyError {
    fn from(e: crate::config::webhook::WebhookError) -> Self {
        NotifyError::Config { url: e.url, message: e.message }
    }
}

/// A notice ready to send: its body is fixed, so every retry and every later run sends the same bytes
/// under the same Idempotency-Key.
#[derive(Debug, Clone)]
pub struct Notice {
    /// Index of the webhook in the list `plan` was given.
    pub webhook: usize,
    /// The finding's secret fingerprint, sent as Idempotency-Key.
    pub idempotency_key: String,
    /// The JSON body, exactly as sent.
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
            // An attributed vendor is a name piece from the scanned tree: redacted like the rest of it.
            let provider = f.attribution.as_ref().map_or_else(|| rule.provider().to_string(), |a| redact(&a.vendor));
            if !rule.spec.revocable || !hook.accepts(rule, &provider) || !seen.insert(f.fingerprints.secret.clone()) {
                continue;
            }
            let body = payload::body(f, &provider, hook.include_token, redact);
            out.push(Notice { webhook: wi, idempotency_key: f.fingerprints.secret.clone(), body });
        }
    }
    out
}

/// Longest a whole delivery phase may take: past it no new attempt starts, and what is left waits in
/// the outbox for `leakhound notify`.
pub const DELIVERY_DEADLINE: Duration = Duration::from_secs(60);

/// Records every notice in its webhook's outbox (durably, before the first attempt), sends them with
/// bounded concurrency until `deadline`, removes the delivered ones and leaves the rest waiting.
/// Returns the outcome per secret fingerprint. `log` receives one redacted line per notice.
pub fn deliver(
    notices: Vec<Notice>,
    hooks: &[WebhookConfig],
    deadline: Instant,
    log: &(dyn Fn(String) + Sync),
) -> Result<Deliveries, NotifyError> {
    let transports: Vec<Transport> = hooks.iter().map(Transport::new).collect::<Result<_, _>>()?;
    // One outbox per distinct path; every notice is in it before anything is sent.
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    let mut outboxes: Vec<Mutex<Outbox>> = Vec::new();
    let mut queued: Vec<(Notice, usize, Option<i64>)> = Vec::new();
    let lease = deadline.saturating_duration_since(Instant::now()) + Duration::from_secs(60);
    for n in notices {
        let path = hooks[n.webhook].outbox_path();
        let bi = match paths.iter().position(|p| *p == path) {
            Some(i) => i,
            None => {
                outboxes.push(Mutex::new(Outbox::open(&path)?));
                paths.push(path);
                outboxes.len() - 1
            }
        };
        let id = lock(&outboxes[bi]).enqueue(&OutboxEntry::new(&hooks[n.webhook], &n), lease)?;
        queued.push((n, bi, id));
    }
    let results: Mutex<Vec<(Notice, Delivery)>> = Mutex::new(Vec::new());
    let first_error: Mutex<Option<NotifyError>> = Mutex::new(None);
    let queue = Mutex::new(queued.into_iter());
    let workers = 4;
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let next = lock(&queue).next();
                let Some((n, bi, id)) = next else { break };
                let hook = &hooks[n.webhook];
                let outcome = match id {
                    None => Delivery::Deferred {
                        webhook: hook.url.clone(),
                        reason: "another leakhound process is sending this notice".into(),
                    },
                    Some(id) => {
                        let a = transports[n.webhook].send(&n.idempotency_key, &n.body, deadline);
                        let recorded = match &a {
                            Attempted::Delivered { .. } => lock(&outboxes[bi]).delivered(id),
                            Attempted::Failed { attempts, error, .. } => {
                                lock(&outboxes[bi]).failed(id, *attempts, error)
                            }
                        };
                        if let Err(e) = recorded {
                            lock(&first_error).get_or_insert(e);
                        }
                        match a {
                            Attempted::Delivered { status, attempts } => {
                                Delivery::Delivered { webhook: hook.url.clone(), http_status: status, attempts }
                            }
                            Attempted::Failed { status, attempts, error } => Delivery::Failed {
                                webhook: hook.url.clone(),
                                http_status: status,
                                attempts,
                                error,
                                outbox: true,
                            },
                        }
                    }
                };
                lock(&results).push((n, outcome));
            });
        }
    });
    if let Some(e) = first_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    let mut out: Deliveries = HashMap::new();
    for (n, d) in results.into_inner().unwrap_or_else(|e| e.into_inner()) {
        log(describe(&n, &d));
        out.entry(n.idempotency_key.clone()).or_default().push(d);
    }
    Ok(out)
}

/// `leakhound notify`: sends every notice waiting in the outbox at `path` (whose lease is free) until
/// `deadline`. Returns (delivered, still waiting).
pub fn flush(path: &Path, deadline: Instant, log: &(dyn Fn(String) + Sync)) -> Result<(usize, usize), NotifyError> {
    let mut outbox = Outbox::open_existing(path)?;
    let lease = deadline.saturating_duration_since(Instant::now()) + Duration::from_secs(60);
    let mut delivered = 0;
    for (id, e) in outbox.claim_waiting(lease)? {
        let key = short_key(&e.idempotency_key).to_string();
        let sent =
            e.webhook().and_then(|hook| Transport::new(&hook)).map(|t| t.send(&e.idempotency_key, &e.body, deadline));
        match sent {
            Ok(Attempted::Delivered { status, .. }) => {
                outbox.delivered(id)?;
                delivered += 1;
                log(format!("webhook {}: delivered {key}… (HTTP {status})", e.url));
            }
            Ok(Attempted::Failed { attempts, error, .. }) => {
                outbox.failed(id, attempts, &error)?;
                log(format!("webhook {}: still failing {key}…: {error}", e.url));
            }
            Err(x) => {
                let why = crate::text::error_chain(&x);
                outbox.failed(id, 0, &why)?;
                log(why);
            }
        }
    }
    Ok((delivered, outbox.len()?))
}

/// Moves the notices of a leakhound 0.1 outbox (JSON lines) into the database outbox at `into`, then
/// removes the old file. Returns how many were moved.
pub fn import_legacy(from: &Path, into: &Path) -> Result<usize, NotifyError> {
    let io = |e| NotifyError::Io { path: from.display().to_string(), source: e };
    let text = std::fs::read_to_string(from).map_err(io)?;
    let entries = outbox::read_legacy(from, &text)?;
    let mut target = Outbox::open(into)?;
    for e in &entries {
        if let Some(id) = target.enqueue(e, Duration::ZERO)? {
            target.failed(id, e.attempts, &e.last_error)?;
        }
    }
    std::fs::remove_file(from).map_err(io)?;
    Ok(entries.len())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
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
        Delivery::Deferred { webhook, reason } => format!("webhook {webhook}: {key}… left in the outbox: {reason}"),
    }
}
