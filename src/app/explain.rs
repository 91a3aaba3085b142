//! `leakhound scan --explain PATH[:LINE[-LINE]]`: every candidate match on those lines of one file, and
//! the stage of the filter chain that reported or dropped it ("why was this not reported?").

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use leakhound::finding::Origin;
use leakhound::scan::content::{classify, Content};
use leakhound::text::escape_control;

use crate::cli::ScanArgs;

use super::*;

/// `PATH`, `PATH:LINE` or `PATH:FIRST-LAST`.
fn parse_target(target: &str) -> Result<(PathBuf, Option<(u32, u32)>)> {
    if let Some((path, lines)) = target.rsplit_once(':') {
        let range = match lines.split_once('-') {
            Some((a, b)) => a.parse::<u32>().ok().zip(b.parse::<u32>().ok()),
            None => lines.parse::<u32>().ok().map(|n| (n, n)),
        };
        if let Some((a, b)) = range {
            if a == 0 || b < a {
                bail!("--explain {target}: lines are 1-based, FIRST-LAST with FIRST <= LAST");
            }
            return Ok((PathBuf::from(path), Some((a, b))));
        }
    }
    Ok((PathBuf::from(target), None))
}

pub(super) fn explain(args: &ScanArgs, target: &str) -> Result<Outcome> {
    let (file, lines) = parse_target(target)?;
    let data = std::fs::read(&file).with_context(|| format!("{}: cannot read", file.display()))?;
    let root = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
    let mut warnings = Vec::new();
    let (scanner, _, _) = scanner_for(args, &root, &mut warnings)?;
    for w in &warnings {
        eprintln!("leakhound: warning: {}", escape_control(w));
    }
    let text = match classify(&data) {
        Content::Binary => bail!("{}: a binary file (a NUL byte in its first 8 KiB) is not scanned", file.display()),
        Content::Text(t) => t,
    };
    let shown = file.display().to_string();
    let origin = Origin::File { path: shown.trim_start_matches("./").to_string() };
    let found = scanner.explain(&text, &origin, lines);
    if found.is_empty() {
        println!("{}: no rule matched on {}", escape_control(&shown), what(lines));
    }
    for e in &found {
        let secret = if args.show_secrets { e.secret.expose().to_string() } else { e.secret.redacted() };
        println!(
            "{}:{}:{}  {}  {}  {}",
            escape_control(&shown),
            e.line,
            e.column,
            escape_control(&e.rule_id),
            escape_control(&secret),
            e.verdict
        );
    }
    Ok(Outcome::Clean)
}

fn what(lines: Option<(u32, u32)>) -> String {
    match lines {
        None => "any line".into(),
        Some((a, b)) if a == b => format!("line {a}"),
        Some((a, b)) => format!("lines {a}-{b}"),
    }
}
