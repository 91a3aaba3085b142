//! SARIF 2.1.0 for GitHub code scanning, built with serde-sarif. Never carries a raw secret, even with
//! `--show-secrets`: SARIF files are uploaded and kept.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde_json::json;
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult,
    ResultLevel, Run, Sarif, Tool, ToolComponent, VersionControlDetails, SCHEMA_URL,
};

use super::Report;
use crate::finding::{Finding, Severity};
use crate::rules::Rule;

const INFO_URI: &str = "https://github.com/leakhound/leakhound";

pub(crate) fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let sarif = build(report);
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

/// The SARIF log for a report.
pub fn build(report: &Report<'_>) -> Sarif {
    // Rules that fired, in a stable order; results point at them by index.
    let fired: BTreeSet<&str> = report.findings.iter().map(|f| f.rule_id.as_str()).collect();
    let rule_ids: Vec<&str> = fired.into_iter().collect();
    let descriptors: Vec<ReportingDescriptor> =
        rule_ids.iter().map(|id| descriptor(id, report.rules.get(id), report.findings)).collect();
    let (results, omitted) = results(report, &rule_ids);

    let driver = ToolComponent::builder()
        .name("leakhound")
        .full_name(format!("leakhound {}", env!("CARGO_PKG_VERSION")))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFO_URI)
        .rules(descriptors)
        .build();
    let mut notifications: Vec<Notification> = report
        .stats
        .skipped
        .iter()
        .map(|s| {
            let path = report.tree_path(&s.path);
            Notification::builder()
                .message(
                    Message::builder()
                        .text(format!("{path}: skipped: {}", report.tree_text(&s.reason.to_string())))
                        .build(),
                )
                .level(json!("warning"))
                .locations(vec![Location::builder()
                    .physical_location(PhysicalLocation::builder().artifact_location(artifact(&path)).build())
                    .build()])
                .build()
        })
        .collect();
    if omitted > 0 {
        notifications.push(
            Notification::builder()
                .message(
                    Message::builder()
                        .text(format!(
                            "{omitted} lower-ranked results were left out to stay within code scanning's limit of \
                             {MAX_RESULTS} results per run; the JSON report has every finding"
                        ))
                        .build(),
                )
                .level(json!("warning"))
                .build(),
        );
    }
    let mut inv_props = BTreeMap::new();
    inv_props.insert("fingerprintKeyId".to_string(), json!(report.stats.fingerprint_key_id));
    inv_props.insert("configFiles".to_string(), json!(report.stats.config_files));
    inv_props.insert("suppressed".to_string(), json!(report.stats.suppressed));
    let invocation = Invocation::builder()
        .execution_successful(true)
        .tool_execution_notifications(notifications)
        .properties(PropertyBag::builder().additional_properties(inv_props).build())
        .build();
    let mut base_ids = BTreeMap::new();
    base_ids.insert(
        "%SRCROOT%".to_string(),
        ArtifactLocation::builder()
            .description(Message::builder().text("The root of the scanned repository or directory.").build())
            .build(),
    );
    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![invocation])
        .column_kind(json!("unicodeCodePoints"))
        .original_uri_base_ids(base_ids)
        .build();
    if let Some(repo) = &report.stats.repository {
        let mut v = VersionControlDetails::builder()
            .repository_uri(repo.uri.clone())
            .mapped_to(ArtifactLocation::builder().uri_base_id("%SRCROOT%").build())
            .build();
        v.revision_id = repo.revision.clone();
        v.branch = repo.branch.clone();
        run.version_control_provenance = Some(vec![v]);
    }
    Sarif::builder().schema(SCHEMA_URL).version(json!("2.1.0")).runs(vec![run]).build()
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium => ResultLevel::Warning,
        Severity::Low => ResultLevel::Note,
    }
}

fn descriptor(id: &str, rule: Option<&Rule>, findings: &[Finding]) -> ReportingDescriptor {
    // A finding always comes from a loaded rule; fall back to what the finding knows if not.
    let f = findings.iter().find(|f| f.rule_id == id);
    let name = rule.map(|r| r.spec.name.clone()).or_else(|| f.map(|f| f.rule_name.clone())).unwrap_or_default();
    let severity = rule.map(|r| r.spec.severity).or_else(|| f.map(|f| f.severity)).unwrap_or(Severity::High);
    let provider = rule.map(|r| r.provider().to_string()).unwrap_or_else(|| "generic".into());
    let rotate = rule
        .and_then(|r| r.spec.rotate.clone())
        .unwrap_or_else(|| "Revoke the secret where it was issued and replace it.".into());
    let refs: Vec<String> = rule.map(|r| r.spec.references.clone()).unwrap_or_default();
    let about = rule
        .and_then(|r| r.spec.description.clone())
        .unwrap_or_else(|| format!("{} {name} was found in the repository. Anyone who can read the repository, or any of its history, can use it.", article(&name)));
    let mut text = format!("{about}\n\nHow to fix: {rotate} Removing it from the code is not enough: it stays in git history, so treat it as leaked.");
    let mut markdown = format!("{about}\n\n**How to fix:** {rotate}\n\nRemoving the secret from the code is not enough: it stays in git history, so treat it as leaked.");
    if !refs.is_empty() {
        text.push_str(&format!("\n\nReferences: {}", refs.join(", ")));
        markdown.push_str("\n\n**References:**\n");
        for r in &refs {
            markdown.push_str(&format!("- <{r}>\n"));
        }
    }
    let mut tags: Vec<String> = vec!["security".into(), "secret".into(), provider];
    if let Some(r) = rule {
        for t in &r.spec.tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
    }
    let mut props = BTreeMap::new();
    props.insert("security-severity".to_string(), json!(severity.security_severity()));
    props.insert("precision".to_string(), json!(if rule.is_some_and(|r| r.spec.generic) { "medium" } else { "high" }));
    props.insert(
        "problem.severity".to_string(),
        json!(if level(severity) == ResultLevel::Error { "error" } else { "warning" }),
    );
    let mut d = ReportingDescriptor::builder()
        .id(id)
        .name(rule_name(id, &name))
        .short_description(MultiformatMessageString::builder().text(name.clone()).build())
        .full_description(MultiformatMessageString::builder().text(about.clone()).build())
        .help(MultiformatMessageString::builder().text(text).markdown(markdown).build())
        .default_configuration(ReportingConfiguration::builder().level(json!(level_str(severity))).build())
        .properties(PropertyBag::builder().tags(tags).additional_properties(props).build())
        .build();
    d.help_uri = refs.first().cloned();
    d
}

fn level_str(s: Severity) -> &'static str {
    match level(s) {
        ResultLevel::Error => "error",
        ResultLevel::Warning => "warning",
        _ => "note",
    }
}

/// "An" before a vowel ("An AWS secret access key"), else "A".
fn article(name: &str) -> &'static str {
    if name.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
        "An"
    } else {
        "A"
    }
}

/// The SARIF name of a rule: its id in PascalCase, or its name's when that would only change the case
/// of the id (`jwt` -> `JsonWebToken`; a name equal to the id is a SARIF Multitool warning).
fn rule_name(id: &str, name: &str) -> String {
    let p = pascal(id);
    if p.eq_ignore_ascii_case(id) {
        pascal(&name.to_ascii_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
    } else {
        p
    }
}

/// `stripe-live-secret-key` -> `StripeLiveSecretKey` (SARIF rule names are identifiers).
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// GitHub code scanning keeps at most 25,000 results per run and 1,000 related locations per result
/// (showing 100): past those, results are cut (worst kept) and related locations capped, with a note.
const MAX_RESULTS: usize = 25_000;
const MAX_RELATED: usize = 100;

/// One result per secret and path: at the occurrence HEAD holds there (else the newest), the other
/// occurrences at that path (other commits, other lines) as related locations. Returns the results and
/// how many were left out.
fn results(report: &Report<'_>, rule_ids: &[&str]) -> (Vec<SarifResult>, usize) {
    let mut out = Vec::new();
    let mut omitted = 0;
    for g in report.secrets {
        let mut by_path: Vec<(&str, Vec<usize>)> = Vec::new();
        for &i in &g.occurrences {
            // Within one secret, the location fingerprint names the path.
            let path = report.findings[i].fingerprints.location.as_str();
            match by_path.iter_mut().find(|(p, _)| *p == path) {
                Some((_, v)) => v.push(i),
                None => by_path.push((path, vec![i])),
            }
        }
        let rule_index = rule_ids.iter().position(|id| *id == g.rule_id).unwrap_or(0);
        for (_, at) in by_path {
            if out.len() == MAX_RESULTS {
                omitted += 1;
                continue;
            }
            let primary = at.iter().copied().find(|&i| report.findings[i].in_head).unwrap_or(at[at.len() - 1]);
            let mut r = result(report, &report.findings[primary], rule_index);
            let related: Vec<Location> = at
                .iter()
                .filter(|&&i| i != primary)
                .take(MAX_RELATED)
                .enumerate()
                .map(|(n, &i)| related_location(report, &report.findings[i], n as i64 + 1))
                .collect();
            let props = &mut r.properties.get_or_insert_with(Default::default).additional_properties;
            props.insert("inHead".into(), json!(g.is_in_head()));
            props.insert("occurrences".into(), json!(g.occurrences.len()));
            props.insert("occurrencesAtPath".into(), json!(at.len()));
            props.insert("commits".into(), json!(g.commits));
            if at.len() - 1 > related.len() {
                props.insert("relatedLocationsOmitted".into(), json!(at.len() - 1 - related.len()));
            }
            if let Some(t) = report.triage_of(&g.fingerprint) {
                props.insert("triage".into(), json!(t.status.as_str()));
            }
            if !related.is_empty() {
                r.related_locations = Some(related);
            }
            out.push(r);
        }
    }
    (out, omitted)
}

fn related_location(report: &Report<'_>, f: &Finding, id: i64) -> Location {
    let region = Region::builder().start_line(f.line as i64).start_column(f.column as i64).build();
    let text = match f.origin.commit() {
        Some(c) => format!("Also in commit {} ({})", &c.sha[..c.sha.len().min(12)], c.date),
        None => "Also here".to_string(),
    };
    Location::builder()
        .id(id)
        .physical_location(
            PhysicalLocation::builder().artifact_location(artifact(&report.path_of(f))).region(region).build(),
        )
        .message(Message::builder().text(text).build())
        .build()
}

fn result(report: &Report<'_>, f: &Finding, rule_index: usize) -> SarifResult {
    let deliveries = report.deliveries_of(f);
    let region = Region::builder()
        .start_line(f.line as i64)
        .start_column(f.column as i64)
        .end_line(f.end_line as i64)
        .end_column(f.end_column.max(f.column + 1) as i64)
        .snippet(ArtifactContent::builder().text(f.snippet.clone()).build())
        .build();
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder().artifact_location(artifact(&report.path_of(f))).region(region).build(),
        )
        .build();
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert("leakhound/secret/v2".to_string(), f.fingerprints.secret.clone());
    fingerprints.insert("leakhound/location/v2".to_string(), f.fingerprints.location.clone());
    let mut props = BTreeMap::new();
    props.insert("severity".to_string(), json!(f.severity.as_str()));
    // Per result: a token whose checksum fails is `low`, whatever its rule's default.
    props.insert("security-severity".to_string(), json!(f.severity.security_severity()));
    props.insert("secret".to_string(), json!(f.secret.redacted()));
    props.insert("secretLength".to_string(), json!(f.secret.len()));
    props.insert("entropy".to_string(), json!(f.entropy));
    if let Some(valid) = f.checksum_valid {
        props.insert("checksumValid".to_string(), json!(valid));
    }
    props.insert("confidence".to_string(), json!(f.confidence.as_str()));
    if let Some(a) = &f.attribution {
        props.insert("provider".to_string(), json!(report.provider_of(f)));
        props.insert("providerEvidence".to_string(), json!(report.tree_text(&a.evidence)));
    }
    if !f.reasons.is_empty() {
        props.insert("confidenceReasons".to_string(), json!(f.reasons));
    }
    if let Some(e) = f.decoded {
        props.insert("decoded".to_string(), json!(e.as_str()));
    }
    props.insert("origin".to_string(), json!(f.origin.kind()));
    if let Some(r) = report.repository_of(f) {
        props.insert("repository".to_string(), json!(r));
    }
    if let Some(c) = report.commit_of(f) {
        props.insert(
            "commit".to_string(),
            json!({ "sha": c.sha, "authorName": c.author_name, "authorEmail": c.author_email, "date": c.date, "summary": c.summary }),
        );
    }
    if let Some(d) = deliveries {
        props.insert("delivery".to_string(), serde_json::to_value(d).unwrap_or_default());
    }
    let where_ = match f.origin.commit() {
        Some(c) => format!(" (commit {})", &c.sha[..c.sha.len().min(12)]),
        None => String::new(),
    };
    let decoded = f.decoded.map(|e| format!(" (decoded: {})", e.as_str())).unwrap_or_default();
    let message = format!(
        "{} found: {}{decoded}{where_}. Rotate it: a committed secret must be treated as leaked.",
        f.rule_name,
        f.secret.redacted()
    );
    SarifResult::builder()
        .rule_id(f.rule_id.clone())
        .rule_index(rule_index as i64)
        .level(level(f.severity))
        .message(Message::builder().text(message).build())
        .locations(vec![location])
        .partial_fingerprints(fingerprints)
        .properties(PropertyBag::builder().additional_properties(props).build())
        .build()
}

fn artifact(path: &str) -> ArtifactLocation {
    if path.starts_with('/') {
        // Outside any scan root (an absolute path given on the command line): an absolute file URI.
        return ArtifactLocation::builder().uri(format!("file://{}", uri_path(path))).build();
    }
    ArtifactLocation::builder().uri(uri_path(path)).uri_base_id("%SRCROOT%").build()
}

/// A repository-relative path as a URI reference: forward slashes, everything outside RFC 3986's
/// unreserved and sub-delimiter characters percent-encoded (UTF-8); `:` too, so that a first segment
/// such as `c:x` is never read as a scheme.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.trim_start_matches("./").bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_are_percent_encoded() {
        assert_eq!(uri_path("src/a b/ü.py"), "src/a%20b/%C3%BC.py");
        assert_eq!(uri_path("./x/y#z"), "x/y%23z");
        assert_eq!(uri_path("a:b"), "a%3Ab");
        assert_eq!(pascal("stripe-live-secret-key"), "StripeLiveSecretKey");
        assert_eq!(rule_name("jwt", "JSON Web Token"), "JsonWebToken");
        assert_eq!(article("AWS key"), "An");
    }
}
