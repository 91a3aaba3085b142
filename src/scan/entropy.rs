//! Shannon entropy of a secret, in bits per byte.

/// Shannon entropy of `data`, in bits per byte (0.0 when empty).
pub(crate) fn shannon(data: &[u8]) -> f64 {
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
///
/// Hex strings (16 symbols, at most 4 bits each) of 32 or more characters are held to 3.0: random ones
/// average about 3.6, and hex is a common shape of API keys.
pub fn threshold(min: f64, secret: &[u8]) -> f64 {
    let len = secret.len();
    if len < 2 {
        return min;
    }
    let bar = min.min((len as f64).log2() - 0.6);
    if len >= 32 && secret.iter().all(u8::is_ascii_hexdigit) {
        return bar.min(3.0);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::shannon;

    #[test]
    fn threshold_is_reachable_for_short_secrets() {
        assert!((super::threshold(3.5, b"abcdefgh") - 2.4).abs() < 1e-9);
        assert_eq!(super::threshold(3.5, &[b'x'; 64]), 3.5);
        assert_eq!(super::threshold(3.5, &[b'a'; 32]), 3.0);
    }

    #[test]
    fn known_values() {
        assert_eq!(shannon(b""), 0.0);
        assert_eq!(shannon(b"aaaa"), 0.0);
        assert!((shannon(b"abab") - 1.0).abs() < 1e-9);
        assert!((shannon(b"abcdefgh") - 3.0).abs() < 1e-9);
    }
}
