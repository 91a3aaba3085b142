//! Where blobs come from: a directory tree, standard input (and, with git, history, ranges, the index).
//! A source hands each blob to a `Visitor`, from as many threads as it likes, and reports what it
//! skipped and why; it never scans or prints.

pub mod fs;
pub mod git;
pub mod stdin;

use std::fmt;

use crate::finding::Origin;

/// Where a scanned repository lives and which revision was scanned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repository {
    /// The `origin` remote as an absolute URL (https, with any credentials removed).
    pub uri: String,
    pub revision: Option<String>,
    pub branch: Option<String>,
}

/// Bytes to scan and where they came from.
pub struct Blob<'a> {
    pub data: &'a [u8],
    pub origin: Origin,
    /// Only findings on these 1-based lines count (lines added by a commit range or the index); `None`
    /// means every line.
    pub lines: Option<&'a LineSet>,
}

/// Sorted, disjoint, inclusive ranges of 1-based line numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineSet(pub Vec<(u32, u32)>);

impl LineSet {
    pub fn contains(&self, line: u32) -> bool {
        let i = self.0.partition_point(|&(_, hi)| hi < line);
        self.0.get(i).is_some_and(|&(lo, _)| lo <= line)
    }

    /// Add a range; ranges must come in increasing order (as diff hunks do).
    pub fn push(&mut self, lo: u32, hi: u32) {
        match self.0.last_mut() {
            Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
            _ => self.0.push((lo, hi)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The lines in both sets.
    pub fn intersect(&self, other: &LineSet) -> LineSet {
        let mut out = LineSet::default();
        let (mut i, mut j) = (0, 0);
        while i < self.0.len() && j < other.0.len() {
            let (a, b) = (self.0[i], other.0[j]);
            let (lo, hi) = (a.0.max(b.0), a.1.min(b.1));
            if lo <= hi {
                out.push(lo, hi);
            }
            if a.1 < b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        out
    }
}

/// Why something was not scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// NUL in the first 8 KiB: counted, not warned about.
    Binary,
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Could not be read (permission denied, vanished, I/O error): the message says why.
    Unreadable(String),
    /// A symlink that points nowhere or loops.
    BadSymlink(String),
    /// A FIFO, socket or device: reading it could block forever.
    NotRegular,
    /// Anything else a source could not handle (a corrupt git object, …).
    Other(String),
    /// The blob held more matches than the scanner examines in one blob; its first findings are reported.
    TooManyMatches {
        limit: usize,
    },
    /// A symlink whose target lies outside the scan root: not followed.
    OutsideRoot,
    /// The file changed size while it was read: what was read is scanned, with this warning.
    Changed(String),
}

impl SkipReason {
    /// Binary files are expected and only counted; every other skip is a warning.
    pub fn is_warning(&self) -> bool {
        !matches!(self, SkipReason::Binary)
    }

    /// Content that exists but could not be read: the scan is incomplete (exit status 2 when nothing
    /// was found). Files over the size limit, dangling links and special files are warnings only.
    pub fn is_failure(&self) -> bool {
        matches!(self, SkipReason::Unreadable(_) | SkipReason::Other(_) | SkipReason::TooManyMatches { .. })
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Binary => f.write_str("binary file"),
            SkipReason::TooLarge { size, limit } => {
                write!(f, "file is {size} bytes, over the {limit}-byte limit (raise it with --max-file-size)")
            }
            SkipReason::Unreadable(m) => write!(f, "cannot read: {m}"),
            SkipReason::BadSymlink(m) => write!(f, "bad symlink: {m}"),
            SkipReason::NotRegular => f.write_str("not a regular file (FIFO, socket or device)"),
            SkipReason::Other(m) => f.write_str(m),
            SkipReason::TooManyMatches { limit } => {
                write!(f, "too many matches: only the first {limit} findings of this file were examined")
            }
            SkipReason::OutsideRoot => f.write_str("symlink to a target outside the scan root (not followed)"),
            SkipReason::Changed(m) => f.write_str(m),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub path: String,
    pub reason: SkipReason,
}

/// What a source hands its blobs and skips to. Called from many threads at once.
pub trait Visitor: Sync {
    fn blob(&self, blob: Blob<'_>);
    fn skip(&self, skip: Skip);
    /// A note about the scan as a whole (e.g. "the repository is shallow").
    fn note(&self, _message: String) {}
}

/// A source failed as a whole (the root does not exist, the repository cannot be opened).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: {message}")]
    Root { path: String, message: String },
}

pub trait Source {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError>;
}

/// Several sources, one after the other (a work tree, then its history).
pub struct Chain(pub Vec<Box<dyn Source>>);

impl Source for Chain {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError> {
        self.0.iter().try_for_each(|s| s.visit(visitor))
    }
}

#[cfg(test)]
mod tests {
    use super::LineSet;

    #[test]
    fn lineset_merges_and_looks_up() {
        let mut s = LineSet::default();
        s.push(1, 2);
        s.push(3, 3);
        s.push(10, 12);
        assert_eq!(s.0, vec![(1, 3), (10, 12)]);
        assert!(s.contains(2) && s.contains(10) && s.contains(12));
        assert!(!s.contains(4) && !s.contains(13) && !s.contains(0));
        let mut t = LineSet::default();
        t.push(2, 11);
        assert_eq!(s.intersect(&t).0, vec![(2, 3), (10, 11)]);
    }
}
