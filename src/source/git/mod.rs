//! Git sources: the whole history (every blob reachable from any ref, once), a commit range (lines added
//! by its commits), and the index (lines staged for the next commit). Objects are read in-process with
//! git2; a `Repository` is not `Sync`, so every worker thread opens its own.

pub(crate) mod commit;
mod discovery;
mod history;
mod lines;
mod pack;
mod range;
mod remote;
mod staged;
pub mod zlib;

use std::path::Path;

use git2::Repository;

pub(crate) use commit::commit_info;
pub use discovery::{discover, enclosing, repository_at, unchanged_paths, RepoAt};
pub use history::{HistorySource, Hit, Prior, Walked};
pub use range::RangeSource;
pub use remote::describe;
pub use staged::StagedSource;

use super::SourceError;
pub(crate) use crate::text::one_line;

/// libgit2 settings for reading every object once: skip re-hashing each object on read (a third of the
/// CPU time on a large history; objects are still checksummed by zlib and the pack index) and do not
/// cache blobs and trees, which are read exactly once.
pub(crate) fn tune_for_bulk_reads() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        git2::opts::strict_hash_verification(false);
        let _ = zlib::version();
        // SAFETY: called once, before any other thread uses libgit2 in this process.
        unsafe {
            // Objects are read once each (the walk skips trees it has seen, and reads packs itself:
            // `pack.rs`), so caching them only costs memory: libgit2 would keep up to 256 MB of small
            // trees and commits (git/git has 200,000 commits).
            for kind in [git2::ObjectType::Blob, git2::ObjectType::Tree, git2::ObjectType::Commit] {
                let _ = git2::opts::set_cache_object_limit(kind, 0);
            }
            // What libgit2 still reads from packs (the commits of its revision walk) is mapped in
            // windows of 8 MB, at most 32 MB of them at once: a large pack is not held resident.
            let _ = git2::opts::set_mwindow_size(8 << 20);
            let _ = git2::opts::set_mwindow_mapped_limit(32 << 20);
        }
    });
}

pub(crate) fn open(git_dir: &Path) -> Result<Repository, SourceError> {
    Repository::open(git_dir).map_err(|e| root_error(git_dir, e))
}

/// A missing or unreadable object, typed.
pub(crate) fn git_skip(what: super::GitObject, oid: git2::Oid, e: &git2::Error) -> super::SkipReason {
    super::SkipReason::Git {
        what,
        oid: crate::finding::ObjectId::from_bytes(oid.as_bytes()),
        message: one_line(e.message()),
    }
}

pub(crate) fn root_error(path: &Path, e: git2::Error) -> SourceError {
    SourceError::Git { path: path.display().to_string(), at: None, source: e }
}
