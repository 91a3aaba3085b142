//! Git sources: the whole history (every blob reachable from any ref, once), a commit range (lines added
//! by its commits), and the index (lines staged for the next commit). Objects are read in-process with
//! git2; a `Repository` is not `Sync`, so every worker thread opens its own.

mod history;
mod lines;
mod range;
mod staged;
pub mod zlib;

use std::path::{Path, PathBuf};

use git2::{Commit, Repository, RepositoryOpenFlags};

pub use history::HistorySource;
pub use range::RangeSource;
pub use staged::StagedSource;

use super::SourceError;
use crate::finding::CommitInfo;
pub(crate) use crate::text::one_line;

/// The repository at exactly `path` (a work tree's top level or a bare repository), if it is one.
pub fn discover(path: &Path) -> Option<PathBuf> {
    let repo = Repository::open_ext(path, RepositoryOpenFlags::NO_SEARCH, std::iter::empty::<&str>()).ok()?;
    Some(repo.path().to_path_buf())
}

/// The repository whose work tree holds the directory `path` below its top level: its git directory,
/// its top level (canonical) and `path` relative to it (`src/api`, `/`-separated).
pub fn enclosing(path: &Path) -> Option<(PathBuf, PathBuf, String)> {
    let repo = Repository::discover(path).ok()?;
    let top = repo.workdir()?.canonicalize().ok()?;
    let real = path.canonicalize().ok()?;
    let rel = real.strip_prefix(&top).ok()?;
    if rel.as_os_str().is_empty() {
        return None;
    }
    let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
    Some((repo.path().to_path_buf(), top, rel))
}

/// Whether the repository at `git_dir`, found from `path`, has no work tree to scan: `core.bare`, or
/// `path` is the git directory itself (a mirror or a copied `.git` often has no config saying it is bare).
pub fn is_bare(path: &Path, git_dir: &Path) -> bool {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    Repository::open(git_dir).map(|r| r.is_bare()).unwrap_or(false) || same(path, git_dir)
}

/// libgit2 settings for reading every object once: skip re-hashing each object on read (a third of the
/// CPU time on a large history; objects are still checksummed by zlib and the pack index) and do not
/// cache blobs, which are read exactly once.
pub(crate) fn tune_for_bulk_reads() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        git2::opts::strict_hash_verification(false);
        let _ = zlib::version();
        // SAFETY: called once, before any other thread uses libgit2 in this process.
        unsafe {
            let _ = git2::opts::set_cache_object_limit(git2::ObjectType::Blob, 0);
        }
    });
}

pub(crate) fn open(git_dir: &Path) -> Result<Repository, SourceError> {
    Repository::open(git_dir).map_err(|e| root_error(git_dir, &e))
}

/// A missing or unreadable object, typed.
pub(crate) fn git_skip(what: super::GitObject, oid: git2::Oid, e: &git2::Error) -> super::SkipReason {
    super::SkipReason::Git {
        what,
        oid: crate::finding::ObjectId::from_bytes(oid.as_bytes()),
        message: one_line(e.message()),
    }
}

pub(crate) fn root_error(path: &Path, e: &git2::Error) -> SourceError {
    SourceError::Root { path: path.display().to_string(), message: one_line(e.message()) }
}

pub(crate) fn commit_info(c: &Commit<'_>) -> CommitInfo {
    let a = c.author();
    CommitInfo {
        sha: c.id().to_string(),
        author_name: String::from_utf8_lossy(a.name_bytes()).into_owned(),
        author_email: String::from_utf8_lossy(a.email_bytes()).into_owned(),
        date: rfc3339(a.when()),
        summary: String::from_utf8_lossy(c.summary_bytes().unwrap_or_default()).into_owned(),
    }
}

/// `2024-05-01T12:34:56+02:00` from a git timestamp (seconds + offset), without a date crate.
fn rfc3339(t: git2::Time) -> String {
    let offset = t.offset_minutes() as i64;
    let secs = t.seconds() + offset * 60;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar (H. Hinnant).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Paths of submodules (relative to the work tree), which a scan leaves alone unless asked to recurse.
///
/// Taken from the index's gitlink entries (mode 160000), not from `.gitmodules`: that file is the
/// scanned tree's to write, and a hostile one (`path = src`, `path = /home/you`) must neither hide
/// the tree's own files from the scan nor send it outside the tree.
pub fn submodule_paths(git_dir: &Path) -> Vec<PathBuf> {
    const GITLINK: u32 = 0o160000;
    let Ok(repo) = Repository::open(git_dir) else { return Vec::new() };
    let Ok(index) = repo.index() else { return Vec::new() };
    index
        .iter()
        .filter(|e| e.mode == GITLINK)
        .filter_map(|e| String::from_utf8(e.path).ok())
        .map(PathBuf::from)
        .filter(|p| p.components().all(|c| matches!(c, std::path::Component::Normal(_))))
        .collect()
}

/// Paths whose working-tree content is exactly what is committed at HEAD: the history scan covers
/// them, so the file scan can skip them and a secret is not reported twice for one place.
pub fn unchanged_paths(git_dir: &Path) -> std::collections::HashSet<PathBuf> {
    let mut out = std::collections::HashSet::new();
    let Ok(repo) = Repository::open(git_dir) else { return out };
    let mut opts = git2::StatusOptions::new();
    opts.include_unmodified(true).include_untracked(false).include_ignored(false).exclude_submodules(true);
    if let Ok(st) = repo.statuses(Some(&mut opts)) {
        for e in st.iter() {
            if e.status() == git2::Status::CURRENT {
                out.insert(path_from_git(e.path_bytes()));
            }
        }
    }
    out
}

/// A path as git stores it (bytes, `/`-separated) as a platform path.
#[cfg(unix)]
fn path_from_git(bytes: &[u8]) -> PathBuf {
    PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes))
}

/// A path as git stores it (UTF-8 on Windows, `/`-separated) as a platform path.
#[cfg(not(unix))]
fn path_from_git(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).replace('/', "\\"))
}

/// The repository's `origin` remote as an https URL without credentials, HEAD's commit and branch.
pub fn describe(git_dir: &Path) -> Option<crate::source::Repository> {
    let repo = Repository::open(git_dir).ok()?;
    let remote = repo.find_remote("origin").ok()?;
    let uri = https_url(remote.url()?)?;
    let head = repo.head().ok();
    Some(crate::source::Repository {
        uri,
        revision: head.as_ref().and_then(|h| h.target()).map(|o| o.to_string()),
        branch: head.as_ref().filter(|h| h.is_branch()).and_then(|h| h.shorthand().map(str::to_string)),
    })
}

/// `git@host:org/repo.git` or `https://user:tok@host/org/repo.git` -> `https://host/org/repo`.
fn https_url(url: &str) -> Option<String> {
    let (host, path) = if let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) {
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        rest.split_once('/')?
    } else if let Some(rest) = url.strip_prefix("ssh://") {
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        let (host, path) = rest.split_once('/')?;
        (host.split(':').next()?, path)
    } else {
        let (user_host, path) = url.split_once(':')?;
        (user_host.rsplit_once('@').map_or(user_host, |(_, h)| h), path)
    };
    // A query or fragment can carry a token (`?access_token=…`): never part of the reported URL.
    let path = path.split(['?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains('/') || path.is_empty() {
        return None;
    }
    Some(format!("https://{host}/{}", path.trim_start_matches('/').trim_end_matches(".git")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn remote_urls_become_https_without_credentials() {
        assert_eq!(super::https_url("git@github.com:org/repo.git").as_deref(), Some("https://github.com/org/repo"));
        assert_eq!(
            super::https_url("https://x:tok@github.com/org/repo.git").as_deref(),
            Some("https://github.com/org/repo")
        );
        assert_eq!(super::https_url("ssh://git@host:22/a/b").as_deref(), Some("https://host/a/b"));
        assert_eq!(super::https_url("/local/path"), None);
        assert_eq!(
            super::https_url("https://host/org/repo.git?access_token=abc#frag").as_deref(),
            Some("https://host/org/repo")
        );
    }

    #[test]
    fn dates_are_rfc3339() {
        assert_eq!(super::rfc3339(git2::Time::new(0, 0)), "1970-01-01T00:00:00+00:00");
        assert_eq!(super::rfc3339(git2::Time::new(1_700_000_000, 120)), "2023-11-15T00:13:20+02:00");
        assert_eq!(super::rfc3339(git2::Time::new(951_782_400, -300)), "2000-02-28T19:00:00-05:00");
    }
}
