//! The store: an embedded SQLite database (by default in the user's cache directory) that makes history
//! rescans incremental and keeps triage decisions.
//!
//! Per repository it records what the last scan walked, under which scope (leakhound's version, the
//! rules, the configuration and the options that change findings, hashed): every object id it met, the
//! commits it started from, and where it found something (paths and object ids only; no secret, no
//! snippet, no commit text). A rescan under the same scope walks only commits that are new, scans only
//! objects that are new, and scans again the few blobs that held findings, so it reports exactly what a
//! full scan would. Under another scope (a rule changed) the repository is scanned in full and its record
//! replaced. Each repository's record is written in one transaction after its scan has finished, so a
//! crash leaves the previous record; WAL and a busy timeout let several processes share the file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use git2::Oid;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::finding::{Triage, TriageStatus};
use crate::source::git::{Hit, Prior};

/// Why the store could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: store: {message}")]
pub struct StoreError {
    /// The database file.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What one scan of a repository leaves for the next.
#[derive(Debug, Default)]
pub struct Record {
    /// Every object met so far (earlier scans' and this one's).
    pub known: Vec<Oid>,
    /// The commits this scan started from.
    pub tips: Vec<Oid>,
    /// Where this scan found something.
    pub hits: Vec<Hit>,
}

/// Layout version of the database; a store of another version is rebuilt (it holds only a cache and
/// triage, which is carried over).
const LAYOUT: i64 = 1;

impl Store {
    /// `store.sqlite3` in leakhound's directory under the user's cache directory.
    pub fn default_path() -> Option<PathBuf> {
        dirs::cache_dir().map(|d| d.join("leakhound").join("store.sqlite3"))
    }

    /// Opens the store at `path`, creating it (and its directory) if needed.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let fail = |message: String| StoreError { path: path.display().to_string(), message };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail(format!("cannot create its directory: {e}")))?;
        }
        let e = |x: rusqlite::Error| fail(x.to_string());
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(e)?;
        conn.busy_timeout(Duration::from_secs(60)).map_err(e)?;
        // WAL: readers and one writer at once; NORMAL is durable at checkpoints, enough for a cache whose
        // loss costs only a full rescan.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(e)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(e)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS repos (
                 repo TEXT PRIMARY KEY,
                 scope TEXT NOT NULL,
                 id_len INTEGER NOT NULL,
                 known BLOB NOT NULL,
                 tips TEXT NOT NULL,
                 hits TEXT NOT NULL,
                 scanned_at TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS triage (
                 fingerprint TEXT PRIMARY KEY,
                 status TEXT NOT NULL,
                 note TEXT,
                 at TEXT NOT NULL
             );",
        )
        .map_err(e)?;
        let layout: Option<i64> =
            conn.query_row("SELECT value FROM meta WHERE key = 'layout'", [], |r| r.get(0)).optional().map_err(e)?;
        match layout {
            Some(LAYOUT) => {}
            Some(_) => {
                conn.execute_batch("DELETE FROM repos;").map_err(e)?;
                conn.execute("UPDATE meta SET value = ?1 WHERE key = 'layout'", [LAYOUT]).map_err(e)?;
            }
            None => {
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('layout', ?1)", [LAYOUT]).map_err(e)?;
            }
        }
        Ok(Store { conn, path: path.to_path_buf() })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self, x: impl std::fmt::Display) -> StoreError {
        StoreError { path: self.path.display().to_string(), message: x.to_string() }
    }

    /// What the last scan of `repo` under `scope` left, if that is what the store holds for it.
    pub fn prior(&self, repo: &str, scope: &str) -> Result<Option<Prior>, StoreError> {
        let row: Option<(String, i64, Vec<u8>, String, String)> = self
            .conn
            .query_row("SELECT scope, id_len, known, tips, hits FROM repos WHERE repo = ?1", [repo], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()
            .map_err(|x| self.fail(x))?;
        let Some((stored_scope, id_len, known, tips, hits)) = row else { return Ok(None) };
        if stored_scope != scope || !(id_len == 20 || id_len == 32) {
            return Ok(None);
        }
        let known: HashSet<Oid> = known.chunks_exact(id_len as usize).filter_map(|c| Oid::from_bytes(c).ok()).collect();
        let tips: Vec<String> = serde_json::from_str(&tips).map_err(|x| self.fail(format!("tips of {repo}: {x}")))?;
        let hits: Vec<Hit> = serde_json::from_str(&hits).map_err(|x| self.fail(format!("hits of {repo}: {x}")))?;
        let tips = tips.iter().filter_map(|t| Oid::from_str(t).ok()).collect();
        Ok(Some(Prior { known, tips, hits }))
    }

    /// Replaces `repo`'s record, in one transaction.
    pub fn save(&mut self, repo: &str, scope: &str, record: &Record) -> Result<(), StoreError> {
        let mut known: Vec<&[u8]> = record.known.iter().map(|o| o.as_bytes()).collect();
        known.sort_unstable();
        known.dedup();
        let id_len = known.first().map_or(20, |k| k.len());
        let blob: Vec<u8> = known.concat();
        let tips: Vec<String> = record.tips.iter().map(|t| t.to_string()).collect();
        let tips = serde_json::to_string(&tips).map_err(|x| self.fail(x))?;
        let hits = serde_json::to_string(&record.hits).map_err(|x| self.fail(x))?;
        let now = crate::text::now_rfc3339();
        let path = self.path.display().to_string();
        let fail = |x: rusqlite::Error| StoreError { path: path.clone(), message: x.to_string() };
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
        tx.execute(
            "INSERT OR REPLACE INTO repos (repo, scope, id_len, known, tips, hits, scanned_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![repo, scope, id_len as i64, blob, tips, hits, now],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// Records a triage decision on the secret with this fingerprint (replacing any earlier one).
    pub fn set_triage(&self, fingerprint: &str, triage: &Triage) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO triage (fingerprint, status, note, at) VALUES (?1, ?2, ?3, ?4)",
                params![fingerprint, triage.status.as_str(), triage.note, triage.at],
            )
            .map(drop)
            .map_err(|x| self.fail(x))
    }

    /// Forgets the triage decision on a secret; whether there was one.
    pub fn clear_triage(&self, fingerprint: &str) -> Result<bool, StoreError> {
        self.conn
            .execute("DELETE FROM triage WHERE fingerprint = ?1", [fingerprint])
            .map(|n| n > 0)
            .map_err(|x| self.fail(x))
    }

    /// Every triage decision, by secret fingerprint.
    pub fn triage(&self) -> Result<HashMap<String, Triage>, StoreError> {
        let mut q = self.conn.prepare("SELECT fingerprint, status, note, at FROM triage").map_err(|x| self.fail(x))?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .map_err(|x| self.fail(x))?;
        let mut out = HashMap::new();
        for row in rows {
            let (fp, status, note, at) = row.map_err(|x| self.fail(x))?;
            if let Some(status) = TriageStatus::parse(&status) {
                out.insert(fp, Triage { status, note, at });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_comes_back_only_under_its_scope_and_triage_persists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s/store.sqlite3");
        let mut s = Store::open(&path).unwrap();
        let a = Oid::from_str("1111111111111111111111111111111111111111").unwrap();
        let b = Oid::from_str("2222222222222222222222222222222222222222").unwrap();
        let hit =
            Hit { kind: "commit".into(), path: "a.py".into(), blob: Some(a.to_string()), commit: Some(b.to_string()) };
        s.save("repo", "scope1", &Record { known: vec![b, a, a], tips: vec![b], hits: vec![hit.clone()] }).unwrap();
        assert!(s.prior("repo", "scope2").unwrap().is_none());
        assert!(s.prior("other", "scope1").unwrap().is_none());
        let p = s.prior("repo", "scope1").unwrap().unwrap();
        assert_eq!(p.known, HashSet::from([a, b]));
        assert_eq!((p.tips, p.hits), (vec![b], vec![hit]));
        let t =
            Triage { status: TriageStatus::Revoked, note: Some("rotated".into()), at: "2026-01-01T00:00:00Z".into() };
        s.set_triage("ff", &t).unwrap();
        drop(s);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.triage().unwrap().get("ff"), Some(&t));
        assert!(s.clear_triage("ff").unwrap());
        assert!(s.triage().unwrap().is_empty());
    }
}
