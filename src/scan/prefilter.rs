//! Which rules may match, and where: every occurrence of a rule keyword (ASCII case-insensitive).
//!
//! A DFA over a few hundred keywords walks every byte through a chain of dependent table loads, about
//! 500 MB/s per core, which made it a third of a history scan. So the search runs in two steps: the
//! trigram index (`anchors`) proposes the positions where a keyword may start, and the Aho-Corasick
//! automaton, anchored there, confirms the longest keyword that does. This module owns the second step
//! and the map from keywords to rules.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::anchors::Anchors;
use crate::rules::RuleSet;

/// A keyword hit: rule `rule` may match near `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub rule: u32,
    pub start: usize,
    pub end: usize,
}

/// The keyword search that decides which rules' regexes run near which bytes of a blob.
pub struct Prefilter {
    ac: AhoCorasick,
    /// Keyword pattern id -> the rules that listed it or a keyword that can overlap it.
    rules_of: Vec<Vec<u32>>,
    anchors: Anchors,
    max_len: usize,
}

impl Prefilter {
    /// The prefilter of every keyword of `rules`.
    #[cfg(test)]
    pub(crate) fn new(rules: &RuleSet) -> Self {
        Self::of(rules, |_| true)
    }

    /// The prefilter of the keywords of the rules `include` selects (by index in `rules`; hits keep
    /// those indices).
    pub(crate) fn of(rules: &RuleSet, include: impl Fn(usize) -> bool) -> Self {
        let mut keywords: Vec<Vec<u8>> = Vec::new();
        let mut rules_of: Vec<Vec<u32>> = Vec::new();
        for (ri, rule) in rules.rules.iter().enumerate().filter(|(i, _)| include(*i)) {
            for kw in &rule.spec.keywords {
                let k = kw.to_ascii_lowercase().into_bytes();
                match keywords.iter().position(|x| *x == k) {
                    Some(i) => push_unique(&mut rules_of[i], ri as u32),
                    None => {
                        keywords.push(k);
                        rules_of.push(vec![ri as u32]);
                    }
                }
            }
        }
        // Only the longest keyword at each start is confirmed; a keyword that starts elsewhere inside
        // it has a start of its own and is confirmed there. So each keyword also stands for the rules
        // of the keywords that are its prefixes, and only those: standing for every keyword that can
        // share a byte with it made each `token` hit run dozens of unrelated rules' regexes.
        let direct = rules_of.clone();
        for (i, a) in keywords.iter().enumerate() {
            for (j, b) in keywords.iter().enumerate() {
                if i != j && a.starts_with(b) {
                    for &r in &direct[j] {
                        push_unique(&mut rules_of[i], r);
                    }
                }
            }
        }
        // A DFA is the fastest kind and small when anchored; a pathological user keyword set that
        // exceeds its size limit falls back to the default kind.
        let build = |kind| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .kind(kind)
                .build(&keywords)
        };
        let ac = build(Some(AhoCorasickKind::DFA)).or_else(|_| build(None)).expect("keywords are plain literals");
        let max_len = keywords.iter().map(Vec::len).max().unwrap_or(0);
        Prefilter { ac, rules_of, anchors: Anchors::new(&keywords), max_len }
    }

    /// The longest keyword, in bytes.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Calls `f` for every rule that has a keyword occurrence at or overlapping each hit, in increasing
    /// offset order.
    pub fn hits(&self, data: &[u8], mut f: impl FnMut(Hit)) {
        // Hits are passed on in batches as soon as no earlier one can still arrive, so memory holds a
        // few thousand hits, never one per line of a huge file.
        const BATCH: usize = 4096;
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut last_start = usize::MAX;
        self.anchors.candidates(data, |start| {
            if start == last_start {
                return;
            }
            last_start = start;
            let end = (start + self.max_len).min(data.len());
            let input = Input::new(data).span(start..end).anchored(Anchored::Yes);
            if let Some(m) = self.ac.find(input) {
                found.push((m.start(), m.end(), m.pattern().as_usize()));
                if found.len() >= BATCH {
                    // An anchor sits at most `MAX_OFFSET` bytes into its keyword, and anchors come
                    // in increasing order: no later keyword start is below this one's minus that.
                    self.emit(&mut found, start.saturating_sub(super::anchors::MAX_OFFSET + 1), &mut f);
                }
            }
        });
        self.emit(&mut found, usize::MAX, &mut f);
    }

    /// Sorts the pending hits (anchors sit at different offsets inside their keywords, so starts arrive
    /// nearly but not exactly in order) and passes on those that start before `upto`, once per start.
    fn emit(&self, found: &mut Vec<(usize, usize, usize)>, upto: usize, f: &mut impl FnMut(Hit)) {
        found.sort_unstable();
        found.dedup_by_key(|h| h.0);
        let k = found.partition_point(|h| h.0 < upto);
        for &(start, end, pattern) in &found[..k] {
            for &rule in &self.rules_of[pattern] {
                f(Hit { rule, start, end });
            }
        }
        found.drain(..k);
    }
}

fn push_unique(v: &mut Vec<u32>, x: u32) {
    if !v.contains(&x) {
        v.push(x);
    }
}

#[cfg(test)]
mod tests {
    use super::Prefilter;
    use crate::rules::RuleSet;
    use rand::{Rng, SeedableRng};

    /// Against a naive search over the built-in keywords on random text salted with keywords in random
    /// case: at every position where keywords start, exactly the rules of those keywords (at least) are
    /// reported, and nothing is reported elsewhere.
    #[test]
    fn hits_equal_a_naive_search() {
        let rules = RuleSet::builtin().unwrap();
        let keywords: Vec<Vec<u8>> = rules
            .rules
            .iter()
            .flat_map(|r| r.spec.keywords.iter().map(|k| k.to_ascii_lowercase().into_bytes()))
            .collect();
        let owned: Vec<(Vec<u8>, u32)> = rules
            .rules
            .iter()
            .enumerate()
            .flat_map(|(ri, r)| r.spec.keywords.iter().map(move |k| (k.to_ascii_lowercase().into_bytes(), ri as u32)))
            .collect();
        let pre = Prefilter::new(&rules);
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:/=[ \n\"'";
        // Many short texts, and one long enough that hits are passed on in several batches.
        for (len, rate) in std::iter::repeat_n((2000, 0.05), 60).chain([(100_000, 0.3)]) {
            let mut data: Vec<u8> = Vec::new();
            while data.len() < len {
                if rng.gen_bool(rate) {
                    let k = &keywords[rng.gen_range(0..keywords.len())];
                    data.extend(k.iter().map(|&b| if rng.gen_bool(0.5) { b.to_ascii_uppercase() } else { b }));
                } else {
                    data.push(alphabet[rng.gen_range(0..alphabet.len())]);
                }
            }
            let mut expected: std::collections::BTreeMap<usize, std::collections::BTreeSet<u32>> = Default::default();
            for i in 0..data.len() {
                for (k, r) in &owned {
                    if data.len() - i >= k.len() && data[i..i + k.len()].eq_ignore_ascii_case(k) {
                        expected.entry(i).or_default().insert(*r);
                    }
                }
            }
            let mut got: std::collections::BTreeMap<usize, std::collections::BTreeSet<u32>> = Default::default();
            let mut last = 0;
            pre.hits(&data, |h| {
                assert!(h.start >= last, "hits come in increasing order");
                last = h.start;
                got.entry(h.start).or_default().insert(h.rule);
            });
            assert_eq!(
                got.keys().collect::<Vec<_>>(),
                expected.keys().collect::<Vec<_>>(),
                "in {:?}",
                String::from_utf8_lossy(&data)
            );
            for (at, rules) in &expected {
                assert!(rules.is_subset(&got[at]), "at {at}: {rules:?} not all in {:?}", got[at]);
            }
        }
    }
}
