//! `--staged`: the lines the index adds relative to HEAD (or the whole index before the first commit),
//! read from the staged blobs, so unstaged edits in the work tree are ignored. Pre-commit hooks run it.

use std::path::PathBuf;

use super::lines::{added_lines, diff_options, visit_added};
use super::open;
use crate::finding::Origin;
use crate::source::{Source, SourceError, Visitor};

/// The lines that the index (staged changes) adds to HEAD: the pre-commit scan.
pub struct StagedSource {
    /// The repository's git directory.
    pub git_dir: PathBuf,
    /// Blobs larger than this many bytes are skipped.
    pub max_file_size: u64,
}

impl Source for StagedSource {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError> {
        let repo = open(&self.git_dir)?;
        let err = |e: git2::Error| SourceError::Git { path: self.git_dir.display().to_string(), at: None, source: e };
        if repo.is_bare() {
            return Err(SourceError::Unsuitable {
                path: self.git_dir.display().to_string(),
                message: "--staged needs a work tree and an index; this is a bare repository".into(),
            });
        }
        let head_tree = match repo.head() {
            Ok(h) => Some(h.peel_to_tree().map_err(err)?),
            // No commits yet: everything staged is new.
            Err(_) => None,
        };
        let index = repo.index().map_err(err)?;
        let diff = repo.diff_tree_to_index(head_tree.as_ref(), Some(&index), Some(&mut diff_options())).map_err(err)?;
        let files = added_lines(&diff).map_err(err)?;
        visit_added(&repo, files, self.max_file_size, |f| Origin::Staged { path: f.path.clone() }, visitor);
        Ok(())
    }
}
