//! A directory tree (or single files), walked in parallel. `.gitignore` is honoured unless `no_ignore`;
//! hidden files (`.env`, `.npmrc`) are scanned; `.git/` is never walked as files; a symlink is followed
//! only to a file inside the scan root.
//!
//! Files are read into a per-thread buffer that is reused, never memory-mapped: a mapped file that
//! another process truncates raises SIGBUS on the next page touched and kills the scan with no report,
//! and the tree being scanned is not ours to lock. Reading costs a copy (a few percent of a directory
//! scan) and turns a file that changes underneath into a warning.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use ignore::{WalkBuilder, WalkState};

use super::{Blob, Skip, SkipReason, Source, SourceError, Visitor};
use crate::finding::Origin;
pub use crate::text::io_message;

/// A thread's read buffer larger than this is given back after use, so one large file does not pin
/// memory for the rest of the scan.
const KEEP_BUFFER: usize = 4 << 20;

/// Files under one or more roots (directories or single files), walked in parallel.
pub struct FsSource {
    /// The directories or files to scan.
    pub roots: Vec<PathBuf>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Threads walking and reading (0: chosen automatically).
    pub threads: usize,
    /// Scan files that `.gitignore` and similar files exclude.
    pub no_ignore: bool,
    /// Paths (relative to the root) not to read: in a git work tree, files identical to HEAD, which the
    /// history scan covers.
    pub skip: std::collections::HashSet<PathBuf>,
    /// Directories (relative to the root) not to walk: submodules, scanned as their own repositories.
    pub exclude_dirs: Vec<PathBuf>,
    /// Show paths (and match `skip`) relative to this directory instead of the root: the repository's
    /// top level when the root is a directory inside it.
    pub display_base: Option<PathBuf>,
}

impl FsSource {
    /// A source for `roots` with nothing skipped or excluded and paths shown relative to each root.
    pub fn new(roots: Vec<PathBuf>, max_file_size: u64, threads: usize, no_ignore: bool) -> Self {
        FsSource {
            roots,
            max_file_size,
            threads,
            no_ignore,
            skip: Default::default(),
            exclude_dirs: Vec::new(),
            display_base: None,
        }
    }
}

impl Source for FsSource {
    fn visit(&self, visitor: &dyn Visitor) -> Result<(), SourceError> {
        for root in &self.roots {
            if let Err(e) = std::fs::metadata(root) {
                return Err(SourceError::Io { path: root.display().to_string(), source: e });
            }
        }
        let mut builder = WalkBuilder::new(&self.roots[0]);
        for r in &self.roots[1..] {
            builder.add(r);
        }
        builder
            .hidden(false)
            .parents(!self.no_ignore)
            .ignore(!self.no_ignore)
            .git_ignore(!self.no_ignore)
            .git_global(false)
            .git_exclude(!self.no_ignore)
            .require_git(false)
            .follow_links(false)
            .threads(self.threads)
            .filter_entry(|e| e.file_name() != ".git");
        if !self.exclude_dirs.is_empty() {
            let root = self.roots[0].clone();
            let excluded: Vec<PathBuf> = self.exclude_dirs.iter().map(|d| root.join(d)).collect();
            builder.filter_entry(move |e| e.file_name() != ".git" && !excluded.iter().any(|x| e.path() == x));
        }
        let multi = self.roots.len() > 1;
        // Where symlinks may lead: inside one of the roots as they really are.
        let real_roots: Vec<PathBuf> = self.roots.iter().filter_map(|r| r.canonicalize().ok()).collect();
        let real_roots = &real_roots;
        builder.build_parallel().run(|| {
            let mut buf = Vec::new();
            Box::new(move |entry| {
                match entry {
                    Ok(entry) => {
                        let is_link = entry.path_is_symlink();
                        // Everything but directories: files, links, and FIFOs/devices (reported, not read).
                        let is_dir = entry.file_type().is_none_or(|t| t.is_dir());
                        if !is_dir || is_link {
                            let root = match &self.display_base {
                                Some(base) => Some(base),
                                None => self.roots.iter().find(|r| entry.path().starts_with(r)),
                            };
                            let shown = display_path(entry.path(), root.map(|r| r.as_path()), multi);
                            let rel = root.and_then(|r| entry.path().strip_prefix(r).ok());
                            if !self.skip.is_empty() && rel.is_some_and(|p| self.skip.contains(p)) {
                                return WalkState::Continue;
                            }
                            // A root the user named is theirs to follow; a link found inside the tree
                            // must not lead out of it (a hostile tree could point at ~/.aws/credentials).
                            if is_link && entry.depth() > 0 && !inside(entry.path(), real_roots) {
                                visitor.skip(Skip { path: shown, reason: SkipReason::OutsideRoot });
                                return WalkState::Continue;
                            }
                            self.visit_file(entry.path(), shown, is_link, &mut buf, visitor);
                        }
                    }
                    Err(err) => {
                        let (path, message) = walk_error(&err);
                        let reason = if message.contains("loop") {
                            SkipReason::BadSymlink(message)
                        } else {
                            SkipReason::Unreadable(message)
                        };
                        visitor.skip(Skip { path, reason });
                    }
                }
                WalkState::Continue
            })
        });
        Ok(())
    }
}

impl FsSource {
    fn visit_file(&self, path: &Path, shown: String, is_link: bool, buf: &mut Vec<u8>, visitor: &dyn Visitor) {
        let skip = |reason| visitor.skip(Skip { path: shown.clone(), reason });
        // `metadata` follows a symlink: a dangling or looping one fails here.
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if is_link => return skip(SkipReason::BadSymlink(io_message(&e))),
            Err(e) => return skip(SkipReason::Unreadable(io_message(&e))),
        };
        if !meta.is_file() {
            // A symlink to a directory is not followed (it could leave the tree or loop); a FIFO or
            // device would block or never end.
            if !meta.is_dir() {
                skip(SkipReason::NotRegular);
            }
            return;
        }
        let size = meta.len();
        if size > self.max_file_size {
            return skip(SkipReason::TooLarge { size, limit: self.max_file_size });
        }
        if size == 0 {
            return;
        }
        let origin = Origin::File { path: shown.clone() };
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return skip(SkipReason::Unreadable(io_message(&e))),
        };
        buf.clear();
        buf.reserve(size as usize);
        // One byte past the limit tells a file that grew beyond it from one that is exactly at it.
        match file.take(self.max_file_size + 1).read_to_end(buf) {
            Ok(n) if n as u64 > self.max_file_size => {
                skip(SkipReason::TooLarge { size: n as u64, limit: self.max_file_size })
            }
            Ok(n) => {
                if n as u64 != size {
                    skip(SkipReason::Changed(format!(
                        "changed while being read ({n} of {size} bytes); scanned what was read"
                    )));
                }
                visitor.blob(Blob { data: buf, origin, lines: None, base: None, owned: None })
            }
            Err(e) => skip(SkipReason::Unreadable(io_message(&e))),
        }
        if buf.capacity() > KEEP_BUFFER {
            *buf = Vec::new();
        }
    }
}

/// Path as shown in reports: relative to its root when the root is a directory (repository-relative
/// URIs for SARIF); with several roots, prefixed by the root.
fn display_path(path: &Path, root: Option<&Path>, multi: bool) -> String {
    let rel = match root {
        Some(r) if r.is_dir() => match path.strip_prefix(r) {
            Ok(rel) if multi => r.join(rel),
            Ok(rel) => rel.to_path_buf(),
            Err(_) => path.to_path_buf(),
        },
        _ => path.to_path_buf(),
    };
    let s = rel.to_string_lossy().into_owned();
    // Only on Windows is a backslash a separator; elsewhere it is part of a file's name.
    #[cfg(windows)]
    let s = s.replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Whether `path` (a symlink) resolves to somewhere inside one of `roots` (already canonical).
fn inside(path: &Path, roots: &[PathBuf]) -> bool {
    match path.canonicalize() {
        Ok(real) => roots.iter().any(|r| real.starts_with(r)),
        // Dangling or looping: `visit_file` reports it as a bad symlink.
        Err(_) => true,
    }
}

fn walk_error(err: &ignore::Error) -> (String, String) {
    match err {
        ignore::Error::WithPath { path, err } => (path.display().to_string(), walk_error(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_error(err),
        ignore::Error::Loop { child, .. } => (child.display().to_string(), "symlink loop".into()),
        ignore::Error::Io(e) => (String::new(), io_message(e)),
        other => (String::new(), other.to_string()),
    }
}
