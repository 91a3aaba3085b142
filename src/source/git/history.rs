//! The whole history: every blob reachable from the chosen refs, scanned once, attributed to the commit
//! that first brought it in at a path.
//!
//! One thread walks the commits oldest-first and their trees, skipping any tree already seen (its blobs
//! were seen with it), and sends each new (blob, path, commit) down a bounded channel; the worker pool
//! reads and scans the blobs, each worker with its own `Repository`. Memory holds the seen-object sets
//! and one blob per worker, never all contents.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;
use std::sync::Arc;

use git2::{Oid, Repository, Sort};
use rayon::iter::{ParallelBridge, ParallelIterator};

use super::{commit_info, git_skip, one_line, open};
use crate::finding::{CommitInfo, ObjectId, Origin};
use crate::source::{Blob, GitObject, Skip, SkipReason, Source, SourceError, Visitor};

/// Every blob in a repository's history, each attributed to the commit that introduced it at its path.
pub struct HistorySource {
    /// The repository's git directory.
    pub git_dir: PathBuf,
    /// Limit to these revisions (branch names, tags, shas); empty means every ref.
    pub refs: Vec<String>,
    /// Blobs larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Threads reading blobs (at least 1 is used).
    pub threads: usize,
    /// Prefix for reported paths (a submodule's path within its superproject).
    pub path_prefix: String,
    /// Only blobs under this directory (`src/api`), for a scan of a directory inside the repository.
    pub only_under: Option<String>,
}

struct Job {
    blob: Oid,
    path: String,
    commit: Arc<CommitInfo>,
}

impl Source for HistorySource {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError> {
        super::tune_for_bulk_reads();
        let repo = open(&self.git_dir)?;
        if repo.is_shallow() {
            visitor.note(format!(
                "{}: shallow clone: only the history that was fetched is scanned (run `git fetch --unshallow` for all of it)",
                self.git_dir.display()
            ));
        }
        let tips = self.tips(&repo, visitor)?;
        let pool = rayon::ThreadPoolBuilder::new().num_threads(self.threads.max(1)).build().map_err(|e| {
            SourceError::Unsuitable {
                path: self.git_dir.display().to_string(),
                message: format!("cannot start worker threads: {e}"),
            }
        })?;
        let (tx, rx) = sync_channel::<Job>(4096);
        std::thread::scope(|s| {
            let only = self.only_under.as_deref();
            let walker = s.spawn(move || enumerate(&repo, &tips, &self.path_prefix, only, visitor, &tx));
            pool.install(|| {
                rx.into_iter().par_bridge().for_each_init(
                    || Repository::open(&self.git_dir).ok(),
                    |repo, job| match repo {
                        Some(r) => self.scan_blob(r, job, visitor),
                        None => visitor.skip(Skip {
                            path: job.path,
                            reason: SkipReason::Other("cannot open the repository in a worker".into()),
                        }),
                    },
                )
            });
            let _ = walker.join();
        });
        Ok(())
    }
}

impl HistorySource {
    /// Commits to start the walk from: every ref (branches, tags, remotes, stash, notes are skipped) or
    /// the revisions the user named.
    fn tips(&self, repo: &Repository, visitor: &dyn Visitor) -> Result<Vec<Oid>, SourceError> {
        let mut tips = Vec::new();
        if !self.refs.is_empty() {
            for r in &self.refs {
                let obj = repo.revparse_single(r).map_err(|e| SourceError::Git {
                    path: self.git_dir.display().to_string(),
                    at: Some(format!("--branch {r}")),
                    source: e,
                })?;
                match obj.peel_to_commit() {
                    Ok(c) => tips.push(c.id()),
                    Err(e) => visitor.note(format!("--branch {r}: not a commit: {}", one_line(e.message()))),
                }
            }
            return Ok(tips);
        }
        let refs = repo.references().map_err(|e| super::root_error(&self.git_dir, e))?;
        for r in refs.flatten() {
            if r.name().is_some_and(|n| n.starts_with("refs/notes/")) {
                continue;
            }
            // Tags may point at tags; a ref may point at a tree or blob (skip those). A ref to an object
            // that is not there is a warning: its history cannot be scanned.
            match r.peel_to_commit() {
                Ok(c) => tips.push(c.id()),
                Err(e) if e.code() == git2::ErrorCode::NotFound => visitor.skip(Skip {
                    path: String::from_utf8_lossy(r.name_bytes()).into_owned(),
                    reason: SkipReason::Other(format!(
                        "ref points to a missing object{}: its history is not scanned",
                        r.target().map(|t| format!(" {t}")).unwrap_or_default()
                    )),
                }),
                Err(_) => {}
            }
        }
        // The stash keeps older entries in its reflog.
        if let Ok(log) = repo.reflog("refs/stash") {
            tips.extend(log.iter().map(|e| e.id_new()));
        }
        if let Ok(head) = repo.head() {
            if let Ok(c) = head.peel_to_commit() {
                tips.push(c.id());
            }
        }
        tips.sort();
        tips.dedup();
        Ok(tips)
    }

    fn scan_blob(&self, repo: &Repository, job: Job, visitor: &dyn Visitor) {
        let skip = |reason| visitor.skip(Skip { path: format!("{}@{}", job.path, &job.commit.sha[..12]), reason });
        let odb = match repo.odb() {
            Ok(o) => o,
            Err(e) => return skip(SkipReason::Other(format!("object database: {}", one_line(e.message())))),
        };
        match odb.read_header(job.blob) {
            Ok((size, _)) if size as u64 > self.max_file_size => {
                return skip(SkipReason::TooLarge { size: size as u64, limit: self.max_file_size })
            }
            Ok(_) => {}
            Err(e) => return skip(git_skip(GitObject::Blob, job.blob, &e)),
        }
        // Read through the object database, not `find_blob`: no object wrapper or cache lookup per blob.
        let read = odb.read(job.blob);
        match read {
            Ok(blob) => visitor.blob(Blob {
                data: blob.data(),
                origin: Origin::Commit {
                    path: job.path.clone(),
                    blob: ObjectId::from_bytes(job.blob.as_bytes()),
                    commit: Arc::clone(&job.commit),
                },
                lines: None,
            }),
            Err(e) => skip(git_skip(GitObject::Blob, job.blob, &e)),
        };
    }
}

/// Walks commits oldest-first (parents before children) and sends every blob not seen before. Commits
/// and trees are read as raw objects and parsed here: no libgit2 object cache, no per-entry objects.
fn enumerate(
    repo: &Repository,
    tips: &[Oid],
    prefix: &str,
    only_under: Option<&str>,
    visitor: &dyn Visitor,
    tx: &std::sync::mpsc::SyncSender<Job>,
) {
    // With `only_under`, a directory is walked only on the way to it or inside it.
    let wanted_dir = |dir: &str| only_under.is_none_or(|u| under(dir, u) || under(u, dir));
    let wanted_file = |path: &str| only_under.is_none_or(|u| under(path, u));
    let problem = |path: String, message: String| visitor.skip(Skip { path, reason: SkipReason::Other(message) });
    let missing = |path: String, reason: SkipReason| visitor.skip(Skip { path, reason });
    let mut walk = match repo.revwalk() {
        Ok(w) => w,
        Err(e) => return visitor.note(format!("cannot walk history: {}", one_line(e.message()))),
    };
    let _ = walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE);
    for t in tips {
        if let Err(e) = walk.push(*t) {
            problem(t.to_string(), format!("cannot walk from {t}: {}", one_line(e.message())));
        }
    }
    let odb = match repo.odb() {
        Ok(o) => o,
        Err(e) => return visitor.note(format!("cannot read objects: {}", one_line(e.message()))),
    };
    let mut seen_trees: HashSet<Oid> = HashSet::new();
    let mut seen_blobs: HashSet<Oid> = HashSet::new();
    let mut stack: Vec<(Oid, String)> = Vec::new();
    for oid in walk {
        let oid = match oid {
            Ok(o) => o,
            Err(e) => {
                problem(String::new(), format!("history walk: {}", one_line(e.message())));
                continue;
            }
        };
        let tree = match odb.read(oid) {
            Ok(o) => match commit_tree(o.data()) {
                Ok(t) => t,
                Err(m) => {
                    problem(oid.to_string(), format!("corrupt commit {oid}: {m}"));
                    continue;
                }
            },
            Err(e) => {
                missing(oid.to_string(), git_skip(GitObject::Commit, oid, &e));
                continue;
            }
        };
        if !seen_trees.insert(tree) {
            continue;
        }
        // Provenance is looked up only for commits that bring in a new blob.
        let mut info: Option<Arc<CommitInfo>> = None;
        stack.push((tree, prefix.to_string()));
        while let Some((tree_id, dir)) = stack.pop() {
            let object = match odb.read(tree_id) {
                Ok(o) => o,
                Err(e) => {
                    let short = &oid.to_string()[..12];
                    missing(format!("{dir}@{short}"), git_skip(GitObject::Tree, tree_id, &e));
                    continue;
                }
            };
            for entry in TreeEntries(object.data()) {
                let Ok(id) = Oid::from_bytes(entry.id) else { continue };
                let name = String::from_utf8_lossy(entry.name);
                let path = if dir.is_empty() { name.into_owned() } else { format!("{dir}/{name}") };
                // A symlink's target and a submodule's commit are not file content of this repository.
                if entry.mode == MODE_TREE {
                    if wanted_dir(&path) && seen_trees.insert(id) {
                        stack.push((id, path));
                    }
                } else if entry.mode.starts_with(MODE_FILE_PREFIX) && wanted_file(&path) && seen_blobs.insert(id) {
                    let commit = match &info {
                        Some(c) => Arc::clone(c),
                        None => match repo.find_commit(oid) {
                            Ok(c) => Arc::clone(info.insert(Arc::new(commit_info(&c)))),
                            Err(e) => {
                                missing(oid.to_string(), git_skip(GitObject::Commit, oid, &e));
                                continue;
                            }
                        },
                    };
                    if tx.send(Job { blob: id, path, commit }).is_err() {
                        return;
                    }
                }
            }
        }
    }
}

/// Tree entry modes as raw trees spell them: a directory; files are `100644` and `100755` (symlinks
/// `120000` and submodules `160000` are neither).
const MODE_TREE: &[u8] = b"40000";
const MODE_FILE_PREFIX: &[u8] = b"100";

/// Whether `path` is `dir` or inside it (`/`-separated).
fn under(path: &str, dir: &str) -> bool {
    path == dir || (path.starts_with(dir) && path.as_bytes().get(dir.len()) == Some(&b'/'))
}

/// The tree id on a raw commit's first line (`tree <hex>`).
fn commit_tree(data: &[u8]) -> Result<Oid, String> {
    data.strip_prefix(b"tree ")
        .and_then(|rest| rest.get(..40))
        .and_then(|hex| std::str::from_utf8(hex).ok())
        .and_then(|hex| Oid::from_str(hex).ok())
        .ok_or_else(|| "no tree line".to_string())
}

struct TreeEntry<'a> {
    mode: &'a [u8],
    name: &'a [u8],
    id: &'a [u8],
}

/// The entries of a raw tree object: `<octal mode> <name>\0<20-byte id>`, repeated; stops at garbage.
struct TreeEntries<'a>(&'a [u8]);

impl<'a> Iterator for TreeEntries<'a> {
    type Item = TreeEntry<'a>;

    fn next(&mut self) -> Option<TreeEntry<'a>> {
        let data = self.0;
        let space = memchr::memchr(b' ', data)?;
        let nul = space + 1 + memchr::memchr(0, &data[space + 1..])?;
        let id = data.get(nul + 1..nul + 21)?;
        self.0 = &data[nul + 21..];
        Some(TreeEntry { mode: &data[..space], name: &data[space + 1..nul], id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_trees_and_commits_parse() {
        let mut raw = b"100644 a.txt\0".to_vec();
        raw.extend([1u8; 20]);
        raw.extend(b"40000 dir\0");
        raw.extend([2u8; 20]);
        let e: Vec<_> = TreeEntries(&raw).collect();
        assert_eq!(
            (e[0].mode, e[0].name, e[1].mode, e[1].name),
            (&b"100644"[..], &b"a.txt"[..], &b"40000"[..], &b"dir"[..])
        );
        assert_eq!(TreeEntries(&raw[..raw.len() - 1]).count(), 1, "a truncated entry is dropped");
        let commit = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbe4904b\nauthor x";
        assert_eq!(commit_tree(commit).unwrap().to_string(), "4b825dc642cb6eb9a060e54bf8d69288fbe4904b");
        assert!(commit_tree(b"garbage").is_err());
    }
}
