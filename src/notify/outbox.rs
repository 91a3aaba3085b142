//! The outbox: every notice is written here, durably, before its first attempt, and leaves only once
//! delivered; `leakhound notify` sends what waits. An embedded SQLite database (WAL, synchronous
//! commits, a busy timeout) so that scans and `notify` running at once share one outbox without loss
//! or corruption, and a crash at any point leaves every undelivered notice in it.
//!
//! A notice being sent is leased to its process (pid and an expiry), so two processes do not send the
//! same notice at once; a lease whose process is gone or whose time has passed is taken over. Delivery
//! is at-least-once per Idempotency-Key: receivers deduplicate by it.
//!
//! An entry holds the exact body (so the Idempotency-Key and payload stay the same) and never a raw
//! token unless the webhook was configured to receive one.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::{Notice, NotifyError};
use crate::config::webhook::WebhookConfig;

/// One waiting notice and the webhook settings it is sent with.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutboxEntry {
    /// The webhook's URL.
    pub url: String,
    /// Environment variable holding the webhook's signing key (the key itself is never stored).
    pub secret_env: String,
    /// Seconds for one attempt.
    pub timeout_secs: u64,
    /// Attempts per delivery run.
    pub max_attempts: u32,
    /// The finding's secret fingerprint, sent as Idempotency-Key.
    pub idempotency_key: String,
    /// The JSON body, exactly as first built.
    pub body: String,
    /// Attempts made so far.
    pub attempts: u32,
    /// Why the last attempt failed (empty before the first).
    pub last_error: String,
    /// When it was queued, in Unix seconds.
    pub queued_at: u64,
}

impl OutboxEntry {
    /// A not yet attempted entry for notice `n` to `hook`.
    pub fn new(hook: &WebhookConfig, n: &Notice) -> Self {
        OutboxEntry {
            url: hook.url.clone(),
            secret_env: hook.secret_env.clone(),
            timeout_secs: hook.timeout_secs,
            max_attempts: hook.max_attempts,
            idempotency_key: n.idempotency_key.clone(),
            body: n.body.clone(),
            attempts: 0,
            last_error: String::new(),
            queued_at: now(),
        }
    }

    /// The webhook settings to send it with, checked again: an outbox is a file on disk, and whatever
    /// it holds must be within the same bounds as a config.
    pub fn webhook(&self) -> Result<WebhookConfig, NotifyError> {
        let hook = WebhookConfig {
            secret_env: self.secret_env.clone(),
            timeout_secs: self.timeout_secs,
            max_attempts: self.max_attempts,
            ..WebhookConfig::from_url(&self.url)
        };
        hook.validate()?;
        Ok(hook)
    }
}

/// An open outbox database.
pub struct Outbox {
    conn: Connection,
    path: PathBuf,
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn err(path: &Path, e: rusqlite::Error) -> NotifyError {
    NotifyError::Database { path: path.display().to_string(), source: e }
}

/// Whether the process that holds a lease is still running (Linux: /proc; elsewhere trust the expiry).
fn alive(pid: i64) -> bool {
    if pid == i64::from(std::process::id()) {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

impl Outbox {
    /// Opens the outbox at `path`, creating it (and its directory) if needed.
    pub fn open(path: &Path) -> Result<Outbox, NotifyError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| NotifyError::Io { path: dir.display().to_string(), source: e })?;
        }
        Self::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)
    }

    /// Opens an outbox that must exist (`leakhound notify`).
    pub fn open_existing(path: &Path) -> Result<Outbox, NotifyError> {
        if !path.is_file() {
            return Err(NotifyError::Outbox {
                path: path.display().to_string(),
                message: "no outbox here (nothing was ever queued, or the path is wrong)".into(),
            });
        }
        Self::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Outbox, NotifyError> {
        let e = |x: rusqlite::Error| err(path, x);
        let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(e)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(e)?;
        // WAL lets readers and one writer work at once; synchronous=FULL makes every commit durable.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(e)?;
        conn.pragma_update(None, "synchronous", "FULL").map_err(e)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS notices (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                secret_env TEXT NOT NULL,
                timeout_secs INTEGER NOT NULL,
                max_attempts INTEGER NOT NULL,
                body TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NOT NULL DEFAULT '',
                queued_at INTEGER NOT NULL,
                lease_pid INTEGER NOT NULL DEFAULT 0,
                lease_until INTEGER NOT NULL DEFAULT 0,
                UNIQUE (url, idempotency_key)
            );",
        )
        .map_err(e)?;
        Ok(Outbox { conn, path: path.to_path_buf() })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records a notice, leased to this process for `lease`, and returns its id. A notice already
    /// waiting (same webhook and key) is taken over if its lease is free, else left to its holder
    /// (`None`).
    pub fn enqueue(&mut self, e: &OutboxEntry, lease: Duration) -> Result<Option<i64>, NotifyError> {
        let path = self.path.clone();
        let x = |q: rusqlite::Error| err(&path, q);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(x)?;
        let existing: Option<(i64, i64, i64)> = tx
            .query_row(
                "SELECT id, lease_pid, lease_until FROM notices WHERE url = ?1 AND idempotency_key = ?2",
                params![e.url, e.idempotency_key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(x)?;
        let until = (now() + lease.as_secs()) as i64;
        let pid = i64::from(std::process::id());
        let id = match existing {
            Some((_, holder, held_until)) if holder != 0 && alive(holder) && held_until > now() as i64 => {
                tx.commit().map_err(x)?;
                return Ok(None);
            }
            Some((id, _, _)) => {
                tx.execute(
                    "UPDATE notices SET body = ?2, secret_env = ?3, timeout_secs = ?4, max_attempts = ?5,
                     lease_pid = ?6, lease_until = ?7 WHERE id = ?1",
                    params![id, e.body, e.secret_env, e.timeout_secs as i64, e.max_attempts, pid, until],
                )
                .map_err(x)?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO notices (url, idempotency_key, secret_env, timeout_secs, max_attempts, body,
                     attempts, last_error, queued_at, lease_pid, lease_until)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        e.url,
                        e.idempotency_key,
                        e.secret_env,
                        e.timeout_secs as i64,
                        e.max_attempts,
                        e.body,
                        e.attempts,
                        e.last_error,
                        e.queued_at as i64,
                        pid,
                        until
                    ],
                )
                .map_err(x)?;
                tx.last_insert_rowid()
            }
        };
        tx.commit().map_err(x)?;
        Ok(Some(id))
    }

    /// Takes every waiting notice whose lease is free (never taken, expired, or its process gone),
    /// leasing each to this process for `lease`.
    pub fn claim_waiting(&mut self, lease: Duration) -> Result<Vec<(i64, OutboxEntry)>, NotifyError> {
        let path = self.path.clone();
        let x = |q: rusqlite::Error| err(&path, q);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(x)?;
        let mut rows = Vec::new();
        {
            let mut st = tx
                .prepare(
                    "SELECT id, url, secret_env, timeout_secs, max_attempts, idempotency_key, body, attempts,
                     last_error, queued_at, lease_pid, lease_until FROM notices ORDER BY id",
                )
                .map_err(x)?;
            let it = st
                .query_map([], |r| {
                    let entry = OutboxEntry {
                        url: r.get(1)?,
                        secret_env: r.get(2)?,
                        timeout_secs: r.get::<_, i64>(3)?.max(0) as u64,
                        max_attempts: r.get::<_, i64>(4)?.clamp(0, i64::from(u32::MAX)) as u32,
                        idempotency_key: r.get(5)?,
                        body: r.get(6)?,
                        attempts: r.get::<_, i64>(7)?.clamp(0, i64::from(u32::MAX)) as u32,
                        last_error: r.get(8)?,
                        queued_at: r.get::<_, i64>(9)?.max(0) as u64,
                    };
                    Ok((r.get::<_, i64>(0)?, entry, r.get::<_, i64>(10)?, r.get::<_, i64>(11)?))
                })
                .map_err(x)?;
            for row in it {
                let (id, entry, holder, until) = row.map_err(x)?;
                let held = holder != 0 && alive(holder) && until > now() as i64;
                if !held {
                    rows.push((id, entry));
                }
            }
        }
        let until = (now() + lease.as_secs()) as i64;
        let pid = i64::from(std::process::id());
        for (id, _) in &rows {
            tx.execute("UPDATE notices SET lease_pid = ?2, lease_until = ?3 WHERE id = ?1", params![id, pid, until])
                .map_err(x)?;
        }
        tx.commit().map_err(x)?;
        Ok(rows)
    }

    /// Delivered: the notice leaves the outbox.
    pub fn delivered(&self, id: i64) -> Result<(), NotifyError> {
        self.conn.execute("DELETE FROM notices WHERE id = ?1", params![id]).map_err(|e| err(&self.path, e))?;
        Ok(())
    }

    /// Not delivered (yet): it stays, with its attempts and last error, and its lease is released.
    pub fn failed(&self, id: i64, attempts: u32, error: &str) -> Result<(), NotifyError> {
        self.conn
            .execute(
                "UPDATE notices SET attempts = attempts + ?2, last_error = ?3, lease_pid = 0, lease_until = 0 WHERE id = ?1",
                params![id, attempts, error],
            )
            .map_err(|e| err(&self.path, e))?;
        Ok(())
    }

    /// Notices waiting, leased or not.
    pub fn len(&self) -> Result<usize, NotifyError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM notices", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| err(&self.path, e))
    }

    /// Whether no notice waits.
    pub fn is_empty(&self) -> Result<bool, NotifyError> {
        Ok(self.len()? == 0)
    }
}

/// Reads a leakhound 0.1 outbox (JSON lines) so that `notify` can move its notices into the database.
pub fn read_legacy(path: &Path, text: &str) -> Result<Vec<OutboxEntry>, NotifyError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| NotifyError::Legacy {
                path: path.display().to_string(),
                line: i + 1,
                source: e,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str) -> OutboxEntry {
        OutboxEntry {
            url: "http://127.0.0.1:9/x".into(),
            secret_env: "K".into(),
            timeout_secs: 1,
            max_attempts: 1,
            idempotency_key: key.into(),
            body: "{}".into(),
            attempts: 0,
            last_error: String::new(),
            queued_at: 0,
        }
    }

    #[test]
    fn a_leased_notice_is_not_claimed_twice_and_is_claimed_once_released() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("o.sqlite3");
        let mut a = Outbox::open(&p).unwrap();
        let mut b = Outbox::open(&p).unwrap();
        let id = a.enqueue(&entry("k1"), Duration::from_secs(60)).unwrap().unwrap();
        assert!(b.enqueue(&entry("k1"), Duration::from_secs(60)).unwrap().is_none(), "held by its lease");
        assert!(b.claim_waiting(Duration::from_secs(60)).unwrap().is_empty());
        a.failed(id, 1, "HTTP 500").unwrap();
        let got = b.claim_waiting(Duration::from_secs(60)).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.attempts, 1);
        b.delivered(got[0].0).unwrap();
        assert!(a.is_empty().unwrap());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("o.sqlite3");
        std::fs::write(&p, b"not a database at all, just bytes").unwrap();
        assert!(Outbox::open_existing(&p).is_err());
        assert!(read_legacy(&p, "{\"url\": 1}\n").is_err());
    }
}
