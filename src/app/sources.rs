//! What a scan reads: standard input, a commit range, the index, directories, repositories with their
//! history, directories inside repositories, submodules.
//!
//! Decided in two steps: `probe` finds the facts about each path (is it a repository, bare, inside one,
//! which submodules are safe to enter), and `plan`, a pure function of the options and those facts, picks
//! the sources (the selection matrix, unit-tested below); `build` makes them.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use leakhound::source::git;
use leakhound::source::{fs::FsSource, stdin::StdinSource, Chain, Source};

use crate::cli::ScanArgs;

/// The options that choose sources.
#[derive(Debug, Clone, Default)]
pub(super) struct Selection {
    pub no_git: bool,
    pub no_history: bool,
    /// `--range` or `--since-commit`: the range and the flag as the user wrote it.
    pub range: Option<(String, String)>,
    pub staged: bool,
    pub recurse_submodules: bool,
}

impl Selection {
    pub fn of(args: &ScanArgs) -> Selection {
        let range = match (&args.range, &args.since_commit) {
            (Some(r), _) => Some((r.clone(), format!("--range {r}"))),
            (None, Some(s)) => Some((format!("{s}..HEAD"), format!("--since-commit {s}"))),
            (None, None) => None,
        };
        Selection {
            no_git: args.no_git,
            no_history: args.no_history,
            range,
            staged: args.staged,
            recurse_submodules: args.recurse_submodules,
        }
    }
}

/// What is true of one path given on the command line.
#[derive(Debug, Clone, Default)]
pub(super) struct PathFacts {
    pub path: PathBuf,
    /// `-`: standard input.
    pub stdin: bool,
    /// The git directory, when the path is a repository's top level or a bare repository.
    pub repo: Option<PathBuf>,
    pub bare: bool,
    /// The repository found searching upward from the path (for `--range` and `--staged`).
    pub discovered: Option<PathBuf>,
    /// A directory below a repository's top level: (git directory, top level, path relative to it).
    pub enclosing: Option<(PathBuf, PathBuf, String)>,
    /// Submodules (relative path), each with its git directory when it is safe to scan (inside the tree).
    pub submodules: Vec<(PathBuf, Option<PathBuf>)>,
}

/// One source to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Planned {
    Stdin,
    Range {
        git_dir: PathBuf,
        range: String,
        flag: String,
    },
    Staged {
        git_dir: PathBuf,
    },
    /// Plain files and directories.
    Files {
        roots: Vec<PathBuf>,
    },
    /// A work tree: files that differ from HEAD (all files with `--no-history`), not the submodules.
    WorkTree {
        root: PathBuf,
        git_dir: PathBuf,
        skip_unchanged: bool,
        exclude: Vec<PathBuf>,
        display_base: Option<PathBuf>,
    },
    History {
        git_dir: PathBuf,
        path_prefix: String,
        only_under: Option<String>,
    },
}

/// The facts about `path` (all the file-system and repository look-ups are here).
pub(super) fn probe(path: &Path, sel: &Selection) -> PathFacts {
    let mut f = PathFacts { path: path.to_path_buf(), ..PathFacts::default() };
    if path == Path::new("-") {
        f.stdin = true;
        return f;
    }
    if sel.no_git {
        return f;
    }
    if sel.range.is_some() || sel.staged {
        f.discovered = git2::Repository::discover(path).ok().map(|r| r.path().to_path_buf());
        return f;
    }
    // One open of the repository for what a scan needs to know of it.
    let Some(at) = git::repository_at(path) else {
        if path.is_dir() {
            f.enclosing = git::enclosing(path);
        }
        return f;
    };
    let git_dir = at.git_dir;
    f.repo = Some(git_dir.clone());
    f.bare = at.bare;
    let real_root = path.canonicalize().ok();
    let outer = git_dir.canonicalize().ok();
    for sub in at.submodules {
        let dir = path.join(&sub);
        // The directory must really be inside the tree (not a symlink out of it), and its `.git` file may
        // point anywhere: a real submodule's git directory is in the superproject's or its own directory.
        let inside = |p: &Path| real_root.as_ref().is_some_and(|r| p.starts_with(r));
        let dir_ok = dir.canonicalize().ok().is_some_and(|d| inside(&d));
        let sub_git = git::discover(&dir).filter(|g| {
            g.canonicalize().ok().is_some_and(|g| inside(&g) || outer.as_ref().is_some_and(|o| g.starts_with(o)))
        });
        f.submodules.push((sub, sub_git.filter(|_| dir_ok)));
    }
    f
}

/// The sources for the options and the facts about each path: the selection matrix.
pub(super) fn plan(sel: &Selection, facts: &[PathFacts]) -> Result<Vec<Planned>> {
    if facts.len() == 1 && facts[0].stdin {
        return Ok(vec![Planned::Stdin]);
    }
    if facts.iter().any(|f| f.stdin) {
        bail!("`-` (standard input) cannot be scanned together with other paths");
    }
    if sel.range.is_some() || sel.staged {
        if facts.len() > 1 {
            bail!("--range, --since-commit and --staged take one repository path");
        }
        let f = &facts[0];
        let Some(git_dir) = f.discovered.clone() else {
            bail!("{}: not a git repository (--range, --since-commit and --staged need one)", f.path.display());
        };
        return Ok(vec![match &sel.range {
            Some((range, flag)) => Planned::Range { git_dir, range: range.clone(), flag: flag.clone() },
            None => Planned::Staged { git_dir },
        }]);
    }
    let mut out = Vec::new();
    let mut plain = Vec::new();
    for f in facts {
        if let Some((git_dir, top, rel)) = &f.enclosing {
            out.push(Planned::WorkTree {
                root: top.join(rel),
                git_dir: git_dir.clone(),
                skip_unchanged: !sel.no_history,
                exclude: Vec::new(),
                display_base: Some(top.clone()),
            });
            if !sel.no_history {
                out.push(Planned::History {
                    git_dir: git_dir.clone(),
                    path_prefix: String::new(),
                    only_under: Some(rel.clone()),
                });
            }
            continue;
        }
        let Some(git_dir) = &f.repo else {
            plain.push(f.path.clone());
            continue;
        };
        if !f.bare {
            out.push(Planned::WorkTree {
                root: f.path.clone(),
                git_dir: git_dir.clone(),
                skip_unchanged: !sel.no_history,
                exclude: f.submodules.iter().map(|(p, _)| p.clone()).collect(),
                display_base: None,
            });
        }
        if !sel.no_history {
            out.push(Planned::History { git_dir: git_dir.clone(), path_prefix: String::new(), only_under: None });
        }
        if sel.recurse_submodules {
            for (sub, sub_git) in &f.submodules {
                let Some(sub_git) = sub_git else { continue };
                out.push(Planned::WorkTree {
                    root: f.path.join(sub),
                    git_dir: sub_git.clone(),
                    skip_unchanged: !sel.no_history,
                    exclude: Vec::new(),
                    display_base: None,
                });
                if !sel.no_history {
                    out.push(Planned::History {
                        git_dir: sub_git.clone(),
                        path_prefix: sub.to_string_lossy().into_owned(),
                        only_under: None,
                    });
                }
            }
        }
    }
    if !plain.is_empty() {
        out.insert(0, Planned::Files { roots: plain });
    }
    Ok(out)
}

/// What to read, built from the plan. With a store, a scan of one repository's whole history is
/// tracked (incremental); `--shard` splits that history by blob id.
pub(super) fn build_source(
    args: &ScanArgs,
    threads: usize,
    incremental: Option<&super::incremental::Incremental>,
) -> Result<(Box<dyn Source>, Option<super::incremental::Tracked>)> {
    let sel = Selection::of(args);
    let facts: Vec<PathFacts> = args.paths.iter().map(|p| probe(p, &sel)).collect();
    let planned = plan(&sel, &facts)?;
    build_planned(planned, args, &args.paths, threads, incremental)
}

/// The sources for a plan; see `build_source`.
pub(super) fn build_planned(
    planned: Vec<Planned>,
    args: &ScanArgs,
    paths: &[PathBuf],
    threads: usize,
    incremental: Option<&super::incremental::Incremental>,
) -> Result<(Box<dyn Source>, Option<super::incremental::Tracked>)> {
    let histories = planned.iter().filter(|p| matches!(p, Planned::History { .. })).count();
    let mut tracked = None;
    if let Some((i, _)) = args.shard {
        if planned.iter().any(|p| matches!(p, Planned::Files { .. } | Planned::Stdin)) || histories != 1 {
            bail!(
                "--shard splits a list of repositories (--repos-from, a directory of repositories) or one repository's history; {} is neither",
                paths.first().map_or_else(|| ".".into(), |p| p.display().to_string())
            );
        }
        if i > 0 {
            // The work tree's changed files are shard 0's.
            let planned: Vec<Planned> =
                planned.into_iter().filter(|p| !matches!(p, Planned::WorkTree { .. })).collect();
            return build_planned_inner(planned, args, threads, incremental, histories, &mut tracked)
                .map(|s| (s, tracked));
        }
    }
    build_planned_inner(planned, args, threads, incremental, histories, &mut tracked).map(|s| (s, tracked))
}

fn build_planned_inner(
    planned: Vec<Planned>,
    args: &ScanArgs,
    threads: usize,
    incremental: Option<&super::incremental::Incremental>,
    histories: usize,
    tracked: &mut Option<super::incremental::Tracked>,
) -> Result<Box<dyn Source>> {
    let mut sources: Vec<Box<dyn Source>> = Vec::new();
    for p in planned {
        sources.push(match p {
            Planned::Stdin => Box::new(StdinSource { max_size: args.max_file_size }),
            Planned::Range { git_dir, range, flag } => {
                Box::new(git::RangeSource { git_dir, range, flag, max_file_size: args.max_file_size })
            }
            Planned::Staged { git_dir } => Box::new(git::StagedSource { git_dir, max_file_size: args.max_file_size }),
            Planned::Files { roots } => Box::new(FsSource::new(roots, args.max_file_size, threads, args.no_ignore)),
            Planned::WorkTree { root, git_dir, skip_unchanged, exclude, display_base } => {
                let mut fs = FsSource::new(vec![root], args.max_file_size, threads, args.no_ignore);
                fs.exclude_dirs = exclude;
                fs.display_base = display_base;
                if skip_unchanged {
                    fs.skip = git::unchanged_paths(&git_dir);
                }
                Box::new(fs)
            }
            Planned::History { git_dir, path_prefix, only_under } => {
                // Only a whole history, alone in its scan, is tracked: its findings are all its own.
                let whole = histories == 1 && path_prefix.is_empty() && only_under.is_none() && args.branch.is_empty();
                let t = match incremental.filter(|_| whole) {
                    Some(inc) => Some(inc.track(&git_dir, args.shard)?),
                    None => None,
                };
                let source = git::HistorySource {
                    git_dir,
                    refs: args.branch.clone(),
                    max_file_size: args.max_file_size,
                    threads,
                    path_prefix,
                    only_under,
                    unreachable: !args.reachable_only,
                    prior: t.as_ref().and_then(|t| t.prior.clone()),
                    walked: t.as_ref().map(|t| t.walked.clone()),
                    shard: args.shard,
                };
                *tracked = t;
                Box::new(source)
            }
        });
    }
    Ok(if sources.len() == 1 { sources.remove(0) } else { Box::new(Chain(sources)) })
}

/// The repository scanned (the first path, when it is one), for SARIF's versionControlProvenance.
pub(super) fn repository_of(args: &ScanArgs) -> Option<leakhound::report::Repository> {
    if args.no_git || args.paths.first().is_some_and(|p| p == Path::new("-")) {
        return None;
    }
    git::describe(args.paths.first()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo(path: &str) -> PathFacts {
        PathFacts { path: path.into(), repo: Some(format!("{path}/.git").into()), ..PathFacts::default() }
    }

    fn kinds(p: &[Planned]) -> Vec<&'static str> {
        p.iter()
            .map(|p| match p {
                Planned::Stdin => "stdin",
                Planned::Range { .. } => "range",
                Planned::Staged { .. } => "staged",
                Planned::Files { .. } => "files",
                Planned::WorkTree { .. } => "worktree",
                Planned::History { .. } => "history",
            })
            .collect()
    }

    #[test]
    fn a_work_tree_is_its_changed_files_and_its_history() {
        let p = plan(&Selection::default(), &[repo("r")]).unwrap();
        assert_eq!(kinds(&p), ["worktree", "history"]);
        assert!(matches!(&p[0], Planned::WorkTree { skip_unchanged: true, .. }));
        let p = plan(&Selection { no_history: true, ..Selection::default() }, &[repo("r")]).unwrap();
        assert_eq!(kinds(&p), ["worktree"]);
        assert!(matches!(&p[0], Planned::WorkTree { skip_unchanged: false, .. }), "every file without history");
    }

    #[test]
    fn a_bare_repository_is_its_history_only() {
        let bare = PathFacts { bare: true, ..repo("b.git") };
        assert_eq!(kinds(&plan(&Selection::default(), &[bare]).unwrap()), ["history"]);
    }

    #[test]
    fn no_git_and_plain_paths_are_files_first() {
        let plain = PathFacts { path: "dir".into(), ..PathFacts::default() };
        assert_eq!(kinds(&plan(&Selection::default(), &[repo("r"), plain]).unwrap()), ["files", "worktree", "history"]);
    }

    #[test]
    fn ranges_and_the_index_take_one_repository() {
        let found = PathFacts { path: "r/src".into(), discovered: Some("r/.git".into()), ..PathFacts::default() };
        let sel = Selection { range: Some(("a..b".into(), "--range a..b".into())), ..Selection::default() };
        assert_eq!(kinds(&plan(&sel, std::slice::from_ref(&found)).unwrap()), ["range"]);
        let staged = Selection { staged: true, ..Selection::default() };
        assert_eq!(kinds(&plan(&staged, std::slice::from_ref(&found)).unwrap()), ["staged"]);
        assert!(plan(&staged, &[found.clone(), found]).is_err(), "one path");
        let nowhere = PathFacts { path: "x".into(), ..PathFacts::default() };
        let e = plan(&sel, &[nowhere]).unwrap_err().to_string();
        assert!(e.contains("not a git repository"), "{e}");
    }

    #[test]
    fn a_directory_inside_a_repository_limits_the_history_to_it() {
        let f = PathFacts {
            path: "src".into(),
            enclosing: Some(("/r/.git".into(), "/r".into(), "src".into())),
            ..PathFacts::default()
        };
        let p = plan(&Selection::default(), &[f]).unwrap();
        assert_eq!(kinds(&p), ["worktree", "history"]);
        assert!(matches!(&p[1], Planned::History { only_under: Some(u), .. } if u == "src"));
    }

    #[test]
    fn submodules_are_left_alone_unless_asked_and_unsafe_ones_always() {
        let f = PathFacts {
            submodules: vec![("lib".into(), Some("r/.git/modules/lib".into())), ("evil".into(), None)],
            ..repo("r")
        };
        let p = plan(&Selection::default(), std::slice::from_ref(&f)).unwrap();
        assert_eq!(kinds(&p), ["worktree", "history"]);
        assert!(matches!(&p[0], Planned::WorkTree { exclude, .. } if exclude.len() == 2), "not walked as files");
        let sel = Selection { recurse_submodules: true, ..Selection::default() };
        let p = plan(&sel, &[f]).unwrap();
        assert_eq!(kinds(&p), ["worktree", "history", "worktree", "history"], "lib only");
        assert!(matches!(&p[3], Planned::History { path_prefix, .. } if path_prefix == "lib"));
    }

    #[test]
    fn standard_input_stands_alone() {
        let stdin = PathFacts { path: "-".into(), stdin: true, ..PathFacts::default() };
        assert_eq!(kinds(&plan(&Selection::default(), std::slice::from_ref(&stdin)).unwrap()), ["stdin"]);
        assert!(plan(&Selection::default(), &[stdin, repo("r")]).is_err());
    }
}
