//! Audits of many repositories: a directory holding repositories, or `--repos-from FILE` (local paths and
//! git URLs, mirrored into the cache). Each repository is scanned on its own, one after another (each
//! scan uses every worker thread), so memory is one repository's at a time; its findings carry its name.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use leakhound::finding::Finding;
use leakhound::pipeline::{RepoStats, ScanStats};
use leakhound::source::{Skip, SkipReason};

use super::incremental::Incremental;
use super::sources::{build_planned, plan, probe, Selection};
use crate::cli::ScanArgs;

/// One repository of an audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Target {
    /// Its name in reports: the path as given or found, or the URL without scheme and credentials.
    pub name: String,
    pub location: Location,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Location {
    Local(PathBuf),
    Url(String),
}

/// How deep below a directory repositories are looked for (`org/team/repo`).
const MAX_DEPTH: usize = 4;

/// The repositories to audit, when this scan is an audit: `--repos-from`, or one directory that is not
/// itself in a repository but holds some. Sharded by repository with `--shard`.
pub(super) fn targets(args: &ScanArgs, warnings: &mut Vec<String>) -> Result<Option<Vec<Target>>> {
    let mut list = if let Some(file) = &args.repos_from {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("{}: cannot read the list", file.display()))?;
        parse_list(&text)
    } else {
        let [dir] = &args.paths[..] else { return Ok(None) };
        if args.no_git || args.staged || args.range.is_some() || args.since_commit.is_some() || !dir.is_dir() {
            return Ok(None);
        }
        if leakhound::source::git::repository_at(dir).is_some() || leakhound::source::git::enclosing(dir).is_some() {
            return Ok(None);
        }
        let (found, foreign) = find_repositories(dir);
        for p in foreign {
            let name = p.strip_prefix(dir).unwrap_or(&p).display().to_string();
            warnings.push(format!("{name}: its git directory is outside {}; not audited", dir.display()));
        }
        if found.is_empty() {
            return Ok(None);
        }
        warnings.push(format!(
            "{}: {} repositories found; each is scanned with its history, and files outside them are not scanned (scan those with --no-git)",
            dir.display(),
            found.len()
        ));
        found
            .into_iter()
            .map(|p| {
                let name = p.strip_prefix(dir).unwrap_or(&p).display().to_string();
                Target { name, location: Location::Local(p) }
            })
            .collect()
    };
    if list.is_empty() {
        bail!("no repositories to scan: the list is empty");
    }
    unique_names(&mut list);
    if let Some((i, n)) = args.shard {
        list.retain(|t| shard_of_name(&t.name, n) == i);
    }
    Ok(Some(list))
}

/// The shard of `n` a repository falls in, by its name: stable across machines and runs.
fn shard_of_name(name: &str, n: u32) -> u32 {
    let h = Sha256::digest(name.as_bytes());
    u32::from_be_bytes([h[0], h[1], h[2], h[3]]) % n
}

/// A list file: one local path or git URL per line; blank lines and `#` comments are skipped.
fn parse_list(text: &str) -> Vec<Target> {
    text.lines()
        .map(|l| l.split(" #").next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            if is_url(l) {
                Target { name: url_name(l), location: Location::Url(l.to_string()) }
            } else {
                Target { name: l.to_string(), location: Location::Local(PathBuf::from(l)) }
            }
        })
        .collect()
}

/// `scheme://…` or scp-like `user@host:path` (a local path may hold `:` but not `@` before it).
fn is_url(s: &str) -> bool {
    s.contains("://") || s.split_once(':').is_some_and(|(a, _)| a.contains('@') && !a.contains('/'))
}

/// A URL as reports name its repository: without scheme, credentials, query and `.git`
/// (`https://tok@github.com/org/repo.git` -> `github.com/org/repo`).
fn url_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    // Credentials end at the last `@` before the path.
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let rest = rest[..authority_end].rfind('@').map_or(rest, |at| &rest[at + 1..]);
    let (host, path) = rest.split_once(['/', ':']).unwrap_or((rest, ""));
    let path = path.trim_matches('/').trim_end_matches(".git");
    if path.is_empty() {
        host.to_string()
    } else if host.is_empty() {
        path.to_string()
    } else {
        format!("{host}/{path}")
    }
}

/// A URL without the credentials it may carry (`https://user:token@host/…` -> `https://host/…`).
fn public_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.split_once('@').map_or(url.to_string(), |(_, r)| r.to_string());
    };
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let path = path.split(['?', '#']).next().unwrap_or("");
    format!("{scheme}://{host}/{path}")
}

fn unique_names(list: &mut [Target]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for t in list.iter_mut() {
        let n = seen.entry(t.name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            t.name = format!("{} ({n})", t.name);
        }
    }
}

/// Repositories under `dir` (work trees and bare ones, `*.git` or not), not descending into one, nor
/// following symlinks; sorted. A repository whose git directory lies outside `dir` (a `.git` file that
/// points elsewhere) is not the directory's own: a scanned tree cannot make the audit read another one.
fn find_repositories(dir: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let inside = |p: &Path| {
        leakhound::source::git::repository_at(p).map(|r| r.git_dir.canonicalize().is_ok_and(|g| g.starts_with(&root)))
    };
    let (mut out, mut foreign) = (Vec::new(), Vec::new());
    let mut stack = vec![(dir.to_path_buf(), 0)];
    while let Some((d, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let Ok(kind) = e.file_type() else { continue };
            if !kind.is_dir() || e.file_name() == ".git" {
                continue;
            }
            let p = e.path();
            match inside(&p) {
                Some(true) => out.push(p),
                Some(false) => foreign.push(p),
                None if depth + 1 < MAX_DEPTH => stack.push((p, depth + 1)),
                None => {}
            }
        }
    }
    out.sort();
    foreign.sort();
    (out, foreign)
}

/// Scans every target, one after another; what fails (a clone, a fetch, a repository that cannot be
/// opened) is reported in its repository's entry and as a skip, and the rest goes on.
pub(super) fn scan_repositories(
    targets: Vec<Target>,
    args: &ScanArgs,
    scanner: &leakhound::scan::Scanner,
    mut incremental: Option<&mut Incremental>,
    threads: usize,
) -> Result<(Vec<Finding>, ScanStats)> {
    let started = Instant::now();
    let places = mirror_all(&targets, args)?;
    let bar = progress(targets.len());
    let mut findings = Vec::new();
    let mut total = ScanStats::default();
    let mut bytes_done = 0u64;
    // Each repository is scanned alone, so its findings are its own: the shard is by repository.
    let mut per_repo = args.clone();
    per_repo.shard = None;
    for (t, place) in targets.iter().zip(places) {
        if let Some(b) = &bar {
            let secs = started.elapsed().as_secs_f64().max(0.001);
            b.set_message(format!("{}  ({:.1} MB/s)", t.name, bytes_done as f64 / 1e6 / secs));
        }
        let repo_started = Instant::now();
        let mut entry = RepoStats { name: t.name.clone(), ..RepoStats::default() };
        if let Location::Url(u) = &t.location {
            entry.remote = Some(public_url(u));
        }
        let result = place.and_then(|git_dir| {
            entry.path = git_dir.display().to_string();
            if entry.remote.is_none() {
                entry.remote = leakhound::source::git::describe(&git_dir).map(|r| r.uri);
            }
            scan_one(&git_dir, &per_repo, scanner, incremental.as_deref_mut(), threads)
        });
        match result {
            Ok((mut found, stats)) => {
                let name: std::sync::Arc<str> = t.name.as_str().into();
                for f in &mut found {
                    f.repository = Some(name.clone());
                }
                entry.blobs_scanned = stats.blobs;
                entry.bytes_scanned = stats.bytes;
                entry.objects_known = stats.objects_known;
                entry.findings = found.len() as u64;
                entry.secrets = leakhound::group::group(&found).len() as u64;
                bytes_done += stats.bytes;
                total.blobs += stats.blobs;
                total.bytes += stats.bytes;
                total.binary += stats.binary;
                total.skipped.extend(
                    stats
                        .skipped
                        .into_iter()
                        .map(|s| Skip { path: format!("{}: {}", t.name, s.path), reason: s.reason }),
                );
                total.notes.extend(stats.notes.into_iter().map(|n| format!("{}: {n}", t.name)));
                findings.extend(found);
            }
            Err(e) => {
                let message = leakhound::text::one_line(&format!("{e:#}"));
                entry.error = Some(message.clone());
                total.skipped.push(Skip { path: t.name.clone(), reason: SkipReason::Other(message) });
            }
        }
        entry.elapsed_ms = repo_started.elapsed().as_millis() as u64;
        total.repositories.push(entry);
        if let Some(b) = &bar {
            b.inc(1);
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(e) = scanner.broken_rule() {
        bail!("{e}");
    }
    total.repositories.sort_by(|a, b| a.name.cmp(&b.name));
    let shown = |p: &str| scanner.redact_path(p);
    leakhound::pipeline::order_remarks(&mut total.skipped, &mut total.notes, &shown);
    total.elapsed_ms = started.elapsed().as_millis() as u64;
    leakhound::pipeline::dedup(&mut findings, &shown);
    Ok((findings, total))
}

/// One repository: its work tree's changed files (if it has one) and its whole history, through the
/// store when there is one.
fn scan_one(
    path: &Path,
    args: &ScanArgs,
    scanner: &leakhound::scan::Scanner,
    incremental: Option<&mut Incremental>,
    threads: usize,
) -> Result<(Vec<Finding>, ScanStats)> {
    let sel = Selection::of(args);
    let facts = probe(path, &sel);
    if facts.repo.is_none() {
        bail!("{}: not a git repository", path.display());
    }
    let planned = plan(&sel, &[facts])?;
    let (source, tracked) = build_planned(planned, args, &[path.to_path_buf()], threads, incremental.as_deref())?;
    let (findings, mut stats) = leakhound::pipeline::run(source.as_ref(), scanner, None)?;
    if let Some(t) = &tracked {
        stats.objects_known = t.prior.as_ref().map_or(0, |p| p.known.len() as u64);
    }
    if let (Some(inc), Some(t)) = (incremental, tracked) {
        if scanner.broken_rule().is_none() {
            inc.finish(t, &stats)?;
        }
    }
    Ok((findings, stats))
}

/// Where each target's repository is: local paths as given; URLs mirrored into the cache directory
/// (cloned the first time, fetched after), several at once, each within the clone timeout.
fn mirror_all(targets: &[Target], args: &ScanArgs) -> Result<Vec<Result<PathBuf>>> {
    let urls = targets.iter().filter(|t| matches!(t.location, Location::Url(_))).count();
    let cache = match (&args.cache_dir, urls) {
        (_, 0) => PathBuf::new(),
        (Some(d), _) => d.clone(),
        (None, _) => dirs::cache_dir()
            .map(|d| d.join("leakhound").join("repos"))
            .context("no user cache directory for mirrors: pass --cache-dir")?,
    };
    if urls > 0 {
        std::fs::create_dir_all(&cache)
            .with_context(|| format!("{}: cannot create the cache directory", cache.display()))?;
    }
    let results: Vec<Mutex<Option<Result<PathBuf>>>> = targets.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let timeout = Duration::from_secs(args.clone_timeout);
    std::thread::scope(|s| {
        for _ in 0..(args.clone_jobs as usize).min(urls.max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(t) = targets.get(i) else { break };
                let r = match &t.location {
                    Location::Local(p) => Ok(p.clone()),
                    Location::Url(u) => mirror(u, &cache, timeout),
                };
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            });
        }
    });
    Ok(results
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()).unwrap_or_else(|| bail!("not mirrored")))
        .collect())
}

/// The mirror of `url` in `cache`: `git clone --mirror` the first time, `git fetch --prune` after.
fn mirror(url: &str, cache: &Path, timeout: Duration) -> Result<PathBuf> {
    let slug: String =
        url_name(url).chars().map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect();
    let hash = hex::encode(&Sha256::digest(url.as_bytes())[..4]);
    let dest = cache.join(format!("{slug}-{hash}.git"));
    if dest.join("HEAD").is_file() {
        let mut c = git();
        c.arg("--git-dir").arg(&dest).args(["fetch", "--prune", "--quiet", "origin"]);
        run_git(c, timeout).with_context(|| format!("{}: fetch failed", public_url(url)))?;
    } else {
        let partial = cache.join(format!("{slug}-{hash}.git.partial"));
        let _ = std::fs::remove_dir_all(&partial);
        let mut c = git();
        c.args(["clone", "--mirror", "--quiet", "--", url]).arg(&partial);
        if let Err(e) = run_git(c, timeout) {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e).with_context(|| format!("{}: clone failed", public_url(url)));
        }
        // Renamed only once complete: an interrupted clone is never taken for a mirror.
        std::fs::rename(&partial, &dest)
            .with_context(|| format!("{}: cannot move the clone in place", dest.display()))?;
    }
    Ok(dest)
}

/// git, never prompting for credentials (a missing token fails the repository instead of hanging) and
/// never running a command as a transport (`ext::`), whatever the list or a user's config says.
fn git() -> Command {
    let mut c = Command::new("git");
    c.args(["-c", "protocol.ext.allow=never"]);
    c.env("GIT_TERMINAL_PROMPT", "0").stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

/// Runs git to completion or until `timeout`, when it is killed.
fn run_git(mut c: Command, timeout: Duration) -> Result<()> {
    let mut child = c.spawn().context("cannot run git (is it installed?)")?;
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            if status.success() {
                return Ok(());
            }
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            // git's message may echo a URL with its credentials: keep only what follows them.
            let lines = || err.lines().map(str::trim).filter(|l| !l.is_empty());
            let err =
                lines().find(|l| l.starts_with("fatal:")).or_else(|| lines().next_back()).unwrap_or("").to_string();
            bail!("git exited with {status}: {}", strip_userinfo(&err));
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            bail!("timed out after {} s", timeout.as_secs());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `scheme://user:pass@host` -> `scheme://host` wherever it occurs in `text`.
fn strip_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        out.push_str(&rest[..i + 3]);
        rest = &rest[i + 3..];
        let end = rest.find(|c: char| c == '/' || c.is_whitespace() || c == '\'').unwrap_or(rest.len());
        if let Some(at) = rest[..end].rfind('@') {
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

fn progress(n: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    bar.set_style(indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} repositories ({elapsed}) {msg}").ok()?);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_lines_are_paths_or_urls_named_without_credentials() {
        let l = parse_list(
            "# org\n\n/srv/a\nhttps://x:tok@github.com/org/b.git\ngit@github.com:org/c.git  # ssh\nfile:///tmp/d\n",
        );
        let names: Vec<&str> = l.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["/srv/a", "github.com/org/b", "github.com/org/c", "tmp/d"]);
        assert_eq!(l[0].location, Location::Local("/srv/a".into()));
        assert!(matches!(&l[2].location, Location::Url(u) if u == "git@github.com:org/c.git"));
        assert_eq!(public_url("https://x:tok@github.com/org/b.git?t=1"), "https://github.com/org/b.git");
        assert_eq!(strip_userinfo("fatal: 'https://u:p@h/x' not found"), "fatal: 'https://h/x' not found");
    }

    #[test]
    fn shards_split_repositories_deterministically() {
        let names: Vec<String> = (0..40).map(|i| format!("repo{i}")).collect();
        let mut all: Vec<&String> =
            (0..3).flat_map(|i| names.iter().filter(move |n| shard_of_name(n, 3) == i)).collect();
        all.sort();
        let mut expected: Vec<&String> = names.iter().collect();
        expected.sort();
        assert_eq!(all, expected);
        assert!((0..3).all(|i| names.iter().any(|n| shard_of_name(n, 3) == i)));
    }
}
