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

use git2::{ObjectType, Oid, Repository, Sort, Tree};
use rayon::iter::{ParallelBridge, ParallelIterator};

use super::{commit_info, one_line, open};
use crate::finding::{CommitInfo, Origin};
use crate::source::{Blob, Skip, SkipReason, Source, SourceError, Visitor};

pub struct HistorySource {
    pub git_dir: PathBuf,
    /// Limit to these revisions (branch names, tags, shas); empty means every ref.
    pub refs: Vec<String>,
    pub max_file_size: u64,
    pub threads: usize,
    /// Prefix for reported paths (a submodule's path within its superproject).
    pub path_prefix: String,
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
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.max(1))
            .build()
            .map_err(|e| SourceError::Root { path: self.git_dir.display().to_string(), message: e.to_string() })?;
        let (tx, rx) = sync_channel::<Job>(4096);
        std::thread::scope(|s| {
            let walker = s.spawn(move || enumerate(&repo, &tips, &self.path_prefix, visitor, &tx));
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
                let obj = repo.revparse_single(r).map_err(|e| SourceError::Root {
                    path: self.git_dir.display().to_string(),
                    message: format!("--branch {r}: {}", one_line(e.message())),
                })?;
                match obj.peel_to_commit() {
                    Ok(c) => tips.push(c.id()),
                    Err(e) => visitor.note(format!("--branch {r}: not a commit: {}", one_line(e.message()))),
                }
            }
            return Ok(tips);
        }
        let refs = repo.references().map_err(|e| super::root_error(&self.git_dir, &e))?;
        for r in refs.flatten() {
            if r.name().is_some_and(|n| n.starts_with("refs/notes/")) {
                continue;
            }
            // Tags may point at tags; a ref may point at a tree or blob (skip those).
            if let Ok(c) = r.peel_to_commit() {
                tips.push(c.id());
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
            Err(e) => {
                return skip(SkipReason::Other(format!(
                    "missing or corrupt object {}: {}",
                    job.blob,
                    one_line(e.message())
                )))
            }
        }
        match repo.find_blob(job.blob) {
            Ok(blob) => visitor.blob(Blob {
                data: blob.content(),
                origin: Origin::Commit {
                    path: job.path.clone(),
                    blob: job.blob.to_string(),
                    commit: Some((*job.commit).clone()),
                },
                lines: None,
            }),
            Err(e) => {
                skip(SkipReason::Other(format!("missing or corrupt object {}: {}", job.blob, one_line(e.message()))))
            }
        }
    }
}

/// Walks commits oldest-first (parents before children) and sends every blob not seen before.
fn enumerate(
    repo: &Repository,
    tips: &[Oid],
    prefix: &str,
    visitor: &dyn Visitor,
    tx: &std::sync::mpsc::SyncSender<Job>,
) {
    let mut walk = match repo.revwalk() {
        Ok(w) => w,
        Err(e) => return visitor.note(format!("cannot walk history: {}", one_line(e.message()))),
    };
    let _ = walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE);
    for t in tips {
        if let Err(e) = walk.push(*t) {
            visitor.skip(Skip {
                path: t.to_string(),
                reason: SkipReason::Other(format!("cannot walk from {t}: {}", one_line(e.message()))),
            });
        }
    }
    let mut seen_trees: HashSet<Oid> = HashSet::new();
    let mut seen_blobs: HashSet<Oid> = HashSet::new();
    for oid in walk {
        let oid = match oid {
            Ok(o) => o,
            Err(e) => {
                visitor.skip(Skip {
                    path: String::new(),
                    reason: SkipReason::Other(format!("history walk: {}", one_line(e.message()))),
                });
                continue;
            }
        };
        let commit = match repo.find_commit(oid) {
            Ok(c) => c,
            Err(e) => {
                visitor.skip(Skip {
                    path: oid.to_string(),
                    reason: SkipReason::Other(format!("missing or corrupt commit {oid}: {}", one_line(e.message()))),
                });
                continue;
            }
        };
        let tree = match commit.tree() {
            Ok(t) => t,
            Err(e) => {
                visitor.skip(Skip {
                    path: oid.to_string(),
                    reason: SkipReason::Other(format!(
                        "missing or corrupt tree of commit {oid}: {}",
                        one_line(e.message())
                    )),
                });
                continue;
            }
        };
        if !seen_trees.insert(tree.id()) {
            continue;
        }
        let info = Arc::new(commit_info(&commit));
        let mut stack: Vec<(Tree<'_>, String)> = vec![(tree, prefix.to_string())];
        while let Some((tree, dir)) = stack.pop() {
            for entry in tree.iter() {
                let name = String::from_utf8_lossy(entry.name_bytes());
                let path = if dir.is_empty() { name.into_owned() } else { format!("{dir}/{name}") };
                match entry.kind() {
                    Some(ObjectType::Tree) if seen_trees.insert(entry.id()) => match repo.find_tree(entry.id()) {
                        Ok(t) => stack.push((t, path)),
                        Err(e) => visitor.skip(Skip {
                            path: format!("{path}@{}", &info.sha[..12]),
                            reason: SkipReason::Other(format!(
                                "missing or corrupt tree {}: {}",
                                entry.id(),
                                one_line(e.message())
                            )),
                        }),
                    },
                    // 0o120000 is a symlink: its blob is the link target, not file content.
                    Some(ObjectType::Blob) if entry.filemode() != 0o120000 && seen_blobs.insert(entry.id()) => {
                        let job = Job { blob: entry.id(), path, commit: Arc::clone(&info) };
                        if tx.send(job).is_err() {
                            return;
                        }
                    }
                    // Seen trees and blobs, and submodule commits (gitlinks, in another repository).
                    _ => {}
                }
            }
        }
    }
}
