//! The terminal view: findings grouped by file, redacted, coloured only on a terminal.

use std::io::{self, Write};

use super::{shown_secret, shown_snippet, Report};
use crate::finding::{Confidence, Severity};
use crate::text::escape_control;

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

pub(crate) fn write(report: &Report<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let p = Paint(color);
    let mut last_path: Option<(&str, Option<&str>)> = None;
    // Findings come worst first; the view groups them by file, a file where its worst finding is,
    // its findings in line order.
    let mut groups: Vec<Vec<&crate::finding::Finding>> = Vec::new();
    let mut group_of: std::collections::HashMap<(&str, Option<&str>), usize> = std::collections::HashMap::new();
    for f in report.findings {
        let key = (f.origin.path(), f.origin.commit().map(|c| c.sha.as_str()));
        let i = *group_of.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[i].push(f);
    }
    for g in &mut groups {
        g.sort_by_key(|f| (f.line, f.column));
    }
    // Everything that came from the tree is redacted, then escaped: a file name or commit author
    // cannot carry terminal control sequences.
    for f in groups.into_iter().flatten() {
        let key = (f.origin.path(), f.origin.commit().map(|c| c.sha.as_str()));
        if last_path != Some(key) {
            if last_path.is_some() {
                writeln!(out)?;
            }
            let mut path = report.path_of(f);
            if f.origin.kind() == "unreachable" {
                // Dropped from every ref: only a clone that still holds the object has it.
                path.push_str(" (unreachable)");
            }
            let path = escape_control(&path);
            match report.commit_of(f) {
                Some(c) => writeln!(
                    out,
                    "{} {}",
                    p.wrap("1", &path),
                    p.wrap(
                        "2",
                        &escape_control(&format!(
                            "@ {} ({} <{}>, {})",
                            &c.sha[..c.sha.len().min(12)],
                            c.author_name,
                            c.author_email,
                            c.date
                        ))
                    )
                )?,
                None => writeln!(out, "{}", p.wrap("1", &path))?,
            }
            last_path = Some(key);
        }
        let sev = match f.severity {
            Severity::Critical => p.wrap("1;31", "critical"),
            Severity::High => p.wrap("31", "high    "),
            Severity::Medium => p.wrap("33", "medium  "),
            Severity::Low => p.wrap("36", "low     "),
        };
        // Rule ids and names may come from a config in the scanned tree: escaped like the rest of it.
        writeln!(
            out,
            "  {:>5}:{:<4} {sev}  {}  {}",
            f.line,
            f.column,
            escape_control(&f.rule_id),
            p.wrap("2", &escape_control(&f.rule_name))
        )?;
        let why: Vec<&str> = f.reasons.iter().map(|r| r.as_str()).collect();
        let mut note = format!("  {} confidence", f.confidence.as_str());
        if !why.is_empty() {
            note.push_str(&format!(" ({})", why.join(", ")));
        }
        if let Some(a) = &f.attribution {
            note.push_str(&format!("; vendor: {} ({})", report.provider_of(f), report.tree_text(&a.evidence)));
        }
        if let Some(e) = f.decoded {
            note.push_str(&format!("; decoded: {}", e.as_str()));
        }
        if f.checksum_valid == Some(false) {
            note.push_str(": checksum fails, not an issued token, likely a sample");
        }
        // The vendor and its evidence come from the tree: escaped like every other text from it.
        let note = escape_control(&note);
        let note = match f.confidence {
            Confidence::High => p.wrap("1", &note),
            _ => p.wrap("2", &note),
        };
        writeln!(out, "             secret  {}{}", escape_control(&shown_secret(f, report.show_secrets)), note)?;
        writeln!(out, "             {}", p.wrap("2", &escape_control(shown_snippet(f, report.show_secrets))))?;
    }
    if !report.findings.is_empty() {
        writeln!(out)?;
    }
    let s = report.stats;
    let n = report.findings.len();
    let summary = format!(
        "{n} finding{} in {} blob{} ({:.1} MB) in {:.2}s; {} binary skipped, {} other skipped",
        if n == 1 { "" } else { "s" },
        s.blobs,
        if s.blobs == 1 { "" } else { "s" },
        s.bytes as f64 / 1e6,
        s.elapsed_ms as f64 / 1000.0,
        s.binary,
        s.skipped.len()
    );
    writeln!(out, "{}", if n > 0 { p.wrap("1;31", &summary) } else { p.wrap("32", &summary) })?;
    for c in &s.config_files {
        let replaced = if c.replaced_rules.is_empty() {
            String::new()
        } else {
            format!("; replaces built-in rule(s) {}", c.replaced_rules.join(", "))
        };
        writeln!(out, "{}", p.wrap("2", &escape_control(&format!("config: {} ({}){replaced}", c.path, c.trust))))?;
    }
    for x in s.suppressed.iter().filter(|x| x.files > 0 || x.findings > 0) {
        let line = format!(
            "suppressed by {} {} ({}): {} finding(s){}",
            x.kind,
            x.source,
            x.trust,
            x.findings,
            if x.files > 0 { format!(", {} file(s) not scanned", x.files) } else { String::new() }
        );
        writeln!(out, "{}", p.wrap("33", &escape_control(&line)))?;
    }
    if !report.show_secrets && n > 0 {
        writeln!(out, "{}", p.wrap("2", "secrets are redacted; pass --show-secrets to see them"))?;
    }
    Ok(())
}
