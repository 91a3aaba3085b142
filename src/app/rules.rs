//! `leakhound rules list` and `leakhound rules check`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use leakhound::rules::RuleSet;

use crate::cli::ListFormat;

use super::*;

pub(super) fn list_rules(format: ListFormat, extra: &[PathBuf]) -> Result<Outcome> {
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

pub(super) fn check_rules(path: Option<&Path>) -> Result<Outcome> {
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
