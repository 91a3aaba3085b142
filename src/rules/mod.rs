//! Rules: their file format, loading (built-in and user files), compilation and self-test.

mod literals;
mod spec;
pub mod vocabulary;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use regex::bytes::{Regex, RegexBuilder};

use crate::text::one_line;
pub use literals::required_literals;
pub use spec::{Checksum, ReportAt, RuleFile, RuleSpec, ValueKind};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// Why a rule (or rule file) could not be loaded. Every variant names the file and, where known, the rule.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// A rule file or directory could not be read.
    #[error("{file}: cannot read rule file")]
    Read {
        /// The file or directory, as given.
        file: String,
        /// The read error.
        source: std::io::Error,
    },
    /// Not valid TOML, or not a rule file.
    #[error("{file}: invalid rule file: {message}")]
    Parse {
        /// The file.
        file: String,
        /// What is wrong, with the line it is on.
        message: String,
    },
    /// A rule's regex (or one of its `allow` regexes) does not compile.
    #[error("{file}: rule {id}: invalid pattern: {message}")]
    Pattern {
        /// The file.
        file: String,
        /// The rule's id.
        id: String,
        /// The regex compiler's error.
        message: String,
    },
    /// A rule that breaks some other requirement (id, keywords, checksum, paths, a duplicate id).
    #[error("{file}: rule {id}: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// The rule's id.
        id: String,
        /// What is wrong.
        message: String,
    },
}

/// A rule ready to run. The regex is compiled on first use, so start-up stays cheap for the built-in
/// rules that a scan never reaches; `RuleSet::from_specs` validates user rules eagerly.
#[derive(Debug)]
pub struct Rule {
    /// The rule as written.
    pub spec: RuleSpec,
    /// The file the rule came from (`builtin:aws.toml`, a path, `.leakhound.toml`).
    pub source: String,
    regex: OnceLock<Regex>,
    secret_groups: OnceLock<Vec<usize>>,
    allow: Vec<Regex>,
    paths: Option<GlobSet>,
    skip_paths: Option<GlobSet>,
}

impl Rule {
    fn new(mut spec: RuleSpec, source: String) -> Result<Self, RuleError> {
        vocabulary::expand(&mut spec).map_err(|message| RuleError::Invalid {
            file: source.clone(),
            id: spec.id.clone(),
            message,
        })?;
        let invalid = |message: String| RuleError::Invalid { file: source.clone(), id: spec.id.clone(), message };
        if spec.id.is_empty() || !spec.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return Err(invalid("id must be non-empty kebab-case (a-z, 0-9, -)".into()));
        }
        if spec.keywords.iter().any(|k| k.trim().is_empty()) {
            return Err(invalid("keywords must not be empty strings".into()));
        }
        // Without keywords a rule would run on every byte of every file; limited to a few named files
        // (`config/master.key`), it reads each of them whole instead.
        if spec.keywords.is_empty() && spec.paths.is_empty() {
            return Err(invalid(
                "needs at least one keyword (the prefilter), or `paths` naming the files it reads whole".into(),
            ));
        }
        let allow = spec.allow.iter().map(|a| compile(a)).collect::<Result<Vec<_>, _>>().map_err(|e| {
            RuleError::Pattern { file: source.clone(), id: spec.id.clone(), message: format!("allow: {e}") }
        })?;
        if let Some(g) = spec.secret_group {
            if g > 99 {
                return Err(invalid(format!("secret_group {g} is out of range")));
            }
        }
        let globs = |what: &str, list: &[String]| -> Result<Option<GlobSet>, RuleError> {
            if list.is_empty() {
                return Ok(None);
            }
            let mut b = GlobSetBuilder::new();
            for p in list {
                b.add(glob(p).map_err(|e| invalid(format!("{what}: {e}")))?);
            }
            Ok(Some(b.build().map_err(|e| invalid(format!("{what}: {e}")))?))
        };
        let paths = globs("paths", &spec.paths)?;
        let skip_paths = globs("skip_paths", &spec.skip_paths)?;
        Ok(Rule { spec, source, regex: OnceLock::new(), secret_groups: OnceLock::new(), allow, paths, skip_paths })
    }

    /// The rule's id.
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// The service the rule's secrets belong to (`generic` when none is named).
    pub fn provider(&self) -> &str {
        self.spec.provider.as_deref().unwrap_or("generic")
    }

    /// Compile now and report an error naming the file and rule.
    pub fn validate(&self) -> Result<(), RuleError> {
        if self.regex.get().is_some() {
            return Ok(());
        }
        let re = compile(&self.spec.pattern).map_err(|e| RuleError::Pattern {
            file: self.source.clone(),
            id: self.spec.id.clone(),
            message: one_line(&e.to_string()),
        })?;
        if let Some(g) = self.spec.secret_group {
            if g >= re.captures_len() {
                return Err(RuleError::Invalid {
                    file: self.source.clone(),
                    id: self.spec.id.clone(),
                    message: format!("secret_group {g} but the pattern has {} groups", re.captures_len() - 1),
                });
            }
        }
        let _ = self.regex.set(re);
        Ok(())
    }

    /// The compiled regex, compiled on first use (start-up stays fast with hundreds of rules). Rules
    /// from configs are compiled when loaded; a built-in rule that fails here is a bug, and the error
    /// says which rule and why rather than letting it match nothing.
    pub fn regex(&self) -> Result<&Regex, RuleError> {
        if let Some(re) = self.regex.get() {
            return Ok(re);
        }
        self.validate()?;
        Ok(self.regex.get().expect("validate stores the regex"))
    }

    /// Capture groups that may hold the secret, in order: every group named `secret…` (alternatives of
    /// one pattern need distinct names), else group 1, else the whole match. The first that took part in
    /// a match is the secret.
    pub fn secret_groups(&self, re: &Regex) -> &[usize] {
        self.secret_groups.get_or_init(|| {
            if let Some(g) = self.spec.secret_group {
                return vec![g];
            }
            let named: Vec<usize> = re
                .capture_names()
                .enumerate()
                .filter(|(_, n)| n.is_some_and(|n| n.starts_with("secret")))
                .map(|(i, _)| i)
                .collect();
            if !named.is_empty() {
                named
            } else if re.captures_len() > 1 {
                vec![1]
            } else {
                vec![0]
            }
        })
    }

    /// Whether `secret` matches one of the rule's own `allow` regexes (then it is not reported).
    pub(crate) fn allowed_secret(&self, secret: &[u8]) -> bool {
        self.allow.iter().any(|r| r.is_match(secret))
    }

    /// Where the rule stands among overlapping generic matches (lower speaks first): a rule that knows
    /// what its value is (a password, a stored credential) before one that judges any value as random.
    pub(crate) fn precedence(&self) -> u8 {
        u8::from(self.spec.value == ValueKind::Random)
    }

    /// Whether the rule runs on every path (it has neither `paths` nor `skip_paths`).
    /// A rule with no keywords, limited by `paths`: it reads the whole of each file it applies to.
    pub(crate) fn reads_whole_files(&self) -> bool {
        self.spec.keywords.is_empty()
    }

    pub(crate) fn applies_everywhere(&self) -> bool {
        self.paths.is_none() && self.skip_paths.is_none()
    }

    /// Whether the rule runs on `path` (its `paths` globs, every path when it has none; never on its
    /// `skip_paths`).
    #[cfg(test)]
    pub(crate) fn applies_to(&self, path: &str) -> bool {
        self.paths.as_ref().is_none_or(|g| g.is_match(path))
            && !self.skip_paths.as_ref().is_some_and(|g| g.is_match(path))
    }
}

/// Compiles a rule or allowlist regex: ASCII classes, bounded automaton size.
pub(crate) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    // ASCII classes: secrets are ASCII, and Unicode-aware \w, \b and \s make big, slow automata.
    RegexBuilder::new(pattern).unicode(false).size_limit(32 << 20).dfa_size_limit(8 << 20).build()
}

/// Glob for a path relative to the scan root; `*` does not cross `/`, and a glob without `/` matches
/// the file name at any depth (as in .gitignore).
pub fn glob(pattern: &str) -> Result<globset::Glob, globset::Error> {
    let p = if pattern.contains('/') { pattern.trim_start_matches('/').to_string() } else { format!("**/{pattern}") };
    GlobBuilder::new(&p).literal_separator(true).build()
}

/// All rules of a scan, in a fixed order; ids are unique (a later rule with the same id replaces the
/// earlier one, so user rules override built-ins).
#[derive(Debug, Default)]
pub struct RuleSet {
    /// The rules, in order.
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// The rules shipped in the binary.
    pub fn builtin() -> Result<Self, RuleError> {
        let mut set = RuleSet::default();
        for (name, text) in builtin::BUILTIN_RULE_FILES {
            let file = format!("builtin:{name}");
            let parsed: RuleFile = toml::from_str(text)
                .map_err(|e| RuleError::Parse { file: file.clone(), message: crate::text::toml_error(text, &e) })?;
            for spec in &parsed.rules {
                // Built-in rules say who issued the secret: a file may hold several issuers, and the
                // provider reaches reports and webhook payloads.
                let problem = if spec.provider.as_deref().is_none_or(str::is_empty) {
                    Some("a built-in rule must name its provider".to_string())
                } else if set.get(&spec.id).is_some() {
                    Some("this id is also used by another built-in rule file".to_string())
                } else {
                    spec.tags.iter().find(|t| !vocabulary::tags().contains(t)).map(|t| {
                        format!("tag {t:?} is not in rules/vocabulary.toml's tags (the vendor is the provider)")
                    })
                };
                if let Some(message) = problem {
                    return Err(RuleError::Invalid { file, id: spec.id.clone(), message });
                }
            }
            set.add_specs(&file, parsed.rules, "", false)?;
        }
        Ok(set)
    }

    /// Add the rules of a TOML text. `eager` compiles every regex now (user rules: fail at load time).
    pub fn add_file_text(&mut self, file: &str, text: &str, provider: &str, eager: bool) -> Result<(), RuleError> {
        let parsed: RuleFile = toml::from_str(text)
            .map_err(|e| RuleError::Parse { file: file.to_string(), message: crate::text::toml_error(text, &e) })?;
        self.add_specs(file, parsed.rules, provider, eager)
    }

    /// Add already parsed rules from `file`; `provider` is the default for rules that name none, and
    /// `eager` compiles every regex now.
    pub fn add_specs(
        &mut self,
        file: &str,
        specs: Vec<RuleSpec>,
        provider: &str,
        eager: bool,
    ) -> Result<(), RuleError> {
        let mut seen = std::collections::HashSet::new();
        for mut spec in specs {
            if !seen.insert(spec.id.clone()) {
                return Err(RuleError::Invalid {
                    file: file.into(),
                    id: spec.id,
                    message: "duplicate rule id in this file".into(),
                });
            }
            spec.provider.get_or_insert_with(|| provider.to_string());
            let rule = Rule::new(spec, file.to_string())?;
            if eager {
                rule.validate()?;
            }
            match self.rules.iter().position(|r| r.spec.id == rule.spec.id) {
                Some(i) => self.rules[i] = rule,
                None => self.rules.push(rule),
            }
        }
        Ok(())
    }

    /// Load a rule file, or every `*.toml` under a directory (sorted, so the result is deterministic).
    pub fn add_path(&mut self, path: &Path) -> Result<(), RuleError> {
        let files: Vec<PathBuf> = if path.is_dir() {
            let mut v = Vec::new();
            toml_files_under(path, &mut v)?;
            v.sort();
            v
        } else {
            vec![path.to_path_buf()]
        };
        for f in files {
            let file = f.display().to_string();
            let text = std::fs::read_to_string(&f).map_err(|source| RuleError::Read { file: file.clone(), source })?;
            let stem = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            self.add_file_text(&file, &text, &stem, true)?;
        }
        Ok(())
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.spec.id == id)
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Every `*.toml` under `dir`, subdirectories included (the built-in layout: providers/, generic/, formats/).
fn toml_files_under(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), RuleError> {
    let entries =
        std::fs::read_dir(dir).map_err(|source| RuleError::Read { file: dir.display().to_string(), source })?;
    for e in entries.filter_map(|e| e.ok()) {
        let p = e.path();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            toml_files_under(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "toml") && p.file_name() != Some(vocabulary::FILE_NAME.as_ref()) {
            out.push(p);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_without_keywords_is_refused_with_file_and_id() {
        let mut set = RuleSet::default();
        let toml = "[[rules]]\nid = \"x-token\"\nname = \"X\"\nseverity = \"high\"\nkeywords = []\npattern = 'x_[a-z]{8}'\nexamples = ['x_abcdefgh']\nnon_examples = ['y']\n";
        let err = set.add_file_text("my.toml", toml, "x", true).unwrap_err().to_string();
        assert!(err.contains("my.toml") && err.contains("x-token") && err.contains("keyword"), "{err}");
    }

    #[test]
    fn a_bad_regex_names_file_rule_and_error() {
        let mut set = RuleSet::default();
        let toml = "[[rules]]\nid = \"x-token\"\nname = \"X\"\nseverity = \"high\"\nkeywords = ['x_']\npattern = 'x_[a-z{8}'\nexamples = ['x_abcdefgh']\nnon_examples = ['y']\n";
        let err = set.add_file_text("my.toml", toml, "x", true).unwrap_err().to_string();
        assert!(err.contains("my.toml") && err.contains("x-token") && err.contains("invalid pattern"), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn a_user_rule_replaces_a_builtin_by_id() {
        let mut set = RuleSet::builtin().unwrap();
        let n = set.len();
        let id = set.rules[0].id().to_string();
        let toml = format!("[[rules]]\nid = \"{id}\"\nname = \"Mine\"\nseverity = \"low\"\nkeywords = ['zz_']\npattern = 'zz_[a-z]{{8}}'\nexamples = ['zz_abcdefgh']\nnon_examples = ['y']\n");
        set.add_file_text("mine.toml", &toml, "mine", true).unwrap();
        assert_eq!(set.len(), n);
        assert_eq!(set.get(&id).unwrap().spec.name, "Mine");
    }
}
