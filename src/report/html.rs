//! `--format html`: one self-contained page (inline CSS and script, a Content-Security-Policy that
//! allows no network) that a security team opens after an audit. The page is a template; the report's
//! data goes in as JSON, the same redacted document `--format json` writes, without the per-occurrence
//! findings the page does not show (they would double its size).

use std::io::{self, Write};

use super::Report;

const TEMPLATE: &str = include_str!("html_template.html");
const PLACEHOLDER: &str = "__LEAKHOUND_DATA__";

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut doc = super::json::document(report);
    doc.findings.clear();
    let mut value = serde_json::to_value(&doc)?;
    if let Some(o) = value.as_object_mut() {
        o.insert("generated_at".into(), serde_json::Value::String(crate::text::now_rfc3339()));
        if !report.stats.scope.is_empty() {
            o.insert("scope".into(), serde_json::Value::String(report.tree_text(&report.stats.scope)));
        }
    }
    out.write_all(page(&serde_json::to_string(&value)?).as_bytes())
}

/// The template with `json` in its data element. Every `<` is escaped (`\u003c`, still the same JSON
/// string) so that text from the tree cannot close the script element or open a comment.
fn page(json: &str) -> String {
    TEMPLATE.replacen(PLACEHOLDER, &json.replace('<', "\\u003c"), 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_template_has_one_data_slot_and_text_from_the_tree_cannot_close_it() {
        assert_eq!(super::TEMPLATE.matches(super::PLACEHOLDER).count(), 1);
        let page = super::page(r#"{"path":"</script><script>alert(1)</script><!--"}"#);
        let data = page.split("id=\"leakhound-data\"").nth(1).unwrap();
        let body = &data[..data.find("</script>").unwrap()];
        assert!(body.contains(r"\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!--"), "{body}");
    }
}
