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
        // A DFA is the fastest kind for a few hundred short keywords and costs only a few ms to build.
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keywords)
            .or_else(|_| AhoCorasickBuilder::new().ascii_case_insensitive(true).build(&keywords))
            .expect("keywords are plain literals");
        Prefilter { ac, rules_of }
    }

    /// Calls `f` for every (rule, keyword occurrence), in order of the keyword's end offset. Overlapping
    /// keywords (`token` inside `access_token`) are all reported.
    pub fn hits(&self, data: &[u8], mut f: impl FnMut(Hit)) {
        for m in self.ac.find_overlapping_iter(data) {
            for &rule in &self.rules_of[m.pattern().as_usize()] {
                f(Hit { rule, start: m.start(), end: m.end() });
            }
        }
    }

    /// Whether any keyword occurs at all (cheap early exit).
    pub fn any(&self, data: &[u8]) -> bool {
        self.ac.is_match(data)
    }
}
