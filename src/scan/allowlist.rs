//! An allowlist (`[allowlist]` in a config file): paths, regexes on the secret, stopwords. Each one
//! counts what it suppressed, so that the report can say which source silenced how much (a hostile
//! in-tree config that silences everything is then visible).

use std::sync::atomic::{AtomicU64, Ordering};

use globset::{GlobSet, GlobSetBuilder};
use regex::bytes::Regex;

/// One config file's allowlist, compiled, with counts of what it suppressed.
#[derive(Debug, Default)]
pub struct Allowlist {
    /// Where it came from (a config file's path), for the report.
    pub source: String,
    /// Files not scanned because of `paths`/`path_regexes`.
    files_excluded: AtomicU64,
    /// Findings dropped because of `regexes`/`stopwords`.
    findings_suppressed: AtomicU64,
    paths: Option<GlobSet>,
    path_regexes: Vec<regex::Regex>,
    regexes: Vec<Regex>,
    stopwords: Vec<Vec<u8>>,
    /// Per rule id: paths where that rule's findings are not reported.
    rule_paths: Vec<(String, GlobSet)>,
}

/// An allowlist entry that does not compile.
#[derive(Debug, thiserror::Error)]
pub enum AllowlistError {
    /// A path glob or path regex.
    #[error("allowlist path {pattern:?}: {message}")]
    Path {
        /// The entry as written.
        pattern: String,
        /// The glob or regex compiler's error.
        message: String,
    },
    /// A regex on the secret.
    #[error("allowlist regex {pattern:?}: {message}")]
    Regex {
        /// The entry as written.
        pattern: String,
        /// The regex compiler's error.
        message: String,
    },
}

impl Allowlist {
    /// An allowlist of path globs, secret regexes and stopwords (no path regexes).
    pub fn new(paths: &[String], regexes: &[String], stopwords: &[String]) -> Result<Self, AllowlistError> {
        Self::with_path_regexes(paths, &[], regexes, stopwords)
    }

    /// An allowlist of path globs, path regexes, secret regexes and stopwords, as in `[allowlist]`.
    pub fn with_path_regexes(
        paths: &[String],
        path_regexes: &[String],
        regexes: &[String],
        stopwords: &[String],
    ) -> Result<Self, AllowlistError> {
        let path_regexes = path_regexes
            .iter()
            .map(|r| {
                regex::Regex::new(r).map_err(|e| AllowlistError::Regex {
                    pattern: r.clone(),
                    message: crate::text::one_line(&e.to_string()),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let paths = if paths.is_empty() {
            None
        } else {
            let mut b = GlobSetBuilder::new();
            for p in paths {
                let g = crate::rules::glob(p)
                    .map_err(|e| AllowlistError::Path { pattern: p.clone(), message: e.to_string() })?;
                b.add(g);
            }
            Some(b.build().map_err(|e| AllowlistError::Path { pattern: paths.join(","), message: e.to_string() })?)
        };
        let regexes = regexes
            .iter()
            .map(|r| {
                Regex::new(r).map_err(|e| AllowlistError::Regex {
                    pattern: r.clone(),
                    message: crate::text::one_line(&e.to_string()),
                })
            })
            .collect::<Result<_, _>>()?;
        let stopwords = stopwords.iter().map(|s| s.to_ascii_lowercase().into_bytes()).collect();
        Ok(Allowlist { paths, path_regexes, regexes, stopwords, ..Allowlist::default() })
    }

    /// Adds per-rule path globs (`[allowlist.rule_paths]`).
    pub fn with_rule_paths(
        mut self,
        rule_paths: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> Result<Self, AllowlistError> {
        for (rule, globs) in rule_paths {
            let mut b = GlobSetBuilder::new();
            for p in globs {
                let g = crate::rules::glob(p)
                    .map_err(|e| AllowlistError::Path { pattern: p.clone(), message: e.to_string() })?;
                b.add(g);
            }
            let set =
                b.build().map_err(|e| AllowlistError::Path { pattern: globs.join(","), message: e.to_string() })?;
            self.rule_paths.push((rule.clone(), set));
        }
        Ok(self)
    }

    /// The same allowlist, named after where it came from.
    pub fn named(mut self, source: impl Into<String>) -> Self {
        self.source = source.into();
        self
    }

    /// Whether it allows nothing.
    pub fn is_empty(&self) -> bool {
        self.paths.is_none()
            && self.path_regexes.is_empty()
            && self.regexes.is_empty()
            && self.stopwords.is_empty()
            && self.rule_paths.is_empty()
    }

    /// (files excluded, findings suppressed) so far.
    pub fn counts(&self) -> (u64, u64) {
        (self.files_excluded.load(Ordering::Relaxed), self.findings_suppressed.load(Ordering::Relaxed))
    }

    /// `path_allowed`, counting a hit.
    pub fn exclude_file(&self, path: &str) -> bool {
        let hit = self.path_allowed(path);
        if hit {
            self.files_excluded.fetch_add(1, Ordering::Relaxed);
        }
        hit
    }

    /// Whether a finding of `rule` at `path` with `secret` would be allowed, without counting it.
    pub fn would_suppress(&self, rule: &str, path: &str, secret: &[u8]) -> bool {
        self.secret_allowed(secret) || self.rule_paths.iter().any(|(r, g)| r == rule && g.is_match(path))
    }

    /// Whether a finding of `rule` at `path` with `secret` is allowed (by secret or by the rule's
    /// paths), counting a hit.
    pub fn suppress(&self, rule: &str, path: &str, secret: &[u8]) -> bool {
        let hit = self.would_suppress(rule, path, secret);
        if hit {
            self.findings_suppressed.fetch_add(1, Ordering::Relaxed);
        }
        hit
    }

    /// Counts `n` findings as suppressed without looking at them: an edited blob's rescan takes over
    /// what this allowlist hid in the lines the edit left alone.
    pub(crate) fn credit(&self, n: u64) {
        self.findings_suppressed.fetch_add(n, Ordering::Relaxed);
    }

    /// Whether `path` is excluded by a glob or path regex, without counting it.
    pub(crate) fn path_allowed(&self, path: &str) -> bool {
        self.paths.as_ref().is_some_and(|g| g.is_match(path)) || self.path_regexes.iter().any(|r| r.is_match(path))
    }

    /// Whether `secret` matches a regex or contains a stopword.
    pub(crate) fn secret_allowed(&self, secret: &[u8]) -> bool {
        if self.regexes.iter().any(|r| r.is_match(secret)) {
            return true;
        }
        if self.stopwords.is_empty() {
            return false;
        }
        let lower = secret.to_ascii_lowercase();
        self.stopwords.iter().any(|w| memchr::memmem::find(&lower, w).is_some())
    }
}
