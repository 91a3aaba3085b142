//! Shannon entropy of a secret, in bits per byte.

pub fn shannon(data: &[u8]) -> f64 {
    if data.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let n = data.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// The entropy a secret of `len` characters must reach for a rule asking `min`: a string of n characters
/// has at most log2(n) bits per character, so short secrets (an 8-character password) are held to a
/// bar they can reach, a little under their maximum.
pub fn threshold(min: f64, len: usize) -> f64 {
    if len < 2 {
        return min;
    }
    min.min((len as f64).log2() - 0.6)
}

#[cfg(test)]
mod tests {
    use super::shannon;

    #[test]
    fn threshold_is_reachable_for_short_secrets() {
        assert!((super::threshold(3.5, 8) - 2.4).abs() < 1e-9);
        assert_eq!(super::threshold(3.5, 64), 3.5);
    }

    #[test]
    fn known_values() {
        assert_eq!(shannon(b""), 0.0);
        assert_eq!(shannon(b"aaaa"), 0.0);
        assert!((shannon(b"abab") - 1.0).abs() < 1e-9);
        assert!((shannon(b"abcdefgh") - 3.0).abs() < 1e-9);
    }
}
