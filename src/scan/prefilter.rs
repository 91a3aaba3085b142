//! One Aho-Corasick automaton over every rule's keywords: which rules may match, and where.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::rules::RuleSet;

pub struct Prefilter {
    ac: AhoCorasick,
    /// Keyword pattern id -> the rules that listed it.
    rules_of: Vec<Vec<u32>>,
}

/// A keyword hit: rule `rule` may match near `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub rule: u32,
    pub start: usize,
    pub end: usize,
}

impl Prefilter {
    pub fn new(rules: &RuleSet) -> Self {
        let mut keywords: Vec<Vec<u8>> = Vec::new();
        let mut rules_of: Vec<Vec<u32>> = Vec::new();
        for (ri, rule) in rules.rules.iter().enumerate() {
            for kw in &rule.spec.keywords {
                let k = kw.to_ascii_lowercase().into_bytes();
                match keywords.iter().position(|x| *x == k) {
                    Some(i) => {
                        if !rules_of[i].contains(&(ri as u32)) {
                            rules_of[i].push(ri as u32)
                        }
                    }
                    None => {
                        keywords.push(k);
                        rules_of.push(vec![ri as u32]);
                    }
                }
            }
        }
        // Non-overlapping leftmost-longest search is much faster than reporting every overlapping
        // occurrence. An occurrence it skips overlaps one it reports, on the same line; so each keyword
        // also stands for the rules of every keyword that can overlap it, and their windows come from
        // the reported hit. (An extra window only costs a regex run on that line.)
        let direct = rules_of.clone();
        for (i, a) in keywords.iter().enumerate() {
            for (j, b) in keywords.iter().enumerate() {
                if i != j && can_overlap(a, b) {
                    for &r in &direct[j] {
                        if !rules_of[i].contains(&r) {
                            rules_of[i].push(r);
                        }
                    }
                }
            }
        }
        // A DFA is the fastest kind for a few hundred short keywords and costs only a few ms to build.
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keywords)
            .or_else(|_| AhoCorasickBuilder::new().ascii_case_insensitive(true).build(&keywords))
            .expect("keywords are plain literals");
        Prefilter { ac, rules_of }
    }

    /// Calls `f` for every rule that has a keyword occurrence at or overlapping each reported hit, in
    /// increasing offset order.
    pub fn hits(&self, data: &[u8], mut f: impl FnMut(Hit)) {
        for m in self.ac.find_iter(data) {
            for &rule in &self.rules_of[m.pattern().as_usize()] {
                f(Hit { rule, start: m.start(), end: m.end() });
            }
        }
    }
}

/// Whether occurrences of `a` and `b` (lower-cased) can share a byte: one contains the other, or a
/// proper suffix of one is a prefix of the other.
fn can_overlap(a: &[u8], b: &[u8]) -> bool {
    let contains = |x: &[u8], y: &[u8]| y.len() <= x.len() && x.windows(y.len()).any(|w| w == y);
    let suffix_prefix = |x: &[u8], y: &[u8]| (1..x.len().min(y.len())).any(|k| x[x.len() - k..] == y[..k]);
    contains(a, b) || contains(b, a) || suffix_prefix(a, b) || suffix_prefix(b, a)
}

#[cfg(test)]
mod tests {
    use super::can_overlap;

    #[test]
    fn overlap_cases() {
        assert!(can_overlap(b"token", b"access_token"));
        assert!(can_overlap(b"sk_live_", b"_live_"));
        assert!(can_overlap(b"ghp_", b"p_abc"));
        assert!(!can_overlap(b"ghp_", b"xoxb-"));
    }
}
