//! `leakhound merge`: one report from the JSON reports of an audit's shards.

use anyhow::Result;

use leakhound::finding::Severity;
use leakhound::report::Report;

use super::scan::write_report;
use super::Outcome;
use crate::cli::MergeArgs;

pub(super) fn merge(args: MergeArgs) -> Result<Outcome> {
    let paths: Vec<&std::path::Path> = args.reports.iter().map(|p| p.as_path()).collect();
    // Reports written with --show-secrets are redacted as they are read, with every built-in rule.
    let reader = leakhound::scan::Scanner::new(leakhound::rules::RuleSet::builtin()?, Vec::new());
    let (findings, stats) = leakhound::merge::merge(&paths, &reader)?;
    let rules = leakhound::rules::RuleSet::builtin()?;
    // The reports' text from the tree was redacted when they were written; redacting it again would cut
    // what is left of it (`password r…` -> `password …`), so the merged report's scanner has no rules.
    let scanner = leakhound::scan::Scanner::new(leakhound::rules::RuleSet::default(), Vec::new());
    let triage = match super::incremental::store_path(args.store.as_deref()).filter(|p| p.is_file()) {
        Some(p) => leakhound::store::Store::open(&p)?.triage()?,
        None => Default::default(),
    };
    let secrets = leakhound::group::group(&findings);
    let report = Report {
        findings: &findings,
        stats: &stats,
        rules: &rules,
        scanner: &scanner,
        show_secrets: false,
        deliveries: None,
        secrets: &secrets,
        triage: Some(&triage),
    };
    let outputs = super::plan::outputs_of(args.format, &args.output);
    let color = super::plan::color_of(args.color, &outputs);
    for (format, path) in &outputs {
        write_report(*format, &report, color, path.as_deref())?;
    }
    let threshold = args.fail_on.map_or(Severity::Low, Severity::from);
    Ok(if findings.iter().any(|f| f.severity >= threshold && !triage.contains_key(&f.fingerprints.secret)) {
        Outcome::Findings(1)
    } else if stats.skipped.iter().any(|s| s.reason.is_failure()) {
        Outcome::Incomplete
    } else {
        Outcome::Clean
    })
}
