//! GitHub Actions: workflow-command annotations (`::error file=…,line=…::…`) for the log and the pull
//! request, and a job-summary table in Markdown. Redacted like every report; tree text is escaped for
//! the workflow-command syntax and for Markdown.

use std::io::{self, Write};

use super::{shown_secret, Report};
use crate::finding::Severity;

/// One annotation per finding: `error` for critical and high, `warning` for medium, `notice` for low.
pub fn write_annotations(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in report.findings {
        let level = match f.severity {
            Severity::Critical | Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low => "notice",
        };
        let commit =
            f.origin.commit().map(|c| format!(" in commit {}", &c.sha[..c.sha.len().min(12)])).unwrap_or_default();
        let message = format!(
            "{} ({}){commit}. Rotate it: a committed secret must be treated as leaked.",
            f.rule_name,
            shown_secret(f, report.show_secrets)
        );
        writeln!(
            out,
            "::{level} file={},line={},endLine={},col={},title={}::{}",
            property(&report.path_of(f)),
            f.line,
            f.end_line,
            f.column,
            property(&format!("leakhound {}", f.rule_id)),
            data(&message)
        )?;
    }
    Ok(())
}

/// The job summary: a heading that says what was scanned, then one table row per finding.
pub fn write_summary(report: &Report<'_>, scope: &str, out: &mut dyn Write) -> io::Result<()> {
    let n = report.findings.len();
    writeln!(out, "## leakhound: {n} secret{} found in {}\n", if n == 1 { "" } else { "s" }, cell(scope))?;
    if n == 0 {
        return writeln!(out, "No secrets found.");
    }
    writeln!(out, "| Severity | Rule | File | Line | Commit | Secret |\n|---|---|---|---|---|---|")?;
    for f in report.findings {
        let commit = f.origin.commit().map(|c| c.sha[..c.sha.len().min(12)].to_string()).unwrap_or_default();
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | `{}` |",
            f.severity.as_str(),
            cell(&f.rule_id),
            cell(&report.path_of(f)),
            f.line,
            commit,
            cell(&shown_secret(f, report.show_secrets)).replace('`', "'")
        )?;
    }
    writeln!(
        out,
        "\nRotate every secret listed: once pushed, a secret must be treated as leaked. Secrets are redacted."
    )
}

/// Workflow-command message data: `%`, CR and LF escaped (GitHub's own escaping).
fn data(s: &str) -> String {
    crate::text::escape_control(&s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")).into_owned()
}

/// Workflow-command property values: as `data`, plus `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A Markdown table cell: no pipes, no line breaks, no HTML.
fn cell(s: &str) -> String {
    crate::text::escape_control(&s.replace('|', "\\|").replace(['\n', '\r'], " ").replace('<', "&lt;")).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(super::property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
        assert_eq!(super::data("::x\r\n"), "::x%0D%0A");
        assert_eq!(super::cell("a|b<script>"), "a\\|b&lt;script>");
    }
}
