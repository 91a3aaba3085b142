//! Where blobs come from: a directory tree, standard input (and, with git, history, ranges, the index).
//! A source hands each blob to a `Visitor`, from as many threads as it likes, and reports what it
//! skipped and why; it never scans or prints.

pub mod fs;
pub mod git;
pub mod stdin;

use std::fmt;
use std::sync::Arc;

pub use crate::finding::LineSet;
use crate::finding::{ObjectId, Origin};

/// Where a scanned repository lives and which revision was scanned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repository {
    /// The `origin` remote as an absolute URL (https, with any credentials removed).
    pub uri: String,
    /// The commit id scanned, when known.
    pub revision: Option<String>,
    /// The branch checked out, when on one.
    pub branch: Option<String>,
}

/// Bytes to scan and where they came from.
pub struct Blob<'a> {
    /// The blob's contents, as stored (before text or binary classification).
    pub data: &'a [u8],
    /// Where it came from.
    pub origin: Origin,
    /// Only findings on these 1-based lines count (lines added by a commit range or the index); `None`
    /// means every line.
    pub lines: Option<&'a LineSet>,
    /// An earlier blob this one is likely an edit of (the version before it at the same path, in a
    /// history): the scanner may rescan only what changed (see `Scanner::scan_edit`).
    pub base: Option<ObjectId>,
    /// The same bytes as `data`, owned, when the source has them so: whoever keeps the blob (the
    /// scanner's memo for the next version) shares them instead of copying.
    pub owned: Option<Owned>,
}

/// Bytes a source owns and can share: `Blob::owned`.
pub type Owned = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Why something was not scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// NUL in the first 8 KiB: counted, not warned about.
    Binary,
    /// Larger than the size limit (`--max-file-size`).
    TooLarge {
        /// Its size, in bytes.
        size: u64,
        /// The limit, in bytes.
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
        /// Most findings examined in one blob.
        limit: usize,
    },
    /// A symlink whose target lies outside the scan root: not followed.
    OutsideRoot,
    /// The file changed size while it was read: what was read is scanned, with this warning.
    Changed(String),
    /// A git object that is missing or cannot be read (a corrupt or partial repository).
    Git {
        /// What kind of object.
        what: GitObject,
        /// Its id.
        oid: ObjectId,
        /// libgit2's error.
        message: String,
    },
}

/// The kind of git object a `SkipReason::Git` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitObject {
    /// A file's contents.
    Blob,
    /// A directory listing.
    Tree,
    /// A commit.
    Commit,
}

impl GitObject {
    /// The word messages use (`object` for a blob).
    pub fn as_str(self) -> &'static str {
        match self {
            GitObject::Blob => "object",
            GitObject::Tree => "tree",
            GitObject::Commit => "commit",
        }
    }
}

impl SkipReason {
    /// Binary files are expected and only counted; every other skip is a warning.
    pub fn is_warning(&self) -> bool {
        !matches!(self, SkipReason::Binary)
    }

    /// Content that exists but could not be read: the scan is incomplete (exit status 2 when nothing
    /// was found). Files over the size limit, dangling links and special files are warnings only.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            SkipReason::Unreadable(_)
                | SkipReason::Other(_)
                | SkipReason::TooManyMatches { .. }
                | SkipReason::Git { .. }
        )
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
            SkipReason::Git { what, oid, message } => {
                write!(f, "missing or corrupt {} {oid}: {message}", what.as_str())
            }
        }
    }
}

/// Something a source did not scan, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// Its path (relative to the scan root, or in the commit's tree).
    pub path: String,
    /// Why it was not scanned.
    pub reason: SkipReason,
}

/// What a source hands its blobs and skips to. Called from many threads at once.
pub trait Visitor: Sync {
    /// A blob to scan.
    fn blob(&self, blob: Blob<'_>);
    /// Something not scanned, and why.
    fn skip(&self, skip: Skip);
    /// A note about the scan as a whole (e.g. "the repository is shallow").
    fn note(&self, _message: String) {}
}

/// A source failed as a whole (the root does not exist, the repository cannot be opened).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The root (directory, file or standard input) cannot be read.
    #[error("{path}")]
    Io {
        /// The root: a directory or file, or `<stdin>`.
        path: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The repository, or a revision the user named in it, cannot be used.
    #[error("{path}{}", at.as_deref().map(|a| format!(": {a}")).unwrap_or_default())]
    Git {
        /// The git directory.
        path: String,
        /// What was being resolved, as the user named it (`--range A...B`, `--branch X`), if anything.
        at: Option<String>,
        /// What libgit2 said.
        #[source]
        source: git2::Error,
    },
    /// The root cannot be used for this kind of scan (e.g. `--staged` on a bare repository).
    #[error("{path}: {message}")]
    Unsuitable {
        /// The root.
        path: String,
        /// Why it cannot be used.
        message: String,
    },
}

/// Something that yields blobs to scan: a directory tree, standard input, git history, a range, the index.
pub trait Source {
    /// Hands every blob and skip to `visitor`, returning when all are handed over.
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError>;

    /// For findings from this source's history blobs that HEAD's tree still holds: the finding's index
    /// and each place HEAD holds the blob (its own path, or another one a copy or rename gave it, with
    /// HEAD's commit). A history source's job; others have nothing to add.
    fn head_places(&self, _findings: &[crate::finding::Finding]) -> Vec<(usize, Origin)> {
        Vec::new()
    }
}

/// Several sources, one after the other (a work tree, then its history).
pub struct Chain(pub Vec<Box<dyn Source>>);

impl Source for Chain {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError> {
        self.0.iter().try_for_each(|s| s.visit(visitor))
    }

    fn head_places(&self, findings: &[crate::finding::Finding]) -> Vec<(usize, Origin)> {
        self.0.iter().flat_map(|s| s.head_places(findings)).collect()
    }
}
