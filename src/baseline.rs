//! Accepted findings: a baseline (a previous JSON report, matched by location fingerprint so moved lines
//! stay baselined) and `.leakhoundignore` (fingerprints, optionally `path:fingerprint`, `#` comments).

use std::collections::HashSet;
use std::path::Path;

use crate::finding::Finding;

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{path}: cannot read: {message}")]
    Read { path: String, message: String },
    #[error("{path}: not a leakhound JSON report: {message}")]
    Format { path: String, message: String },
    #[error("{path}:{line}: not a fingerprint (64 hex characters, optionally `path:` before it)")]
    Ignore { path: String, line: usize },
}

/// Findings the user has already seen and accepted.
#[derive(Debug, Default)]
pub struct Accepted {
    /// Location or secret fingerprints accepted anywhere.
    fingerprints: HashSet<String>,
    /// (path, fingerprint) accepted only at that path.
    at_path: HashSet<(String, String)>,
}

impl Accepted {
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty() && self.at_path.is_empty()
    }

    pub fn accepts(&self, f: &Finding) -> bool {
        let fp = &f.fingerprints;
        self.fingerprints.contains(&fp.location)
            || self.fingerprints.contains(&fp.secret)
            || [&fp.location, &fp.secret]
                .iter()
                .any(|x| self.at_path.contains(&(f.origin.path().to_string(), x.to_string())))
    }

    /// The location fingerprints of every finding in a previous `--format json` report.
    pub fn add_baseline(&mut self, path: &Path) -> Result<(), BaselineError> {
        let text = read(path)?;
        let v: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| BaselineError::Format { path: path.display().to_string(), message: e.to_string() })?;
        let findings = v["findings"].as_array().ok_or_else(|| BaselineError::Format {
            path: path.display().to_string(),
            message: "no \"findings\" array".into(),
        })?;
        for f in findings {
            if let Some(fp) = f["fingerprints"]["location"].as_str() {
                self.fingerprints.insert(fp.to_string());
            }
        }
        Ok(())
    }

    /// `.leakhoundignore`: one fingerprint per line, or `path:fingerprint`; blank lines and `#` comments.
    pub fn add_ignore_file(&mut self, path: &Path) -> Result<(), BaselineError> {
        let text = read(path)?;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (p, fp) = match line.rsplit_once(':') {
                Some((p, fp)) => (Some(p.trim()), fp.trim()),
                None => (None, line),
            };
            if fp.len() != 64 || !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(BaselineError::Ignore { path: path.display().to_string(), line: i + 1 });
            }
            let fp = fp.to_ascii_lowercase();
            match p {
                Some(p) => self.at_path.insert((p.to_string(), fp)),
                None => self.fingerprints.insert(fp),
            };
        }
        Ok(())
    }
}

fn read(path: &Path) -> Result<String, BaselineError> {
    std::fs::read_to_string(path).map_err(|e| BaselineError::Read {
        path: path.display().to_string(),
        message: crate::source::fs::io_message(&e),
    })
}
