//! `leakhound config import-gitleaks` / `import-betterleaks`: a gitleaks or Betterleaks configuration
//! turned into `.leakhound.toml`, with a list of everything that could not be carried over. Regexes that
//! Rust's regex crate cannot compile (look-around, backreferences) are refused with the rule named.
//!
//! Betterleaks 1.x is gitleaks 8's format plus expression fields; Betterleaks 2.0 (also read by
//! Kingfisher 2.x) drops `secretGroup`, `entropy` and allowlists for `valueGroup` and Expr-language
//! `filter`/`prefilter` expressions. One reader takes all three: the fields tell them apart.

use serde::{Deserialize, Serialize};

use crate::config::AllowlistConfig;
use crate::finding::Severity;
use crate::rules::RuleSpec;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct GlConfig {
    title: Option<String>,
    /// Betterleaks: an expression that skips whole files or commits.
    prefilter: Option<String>,
    /// Betterleaks: an expression that discards findings.
    filter: Option<String>,
    extend: Option<GlExtend>,
    rules: Vec<GlRule>,
    /// Before gitleaks 8.25: one global `[allowlist]`.
    allowlist: Option<GlAllowlist>,
    /// Since 8.25: `[[allowlists]]`.
    allowlists: Vec<GlAllowlist>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct GlExtend {
    use_default: bool,
    path: Option<String>,
    disabled_rules: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct GlRule {
    id: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    regex: Option<String>,
    #[serde(default)]
    secret_group: Option<usize>,
    /// Betterleaks 2.0's name for `secretGroup`.
    #[serde(default)]
    value_group: Option<usize>,
    /// Betterleaks: low | medium | high.
    #[serde(default)]
    confidence: Option<String>,
    #[serde(default)]
    specificity: Option<i64>,
    /// Betterleaks: an Expr-language expression; true discards the finding.
    #[serde(default)]
    filter: Option<String>,
    #[serde(default)]
    validate: Option<String>,
    #[serde(default)]
    analyze: Option<String>,
    #[serde(default)]
    revoke: Option<String>,
    /// Betterleaks: a helper rule, never reported itself.
    #[serde(default)]
    skip_report: bool,
    /// Betterleaks 2.0: other rules that must match near this one.
    #[serde(default)]
    components: Vec<toml::Value>,
    /// Betterleaks 1.x: the same, as `[[rules.required]]`.
    #[serde(default)]
    required: Vec<toml::Value>,
    /// Betterleaks 1.x: token-efficiency filtering.
    #[serde(default)]
    token_efficiency: Option<bool>,
    #[serde(default)]
    entropy: Option<f64>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    allowlist: Option<GlAllowlist>,
    #[serde(default)]
    allowlists: Vec<GlAllowlist>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct GlAllowlist {
    description: Option<String>,
    paths: Vec<String>,
    regexes: Vec<String>,
    stopwords: Vec<String>,
    commits: Vec<String>,
    regex_target: Option<String>,
    condition: Option<String>,
}

#[derive(Debug, Serialize)]
struct Out {
    allowlist: AllowlistConfig,
    rules: Vec<RuleSpec>,
}

/// Why a gitleaks configuration could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not a gitleaks configuration. The parser's message is kept as text, cut to its line number: the
    /// parser's own `Display` quotes the offending line, which may hold a secret.
    #[error("{file}: not a gitleaks or Betterleaks config: {message}")]
    Parse {
        /// The file, as given.
        file: String,
        /// What the TOML parser objected to, and on which line.
        message: String,
    },
    /// The converted rules could not be written as TOML.
    #[error("{file}: cannot write the converted config")]
    Write {
        /// The file, as given.
        file: String,
        /// What the TOML writer said.
        #[source]
        source: toml::ser::Error,
    },
    #[error("{file}: rule {id}: regex cannot be compiled by Rust's regex crate (no look-around or backreferences)")]
    /// A rule whose regex Rust's regex crate cannot compile.
    Regex {
        /// The file, as given.
        file: String,
        /// The rule's id.
        id: String,
        /// The regex compiler's error.
        #[source]
        source: regex::Error,
    },
}

/// The converted configuration (TOML text) and one line per thing not carried over.
pub struct Imported {
    /// The converted `.leakhound.toml` text.
    pub toml: String,
    /// One line per setting or rule not carried over, and why.
    pub notes: Vec<String>,
    /// How many rules were converted.
    pub rules: usize,
}

/// Converts the gitleaks (or Betterleaks) configuration `text`, read from `file`, to leakhound's format.
pub fn convert(file: &str, text: &str) -> Result<Imported, ImportError> {
    let gl: GlConfig = toml::from_str(text)
        .map_err(|e| ImportError::Parse { file: file.into(), message: crate::text::toml_error(text, &e) })?;
    let mut notes = Vec::new();
    if let Some(ext) = &gl.extend {
        if ext.use_default {
            notes.push(
                "[extend] useDefault: leakhound's built-in rules are always on (they replace gitleaks' defaults)"
                    .into(),
            );
        }
        if let Some(p) = &ext.path {
            notes.push(format!("[extend] path = {p:?}: import that file too and merge its rules"));
        }
        if !ext.disabled_rules.is_empty() {
            notes
                .push(format!("[extend] disabledRules {:?}: not carried over (gitleaks rule ids)", ext.disabled_rules));
        }
    }
    let _ = &gl.title;
    if let Some(p) = &gl.prefilter {
        notes.push(format!("prefilter = {p:?}: expressions are not carried over; use [allowlist] paths"));
    }
    if let Some(f) = &gl.filter {
        notes.push(format!("filter = {f:?}: expressions are not carried over; use [allowlist] regexes or stopwords"));
    }
    let mut allowlist = AllowlistConfig::default();
    for (i, a) in gl.allowlist.iter().chain(gl.allowlists.iter()).enumerate() {
        let _ = &a.description;
        let what = format!("global allowlist #{}", i + 1);
        allowlist.path_regexes.extend(a.paths.iter().cloned());
        allowlist.stopwords.extend(a.stopwords.iter().cloned());
        match a.regex_target.as_deref() {
            None | Some("secret") => allowlist.regexes.extend(a.regexes.iter().cloned()),
            Some(t) if !a.regexes.is_empty() => {
                notes.push(format!(
                    "{what}: regexTarget = {t:?} not carried over; its regexes now apply to the secret only"
                ));
                allowlist.regexes.extend(a.regexes.iter().cloned());
            }
            Some(_) => {}
        }
        if !a.commits.is_empty() {
            notes
                .push(format!("{what}: commits {:?} not carried over (use a baseline or .leakhoundignore)", a.commits));
        }
        if a.condition.as_deref().is_some_and(|c| c.eq_ignore_ascii_case("and")) {
            notes.push(format!("{what}: condition = \"AND\" not carried over; each criterion now allows on its own"));
        }
    }
    for r in allowlist.regexes.iter().chain(allowlist.path_regexes.iter()) {
        if let Err(e) = regex::Regex::new(r) {
            return Err(ImportError::Regex { file: file.into(), id: "[allowlist]".into(), source: e });
        }
    }
    let mut rules = Vec::new();
    for r in gl.rules {
        let id = kebab(&r.id);
        if r.skip_report {
            notes.push(format!(
                "rule {}: a helper rule (skipReport) is not imported; rules that need it match on their own",
                r.id
            ));
            continue;
        }
        // Betterleaks' `entropy(finding["secret"]) <= X` is the old `entropy = X`.
        let mut min_entropy = r.entropy;
        if let Some(f) = &r.filter {
            match entropy_filter(f) {
                Some(x) if min_entropy.is_none() => min_entropy = Some(x),
                _ => notes.push(format!("rule {}: filter = {f:?} not carried over (an expression)", r.id)),
            }
        }
        for (what, v) in [("validate", &r.validate), ("analyze", &r.analyze), ("revoke", &r.revoke)] {
            if v.is_some() {
                notes.push(format!(
                    "rule {}: {what} expression not carried over (leakhound does not call providers)",
                    r.id
                ));
            }
        }
        if !r.components.is_empty() || !r.required.is_empty() {
            notes.push(format!(
                "rule {}: required companion rules (components/required) not carried over; it now reports on its own",
                r.id
            ));
        }
        if r.specificity.is_some() || r.token_efficiency.is_some() {
            notes.push(format!("rule {}: specificity/tokenEfficiency not carried over", r.id));
        }
        let severity = match r.confidence.as_deref() {
            Some("low") => Severity::Medium,
            _ => Severity::High,
        };
        let Some(pattern) = r.regex.clone() else {
            notes.push(format!("rule {}: has no regex (path-only rules are not supported); skipped", r.id));
            continue;
        };
        crate::rules::compile(&pattern).map_err(|e| ImportError::Regex {
            file: file.into(),
            id: r.id.clone(),
            source: e,
        })?;
        // The prefilter needs keywords: a rule without them gets the literal text its regex requires.
        let keywords = if r.keywords.is_empty() {
            match crate::rules::required_literals(&pattern) {
                Some(k) => {
                    notes.push(format!("rule {}: no keywords; derived {k:?} from its regex", r.id));
                    k
                }
                None => {
                    notes.push(format!(
                        "rule {}: not imported: it has no keywords and its regex requires no literal text of 3+ \
                         characters for the prefilter (add keywords = [...] to it and import again)",
                        r.id
                    ));
                    continue;
                }
            }
        } else {
            r.keywords.clone()
        };
        if let Some(p) = &r.path {
            notes.push(format!("rule {}: path regex {p:?} not carried over (leakhound's rule paths are globs)", r.id));
        }
        let mut allow = Vec::new();
        for a in r.allowlist.iter().chain(r.allowlists.iter()) {
            // AND over several kinds of criteria (paths and regexes, …) has no equivalent here, where
            // each criterion allows on its own: importing it would hide more than it did.
            let kinds = [!a.paths.is_empty(), !a.regexes.is_empty(), !a.stopwords.is_empty(), !a.commits.is_empty()]
                .iter()
                .filter(|&&k| k)
                .count();
            if a.condition.as_deref().is_some_and(|c| c.eq_ignore_ascii_case("and")) && kinds > 1 {
                notes.push(format!(
                    "rule {}: an allowlist with condition = \"AND\" over several criteria was dropped (leakhound's \
                     allowlist criteria each allow on their own); review the findings it used to hide",
                    r.id
                ));
                continue;
            }
            match a.regex_target.as_deref() {
                None | Some("secret") => allow.extend(a.regexes.iter().cloned()),
                Some(t) => {
                    notes.push(format!(
                        "rule {}: allowlist regexTarget = {t:?} not carried over; regexes apply to the secret",
                        r.id
                    ));
                    allow.extend(a.regexes.iter().cloned());
                }
            }
            allow.extend(a.stopwords.iter().map(|w| format!("(?i){}", regex::escape(w))));
            if !a.paths.is_empty() {
                notes.push(format!("rule {}: allowlist paths not carried over per rule; add them to [allowlist] path_regexes if global is fine", r.id));
            }
            if !a.commits.is_empty() {
                notes.push(format!("rule {}: allowlist commits not carried over", r.id));
            }
        }
        if id != r.id {
            notes.push(format!("rule {}: id written as {id} (kebab-case)", r.id));
        }
        notes.push(format!("rule {id}: add examples and non_examples so that `leakhound rules check` can test it"));
        rules.push(RuleSpec {
            id,
            name: r.description.clone().unwrap_or_else(|| r.id.clone()),
            severity,
            keywords,
            pattern,
            min_entropy,
            checksum: None,
            provider: Some("custom".into()),
            description: r.description.clone(),
            tags: r.tags.clone(),
            references: Vec::new(),
            rotate: None,
            revocable: false,
            generic: false,
            vendor_from_context: false,
            secret_group: r.secret_group.or(r.value_group).filter(|&g| g != 0),
            allow,
            paths: Vec::new(),
            skip_paths: Vec::new(),
            value: Default::default(),
            report_at: Default::default(),
            span: 0,
            examples: Vec::new(),
            non_examples: Vec::new(),
        });
    }
    let n = rules.len();
    let out = Out { allowlist, rules };
    let body = toml::to_string_pretty(&out).map_err(|e| ImportError::Write { file: file.into(), source: e })?;
    let header = format!("# Imported from {file} by leakhound.\n# Review the notes it printed.\n\n");
    Ok(Imported { toml: header + &body, notes, rules: n })
}

/// `entropy(finding["secret"]) <= 3.5` (or `< 3.5`, or `filter.entropy(...)`): the threshold.
fn entropy_filter(expr: &str) -> Option<f64> {
    let e: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
    let e = e.trim_start_matches("filter.");
    let rest = ["entropy(finding[\"secret\"])", "entropy(finding.secret)", "entropy(finding['secret'])"]
        .iter()
        .find_map(|p| e.strip_prefix(p))?;
    let x = rest.strip_prefix("<=").or_else(|| rest.strip_prefix('<'))?;
    x.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

fn kebab(id: &str) -> String {
    let mut s: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    s.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn betterleaks_entropy_filters_become_thresholds() {
        assert_eq!(super::entropy_filter(r#"entropy(finding["secret"]) <= 3.5"#), Some(3.5));
        assert_eq!(super::entropy_filter("filter.entropy(finding.secret) < 3"), Some(3.0));
        assert_eq!(super::entropy_filter(r#"entropy(finding["secret"]) <= 3 || x"#), None);
    }
}
