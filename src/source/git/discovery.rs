//! What a path is to git: a repository top level, bare, a directory inside a work tree; its submodules
//! (from the index) and the work-tree files identical to HEAD.

use std::path::{Path, PathBuf};

use git2::{Repository, RepositoryOpenFlags};

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

/// The repository at exactly `path`, read with one open.
pub struct RepoAt {
    /// Its git directory.
    pub git_dir: PathBuf,
    /// No work tree to scan: `core.bare`, or `path` is the git directory itself (a mirror or a copied
    /// `.git` often has no config saying it is bare).
    pub bare: bool,
    /// Its submodules (see `submodule_paths`).
    pub submodules: Vec<PathBuf>,
}

/// What the repository at exactly `path` is, if it is one.
pub fn repository_at(path: &Path) -> Option<RepoAt> {
    let repo = Repository::open_ext(path, RepositoryOpenFlags::NO_SEARCH, std::iter::empty::<&str>()).ok()?;
    let git_dir = repo.path().to_path_buf();
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let bare = repo.is_bare() || same(path, &git_dir);
    let submodules = gitlinks(&repo);
    Some(RepoAt { git_dir, bare, submodules })
}

/// Paths of submodules (relative to the work tree), which a scan leaves alone unless asked to recurse.
///
/// Taken from the index's gitlink entries (mode 160000), not from `.gitmodules`: that file is the
/// scanned tree's to write, and a hostile one (`path = src`, `path = /home/you`) must neither hide
/// the tree's own files from the scan nor send it outside the tree.
fn gitlinks(repo: &Repository) -> Vec<PathBuf> {
    const GITLINK: u32 = 0o160000;
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
