//! `--range A..B`: the lines added by each commit in the range (a pull request) and its message, with
//! its provenance.

use std::path::PathBuf;

use git2::{Repository, Sort};

use super::lines::{added_lines, diff_options, visit_added, Added};
use super::{commit_info, one_line, open};
use crate::finding::Origin;
use crate::source::{Skip, SkipReason, Source, SourceError, Visitor};

/// The lines that the commits of a range added.
pub struct RangeSource {
    /// The repository's git directory.
    pub git_dir: PathBuf,
    /// Any range git understands: `A..B`, `A...B`, or a single revision (its whole ancestry).
    pub range: String,
    /// How the user asked for it, for error messages (`--range A..B`, `--since-commit SHA`).
    pub flag: String,
    /// Blobs larger than this many bytes are skipped.
    pub max_file_size: u64,
}

impl Source for RangeSource {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError> {
        let repo = open(&self.git_dir)?;
        let bad = |e: git2::Error| SourceError::Git {
            path: self.git_dir.display().to_string(),
            at: Some(self.flag.clone()),
            source: e,
        };
        if repo.is_shallow() {
            visitor.note("the repository is shallow: commits before its shallow boundary cannot be diffed (fetch with fetch-depth: 0)".into());
        }
        let mut walk = repo.revwalk().map_err(bad)?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE).map_err(bad)?;
        if let Some((a, b)) = self.range.split_once("...") {
            // Symmetric difference, as `git rev-list A...B`: what either side has that the other lacks.
            let a = repo
                .revparse_single(if a.is_empty() { "HEAD" } else { a })
                .and_then(|o| o.peel_to_commit())
                .map_err(bad)?;
            let b = repo
                .revparse_single(if b.is_empty() { "HEAD" } else { b })
                .and_then(|o| o.peel_to_commit())
                .map_err(bad)?;
            walk.push(a.id()).map_err(bad)?;
            walk.push(b.id()).map_err(bad)?;
            if let Ok(base) = repo.merge_base(a.id(), b.id()) {
                walk.hide(base).map_err(bad)?;
            }
        } else if self.range.contains("..") {
            walk.push_range(&self.range).map_err(bad)?;
        } else {
            let obj = repo.revparse_single(&self.range).map_err(bad)?;
            walk.push(obj.peel_to_commit().map_err(bad)?.id()).map_err(bad)?;
        }
        for oid in walk {
            let oid = oid.map_err(bad)?;
            self.commit(&repo, oid, visitor);
        }
        Ok(())
    }
}

impl RangeSource {
    fn commit(&self, repo: &Repository, oid: git2::Oid, visitor: &dyn Visitor) {
        let fail = |what: &str, e: git2::Error| {
            visitor.skip(Skip {
                path: oid.to_string(),
                reason: SkipReason::Other(format!("{what} of commit {oid}: {}", one_line(e.message()))),
            })
        };
        let commit = match repo.find_commit(oid) {
            Ok(c) => c,
            Err(e) => return fail("cannot read", e),
        };
        let tree = match commit.tree() {
            Ok(t) => t,
            Err(e) => return fail("cannot read the tree", e),
        };
        // Lines added against each parent; a root commit (or one whose parent a shallow clone cut off)
        // adds everything it has. A merge adds only the lines new against every parent: its
        // resolution, not what its merged commits (scanned on their own) brought.
        let parents: Vec<Option<git2::Tree<'_>>> =
            if commit.parent_count() == 0 { vec![None] } else { commit.parents().map(|p| p.tree().ok()).collect() };
        let mut files: Option<Vec<Added>> = None;
        for parent_tree in &parents {
            let diff = match repo.diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut diff_options())) {
                Ok(d) => d,
                Err(e) => return fail("cannot diff", e),
            };
            let added = match added_lines(&diff) {
                Ok(f) => f,
                Err(e) => return fail("cannot diff", e),
            };
            files = Some(match files {
                None => added,
                Some(prev) => prev
                    .into_iter()
                    .filter_map(|mut f| {
                        let other = added.iter().find(|a| a.path == f.path)?;
                        f.lines = f.lines.intersect(&other.lines);
                        (!f.lines.is_empty()).then_some(f)
                    })
                    .collect(),
            });
        }
        let files = files.unwrap_or_default();
        let info = std::sync::Arc::new(commit_info(&commit));
        let message = commit.message_raw_bytes().trim_ascii();
        if !message.is_empty() {
            let origin = Origin::Message { path: "<commit message>".into(), commit: std::sync::Arc::clone(&info) };
            visitor.blob(crate::source::Blob { data: message, origin, lines: None, base: None, owned: None });
        }
        let origin = |f: &Added| Origin::Commit {
            path: f.path.clone(),
            blob: crate::finding::ObjectId::from_bytes(f.blob.as_bytes()),
            commit: std::sync::Arc::clone(&info),
        };
        visit_added(repo, files, self.max_file_size, origin, visitor);
    }
}
