//! Word lists that rules share (`rules/vocabulary.toml`): `{{NAME}}` in a pattern stands for the list's
//! pattern and `"{{NAME}}"` among the keywords for its keywords, so the names a pattern accepts and the
//! keywords that wake it are written once, together.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::RuleSpec;

/// The vocabulary file's text, embedded like the rules.
const TEXT: &str = include_str!("../../rules/vocabulary.toml");

/// The file name rule loading skips (it holds word lists, not rules).
pub const FILE_NAME: &str = "vocabulary.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyFile {
    tags: Vec<String>,
    words: Vec<Words>,
    filters: FilterWords,
}

/// The word lists of the value filters and of confidence (`[filters]`), lowercase where matched
/// against lowercased text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilterWords {
    /// Sample values of the OAuth 2.0 RFC, copied into libraries and tests.
    pub documented_samples: Vec<String>,
    /// Text inside a value that marks it a placeholder.
    pub placeholder_markers: Vec<String>,
    /// Words written where a password would go that are not one.
    pub not_passwords: Vec<String>,
    /// Text in a password value that makes it code.
    pub password_code: Vec<String>,
    /// Text in a generic secret value that makes it code or a reference.
    pub generic_code: Vec<String>,
    /// Endings that make a value a file name.
    pub file_suffixes: Vec<String>,
    /// Whole name pieces that say a value is not a secret.
    pub non_secret_name_words: Vec<String>,
    /// Name pieces that say so by their start.
    pub non_secret_name_stems: Vec<String>,
    /// Directories of tests, fixtures, samples and docs.
    pub test_dirs: Vec<String>,
    /// Hosts of documentation and tests.
    pub example_hosts: Vec<String>,
    /// Words samples put in values.
    pub sample_words: Vec<String>,
}

/// One shared word list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// What rules write between `{{` and `}}`.
    pub name: String,
    /// What the list is for.
    pub description: String,
    /// A regex group matching every name in the list.
    pub pattern: String,
    /// Literals, one of which every name the pattern matches contains.
    pub keywords: Vec<String>,
    /// Names the pattern must match, each holding a keyword (checked by a test).
    pub examples: Vec<String>,
}

fn file() -> &'static VocabularyFile {
    static FILE: OnceLock<VocabularyFile> = OnceLock::new();
    FILE.get_or_init(|| toml::from_str(TEXT).expect("rules/vocabulary.toml is checked by tests"))
}

/// Every shared word list, by name.
pub fn lists() -> &'static HashMap<String, Words> {
    static LISTS: OnceLock<HashMap<String, Words>> = OnceLock::new();
    LISTS.get_or_init(|| file().words.iter().map(|w| (w.name.clone(), w.clone())).collect())
}

/// The filters' word lists.
pub fn filters() -> &'static FilterWords {
    &file().filters
}

/// The tags built-in rules may carry: a closed list, so that a webhook or report filter on a tag sees
/// every rule it should.
pub fn tags() -> &'static [String] {
    &file().tags
}

/// `spec` with its `{{NAME}}` references replaced; an unknown name is an error naming it.
pub(super) fn expand(spec: &mut RuleSpec) -> Result<(), String> {
    if !spec.pattern.contains("{{") && !spec.keywords.iter().any(|k| k.starts_with("{{")) {
        return Ok(());
    }
    let lists = lists();
    let lookup = |name: &str| {
        lists.get(name).ok_or_else(|| {
            let mut known: Vec<&str> = lists.keys().map(String::as_str).collect();
            known.sort_unstable();
            format!("unknown word list {{{{{name}}}}} (known: {})", known.join(", "))
        })
    };
    let mut pattern = String::with_capacity(spec.pattern.len());
    let mut rest = spec.pattern.as_str();
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else { break };
        let name = &rest[open + 2..open + close];
        // `{{` is also regex syntax only in the odd `a{{2}}`: a name is kebab-case.
        if !name.chars().all(|c| c.is_ascii_lowercase() || c == '-') || name.is_empty() {
            pattern.push_str(&rest[..open + 2]);
            rest = &rest[open + 2..];
            continue;
        }
        pattern.push_str(&rest[..open]);
        pattern.push_str(&lookup(name)?.pattern);
        rest = &rest[open + close + 2..];
    }
    pattern.push_str(rest);
    spec.pattern = pattern;
    let mut keywords = Vec::with_capacity(spec.keywords.len());
    for k in std::mem::take(&mut spec.keywords) {
        match k.strip_prefix("{{").and_then(|k| k.strip_suffix("}}")) {
            Some(name) => keywords.extend(lookup(name)?.keywords.iter().cloned()),
            None => keywords.push(k),
        }
    }
    keywords.dedup();
    spec.keywords = keywords;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_matches_its_examples_and_each_example_holds_a_keyword() {
        assert!(!lists().is_empty());
        for w in lists().values() {
            let re = regex::Regex::new(&format!("(?i)^{}$", w.pattern)).unwrap();
            assert!(!w.examples.is_empty(), "{}: no examples", w.name);
            for e in &w.examples {
                // Names are matched inside longer names (`DB_PASSWORD_FILE`): the list's pattern must
                // match somewhere in the example, and a keyword must be in it.
                let inner = regex::Regex::new(&format!("(?i){}", w.pattern)).unwrap();
                assert!(inner.is_match(e) || re.is_match(e), "{}: pattern misses {e}", w.name);
                let lower = e.to_ascii_lowercase();
                assert!(
                    w.keywords.iter().any(|k| lower.contains(&k.to_ascii_lowercase())),
                    "{}: no keyword wakes a rule for {e}: add one to its keywords",
                    w.name
                );
            }
        }
    }

    #[test]
    fn filter_lists_are_present_and_lowercase() {
        let f = filters();
        for (name, list) in [
            ("documented_samples", &f.documented_samples),
            ("placeholder_markers", &f.placeholder_markers),
            ("not_passwords", &f.not_passwords),
            ("password_code", &f.password_code),
            ("generic_code", &f.generic_code),
            ("file_suffixes", &f.file_suffixes),
            ("non_secret_name_words", &f.non_secret_name_words),
            ("non_secret_name_stems", &f.non_secret_name_stems),
            ("test_dirs", &f.test_dirs),
            ("example_hosts", &f.example_hosts),
            ("sample_words", &f.sample_words),
        ] {
            assert!(!list.is_empty(), "{name} is empty");
            // Matched against lowercased text (the RFC samples are matched as written).
            if name != "documented_samples" {
                assert!(list.iter().all(|w| w.to_ascii_lowercase() == *w), "{name}: {list:?} must be lowercase");
            }
        }
    }

    #[test]
    fn references_expand_and_unknown_ones_are_errors() {
        let mut spec: RuleSpec = toml::from_str(
            "id = 'x'\nname = 'x'\nseverity = 'low'\nkeywords = ['{{password-name}}', 'extra']\npattern = '(?i)({{password-name}})=a{2}'",
        )
        .unwrap();
        expand(&mut spec).unwrap();
        assert!(spec.keywords.contains(&"pwd".to_string()) && spec.keywords.contains(&"extra".to_string()));
        assert!(spec.pattern.contains("passw(?:or)?d") && spec.pattern.ends_with("=a{2}"));
        let mut bad: RuleSpec =
            toml::from_str("id = 'x'\nname = 'x'\nseverity = 'low'\nkeywords = ['k']\npattern = '{{nope}}'").unwrap();
        assert!(expand(&mut bad).unwrap_err().contains("unknown word list {{nope}}"));
    }
}
