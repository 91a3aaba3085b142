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
use std::sync::{Arc, Mutex};

use git2::{ObjectType, Oid, Repository, Sort};

use super::pack::{self, Packs};
use super::{commit, git_skip, one_line, open};
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
    /// Also scan what no ref reaches (dangling commits, trees and blobs); only when every ref is walked
    /// and the whole tree is wanted.
    pub unreachable: bool,
    /// What earlier scans of this repository with the same rules walked (from the store): only what is
    /// new is walked and scanned, and the earlier findings' blobs are scanned again.
    pub prior: Option<Arc<Prior>>,
    /// Filled with what this scan walked, for the store.
    pub walked: Option<Arc<Mutex<Walked>>>,
    /// Scan only shard `I` of `N` (0-based): the blobs, commits and tags whose id falls in it; the walk
    /// itself is whole, so each blob keeps the origin a single scan would give it.
    pub shard: Option<(u32, u32)>,
}

/// What earlier scans of a repository, with the same rules and options, walked and found.
#[derive(Debug, Default)]
pub struct Prior {
    /// Every object the earlier walks met: not walked or scanned again.
    pub known: HashSet<Oid>,
    /// The commits the earlier walk started from: this walk stops at them and their ancestors.
    pub tips: Vec<Oid>,
    /// Where the earlier scans found something: those blobs and messages are scanned again, with the
    /// same origins, so that a rescan reports exactly what a full scan would.
    pub hits: Vec<Hit>,
}

/// A history blob or message that held findings: its origin by ids (commit details are read again
/// from the repository, so the store keeps no text of the tree but paths).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    /// `commit`, `unreachable` or `message`.
    pub kind: String,
    /// The path it was reported at.
    pub path: String,
    /// The blob, hex (none for a message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob: Option<String>,
    /// The commit (or tag, for a tag's message), hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

impl Hit {
    /// The hit for a history origin; None for any other origin.
    pub fn of(origin: &Origin) -> Option<Hit> {
        let (path, blob, commit) = match origin {
            Origin::Commit { path, blob, commit } => (path, Some(blob), Some(commit.as_ref())),
            Origin::Unreachable { path, blob, commit } => (path, Some(blob), commit.as_deref()),
            Origin::Message { path, commit } => (path, None, Some(commit.as_ref())),
            _ => return None,
        };
        Some(Hit {
            kind: origin.kind().to_string(),
            path: path.clone(),
            blob: blob.map(|b| b.to_string()),
            commit: commit.map(|c| c.sha.clone()),
        })
    }
}

/// What one walk met, for the store.
#[derive(Debug, Default)]
pub struct Walked {
    /// Every commit, tree, blob and tag the walk met that was not already known.
    pub objects: Vec<Oid>,
    /// The commits it started from.
    pub tips: Vec<Oid>,
}

/// What the walk hands the workers.
enum Job {
    /// A blob to read, at a path, with the commit that brought it in (none for a lone unreachable blob)
    /// and the blob sent at that path before it (most likely the version it edits).
    Blob { blob: Oid, path: String, commit: Option<Arc<CommitInfo>>, reachable: bool, base: Option<Oid> },
    /// A commit's or tag's message, already read.
    Message { text: Vec<u8>, path: String, commit: Arc<CommitInfo> },
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
        let (tips, tags) = self.tips(&repo, visitor)?;
        // Objects live in the common directory (a linked worktree's git directory has none).
        let packs = Packs::open(repo.commondir());
        let (tx, rx) = sync_channel::<Job>(4096);
        let rx = Mutex::new(rx);
        let cache = pack::Cache::new(BLOB_CACHE);
        std::thread::scope(|s| {
            let (rx, cache) = (&rx, &cache);
            let unreachable = self.unreachable && self.refs.is_empty() && self.only_under.is_none();
            let packs = &packs;
            // Workers, each with its own repository handle (not `Sync`), sharing a cache of delta bases.
            let mut started = 0;
            for _ in 0..self.threads.max(1) {
                let worker = std::thread::Builder::new().name("history-scan".into()).spawn_scoped(s, move || {
                    let repo = Repository::open(&self.git_dir).ok();
                    loop {
                        let job = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        let Ok(job) = job else { break };
                        match (job, &repo) {
                            (Job::Message { text, path, commit }, _) => visitor.blob(Blob {
                                data: &text,
                                origin: Origin::Message { path, commit },
                                lines: None,
                                base: None,
                                owned: None,
                            }),
                            (Job::Blob { blob, path, commit, reachable, base }, Some(r)) => {
                                let read = Read { repo: r, packs, cache };
                                self.scan_blob(read, (blob, base), path, commit, reachable, visitor)
                            }
                            (Job::Blob { path, .. }, None) => visitor.skip(Skip {
                                path,
                                reason: SkipReason::Other("cannot open the repository in a worker".into()),
                            }),
                        }
                    }
                });
                started += usize::from(worker.is_ok());
            }
            // The walk runs on this thread; dropping `tx` when it is done ends the workers.
            let walk = move || {
                let odb = match repo.odb() {
                    Ok(o) => o,
                    Err(e) => return visitor.note(format!("cannot read objects: {}", one_line(e.message()))),
                };
                let mut walker = Walker {
                    odb,
                    packs,
                    cache: pack::Cache::new(TREE_CACHE),
                    prefix: &self.path_prefix,
                    only_under: self.only_under.as_deref(),
                    visitor,
                    tx: &tx,
                    seen_commits: OidSet::default(),
                    seen_trees: OidSet::default(),
                    seen_blobs: OidSet::default(),
                    seen_tags: OidSet::default(),
                    known: self.prior.as_deref().map(|p| &p.known),
                    shard: self.shard,
                    last_at: Default::default(),
                };
                let prior = self.prior.as_deref();
                if let Some(p) = prior {
                    if !walker.replay(&p.hits) {
                        return;
                    }
                }
                let hide = prior.map_or(&[][..], |p| &p.tips[..]);
                enumerate(&repo, &tips, hide, &tags, &mut walker, unreachable);
                if let Some(w) = &self.walked {
                    let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
                    w.tips = tips.clone();
                    w.objects = [walker.seen_commits, walker.seen_trees, walker.seen_blobs, walker.seen_tags]
                        .into_iter()
                        .flatten()
                        .collect();
                }
            };
            if started == 0 {
                return visitor.note("cannot start worker threads: history not scanned".into());
            }
            walk();
        });
        Ok(())
    }

    fn head_places(&self, findings: &[crate::finding::Finding]) -> Vec<(usize, Origin)> {
        let Ok(repo) = Repository::open(&self.git_dir) else { return Vec::new() };
        let Ok(head) = repo.head().and_then(|h| h.peel_to_commit()) else { return Vec::new() };
        let Ok(tree) = head.tree() else { return Vec::new() };
        // Every blob of HEAD's tree with its paths: a blob is scanned once, at the first path the walk
        // met it, and HEAD may hold the same contents elsewhere (a copy, a rename).
        let wanted: HashSet<Oid> = findings
            .iter()
            .filter_map(|f| f.origin.blob())
            .filter_map(|b| Oid::from_bytes(b.as_bytes()).ok())
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut held: std::collections::HashMap<Oid, Vec<String>> = std::collections::HashMap::new();
        let _ = tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
            if entry.kind() == Some(git2::ObjectType::Blob) && wanted.contains(&entry.id()) {
                let name = String::from_utf8_lossy(entry.name_bytes());
                held.entry(entry.id()).or_default().push(format!("{dir}{name}"));
            }
            git2::TreeWalkResult::Ok
        });
        let prefix = if self.path_prefix.is_empty() { String::new() } else { format!("{}/", self.path_prefix) };
        let head_info = Arc::new(super::commit::commit_info(&head));
        let mut out = Vec::new();
        for (i, f) in findings.iter().enumerate() {
            let Origin::Commit { path, blob, commit } = &f.origin else { continue };
            if !path.starts_with(&prefix) {
                continue;
            }
            let Some(paths) = Oid::from_bytes(blob.as_bytes()).ok().and_then(|b| held.get(&b)) else { continue };
            for p in paths {
                let at = format!("{prefix}{p}");
                let origin = if at == *path {
                    Origin::Commit { path: at, blob: *blob, commit: commit.clone() }
                } else {
                    Origin::Commit { path: at, blob: *blob, commit: head_info.clone() }
                };
                out.push((i, origin));
            }
        }
        out
    }
}

impl HistorySource {
    /// Commits to start the walk from: every ref (branches, tags, remotes, stash, notes) or
    /// the revisions the user named.
    /// Also the annotated tags refs point at, whose messages are scanned.
    fn tips(&self, repo: &Repository, visitor: &dyn Visitor) -> Result<(Vec<Oid>, Vec<Oid>), SourceError> {
        let (mut tips, mut tags) = (Vec::new(), Vec::new());
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
            return Ok((tips, tags));
        }
        let refs = repo.references().map_err(|e| super::root_error(&self.git_dir, e))?;
        for r in refs.flatten() {
            if let Some(t) = r.target().filter(|t| repo.find_tag(*t).is_ok()) {
                tags.push(t);
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
        tags.sort();
        tags.dedup();
        Ok((tips, tags))
    }

    fn scan_blob(
        &self,
        read: Read<'_>,
        (blob, base): (Oid, Option<Oid>),
        path: String,
        commit: Option<Arc<CommitInfo>>,
        reachable: bool,
        visitor: &dyn Visitor,
    ) {
        let skip = |reason| {
            let at = commit.as_ref().map(|c| format!("@{}", &c.sha[..12])).unwrap_or_default();
            visitor.skip(Skip { path: format!("{path}{at}"), reason })
        };
        let limit = self.max_file_size;
        let scan = |data: &[u8], owned: Option<crate::source::Owned>| {
            let id = ObjectId::from_bytes(blob.as_bytes());
            let origin = match commit.clone() {
                Some(commit) if reachable => Origin::Commit { path: path.clone(), blob: id, commit },
                commit => Origin::Unreachable { path: path.clone(), blob: id, commit },
            };
            let base = base.map(|b| ObjectId::from_bytes(b.as_bytes()));
            visitor.blob(Blob { data, origin, lines: None, base, owned })
        };
        match read.packs.read(blob.as_bytes(), limit, read.cache) {
            Some(pack::Read::Object(pack::Kind::Blob, data)) => {
                return scan(&data, Some(data.clone() as crate::source::Owned))
            }
            Some(pack::Read::TooLarge(size)) => return skip(SkipReason::TooLarge { size, limit }),
            _ => {}
        }
        // Not in a pack this reads (a loose object, an alternate's): through libgit2.
        let odb = match read.repo.odb() {
            Ok(o) => o,
            Err(e) => return skip(SkipReason::Other(format!("object database: {}", one_line(e.message())))),
        };
        match odb.read_header(blob) {
            Ok((size, _)) if size as u64 > limit => return skip(SkipReason::TooLarge { size: size as u64, limit }),
            Ok(_) => {}
            Err(e) => return skip(git_skip(GitObject::Blob, blob, &e)),
        }
        let object = odb.read(blob);
        match object {
            Ok(object) => scan(object.data(), None),
            Err(e) => skip(git_skip(GitObject::Blob, blob, &e)),
        }
    }
}

/// Where a worker reads blobs: the packs directly, libgit2 for the rest.
struct Read<'r> {
    repo: &'r Repository,
    packs: &'r Packs,
    cache: &'r pack::Cache,
}

/// Bytes of resolved objects a worker keeps (the bases of the next deltas it reads), and the walk.
const BLOB_CACHE: usize = 24 << 20;
const TREE_CACHE: usize = 4 << 20;

/// Walks commits oldest-first (parents before children) and sends every blob not seen before, and every
/// commit's and annotated tag's message. Commits and trees are read as raw objects and parsed here: no libgit2 object cache,
/// no per-entry objects. With `unreachable`, what no ref reached is found in the object database
/// afterwards and sent too.
fn enumerate(repo: &Repository, tips: &[Oid], hide: &[Oid], tags: &[Oid], walker: &mut Walker<'_>, unreachable: bool) {
    for t in tags {
        if !walker.tag(*t) {
            return;
        }
    }
    let mut walk = match repo.revwalk() {
        Ok(w) => w,
        Err(e) => return walker.visitor.note(format!("cannot walk history: {}", one_line(e.message()))),
    };
    let _ = walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE);
    let (tips, hide) = if hide.is_empty() { (tips.to_vec(), Vec::new()) } else { walker.frontier(tips, hide) };
    for t in &tips {
        if let Err(e) = walk.push(*t) {
            walker.problem(t.to_string(), format!("cannot walk from {t}: {}", one_line(e.message())));
        }
    }
    for t in hide {
        let _ = walk.hide(t);
    }
    for oid in walk {
        match oid {
            Ok(oid) => {
                if !walker.commit(oid, true) {
                    return;
                }
            }
            Err(e) => walker.problem(String::new(), format!("history walk: {}", one_line(e.message()))),
        }
    }
    if unreachable {
        walker.unreachable();
    }
}

/// The walk's state: what has been seen, where jobs go.
struct Walker<'a> {
    odb: git2::Odb<'a>,
    packs: &'a Packs,
    cache: pack::Cache,
    prefix: &'a str,
    only_under: Option<&'a str>,
    visitor: &'a dyn Visitor,
    tx: &'a std::sync::mpsc::SyncSender<Job>,
    seen_commits: OidSet,
    seen_trees: OidSet,
    seen_blobs: OidSet,
    seen_tags: OidSet,
    /// Objects earlier walks met (incremental rescans): skipped like seen ones.
    known: Option<&'a HashSet<Oid>>,
    shard: Option<(u32, u32)>,
    /// The last blob sent at each path (by a hash of the path).
    last_at: std::collections::HashMap<u64, Oid>,
}

/// Where the blobs of one tree walk came from.
#[derive(Clone, Copy, PartialEq)]
enum Reach {
    /// From a ref.
    Reachable,
    /// From a dangling commit or tree.
    Unreachable,
}

impl<'a> Walker<'a> {
    /// A commit, tree or tag: from the packs, else through libgit2.
    fn read(&mut self, oid: Oid) -> Result<Arc<pack::Buf>, git2::Error> {
        if let Some(pack::Read::Object(_, data)) = self.packs.read(oid.as_bytes(), u64::MAX, &self.cache) {
            return Ok(data);
        }
        // A loose object (or one of an alternate): rare, so copied.
        let object = self.odb.read(oid)?;
        pack::Buf::copy_of(object.data()).map(Arc::new).ok_or_else(|| git2::Error::from_str("out of memory"))
    }

    fn problem(&self, path: String, message: String) {
        self.visitor.skip(Skip { path, reason: SkipReason::Other(message) })
    }

    fn missing(&self, path: String, reason: SkipReason) {
        self.visitor.skip(Skip { path, reason })
    }

    /// Hands a job to the workers, unless it belongs to another shard (blobs by blob id, messages by
    /// commit or tag id). False when the workers are gone.
    fn send(&self, job: Job) -> bool {
        if let Some((i, n)) = self.shard {
            let id = match &job {
                Job::Blob { blob, .. } => blob.as_bytes(),
                Job::Message { commit, .. } => return self.send_if(shard_of_hex(&commit.sha, n) == i, job),
            };
            return self.send_if(shard_of(id, n) == i, job);
        }
        self.tx.send(job).is_ok()
    }

    fn send_if(&self, wanted: bool, job: Job) -> bool {
        !wanted || self.tx.send(job).is_ok()
    }

    /// For an incremental walk: the tips that are new, and the known commits where their new history
    /// meets what earlier walks saw. Hiding those few (not the thousands of unchanged refs of a mirror,
    /// which makes libgit2's walk quadratic) gives the walk exactly the new commits, in the order a full
    /// walk would visit them.
    fn frontier(&mut self, tips: &[Oid], earlier_tips: &[Oid]) -> (Vec<Oid>, Vec<Oid>) {
        let earlier: HashSet<&Oid> = earlier_tips.iter().collect();
        let new: Vec<Oid> = tips.iter().copied().filter(|t| !earlier.contains(t) && !self.is_known(t)).collect();
        let mut boundary = HashSet::new();
        let mut seen = HashSet::new();
        let mut stack = new.clone();
        while let Some(c) = stack.pop() {
            if self.is_known(&c) {
                boundary.insert(c);
                continue;
            }
            if !seen.insert(c) {
                continue;
            }
            if let Ok(object) = self.read(c) {
                stack.extend(commit::parse_raw(object.as_slice()).parents);
            }
        }
        (new, boundary.into_iter().collect())
    }

    fn is_known(&self, oid: &Oid) -> bool {
        self.known.is_some_and(|k| k.contains(oid))
    }

    /// The blobs and messages where earlier scans found something, with their earlier origins.
    fn replay(&mut self, hits: &[Hit]) -> bool {
        for hit in hits {
            let commit = hit.commit.as_deref().and_then(|c| Oid::from_str(c).ok());
            let read = commit.and_then(|c| self.read(c).ok().map(|o| (c, o)));
            let info = read.as_ref().map(|(c, o)| Arc::new(commit::raw_info(*c, &commit::parse_raw(o.as_slice()))));
            let blob = hit.blob.as_deref().and_then(|b| Oid::from_str(b).ok());
            let job = match (hit.kind.as_str(), blob, info) {
                ("commit", Some(blob), Some(info)) => {
                    Job::Blob { blob, path: hit.path.clone(), commit: Some(info), reachable: true, base: None }
                }
                ("unreachable", Some(blob), info) => {
                    Job::Blob { blob, path: hit.path.clone(), commit: info, reachable: false, base: None }
                }
                ("message", _, Some(info)) => {
                    let Some((_, object)) = &read else { continue };
                    let text = commit::parse_raw(object.as_slice()).message.trim_ascii().to_vec();
                    Job::Message { text, path: hit.path.clone(), commit: info }
                }
                // Gone from the repository (a pruned object): a full scan would not find it either.
                _ => continue,
            };
            if !self.send(job) {
                return false;
            }
        }
        true
    }

    /// One commit: its message, then the blobs its tree brings in. False when the workers are gone.
    fn commit(&mut self, oid: Oid, reachable: bool) -> bool {
        if self.is_known(&oid) {
            return true;
        }
        self.seen_commits.insert(oid);
        let object = match self.read(oid) {
            Ok(o) => o,
            Err(e) => {
                self.missing(oid.to_string(), git_skip(GitObject::Commit, oid, &e));
                return true;
            }
        };
        let raw = commit::parse_raw(object.as_slice());
        let Some(tree) = raw.tree else {
            self.problem(oid.to_string(), format!("corrupt commit {oid}: no tree line"));
            return true;
        };
        let info = Arc::new(commit::raw_info(oid, &raw));
        let message = raw.message.trim_ascii();
        if !message.is_empty() && self.only_under.is_none() {
            let job =
                Job::Message { text: message.to_vec(), path: "<commit message>".into(), commit: Arc::clone(&info) };
            if !self.send(job) {
                return false;
            }
        }
        drop(object);
        let reach = if reachable { Reach::Reachable } else { Reach::Unreachable };
        self.tree(tree, self.prefix.to_string(), Some(&info), reach, oid)
    }

    /// Every blob under `tree` not seen before, at its path under `dir`.
    fn tree(&mut self, tree: Oid, dir: String, info: Option<&Arc<CommitInfo>>, reach: Reach, at: Oid) -> bool {
        let only_under = self.only_under;
        // With `only_under`, a directory is walked only on the way to it or inside it.
        let wanted_dir = |dir: &str| only_under.is_none_or(|u| under(dir, u) || under(u, dir));
        let wanted_file = |path: &str| only_under.is_none_or(|u| under(path, u));
        if self.is_known(&tree) || !self.seen_trees.insert(tree) {
            return true;
        }
        let mut stack: Vec<(Oid, String)> = vec![(tree, dir)];
        while let Some((tree_id, dir)) = stack.pop() {
            let object = match self.read(tree_id) {
                Ok(o) => o,
                Err(e) => {
                    let short = &at.to_string()[..12];
                    self.missing(format!("{dir}@{short}"), git_skip(GitObject::Tree, tree_id, &e));
                    continue;
                }
            };
            for entry in TreeEntries(object.as_slice()) {
                let Ok(id) = Oid::from_bytes(entry.id) else { continue };
                // Most entries of a new tree were seen before: the path is built only for the others
                // (and up front when `only_under` needs it to decide).
                let path_of = || {
                    let name = String::from_utf8_lossy(entry.name);
                    if dir.is_empty() {
                        name.into_owned()
                    } else {
                        format!("{dir}/{name}")
                    }
                };
                let limited = only_under.map(|_| path_of());
                // A symlink's target and a submodule's commit are not file content of this repository
                // (marked seen, so that the search for unreachable objects does not find them).
                if entry.mode == MODE_TREE {
                    let wanted = limited.as_deref().is_none_or(wanted_dir);
                    if wanted && !self.is_known(&id) && self.seen_trees.insert(id) {
                        stack.push((id, limited.unwrap_or_else(path_of)));
                    }
                } else if !entry.mode.starts_with(MODE_FILE_PREFIX) {
                    self.seen_blobs.insert(id);
                } else if limited.as_deref().is_none_or(wanted_file)
                    && !self.is_known(&id)
                    && self.seen_blobs.insert(id)
                {
                    let path = limited.unwrap_or_else(path_of);
                    // Keyed by a hash of the path: the scanner checks the path itself before using a base.
                    let base = self.last_at.insert(path_key(&path), id);
                    let job =
                        Job::Blob { blob: id, path, commit: info.cloned(), reachable: reach == Reach::Reachable, base };
                    if !self.send(job) {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// Objects in the database that no ref reached: dangling commits (oldest first), then trees no
    /// commit holds, then lone blobs; dangling annotated tags' messages too.
    fn unreachable(&mut self) {
        let mut rest: Vec<Oid> = Vec::new();
        let listed = self.odb.foreach(|oid| {
            let seen = self.is_known(oid)
                || self.seen_commits.contains(oid)
                || self.seen_trees.contains(oid)
                || self.seen_blobs.contains(oid)
                || self.seen_tags.contains(oid);
            if !seen {
                rest.push(*oid);
            }
            true
        });
        if let Err(e) = listed {
            return self.visitor.note(format!(
                "cannot list the object database, unreachable objects not scanned: {}",
                one_line(e.message())
            ));
        }
        rest.sort();
        rest.dedup();
        let (mut commits, mut trees, mut blobs) = (Vec::new(), Vec::new(), Vec::new());
        for oid in rest {
            match self.odb.read_header(oid) {
                Ok((_, ObjectType::Commit)) => match self.read(oid) {
                    Ok(o) => commits.push((commit::parse_raw(o.as_slice()).time, oid)),
                    Err(e) => self.missing(oid.to_string(), git_skip(GitObject::Commit, oid, &e)),
                },
                Ok((_, ObjectType::Tree)) => trees.push(oid),
                Ok((_, ObjectType::Blob)) => blobs.push(oid),
                Ok((_, ObjectType::Tag)) => {
                    if !self.tag(oid) {
                        return;
                    }
                }
                Ok(_) => {}
                Err(e) => self.missing(oid.to_string(), git_skip(GitObject::Blob, oid, &e)),
            }
        }
        // Oldest first, so that a blob is attributed to the first dangling commit that has it.
        commits.sort();
        for (_, oid) in commits {
            if !self.commit(oid, false) {
                return;
            }
        }
        for oid in trees {
            if !self.tree(oid, self.prefix.to_string(), None, Reach::Unreachable, oid) {
                return;
            }
        }
        for oid in blobs {
            if self.seen_blobs.insert(oid) {
                let path = format!("<unreachable blob {}>", &oid.to_string()[..12]);
                if !self.send(Job::Blob { blob: oid, path, commit: None, reachable: false, base: None }) {
                    return;
                }
            }
        }
    }

    /// An annotated tag's message, attributed to the tag (its id, tagger and date).
    fn tag(&mut self, oid: Oid) -> bool {
        if self.is_known(&oid) || !self.seen_tags.insert(oid) {
            return true;
        }
        let Ok(object) = self.read(oid) else { return true };
        let raw = commit::parse_raw(object.as_slice());
        let message = raw.message.trim_ascii();
        if message.is_empty() {
            return true;
        }
        let name = String::from_utf8_lossy(raw.tag.unwrap_or_default());
        let info = Arc::new(commit::raw_info(oid, &raw));
        self.send(Job::Message { text: message.to_vec(), path: format!("<tag {name}>"), commit: info })
    }
}

fn path_key(path: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    path.hash(&mut h);
    h.finish()
}

/// Object ids, hashed by their first bytes: they are uniformly random already, and SipHash over
/// a million ids was a tenth of the walk.
type OidSet = HashSet<Oid, std::hash::BuildHasherDefault<OidHasher>>;

#[derive(Default)]
struct OidHasher(u64);

impl std::hash::Hasher for OidHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8).take(2) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(29) ^ u64::from_le_bytes(word)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
}

/// The shard of `n` an object id falls in: its first four bytes, modulo `n`.
fn shard_of(id: &[u8], n: u32) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&id[..4]);
    u32::from_be_bytes(b) % n
}

fn shard_of_hex(sha: &str, n: u32) -> u32 {
    Oid::from_str(sha).map_or(0, |o| shard_of(o.as_bytes(), n))
}

/// Tree entry modes as raw trees spell them: a directory; files are `100644` and `100755` (symlinks
/// `120000` and submodules `160000` are neither).
const MODE_TREE: &[u8] = b"40000";
const MODE_FILE_PREFIX: &[u8] = b"100";

/// Whether `path` is `dir` or inside it (`/`-separated).
fn under(path: &str, dir: &str) -> bool {
    path == dir || (path.starts_with(dir) && path.as_bytes().get(dir.len()) == Some(&b'/'))
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
        assert_eq!(commit::parse_raw(commit).tree.unwrap().to_string(), "4b825dc642cb6eb9a060e54bf8d69288fbe4904b");
        assert!(commit::parse_raw(b"garbage").tree.is_none());
    }
}
