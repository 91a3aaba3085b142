//! `leakhound scan`: run the sources through the scanner, apply what is accepted, write the reports, send the notices, decide the exit status.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};

use leakhound::finding::Finding;
use leakhound::report::{self, Format, Report, ScanStats, Suppression};
use leakhound::scan::Scanner;
use leakhound::text::escape_control;

use crate::cli::ScanArgs;
use leakhound::finding::Severity;

use super::*;

pub(super) fn scan(args: ScanArgs) -> Result<Outcome> {
    if let Some(target) = &args.explain {
        return super::explain::explain(&args, target);
    }
    let ScanPlan { config_dir, scanner, configs, applied, hooks, threads, outputs, color, scope, mut warnings, .. } =
        ScanPlan::resolve(&args)?;
    let mut incremental = super::incremental::Incremental::open(&args, &scanner, &configs, &mut warnings)?;
    let triage = triage_decisions(&args, incremental.as_ref())?;
    let (findings, mut stats) = match super::audit::targets(&args, &mut warnings)? {
        Some(targets) => super::audit::scan_repositories(targets, &args, &scanner, incremental.as_mut(), threads)?,
        None => {
            let (source, tracked) = build_source(&args, threads, incremental.as_ref())?;
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
            if let (Some(inc), Some(t)) = (incremental.as_mut(), tracked) {
                inc.finish(t, &stats)?;
            }
            if let Some(b) = &bar {
                b.finish_and_clear();
            }
            stats.repository = repository_of(&args);
            (findings, stats)
        }
    };
    stats.config_files = applied;
    stats.fingerprint_key_id = scanner.fingerprint_key().id();
    stats.scope = scope;

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
    let (mut findings, for_baseline) =
        drop_accepted(findings, &args, &config_dir, &scanner, &mut stats, &mut warnings)?;
    if let Some(min) = args.min_confidence.map(leakhound::finding::Confidence::from) {
        let before = findings.len();
        findings.retain(|f| f.confidence >= min);
        stats.suppressed.push(Suppression {
            source: format!("--min-confidence {}", min.as_str()),
            kind: "confidence",
            trust: "user",
            files: 0,
            findings: (before - findings.len()) as u64,
        });
    }
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
    if let Some(path) = &args.write_baseline {
        let secrets = leakhound::group::group(&for_baseline);
        let baseline = Report {
            findings: &for_baseline,
            stats: &stats,
            rules: scanner.rules(),
            scanner: &scanner,
            show_secrets: false,
            deliveries: None,
            secrets: &secrets,
            triage: Some(&triage),
        };
        write_report(Format::Json, &baseline, false, Some(path))?;
    }
    let deliveries = notify_webhooks(&args, &hooks, &findings, &scanner)?;
    let secrets = leakhound::group::group(&findings);
    let report = Report {
        findings: &findings,
        stats: &stats,
        rules: scanner.rules(),
        scanner: &scanner,
        show_secrets: args.show_secrets,
        deliveries: deliveries.as_ref(),
        secrets: &secrets,
        triage: Some(&triage),
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
    Ok(outcome(&findings, &stats, &args, &triage))
}

/// The triage decisions reports show: from the scan's store, or with `--no-store` from `--store` or the
/// default store when it exists (never created just to read it).
pub(super) fn triage_decisions(
    args: &ScanArgs,
    incremental: Option<&super::incremental::Incremental>,
) -> Result<HashMap<String, leakhound::finding::Triage>> {
    if let Some(inc) = incremental {
        return Ok(inc.store.triage()?);
    }
    match super::incremental::store_path(args.store.as_deref()).filter(|p| p.is_file()) {
        Some(p) => match leakhound::store::Store::open(&p).and_then(|s| s.triage()) {
            Ok(t) => Ok(t),
            Err(e) if args.store.is_none() => {
                eprintln!("leakhound: warning: {e}; triage decisions not shown");
                Ok(HashMap::new())
            }
            Err(e) => Err(e.into()),
        },
        None => Ok(HashMap::new()),
    }
}

/// Drops findings accepted by `.leakhoundignore` at the scan root (unless `--no-repo-config`) or by
/// `--baseline`, counting what each suppressed. Returns the findings to report and those a refreshed
/// baseline holds: everything but what the ignore file accepts (baselined findings that still exist
/// stay in it, those gone leave it).
pub(super) fn drop_accepted(
    mut findings: Vec<Finding>,
    args: &ScanArgs,
    config_dir: &Path,
    scanner: &Scanner,
    stats: &mut ScanStats,
    warnings: &mut Vec<String>,
) -> Result<(Vec<Finding>, Vec<Finding>)> {
    use leakhound::baseline::Accepted;
    let key = scanner.fingerprint_key();
    let mut sources: Vec<(Accepted, &'static str, &'static str)> = Vec::new();
    let ignore = config_dir.join(".leakhoundignore");
    if !args.no_repo_config
        && args.repos_from.is_none()
        && !args.paths.iter().any(|p| p == Path::new("-"))
        && ignore.is_file()
    {
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
pub(super) fn notify_webhooks(
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

/// A spinner with blob and byte counts on stderr, only when stderr is a terminal.
pub(super) fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(indicatif::ProgressStyle::with_template("{spinner} scanning: {msg} ({elapsed})").ok()?);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

/// The exit status: findings at or above `--fail-on` (all, by default) fail with `--exit-code` (1).
/// Triaged secrets (revoked, false positives, accepted risks) are reported with their status but do not
/// fail the scan.
pub(super) fn outcome(
    findings: &[Finding],
    stats: &ScanStats,
    args: &ScanArgs,
    triage: &HashMap<String, leakhound::finding::Triage>,
) -> Outcome {
    let failed_reads = stats.skipped.iter().any(|s| s.reason.is_failure());
    let threshold = args.fail_on.map_or(Severity::Low, Severity::from);
    if findings.iter().any(|f| f.severity >= threshold && !triage.contains_key(&f.fingerprints.secret)) {
        Outcome::Findings(args.exit_code.unwrap_or(1))
    } else if failed_reads {
        Outcome::Incomplete
    } else {
        Outcome::Clean
    }
}

pub(super) fn write_report(format: Format, report: &Report<'_>, color: bool, output: Option<&Path>) -> Result<()> {
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
pub(super) fn warn_all(warnings: &[String], stats: &ScanStats, scanner: &Scanner) {
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
