//! The detection engine: prefilter (trigram anchors, confirmed by Aho-Corasick) -> matcher (regex on windows) -> filters.
//! No I/O, no printing; `Scanner` is `Sync` and shared by every worker thread.

pub mod allowlist;
mod anchors;
pub mod checksum;
pub mod content;
pub mod entropy;
pub mod filters;
mod prefilter;

use memchr::{memchr, memrchr};

use crate::finding::{Finding, Fingerprints, Origin, Severity};
use crate::redact::Secret;
use crate::rules::{Rule, RuleSet};
pub use allowlist::Allowlist;
pub use prefilter::Prefilter;

/// How far around a keyword hit the regex may look on the same line: bounds the work on minified files
/// with megabyte-long lines.
const LINE_REACH: usize = 4096;
/// Inline markers that silence a finding on their line (ours, gitleaks' and detect-secrets').
const INLINE_ALLOW: &[&[u8]] = &[b"leakhound:allow", b"gitleaks:allow", b"pragma: allowlist secret"];

pub struct Scanner {
    rules: RuleSet,
    prefilter: Prefilter,
    allowlist: Allowlist,
    show_secrets: bool,
}

/// A match that passed every filter, before line and column are known.
struct Candidate {
    rule: usize,
    start: usize,
    end: usize,
    entropy: f64,
    /// `Some(false)` when the rule's checksum failed softly (see `checksum::failure_is_soft`).
    checksum_valid: Option<bool>,
}

impl Scanner {
    pub fn new(rules: RuleSet, allowlist: Allowlist, show_secrets: bool) -> Self {
        let prefilter = Prefilter::new(&rules);
        Scanner { rules, prefilter, allowlist, show_secrets }
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    pub fn into_rules(self) -> RuleSet {
        self.rules
    }

    /// Whether the user's allowlist excludes this path entirely.
    pub fn path_allowed(&self, path: &str) -> bool {
        self.allowlist.path_allowed(path)
    }

    /// Scan decoded text (see `content::classify`) from `origin`.
    pub fn scan(&self, data: &[u8], origin: &Origin) -> Vec<Finding> {
        self.scan_with(data, origin, true)
    }

    /// As `scan`; `check_paths = false` ignores rules' path restrictions (for running rule examples).
    pub fn scan_with(&self, data: &[u8], origin: &Origin, check_paths: bool) -> Vec<Finding> {
        let path = origin.path();
        if check_paths && self.allowlist.path_allowed(path) {
            return Vec::new();
        }
        let applies: Vec<bool> = self.rules.rules.iter().map(|r| !check_paths || r.applies_to(path)).collect();
        let windows = self.windows(data, &applies);
        let mut cands: Vec<Candidate> = Vec::new();
        for (ri, ws) in windows.iter().enumerate() {
            if ws.is_empty() {
                continue;
            }
            let rule = &self.rules.rules[ri];
            let Some(re) = rule.regex() else { continue };
            let groups = rule.secret_groups(re);
            for &(ws, we) in ws {
                for caps in re.captures_iter(&data[ws..we]) {
                    let m = caps.get(0).expect("group 0");
                    let Some(s) = groups.iter().find_map(|&g| caps.get(g)) else {
                        continue;
                    };
                    let (start, end) = (ws + s.start(), ws + s.end());
                    if rule.spec.generic && caps.name("name").is_some_and(|n| filters::is_non_secret_name(n.as_bytes()))
                    {
                        continue;
                    }
                    if let Some((entropy, checksum_valid)) = self.accept(rule, &data[start..end]) {
                        if !inline_allowed(data, ws + m.start(), ws + m.end()) {
                            cands.push(Candidate { rule: ri, start, end, entropy, checksum_valid });
                        }
                    }
                }
            }
        }
        self.drop_shadowed(&mut cands);
        self.findings(data, origin, cands)
    }

    /// Per rule, the merged byte windows around its keyword hits: the whole line(s) of the hit, bounded.
    fn windows(&self, data: &[u8], applies: &[bool]) -> Vec<Vec<(usize, usize)>> {
        let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.rules.len()];
        self.prefilter.hits(data, |hit| {
            if !applies[hit.rule as usize] {
                return;
            }
            let ws = &mut out[hit.rule as usize];
            if let Some(&(_, we)) = ws.last() {
                if hit.end <= we {
                    return;
                }
            }
            let span = self.rules.rules[hit.rule as usize].spec.span;
            let lo = hit.start.saturating_sub(LINE_REACH);
            let start = memrchr(b'\n', &data[lo..hit.start]).map_or(lo, |i| lo + i + 1);
            let reach = (hit.end + span).min(data.len());
            let hi = (reach + LINE_REACH).min(data.len());
            let end = memchr(b'\n', &data[reach..hi]).map_or(hi, |i| reach + i);
            match ws.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => ws.push((start, end)),
            }
        });
        out
    }

    /// Every filter on the secret; when it passes, the secret's entropy and the checksum outcome (`None`
    /// when the rule has no checksum).
    fn accept(&self, rule: &Rule, secret: &[u8]) -> Option<(f64, Option<bool>)> {
        if secret.is_empty() {
            return None;
        }
        let e = entropy::shannon(secret);
        if rule.spec.min_entropy.is_some_and(|min| e < entropy::threshold(min, secret)) {
            return None;
        }
        let checksum_valid = match &rule.spec.checksum {
            Some(c) if checksum::check(c, secret) => Some(true),
            Some(c) if checksum::failure_is_soft(c) => Some(false),
            Some(_) => return None,
            None => None,
        };
        if filters::is_placeholder(secret) || (rule.spec.generic && filters::is_unlikely_generic_secret(secret)) {
            return None;
        }
        if rule.allowed_secret(secret) || self.allowlist.secret_allowed(secret) {
            return None;
        }
        Some((e, checksum_valid))
    }

    /// A generic rule gives way to a specific rule that found an overlapping secret; of two matches of
    /// one rule at overlapping places, the first wins.
    fn drop_shadowed(&self, cands: &mut Vec<Candidate>) {
        if cands.len() < 2 {
            return;
        }
        let generic = |c: &Candidate| self.rules.rules[c.rule].spec.generic;
        let overlaps = |a: &Candidate, b: &Candidate| a.start < b.end && b.start < a.end;
        let mut keep = vec![true; cands.len()];
        for i in 0..cands.len() {
            for j in 0..cands.len() {
                if i == j || !keep[j] || !overlaps(&cands[i], &cands[j]) {
                    continue;
                }
                let (a, b) = (&cands[i], &cands[j]);
                let shadowed = (generic(a) && !generic(b))
                    || (generic(a) == generic(b) && (a.rule == b.rule || generic(a)) && j < i);
                if shadowed {
                    keep[i] = false;
                    break;
                }
            }
        }
        let mut k = keep.into_iter();
        cands.retain(|_| k.next().unwrap_or(true));
    }

    fn findings(&self, data: &[u8], origin: &Origin, mut cands: Vec<Candidate>) -> Vec<Finding> {
        cands.sort_by_key(|c| (c.start, c.rule));
        let mut out = Vec::with_capacity(cands.len());
        let mut lines = LineCounter::default();
        for c in cands {
            let rule = &self.rules.rules[c.rule];
            let secret = Secret::new(String::from_utf8_lossy(&data[c.start..c.end]).into_owned());
            let (line, column) = lines.position(data, c.start);
            let (end_line, end_column) = lines.position_from(data, (line, c.start), c.end);
            let raw_line = line_text(data, c.start);
            let snippet = secret.redact_in(&raw_line);
            let path = origin.path();
            out.push(Finding {
                rule_id: rule.spec.id.clone(),
                rule_name: rule.spec.name.clone(),
                // A token whose checksum fails cannot have been issued: most likely a sample or a test
                // value, so it is reported, but as low severity.
                severity: if c.checksum_valid == Some(false) { Severity::Low } else { rule.spec.severity },
                origin: origin.clone(),
                line,
                column,
                end_line,
                end_column,
                fingerprints: Fingerprints::compute(&rule.spec.id, &secret, path),
                raw_snippet: self.show_secrets.then_some(raw_line),
                snippet,
                secret,
                entropy: (c.entropy * 100.0).round() / 100.0,
                checksum_valid: c.checksum_valid,
            });
        }
        out
    }
}

fn inline_allowed(data: &[u8], start: usize, end: usize) -> bool {
    let ls = memrchr(b'\n', &data[..start]).map_or(0, |i| i + 1);
    let le = memchr(b'\n', &data[end..]).map_or(data.len(), |i| end + i);
    let region = &data[ls..le];
    INLINE_ALLOW.iter().any(|m| memchr::memmem::find(region, m).is_some())
}

/// The line holding `offset`, trimmed, cut to at most 160 characters around the offset.
fn line_text(data: &[u8], offset: usize) -> String {
    let ls = memrchr(b'\n', &data[..offset]).map_or(0, |i| i + 1);
    let le = memchr(b'\n', &data[offset..]).map_or(data.len(), |i| offset + i);
    let (mut a, mut b) = (ls, le);
    if b - a > 160 {
        a = offset.saturating_sub(60).max(ls);
        b = (a + 160).min(le);
    }
    let text = String::from_utf8_lossy(&data[a..b]);
    let mut t = text.trim().to_string();
    if a > ls {
        t.insert(0, '…');
    }
    if b < le {
        t.push('…');
    }
    t
}

/// Computes 1-based line and code-point column for increasing offsets without rescanning the blob.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: u32,
    line_start: usize,
}

impl LineCounter {
    fn position(&mut self, data: &[u8], offset: usize) -> (u32, u32) {
        if offset < self.offset || self.line == 0 {
            *self = LineCounter { offset: 0, line: 1, line_start: 0 };
        }
        for i in memchr::memchr_iter(b'\n', &data[self.offset..offset]) {
            self.line += 1;
            self.line_start = self.offset + i + 1;
        }
        self.offset = offset;
        (self.line, column(data, self.line_start, offset))
    }

    fn position_from(&self, data: &[u8], (line, start): (u32, usize), end: usize) -> (u32, u32) {
        let mut l = line;
        let mut ls = self.line_start;
        for i in memchr::memchr_iter(b'\n', &data[start..end]) {
            l += 1;
            ls = start + i + 1;
        }
        (l, column(data, ls, end))
    }
}

fn column(data: &[u8], line_start: usize, offset: usize) -> u32 {
    // Count code points: every byte that is not a UTF-8 continuation byte starts one.
    1 + data[line_start..offset].iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32
}
