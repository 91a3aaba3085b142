//! What a scan reads: standard input, a commit range, the index, directories, repositories with their history, directories inside repositories, submodules.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use leakhound::source::{fs::FsSource, stdin::StdinSource, Source};

use crate::cli::ScanArgs;

/// What to read: stdin, a commit range, the index, or each path as a directory — and, for a git
/// repository, its changed work-tree files plus its whole history.
pub(super) fn build_source(args: &ScanArgs, threads: usize) -> Result<Box<dyn Source>> {
    use leakhound::source::git;
    if args.paths.len() == 1 && args.paths[0] == Path::new("-") {
        return Ok(Box::new(StdinSource { max_size: args.max_file_size }));
    }
    let root = &args.paths[0];
    let range = args.range.clone().or_else(|| args.since_commit.as_ref().map(|s| format!("{s}..HEAD")));
    if range.is_some() || args.staged {
        if args.paths.len() > 1 {
            bail!("--range, --since-commit and --staged take one repository path");
        }
        let repo = git2::Repository::discover(root).map_err(|e| {
            anyhow::anyhow!(
                "{}: not a git repository (--range, --since-commit and --staged need one): {}",
                root.display(),
                e.message()
            )
        })?;
        let git_dir = repo.path().to_path_buf();
        return Ok(match range {
            Some(range) => {
                let flag = match &args.since_commit {
                    Some(sha) => format!("--since-commit {sha}"),
                    None => format!("--range {range}"),
                };
                Box::new(git::RangeSource { git_dir, range, flag, max_file_size: args.max_file_size })
            }
            None => Box::new(git::StagedSource { git_dir, max_file_size: args.max_file_size }),
        });
    }
    let mut sources: Vec<Box<dyn Source>> = Vec::new();
    let mut plain: Vec<PathBuf> = Vec::new();
    for path in &args.paths {
        let git_dir = if args.no_git { None } else { git::discover(path) };
        // A directory inside a repository: its files, and the history of what is under it.
        let inside = if args.no_git || git_dir.is_some() || !path.is_dir() { None } else { git::enclosing(path) };
        if let Some((git_dir, top, rel)) = inside {
            let mut fs = FsSource::new(vec![top.join(&rel)], args.max_file_size, threads, args.no_ignore);
            fs.display_base = Some(top);
            if !args.no_history {
                fs.skip = git::unchanged_paths(&git_dir);
                let mut h = history(&git_dir, args, threads, String::new());
                h.only_under = Some(rel);
                sources.push(Box::new(fs));
                sources.push(Box::new(h));
            } else {
                sources.push(Box::new(fs));
            }
            continue;
        }
        let Some(git_dir) = git_dir else {
            plain.push(path.clone());
            continue;
        };
        let bare = git::is_bare(path, &git_dir);
        let submodules = git::submodule_paths(&git_dir);
        if !bare {
            let mut fs = FsSource::new(vec![path.clone()], args.max_file_size, threads, args.no_ignore);
            fs.exclude_dirs = submodules.clone();
            if !args.no_history {
                fs.skip = git::unchanged_paths(&git_dir);
            }
            sources.push(Box::new(fs));
        }
        if !args.no_history {
            sources.push(Box::new(history(&git_dir, args, threads, String::new())));
        }
        if args.recurse_submodules {
            let real_root = path.canonicalize().ok();
            for sub in submodules {
                let dir = path.join(&sub);
                // The submodule's directory must really be inside the tree (not a symlink out of it).
                let inside = dir.canonicalize().ok().zip(real_root.as_ref()).is_some_and(|(d, r)| d.starts_with(r));
                if !inside {
                    continue;
                }
                // Its `.git` file may point anywhere; a real submodule's lives in the superproject's
                // git directory (or in its own directory, for an old-style checkout).
                let sub_git = git::discover(&dir).filter(|g| {
                    let g = g.canonicalize().ok();
                    let outer = git_dir.canonicalize().ok();
                    g.is_some_and(|g| {
                        real_root.as_ref().is_some_and(|r| g.starts_with(r)) || outer.is_some_and(|o| g.starts_with(o))
                    })
                });
                if let Some(sub_git) = sub_git {
                    let prefix = sub.to_string_lossy().into_owned();
                    let mut fs = FsSource::new(vec![dir.clone()], args.max_file_size, threads, args.no_ignore);
                    fs.skip = git::unchanged_paths(&sub_git);
                    sources.push(Box::new(fs));
                    sources.push(Box::new(history(&sub_git, args, threads, prefix)));
                }
            }
        }
    }
    if !plain.is_empty() {
        sources.insert(0, Box::new(FsSource::new(plain, args.max_file_size, threads, args.no_ignore)));
    }
    Ok(Box::new(leakhound::source::Chain(sources)))
}

pub(super) fn history(
    git_dir: &Path,
    args: &ScanArgs,
    threads: usize,
    path_prefix: String,
) -> leakhound::source::git::HistorySource {
    leakhound::source::git::HistorySource {
        git_dir: git_dir.to_path_buf(),
        refs: args.branch.clone(),
        max_file_size: args.max_file_size,
        threads,
        path_prefix,
        only_under: None,
    }
}

/// The repository scanned (the first path, when it is one), for SARIF's versionControlProvenance.
pub(super) fn repository_of(args: &ScanArgs) -> Option<leakhound::report::Repository> {
    if args.no_git || args.paths.first().is_some_and(|p| p == Path::new("-")) {
        return None;
    }
    let repo = git2::Repository::discover(args.paths.first()?).ok()?;
    leakhound::source::git::describe(repo.path())
}
