//! One leaked secret, many occurrences: groups findings by repository, rule and secret fingerprint, and
//! tells each secret's story (first and last seen, how many commits, paths and blobs hold it, whether the
//! current tree still does). A key committed once and carried through 200 commits is one secret to rotate.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::finding::{Confidence, Finding, Severity};

/// One secret (a rule's match, by its keyed fingerprint) in one repository, and where it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretGroup {
    /// The repository, when the scan covered several.
    pub repository: Option<Arc<str>>,
    /// The rule that matched.
    pub rule_id: String,
    /// The secret fingerprint shared by every occurrence.
    pub fingerprint: String,
    /// The worst severity of any occurrence.
    pub severity: Severity,
    /// The highest confidence of any occurrence.
    pub confidence: Confidence,
    /// Indices into the findings: every occurrence, oldest first (undated ones, files on disk, last).
    pub occurrences: Vec<usize>,
    /// The occurrence that introduced it (the oldest).
    pub first: usize,
    /// The newest occurrence.
    pub last: usize,
    /// The occurrences the current tree holds (HEAD's tree, or the files on disk); empty when the secret
    /// lives only in history.
    pub in_head: Vec<usize>,
    /// Distinct commits holding it.
    pub commits: usize,
    /// Distinct paths holding it.
    pub paths: usize,
    /// Distinct blobs holding it (files on disk and messages count one each).
    pub blobs: usize,
}

impl SecretGroup {
    /// The occurrence that stands for the group in a one-line view: the first the current tree holds,
    /// else the one that introduced it.
    pub fn representative(&self) -> usize {
        self.in_head.first().copied().unwrap_or(self.first)
    }

    /// Whether the current tree still holds it: rotate today, and remove it from the code.
    pub fn is_in_head(&self) -> bool {
        !self.in_head.is_empty()
    }
}

/// Groups `findings` by secret. Groups come worst first: severity, confidence, still in HEAD before
/// history only, then more occurrences first; ties by where the secret first shows.
pub fn group(findings: &[Finding]) -> Vec<SecretGroup> {
    let mut index: HashMap<(Option<&str>, &str, &str), usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let key = (f.repository.as_deref(), f.rule_id.as_str(), f.fingerprints.secret.as_str());
        let g = *index.entry(key).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[g].push(i);
    }
    let mut groups: Vec<SecretGroup> = members.into_iter().map(|m| story(findings, m)).collect();
    // Ties keep the findings' own order (place order, as reports show places), whose first occurrence
    // in them comes first.
    groups.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.confidence.cmp(&a.confidence))
            .then(b.is_in_head().cmp(&a.is_in_head()))
            .then(b.occurrences.len().cmp(&a.occurrences.len()))
            .then(a.occurrences.iter().min().cmp(&b.occurrences.iter().min()))
    });
    groups
}

fn story(findings: &[Finding], mut occurrences: Vec<usize>) -> SecretGroup {
    // Oldest first by commit time; what has no commit (files on disk, staged files) is the newest. Ties
    // keep the findings' order (place order).
    occurrences.sort_by_cached_key(|&i| {
        let f = &findings[i];
        let when = f.origin.commit().and_then(|c| epoch_seconds(&c.date)).unwrap_or(i64::MAX);
        (when, f.origin.commit().map(|c| c.sha.clone()), i)
    });
    let f0 = &findings[occurrences[0]];
    let mut commits = HashSet::new();
    let mut paths = HashSet::new();
    let mut blobs = HashSet::new();
    for &i in &occurrences {
        let f = &findings[i];
        if let Some(c) = f.origin.commit() {
            commits.insert(c.sha.as_str());
        }
        // Within one secret, the location fingerprint names the path (and survives redaction).
        paths.insert(f.fingerprints.location.as_str());
        match f.origin.blob() {
            Some(b) => blobs.insert(b.to_string()),
            None => blobs.insert(format!("{}\0{}", f.origin.kind(), f.origin.path())),
        };
    }
    SecretGroup {
        repository: f0.repository.clone(),
        rule_id: f0.rule_id.clone(),
        fingerprint: f0.fingerprints.secret.clone(),
        severity: occurrences.iter().map(|&i| findings[i].severity).max().unwrap_or(f0.severity),
        confidence: occurrences.iter().map(|&i| findings[i].confidence).max().unwrap_or(f0.confidence),
        first: occurrences[0],
        last: *occurrences.last().unwrap_or(&occurrences[0]),
        in_head: occurrences.iter().copied().filter(|&i| findings[i].in_head).collect(),
        commits: commits.len(),
        paths: paths.len(),
        blobs: blobs.len(),
        occurrences,
    }
}

/// Seconds since the epoch of an RFC 3339 time as commits carry it (`2023-11-15T00:13:20+02:00`).
pub fn epoch_seconds(t: &str) -> Option<i64> {
    let b = t.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> { t.get(r)?.parse().ok() };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let offset = match b[19] {
        b'Z' | b'z' => 0,
        s @ (b'+' | b'-') => {
            let o = num(20..22)? * 3600 + num(23..25)? * 60;
            if s == b'+' {
                o
            } else {
                -o
            }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_reads_commit_dates() {
        assert_eq!(epoch_seconds("1970-01-01T00:00:00+00:00"), Some(0));
        assert_eq!(epoch_seconds("2023-11-15T00:13:20+02:00"), Some(1_700_000_000));
        assert_eq!(epoch_seconds("2000-02-28T19:00:00-05:00"), Some(951_782_400));
        assert_eq!(epoch_seconds("2000-02-29T00:00:00Z"), Some(951_782_400));
        assert_eq!(epoch_seconds("yesterday"), None);
    }
}
