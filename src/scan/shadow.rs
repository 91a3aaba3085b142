//! Which of several overlapping matches is reported: a generic rule gives way to a specific rule that
//! found an overlapping secret; of two overlapping matches of one specific rule, or of any two generic
//! ones, the earlier (in candidate order) wins.
//!
//! O(n log n): a file holding hundreds of thousands of keys must not cost a pairwise comparison (a
//! 10 MB file of 320k keys took minutes that way).

use std::collections::{BTreeMap, HashMap};

/// An interval set with "does anything here overlap `s..e`?" in O(log n); intervals never overlap
/// each other (each is added only when it overlaps nothing already there).
#[derive(Default)]
struct Disjoint(BTreeMap<usize, usize>);

impl Disjoint {
    fn overlaps(&self, s: usize, e: usize) -> bool {
        // The last interval starting before `e` is the only one that can reach past `s`.
        self.0.range(..e).next_back().is_some_and(|(_, &end)| end > s)
    }

    fn insert(&mut self, s: usize, e: usize) {
        self.0.insert(s, e);
    }
}

/// Intervals that may overlap each other, for the question "does any overlap `s..e`?".
struct Overlapping {
    /// Sorted by start, with the running maximum of ends.
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Overlapping {
    fn new(mut v: Vec<(usize, usize)>) -> Self {
        v.sort_unstable();
        let mut max_end = Vec::with_capacity(v.len());
        let mut m = 0;
        for &(_, e) in &v {
            m = m.max(e);
            max_end.push(m);
        }
        Overlapping { starts: v.into_iter().map(|(s, _)| s).collect(), max_end }
    }

    fn overlaps(&self, s: usize, e: usize) -> bool {
        let n = self.starts.partition_point(|&x| x < e);
        n > 0 && self.max_end[n - 1] > s
    }
}

/// Returns which of `cands` (rule index, start, end, generic) to keep, in their order.
pub fn keep(cands: &[(usize, usize, usize, bool)]) -> Vec<bool> {
    let mut keep = vec![false; cands.len()];
    // Specific rules: only matches of the same rule shadow each other.
    let mut by_rule: HashMap<usize, Disjoint> = HashMap::new();
    let mut specific = Vec::new();
    for (i, &(rule, s, e, generic)) in cands.iter().enumerate() {
        if generic {
            continue;
        }
        let set = by_rule.entry(rule).or_default();
        if !set.overlaps(s, e) {
            set.insert(s, e);
            keep[i] = true;
            specific.push((s, e));
        }
    }
    // Generic rules: shadowed by any specific match, and by an earlier generic match of any rule.
    let specific = Overlapping::new(specific);
    let mut generic_kept = Disjoint::default();
    for (i, &(_, s, e, generic)) in cands.iter().enumerate() {
        if generic && !specific.overlaps(s, e) && !generic_kept.overlaps(s, e) {
            generic_kept.insert(s, e);
            keep[i] = true;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// The rule as first written: pairwise, in candidate order.
    fn naive(c: &[(usize, usize, usize, bool)]) -> Vec<bool> {
        let overlaps = |a: &(usize, usize, usize, bool), b: &(usize, usize, usize, bool)| a.1 < b.2 && b.1 < a.2;
        let mut keep = vec![true; c.len()];
        for i in 0..c.len() {
            for j in 0..c.len() {
                if i == j || !keep[j] || !overlaps(&c[i], &c[j]) {
                    continue;
                }
                let (a, b) = (&c[i], &c[j]);
                let shadowed = (a.3 && !b.3) || (a.3 == b.3 && (a.0 == b.0 || a.3) && j < i);
                if shadowed {
                    keep[i] = false;
                    break;
                }
            }
        }
        keep
    }

    #[test]
    fn agrees_with_the_pairwise_rule_on_random_candidates() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..2000 {
            let n = rng.gen_range(0..12);
            let mut c: Vec<(usize, usize, usize, bool)> = (0..n)
                .map(|_| {
                    let rule = rng.gen_range(0..4);
                    let s = rng.gen_range(0..40);
                    (rule, s, s + rng.gen_range(1..12), rule >= 2)
                })
                .collect();
            // Candidates arrive grouped by rule, each rule's in increasing, non-overlapping order.
            c.sort_by_key(|x| (x.0, x.1));
            c.dedup_by(|b, a| a.0 == b.0 && b.1 < a.2);
            assert_eq!(keep(&c), naive(&c), "{c:?}");
        }
    }
}
