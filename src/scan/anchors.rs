//! The keyword anchor index: each keyword is indexed by one of its trigrams, the one rarest in source code
//! (`common_trigrams.txt`), and one pass over the data hashes the trigram at every position into a bitset
//! that fits in L2. The loads are independent, so the pass runs near 1 GB/s per core, and in source code
//! fewer than one position in 200 is a candidate.
//!
//! Case folding is `byte | 0x20`: exact for letters and a superset for other bytes, so an anchor never
//! misses an occurrence; the caller confirms each candidate.

/// log2 of the number of hash buckets: 2^20 bits is 128 KiB, in L2, and keeps collisions of the ~300
/// anchors with common trigrams rare.
const BUCKET_BITS: u32 = 20;
/// Keywords are anchored within their first 64 bytes (offsets fit a u64 mask).
pub(super) const MAX_OFFSET: usize = 63;

/// The trigram index: which buckets hold an anchor, and for each such bucket the offsets back from the
/// anchor to where its keywords start.
pub(super) struct Anchors {
    bits: Vec<u64>,
    /// Per 64-bit word of `bits`, how many bits are set before it: a bucket's rank indexes `offsets`.
    rank: Vec<u32>,
    /// Per occupied bucket, bit `o` set when some keyword starts `o` bytes before its anchor.
    offsets: Vec<u64>,
}

#[inline(always)]
fn bucket(trigram: u32) -> usize {
    folded_bucket((trigram | 0x0020_2020) & 0x00FF_FFFF)
}

/// The bucket of a trigram already folded and masked to 24 bits (multiplicative hashing).
#[inline(always)]
fn folded_bucket(t: u32) -> usize {
    (t.wrapping_mul(0x9E37_79B1) >> (32 - BUCKET_BITS)) as usize
}

fn trigram(b: [u8; 3]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], 0])
}

impl Anchors {
    pub(super) fn new(keywords: &[Vec<u8>]) -> Self {
        let freq = TrigramFreq::load();
        let mut masks: std::collections::BTreeMap<usize, u64> = Default::default();
        let mut add = |t: u32, off: usize| *masks.entry(bucket(t)).or_default() |= 1 << off;
        for k in keywords {
            match k.len() {
                0 => {}
                // Shorter than a trigram: every completion is an anchor (a few thousand buckets at most).
                1 | 2 => {
                    for c in 0..=255u8 {
                        if k.len() == 2 {
                            add(trigram([k[0], k[1], c]), 0);
                        } else {
                            for d in 0..=255u8 {
                                add(trigram([k[0], c, d]), 0);
                            }
                        }
                    }
                }
                n => {
                    let last = (n - 3).min(MAX_OFFSET);
                    let off = (0..=last).min_by_key(|&o| freq.score([k[o], k[o + 1], k[o + 2]])).unwrap_or(0);
                    add(trigram([k[off], k[off + 1], k[off + 2]]), off);
                }
            }
        }
        let words = 1usize << (BUCKET_BITS - 6);
        let mut bits = vec![0u64; words];
        for &b in masks.keys() {
            bits[b >> 6] |= 1 << (b & 63);
        }
        let mut rank = Vec::with_capacity(words);
        let mut n = 0u32;
        for w in &bits {
            rank.push(n);
            n += w.count_ones();
        }
        Anchors { bits, rank, offsets: masks.into_values().collect() }
    }

    #[inline(always)]
    fn occupied(&self, b: usize) -> bool {
        // SAFETY: `bucket` returns fewer than 2^BUCKET_BITS values, and `bits` has one bit for each.
        let w = unsafe { *self.bits.get_unchecked(b >> 6) };
        w & (1 << (b & 63)) != 0
    }

    fn offsets_of(&self, b: usize) -> u64 {
        let below = self.bits[b >> 6] & ((1u64 << (b & 63)) - 1);
        self.offsets[self.rank[b >> 6] as usize + below.count_ones() as usize]
    }

    /// Calls `f` with every position where a keyword may start, in nearly increasing order.
    pub(super) fn candidates(&self, data: &[u8], mut f: impl FnMut(usize)) {
        let mut at = |i: usize, t: u32| {
            let mut offs = self.offsets_of(bucket(t));
            while offs != 0 {
                let o = offs.trailing_zeros() as usize;
                offs &= offs - 1;
                if o <= i {
                    f(i - o);
                }
            }
        };
        let n = data.len();
        let mut i = 0;
        // Six trigrams from each 8-byte load, folded once; one branch for all six in the common case of
        // no candidate.
        while i + 8 <= n {
            let w = u64::from_le_bytes(data[i..i + 8].try_into().expect("8 bytes")) | 0x2020_2020_2020_2020;
            let t = |k: usize| (w >> (8 * k)) as u32 & 0x00FF_FFFF;
            let hit = |k: usize| (self.occupied(folded_bucket(t(k))) as u32) << k;
            let mut found = hit(0) | hit(1) | hit(2) | hit(3) | hit(4) | hit(5);
            while found != 0 {
                let k = found.trailing_zeros() as usize;
                found &= found - 1;
                at(i + k, t(k));
            }
            i += 6;
        }
        // The tail, zero-padded: a keyword shorter than a trigram at the very end still has an anchor.
        while i < n {
            let mut b = [0u8; 3];
            for (j, x) in b.iter_mut().enumerate() {
                *x = data.get(i + j).copied().unwrap_or(0);
            }
            let t = trigram(b);
            if self.occupied(bucket(t)) {
                at(i, t);
            }
            i += 1;
        }
    }
}

/// How common a trigram is in source code, from the embedded table; rarer trigrams make better anchors.
struct TrigramFreq(std::collections::HashMap<[u8; 3], u32>);

impl TrigramFreq {
    fn load() -> Self {
        let table = include_str!("common_trigrams.txt");
        let map = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (hex, count) = l.split_once(' ')?;
                let b = hex::decode(hex).ok()?;
                Some(([b[0], b[1], b[2]], count.parse().ok()?))
            })
            .collect();
        TrigramFreq(map)
    }

    /// Occurrences per 10 million trigrams, in units of 1/1000. Not in the table: below its rarest entry
    /// (one), more so with bytes that are rare in code.
    fn score(&self, t: [u8; 3]) -> u32 {
        let folded = t.map(|b| b | 0x20);
        if let Some(&c) = self.0.get(&folded) {
            return c * 1000;
        }
        let weight = |b: u8| match b {
            b'a'..=b'z' | b' ' => 10,
            b'0'..=b'9' | b'.' | b'/' | b'*' | b'-' | b'_' | 0x7f => 5,
            _ => 3,
        };
        folded.iter().map(|&b| weight(b)).product()
    }
}

#[cfg(test)]
mod tests {
    use super::Anchors;

    /// Every occurrence of every keyword, in any case and at any position including the very start and
    /// end of the data, produces a candidate at its start.
    #[test]
    fn anchors_find_every_occurrence() {
        let keywords: Vec<Vec<u8>> = ["q~", "[0", "token", "sk_live_", "begin pgp private key block", "x", "https://"]
            .map(|k| k.into())
            .to_vec();
        let anchors = Anchors::new(&keywords);
        for k in &keywords {
            for (prefix, suffix) in [("", ""), ("ab", ""), ("", "c"), ("some text ", " more text here")] {
                for upper in [false, true] {
                    let kw = if upper { k.to_ascii_uppercase() } else { k.clone() };
                    let data = [prefix.as_bytes(), &kw, suffix.as_bytes()].concat();
                    let mut starts = Vec::new();
                    anchors.candidates(&data, |s| starts.push(s));
                    assert!(starts.contains(&prefix.len()), "{:?} in {:?}", k, String::from_utf8_lossy(&data));
                }
            }
        }
    }
}
