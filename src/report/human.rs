//! The terminal view: one block per leaked secret, worst first, redacted, coloured only on a terminal.

use std::io::{self, Write};

use super::{json, shown_secret, shown_snippet, Report, SecretGroup};
use crate::finding::{Confidence, Finding, Severity};
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
    // One block per secret, worst first (what to rotate today leads): its rule, where the current tree
    // holds it or that it is in history only, when it came in and how far it spread, and a line to
    // accept it. Everything that came from the tree is redacted, then escaped: a file name or commit
    // author cannot carry terminal control sequences.
    for (n, g) in report.secrets.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        secret_block(report, &p, g, out)?;
    }
    if !report.findings.is_empty() {
        writeln!(out)?;
    }
    let s = report.stats;
    let n = report.findings.len();
    let k = report.secrets.len();
    let summary = format!(
        "{k} secret{} ({n} finding{}) in {} blob{} ({:.1} MB) in {:.2}s; {} binary skipped, {} other skipped",
        if k == 1 { "" } else { "s" },
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

fn secret_block(report: &Report<'_>, p: &Paint, g: &SecretGroup, out: &mut dyn Write) -> io::Result<()> {
    let f = &report.findings[g.representative()];
    let sev = match g.severity {
        Severity::Critical => p.wrap("1;31", "critical"),
        Severity::High => p.wrap("31", "high"),
        Severity::Medium => p.wrap("33", "medium"),
        Severity::Low => p.wrap("36", "low"),
    };
    // Where it is now: what a history scan adds; a secret in a file on disk is plainly there.
    let state = match g.in_head.first().map(|&i| &report.findings[i].origin) {
        Some(o) if o.commit().is_some() => format!("  {}", p.wrap("1;31", "in HEAD")),
        Some(_) => String::new(),
        None => format!("  {}", p.wrap("2", "history only")),
    };
    let triage = match report.triage_of(&g.fingerprint) {
        Some(t) => format!("  [{}]", t.status.as_str()),
        None => String::new(),
    };
    // Rule ids and names may come from a config in the scanned tree: escaped like the rest of it.
    writeln!(
        out,
        "{sev}  {}  {}{state}{}",
        p.wrap("1", &escape_control(&g.rule_id)),
        escape_control(&f.rule_name),
        p.wrap("33", &triage)
    )?;
    let why: Vec<&str> = f.reasons.iter().map(|r| r.as_str()).collect();
    let mut note = format!("  {} confidence", g.confidence.as_str());
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
    let note = match g.confidence {
        Confidence::High => p.wrap("1", &note),
        _ => p.wrap("2", &note),
    };
    let label = |l: &str| p.wrap("2", &format!("  {l:<12}"));
    if let Some(r) = report.repository_of(f) {
        writeln!(out, "{}{}", label("repository"), escape_control(&r))?;
    }
    writeln!(out, "{}{}{note}", label("secret"), escape_control(&shown_secret(f, report.show_secrets)))?;
    writeln!(out, "{}{}", label("at"), escape_control(&place(report, f)))?;
    writeln!(out, "{}{}", label(""), p.wrap("2", &escape_control(shown_snippet(f, report.show_secrets))))?;
    let more = g.in_head.len().saturating_sub(1);
    if more > 0 {
        writeln!(out, "{}and {more} more place(s) in the current tree", label(""))?;
    }
    let first = &report.findings[g.first];
    if first.origin.commit().is_some() {
        writeln!(out, "{}{}", label("introduced"), escape_control(&seen(report, first)))?;
        if g.last != g.first && report.findings[g.last].origin.commit().is_some() {
            writeln!(out, "{}{}", label("last seen"), escape_control(&seen(report, &report.findings[g.last])))?;
        }
    }
    if g.occurrences.len() > 1 {
        writeln!(
            out,
            "{}{} occurrences: {} commit(s), {} path(s), {} blob(s)",
            label("spread"),
            g.occurrences.len(),
            g.commits,
            g.paths,
            g.blobs
        )?;
    }
    if let Some(t) = report.triage_of(&g.fingerprint) {
        let note = t.note.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
        writeln!(out, "{}{} on {}{}", label("triage"), t.status.as_str(), t.at, escape_control(&note))?;
    }
    writeln!(out, "{}{}", label("ignore"), p.wrap("2", &json::ignore_line(g)))
}

/// `path:line:column`, marked when no ref reaches it, with the commit that brought it in.
fn place(report: &Report<'_>, f: &Finding) -> String {
    let mut s = format!("{}:{}:{}", report.path_of(f), f.line, f.column);
    if f.origin.kind() == "unreachable" {
        // Dropped from every ref: only a clone that still holds the object has it.
        s.push_str(" (unreachable)");
    }
    if let Some(c) = f.origin.commit() {
        s.push_str(&format!(" @ {}", &c.sha[..c.sha.len().min(12)]));
    }
    s
}

/// A history occurrence: date, commit, author and path.
fn seen(report: &Report<'_>, f: &Finding) -> String {
    match report.commit_of(f) {
        Some(c) => format!(
            "{} {} {} <{}> in {}:{}",
            c.date.get(..10).unwrap_or(&c.date),
            &c.sha[..c.sha.len().min(12)],
            c.author_name,
            c.author_email,
            report.path_of(f),
            f.line
        ),
        None => format!("{}:{}", report.path_of(f), f.line),
    }
}
