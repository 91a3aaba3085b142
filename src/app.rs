//! The one place that knows every part: builds the configuration, rules, scanner, source and reporter
//! from the command line, runs the scan and decides the outcome.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use leakhound::config::{ConfigFile, Trust};
use leakhound::finding::Finding;
use leakhound::report::{self, AppliedConfig, Format, Report, ScanStats, Suppression};
use leakhound::rules::RuleSet;
use leakhound::scan::{Allowlist, Scanner};
use leakhound::source::{fs::FsSource, stdin::StdinSource, Source};
use leakhound::text::escape_control;

use crate::cli::{ColorArg, Command, ConfigCommand, FormatArg, ListFormat, RulesCommand, ScanArgs, SeverityArg};
use leakhound::finding::Severity;

pub enum Outcome {
    Clean,
    /// Findings that fail the scan, with the exit status to use (1, or `--exit-code`).
    Findings(i32),
    /// The scan ran but could not read everything it was asked to.
    Incomplete,
    /// Findings, and a revoke-webhook notice could not be delivered (it waits in the outbox).
    DeliveryFailed,
}

impl Outcome {
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings(code) => *code,
            Outcome::Incomplete => 2,
            Outcome::DeliveryFailed => 3,
        }
    }
}

pub fn run(cli: crate::cli::Cli) -> Result<Outcome> {
    match cli.command {
        Command::Scan(args) => scan(*args),
        Command::Rules(RulesCommand::List { format, rules }) => list_rules(format, &rules),
        Command::Rules(RulesCommand::Check { path }) => check_rules(path.as_deref()),
        Command::Notify { outbox } => notify(outbox),
        Command::Config(ConfigCommand::ImportGitleaks { file, output, force }) => {
            import_gitleaks(&file, &output, force)
        }
        Command::InstallHook { repo, force } => install_hook(&repo, force),
    }
}

fn scan(args: ScanArgs) -> Result<Outcome> {
    let root = args.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    let mut warnings: Vec<String> = Vec::new();
    let configs = load_configs(&args, &root, &mut warnings)?;
    let (mut rules, mut applied) = load_rules(&args.rules, &configs, &mut warnings)?;
    select_rules(&mut rules, &args, &configs, &mut applied, &mut warnings)?;
    let allowlists = configs
        .iter()
        .map(|c| {
            let a = &c.config.allowlist;
            Allowlist::with_path_regexes(&a.paths, &a.path_regexes, &a.regexes, &a.stopwords)
                .and_then(|x| x.with_rule_paths(&a.rule_paths))
                .map(|x| x.named(c.path.display().to_string()))
                .with_context(|| format!("{}: invalid [allowlist]", c.path.display()))
        })
        .collect::<Result<Vec<_>>>()?;
    let hooks = webhooks(&args, &configs)?;
    let key = crate::keys::fingerprint_key(&configs, &mut warnings)?;
    let scanner = Scanner::new(rules, allowlists, args.show_secrets).with_fingerprint_key(key);
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);

    let source = build_source(&args, threads)?;
    let bar = progress_bar();
    let tick = |blobs: u64, bytes: u64| {
        if let Some(b) = &bar {
            if blobs % 64 == 0 {
                b.set_message(format!("{blobs} blobs, {:.1} MB", bytes as f64 / 1e6));
            }
        }
    };
    let progress: Option<leakhound::pipeline::Progress<'_>> = if bar.is_some() { Some(&tick) } else { None };
    let (findings, mut stats) = leakhound::pipeline::run(source.as_ref(), &scanner, progress)?;
    if let Some(e) = scanner.broken_rule() {
        bail!("{e}");
    }
    stats.repository = repository_of(&args);
    stats.config_files = applied;
    stats.fingerprint_key_id = scanner.fingerprint_key().id();
    stats.scope = scope_of(&args);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }

    let trust_of = |source: &str| {
        configs.iter().find(|c| c.path.display().to_string() == source).map_or("user", |c| c.trust.as_str())
    };
    for a in scanner.allowlists() {
        let (files, findings) = a.counts();
        stats.suppressed.push(Suppression {
            source: a.source.clone(),
            kind: "allowlist",
            trust: trust_of(&a.source),
            files,
            findings,
        });
    }
    let (findings, for_baseline) = drop_accepted(findings, &args, &root, &scanner, &mut stats, &mut warnings)?;
    for x in stats.suppressed.iter().filter(|x| x.trust == "repository" && (x.files > 0 || x.findings > 0)) {
        warnings.push(format!(
            "{} in the scanned tree suppressed {} finding(s){}; review it, or scan with --no-repo-config",
            x.source,
            x.findings,
            if x.files > 0 { format!(" and kept {} file(s) from being scanned", x.files) } else { String::new() }
        ));
    }
    // Never pass vacuously: files were named and nothing was read.
    let named_bytes: u64 =
        args.paths.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum();
    if named_bytes > 0 && stats.bytes == 0 && stats.binary == 0 {
        warnings.push("nothing was scanned: the given paths hold no file to read (0 bytes)".into());
    }
    warn_all(&warnings, &stats, &scanner);
    // `-o -` is standard output. With one -o, an explicit --format wins over its extension; with several,
    // each file's extension decides and --format covers those without one.
    let several = args.output.len() > 1;
    let outputs: Vec<(Format, Option<PathBuf>)> = if args.output.is_empty() {
        vec![(output_format(args.format, None, false), None)]
    } else {
        args.output
            .iter()
            .map(|p| {
                let (prefixed, p) = format_prefix(p);
                let path = (p != Path::new("-")).then_some(p);
                (prefixed.unwrap_or_else(|| output_format(args.format, path.as_deref(), several)), path)
            })
            .collect()
    };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            outputs.iter().all(|(_, p)| p.is_none())
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    if let Some(path) = &args.write_baseline {
        let baseline = Report {
            findings: &for_baseline,
            stats: &stats,
            rules: scanner.rules(),
            scanner: &scanner,
            show_secrets: false,
            deliveries: None,
        };
        write_report(Format::Json, &baseline, false, Some(path))?;
    }
    let deliveries = notify_webhooks(&args, &hooks, &findings, &scanner)?;
    let report = Report {
        findings: &findings,
        stats: &stats,
        rules: scanner.rules(),
        scanner: &scanner,
        show_secrets: args.show_secrets,
        deliveries: deliveries.as_ref(),
    };
    for (format, path) in &outputs {
        write_report(*format, &report, color, path.as_deref())?;
    }
    // In GitHub Actions, the github format also writes the job summary.
    if outputs.iter().any(|(f, _)| *f == Format::Github) {
        if let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|s| !s.is_empty()) {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&summary)
                .with_context(|| format!("{}: cannot write the job summary", Path::new(&summary).display()))?;
            let mut w = std::io::BufWriter::new(file);
            report::github::write_summary(&report, &stats.scope, &mut w).and_then(|_| w.flush())?;
        }
    }
    if deliveries.iter().flat_map(|d| d.values().flatten()).any(|d| d.is_failure()) {
        return Ok(Outcome::DeliveryFailed);
    }
    if args.write_baseline.is_some() {
        // Writing a baseline accepts what it holds.
        return Ok(if stats.skipped.iter().any(|s| s.reason.is_failure()) {
            Outcome::Incomplete
        } else {
            Outcome::Clean
        });
    }
    Ok(outcome(&findings, &stats, &args))
}

/// What the scan covered, in words, for summaries.
fn scope_of(args: &ScanArgs) -> String {
    let paths = args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
    if let Some(r) = &args.range {
        format!("commits {r}")
    } else if let Some(s) = &args.since_commit {
        format!("commits since {s}")
    } else if args.staged {
        "the staged changes".into()
    } else if args.no_git || args.no_history {
        format!("the files in {paths}")
    } else if paths == "." {
        "the work tree and its whole git history".into()
    } else {
        format!("{paths} and its whole git history")
    }
}

/// The repository scanned (the first path, when it is one), for SARIF's versionControlProvenance.
fn repository_of(args: &ScanArgs) -> Option<leakhound::report::Repository> {
    if args.no_git || args.paths.first().is_some_and(|p| p == Path::new("-")) {
        return None;
    }
    let repo = git2::Repository::discover(args.paths.first()?).ok()?;
    leakhound::source::git::describe(repo.path())
}

/// Drops findings accepted by `.leakhoundignore` at the scan root (unless `--no-repo-config`) or by
/// `--baseline`, counting what each suppressed. Returns the findings to report and those a refreshed
/// baseline holds: everything but what the ignore file accepts (baselined findings that still exist
/// stay in it, those gone leave it).
fn drop_accepted(
    mut findings: Vec<Finding>,
    args: &ScanArgs,
    root: &Path,
    scanner: &Scanner,
    stats: &mut ScanStats,
    warnings: &mut Vec<String>,
) -> Result<(Vec<Finding>, Vec<Finding>)> {
    use leakhound::baseline::Accepted;
    let key = scanner.fingerprint_key();
    let mut sources: Vec<(Accepted, &'static str, &'static str)> = Vec::new();
    let ignore = config_dir(root, args).join(".leakhoundignore");
    if !args.no_repo_config && !args.paths.iter().any(|p| p == Path::new("-")) && ignore.is_file() {
        sources.push((Accepted::from_ignore_file(&ignore)?, "ignore-file", "repository"));
    }
    if let Some(b) = &args.baseline {
        sources.push((Accepted::from_baseline(b, key)?, "baseline", "user"));
    }
    let mut for_baseline = None;
    for (accepted, kind, trust) in &sources {
        if *kind == "baseline" {
            for_baseline = Some(findings.clone());
        }
        let before = findings.len();
        findings.retain(|f| !accepted.accepts(f));
        let n = (before - findings.len()) as u64;
        if let Some(w) = accepted.legacy_warning() {
            warnings.push(w);
        }
        stats.suppressed.push(Suppression {
            source: accepted.source().to_string(),
            kind,
            trust,
            files: 0,
            findings: n,
        });
    }
    let for_baseline = for_baseline.unwrap_or_else(|| findings.clone());
    Ok((findings, for_baseline))
}

/// The revoke webhooks, when configured: send (or, with --revoke-dry-run, show) one notice per leaked
/// revocable key. This runs before the report is written so that the report carries each outcome;
/// timeouts, a bounded number of attempts and an overall deadline keep it to seconds, and whatever is
/// not delivered waits in the outbox for `leakhound notify`.
fn notify_webhooks(
    args: &ScanArgs,
    hooks: &[leakhound::notify::WebhookConfig],
    findings: &[Finding],
    scanner: &Scanner,
) -> Result<Option<leakhound::notify::Deliveries>> {
    use leakhound::notify;
    if hooks.is_empty() {
        return Ok(None);
    }
    let redact = |t: &str| scanner.redact_text(t);
    let notices = notify::plan(findings, scanner.rules(), hooks, &redact);
    let log = |line: String| eprintln!("leakhound: {}", leakhound::text::escape_control(&line));
    if args.revoke_dry_run {
        return Ok(Some(notify::dry_run(&notices, hooks, &log)));
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(args.revoke_deadline);
    Ok(Some(notify::deliver(notices, hooks, deadline, &log)?))
}

/// The configured webhooks, from the user's own configuration and flags only (never from a config in
/// the scanned tree), checked before scanning so that a bad setting fails fast.
fn webhooks(args: &ScanArgs, configs: &[ConfigFile]) -> Result<Vec<leakhound::notify::WebhookConfig>> {
    use leakhound::notify::WebhookConfig;
    let mut hooks: Vec<WebhookConfig> =
        configs.iter().filter(|c| c.trust == Trust::User).flat_map(|c| c.config.webhooks.iter().cloned()).collect();
    hooks.extend(args.revoke_webhook.iter().map(|u| WebhookConfig::from_url(u)));
    for h in &hooks {
        h.validate()?;
        if !args.revoke_dry_run && std::env::var_os(&h.secret_env).is_none_or(|v| v.is_empty()) {
            bail!("webhook {}: the signing key variable {} is not set", h.url, h.secret_env);
        }
    }
    Ok(hooks)
}

/// What to read: stdin, a commit range, the index, or each path as a directory — and, for a git
/// repository, its changed work-tree files plus its whole history.
fn build_source(args: &ScanArgs, threads: usize) -> Result<Box<dyn Source>> {
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

fn history(
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

/// A spinner with blob and byte counts on stderr, only when stderr is a terminal.
fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(indicatif::ProgressStyle::with_template("{spinner} scanning: {msg} ({elapsed})").ok()?);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

/// The exit status: findings at or above `--fail-on` (all, by default) fail with `--exit-code` (1).
fn outcome(findings: &[Finding], stats: &ScanStats, args: &ScanArgs) -> Outcome {
    let failed_reads = stats.skipped.iter().any(|s| s.reason.is_failure());
    let threshold = args.fail_on.map_or(Severity::Low, |s| match s {
        SeverityArg::Low => Severity::Low,
        SeverityArg::Medium => Severity::Medium,
        SeverityArg::High => Severity::High,
        SeverityArg::Critical => Severity::Critical,
    });
    if findings.iter().any(|f| f.severity >= threshold) {
        Outcome::Findings(args.exit_code.unwrap_or(1))
    } else if failed_reads {
        Outcome::Incomplete
    } else {
        Outcome::Clean
    }
}

/// Where the scanned tree keeps its `.leakhound.toml` and `.leakhoundignore`: the scan root, or the
/// repository's top level when the root is a directory inside a repository; `.` for a file.
fn config_dir(root: &Path, args: &ScanArgs) -> PathBuf {
    if !root.is_dir() {
        return PathBuf::from(".");
    }
    let inside = if args.no_git { None } else { leakhound::source::git::enclosing(root) };
    inside.map_or_else(|| root.to_path_buf(), |(_, top, _)| top)
}

/// The configuration files in force, in order: the user config file, then `--config FILE` or else
/// `.leakhound.toml` at the scan root (repository trust: allowlists and rules only; skipped with
/// `--no-repo-config`).
fn load_configs(args: &ScanArgs, root: &Path, warnings: &mut Vec<String>) -> Result<Vec<ConfigFile>> {
    let mut out = Vec::new();
    if let Some(user) = leakhound::config::user_config_path().filter(|p| p.is_file()) {
        out.push(ConfigFile::load(&user, Trust::User, warnings)?);
    }
    if let Some(p) = &args.config {
        out.push(ConfigFile::load(p, Trust::User, warnings)?);
        return Ok(out);
    }
    if args.no_repo_config || root == Path::new("-") {
        return Ok(out);
    }
    let in_tree = config_dir(root, args).join(".leakhound.toml");
    if in_tree.is_file() {
        out.push(ConfigFile::load(&in_tree, Trust::Repository, warnings)?);
    }
    Ok(out)
}

/// `--enable-rule`/`--disable-rule` and each config's `enable_rules`/`disable_rules`. A repository
/// config that turns rules off gets a warning and its entry in the report.
fn select_rules(
    rules: &mut RuleSet,
    args: &ScanArgs,
    configs: &[ConfigFile],
    applied: &mut [AppliedConfig],
    warnings: &mut Vec<String>,
) -> Result<()> {
    let mut enable: Vec<&String> = args.enable_rule.iter().collect();
    let mut disable: Vec<&String> = args.disable_rule.iter().collect();
    for (c, a) in configs.iter().zip(applied.iter_mut()) {
        enable.extend(&c.config.enable_rules);
        disable.extend(&c.config.disable_rules);
        if c.trust == Trust::Repository && (!c.config.enable_rules.is_empty() || !c.config.disable_rules.is_empty()) {
            let off: Vec<String> = rules
                .rules
                .iter()
                .map(|r| r.spec.id.clone())
                .filter(|id| {
                    c.config.disable_rules.contains(id)
                        || (!c.config.enable_rules.is_empty() && !c.config.enable_rules.contains(id))
                })
                .collect();
            warnings.push(format!(
                "{} in the scanned tree turns off {} rule(s); scan with --no-repo-config to run them",
                c.path.display(),
                off.len()
            ));
            a.disabled_rules = off;
        }
    }
    for id in enable.iter().chain(&disable) {
        if rules.get(id).is_none() {
            bail!("unknown rule id {id:?} (see `leakhound rules list`)");
        }
    }
    rules.rules.retain(|r| (enable.is_empty() || enable.contains(&&r.spec.id)) && !disable.contains(&&r.spec.id));
    Ok(())
}

/// Built-in rules, `--rules`, then each config's rules; says which built-in rules a config replaced (a
/// repository config that does so gets a warning: it could turn a rule off).
fn load_rules(
    extra: &[PathBuf],
    configs: &[ConfigFile],
    warnings: &mut Vec<String>,
) -> Result<(RuleSet, Vec<AppliedConfig>)> {
    let mut set = RuleSet::builtin()?;
    let builtin: std::collections::HashSet<String> = set.rules.iter().map(|r| r.spec.id.clone()).collect();
    for p in extra {
        set.add_path(p)?;
    }
    let mut applied = Vec::new();
    for c in configs {
        let shown = c.path.display().to_string();
        let replaced: Vec<String> =
            c.config.rules.iter().filter(|r| builtin.contains(&r.id)).map(|r| r.id.clone()).collect();
        if c.trust == Trust::Repository && !replaced.is_empty() {
            warnings.push(format!(
                "{shown} in the scanned tree replaces built-in rule(s) {}; scan with --no-repo-config to use the built-in ones",
                replaced.join(", ")
            ));
        }
        if !c.config.rules.is_empty() {
            set.add_specs(&shown, c.config.rules.clone(), "custom", true)?;
        }
        applied.push(AppliedConfig {
            path: shown,
            trust: c.trust.as_str(),
            replaced_rules: replaced,
            disabled_rules: Vec::new(),
        });
    }
    Ok((set, applied))
}

/// `-o sarif:results` names its format; a path whose text before the first `:` is not a format name is
/// a plain path.
fn format_prefix(p: &Path) -> (Option<Format>, PathBuf) {
    let text = p.to_string_lossy();
    if let Some((name, rest)) = text.split_once(':') {
        let f = match name {
            "human" => Some(Format::Human),
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::Jsonl),
            "sarif" => Some(Format::Sarif),
            "github" => Some(Format::Github),
            _ => None,
        };
        if f.is_some() && !rest.is_empty() {
            return (f, PathBuf::from(rest));
        }
    }
    (None, p.to_path_buf())
}

fn output_format(explicit: Option<FormatArg>, output: Option<&Path>, several: bool) -> Format {
    let by_extension = match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("json") => Some(Format::Json),
        Some("jsonl") | Some("ndjson") => Some(Format::Jsonl),
        Some("sarif") => Some(Format::Sarif),
        _ => None,
    };
    let explicit = explicit.map(|f| match f {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    });
    match (explicit, by_extension) {
        (Some(f), _) if !several => f,
        (_, Some(f)) => f,
        (Some(f), None) => f,
        (None, None) => Format::Human,
    }
}

fn write_report(format: Format, report: &Report<'_>, color: bool, output: Option<&Path>) -> Result<()> {
    match output {
        Some(path) => {
            let file =
                std::fs::File::create(path).with_context(|| format!("{}: cannot write report", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            report::write(format, report, color, &mut w)
                .and_then(|_| w.flush())
                .with_context(|| format!("{}: cannot write report", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            if let Err(e) = report::write(format, report, color, &mut w).and_then(|_| w.flush()) {
                // A closed pipe (`| head`) is not an error worth a message.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("cannot write report to standard output");
                }
            }
        }
    }
    Ok(())
}

/// Warnings about the configuration, then one line per skipped file on stderr (bounded), then notes.
/// Paths and notes come from the tree: redacted and escaped like every other output.
fn warn_all(warnings: &[String], stats: &ScanStats, scanner: &Scanner) {
    const MAX_LINES: usize = 50;
    let shown = |t: &str| escape_control(&scanner.redact_text(t)).into_owned();
    let mut err = std::io::stderr().lock();
    for w in warnings {
        let _ = writeln!(err, "leakhound: warning: {}", shown(w));
    }
    for s in stats.skipped.iter().take(MAX_LINES) {
        let _ = writeln!(err, "leakhound: warning: {}: skipped: {}", shown(&s.path), shown(&s.reason.to_string()));
    }
    if stats.skipped.len() > MAX_LINES {
        let _ = writeln!(
            err,
            "leakhound: warning: … and {} more skipped (see the JSON report)",
            stats.skipped.len() - MAX_LINES
        );
    }
    for n in &stats.notes {
        let _ = writeln!(err, "leakhound: note: {}", shown(n));
    }
}

fn import_gitleaks(file: &Path, output: &Path, force: bool) -> Result<Outcome> {
    let text = std::fs::read_to_string(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let imported = leakhound::gitleaks_import::convert(&file.display().to_string(), &text)?;
    for n in &imported.notes {
        eprintln!("leakhound: note: {n}");
    }
    if output == Path::new("-") {
        print!("{}", imported.toml);
    } else {
        if output.exists() && !force {
            bail!("{}: already exists (pass --force to overwrite, or -o - to print)", output.display());
        }
        std::fs::write(output, &imported.toml).with_context(|| format!("{}: cannot write", output.display()))?;
        eprintln!("leakhound: wrote {} rule(s) to {}", imported.rules, output.display());
    }
    Ok(Outcome::Clean)
}

/// The hook script; `@LEAKHOUND_EXE@` becomes the installing binary, used when none is on PATH.
const HOOK_SCRIPT: &str = include_str!("../scripts/pre-commit-hook.sh");
/// The line that marks a hook as ours.
const HOOK_MARK: &str = "# Installed by `leakhound install-hook`";
/// Where a hook that was there before is kept, and run after the scan.
const CHAINED_HOOK: &str = "pre-commit.leakhound-chained";

/// A plain pre-commit hook for teams without the pre-commit framework, where git will run it: git's
/// own resolution of the hooks directory (`core.hooksPath`, linked worktrees). Our own hook is
/// updated; another one is kept and run after the scan (chained), or replaced with `--force`.
fn install_hook(repo: &Path, force: bool) -> Result<Outcome> {
    let hooks = hooks_dir(repo)?;
    std::fs::create_dir_all(&hooks).with_context(|| format!("{}: cannot create", hooks.display()))?;
    let hook = hooks.join("pre-commit");
    let chained = hooks.join(CHAINED_HOOK);
    let existing = std::fs::read(&hook).ok();
    let ours = existing.as_ref().is_some_and(|b| String::from_utf8_lossy(b).contains(HOOK_MARK));
    let mut note = String::new();
    if existing.is_some() && !ours && !force {
        if chained.exists() {
            bail!(
                "{}: a pre-commit hook exists and {} too; pass --force to replace the hook",
                hook.display(),
                chained.display()
            );
        }
        std::fs::rename(&hook, &chained).with_context(|| format!("{}: cannot move", hook.display()))?;
        note = format!(" (your existing hook now runs after it, from {})", chained.display());
    }
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "leakhound".into());
    let script = HOOK_SCRIPT.replace("@LEAKHOUND_EXE@", &exe.replace('\'', "'\\''"));
    std::fs::write(&hook, script).with_context(|| format!("{}: cannot write", hook.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))?;
    }
    eprintln!("leakhound: installed {}{note}", hook.display());
    Ok(Outcome::Clean)
}

/// The directory git runs hooks from: `git rev-parse --git-path hooks` (which honours `core.hooksPath`
/// and linked worktrees); without git on PATH, the same from the repository's config.
fn hooks_dir(repo: &Path) -> Result<PathBuf> {
    let r = git2::Repository::discover(repo)
        .map_err(|e| anyhow::anyhow!("{}: not a git repository: {}", repo.display(), e.message()))?;
    let from_git = std::process::Command::new("git")
        .current_dir(r.workdir().unwrap_or(r.path()))
        .args(["rev-parse", "--path-format=absolute", "--git-path", "hooks"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| PathBuf::from(s.trim_end_matches(['\n', '\r'])));
    if let Some(dir) = from_git.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    let configured = r.config().ok().and_then(|c| c.get_path("core.hooksPath").ok());
    Ok(match configured {
        Some(p) if p.is_absolute() => p,
        Some(p) => r.workdir().unwrap_or(r.path()).join(p),
        None => r.commondir().join("hooks"),
    })
}

fn notify(outbox: Option<PathBuf>) -> Result<Outcome> {
    use leakhound::notify::{self, outbox::default_path};
    let log = |line: String| eprintln!("leakhound: {}", escape_control(&line));
    let mut path = outbox.unwrap_or_else(default_path);
    // A leakhound 0.1 outbox is JSON lines: its notices move into the database outbox first.
    let legacy = std::fs::read(&path).ok().is_some_and(|b| b.trim_ascii_start().first() == Some(&b'{'));
    if legacy {
        let into = default_path();
        let n = notify::import_legacy(&path, &into)?;
        eprintln!("leakhound: moved {n} notice(s) from {} into {}", path.display(), into.display());
        path = into;
    }
    let deadline = std::time::Instant::now() + notify::DELIVERY_DEADLINE;
    let (delivered, waiting) = notify::flush(&path, deadline, &log)?;
    eprintln!("leakhound: {delivered} delivered, {waiting} still waiting in {}", path.display());
    Ok(if waiting > 0 { Outcome::DeliveryFailed } else { Outcome::Clean })
}

fn list_rules(format: ListFormat, extra: &[PathBuf]) -> Result<Outcome> {
    let (set, _) = load_rules(extra, &[], &mut Vec::new())?;
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Json => {
            let specs: Vec<_> = set.rules.iter().map(|r| &r.spec).collect();
            serde_json::to_writer_pretty(&mut out, &specs)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            for r in &set.rules {
                writeln!(
                    out,
                    "{:<44} {:<9} {:<14} {}",
                    r.spec.id,
                    r.spec.severity.as_str(),
                    r.provider(),
                    r.spec.name
                )?;
            }
        }
    }
    Ok(Outcome::Clean)
}

fn check_rules(path: Option<&Path>) -> Result<Outcome> {
    let set = match path {
        Some(p) => {
            let mut s = RuleSet::default();
            s.add_path(p)?;
            s
        }
        None => RuleSet::builtin()?,
    };
    let (set, failures) = leakhound::scan::check_rules(set)?;
    for f in &failures {
        eprintln!("leakhound: rule check failed: {f}");
    }
    if failures.is_empty() {
        let examples: usize = set.rules.iter().map(|r| r.spec.examples.len() + r.spec.non_examples.len()).sum();
        println!("{} rules ok, {examples} examples checked", set.len());
        Ok(Outcome::Clean)
    } else {
        bail!("{} rule example(s) failed", failures.len())
    }
}
