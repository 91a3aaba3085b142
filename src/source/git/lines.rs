//! Lines added by a diff, per new file: what a commit range or the index adds.

use std::collections::BTreeMap;

use git2::{Delta, Diff, DiffOptions, Oid, Repository};

use crate::finding::Origin;
use crate::source::{Blob, LineSet, Skip, SkipReason, Visitor};

/// One file in a diff that gained lines.
pub struct Added {
    pub path: String,
    pub blob: Oid,
    pub lines: LineSet,
}

pub fn diff_options() -> DiffOptions {
    let mut o = DiffOptions::new();
    // No context lines: only added lines matter. Binary files produce no hunks.
    o.context_lines(0).ignore_submodules(true).include_typechange(true);
    o
}

/// Every added or modified file of `diff` with the line numbers (in the new version) it adds.
pub fn added_lines(diff: &Diff<'_>) -> Result<Vec<Added>, git2::Error> {
    let mut files: BTreeMap<usize, Added> = BTreeMap::new();
    let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
    diff.foreach(
        &mut |_, _| true,
        None,
        None,
        Some(&mut |delta, _hunk, line| {
            if !matches!(
                delta.status(),
                Delta::Added | Delta::Modified | Delta::Renamed | Delta::Copied | Delta::Typechange
            ) {
                return true;
            }
            if line.origin() != '+' {
                return true;
            }
            let Some(n) = line.new_lineno() else { return true };
            let new = delta.new_file();
            let path = new.path_bytes().map(|p| String::from_utf8_lossy(p).into_owned()).unwrap_or_default();
            let next = index_of.len();
            let i = *index_of.entry(path.clone()).or_insert(next);
            files
                .entry(i)
                .or_insert_with(|| Added { path, blob: new.id(), lines: LineSet::default() })
                .lines
                .push(n, n);
            true
        }),
    )?;
    Ok(files.into_values().collect())
}

/// Reads each file's new blob and hands it to the visitor with the lines it adds; a missing object or
/// one over the size limit is a skip naming it.
pub fn visit_added(
    repo: &Repository,
    files: Vec<Added>,
    max_file_size: u64,
    origin: impl Fn(&Added) -> Origin,
    visitor: &dyn Visitor,
) {
    for f in files {
        let blob = match repo.find_blob(f.blob) {
            Ok(b) => b,
            Err(e) => {
                let reason = super::git_skip(crate::source::GitObject::Blob, f.blob, &e);
                visitor.skip(Skip { path: f.path, reason });
                continue;
            }
        };
        if blob.size() as u64 > max_file_size {
            let reason = SkipReason::TooLarge { size: blob.size() as u64, limit: max_file_size };
            visitor.skip(Skip { path: f.path, reason });
            continue;
        }
        visitor.blob(Blob { data: blob.content(), origin: origin(&f), lines: Some(&f.lines), base: None, owned: None });
    }
}
