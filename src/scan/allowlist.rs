//! The user's allowlist (`[allowlist]` in .leakhound.toml): paths, regexes on the secret, stopwords.

use globset::{GlobSet, GlobSetBuilder};
use regex::bytes::Regex;

#[derive(Debug, Default)]
pub struct Allowlist {
    paths: Option<GlobSet>,
    path_regexes: Vec<regex::Regex>,
    regexes: Vec<Regex>,
    stopwords: Vec<Vec<u8>>,
}

#[derive(Debug, thiserror::Error)]
pub enum AllowlistError {
    #[error("allowlist path {pattern:?}: {message}")]
    Path { pattern: String, message: String },
    #[error("allowlist regex {pattern:?}: {message}")]
    Regex { pattern: String, message: String },
}

impl Allowlist {
    pub fn new(paths: &[String], regexes: &[String], stopwords: &[String]) -> Result<Self, AllowlistError> {
        Self::with_path_regexes(paths, &[], regexes, stopwords)
    }

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
        Ok(Allowlist { paths, path_regexes, regexes, stopwords })
    }

    pub fn path_allowed(&self, path: &str) -> bool {
        self.paths.as_ref().is_some_and(|g| g.is_match(path)) || self.path_regexes.iter().any(|r| r.is_match(path))
    }

    pub fn secret_allowed(&self, secret: &[u8]) -> bool {
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
